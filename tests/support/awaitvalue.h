#pragma once

#include <QTest>
#include <functional>
#include <optional>

namespace inkwell::test {

/// @brief Starts an asynchronous call with a callback and runs the event loop until the callback has its value
/// (std::nullopt after @p timeoutMs). For the desktop's callback-style APIs (ApiClient, LocalStore).
template <typename T>
std::optional<T> await(const std::function<void(std::function<void(T)>)> &start, int timeoutMs = 20000)
{
    std::optional<T> value;
    start([&value](T result) { value = std::move(result); });
    if (!QTest::qWaitFor([&] { return value.has_value(); }, timeoutMs))
        return std::nullopt;
    return value;
}

} // namespace inkwell::test
