#include "httpclient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace inkwell::test {

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
}

HttpResponse HttpClient::get(const QString &path, const QHash<QByteArray, QByteArray> &headers)
{
    return send("GET", path, {}, headers);
}

HttpResponse HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QHash<QByteArray, QByteArray> &headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!body.isEmpty() && !headers.contains("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(m_timeoutMs);

    HttpResponse response;
    if (!reply->isFinished()) {
        reply->abort();
        response.networkError = u"timed out"_s;
    } else {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && response.status == 0)
            response.networkError = reply->errorString();
        response.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            response.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return response;
}

} // namespace inkwell::test
