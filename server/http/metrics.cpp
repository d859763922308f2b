#include "metrics.h"

#include <map>

namespace inkwell::server {

namespace {

QByteArray escapeLabel(const QByteArray &value)
{
    QByteArray out = value;
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

} // namespace

Metrics::Metrics(int shards)
    : m_shards(size_t(std::max(1, shards)))
{
}

void Metrics::recordRequest(int shard, const QByteArray &method, const QString &route, int status, double seconds)
{
    Shard &s = m_shards[size_t(shard) % m_shards.size()];
    QMutexLocker lock(&s.mutex);
    Series &series = s.series[Key{method, route, status}];
    ++series.count;
    series.sum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++series.buckets[i];
    }
}

void Metrics::addGauges(GaugeSource source)
{
    QMutexLocker lock(&m_sourcesMutex);
    m_sources.append(std::move(source));
}

void Metrics::addCounters(GaugeSource source)
{
    QMutexLocker lock(&m_sourcesMutex);
    m_counterSources.append(std::move(source));
}

void Metrics::recordRefusal(int status)
{
    if (status >= 400 && status < 600)
        ++m_refusals[size_t(status - 400)];
}

QByteArray Metrics::render() const
{
    std::map<QByteArray, Series> total; // sorted: stable output
    for (const Shard &shard : m_shards) {
        QMutexLocker lock(&shard.mutex);
        for (auto it = shard.series.cbegin(); it != shard.series.cend(); ++it) {
            Series &sum = total[it.key().method + '\t' + it.key().route.toUtf8() + '\t' + QByteArray::number(it.key().status)];
            sum.count += it->count;
            sum.sum += it->sum;
            for (size_t i = 0; i < kBuckets.size(); ++i)
                sum.buckets[i] += it->buckets[i];
        }
    }

    QByteArray out;
    out += "# HELP inkwell_http_requests_total HTTP requests answered, by method, route and status.\n"
           "# TYPE inkwell_http_requests_total counter\n";
    for (const auto &[key, series] : total) {
        const QList<QByteArray> parts = key.split('\t');
        out += "inkwell_http_requests_total{method=\"" + parts[0] + "\",route=\"" + escapeLabel(parts[1]) +
               "\",status=\"" + parts[2] + "\"} " + QByteArray::number(series.count) + '\n';
    }
    out += "# HELP inkwell_http_request_duration_seconds Time from routing to response, by method, route and status.\n"
           "# TYPE inkwell_http_request_duration_seconds histogram\n";
    for (const auto &[key, series] : total) {
        const QList<QByteArray> parts = key.split('\t');
        const QByteArray labels =
            "method=\"" + parts[0] + "\",route=\"" + escapeLabel(parts[1]) + "\",status=\"" + parts[2] + '"';
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += "inkwell_http_request_duration_seconds_bucket{" + labels + ",le=\"" + number(kBuckets[i]) +
                   "\"} " + QByteArray::number(series.buckets[i]) + '\n';
        out += "inkwell_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               QByteArray::number(series.count) + '\n';
        out += "inkwell_http_request_duration_seconds_sum{" + labels + "} " + number(series.sum) + '\n';
        out += "inkwell_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(series.count) + '\n';
    }
    out += "# HELP inkwell_http_refused_total Requests refused by the connection guard before routing, by status.\n"
           "# TYPE inkwell_http_refused_total counter\n";
    for (size_t i = 0; i < m_refusals.size(); ++i) {
        if (const quint64 n = m_refusals[i].load())
            out += "inkwell_http_refused_total{status=\"" + QByteArray::number(qulonglong(400 + i)) + "\"} " +
                   QByteArray::number(n) + '\n';
    }
    out += "# HELP inkwell_sse_open_streams Server-Sent-Event streams open now.\n"
           "# TYPE inkwell_sse_open_streams gauge\n"
           "inkwell_sse_open_streams " + QByteArray::number(openStreams.load()) + '\n';
    out += "# HELP inkwell_db_connections Database connections of the listener threads: open, and the most there can be.\n"
           "# TYPE inkwell_db_connections gauge\n"
           "inkwell_db_connections{state=\"open\"} " + QByteArray::number(dbConnectionsOpen.load()) + '\n' +
           "inkwell_db_connections{state=\"max\"} " + QByteArray::number(dbConnectionsMax) + '\n';
    QList<GaugeSource> sources;
    QList<GaugeSource> counterSources;
    if (gauges)
        sources.append(gauges);
    {
        QMutexLocker lock(&m_sourcesMutex);
        sources += m_sources;
        counterSources = m_counterSources;
    }
    for (const GaugeSource &source : std::as_const(sources)) {
        for (const auto &[name, value] : source())
            out += "# TYPE " + name + " gauge\n" + name + ' ' + number(value) + '\n';
    }
    for (const GaugeSource &source : std::as_const(counterSources)) {
        for (const auto &[name, value] : source())
            out += "# TYPE " + name + " counter\n" + name + ' ' + number(value) + '\n';
    }
    return out;
}

} // namespace inkwell::server
