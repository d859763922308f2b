#include "openapi.h"

#include "api/schemas.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

QString reason(int status)
{
    switch (status) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 204:
        return u"No Content"_s;
    case 400:
        return u"Malformed request"_s;
    case 401:
        return u"Missing or bad token"_s;
    case 403:
        return u"Not allowed"_s;
    case 404:
        return u"Not found"_s;
    case 405:
        return u"Method not allowed"_s;
    case 409:
        return u"Conflict"_s;
    case 410:
        return u"Cursor expired: read the feed from the start"_s;
    case 412:
        return u"Revision is stale"_s;
    case 413:
        return u"Body too large"_s;
    case 422:
        return u"Validation failed"_s;
    case 428:
        return u"If-Match required"_s;
    case 429:
        return u"Too many requests"_s;
    case 503:
        return u"Dependency unavailable"_s;
    default:
        return u"Status %1"_s.arg(status);
    }
}

QJsonObject schemaRef(const QString &component)
{
    return {{u"$ref"_s, api::schemaRef(component)}};
}

QJsonObject problemResponse(int status)
{
    return {{u"description"_s, reason(status)},
            {u"content"_s,
             QJsonObject{{u"application/problem+json"_s, QJsonObject{{u"schema"_s, schemaRef(u"Problem"_s)}}}}}};
}

/// The answer of one status: the route's content entries for it, else a problem (4xx, 5xx) or nothing (204).
QJsonObject response(int status, const QList<ResponseContent> &contents)
{
    QJsonObject content;
    for (const ResponseContent &entry : contents) {
        if (entry.status != status)
            continue;
        QJsonObject schema = entry.schema.isEmpty() ? QJsonObject{{u"type"_s, u"string"_s}} : schemaRef(entry.schema);
        if (!entry.description.isEmpty())
            schema.insert(u"description"_s, entry.description);
        content.insert(entry.mediaType, QJsonObject{{u"schema"_s, schema}});
    }
    if (content.isEmpty())
        return status >= 400 ? problemResponse(status) : QJsonObject{{u"description"_s, reason(status)}};
    return {{u"description"_s, reason(status)}, {u"content"_s, content}};
}

/// A path parameter's schema, by the names the routes use: ids are UUIDs, `n` a revision number.
QJsonObject pathParameterSchema(const QString &name)
{
    if (name == u"id"_s || name.endsWith(u"_id"_s))
        return {{u"type"_s, u"string"_s}, {u"format"_s, u"uuid"_s}};
    if (name == u"n"_s)
        return {{u"type"_s, u"integer"_s}, {u"minimum"_s, 1}, {u"maximum"_s, 2147483647}};
    return {{u"type"_s, u"string"_s}};
}

QString methodKey(QHttpServerRequest::Method method)
{
    return QString::fromLatin1(methodName(method)).toLower();
}

} // namespace

QString openApiPath(const RouteInfo &route)
{
    QString path = route.pattern;
    for (const QString &param : route.options.pathParams) {
        const qsizetype at = path.indexOf(u"<arg>"_s);
        if (at < 0)
            break;
        path.replace(at, 5, u'{' + param + u'}');
    }
    return path;
}

QJsonObject openApiDocument(const QList<RouteInfo> &routes, const QString &version)
{
    QJsonObject paths;
    for (const RouteInfo &route : routes) {
        const QString path = openApiPath(route);
        QJsonObject item = paths.value(path).toObject();
        QJsonObject operation;
        operation.insert(u"summary"_s, route.options.summary);
        const QString operationId =
            methodKey(route.method) + QString(path).replace(QRegularExpression(u"[^A-Za-z0-9]+"_s), u"_"_s);
        operation.insert(u"operationId"_s, operationId);
        if (!route.options.tag.isEmpty())
            operation.insert(u"tags"_s, QJsonArray{route.options.tag});
        QJsonArray parameters;
        for (const QString &param : route.options.pathParams)
            parameters.append(QJsonObject{{u"name"_s, param},
                                          {u"in"_s, u"path"_s},
                                          {u"required"_s, true},
                                          {u"schema"_s, pathParameterSchema(param)}});
        if (!parameters.isEmpty())
            operation.insert(u"parameters"_s, parameters);
        if (!route.options.requestBody.isEmpty()) {
            operation.insert(
                u"requestBody"_s,
                QJsonObject{
                    {u"required"_s, true},
                    {u"content"_s, QJsonObject{{u"application/json"_s,
                                                QJsonObject{{u"schema"_s, schemaRef(route.options.requestBody)}}}}}});
        }
        QJsonObject responses;
        for (int status : route.options.responses)
            responses.insert(QString::number(status), response(status, route.options.content));
        if (route.options.rateLimited && !responses.contains(u"429"_s))
            responses.insert(u"429"_s, problemResponse(429));
        responses.insert(u"default"_s, problemResponse(500));
        operation.insert(u"responses"_s, responses);
        item.insert(methodKey(route.method), operation);
        paths.insert(path, item);
    }

    return QJsonObject{
        {u"openapi"_s, u"3.1.0"_s},
        {u"info"_s, QJsonObject{{u"title"_s, u"Inkwell API"_s},
                                {u"version"_s, version},
                                {u"description"_s, u"The HTTP API of inkwelld (api.md, version 1)."_s}}},
        {u"paths"_s, paths},
        {u"components"_s,
         QJsonObject{{u"schemas"_s, api::schemaComponentsObject()},
                     {u"securitySchemes"_s, QJsonObject{{u"bearer"_s, QJsonObject{{u"type"_s, u"http"_s},
                                                                                  {u"scheme"_s, u"bearer"_s},
                                                                                  {u"bearerFormat"_s, u"JWT"_s}}}}}}},
    };
}

} // namespace inkwell::server
