#pragma once

#include <QList>
#include <QString>

#include <expected>

namespace inkwell {

/// @brief One problem with one field of an input document ("title": "must not be empty").
struct FieldError {
    QString field;   ///< JSON member name, dotted for nested members ("tags.2"); empty for the document itself
    QString message; ///< readable English sentence fragment

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;

/// @brief The result of parsing or validating an input: the value, or every field error at once.
template <typename T>
using Parsed = std::expected<T, FieldErrors>;

} // namespace inkwell
