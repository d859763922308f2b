#pragma once

#include <QString>
#include <QStringView>

namespace inkwell::engine {

/**
 * @brief Decodes one string member of a JSON object while the object's text is still arriving in pieces.
 *
 * The server's generate-article stream forwards the model's answer as it comes, and that answer is the JSON
 * object the assist asked for (`{"title": ..., "content": "...", ...}`). To let a draft grow as it is written,
 * this picks the top-level member named in the constructor (`content`) out of the raw text and returns its
 * decoded characters piece by piece: escapes (`\n`, `\"`, `\u00e9`, surrogate pairs) are decoded even when a
 * piece ends in the middle of one, nested objects and arrays and the other members are skipped, and text before
 * the object (a code fence, a sentence) is ignored. Tolerant like the server's reader: a literal line break inside
 * the string is kept. Only the first occurrence counts; after its closing quote nothing more comes out.
 */
class JsonMemberStream {
public:
    explicit JsonMemberStream(QString member);

    /// @brief Reads the next piece of the object's text; returns the member's characters found in it (often
    /// empty: the piece held other members, or ended inside an escape).
    QString feed(QStringView piece);
    /// @brief Whether the member's string has been read to its closing quote.
    bool finished() const { return m_finished; }
    /// @brief Everything returned so far, joined.
    const QString &text() const { return m_text; }

private:
    enum class Role { Key, Target, Other };

    void put(char16_t unit, QString &out);
    void closeString(QString &out);

    QString m_member;
    QString m_text;
    QString m_key;     ///< the top-level key being read
    QString m_lastKey; ///< the top-level key whose value comes next
    int m_depth = 0;
    bool m_expectKey = false;
    bool m_inString = false;
    bool m_escape = false;
    int m_hexLeft = 0;
    char16_t m_hexValue = 0;
    char16_t m_pendingHigh = 0; ///< a high surrogate waiting for its pair
    Role m_role = Role::Other;
    bool m_finished = false;
};

} // namespace inkwell::engine
