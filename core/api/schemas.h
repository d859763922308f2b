#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

/// @file
/// The JSON Schemas (OpenAPI 3.1 dialect, JSON Schema 2020-12) of every body the HTTP API takes and every answer
/// it gives (api.md), written beside the types that read and write them so that the OpenAPI document cannot drift
/// from the code: the server's /openapi.json takes its `components.schemas` from here, tst_model checks each
/// schema against what core's toJson writes, and tst_contract checks the running server against the document.
///
/// Conventions: objects are closed (`additionalProperties: false`; the server refuses unknown request members, and
/// an answer member the schema does not name is a contract change); a member that may be null has `"null"` among
/// its types; ids are `format: uuid`, timestamps `format: date-time`, days `format: date`; enums are taken from
/// core's own toString functions (enumSpellings), so a new enum value appears in the document by itself.

namespace inkwell::api {

/// @brief One named schema: an entry of the OpenAPI document's `components.schemas`.
struct SchemaComponent {
    QString name; ///< "Article", "Page_ArticleSummary", ...
    QJsonObject schema;
};

/// @brief Every named schema of the API, in a stable order (built once).
const QList<SchemaComponent> &schemaComponents();

/// @brief The `components.schemas` object: `{"Article": {...}, ...}`.
QJsonObject schemaComponentsObject();

/// @brief The schema named @p name; std::nullopt for a name that is not a component.
std::optional<QJsonObject> schemaComponent(QStringView name);

/// @brief `#/components/schemas/<name>`, how a document refers to a component.
QString schemaRef(QStringView name);

/// @brief The API spellings of every value of an enum, in declaration order, from its toString function: the
/// values 0, 1, 2... until toString answers an empty string (what core's toString functions answer for a value
/// that is not one of the enum's). A value added to the enum is listed without touching this.
template <typename E> QStringList enumSpellings(QString (*toString)(E))
{
    QStringList spellings;
    for (int i = 0;; ++i) {
        const QString text = toString(static_cast<E>(i));
        if (text.isEmpty())
            return spellings;
        spellings.append(text);
    }
}

} // namespace inkwell::api
