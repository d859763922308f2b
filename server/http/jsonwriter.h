#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QStringView>
#include <QVarLengthArray>

namespace inkwell::server {

/// @brief Writes compact JSON straight into a byte array, for answers too big to build as a QJsonObject
/// first (the change feed: a page of whole articles is megabytes, and QJsonObject + QJsonDocument copy
/// every string twice more and convert it twice).
///
/// The bytes are what QJsonDocument::toJson(Compact) writes for the same values in the same member order
/// (QJsonObject orders members by name: a caller that wants the same bytes writes them in that order):
/// strings escape `"`, `\`, and the control characters (`\b \f \n \r \t`, the others as `\u00xx`); every
/// other character is UTF-8, a lone surrogate `\uxxxx`. The writer does not check the shape: begin/end and
/// name/value must pair up as in the JSON they make.
class JsonWriter {
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    {
    }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /// @brief A member's name; its value comes next. Names are written as they are (ASCII without escapes).
    void name(QLatin1StringView name);

    void value(QStringView text);
    /// @brief A string given as UTF-8 (well-formed: as the database sends text).
    void utf8Value(QByteArrayView text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(bool flag);
    /// A literal would convert to bool before QStringView: say QStringView(u"...") or u"..."_s.
    void value(const char16_t *) = delete;
    void value(const char *) = delete;
    void null();
    /// @brief A value that is JSON already (written as it is).
    void rawValue(QByteArrayView json);

    /// @brief Appends `text` as a JSON string (quotes included), escaped as described above.
    static void appendString(QByteArray &out, QStringView text);
    /// @brief As appendString(), for well-formed UTF-8: its bytes are copied but for the escapes (the same bytes
    /// as appendString() of the text as QString).
    static void appendUtf8String(QByteArray &out, QByteArrayView text);

private:
    void open(char bracket);
    void close(char bracket);
    /// Before a value or a name: the comma after an earlier one in the same array or object.
    void separate();

    QByteArray &m_out;
    /// Per open array or object: whether it has an element yet. After a name, the value needs no comma.
    QVarLengthArray<bool, 8> m_hasElement;
    bool m_afterName = false;
};

} // namespace inkwell::server
