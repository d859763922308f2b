#pragma once

#include "api/apierror.h"

#include <QHash>
#include <QList>
#include <QString>

class QLabel;
class QLineEdit;
class QWidget;
class QVBoxLayout;

namespace inkwell::app::form {

/// @brief The dialog's title: large and bold.
QLabel *title(const QString &objectName, QWidget *parent);
/// @brief A short explanation under the title, wrapped.
QLabel *explanation(const QString &objectName, QWidget *parent);
/// @brief A line under a field that says what is wrong with it (hidden while empty), in the error colour.
QLabel *errorLine(const QString &objectName, const QString &accessibleName, QWidget *parent);
/// @brief Makes @p label quieter than the fields around it (explanations, hints).
void mute(QLabel *label);
/// @brief A quiet hint (rules, status), wrapped.
QLabel *hint(const QString &objectName, QWidget *parent);

/// @brief A group of a label above @p field ("&Email": Alt+E focuses it), the field, and the lines under it
/// (hints, an error line), so a form can show or hide the whole group.
QWidget *fieldGroup(const QString &labelText, QWidget *field, const QList<QWidget *> &below, QWidget *parent);

/// @brief Shows @p text in @p line (plain text; hidden when empty).
void setError(QLabel *line, const QString &text);
/// @brief Shows @p text as an error, a success or a neutral note.
enum class Tone { Neutral, Good, Warning, Bad };
void setStatus(QLabel *line, const QString &text, Tone tone);

/// @brief The number of characters as a person counts them (code points, not UTF-16 units), as the server does.
qsizetype characterCount(const QString &text);

/// @brief Puts the server's field errors next to their fields (@p lines: field name -> error line) and returns
/// the part of the error that belongs to no field, readable.
QString showFieldErrors(const api::ApiError &error, const QHash<QString, QLabel *> &lines);

/// @brief The password rules shown next to a new password (api.md: 12..128 characters of any kind).
QString passwordRules();
/// @brief What is wrong with @p password as a new password, or an empty string.
QString newPasswordProblem(const QString &password);

} // namespace inkwell::app::form
