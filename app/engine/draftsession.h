#pragma once

#include "localstore.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace inkwell::engine {

/**
 * @brief The article open in the editor, between the user's typing and the local store.
 *
 * The editor says touch() when its text changes; within saveDelayMs() (and at most a second after the first
 * unsaved change, however fast the user types) the session asks the editor for the text and saves it. Only
 * what the store committed counts as saved (ghostwriter's slip: "modified" cleared before the write
 * succeeded). When a sync changes the open article under the editor (a clean merge with the server's
 * version), textReplaced() carries the new text — merged again with whatever the user typed since the last
 * save, so no keystroke is lost; the editor applies it as one undoable edit.
 */
class DraftSession : public QObject {
    Q_OBJECT
public:
    DraftSession(LocalStore *store, QUuid authorId, QString authorName, QObject *parent = nullptr);
    ~DraftSession() override;

    /// @brief Where the editor's current text comes from (asked at save time, not per keystroke).
    void setTextProvider(std::function<sync::ArticleText()> provider) { m_provider = std::move(provider); }
    void setSaveDelayMs(int ms) { m_saveTimer.setInterval(ms); }
    int saveDelayMs() const { return m_saveTimer.interval(); }
    void setAuthor(const QUuid &id, const QString &name);

    /// @brief Saves what is open, then opens @p id; opened() follows.
    void open(const QUuid &id);
    /// @brief Saves what is open, then starts a new article with @p text: opened() is emitted before this returns,
    /// and the article is stored right away.
    void create(const sync::ArticleText &text);
    /// @brief Saves what is open and closes it.
    void close();

    /// @brief The editor's text changed.
    void touch();
    /// @brief Saves now if anything is unsaved (leaving the article, quitting, before an action).
    void saveNow();

    QUuid id() const { return m_id; }
    bool isOpen() const { return !m_id.isNull(); }
    /// @brief Typed since the last committed save.
    bool unsaved() const { return m_dirty || m_saving; }
    /// @brief The article as the store last showed it.
    const LocalArticle &article() const { return m_article; }

Q_SIGNALS:
    void opened(const inkwell::engine::LocalArticle &article);
    void closed();
    /// @brief The store committed a save of the open article.
    void saved(qint64 editSeq);
    void saveFailed(const QString &message);
    /// @brief A sync changed the open article's text: show @p text (as one undoable edit).
    void textReplaced(const inkwell::sync::ArticleText &text);
    /// @brief The open article's library entry changed (sync state, status, revision).
    void entryChanged(const inkwell::engine::LibraryEntry &entry);
    /// @brief The open article is gone from the store (deleted on the server, or kept as a new draft under
    /// another id — SyncEngine::draftKeptAfterDeletion says which).
    void vanished(const QUuid &id);

private:
    void onStoreChanged(const QList<QUuid> &ids);
    void refresh();
    void save(const sync::ArticleText &text, bool force = false);
    void load(const QUuid &id);

    LocalStore *m_store;
    QUuid m_authorId;
    QString m_authorName;
    std::function<sync::ArticleText()> m_provider;
    QTimer m_saveTimer;
    QUuid m_id;
    LocalArticle m_article;
    sync::ArticleText m_lastSaved; ///< the text the store holds for the open article, as far as we know
    qint64 m_lastSeq = 0;          ///< its edit sequence
    bool m_dirty = false;
    bool m_saving = false;
    bool m_refreshAfterSave = false;
    int m_generation = 0; ///< answers about an article no longer open are dropped
};

} // namespace inkwell::engine
