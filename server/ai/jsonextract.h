#pragma once

#include <QJsonObject>
#include <QStringView>
#include <optional>

namespace inkwell::server::ai {

/// @brief The JSON object in a model's answer, read tolerantly: Markdown fences (```json ... ```) and
/// prose before or after are skipped; the first balanced `{...}` that parses as an object wins.
/// std::nullopt when there is none.
std::optional<QJsonObject> extractJsonObject(QStringView text);

} // namespace inkwell::server::ai
