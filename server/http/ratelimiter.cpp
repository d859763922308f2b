#include "ratelimiter.h"

#include <cmath>

namespace inkwell::server {

RateLimiter::RateLimiter(int perMinute)
    : m_perMinute(perMinute)
{
}

RateLimiter::Decision RateLimiter::take(const QByteArray &key, Clock::time_point now)
{
    if (m_perMinute <= 0)
        return {};
    const double capacity = m_perMinute;
    const double perSecond = m_perMinute / 60.0;
    Shard &shard = m_shards[qHash(key) % m_shards.size()];
    QMutexLocker lock(&shard.mutex);

    // Forget buckets that have refilled completely: they carry no information.
    if (now - shard.lastSweep > std::chrono::seconds(60)) {
        for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
            const double idle = std::chrono::duration<double>(now - it->updated).count();
            it = it->tokens + idle * perSecond >= capacity ? shard.buckets.erase(it) : std::next(it);
        }
        shard.lastSweep = now;
    }

    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end())
        it = shard.buckets.insert(key, Bucket{capacity, now});
    Bucket &bucket = *it;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * perSecond);
    bucket.updated = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    return {false, std::max(1, int(std::ceil((1.0 - bucket.tokens) / perSecond)))};
}

} // namespace inkwell::server
