#pragma once
// Is this HTML safe to show to other users? For the Markdown XSS tests (core's renderer and the
// server's content_html): each '<' ... '>' is parsed and anything a browser could run fails.

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace inkwell::test::html {

using namespace Qt::StringLiterals;

// cmark-gfm escapes every '<' and '>' of text and attribute values, so each '<' ... '>' of content_html is a real tag
// or comment. The check parses those and fails on anything a browser could run, whatever the input looked like
// URLs are checked against an allow-list of schemes.

inline const QStringList kAllowedTags = {
    u"p"_s, u"em"_s, u"strong"_s, u"a"_s, u"img"_s, u"code"_s, u"pre"_s, u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s,
    u"h6"_s, u"ul"_s, u"ol"_s, u"li"_s, u"blockquote"_s, u"hr"_s, u"br"_s,
    // GitHub's extensions: tables, strike-through, and a task list item's checkbox (see the input rule below).
    u"table"_s, u"thead"_s, u"tbody"_s, u"tr"_s, u"th"_s, u"td"_s, u"del"_s, u"input"_s};
inline const QStringList kAllowedAttributes = {u"href"_s,  u"src"_s,   u"alt"_s,  u"title"_s,   u"class"_s,
                                               u"start"_s, u"align"_s, u"type"_s, u"checked"_s, u"disabled"_s};
inline const QString kOmittedComment = u"<!-- raw HTML omitted -->"_s;

/// Decodes the character references an attribute value can hold, as a browser does before using a URL
/// (numeric ones also without their ';').
inline QString decodeEntities(const QString &value)
{
    static const QHash<QString, char32_t> named = {{u"amp"_s, U'&'},   {u"quot"_s, U'"'},  {u"lt"_s, U'<'},
                                                   {u"gt"_s, U'>'},    {u"apos"_s, U'\''}, {u"colon"_s, U':'},
                                                   {u"Tab"_s, U'\t'},  {u"NewLine"_s, U'\n'}};
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != u'&') {
            out += value.at(i);
            continue;
        }
        if (i + 1 < value.size() && value.at(i + 1) == u'#') {
            const bool hex = i + 2 < value.size() && (value.at(i + 2) == u'x' || value.at(i + 2) == u'X');
            qsizetype j = i + (hex ? 3 : 2);
            const qsizetype digitsStart = j;
            const auto digit = [hex](QChar c) {
                const char16_t u = c.unicode();
                return (u >= u'0' && u <= u'9') || (hex && ((u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')));
            };
            while (j < value.size() && digit(value.at(j)))
                ++j;
            bool ok = false;
            const uint cp = value.mid(digitsStart, j - digitsStart).toUInt(&ok, hex ? 16 : 10);
            if (!ok || j == digitsStart) {
                out += value.at(i);
                continue;
            }
            const char32_t c = cp > 0x10FFFF ? char32_t(0xFFFD) : char32_t(cp);
            out += QString::fromUcs4(&c, 1);
            i = (j < value.size() && value.at(j) == u';') ? j : j - 1;
            continue;
        }
        const qsizetype end = value.indexOf(u';', i);
        const auto found = end < 0 ? named.cend() : named.constFind(value.mid(i + 1, end - i - 1));
        if (found == named.cend()) {
            out += value.at(i);
            continue;
        }
        out += QString::fromUcs4(&*found, 1);
        i = end;
    }
    return out;
}

/// Why a URL attribute is unsafe, or empty. Allowed: empty, relative, http(s), mailto, ftp and xmpp (href; the last
/// two come from GFM autolinks), and raster data:image (src). Mirrors the WHATWG URL parser's preprocessing: leading
/// and trailing C0 controls and spaces are stripped and tabs and newlines anywhere are removed before the scheme is
/// read.
inline QString urlProblem(const QString &attribute, const QString &rawValue)
{
    QString url = decodeEntities(rawValue);
    while (!url.isEmpty() && url.front().unicode() <= 0x20)
        url.remove(0, 1);
    while (!url.isEmpty() && url.back().unicode() <= 0x20)
        url.chop(1);
    url.remove(u'\t').remove(u'\n').remove(u'\r');
    static const QRegularExpression schemePattern(u"^([A-Za-z][A-Za-z0-9+.\\-]*):"_s);
    const QRegularExpressionMatch match = schemePattern.match(url);
    if (!match.hasMatch())
        return {}; // relative (or empty)
    const QString scheme = match.captured(1).toLower();
    if (scheme == u"http"_s || scheme == u"https"_s)
        return {};
    if ((scheme == u"mailto"_s || scheme == u"ftp"_s || scheme == u"xmpp"_s) && attribute == u"href"_s)
        return {};
    static const QRegularExpression rasterImage(u"^data:image/(png|gif|jpeg|webp)[;,]"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    if (scheme == u"data"_s && attribute == u"src"_s && rasterImage.match(url).hasMatch())
        return {};
    return attribute + u" uses the scheme "_s + scheme;
}

/// Why `tag` (one "<...>" of the output) is unsafe, or empty.
inline QString unsafeTag(const QString &tag)
{
    if (tag.startsWith(u"<!"_s))
        return tag == kOmittedComment ? QString() : u"comment or declaration passed through: "_s + tag;
    static const QRegularExpression namePattern(u"^</?([A-Za-z][A-Za-z0-9]*)"_s);
    const QRegularExpressionMatch nameMatch = namePattern.match(tag);
    if (!nameMatch.hasMatch())
        return u"unparsable tag: "_s + tag;
    const QString name = nameMatch.captured(1).toLower();
    if (!kAllowedTags.contains(name))
        return u"element <"_s + name + u"> is not one cmark-gfm emits"_s;
    // Attributes: a name, optionally = and a double-quoted, single-quoted or bare value.
    QHash<QString, QString> attributes;
    qsizetype i = nameMatch.capturedEnd(0);
    const qsizetype end = tag.size() - 1; // the closing '>'
    while (i < end) {
        if (tag.at(i).isSpace() || tag.at(i) == u'/') {
            ++i;
            continue;
        }
        const qsizetype nameStart = i;
        while (i < end && !tag.at(i).isSpace() && tag.at(i) != u'=' && tag.at(i) != u'/')
            ++i;
        const QString attribute = tag.mid(nameStart, i - nameStart).toLower();
        QString value;
        if (i < end && tag.at(i) == u'=') {
            ++i;
            if (i < end && (tag.at(i) == u'"' || tag.at(i) == u'\'')) {
                const QChar quote = tag.at(i);
                const qsizetype close = tag.indexOf(quote, i + 1);
                if (close < 0 || close > end)
                    return u"unterminated attribute value in "_s + tag;
                value = tag.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < end && !tag.at(i).isSpace())
                    ++i;
                value = tag.mid(valueStart, i - valueStart);
            }
        }
        if (attribute.startsWith(u"on"_s))
            return u"event handler attribute "_s + attribute + u" in "_s + tag;
        if (!kAllowedAttributes.contains(attribute))
            return u"unexpected attribute "_s + attribute + u" in "_s + tag;
        if (attribute == u"href"_s || attribute == u"src"_s) {
            if (const QString why = urlProblem(attribute, value); !why.isEmpty())
                return why + u" in "_s + tag;
        }
        attributes.insert(attribute, value);
    }
    // A task list item's checkbox is the only input there may be, and it must not take input.
    if (name == u"input"_s && !tag.startsWith(u"</"_s) &&
        (attributes.value(u"type"_s).toLower() != u"checkbox"_s || !attributes.contains(u"disabled"_s)))
        return u"an input that is not a disabled checkbox: "_s + tag;
    if (name != u"input"_s &&
        (attributes.contains(u"type"_s) || attributes.contains(u"checked"_s) || attributes.contains(u"disabled"_s)))
        return u"form attribute outside an input: "_s + tag;
    return {};
}

/// Why `html` is unsafe to show, or empty.
inline QString unsafeHtmlReason(const QString &html)
{
    // Belt and braces: these element names must not appear as tags at all, whatever their case (title ... plaintext
    // are the ones GFM's tagfilter extension disallows).
    for (const QString &element : {u"<script"_s, u"<iframe"_s, u"<svg"_s, u"<object"_s, u"<embed"_s, u"<style"_s,
                                   u"<form"_s, u"<math"_s, u"<base"_s, u"<meta"_s, u"<link"_s, u"<title"_s,
                                   u"<textarea"_s, u"<xmp"_s, u"<noembed"_s, u"<noframes"_s, u"<plaintext"_s}) {
        if (html.contains(element, Qt::CaseInsensitive))
            return u"contains "_s + element;
    }
    qsizetype from = 0;
    while (true) {
        const qsizetype open = html.indexOf(u'<', from);
        if (open < 0)
            return {};
        const qsizetype close = html.indexOf(u'>', open);
        if (close < 0)
            return u"unterminated tag at "_s + QString::number(open);
        if (const QString why = unsafeTag(html.mid(open, close - open + 1)); !why.isEmpty())
            return why;
        from = close + 1;
    }
}

} // namespace inkwell::test::html
