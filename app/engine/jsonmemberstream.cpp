#include "jsonmemberstream.h"

namespace inkwell::engine {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

} // namespace

JsonMemberStream::JsonMemberStream(QString member)
    : m_member(std::move(member))
{
}

QString JsonMemberStream::feed(QStringView piece)
{
    QString out;
    for (const QChar qc : piece) {
        if (m_finished)
            break;
        const char16_t c = qc.unicode();
        if (m_inString) {
            if (m_hexLeft > 0) {
                const int digit = hexDigit(c);
                if (digit >= 0) {
                    m_hexValue = char16_t(m_hexValue * 16 + digit);
                    if (--m_hexLeft == 0) {
                        m_escape = false;
                        put(m_hexValue, out);
                    }
                    continue;
                }
                // A broken \u escape: one replacement character for it; this character is read as usual.
                m_hexLeft = 0;
                m_escape = false;
                put(kReplacement, out);
            }
            if (m_escape) {
                switch (c) {
                case u'n':
                    put(u'\n', out);
                    break;
                case u't':
                    put(u'\t', out);
                    break;
                case u'r':
                    put(u'\r', out);
                    break;
                case u'b':
                    put(u'\b', out);
                    break;
                case u'f':
                    put(u'\f', out);
                    break;
                case u'u':
                    m_hexLeft = 4;
                    m_hexValue = 0;
                    continue; // still inside the escape
                default:
                    put(c, out);
                    break; // \" \\ \/ and anything a model invents
                }
                m_escape = false;
                continue;
            }
            if (c == u'\\')
                m_escape = true;
            else if (c == u'"')
                closeString(out);
            else
                put(c, out);
            continue;
        }
        if (m_depth == 0) {
            // Whatever comes before the object (a code fence, "Here is your article:") is not ours.
            if (c == u'{') {
                m_depth = 1;
                m_expectKey = true;
            }
            continue;
        }
        switch (c) {
        case u'"':
            m_inString = true;
            if (m_depth == 1 && m_expectKey)
                m_role = Role::Key;
            else if (m_depth == 1 && m_lastKey == m_member)
                m_role = Role::Target;
            else
                m_role = Role::Other;
            m_key.clear();
            break;
        case u'{':
        case u'[':
            ++m_depth;
            break;
        case u'}':
        case u']':
            if (--m_depth == 0)
                m_finished = true; // the object ended without the member
            break;
        case u':':
            if (m_depth == 1)
                m_expectKey = false;
            break;
        case u',':
            if (m_depth == 1) {
                m_expectKey = true;
                m_lastKey.clear();
            }
            break;
        default:
            break; // white space, numbers, true/false/null
        }
    }
    m_text += out;
    return out;
}

void JsonMemberStream::put(char16_t unit, QString &out)
{
    QString *target = m_role == Role::Key ? &m_key : m_role == Role::Target ? &out : nullptr;
    if (!target)
        return;
    // UTF-16 pairs are written out whole, so a piece never ends in half a character.
    if (m_pendingHigh) {
        const char16_t high = m_pendingHigh;
        m_pendingHigh = 0;
        if (QChar::isLowSurrogate(unit)) {
            target->append(QChar(high));
            target->append(QChar(unit));
            return;
        }
        target->append(QChar(kReplacement));
    }
    if (QChar::isHighSurrogate(unit)) {
        m_pendingHigh = unit;
        return;
    }
    target->append(QChar(QChar::isLowSurrogate(unit) ? kReplacement : unit));
}

void JsonMemberStream::closeString(QString &out)
{
    m_inString = false;
    if (m_pendingHigh) {
        m_pendingHigh = 0;
        if (m_role == Role::Target)
            out.append(QChar(kReplacement));
    }
    if (m_role == Role::Key)
        m_lastKey = m_key;
    else if (m_role == Role::Target)
        m_finished = true;
    m_role = Role::Other;
}

} // namespace inkwell::engine
