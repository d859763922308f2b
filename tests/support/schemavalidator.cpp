#include "schemavalidator.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace inkwell::test {

namespace {

constexpr int kMaxDepth = 64; // a $ref cycle must end in a problem, not a stack overflow

const QSet<QString> &knownKeywords()
{
    static const QSet<QString> keywords{
        u"$ref"_s,    u"type"_s,     u"enum"_s,     u"properties"_s, u"required"_s,  u"additionalProperties"_s,
        u"items"_s,   u"minItems"_s, u"maxItems"_s, u"minLength"_s,  u"maxLength"_s, u"minimum"_s,
        u"maximum"_s, u"pattern"_s,  u"anyOf"_s,    u"oneOf"_s,      u"format"_s,    u"description"_s,
        u"title"_s};
    return keywords;
}

bool isWhole(double number)
{
    return std::isfinite(number) && std::trunc(number) == number;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"null")
        return value.isNull();
    if (type == u"boolean")
        return value.isBool();
    if (type == u"string")
        return value.isString();
    if (type == u"number")
        return value.isDouble();
    if (type == u"integer")
        return value.isDouble() && isWhole(value.toDouble());
    if (type == u"array")
        return value.isArray();
    if (type == u"object")
        return value.isObject();
    return false;
}

/// Empty when @p text is of @p format, else what is wrong.
QString formatProblem(const QString &format, const QString &text)
{
    if (format == u"uuid") {
        static const QRegularExpression uuid(
            u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
        return uuid.match(text).hasMatch() ? QString() : u"is not a uuid"_s;
    }
    if (format == u"date-time") {
        static const QRegularExpression rfc3339(
            u"^(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
        const QRegularExpressionMatch match = rfc3339.match(text);
        const bool valid = match.hasMatch() && QDate::fromString(match.captured(1), Qt::ISODate).isValid() &&
                           match.captured(2).toInt() < 24 && match.captured(3).toInt() < 60 &&
                           match.captured(4).toInt() < 61;
        return valid ? QString() : u"is not an RFC 3339 date-time"_s;
    }
    if (format == u"date") {
        static const QRegularExpression date(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
        return date.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid() ? QString()
                                                                                             : u"is not a date"_s;
    }
    if (format == u"email") {
        static const QRegularExpression email(u"^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"_s);
        return email.match(text).hasMatch() ? QString() : u"is not an email address"_s;
    }
    return u"has a format this validator does not know: "_s + format;
}

} // namespace

SchemaValidator::SchemaValidator(QJsonObject components)
    : m_components(std::move(components))
{
}

QStringList SchemaValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    QStringList problems;
    check(value, schema, u"$"_s, problems, 0);
    return problems;
}

QStringList SchemaValidator::validate(const QJsonValue &value, const QString &name) const
{
    if (!m_components.contains(name))
        return {u"no component named "_s + name};
    return validate(value, m_components.value(name).toObject());
}

void SchemaValidator::check(const QJsonValue &value, const QJsonObject &schema, const QString &path,
                            QStringList &problems, int depth) const
{
    const auto problem = [&](const QString &what) { problems.append(path + u": "_s + what); };
    if (depth > kMaxDepth) {
        problem(u"schema nests too deep (a $ref cycle?)"_s);
        return;
    }
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!knownKeywords().contains(it.key()))
            problem(u"schema keyword this validator does not know: "_s + it.key());
    }

    if (schema.contains(u"$ref"_s)) {
        const QString ref = schema.value(u"$ref"_s).toString();
        const QString prefix = u"#/components/schemas/"_s;
        const QString name = ref.startsWith(prefix) ? ref.mid(prefix.size()) : QString();
        if (name.isEmpty() || !m_components.contains(name)) {
            problem(u"unresolvable $ref "_s + ref);
            return;
        }
        check(value, m_components.value(name).toObject(), path, problems, depth + 1);
    }

    if (schema.contains(u"type"_s)) {
        const QJsonValue type = schema.value(u"type"_s);
        QStringList types;
        if (type.isArray()) {
            for (const QJsonValue &t : type.toArray())
                types.append(t.toString());
        } else {
            types.append(type.toString());
        }
        bool matches = false;
        for (const QString &t : std::as_const(types))
            matches = matches || hasType(value, t);
        if (!matches) {
            problem(u"is not of type "_s + types.join(u" or "_s));
            return; // the other keywords would only repeat it
        }
    }

    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        problem(u"is not one of the enum values"_s);

    if (value.isString()) {
        const QString text = value.toString();
        const qsizetype length = text.toUcs4().size();
        if (schema.contains(u"minLength"_s) && length < schema.value(u"minLength"_s).toInteger())
            problem(u"is shorter than %1"_s.arg(schema.value(u"minLength"_s).toInteger()));
        if (schema.contains(u"maxLength"_s) && length > schema.value(u"maxLength"_s).toInteger())
            problem(u"is longer than %1"_s.arg(schema.value(u"maxLength"_s).toInteger()));
        if (schema.contains(u"format"_s)) {
            if (const QString wrong = formatProblem(schema.value(u"format"_s).toString(), text); !wrong.isEmpty())
                problem(wrong);
        }
        if (schema.contains(u"pattern"_s)) {
            const QRegularExpression pattern(schema.value(u"pattern"_s).toString());
            if (!pattern.isValid() || !pattern.match(text).hasMatch())
                problem(u"does not match the pattern"_s);
        }
    }

    if (value.isDouble()) {
        const double number = value.toDouble();
        if (schema.contains(u"minimum"_s) && number < schema.value(u"minimum"_s).toDouble())
            problem(u"is below the minimum"_s);
        if (schema.contains(u"maximum"_s) && number > schema.value(u"maximum"_s).toDouble())
            problem(u"is above the maximum"_s);
    }

    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(u"minItems"_s) && array.size() < schema.value(u"minItems"_s).toInteger())
            problem(u"has too few items"_s);
        if (schema.contains(u"maxItems"_s) && array.size() > schema.value(u"maxItems"_s).toInteger())
            problem(u"has too many items"_s);
        if (schema.contains(u"items"_s)) {
            const QJsonObject items = schema.value(u"items"_s).toObject();
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, path + u'[' + QString::number(i) + u']', problems, depth + 1);
        }
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &name : schema.value(u"required"_s).toArray()) {
            if (!object.contains(name.toString()))
                problem(u"lacks the required member "_s + name.toString());
        }
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        const QJsonValue additional = schema.value(u"additionalProperties"_s);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString memberPath = path + u'.' + it.key();
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), memberPath, problems, depth + 1);
            else if (additional.isBool() && !additional.toBool())
                problems.append(memberPath + u": is not a member the schema declares"_s);
            else if (additional.isObject())
                check(it.value(), additional.toObject(), memberPath, problems, depth + 1);
        }
    }

    const auto alternatives = [&](const QString &keyword) {
        int matching = 0;
        for (const QJsonValue &alternative : schema.value(keyword).toArray()) {
            QStringList inner;
            check(value, alternative.toObject(), path, inner, depth + 1);
            matching += inner.isEmpty() ? 1 : 0;
        }
        return matching;
    };
    if (schema.contains(u"anyOf"_s) && alternatives(u"anyOf"_s) == 0)
        problem(u"matches none of anyOf"_s);
    if (schema.contains(u"oneOf"_s) && alternatives(u"oneOf"_s) != 1)
        problem(u"does not match exactly one of oneOf"_s);
}

} // namespace inkwell::test
