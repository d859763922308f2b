#include "renderscheduler.h"

#include "messagewidget.h"

namespace inkwell::app {

namespace {
constexpr int kMaximumIntervalMs = 250;
} // namespace

RenderScheduler::RenderScheduler(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RenderScheduler::run);
}

void RenderScheduler::request(MessageWidget *widget)
{
    if (!widget || m_waiting.contains(widget))
        return;
    if (!m_pace.contains(widget)) {
        m_pace.insert(widget, Pace{-1, m_minimumInterval});
        connect(widget, &QObject::destroyed, this, [this, widget] { m_pace.remove(widget); });
    }
    m_waiting.append(widget);
    arm();
}

qint64 RenderScheduler::dueAt(MessageWidget *widget) const
{
    const Pace pace = m_pace.value(widget);
    return pace.lastRender < 0 ? 0 : pace.lastRender + pace.interval;
}

void RenderScheduler::arm()
{
    qint64 next = -1;
    for (const QPointer<MessageWidget> &widget : std::as_const(m_waiting)) {
        if (widget) {
            const qint64 due = dueAt(widget);
            next = next < 0 ? due : std::min(next, due);
        }
    }
    if (next < 0)
        return;
    const int delay = int(std::max<qint64>(0, next - m_clock.elapsed()));
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(delay);
}

void RenderScheduler::run()
{
    const qint64 turnStart = m_clock.elapsed();
    QList<QPointer<MessageWidget>> later;
    const QList<QPointer<MessageWidget>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<MessageWidget> &widget : waiting) {
        if (!widget)
            continue;
        const qint64 now = m_clock.elapsed();
        // Not due yet, or this turn's budget is spent: next time.
        if (dueAt(widget) > now || now - turnStart >= m_budget) {
            later.append(widget);
            continue;
        }
        QElapsedTimer cost;
        cost.start();
        if (widget->flushText()) {
            Pace &pace = m_pace[widget];
            pace.lastRender = m_clock.elapsed();
            // A render may take at most a fifth of the time between two.
            pace.interval = std::clamp(int(cost.elapsed() * 5), m_minimumInterval, kMaximumIntervalMs);
            Q_EMIT rendered(widget);
        }
    }
    m_waiting = later + m_waiting; // requests made while rendering come after
    arm();
}

} // namespace inkwell::app
