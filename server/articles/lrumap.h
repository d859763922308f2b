#pragma once

#include <QHash>
#include <QtGlobal>
#include <list>
#include <optional>

namespace inkwell::server {

/// @brief A map that keeps its entries in use order (front: most recently used) and the sum of their
/// costs, for caches bounded by bytes. Not thread-safe: its owner locks.
///
/// Every operation is O(1) (a hash lookup and a list splice), except put(), which is O(1) per entry it
/// evicts.
template <typename Key, typename Value> class LruMap {
public:
    struct Node {
        Key key;
        Value value;
        qint64 cost = 0;
    };

    /// @brief The value, without changing the use order.
    Value *peek(const Key &key)
    {
        const auto it = m_index.constFind(key);
        return it == m_index.cend() ? nullptr : &(*it)->value;
    }
    const Value *peek(const Key &key) const
    {
        const auto it = m_index.constFind(key);
        return it == m_index.cend() ? nullptr : &(*it)->value;
    }
    /// @brief The value, which becomes the most recently used.
    Value *use(const Key &key)
    {
        const auto it = m_index.constFind(key);
        if (it == m_index.cend())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, *it);
        return &(*it)->value;
    }

    /// @brief Keeps `value` as the most recently used, replacing any value of `key`, after evicting the
    /// least recently used entries one by one until the total cost stays within `budget`; `evicted(node)`
    /// is called for each. A value that costs more than the whole budget is not kept (and `key`'s old
    /// value is removed all the same): returns false then.
    template <typename OnEvict> bool put(const Key &key, Value value, qint64 cost, qint64 budget, OnEvict &&evicted)
    {
        take(key);
        if (cost > budget)
            return false;
        while (!m_order.empty() && m_bytes + cost > budget) {
            Node &last = m_order.back();
            evicted(last);
            m_bytes -= last.cost;
            m_index.remove(last.key);
            m_order.pop_back();
        }
        m_order.push_front(Node{key, std::move(value), cost});
        m_index.insert(key, m_order.begin());
        m_bytes += cost;
        return true;
    }

    /// @brief Removes `key`'s entry and hands it back (std::nullopt when there was none).
    std::optional<Node> take(const Key &key)
    {
        const auto it = m_index.constFind(key);
        if (it == m_index.cend())
            return std::nullopt;
        const auto node = *it;
        m_index.erase(it);
        std::optional<Node> out(std::move(*node));
        m_bytes -= out->cost;
        m_order.erase(node);
        return out;
    }

    void clear()
    {
        m_index.clear();
        m_order.clear();
        m_bytes = 0;
    }

    /// @brief Calls `f(const Node &)` for every entry, most recently used first.
    template <typename F> void forEach(F &&f) const
    {
        for (const Node &node : m_order)
            f(node);
    }

    qint64 bytes() const { return m_bytes; }
    qsizetype size() const { return m_index.size(); }

private:
    std::list<Node> m_order;
    QHash<Key, typename std::list<Node>::iterator> m_index;
    qint64 m_bytes = 0;
};

} // namespace inkwell::server
