#include "spelling/spelldictionary.h"

#include "spelling/spelling_log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <hunspell/hunspell.hxx>

using namespace Qt::StringLiterals;

namespace inkwell::app {

Q_LOGGING_CATEGORY(lcSpelling, "inkwell.app.spelling")

namespace {
constexpr qsizetype kMaxCachedWords = 50000;
constexpr qsizetype kMaxWordLength = 100; // Hunspell's own limit is near this; longer "words" are not prose

QString normalised(QStringView word)
{
    // Hunspell dictionaries know the ASCII apostrophe; writers type the typographic one.
    QString w = word.toString();
    w.replace(QChar(0x2019), u'\'');
    return w;
}
} // namespace

SpellDictionary::SpellDictionary(const QString &language, const QString &affPath, const QString &dicPath,
                                 const QString &personalPath, QObject *parent)
    : QObject(parent)
    , m_language(language)
    , m_personalPath(personalPath)
{
    if (!QFileInfo::exists(affPath) || !QFileInfo::exists(dicPath)) {
        qCWarning(lcSpelling) << "no dictionary files for" << language;
        return;
    }
    auto hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(affPath).constData(), QFile::encodeName(dicPath).constData());
    // The .aff file's SET line; Debian ships UTF-8 and ISO-8859-1 dictionaries.
    m_encodingName = QString::fromLatin1(hunspell->get_dict_encoding());
    QString key = m_encodingName.toUpper();
    key.remove(u'-');
    key.remove(u'_');
    if (key == u"UTF8"_s) {
        m_encoding = Encoding::Utf8;
    } else if (key == u"ISO88591"_s || key == u"LATIN1"_s) {
        m_encoding = Encoding::Latin1;
    } else {
        qCWarning(lcSpelling) << "dictionary" << language << "uses the unsupported encoding" << m_encodingName;
        return;
    }
    m_hunspell = std::move(hunspell);

    QFile personal(m_personalPath);
    if (personal.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QStringList words = QString::fromUtf8(personal.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : words) {
            const QString word = line.trimmed();
            if (!word.isEmpty())
                acceptInHunspell(word);
        }
    }
}

SpellDictionary::~SpellDictionary() = default;

std::optional<std::string> SpellDictionary::encode(QStringView word) const
{
    if (m_encoding == Encoding::Utf8)
        return word.toUtf8().toStdString();
    for (QChar c : word) {
        if (c.unicode() > 0xff)
            return std::nullopt;
    }
    return word.toLatin1().toStdString();
}

QString SpellDictionary::decode(const std::string &bytes) const
{
    const auto size = qsizetype(bytes.size());
    return m_encoding == Encoding::Utf8 ? QString::fromUtf8(bytes.data(), size)
                                        : QString::fromLatin1(bytes.data(), size);
}

void SpellDictionary::acceptInHunspell(const QString &word)
{
    m_accepted.insert(word);
    m_cache.remove(word);
    if (m_hunspell) {
        if (const auto bytes = encode(word))
            m_hunspell->add(*bytes);
    }
}

bool SpellDictionary::isCorrect(QStringView word) const
{
    if (!m_hunspell || word.isEmpty() || word.size() > kMaxWordLength)
        return true;
    const QString w = normalised(word);
    if (m_accepted.contains(w))
        return true;
    if (const auto it = m_cache.constFind(w); it != m_cache.cend())
        return *it;
    const auto bytes = encode(w);
    const bool correct = !bytes || m_hunspell->spell(*bytes);
    if (m_cache.size() >= kMaxCachedWords)
        m_cache.clear();
    m_cache.insert(w, correct);
    return correct;
}

QStringList SpellDictionary::suggestions(const QString &word, int max) const
{
    QStringList out;
    if (!m_hunspell)
        return out;
    const auto bytes = encode(normalised(word));
    if (!bytes)
        return out;
    for (const std::string &s : m_hunspell->suggest(*bytes)) {
        if (out.size() >= max)
            break;
        out.append(decode(s));
    }
    return out;
}

bool SpellDictionary::addToPersonal(const QString &word)
{
    const QString w = normalised(word).trimmed();
    if (w.isEmpty() || w.contains(u'\n'))
        return false;
    acceptInHunspell(w);

    // Rewrite the whole list through QSaveFile: a crash mid-write leaves the old list, never half of it.
    bool written = false;
    if (!m_personalPath.isEmpty() && QDir().mkpath(QFileInfo(m_personalPath).absolutePath())) {
        QStringList words;
        QFile existing(m_personalPath);
        if (existing.open(QIODevice::ReadOnly | QIODevice::Text))
            words = QString::fromUtf8(existing.readAll()).split(u'\n', Qt::SkipEmptyParts);
        if (!words.contains(w))
            words.append(w);
        QSaveFile file(m_personalPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
            file.write(words.join(u'\n').toUtf8());
            file.write("\n");
            written = file.commit();
        }
    }
    if (!written)
        qCWarning(lcSpelling) << "could not write the personal word list" << m_personalPath;
    Q_EMIT wordAccepted(w);
    return written;
}

void SpellDictionary::ignore(const QString &word)
{
    const QString w = normalised(word);
    m_accepted.insert(w);
    m_cache.remove(w);
    Q_EMIT wordAccepted(w);
}

} // namespace inkwell::app
