#include "json/jsonreader.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace inkwell {

namespace {

bool hasUnpairedSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

/// The value of @p count ASCII digits at @p pos, or -1 when one of them is not a digit.
int asciiNumber(QStringView text, qsizetype pos, qsizetype count)
{
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

} // namespace

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

QString formatTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseTimestamp(QStringView text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), the RFC 3339 "date-time" production (uppercase T and Z).
    // Parsed by hand because QDateTime::fromString(Qt::ISODate) also accepts shapes RFC 3339 does not.
    if (text.size() < 20)
        return std::nullopt;
    const int year = asciiNumber(text, 0, 4);
    const int month = asciiNumber(text, 5, 2);
    const int day = asciiNumber(text, 8, 2);
    const int hour = asciiNumber(text, 11, 2);
    const int minute = asciiNumber(text, 14, 2);
    const int second = asciiNumber(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || text[4] != u'-' ||
        text[7] != u'-' || text[10] != u'T' || text[13] != u':' || text[16] != u':')
        return std::nullopt;

    qsizetype pos = 19;
    int milliseconds = 0;
    if (text[pos] == u'.') {
        const qsizetype start = ++pos;
        while (pos < text.size() && asciiNumber(text, pos, 1) >= 0)
            ++pos;
        const qsizetype digits = pos - start;
        if (digits < 1 || digits > 9)
            return std::nullopt;
        // Kept to the millisecond, the precision of the API.
        milliseconds = asciiNumber(text, start, std::min<qsizetype>(digits, 3));
        for (qsizetype i = digits; i < 3; ++i)
            milliseconds *= 10;
    }

    int offsetSeconds = 0;
    if (pos + 1 == text.size() && text[pos] == u'Z') {
        ++pos;
    } else if (pos + 6 == text.size() && (text[pos] == u'+' || text[pos] == u'-') && text[pos + 3] == u':') {
        const int offsetHours = asciiNumber(text, pos + 1, 2);
        const int offsetMinutes = asciiNumber(text, pos + 4, 2);
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[pos] == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }

    const QDate date(year, month, day);
    const QTime time(hour, minute, second, milliseconds);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

QString formatId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

std::optional<QUuid> parseId(QStringView text)
{
    if (text.size() != 36)
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool hyphenPlace = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphenPlace ? text[i] != u'-' : !isHexDigit(text[i]))
            return std::nullopt;
    }
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return std::nullopt;
    return id;
}

QJsonValue toJsonValue(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue toJsonValue(const std::optional<QDateTime> &value)
{
    return value ? QJsonValue(formatTimestamp(*value)) : QJsonValue(QJsonValue::Null);
}

JsonReader::JsonReader(QJsonObject object, UnknownFields unknown)
    : m_object(std::move(object))
    , m_unknown(unknown)
{
}

QString JsonReader::requiredString(QStringView key, const StringRule &rule)
{
    const std::optional<QJsonValue> value = take(key, Presence::Required);
    return value ? toString(key.toString(), *value, rule).value_or(QString()) : QString();
}

std::optional<QString> JsonReader::optionalString(QStringView key, const StringRule &rule, Nullable nullable)
{
    const std::optional<QJsonValue> value =
        take(key, nullable == Nullable::Yes ? Presence::OptionalNullable : Presence::Optional);
    return value ? toString(key.toString(), *value, rule) : std::nullopt;
}

std::optional<QString> JsonReader::nullableString(QStringView key, const StringRule &rule)
{
    const std::optional<QJsonValue> value = take(key, Presence::RequiredNullable);
    return value ? toString(key.toString(), *value, rule) : std::nullopt;
}

PatchField<QString> JsonReader::patchString(QStringView key, const StringRule &rule)
{
    const bool isNull = m_object.value(key).isNull();
    const std::optional<QJsonValue> value = take(key, Presence::OptionalNullable);
    if (value) {
        const std::optional<QString> text = toString(key.toString(), *value, rule);
        return text ? PatchField<QString>(*text) : std::nullopt;
    }
    return isNull ? PatchField<QString>(std::in_place, std::nullopt) : std::nullopt;
}

QStringList JsonReader::requiredStringList(QStringView key, const StringListRule &rule)
{
    const std::optional<QJsonValue> value = take(key, Presence::Required);
    return value ? toStringList(key, *value, rule).value_or(QStringList()) : QStringList();
}

std::optional<QStringList> JsonReader::optionalStringList(QStringView key, const StringListRule &rule)
{
    const std::optional<QJsonValue> value = take(key, Presence::Optional);
    return value ? toStringList(key, *value, rule) : std::nullopt;
}

qint64 JsonReader::requiredInt(QStringView key, qint64 min, qint64 max)
{
    Q_ASSERT(min >= -kMaxJsonInteger && max <= kMaxJsonInteger && min <= max);
    const std::optional<QJsonValue> value = take(key, Presence::Required);
    if (!value)
        return 0;
    const double number = value->toDouble();
    if (!value->isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        addError(key.toString(), u"must be an integer"_s);
        return 0;
    }
    // Both bounds are within ±2^53, where every integer is an exact double: the comparisons are exact and the
    // conversion below cannot overflow.
    if (number < static_cast<double>(min)) {
        addError(key.toString(), u"must be at least %1"_s.arg(min));
        return 0;
    }
    if (number > static_cast<double>(max)) {
        addError(key.toString(), u"must be at most %1"_s.arg(max));
        return 0;
    }
    return static_cast<qint64>(number);
}

bool JsonReader::requiredBool(QStringView key)
{
    return readBool(key, Presence::Required).value_or(false);
}

std::optional<bool> JsonReader::optionalBool(QStringView key)
{
    return readBool(key, Presence::Optional);
}

QUuid JsonReader::requiredUuid(QStringView key)
{
    const std::optional<QJsonValue> value = take(key, Presence::Required);
    if (!value)
        return {};
    if (!value->isString()) {
        addError(key.toString(), u"must be a string"_s);
        return {};
    }
    const std::optional<QUuid> id = parseId(value->toString());
    if (!id) {
        addError(key.toString(), u"must be a valid UUID"_s);
        return {};
    }
    return *id;
}

QDateTime JsonReader::requiredDateTime(QStringView key)
{
    const std::optional<QJsonValue> value = take(key, Presence::Required);
    return value ? toDateTime(key, *value).value_or(QDateTime()) : QDateTime();
}

std::optional<QDateTime> JsonReader::nullableDateTime(QStringView key)
{
    const std::optional<QJsonValue> value = take(key, Presence::RequiredNullable);
    return value ? toDateTime(key, *value) : std::nullopt;
}

void JsonReader::addError(const QString &field, const QString &message)
{
    m_errors.append({field, message});
}

FieldErrors JsonReader::finish() const
{
    FieldErrors errors = m_errors;
    if (m_unknown == UnknownFields::Ignore)
        return errors;
    for (const QString &key : m_object.keys()) {
        if (!m_asked.contains(key))
            errors.append({key, u"unknown field"_s});
    }
    return errors;
}

std::optional<QJsonValue> JsonReader::take(QStringView key, Presence presence)
{
    m_asked.insert(key.toString());
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (presence == Presence::Required || presence == Presence::RequiredNullable)
            addError(key.toString(), u"is required"_s);
        return std::nullopt;
    }
    const QJsonValue value = *it;
    if (value.isNull()) {
        if (presence == Presence::Required || presence == Presence::Optional)
            addError(key.toString(), u"must not be null"_s);
        return std::nullopt;
    }
    return value;
}

std::optional<QString> JsonReader::toString(const QString &field, const QJsonValue &value, const StringRule &rule)
{
    if (!value.isString()) {
        addError(field, u"must be a string"_s);
        return std::nullopt;
    }
    const QString text = rule.trim == Trim::Yes ? value.toString().trimmed() : value.toString();
    // PostgreSQL text cannot hold NUL, and an unpaired surrogate has no UTF-8 form: refuse both here rather than
    // fail (or silently replace characters) when storing.
    if (text.contains(QChar(u'\0'))) {
        addError(field, u"must not contain NUL characters"_s);
        return std::nullopt;
    }
    if (hasUnpairedSurrogate(text)) {
        addError(field, u"must be valid Unicode text"_s);
        return std::nullopt;
    }
    const qsizetype length = codePointCount(text);
    if (length < rule.minLength) {
        addError(field, rule.minLength == 1 ? u"must not be empty"_s
                                            : u"must be at least %1 characters"_s.arg(rule.minLength));
        return std::nullopt;
    }
    if (length > rule.maxLength) {
        addError(field, u"must be at most %1 characters"_s.arg(rule.maxLength));
        return std::nullopt;
    }
    if (rule.check) {
        const QString problem = rule.check(text);
        if (!problem.isEmpty()) {
            addError(field, problem);
            return std::nullopt;
        }
    }
    return text;
}

std::optional<QStringList> JsonReader::toStringList(QStringView key, const QJsonValue &value,
                                                    const StringListRule &rule)
{
    if (!value.isArray()) {
        addError(key.toString(), u"must be an array"_s);
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > rule.maxItems) {
        addError(key.toString(), u"must have at most %1 items"_s.arg(rule.maxItems));
        return std::nullopt;
    }
    QStringList items;
    bool allValid = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::optional<QString> item =
            toString(key.toString() + u'.' + QString::number(i), array.at(i), rule.item);
        if (item)
            items.append(*item);
        else
            allValid = false;
    }
    return allValid ? std::optional<QStringList>(items) : std::nullopt;
}

std::optional<QDateTime> JsonReader::toDateTime(QStringView key, const QJsonValue &value)
{
    if (!value.isString()) {
        addError(key.toString(), u"must be a string"_s);
        return std::nullopt;
    }
    const std::optional<QDateTime> time = parseTimestamp(value.toString());
    if (!time)
        addError(key.toString(), u"must be an RFC 3339 timestamp"_s);
    return time;
}

std::optional<bool> JsonReader::readBool(QStringView key, Presence presence)
{
    const std::optional<QJsonValue> value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        addError(key.toString(), u"must be a boolean"_s);
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<QString> JsonReader::enumText(QStringView key, Presence presence, QStringView allowed)
{
    const std::optional<QJsonValue> value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        addEnumError(key, allowed);
        return std::nullopt;
    }
    return value->toString();
}

void JsonReader::addEnumError(QStringView key, QStringView allowed)
{
    addError(key.toString(), u"must be one of: "_s + allowed.toString());
}

} // namespace inkwell
