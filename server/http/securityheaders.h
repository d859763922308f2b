#pragma once

#include <QByteArray>

#include <array>
#include <utility>

namespace inkwell::server {

/// @brief The headers every response carries (api.md, "Security headers"), in one place for the
/// router and for the raw answers of the connection guard.
inline constexpr std::array<std::pair<const char *, const char *>, 5> kSecurityHeaders{{
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
    {"Referrer-Policy", "no-referrer"},
    {"X-XSS-Protection", "0"},
}};

} // namespace inkwell::server
