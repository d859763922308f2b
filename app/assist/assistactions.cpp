#include "assistactions.h"

#include <QMenu>

using namespace Qt::StringLiterals;

namespace inkwell::app {

AssistActions::AssistActions(engine::AssistSession *session, AssistPanel *panel, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
{
    m_generate = make(u"aiGenerateAction"_s, tr("&Generate Draft…"), QKeySequence(u"Ctrl+Alt+G"_s),
                      tr("Write a new draft from a prompt"));
    m_summarize = make(u"aiSummarizeAction"_s, tr("&Summarize"), QKeySequence(u"Ctrl+Alt+S"_s),
                       tr("Summarize the selection, or the whole article when nothing is selected"));
    m_suggest = make(u"aiSuggestAction"_s, tr("Suggest &Title, Excerpt and Tags"), QKeySequence(u"Ctrl+Alt+U"_s),
                     tr("Suggest titles, an excerpt and tags for this article"));
    m_stop = make(u"aiStopAction"_s, tr("S&top Generating"), QKeySequence(u"Ctrl+Alt+X"_s),
                  tr("Stop the draft being written; the text so far is kept"));
    m_undo = make(u"aiUndoSuggestionAction"_s, tr("&Undo Suggestion"), QKeySequence(u"Ctrl+Alt+Z"_s),
                  tr("Put back what a field held before the last accepted suggestion"));

    connect(m_generate, &QAction::triggered, m_panel, &AssistPanel::focusPromptOrGenerate);
    connect(m_summarize, &QAction::triggered, this, [this] {
        Q_EMIT m_panel->activationRequested();
        m_panel->summarize();
    });
    connect(m_suggest, &QAction::triggered, this, [this] {
        Q_EMIT m_panel->activationRequested();
        m_panel->suggest();
    });
    connect(m_stop, &QAction::triggered, m_panel, &AssistPanel::stop);
    connect(m_undo, &QAction::triggered, m_panel, &AssistPanel::undoSuggestion);

    connect(m_panel, &AssistPanel::stateChanged, this, &AssistActions::update);
    connect(m_panel, &AssistPanel::undoAvailableChanged, this, &AssistActions::update);
    update();
}

QAction *AssistActions::make(const QString &name, const QString &text, const QKeySequence &keys, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setProperty("tip", tip); // the tip to show when the action can run
    action->setToolTip(tip);
    action->setStatusTip(tip);
    return action;
}

void AssistActions::update()
{
    const bool can = m_panel->canAssist();
    const QString why = m_session->available() ? m_session->limitText() : m_session->unavailableReason();
    for (QAction *action : {m_generate, m_summarize, m_suggest}) {
        action->setEnabled(can);
        const QString tip = can ? action->property("tip").toString() : why;
        action->setToolTip(tip);
        action->setStatusTip(tip);
    }
    m_stop->setEnabled(m_panel->generating());
    m_undo->setEnabled(m_panel->canUndoSuggestion());
}

QList<QAction *> AssistActions::actions() const
{
    return {m_generate, m_stop, m_summarize, m_suggest, m_undo};
}

void AssistActions::addTo(QMenu *menu) const
{
    menu->addAction(m_generate);
    menu->addAction(m_stop);
    menu->addSeparator();
    menu->addAction(m_summarize);
    menu->addAction(m_suggest);
    menu->addAction(m_undo);
}

} // namespace inkwell::app
