#pragma once

#include <QString>
#include <QStringList>

namespace inkwell::test {

/// @brief The folders where the app keeps configuration and data, and the (test's private) home: a secret kept
/// in the keyring must never turn up in them.
QStringList appFolders();

/// @brief Every file under @p folders whose bytes contain @p needle (UTF-8 or UTF-16).
QStringList filesContaining(const QStringList &folders, const QString &needle);

} // namespace inkwell::test
