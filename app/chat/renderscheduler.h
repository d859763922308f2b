#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace inkwell::app {

class MessageWidget;

/**
 * @brief Decides when streamed text is rendered: each message at most every few tens of milliseconds, and all
 * messages together within a time budget per event-loop turn.
 *
 * A message's deltas are coalesced: it is rendered at once after a pause, then no more often than its interval,
 * which adapts to what its last render cost (five times that, at least minimumIntervalMs()), so a slow render (a
 * long code block in the tail) happens less often instead of taking more of the UI thread. When several messages
 * are due at the same time (several views streaming side by side), they are rendered in turn until budgetMs() is
 * used up and the rest goes to the next turn of the event loop, so input and painting are never held up for long.
 * One scheduler can serve several views; ChatView makes its own unless it is given one.
 */
class RenderScheduler : public QObject {
    Q_OBJECT
public:
    explicit RenderScheduler(QObject *parent = nullptr);

    /// @brief @p widget has text to render (MessageWidget::hasPendingText()).
    void request(MessageWidget *widget);
    void setMinimumIntervalMs(int ms) { m_minimumInterval = ms; }
    int minimumIntervalMs() const { return m_minimumInterval; }
    void setBudgetMs(int ms) { m_budget = ms; }
    int budgetMs() const { return m_budget; }

Q_SIGNALS:
    /// @brief @p widget's text was rendered.
    void rendered(inkwell::app::MessageWidget *widget);

private:
    struct Pace {
        qint64 lastRender = -1; // ms on m_clock
        int interval = 0;
    };
    qint64 dueAt(MessageWidget *widget) const;
    void run();
    void arm();

    QElapsedTimer m_clock;
    QTimer m_timer;
    QList<QPointer<MessageWidget>> m_waiting;
    QHash<MessageWidget *, Pace> m_pace;
    int m_minimumInterval = 33;
    int m_budget = 8;
};

} // namespace inkwell::app
