#pragma once

#include "api/apitypes.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QLabel;
class QToolButton;

namespace inkwell::engine {
class AdminStatsModel;
}

namespace inkwell::app {

class MessageBanner;
class StatCard;

/**
 * @brief The Statistics tab: the period (7, 30 or 90 days), number cards, and Qt Charts — articles published and
 * new users per day, users by role, chat messages and AI tokens per day (two axes), articles by status.
 *
 * Charts take their colours from the application palette (light or dark) and are rebuilt when it changes. Hovering
 * a point or a slice shows its value. Series names (for tests and screen readers): "Articles published",
 * "New users", "Chat messages", "AI tokens", "Articles"; the pie's slices are named "slice_<role>".
 */
class AdminStatsPage : public QWidget {
    Q_OBJECT
public:
    explicit AdminStatsPage(engine::AdminStatsModel *model, QWidget *parent = nullptr);

    QChartView *publishedChart() const { return m_published; }
    QChartView *usersByRoleChart() const { return m_byRole; }
    QChartView *chatChart() const { return m_chat; }
    QChartView *articlesByStatusChart() const { return m_byStatus; }
    MessageBanner *banner() const { return m_banner; }
    /// @brief The number card named @p objectName ("cardUsers", "cardAiRequests", ...).
    StatCard *card(const QString &objectName) const { return m_cards.value(objectName); }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *chartCard(const QString &objectName, const QString &title, const QString &subtitle, QChartView **view);
    void rebuild();
    void buildPublished(const api::AdminStats &stats);
    void buildByRole(const api::AdminStats &stats);
    void buildChat(const api::AdminStats &stats);
    void buildByStatus(const api::AdminStats &stats);
    void fillCards(const api::AdminStats &stats);
    void restyle();
    void placeRoleTotal();

    engine::AdminStatsModel *m_model;
    MessageBanner *m_banner;
    QButtonGroup *m_period;
    QToolButton *m_refresh;
    QLabel *m_updated;
    QWidget *m_content;
    QHash<QString, StatCard *> m_cards;
    QChartView *m_published = nullptr;
    QChartView *m_byRole = nullptr;
    QChartView *m_chat = nullptr;
    QChartView *m_byStatus = nullptr;
    bool m_restyling = false;
    QGraphicsSimpleTextItem *m_roleTotal = nullptr; // owned by the chart
    QGraphicsSimpleTextItem *m_roleTotalCaption = nullptr;
};

} // namespace inkwell::app
