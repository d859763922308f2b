#pragma once

#include <QStringView>
#include <QVarLengthArray>

namespace inkwell::app {

/// @brief One inline element found by parseInlines(), in UTF-16 code units of the parsed text.
struct InlineSpan {
    enum Kind : quint8 {
        Emphasis,
        Strong,
        Strikethrough,
        Code,     ///< a code span, backticks included
        LinkText, ///< the text of a link or an image (`[text]`)
        Url,      ///< a link destination, an autolink, a bare URL or e-mail address
        Html,     ///< raw HTML
        Markup,   ///< delimiters: `*`, `**`, `~~`, backticks, brackets, parentheses
    };
    Kind kind;
    int start;
    int length;
};

using InlineSpans = QVarLengthArray<InlineSpan, 16>;

/// @brief The inline Markdown of one line's text (a paragraph line, a heading's text, a table cell), from
/// cmark's parse and its source positions.
///
/// It uses cmark-gfm, the library core renders with (two cmark libraries cannot share a process); its
/// strikethrough and autolink extensions find `~~struck~~` text and bare URLs.
///
/// The text is parsed on its own, so emphasis that spans two lines of one paragraph is not seen; reference
/// links are not resolved (their definitions are elsewhere in the document). Thread-safe.
InlineSpans parseInlines(QStringView text);

} // namespace inkwell::app
