#pragma once

#include <QString>
#include <QStringView>

/// @file
/// Markdown (GitHub Flavored Markdown, via cmark-gfm) to HTML and plain text, plus the text statistics shown next to
/// an article. One renderer for the server's `content_html` and the desktop preview.
/// Everything here is pure and may be called from any number of threads at once: each call has its own parser, and
/// the one step of cmark-gfm that touches process-wide state is serialised inside (see markdown.cpp).

namespace inkwell::markdown {

/// @brief Average adult silent reading speed used by readingTimeMinutes(), in words per minute.
inline constexpr int kWordsPerMinute = 230;
/// @brief Default length of excerpt(), in UTF-16 code units, the ellipsis included.
inline constexpr int kDefaultExcerptLength = 160;

/// @brief Renders GitHub Flavored Markdown to an HTML fragment that is safe to show to other users.
///
/// CommonMark plus GitHub's extensions: tables (`<table>`, cells aligned with `align="..."`), strike-through with
/// two tildes (`~~gone~~` gives `<del>`; a single tilde stays literal), task list items (a disabled, read-only
/// `<input type="checkbox" disabled="" />`), autolinks for `www.`, `http(s)://` and e-mail addresses, and the tag
/// filter. Uses cmark-gfm's safe mode (the default; CMARK_OPT_UNSAFE is never set): raw HTML blocks and inline
/// tags become `<!-- raw HTML omitted -->`, and `javascript:`, `vbscript:`, `file:` and non-image `data:` link or
/// image destinations are emptied (`href=""`), autolinks and links in table cells included. Text is HTML-escaped.
/// Invalid UTF-8 and lone surrogates become U+FFFD. Empty input gives an empty string.
///
/// A document whose tables would cost far more than their size (hundreds of columns, rows padded to a huge header,
/// delimiter-like lines that make the parser re-read a paragraph again and again) is rendered without the table
/// extension: its tables then read as text. Written-out tables stay tables up to about 100 columns × 3,000 rows
/// (10 columns: over 200,000 rows); the limits are in markdown.cpp.
QString toHtml(QStringView markdown);

/// @brief The readable text of a Markdown document, on one line.
///
/// Parses as toHtml() does. Keeps text, code spans, code blocks, image alt text, table cells (separated by spaces)
/// and struck-through text; drops markup, link destinations, task list checkboxes and raw HTML. Every run of
/// whitespace (line and block breaks included) becomes one space, and the result is trimmed.
QString toPlainText(QStringView markdown);

/// @brief Number of words in toPlainText(): whitespace-separated tokens that contain at least one letter or digit.
///
/// Text without spaces (Chinese, Japanese) counts as one word per run.
int wordCount(QStringView markdown);

/// @brief Estimated reading time: ceil(wordCount / kWordsPerMinute), and at least 1 (also for empty text).
int readingTimeMinutes(QStringView markdown);

/// @brief A short plain-text preview of at most @p maxChars UTF-16 code units.
///
/// When toPlainText() fits it is returned unchanged. Otherwise it is cut at the last word boundary so that the
/// text plus "…" (U+2026, one code unit) fits, trailing punctuation and spaces are removed before the ellipsis,
/// and a single word longer than the limit is cut hard. A surrogate pair is never split. @p maxChars below 1
/// gives an empty string.
QString excerpt(QStringView markdown, int maxChars = kDefaultExcerptLength);

} // namespace inkwell::markdown
