#include "draftsession.h"

#include "sync/articlemerge.h"

using namespace Qt::StringLiterals;

namespace inkwell::engine {

DraftSession::DraftSession(LocalStore *store, QUuid authorId, QString authorName, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_authorId(authorId)
    , m_authorName(std::move(authorName))
{
    // Saved at most this long after the first unsaved keystroke: the timer is not restarted by later ones.
    m_saveTimer.setInterval(700);
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &DraftSession::saveNow);
    connect(m_store, &LocalStore::changed, this, &DraftSession::onStoreChanged);
}

DraftSession::~DraftSession()
{
    saveNow(); // the store finishes every queued write before it goes
}

void DraftSession::setAuthor(const QUuid &id, const QString &name)
{
    m_authorId = id;
    m_authorName = name;
}

void DraftSession::open(const QUuid &id)
{
    saveNow();
    load(id);
}

void DraftSession::load(const QUuid &id)
{
    const int generation = ++m_generation;
    m_id = id;
    m_dirty = false;
    m_store->article(id, this, [this, id, generation](std::optional<LocalArticle> article) {
        if (generation != m_generation)
            return;
        if (!article) {
            m_id = QUuid();
            Q_EMIT vanished(id);
            return;
        }
        m_article = *article;
        m_lastSaved = article->text;
        m_lastSeq = article->editSeq;
        Q_EMIT opened(m_article);
    });
}

void DraftSession::create(const sync::ArticleText &text)
{
    saveNow();
    ++m_generation;
    // Opened at once (a new article has nothing to read), and stored at once, even empty: an untitled article is a
    // real one from its first moment, in the library and safe from a crash.
    const QUuid id = QUuid::createUuid();
    LocalArticle article;
    article.entry.id = id;
    article.entry.title = text.title;
    article.entry.tags = text.tags;
    article.entry.authorId = m_authorId;
    article.entry.authorName = m_authorName;
    article.entry.updatedAt = QDateTime::currentDateTimeUtc();
    article.entry.syncState = SyncState::LocalChanges;
    article.text = text;
    m_id = id;
    m_article = article;
    m_lastSaved = {};
    m_lastSeq = 0;
    m_dirty = false;
    Q_EMIT opened(m_article);
    save(text, true);
}

void DraftSession::close()
{
    saveNow();
    ++m_generation;
    m_id = QUuid();
    m_article = {};
    Q_EMIT closed();
}

void DraftSession::touch()
{
    if (m_id.isNull())
        return;
    m_dirty = true;
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void DraftSession::saveNow()
{
    m_saveTimer.stop();
    if (!m_dirty || m_id.isNull() || !m_provider)
        return;
    m_dirty = false;
    save(m_provider());
}

void DraftSession::save(const sync::ArticleText &text, bool force)
{
    if (text == m_lastSaved && !force)
        return;
    m_saving = true;
    const QUuid id = m_id;
    const int generation = m_generation;
    m_store->saveDraft(id, text, m_authorId, m_authorName, this,
                       [this, text, generation](std::expected<qint64, QString> result) {
                           if (generation == m_generation)
                               m_saving = false;
                           if (!result) {
                               // Not stored: the text is still unsaved, and the user is told why.
                               if (generation == m_generation) {
                                   m_dirty = true;
                                   m_saveTimer.start();
                               }
                               Q_EMIT saveFailed(result.error());
                               return;
                           }
                           if (generation != m_generation)
                               return;
                           m_lastSaved = text;
                           m_lastSeq = *result;
                           Q_EMIT saved(*result);
                           if (std::exchange(m_refreshAfterSave, false))
                               refresh();
                       });
}

void DraftSession::onStoreChanged(const QList<QUuid> &ids)
{
    if (m_id.isNull() || (!ids.isEmpty() && !ids.contains(m_id)))
        return;
    if (m_saving) {
        m_refreshAfterSave = true; // looked at once the save is in
        return;
    }
    refresh();
}

void DraftSession::refresh()
{
    const int generation = m_generation;
    const QUuid id = m_id;
    m_store->article(id, this, [this, id, generation](std::optional<LocalArticle> article) {
        if (generation != m_generation)
            return;
        if (m_saving) {
            m_refreshAfterSave = true;
            return;
        }
        if (!article) {
            m_id = QUuid();
            ++m_generation;
            Q_EMIT vanished(id);
            return;
        }
        const bool entryChanged = !(article->entry == m_article.entry);
        m_article = *article;
        // Another text than ours: a new edit sequence (a merge rewrote the draft), or no draft at all any more
        // and a new server version.
        if (article->text != m_lastSaved && (article->editSeq != m_lastSeq || article->editSeq == 0)) {
            // Changed under the editor by a sync. Whatever was typed since the last save is merged on top, so
            // neither side is lost; then it is saved like any edit.
            sync::ArticleText shown = article->text;
            const bool typing = m_dirty && m_provider;
            if (typing) {
                const sync::ArticleMerge merge = sync::mergeArticle(m_lastSaved, m_provider(), article->text);
                shown = merge.merged;
            }
            m_lastSaved = article->text;
            m_lastSeq = article->editSeq;
            Q_EMIT textReplaced(shown);
            if (typing) {
                m_dirty = false;
                m_saveTimer.stop();
                save(shown);
            }
        }
        if (entryChanged)
            Q_EMIT this->entryChanged(article->entry);
    });
}

} // namespace inkwell::engine
