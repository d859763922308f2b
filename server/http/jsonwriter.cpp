#include "jsonwriter.h"

#include <QChar>
#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace inkwell::server {

namespace {

char hexDigit(unsigned value)
{
    return "0123456789abcdef"[value & 0xf];
}

/// `\uxxxx`, lower-case hex (as QJsonDocument writes it).
char *escapeUnit(char *dst, char16_t unit)
{
    *dst++ = '\\';
    *dst++ = 'u';
    *dst++ = hexDigit(unit >> 12);
    *dst++ = hexDigit(unit >> 8);
    *dst++ = hexDigit(unit >> 4);
    *dst++ = hexDigit(unit);
    return dst;
}

/// Copies the characters from `src` up to the first that needs escaping or is not ASCII (or `stop`) to `dst`, one byte
/// each; returns where it stopped. Prose is mostly such characters: 8 at a time where SSE2 is there.
const char16_t *copyPlainRun(const char16_t *src, const char16_t *stop, char *&dst)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi16(u'"');
    const __m128i backslash = _mm_set1_epi16(u'\\');
    const __m128i space = _mm_set1_epi16(0x20);
    const __m128i printable = _mm_set1_epi16(0x5f); // 0x20..0x7f, less 0x20
    while (stop - src >= 8) {
        const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src));
        // Below 0x20 wraps around: both that and 0x80 or more are above 0x5f after the subtraction.
        const __m128i outside = _mm_subs_epu16(_mm_sub_epi16(units, space), printable);
        const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(units, quote), _mm_cmpeq_epi16(units, backslash));
        const __m128i plain = _mm_andnot_si128(special, _mm_cmpeq_epi16(outside, _mm_setzero_si128()));
        if (_mm_movemask_epi8(plain) != 0xffff)
            break;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), _mm_packus_epi16(units, units));
        src += 8;
        dst += 8;
    }
#endif
    while (src < stop && *src >= 0x20 && *src < 0x80 && *src != u'"' && *src != u'\\')
        *dst++ = char(*src++);
    return src;
}

/// `\\` and a letter, or `\\u00xx`, for an ASCII character that JSON escapes (below 0x20, `"` and `\\`).
char *escapeAscii(char *dst, unsigned char c)
{
    *dst++ = '\\';
    switch (c) {
    case '"':
        *dst++ = '"';
        break;
    case '\\':
        *dst++ = '\\';
        break;
    case '\b':
        *dst++ = 'b';
        break;
    case '\f':
        *dst++ = 'f';
        break;
    case '\n':
        *dst++ = 'n';
        break;
    case '\r':
        *dst++ = 'r';
        break;
    case '\t':
        *dst++ = 't';
        break;
    default:
        *dst++ = 'u';
        *dst++ = '0';
        *dst++ = '0';
        *dst++ = hexDigit(c >> 4);
        *dst++ = hexDigit(c);
    }
    return dst;
}

bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

/// The bytes from `src` up to the first that needs escaping (or `stop`), copied to `dst`; returns where it stopped.
const char *copyUtf8Run(const char *src, const char *stop, char *&dst)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (stop - src >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src));
        // 0x20 or more, unsigned (the bytes of multi-byte characters are 0x80 or more: copied as they are).
        const __m128i printable = _mm_cmpeq_epi8(_mm_max_epu8(bytes, space), bytes);
        const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
        if (_mm_movemask_epi8(_mm_andnot_si128(special, printable)) != 0xffff)
            break;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), bytes);
        src += 16;
        dst += 16;
    }
#endif
    while (src < stop && !needsEscape(static_cast<unsigned char>(*src)))
        *dst++ = *src++;
    return src;
}

} // namespace

void JsonWriter::appendUtf8String(QByteArray &out, QByteArrayView text)
{
    // As appendString(): chunks with room for their worst case (6 bytes a byte), trimmed after each.
    constexpr qsizetype kChunk = 16384;
    constexpr qsizetype kMostBytesPerByte = 6;
    out.append('"');
    const char *src = text.data();
    const char *const end = src + text.size();
    while (src != end) {
        const char *const stop = src + std::min<qsizetype>(end - src, kChunk);
        const qsizetype at = out.size();
        out.resize(at + kMostBytesPerByte * (stop - src));
        char *const begin = out.data() + at;
        char *dst = begin;
        while (src < stop) {
            src = copyUtf8Run(src, stop, dst);
            if (src != stop)
                dst = escapeAscii(dst, static_cast<unsigned char>(*src++));
        }
        out.resize(at + (dst - begin));
    }
    out.append('"');
}

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    // In chunks, each with room made for its worst case first (6 bytes a unit: `\u001f`), so that the loop writes
    // through a pointer without a check per character. The room left over is cut off after each chunk.
    constexpr qsizetype kChunk = 8192;
    constexpr qsizetype kMostBytesPerUnit = 6;
    // No reserve() here: it allocates exactly what it is asked for, and a string after string would copy the
    // whole answer each time. resize() grows the array geometrically.
    out.append('"');
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t *const stop = src + std::min<qsizetype>(end - src, kChunk);
        const qsizetype at = out.size();
        // One unit more than the chunk: a surrogate pair that straddles its end is read whole.
        out.resize(at + kMostBytesPerUnit * (stop - src + 1));
        char *const begin = out.data() + at;
        char *dst = begin;
        while (src < stop) {
            src = copyPlainRun(src, stop, dst);
            if (src == stop)
                break;
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != u'"' && u != u'\\') {
                    *dst++ = char(u);
                    continue;
                }
                dst = escapeAscii(dst, static_cast<unsigned char>(u));
            } else if (u < 0x800) {
                *dst++ = char(0xc0 | (u >> 6));
                *dst++ = char(0x80 | (u & 0x3f));
            } else if (!QChar::isSurrogate(u)) {
                *dst++ = char(0xe0 | (u >> 12));
                *dst++ = char(0x80 | ((u >> 6) & 0x3f));
                *dst++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
                const char32_t c = QChar::surrogateToUcs4(u, *src++);
                *dst++ = char(0xf0 | (c >> 18));
                *dst++ = char(0x80 | ((c >> 12) & 0x3f));
                *dst++ = char(0x80 | ((c >> 6) & 0x3f));
                *dst++ = char(0x80 | (c & 0x3f));
            } else {
                dst = escapeUnit(dst, u); // not UTF-16: kept as the unit it is
            }
        }
        out.resize(at + (dst - begin));
    }
    out.append('"');
}

void JsonWriter::separate()
{
    if (m_afterName) {
        m_afterName = false;
        return;
    }
    if (!m_hasElement.isEmpty()) {
        if (m_hasElement.last())
            m_out.append(',');
        m_hasElement.last() = true;
    }
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out.append(bracket);
    m_hasElement.append(false);
}

void JsonWriter::close(char bracket)
{
    m_hasElement.removeLast();
    m_out.append(bracket);
}

void JsonWriter::name(QLatin1StringView name)
{
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":", 2);
    m_afterName = true;
}

void JsonWriter::value(QStringView text)
{
    separate();
    appendString(m_out, text);
}

void JsonWriter::utf8Value(QByteArrayView text)
{
    separate();
    appendUtf8String(m_out, text);
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
}

void JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonWriter::rawValue(QByteArrayView json)
{
    separate();
    m_out.append(json);
}

} // namespace inkwell::server
