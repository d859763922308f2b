#pragma once

#include <QLocale>

class QCoreApplication;

namespace inkwell::app {

/// @brief Installs Inkwell's translation (and Qt's own, when present) for `locale` on the app.
/// Returns true when Inkwell's translation for that language was found; otherwise English is installed.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

/// @brief Removes what installTranslations() installed.
void removeTranslations(QCoreApplication &app);

} // namespace inkwell::app
