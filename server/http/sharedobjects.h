#pragma once

#include <QMutex>
#include <QMutexLocker>
#include <memory>
#include <typeindex>
#include <unordered_map>

namespace inkwell::server {

/// @brief Objects a module makes once per server from the configuration and shares among its listener threads
/// (a cache, the AI upstream): made by the first that asks, by the module that owns the type. The HTTP layer
/// holds them for the modules without knowing any of them; a module reaches another's only through the
/// owner's functions.
class SharedObjects {
public:
    /// @brief The object of type T, made with `make()` (returning std::shared_ptr<T>) by the first caller.
    template <typename T, typename Make> std::shared_ptr<T> get(Make make) const
    {
        QMutexLocker lock(&m_mutex);
        std::shared_ptr<void> &slot = m_objects[std::type_index(typeid(T))];
        if (!slot)
            slot = std::shared_ptr<T>(make());
        return std::static_pointer_cast<T>(slot);
    }

    /// @brief Puts `object` in place of whatever T there was (tests, and a start that makes it eagerly).
    template <typename T> void put(std::shared_ptr<T> object)
    {
        QMutexLocker lock(&m_mutex);
        m_objects[std::type_index(typeid(T))] = std::move(object);
    }

private:
    mutable QMutex m_mutex;
    mutable std::unordered_map<std::type_index, std::shared_ptr<void>> m_objects;
};

} // namespace inkwell::server
