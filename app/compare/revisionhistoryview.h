#pragma once

#include "api/apitypes.h"
#include "localtypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <optional>

class QButtonGroup;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace inkwell::api {
class ApiClient;
struct ApiError;
} // namespace inkwell::api
namespace inkwell::engine {
class LocalStore;
class SyncEngine;
} // namespace inkwell::engine

namespace inkwell::app {

class NameCache;
class TextPane;
struct DiffDocument;

/**
 * @brief An article's revisions on the server, each compared with the user's current text, and brought back on
 * request.
 *
 * Open it with open() (or show it inside another window). The list comes from GET /articles/{id}/revisions,
 * newest first, with "Load older revisions" while the server has more. Selecting a revision fetches it whole and
 * shows how the user's current text (the local draft, or the synced copy) differs from it: inline, with old and
 * new line numbers, or side by side; title, excerpt and tags are summarised above. The diff runs on a worker
 * thread; every answer that arrives after the user moved on is dropped.
 *
 * "Restore this revision" asks first, then saves that revision's title, excerpt, tags and text as the local
 * draft (LocalStore::saveDraft); the sync engine pushes it as a new revision, so every earlier revision stays in
 * the history. The current text follows the store: an edit saved while the view is open is compared at once.
 *
 * Object names for tests: "revisionList", "loadMore", "listMessage", "retry", "diffHeader", "diffSummary",
 * "diffStats", "inlineMode", "sideBySideMode", "inlineDiff", "oldPane", "newPane", "oldHeader", "newHeader",
 * "copyDiff", "restore", "message", and "restoreConfirmation" (its buttons "confirmRestore", "cancelRestore").
 */
class RevisionHistoryView : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Inline, SideBySide };
    Q_ENUM(Mode)

    /// @brief The history of @p articleId. @p engine (may be null) is told about a restore, so it syncs soon.
    RevisionHistoryView(api::ApiClient *client, engine::LocalStore *store, const QUuid &articleId,
                        engine::SyncEngine *engine = nullptr, QWidget *parent = nullptr);
    ~RevisionHistoryView() override;

    QUuid articleId() const { return m_id; }
    /// @brief The revision selected in the list; 0 when none.
    int selectedRevision() const { return m_selected; }
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// @brief Selects @p revision in the list (when listed) and compares it.
    bool selectRevision(int revision);
    /// @brief The content's unified diff from the selected revision to the current text; empty when none.
    QString unifiedDiffText() const;

public Q_SLOTS:
    /// @brief Lists the revisions again from the newest.
    void reload();
    /// @brief Appends the next page of older revisions.
    void loadMore();
    /// @brief Puts the unified diff on the clipboard.
    void copyUnifiedDiff();
    /// @brief Asks, then makes the selected revision the local draft.
    void restoreSelected();

Q_SIGNALS:
    /// @brief @p revision's text is now the local draft of @p id.
    void revisionRestored(const QUuid &id, int revision);

private:
    void buildUi();
    void readLocal();
    void fetchPage(const QString &cursor);
    void addRows(const QList<api::RevisionInfo> &items);
    void updateNames();
    void onSelectionChanged();
    void compare();
    void showDiff(const DiffDocument &diff, int revision);
    void updateActions();
    void setMessage(const QString &text, bool error = false);
    void doRestore(int revision);
    QString describe(const api::ApiError &error, bool list) const;
    sync::ArticleText revisionText(int revision) const;
    QString revisionLabel(int revision) const;

    QPointer<api::ApiClient> m_client;
    QPointer<engine::LocalStore> m_store;
    QPointer<engine::SyncEngine> m_engine;
    QUuid m_id;
    std::optional<engine::LocalArticle> m_local;
    bool m_localRead = false;
    NameCache *m_names = nullptr;
    QHash<int, api::RevisionInfo> m_infos;
    QHash<int, Article> m_revisions;
    QString m_nextCursor;
    int m_selected = 0;
    int m_shownRevision = 0; ///< the revision whose diff the panes show
    bool m_restoring = false;
    Mode m_mode = Mode::Inline;
    quint64 m_listGeneration = 0;
    quint64 m_diffGeneration = 0;
    std::optional<int> m_knownRevision; ///< the server revision the local copy is based on, as last read
    bool m_listLoaded = false;
    bool m_syncingScroll = false;

    QLabel *m_title = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_loadMore = nullptr;
    QLabel *m_listMessage = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_diffHeader = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_stats = nullptr;
    QToolButton *m_inlineButton = nullptr;
    QToolButton *m_sideButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    TextPane *m_inline = nullptr;
    TextPane *m_old = nullptr;
    TextPane *m_new = nullptr;
    QLabel *m_oldHeader = nullptr;
    QLabel *m_newHeader = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_restore = nullptr;
    QLabel *m_restoreReason = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace inkwell::app
