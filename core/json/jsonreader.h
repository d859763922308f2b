#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUuid>
#include <limits>
#include <optional>

namespace inkwell {

// ---- The scalar conventions of the API, shared by every reader and writer --------------------------------------

/// @brief The largest integer a JSON number carries exactly (2^53 - 1); readers accept nothing beyond it.
inline constexpr qint64 kMaxJsonInteger = 9'007'199'254'740'991;

/// @brief Length of @p text in Unicode code points (what the API calls "characters"; an emoji counts once).
/// An unpaired surrogate counts as one.
qsizetype codePointCount(QStringView text);

/// @brief RFC 3339 UTC with milliseconds: "2026-11-26T16:12:01.123Z". Any time zone is converted to UTC.
QString formatTimestamp(const QDateTime &time);

/// @brief Parses an RFC 3339 timestamp ("2026-11-26T16:12:01.123Z", "...T18:12:01+02:00"; up to 9 fraction
/// digits, kept to the millisecond) into a UTC QDateTime; std::nullopt for anything else.
std::optional<QDateTime> parseTimestamp(QStringView text);

/// @brief An id as the API writes it: lowercase, hyphenated, no braces.
QString formatId(const QUuid &id);

/// @brief Parses a hyphenated 36-character UUID (either case, no braces); the nil UUID is not an id, so it is
/// rejected too.
std::optional<QUuid> parseId(QStringView text);

/// @brief JSON null for an empty optional, else the string.
QJsonValue toJsonValue(const std::optional<QString> &value);
/// @brief JSON null for an empty optional, else the formatted timestamp.
QJsonValue toJsonValue(const std::optional<QDateTime> &value);

// ---- Reading -------------------------------------------------------------------------------------------------

/// @brief A member of a partial update that may also be set to null: std::nullopt when absent,
/// an engaged optional holding std::nullopt when explicitly null ("clear it"), else the new value.
template <typename T> using PatchField = std::optional<std::optional<T>>;

/// @brief Whether an optional member may be sent as `null` (meaning the same as leaving it out).
enum class Nullable : bool { No, Yes };

/// @brief What to do with members nobody asked for: an error (how the server reads what it is sent: no mass
/// assignment), or nothing (how a client reads the server's answers, which a newer server may extend).
/// Missing or mistyped members are errors either way.
enum class UnknownFields : bool { Reject, Ignore };

/// @brief Whether surrounding whitespace is removed before the length rules apply.
enum class Trim : bool { No, Yes };

/// @brief An extra rule for a string: returns the problem ("must be an http or https URL"), or an empty
/// string when the value is fine. Runs only on a value that already passed the type and length rules.
using StringCheck = QString (*)(QStringView value);

/// @brief The rules one string member must follow. Lengths are counted in Unicode code points, after trimming.
struct StringRule {
    int minLength = 0;
    int maxLength = std::numeric_limits<int>::max();
    Trim trim = Trim::No;
    StringCheck check = nullptr;
};

/// @brief The rules of an array of strings: how many items, and the rule for each (items are reported as "key.N").
struct StringListRule {
    int maxItems = std::numeric_limits<int>::max();
    StringRule item;
};

/**
 * @brief Strict, declarative reading of one JSON object that records every problem instead of stopping at the
 * first.
 *
 * Ask for each member once with the method matching its shape; each returns the value (or an empty value when
 * the member is missing or wrong, which is fine because the caller then returns the errors). finish() adds an
 * "unknown field" error for every member that was never asked for.
 *
 * Shapes: `required...` must be present and not null; `optional...` may be absent (null is an error unless
 * Nullable::Yes); `nullable...` must be present and may be null; `patch...` may be absent, null or a value.
 *
 * @code
 * JsonReader in(json);
 * LoginInput input;
 * input.email = in.requiredString(u"email", {.minLength = 1, .maxLength = kMaxEmailLength});
 * input.password = in.requiredString(u"password", {.minLength = 1, .maxLength = kMaxPasswordLength});
 * return in.finish(std::move(input));
 * @endcode
 */
class JsonReader {
public:
    /// @brief Reads members of @p object (a cheap, implicitly shared copy is kept).
    explicit JsonReader(QJsonObject object, UnknownFields unknown = UnknownFields::Reject);

    /// @brief A string that must be present and not null, checked against @p rule (trimmed first if it says so).
    QString requiredString(QStringView key, const StringRule &rule);
    /// @brief A string that may be absent; null is an error unless @p nullable is Nullable::Yes (then it reads as
    /// absent).
    std::optional<QString> optionalString(QStringView key, const StringRule &rule, Nullable nullable = Nullable::No);
    /// @brief A string that must be present but may be null (a nullable member of a full object).
    std::optional<QString> nullableString(QStringView key, const StringRule &rule);
    /// @brief A nullable member of a partial update: absent, null (clear it) or a new value.
    PatchField<QString> patchString(QStringView key, const StringRule &rule);

    /// @brief An array of strings that must be present and not null; bad items are reported as "key.N".
    QStringList requiredStringList(QStringView key, const StringListRule &rule);
    /// @brief Like requiredStringList(), but the member may be absent (null is an error). std::nullopt also when
    /// any item is bad.
    std::optional<QStringList> optionalStringList(QStringView key, const StringListRule &rule);

    /// @brief A whole number in [min, max] (both within ±kMaxJsonInteger); 1.5, "3" and 1e300 are errors.
    qint64 requiredInt(QStringView key, qint64 min, qint64 max);

    /// @brief true or false; a string "true" or a number is an error.
    bool requiredBool(QStringView key);
    /// @brief Like requiredBool(), but the member may be absent (null is an error).
    std::optional<bool> optionalBool(QStringView key);

    /// @brief An id string as parseId() accepts it.
    QUuid requiredUuid(QStringView key);

    /// @brief A timestamp string as parseTimestamp() accepts it, in UTC.
    QDateTime requiredDateTime(QStringView key);
    /// @brief Like requiredDateTime(), but the member may be null (it must still be present).
    std::optional<QDateTime> nullableDateTime(QStringView key);

    /// @brief A string that @p fromString maps to an enum value; otherwise "must be one of: <allowed>".
    template <typename E>
    E requiredEnum(QStringView key, std::optional<E> (*fromString)(QStringView), QStringView allowed)
    {
        const std::optional<QString> text = enumText(key, Presence::Required, allowed);
        return text ? toEnum(key, *text, fromString, allowed).value_or(E{}) : E{};
    }

    /// @brief Like requiredEnum(), but the member may be absent (null is an error).
    template <typename E>
    std::optional<E> optionalEnum(QStringView key, std::optional<E> (*fromString)(QStringView), QStringView allowed)
    {
        const std::optional<QString> text = enumText(key, Presence::Optional, allowed);
        return text ? toEnum(key, *text, fromString, allowed) : std::nullopt;
    }

    /// @brief Records a problem found by the caller (a rule across members, a duplicate...).
    void addError(const QString &field, const QString &message);

    /// @brief Every problem recorded so far, then "unknown field" for each member never asked for (in key order)
    /// unless the reader ignores unknown fields.
    FieldErrors finish() const;

    /// @brief @p value when there was no problem at all, else every problem (see finish()).
    template <typename T> Parsed<T> finish(T value) const
    {
        FieldErrors errors = finish();
        if (!errors.isEmpty())
            return std::unexpected(std::move(errors));
        return value;
    }

private:
    enum class Presence { Required, Optional, RequiredNullable, OptionalNullable };

    std::optional<QJsonValue> take(QStringView key, Presence presence);
    std::optional<QString> toString(const QString &field, const QJsonValue &value, const StringRule &rule);
    std::optional<QStringList> toStringList(QStringView key, const QJsonValue &value, const StringListRule &rule);
    std::optional<QDateTime> toDateTime(QStringView key, const QJsonValue &value);
    std::optional<bool> readBool(QStringView key, Presence presence);
    std::optional<QString> enumText(QStringView key, Presence presence, QStringView allowed);
    void addEnumError(QStringView key, QStringView allowed);

    template <typename E>
    std::optional<E> toEnum(QStringView key, const QString &text, std::optional<E> (*fromString)(QStringView),
                            QStringView allowed)
    {
        const std::optional<E> value = fromString(text);
        if (!value)
            addEnumError(key, allowed);
        return value;
    }

    QJsonObject m_object;
    UnknownFields m_unknown = UnknownFields::Reject;
    QSet<QString> m_asked;
    FieldErrors m_errors;
};

} // namespace inkwell
