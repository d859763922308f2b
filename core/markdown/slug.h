#pragma once

#include <QString>
#include <QStringView>

namespace inkwell::markdown {

/// @brief Default maximum length of slugify().
inline constexpr int kDefaultSlugLength = 80;

/// @brief A URL slug for @p text: lowercase ASCII letters, digits and single hyphens, never empty.
///
/// Latin letters lose their accents (NFKD, combining marks dropped) and letters that do not decompose are
/// transliterated ("ß" → "ss", "æ" → "ae", "ø" → "o", "þ" → "th", "ł" → "l", ...). Every run of other characters
/// becomes one hyphen; there is no leading or trailing hyphen. A slug longer than @p maxLength (at least 1) is cut
/// at the last hyphen that fits, or hard when there is none.
///
/// When nothing is left, the result is "untitled" for empty or whitespace-only text, otherwise "untitled-" and the
/// first 8 hex digits of the SHA-1 of the UTF-8 text ("日本語" → "untitled-xxxxxxxx"), so it is stable across runs.
/// The fallback obeys @p maxLength as well.
///
/// The result is a fixed point: slugify(slugify(x, n), n) == slugify(x, n).
QString slugify(QStringView text, int maxLength = kDefaultSlugLength);

} // namespace inkwell::markdown
