#include "spelling/spellchecker.h"

#include "spelling/spelldictionary.h"
#include "spelling/spelling_log.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPointer>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace inkwell::app {

SpellChecker::SpellChecker(const QStringList &dictionaryDirectories, const QString &personalDirectory, QObject *parent)
    : QObject(parent)
    , m_directories(dictionaryDirectories.isEmpty() ? QStringList{u"/usr/share/hunspell"_s} : dictionaryDirectories)
    , m_personalDirectory(personalDirectory)
{
    for (const QString &dir : std::as_const(m_directories)) {
        const QDir d(dir);
        const QStringList dics = d.entryList({u"*.dic"_s}, QDir::Files, QDir::Name);
        for (const QString &dic : dics) {
            const QString language = dic.chopped(4);
            if (d.exists(language + u".aff"_s) && !m_languages.contains(language))
                m_languages.append(language);
        }
    }
    m_languages.sort();
}

SpellChecker::~SpellChecker() = default;

SpellChecker *SpellChecker::shared()
{
    static QPointer<SpellChecker> instance;
    if (!instance)
        instance = new SpellChecker({}, {}, QCoreApplication::instance());
    return instance;
}

QString SpellChecker::resolveLanguage(QStringView requested) const
{
    QString wanted = requested.trimmed().toString();
    wanted.replace(u'-', u'_');
    if (wanted.isEmpty())
        return {};
    for (const QString &language : m_languages) {
        if (language.compare(wanted, Qt::CaseInsensitive) == 0)
            return language;
    }
    const QString code = wanted.section(u'_', 0, 0).toLower();
    // "de" means the country QLocale thinks of first (de_DE, en_US), else any dictionary of that language.
    const QString preferred = QLocale(code).name();
    if (m_languages.contains(preferred))
        return preferred;
    for (const QString &language : m_languages) {
        if (language.section(u'_', 0, 0).toLower() == code)
            return language;
    }
    return {};
}

QString SpellChecker::personalDirectory() const
{
    if (!m_personalDirectory.isEmpty())
        return m_personalDirectory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/dictionaries"_s;
}

SpellDictionary *SpellChecker::dictionary(QStringView language)
{
    if (language.trimmed().isEmpty())
        return nullptr;
    const QString resolved = resolveLanguage(language);
    // A language without a dictionary is remembered too, so it is reported once.
    const QString key = resolved.isEmpty() ? u"?"_s + language.trimmed().toString() : resolved;
    if (const auto it = m_loaded.find(key); it != m_loaded.end())
        return it->second;
    if (resolved.isEmpty()) {
        qCWarning(lcSpelling) << "no dictionary installed for" << language << "- spelling is not checked";
        m_loaded.emplace(key, nullptr);
        return nullptr;
    }
    SpellDictionary *dictionary = nullptr;
    for (const QString &dir : std::as_const(m_directories)) {
        const QDir d(dir);
        if (!d.exists(resolved + u".dic"_s))
            continue;
        // Loading takes some 50 ms for the Debian dictionaries; it happens once per language and session.
        dictionary = new SpellDictionary(resolved, d.filePath(resolved + u".aff"_s), d.filePath(resolved + u".dic"_s),
                                         QDir(personalDirectory()).filePath(resolved + u".txt"_s), this);
        break;
    }
    if (dictionary && !dictionary->isValid()) {
        delete dictionary;
        dictionary = nullptr;
    }
    if (!dictionary)
        qCWarning(lcSpelling) << "no usable dictionary for" << resolved;
    m_loaded.emplace(resolved, dictionary);
    return dictionary;
}

} // namespace inkwell::app
