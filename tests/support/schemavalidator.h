#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace inkwell::test {

/**
 * @brief Checks JSON values against the JSON Schemas of core/api/schemas.h: the subset of JSON Schema 2020-12
 * they use, checked strictly.
 *
 * Keywords: `$ref` (to `#/components/schemas/NAME`), `type` (one or several; "integer" is a whole number), `enum`,
 * `properties`, `required`, `additionalProperties` (false, true or a schema), `items`, `minItems`, `maxItems`,
 * `minLength` and `maxLength` (in code points), `minimum`, `maximum`, `pattern`, `anyOf`, `oneOf`, and `format`
 * `uuid`, `date-time` (RFC 3339), `date` and `email`. `description` and `title` are ignored. Any other keyword or
 * format is reported as a problem, so a schema that uses something this cannot check never passes unchecked.
 */
class SchemaValidator {
public:
    /// @brief A validator whose `$ref`s resolve in @p components (the `components.schemas` object).
    explicit SchemaValidator(QJsonObject components);

    /// @brief Every way @p value breaks @p schema, each as "<path>: <what>" ("$.user.email: is not an email");
    /// empty when it conforms.
    QStringList validate(const QJsonValue &value, const QJsonObject &schema) const;
    /// @brief Like validate(), against the component @p name (a problem when there is none).
    QStringList validate(const QJsonValue &value, const QString &name) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QStringList &problems,
               int depth) const;

    QJsonObject m_components;
};

} // namespace inkwell::test
