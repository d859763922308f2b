#pragma once

#include <QDateTime>
#include <QString>

/// Small wording helpers shared by the compare views.
namespace inkwell::app::comparetext {

/// @brief A moment as a writer reads it: "10:42" today, else the locale's short date and time.
QString when(const QDateTime &moment);

/// @brief @p text in quotation marks on one line, shortened to about @p maxChars with an ellipsis.
QString quoted(const QString &text, int maxChars = 60);

} // namespace inkwell::app::comparetext
