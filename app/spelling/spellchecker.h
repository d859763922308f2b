#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <map>

namespace inkwell::app {

class SpellDictionary;

/// @brief The dictionaries on this machine (Hunspell's `.aff`/`.dic` pairs, by default in
/// /usr/share/hunspell), each loaded once on first use and shared by every editor.
///
/// Personal word lists are kept in `<personal directory>/<language>.txt`; the default directory is
/// `QStandardPaths::AppDataLocation` + `/dictionaries`, resolved when the first dictionary is loaded.
class SpellChecker : public QObject {
    Q_OBJECT
public:
    /// @brief Looks for dictionaries in @p dictionaryDirectories; an empty @p personalDirectory means the
    /// default.
    explicit SpellChecker(const QStringList &dictionaryDirectories = {}, const QString &personalDirectory = {},
                          QObject *parent = nullptr);
    ~SpellChecker() override;

    /// @brief The application-wide instance (created on first use, owned by the application object).
    static SpellChecker *shared();

    /// @brief Installed languages as Hunspell names them (`de_DE`, `en_US`), sorted.
    QStringList availableLanguages() const { return m_languages; }
    /// @brief The installed language for @p requested (`en_US`, `en-US`, `en`), or empty if none fits.
    QString resolveLanguage(QStringView requested) const;
    /// @brief The dictionary of @p language (resolved as above), loading it on first use; nullptr if there is
    /// none or it cannot be used.
    SpellDictionary *dictionary(QStringView language);
    QString personalDirectory() const;

private:
    QStringList m_directories;
    QString m_personalDirectory;
    QStringList m_languages;
    std::map<QString, SpellDictionary *> m_loaded; // owned as QObject children; nullptr = failed to load
};

} // namespace inkwell::app
