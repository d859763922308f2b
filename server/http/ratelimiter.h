#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <array>
#include <chrono>

namespace inkwell::server {

/// @brief Token buckets by key ("ip:1.2.3.4", "user:<uuid>"), shared by every listener thread.
/// A bucket holds up to `perMinute` tokens and refills at perMinute / 60 tokens a second.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute);

    struct Decision {
        bool allowed = true;
        int retryAfterSeconds = 0; ///< when refused: whole seconds until a token is back
    };

    /// @brief Takes one token for `key`; `perMinute` 0 means no limit.
    Decision take(const QByteArray &key, Clock::time_point now = Clock::now());

    int perMinute() const { return m_perMinute; }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    struct Shard {
        QMutex mutex;
        QHash<QByteArray, Bucket> buckets;
        Clock::time_point lastSweep;
    };

    int m_perMinute;
    std::array<Shard, 16> m_shards; // fewer threads wait on one lock
};

} // namespace inkwell::server
