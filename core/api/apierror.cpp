#include "api/apierror.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace inkwell::api {

namespace {
/// The texts of this file, in the context lupdate files them under.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(inkwell::api::ApiError)
};

/// "title: must not be empty; tags.2: duplicates an earlier tag"
QString fieldList(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field.isEmpty() ? error.message : error.field + u": "_s + error.message);
    return parts.join(u"; "_s);
}
} // namespace

QString ApiError::message() const
{
    switch (kind) {
    case Kind::Network:
        return detail.isEmpty() ? Text::tr("The server cannot be reached.")
                                : Text::tr("The server cannot be reached (%1).").arg(detail);
    case Kind::Timeout:
        return Text::tr("The server did not answer in time.");
    case Kind::BadAnswer: {
        const QString what = fieldList(fieldErrors);
        return what.isEmpty() ? Text::tr("The server's answer could not be read (%1).").arg(detail)
                              : Text::tr("The server's answer could not be read (%1: %2).").arg(detail, what);
    }
    case Kind::Http:
        break;
    }
    QString text = !detail.isEmpty() ? detail : !title.isEmpty() ? title : Text::tr("The server answered %1.").arg(status);
    if (!fieldErrors.isEmpty()) {
        if (!text.endsWith(u'.'))
            text += u'.';
        text += u' ' + fieldList(fieldErrors);
    }
    if (retryAfterSeconds && (status == 429 || status == 503)) {
        if (!text.endsWith(u'.'))
            text += u'.';
        text += u' ' + QCoreApplication::translate("inkwell::api::ApiError", "Try again in %n second(s).", nullptr,
                                                   *retryAfterSeconds);
    }
    return text;
}

bool ApiError::isTransient() const
{
    return isUnreachable() || status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
}

ApiError ApiError::network(const QString &text)
{
    ApiError error;
    error.kind = Kind::Network;
    error.detail = text;
    return error;
}

ApiError ApiError::badAnswer(int status, const QString &what, FieldErrors errors)
{
    ApiError error;
    error.kind = Kind::BadAnswer;
    error.status = status;
    error.detail = what;
    error.fieldErrors = std::move(errors);
    return error;
}

} // namespace inkwell::api
