#include "jsonbody.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace inkwell::server {

Result<QJsonObject> jsonBody(const QHttpServerRequest &request)
{
    const QByteArray type = request.value(QByteArrayLiteral("content-type"));
    const QByteArray mediaType = type.split(';').constFirst().trimmed().toLower();
    if (mediaType != "application/json")
        return std::unexpected(Error{ErrorKind::UnsupportedFormat, {}, u"Send the body as application/json."_s, {}, {}, 0, false, {}});
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(Error::badRequest(
            u"The body is not valid JSON (%1 at offset %2)."_s.arg(error.errorString()).arg(error.offset)));
    if (!document.isObject())
        return std::unexpected(Error::badRequest(u"The body must be a JSON object."_s));
    return document.object();
}

QHttpServerResponse jsonResponse(const QJsonObject &body, int status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                               static_cast<QHttpServerResponse::StatusCode>(status));
}

} // namespace inkwell::server
