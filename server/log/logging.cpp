#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace inkwell::server::logging {

namespace {

std::atomic<int> g_threshold{1}; // 0 debug, 1 info, 2 warning, 3 error
QMutex g_writeMutex;

int rank(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg:
    case QtFatalMsg: return 3;
    }
    return 3;
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return u"debug"_s;
    case QtInfoMsg: return u"info"_s;
    case QtWarningMsg: return u"warning"_s;
    case QtCriticalMsg: return u"error"_s;
    case QtFatalMsg: return u"fatal"_s;
    }
    return u"error"_s;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    write(type, QString::fromLatin1(context.category ? context.category : "default"), message);
}

} // namespace

void install(const QString &level)
{
    const int threshold = level == u"debug"_s ? 0 : level == u"warning"_s ? 2 : level == u"error"_s ? 3 : 1;
    g_threshold.store(threshold);
    qInstallMessageHandler(messageHandler);
}

bool enabled(QtMsgType type)
{
    return rank(type) >= g_threshold.load(std::memory_order_relaxed);
}

void write(QtMsgType type, const QString &category, const QString &message, const QJsonObject &fields)
{
    if (rank(type) < g_threshold.load(std::memory_order_relaxed))
        return;
    QJsonObject line = fields;
    line.insert(u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(u"level"_s, levelName(type));
    line.insert(u"category"_s, category);
    if (!message.isEmpty())
        line.insert(u"msg"_s, message);
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&g_writeMutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void access(const QJsonObject &fields)
{
    write(QtInfoMsg, u"inkwell.server.access"_s, {}, fields);
}

} // namespace inkwell::server::logging
