#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>

class Hunspell;

namespace inkwell::app {

/// @brief One Hunspell dictionary (one language) with the user's personal word list and the session's
/// ignored words. Lives on the GUI thread (Hunspell is not thread-safe); SpellChecker loads each language once
/// and shares it between editors.
class SpellDictionary : public QObject {
    Q_OBJECT
public:
    /// @brief Loads @p affPath / @p dicPath; words from @p personalPath (one per line, UTF-8) are accepted too.
    SpellDictionary(const QString &language, const QString &affPath, const QString &dicPath,
                    const QString &personalPath, QObject *parent = nullptr);
    ~SpellDictionary() override;

    QString language() const { return m_language; }
    /// @brief False when the dictionary could not be loaded or its encoding is not supported.
    bool isValid() const { return m_hunspell != nullptr; }
    /// @brief The dictionary's character set as its .aff file names it (`SET UTF-8`, `SET ISO8859-1`).
    QString encoding() const { return m_encodingName; }

    /// @brief Whether @p word is spelled correctly (or added, or ignored). Words the dictionary's character set
    /// cannot express are not judged (true). Results are cached.
    bool isCorrect(QStringView word) const;
    /// @brief Up to @p max suggestions for @p word, best first.
    QStringList suggestions(const QString &word, int max = 6) const;

    /// @brief Accepts @p word from now on and appends it to the personal word list file.
    /// @return false if the file could not be written (the word is still accepted in this session).
    bool addToPersonal(const QString &word);
    /// @brief Accepts @p word until the application quits.
    void ignore(const QString &word);
    QString personalPath() const { return m_personalPath; }

Q_SIGNALS:
    /// @brief @p word was added or ignored: editors recheck the lines that contain it.
    void wordAccepted(const QString &word);

private:
    enum class Encoding { Utf8, Latin1 };
    std::optional<std::string> encode(QStringView word) const;
    QString decode(const std::string &bytes) const;
    void acceptInHunspell(const QString &word);

    QString m_language;
    QString m_personalPath;
    QString m_encodingName;
    Encoding m_encoding = Encoding::Utf8;
    std::unique_ptr<Hunspell> m_hunspell;
    QSet<QString> m_accepted; // personal and ignored words
    mutable QHash<QString, bool> m_cache;
};

} // namespace inkwell::app
