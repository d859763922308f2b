#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <deque>
#include <functional>

namespace inkwell::server {

/// @brief Request counts and latency histograms by route and status, and gauges, in Prometheus
/// text format. Each listener thread records into its own shard (an uncontended lock); a scrape
/// adds the shards up.
class Metrics {
public:
    static constexpr std::array<double, 13> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,    0.25,  0.5,    1.0,   2.5,   10.0};

    explicit Metrics(int shards);

    void recordRequest(int shard, const QByteArray &method, const QString &route, int status, double seconds);
    void recordRefusal(int status);

    std::atomic<int> openStreams{0};
    std::atomic<int> dbConnectionsOpen{0};
    int dbConnectionsMax = 0;
    using GaugeSource = std::function<QList<std::pair<QByteArray, double>>()>;
    /// Gauges filled at scrape time (open connections...), name → value.
    GaugeSource gauges;
    /// @brief Adds more gauges filled at scrape time (the outbox backlog...). Any thread, any time.
    void addGauges(GaugeSource source);
    /// @brief As addGauges(), for counters (values that only grow; names end in `_total`).
    void addCounters(GaugeSource source);

    /// @brief The Prometheus text exposition (version 0.0.4).
    QByteArray render() const;

private:
    struct Series {
        quint64 count = 0;
        double sum = 0;
        std::array<quint64, kBuckets.size()> buckets{};
    };
    struct Key {
        QByteArray method;
        QString route;
        int status = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.method, key.route, key.status); }
    };
    struct Shard {
        mutable QMutex mutex;
        QHash<Key, Series> series;
    };
    std::deque<Shard> m_shards;
    mutable QMutex m_sourcesMutex;
    QList<GaugeSource> m_sources;
    QList<GaugeSource> m_counterSources;
    std::array<std::atomic<quint64>, 200> m_refusals{}; ///< by status - 400
};

} // namespace inkwell::server
