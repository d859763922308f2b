#pragma once

#include "assist/assistpanel.h"
#include "assistsession.h"

#include <QAction>
#include <QList>
#include <QObject>

class QMenu;

namespace inkwell::app {

/**
 * @brief The AI menu's actions, each with a shortcut, bound to an AssistPanel and its AssistSession:
 *
 * | action | shortcut | does |
 * |---|---|---|
 * | Generate Draft… | Ctrl+Alt+G | shows the panel with the focus in the prompt; again (prompt filled, focus in it)
 * starts | | Summarize | Ctrl+Alt+S | summarizes the selection, or the article | | Suggest Title, Excerpt and Tags |
 * Ctrl+Alt+U | asks for suggestions | | Stop Generating | Ctrl+Alt+X | stops the running generation | | Undo Suggestion
 * | Ctrl+Alt+Z | takes back the last accepted suggestion |
 *
 * (Not Ctrl+Alt+T for suggestions: GNOME and Ubuntu open a terminal with it before the app sees it.) While the
 * assists cannot be used the actions are disabled — never hidden — and their tool and status tips carry the reason.
 * The actions work once added to a window (a menu of its menu bar, or QWidget::addActions()).
 */
class AssistActions : public QObject {
    Q_OBJECT
public:
    AssistActions(engine::AssistSession *session, AssistPanel *panel, QObject *parent = nullptr);

    QAction *generateAction() const { return m_generate; }
    QAction *summarizeAction() const { return m_summarize; }
    QAction *suggestAction() const { return m_suggest; }
    QAction *stopAction() const { return m_stop; }
    QAction *undoSuggestionAction() const { return m_undo; }
    /// @brief Every action, in menu order.
    QList<QAction *> actions() const;
    /// @brief Adds the actions to @p menu (the main window's "AI" menu), grouped with separators.
    void addTo(QMenu *menu) const;

private:
    QAction *make(const QString &name, const QString &text, const QKeySequence &keys, const QString &tip);
    void update();

    engine::AssistSession *m_session;
    AssistPanel *m_panel;
    QAction *m_generate;
    QAction *m_summarize;
    QAction *m_suggest;
    QAction *m_stop;
    QAction *m_undo;
};

} // namespace inkwell::app
