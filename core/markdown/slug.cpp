#include "markdown/slug.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <algorithm>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace inkwell::markdown {

namespace {

struct Transliteration {
    char16_t letter; ///< lowercase
    const char *ascii;
};

// Latin letters that NFKD leaves alone (they are letters of their own, not a base letter plus an accent).
// Uppercase forms are lowercased before the lookup (ẞ → ß, Ø → ø, İ decomposes to i + a combining dot).
constexpr Transliteration kTransliterations[] = {
    {u'\u00DF', "ss"}, // ß
    {u'\u00E6', "ae"}, // æ
    {u'\u00F0', "d"},  // ð
    {u'\u00F8', "o"},  // ø
    {u'\u00FE', "th"}, // þ
    {u'\u0111', "d"},  // đ
    {u'\u0127', "h"},  // ħ
    {u'\u0131', "i"},  // ı (dotless i)
    {u'\u0138', "k"},  // ĸ
    {u'\u0142', "l"},  // ł
    {u'\u014B', "ng"}, // ŋ
    {u'\u0153', "oe"}, // œ
    {u'\u0167', "t"},  // ŧ
    {u'\u0180', "b"},  // ƀ
    {u'\u0192', "f"},  // ƒ
    {u'\u01E5', "g"},  // ǥ
    {u'\u0259', "e"},  // ə
};

const char *transliterate(char32_t lowercase)
{
    const auto found = std::find_if(std::begin(kTransliterations), std::end(kTransliterations),
                                    [lowercase](const Transliteration &t) { return t.letter == lowercase; });
    return found == std::end(kTransliterations) ? nullptr : found->ascii;
}

bool isSlugCharacter(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

/// Cuts a valid slug to @p limit characters, at the last hyphen that fits when there is one.
QString truncateSlug(QString slug, qsizetype limit)
{
    if (slug.size() <= limit)
        return slug;
    if (slug.at(limit) == u'-') {
        slug.truncate(limit);
    } else {
        const qsizetype hyphen = slug.lastIndexOf(u'-', limit - 1);
        slug.truncate(hyphen > 0 ? hyphen : limit);
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

QString fallbackSlug(QStringView text)
{
    if (text.trimmed().isEmpty())
        return u"untitled"_s;
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex();
    return u"untitled-"_s + QLatin1StringView(digest.left(8));
}

} // namespace

QString slugify(QStringView text, int maxLength)
{
    const qsizetype limit = std::max(1, maxLength);
    // NFKD splits accented letters into base + combining marks and folds compatibility forms ("ﬁ" → "fi", "²" → "2").
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);

    QString slug;
    slug.reserve(decomposed.size());
    bool pendingHyphen = false;
    const auto append = [&](QLatin1StringView ascii) {
        if (pendingHyphen && !slug.isEmpty())
            slug += u'-';
        pendingHyphen = false;
        slug += ascii;
    };

    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        char32_t codePoint = decomposed.at(i).unicode();
        if (decomposed.at(i).isHighSurrogate() && i + 1 < decomposed.size() && decomposed.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(decomposed.at(i), decomposed.at(i + 1));
            ++i;
        }
        if (QChar::isMark(codePoint)) // accents, and variation selectors after emoji: they do not split words
            continue;
        const char32_t lower = QChar::toLower(codePoint);
        if (isSlugCharacter(lower)) {
            const char ascii = static_cast<char>(lower);
            append(QLatin1StringView(&ascii, 1));
        } else if (const char *ascii = transliterate(lower)) {
            append(QLatin1StringView(ascii));
        } else {
            pendingHyphen = true;
        }
    }

    if (slug.isEmpty())
        slug = fallbackSlug(text);
    return truncateSlug(std::move(slug), limit);
}

} // namespace inkwell::markdown
