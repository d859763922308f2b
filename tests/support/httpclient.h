#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace inkwell::test {

/// @brief A response as a test sees it.
struct HttpResponse {
    int status = 0;          ///< 0 when no HTTP answer came (connection refused, timeout)
    QString networkError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lowercase names

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject json() const;
};

/// @brief A small blocking HTTP client for tests (real sockets through QNetworkAccessManager).
class HttpClient {
public:
    explicit HttpClient(QUrl base = {});

    HttpResponse get(const QString &path, const QHash<QByteArray, QByteArray> &headers = {});
    HttpResponse send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QHash<QByteArray, QByteArray> &headers = {});

    void setBase(const QUrl &base) { m_base = base; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
    int m_timeoutMs = 15000;
};

} // namespace inkwell::test
