#pragma once

#include "conflictmarkers.h"
#include "linemap.h"
#include "localtypes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <array>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QFrame;

namespace inkwell::api {
class ApiClient;
}
namespace inkwell::engine {
class SyncEngine;
}

namespace inkwell::app {

class FieldChoice;
class NameCache;
class TextPane;

/**
 * @brief Settles a sync conflict: yours, the server's and the merged text side by side, the merged one editable.
 *
 * Shown in place of the editor or as a window of its own (a widget without a parent: "Later" and a successful
 * save then close it). The merged text starts from the engine's proposal, whose conflicting parts carry git-style
 * markers; F7 / Shift+F7 walk the conflicts, Alt+1 / Alt+2 / Alt+3 take yours / the server's / both for the one
 * under the cursor (and each conflict has the same three buttons beside its first marker). "Save merged" stays
 * disabled, with the reason beside it, while markers remain. Conflicting titles and excerpts get a choice above.
 *
 * Saving calls SyncEngine::resolveConflict(); the engine pushes the text in its next round. Nothing here blocks:
 * the save answers through a callback, and an error is shown in words.
 *
 * Object names for tests: "minePane", "theirsPane", "mergedPane" (TextPane), "mineHeader", "theirsHeader",
 * "mergedHeader", "conflictCount", "currentConflict", "nextConflict", "previousConflict", "takeMine",
 * "takeTheirs", "takeBoth", "saveMerged", "saveReason", "keepMine", "takeTheirsAll", "later", "errorMessage",
 * "regionActions" (per conflict: "regionTakeMine", "regionTakeTheirs", "regionTakeBoth"), "titleChoice",
 * "excerptChoice" (see FieldChoice).
 */
class ConflictView : public QWidget {
    Q_OBJECT
public:
    /// @brief A view of @p article's conflict, saved through @p engine. @p client (may be null) only tells who
    /// saved the server's revision.
    ConflictView(engine::SyncEngine *engine, const engine::LocalArticle &article, api::ApiClient *client = nullptr,
                 QWidget *parent = nullptr);
    ~ConflictView() override;

    QUuid articleId() const { return m_article.entry.id; }
    /// @brief The merged text as it stands in the editor.
    QString mergedText() const;
    /// @brief Complete conflict regions left in the merged text.
    int conflictsLeft() const { return int(m_scan.regions.size()); }
    /// @brief Why "Save merged" is disabled; empty when it is enabled.
    QString saveBlockedReason() const;

public Q_SLOTS:
    void nextConflict();
    void previousConflict();
    /// @brief Takes yours / the server's / both for the conflict under the cursor.
    void takeMine() { takeCurrent(ConflictMarkers::Take::Mine); }
    void takeTheirs() { takeCurrent(ConflictMarkers::Take::Theirs); }
    void takeBoth() { takeCurrent(ConflictMarkers::Take::Both); }
    /// @brief Saves the merged text (and the chosen title and excerpt).
    void saveMerged();
    /// @brief Saves your whole version.
    void keepMine();
    /// @brief Asks, then saves the server's whole version (your edits of this article are dropped).
    void takeTheirsAll();
    /// @brief Leaves without changing anything.
    void later();

Q_SIGNALS:
    /// @brief The conflict is settled in the local store (the sync engine pushes it next).
    void resolved(const QUuid &id);
    /// @brief The view is done: @p resolved, or left for later. Emitted once.
    void finished(bool resolved);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Pane { Mine, Theirs, Merged };

    void buildUi();
    QWidget *buildColumn(Pane pane, TextPane *text, QLabel *header, QLabel *detail);
    void fillPanes();
    void mergedEdited();
    void refreshMergedColours();
    void updateState();
    void updateCurrentRegion();
    void placeRegionActions();
    void takeCurrent(ConflictMarkers::Take take);
    void takeRegion(int index, ConflictMarkers::Take take);
    void submit(const sync::ArticleText &text);
    void finish(bool settled);
    void syncScroll(Pane from, int line);
    const LineMap &lineMap(Pane from, Pane to);
    void showServerDetail();
    TextPane *pane(Pane which) const;

    QPointer<engine::SyncEngine> m_engine;
    QPointer<api::ApiClient> m_client;
    engine::LocalArticle m_article;
    engine::Conflict m_conflict;
    ConflictMarkers m_markers;
    bool m_crlf = false;
    MarkerScan m_scan;
    int m_currentRegion = -1;
    bool m_busy = false;
    bool m_finished = false;
    bool m_syncingScroll = false;
    bool m_shown = false;
    QUuid m_theirsAuthor; ///< who saved the server's revision, once known
    NameCache *m_names = nullptr;

    TextPane *m_minePane = nullptr;
    TextPane *m_theirsPane = nullptr;
    TextPane *m_mergedPane = nullptr;
    QLabel *m_mineHeader = nullptr;
    QLabel *m_mineDetail = nullptr;
    QLabel *m_theirsHeader = nullptr;
    QLabel *m_theirsDetail = nullptr;
    QLabel *m_mergedHeader = nullptr;
    QLabel *m_mergedDetail = nullptr;
    FieldChoice *m_titleChoice = nullptr;
    FieldChoice *m_excerptChoice = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_current = nullptr;
    QLabel *m_saveReason = nullptr;
    QLabel *m_error = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_takeMineAction = nullptr;
    QAction *m_takeTheirsAction = nullptr;
    QAction *m_takeBothAction = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_keepMineButton = nullptr;
    QPushButton *m_takeTheirsButton = nullptr;
    QPushButton *m_laterButton = nullptr;
    QList<QFrame *> m_regionActions;
    QTimer m_colourTimer;
    /// Line maps between the panes, made when a scroll needs one; those of the merged text drop on each edit.
    std::array<std::array<std::optional<LineMap>, 3>, 3> m_maps;
};

} // namespace inkwell::app
