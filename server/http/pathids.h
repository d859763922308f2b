#pragma once

#include <QStringView>
#include <QUuid>

#include <optional>

namespace inkwell::server {

/// @brief A path id as api.md spells it: a UUID, lowercase and hyphenated (36 characters). Anything
/// else names no resource (404). QUuid's own parser also takes braces, upper case and bare hex.
std::optional<QUuid> parseUuidPath(QStringView text);

/// @brief A positive 32-bit integer in plain decimal digits (revision numbers): "1".."2147483647".
/// Qt's int path converter turns an overflowing number into 0 and accepts "-1" and "+1"; this
/// refuses all of them, and leading zeros, so every number has one spelling.
std::optional<int> parsePositiveIntPath(QStringView text);

} // namespace inkwell::server
