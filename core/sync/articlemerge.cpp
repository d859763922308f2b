#include "sync/articlemerge.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace inkwell::sync {

namespace {

/// A single value: std::nullopt when both sides changed it differently.
std::optional<QString> mergeValue(const QString &base, const QString &mine, const QString &theirs)
{
    if (mine == theirs || theirs == base)
        return mine;
    if (mine == base)
        return theirs;
    return std::nullopt;
}

QSet<QString> foldedSet(const QStringList &tags)
{
    QSet<QString> set;
    set.reserve(tags.size());
    for (const QString &tag : tags)
        set.insert(tag.toCaseFolded());
    return set;
}

QStringList mergeTags(const QStringList &base, const QStringList &mine, const QStringList &theirs)
{
    const QSet<QString> inBase = foldedSet(base);
    const QSet<QString> inTheirs = foldedSet(theirs);
    QSet<QString> taken;
    QStringList merged;
    const auto take = [&](const QString &tag) {
        const QString folded = tag.toCaseFolded();
        if (taken.contains(folded))
            return;
        taken.insert(folded);
        merged.append(tag);
    };
    // Mine's tags, except those of the base that theirs removed.
    for (const QString &tag : mine) {
        const QString folded = tag.toCaseFolded();
        if (!(inBase.contains(folded) && !inTheirs.contains(folded)))
            take(tag);
    }
    // Then what theirs added (a base tag missing from mine was removed by mine).
    for (const QString &tag : theirs) {
        if (!inBase.contains(tag.toCaseFolded()))
            take(tag);
    }
    return merged;
}

} // namespace

ArticleMerge mergeArticle(const ArticleText &base, const ArticleText &mine, const ArticleText &theirs)
{
    ArticleMerge result;

    const std::optional<QString> title = mergeValue(base.title, mine.title, theirs.title);
    result.merged.title = title.value_or(mine.title);
    if (!title)
        result.conflictingFields.append(u"title"_s);

    const std::optional<QString> excerpt = mergeValue(base.excerpt, mine.excerpt, theirs.excerpt);
    result.merged.excerpt = excerpt.value_or(mine.excerpt);
    if (!excerpt)
        result.conflictingFields.append(u"excerpt"_s);

    result.merged.tags = mergeTags(base.tags, mine.tags, theirs.tags);

    result.content = mergeText(base.content, mine.content, theirs.content);
    result.merged.content = result.content.merged;
    if (!result.content.clean)
        result.conflictingFields.append(u"content"_s);

    result.clean = result.conflictingFields.isEmpty();
    return result;
}

} // namespace inkwell::sync
