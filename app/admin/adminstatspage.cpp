#include "adminstatspage.h"

#include "adminstatsmodel.h"
#include "adminusersmodel.h"
#include "dashboardstyle.h"
#include "messagebanner.h"
#include "statcard.h"

#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QTime>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

using namespace Qt::StringLiterals;
using inkwell::engine::AdminStatsModel;

namespace inkwell::app {

namespace {

using dashboard::Accent;

qint64 total(const QList<api::DayCount> &days)
{
    qint64 sum = 0;
    for (const api::DayCount &day : days)
        sum += day.count;
    return sum;
}

qint64 peak(const QList<api::DayCount> &days)
{
    qint64 most = 0;
    for (const api::DayCount &day : days)
        most = std::max(most, day.count);
    return most;
}

/// The x value of a day: its local midnight, which the date axis shows as that date.
qreal dayX(const QDate &date)
{
    return qreal(date.startOfDay().toMSecsSinceEpoch());
}

QLineSeries *daySeries(const QString &name, const QList<api::DayCount> &days)
{
    auto *series = new QLineSeries;
    series->setName(name);
    for (const api::DayCount &day : days)
        series->append(dayX(day.date), qreal(day.count));
    return series;
}

/// A value axis from 0 to a round number above @p most, with ticks on whole numbers.
QValueAxis *countAxis(qint64 most)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%.0f"_s);
    axis->setMin(0);
    if (most <= 4) {
        axis->setMax(4);
        axis->setTickCount(5);
        return axis;
    }
    const double rough = double(most) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    step = std::max(1.0, std::ceil(step));
    const double max = step * std::ceil(double(most) / step);
    axis->setMax(max);
    axis->setTickCount(int(max / step) + 1);
    return axis;
}

/// A date axis over the days of @p days with ticks on whole days: the range is widened at the left, when needed,
/// so that it divides into 4..6 equal steps.
QDateTimeAxis *dateAxis(const QList<api::DayCount> &days)
{
    auto *axis = new QDateTimeAxis;
    if (days.isEmpty()) {
        axis->setRange(QDate::currentDate().addDays(-6).startOfDay(), QDate::currentDate().startOfDay());
        return axis;
    }
    const QDate last = days.constLast().date;
    qint64 span = std::max<qint64>(1, days.constFirst().date.daysTo(last));
    int steps = 0;
    for (qint64 extra = 0; extra < 6 && steps == 0; ++extra) {
        for (const int candidate : {6, 5, 4, 7}) {
            if ((span + extra) % candidate == 0) {
                steps = candidate;
                span += extra;
                break;
            }
        }
    }
    if (steps == 0)
        steps = 1;
    axis->setRange(last.addDays(-span).startOfDay(), last.startOfDay());
    axis->setTickCount(steps + 1);
    axis->setFormat(span <= 7 ? u"ddd d"_s : u"d MMM"_s);
    return axis;
}

/// The point of @p series nearest to @p x (a hover gives a position on the line, not a data point).
std::optional<QPointF> nearestPoint(const QXYSeries *series, qreal x)
{
    std::optional<QPointF> best;
    for (const QPointF &point : series->points()) {
        if (!best || std::abs(point.x() - x) < std::abs(best->x() - x))
            best = point;
    }
    return best;
}

QString dayLabel(qreal x)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(x)).date(), u"ddd d MMM yyyy"_s);
}

QChartView *makeChartView(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignTop);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumHeight(225);
    view->setFocusPolicy(Qt::NoFocus);
    view->setStyleSheet(u"background: transparent"_s);
    return view;
}

/// Empties @p chart: series and axes from the previous period or palette.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

AdminStatsPage::AdminStatsPage(AdminStatsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"adminStatsPage"_s);
    setAccessibleName(tr("Statistics"));

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"statsScroll"_s);
    scroll->setAccessibleName(tr("Statistics"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    m_content->setObjectName(u"statsContent"_s);
    m_content->setAccessibleName(tr("Statistics"));
    scroll->setWidget(m_content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // ---- header: period and refresh
    auto *heading = new QLabel(tr("Overview"), m_content);
    heading->setObjectName(u"statsHeading"_s);
    heading->setAccessibleName(tr("Overview"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    m_updated = new QLabel(m_content);
    m_updated->setObjectName(u"statsUpdated"_s);
    m_updated->setAccessibleName(tr("When the statistics were loaded"));
    m_updated->setForegroundRole(QPalette::PlaceholderText);

    m_period = new QButtonGroup(this);
    m_period->setExclusive(true);
    auto *header = new QHBoxLayout;
    header->setSpacing(0);
    header->addWidget(heading);
    header->addSpacing(12);
    header->addWidget(m_updated, 0, Qt::AlignBottom);
    header->addStretch(1);
    for (const int days : AdminStatsModel::kPeriods) {
        auto *button = new QToolButton(m_content);
        button->setObjectName(u"statsPeriod%1"_s.arg(days));
        button->setText(tr("%n days", nullptr, days));
        button->setAccessibleName(tr("Last %n days", nullptr, days));
        button->setToolTip(tr("Show the last %n days", nullptr, days));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setProperty("segment", true);
        button->setChecked(days == model->days());
        m_period->addButton(button, days);
        header->addWidget(button);
    }
    header->addSpacing(8);
    m_refresh = new QToolButton(m_content);
    m_refresh->setObjectName(u"statsRefresh"_s);
    m_refresh->setAccessibleName(tr("Reload the statistics"));
    m_refresh->setText(tr("Reload"));
    m_refresh->setToolTip(tr("Reload (F5)"));
    m_refresh->setFocusPolicy(Qt::StrongFocus);
    header->addWidget(m_refresh);

    m_banner = new MessageBanner(u"statsMessage"_s, m_content);

    // ---- number cards
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    const QList<std::pair<QString, QString>> cardNames{
        {u"cardUsers"_s, tr("Users")},
        {u"cardPublished"_s, tr("Articles published")},
        {u"cardChatMessages"_s, tr("Chat messages")},
        {u"cardAiRequests"_s, tr("AI requests")},
        {u"cardAiFailures"_s, tr("AI failures")},
        {u"cardAiLatency"_s, tr("AI latency (p95)")},
    };
    for (const auto &[name, title] : cardNames) {
        auto *card = new StatCard(name, title, m_content);
        m_cards.insert(name, card);
        cards->addWidget(card, 1);
    }

    // ---- charts
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    grid->addWidget(
        chartCard(u"publishedCard"_s, tr("Publishing"), tr("Articles published and new users per day"), &m_published),
        0, 0, 1, 2);
    grid->addWidget(chartCard(u"usersByRoleCard"_s, tr("Users by role"), tr("Everyone who has an account"), &m_byRole),
                    0, 2);
    grid->addWidget(
        chartCard(u"chatCard"_s, tr("Chat and AI usage"), tr("Chat messages and AI tokens per day"), &m_chat), 1, 0, 1,
        2);
    grid->addWidget(
        chartCard(u"articlesByStatusCard"_s, tr("Articles by status"), tr("All articles, not deleted"), &m_byStatus), 1,
        2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(16, 14, 16, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addLayout(cards);
    layout->addLayout(grid, 1);

    auto *reloadAction = new QAction(tr("Reload the statistics"), this);
    reloadAction->setObjectName(u"statsReloadAction"_s);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reloadAction);
    connect(reloadAction, &QAction::triggered, model, &AdminStatsModel::reload);
    connect(m_refresh, &QToolButton::clicked, model, &AdminStatsModel::reload);
    connect(m_period, &QButtonGroup::idClicked, model, &AdminStatsModel::setDays);

    connect(model, &AdminStatsModel::statsChanged, this, [this] {
        m_banner->clear();
        rebuild();
    });
    connect(model, &AdminStatsModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_updated->setText(tr("Loading…"));
        else if (m_model->stats())
            m_updated->setText(tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        else
            m_updated->clear();
    });
    connect(model, &AdminStatsModel::loadFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The statistics could not be loaded: %1").arg(message));
    });
    restyle();
    rebuild();
}

QWidget *AdminStatsPage::chartCard(const QString &objectName, const QString &title, const QString &subtitle,
                                   QChartView **view)
{
    auto *card = new QFrame(m_content);
    card->setObjectName(objectName);
    card->setAccessibleName(title);
    card->setProperty("card", true);
    auto *heading = new QLabel(title, card);
    heading->setObjectName(objectName + u"Title"_s);
    heading->setAccessibleName(title);
    QFont font = heading->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.08);
    heading->setFont(font);
    auto *caption = new QLabel(subtitle, card);
    caption->setObjectName(objectName + u"Caption"_s);
    caption->setAccessibleName(subtitle);
    caption->setForegroundRole(QPalette::PlaceholderText);
    QString chartName = objectName;
    chartName.replace(u"Card"_s, u"Chart"_s);
    *view = makeChartView(chartName, title + u" — "_s + subtitle, card);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 12, 14, 8);
    layout->setSpacing(2);
    layout->addWidget(heading);
    layout->addWidget(caption);
    layout->addWidget(*view, 1);
    return card;
}

void AdminStatsPage::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && !m_restyling) {
        restyle();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void AdminStatsPage::restyle()
{
    m_restyling = true;
    const QPalette &palette = this->palette();
    const QColor accent = dashboard::accent(Accent::Primary, palette);
    const QColor border = dashboard::withAlpha(palette.color(QPalette::Text), 0.18f);
    const auto rgba = [](const QColor &c) {
        return u"rgba(%1, %2, %3, %4)"_s.arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
    };
    // Period buttons as one segmented control: the checked one takes the accent.
    const QString segments =
        u"QToolButton[segment=\"true\"] { padding: 4px 12px; border: 1px solid %1; background: %2; margin-left: -1px; }"
        u"QToolButton[segment=\"true\"]:checked { background: %3; color: %4; border-color: %4; font-weight: 600; }"
        u"QToolButton[segment=\"true\"]:focus { border-color: %4; }"_s.arg(
            rgba(border), palette.color(QPalette::Base).name(), rgba(dashboard::withAlpha(accent, 0.16f)),
            accent.name());
    const QString sheet = dashboard::cardStyleSheet(palette) + segments;
    if (m_content->styleSheet() != sheet)
        m_content->setStyleSheet(sheet);
    m_restyling = false;
}

void AdminStatsPage::rebuild()
{
    const std::optional<api::AdminStats> &stats = m_model->stats();
    api::AdminStats shown = stats.value_or(api::AdminStats{});
    if (!stats)
        shown.days = m_model->days();
    if (QAbstractButton *button = m_period->button(m_model->days()))
        button->setChecked(true);
    buildPublished(shown);
    buildByRole(shown);
    buildChat(shown);
    buildByStatus(shown);
    fillCards(shown);
}

void AdminStatsPage::fillCards(const api::AdminStats &stats)
{
    const QLocale locale;
    const bool have = m_model->stats().has_value();
    const auto number = [&](qint64 value) { return have ? locale.toString(value) : u"—"_s; };
    const QPalette &palette = this->palette();

    m_cards[u"cardUsers"_s]->setValue(number(stats.usersTotal));
    m_cards[u"cardUsers"_s]->setCaption(
        tr("+%1 new in %n days", nullptr, stats.days).arg(locale.toString(total(stats.newUsersPerDay))));

    m_cards[u"cardPublished"_s]->setValue(number(total(stats.publishedPerDay)));
    m_cards[u"cardPublished"_s]->setCaption(tr("in %n days · %1 in all", nullptr, stats.days)
                                                .arg(locale.toString(stats.articlesByStatus.value(u"published"_s))));

    m_cards[u"cardChatMessages"_s]->setValue(number(total(stats.chatMessagesPerDay)));
    m_cards[u"cardChatMessages"_s]->setCaption(tr("%Ln AI token(s)", nullptr, int(total(stats.aiTokensPerDay))));

    m_cards[u"cardAiRequests"_s]->setValue(number(stats.aiRequests));
    m_cards[u"cardAiRequests"_s]->setCaption(stats.aiRequests > 0 ? tr("in %n days", nullptr, stats.days)
                                                                  : tr("No AI requests in this period"));

    m_cards[u"cardAiFailures"_s]->setValue(number(stats.aiFailures));
    const double rate = stats.aiRequests > 0 ? 100.0 * double(stats.aiFailures) / double(stats.aiRequests) : 0.0;
    m_cards[u"cardAiFailures"_s]->setCaption(
        stats.aiRequests > 0 ? tr("%1 % of requests").arg(locale.toString(rate, 'f', 1)) : tr("Nothing failed"));
    m_cards[u"cardAiFailures"_s]->setValueColor(stats.aiFailures > 0 ? dashboard::accent(Accent::Red, palette)
                                                                     : QColor());

    m_cards[u"cardAiLatency"_s]->setValue(
        have && stats.aiRequests > 0 ? tr("%1 ms").arg(locale.toString(stats.aiP95LatencyMs)) : u"—"_s);
    m_cards[u"cardAiLatency"_s]->setCaption(tr("95 % of AI answers were faster"));
}

void AdminStatsPage::buildPublished(const api::AdminStats &stats)
{
    QChart *chart = m_published->chart();
    clearChart(chart);
    const QPalette &palette = this->palette();
    dashboard::applyChartTheme(chart, palette);

    const QColor color = dashboard::accent(Accent::Primary, palette);
    QLineSeries *upper = daySeries(tr("Articles published"), stats.publishedPerDay);
    auto *area = new QAreaSeries(upper);
    upper->setParent(area); // a QAreaSeries does not own its lines: let the line die with the area
    area->setName(tr("Articles published"));
    QLinearGradient fill(0, 0, 0, 1);
    fill.setCoordinateMode(QGradient::ObjectBoundingMode);
    fill.setColorAt(0, dashboard::withAlpha(color, 0.38f));
    fill.setColorAt(1, dashboard::withAlpha(color, 0.04f));
    area->setBrush(fill);
    area->setPen(QPen(color, 2.2));
    area->setPointsVisible(stats.days <= 31);
    chart->addSeries(area);

    QLineSeries *users = daySeries(tr("New users"), stats.newUsersPerDay);
    users->setPen(QPen(dashboard::accent(Accent::Teal, palette), 2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
    chart->addSeries(users);

    QDateTimeAxis *x = dateAxis(stats.publishedPerDay);
    QValueAxis *y = countAxis(std::max(peak(stats.publishedPerDay), peak(stats.newUsersPerDay)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    dashboard::styleAxes(chart, palette);

    const auto tip = [this](const QXYSeries *series, const QString &what) {
        return [this, series, what](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            if (const auto nearest = nearestPoint(series, point.x()))
                QToolTip::showText(QCursor::pos(),
                                   u"%1\n%2: %3"_s.arg(dayLabel(nearest->x()), what, QLocale().toString(nearest->y())),
                                   m_published);
        };
    };
    connect(area, &QAreaSeries::hovered, this, tip(upper, tr("Articles published")));
    connect(users, &QLineSeries::hovered, this, tip(users, tr("New users")));
}

void AdminStatsPage::buildByRole(const api::AdminStats &stats)
{
    QChart *chart = m_byRole->chart();
    clearChart(chart);
    const QPalette &palette = this->palette();
    dashboard::applyChartTheme(chart, palette);
    chart->legend()->setAlignment(Qt::AlignRight);

    auto *pie = new QPieSeries;
    pie->setName(tr("Users by role"));
    pie->setHoleSize(0.56);
    pie->setPieSize(0.86);
    const QList<std::tuple<Role, Accent>> roles{
        {Role::Admin, Accent::Violet}, {Role::Creator, Accent::Teal}, {Role::Viewer, Accent::Slate}};
    for (const auto &[role, color] : roles) {
        const qint64 count = stats.usersByRole.value(roleToString(role));
        auto *slice =
            new QPieSlice(u"%1 · %2"_s.arg(engine::roleDisplayName(role), QLocale().toString(count)), qreal(count));
        slice->setObjectName(u"slice_"_s + roleToString(role));
        slice->setColor(dashboard::accent(color, palette));
        slice->setBorderColor(palette.color(QPalette::Base));
        slice->setBorderWidth(2);
        slice->setLabelVisible(false);
        pie->append(slice);
        connect(slice, &QPieSlice::hovered, this, [this, slice, role, count, stats](bool state) {
            slice->setExploded(state);
            slice->setExplodeDistanceFactor(0.06);
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const double share = stats.usersTotal > 0 ? 100.0 * double(count) / double(stats.usersTotal) : 0.0;
            QToolTip::showText(
                QCursor::pos(),
                tr("%1: %2 (%3 %)")
                    .arg(engine::roleDisplayName(role), QLocale().toString(count), QLocale().toString(share, 'f', 0)),
                m_byRole);
        });
    }
    chart->addSeries(pie);

    // The total in the hole of the ring, kept in the middle of the plot area as the chart is resized.
    if (!m_roleTotal) {
        m_roleTotal = new QGraphicsSimpleTextItem(chart);
        m_roleTotalCaption = new QGraphicsSimpleTextItem(chart);
        connect(chart, &QChart::plotAreaChanged, this, &AdminStatsPage::placeRoleTotal);
    }
    QFont big = QApplication::font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setWeight(QFont::DemiBold);
    m_roleTotal->setFont(big);
    m_roleTotal->setBrush(palette.color(QPalette::Text));
    m_roleTotal->setText(m_model->stats() ? QLocale().toString(stats.usersTotal) : QString());
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_roleTotalCaption->setFont(small);
    m_roleTotalCaption->setBrush(dashboard::withAlpha(palette.color(QPalette::Text), 0.62f));
    m_roleTotalCaption->setText(m_model->stats() ? tr("users") : QString());
    placeRoleTotal();
}

void AdminStatsPage::placeRoleTotal()
{
    if (!m_roleTotal)
        return;
    const QPointF center = m_byRole->chart()->plotArea().center();
    const QRectF number = m_roleTotal->boundingRect();
    const QRectF caption = m_roleTotalCaption->boundingRect();
    const qreal height = number.height() + caption.height() - 4;
    m_roleTotal->setPos(center.x() - number.width() / 2, center.y() - height / 2);
    m_roleTotalCaption->setPos(center.x() - caption.width() / 2, center.y() - height / 2 + number.height() - 4);
}

void AdminStatsPage::buildChat(const api::AdminStats &stats)
{
    QChart *chart = m_chat->chart();
    clearChart(chart);
    const QPalette &palette = this->palette();
    dashboard::applyChartTheme(chart, palette);

    const QColor messagesColor = dashboard::accent(Accent::Teal, palette);
    const QColor tokensColor = dashboard::accent(Accent::Amber, palette);
    QLineSeries *messages = daySeries(tr("Chat messages"), stats.chatMessagesPerDay);
    messages->setPen(QPen(messagesColor, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    messages->setPointsVisible(stats.days <= 31);
    QLineSeries *tokens = daySeries(tr("AI tokens"), stats.aiTokensPerDay);
    tokens->setPen(QPen(tokensColor, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    tokens->setPointsVisible(stats.days <= 31);
    chart->addSeries(messages);
    chart->addSeries(tokens);

    QDateTimeAxis *x = dateAxis(stats.chatMessagesPerDay);
    QValueAxis *left = countAxis(peak(stats.chatMessagesPerDay));
    left->setTitleText(tr("Messages"));
    QValueAxis *right = countAxis(peak(stats.aiTokensPerDay));
    right->setTitleText(tr("Tokens"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(left, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    messages->attachAxis(x);
    messages->attachAxis(left);
    tokens->attachAxis(x);
    tokens->attachAxis(right);
    dashboard::styleAxes(chart, palette);
    // Each value axis in its series' colour, so it is clear which scale belongs to which line.
    left->setLabelsColor(messagesColor);
    left->setTitleBrush(messagesColor);
    right->setLabelsColor(tokensColor);
    right->setTitleBrush(tokensColor);
    right->setGridLineVisible(false);

    const auto tip = [this](const QXYSeries *series, const QString &what) {
        return [this, series, what](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            if (const auto nearest = nearestPoint(series, point.x()))
                QToolTip::showText(QCursor::pos(),
                                   u"%1\n%2: %3"_s.arg(dayLabel(nearest->x()), what, QLocale().toString(nearest->y())),
                                   m_chat);
        };
    };
    connect(messages, &QLineSeries::hovered, this, tip(messages, tr("Chat messages")));
    connect(tokens, &QLineSeries::hovered, this, tip(tokens, tr("AI tokens")));
}

void AdminStatsPage::buildByStatus(const api::AdminStats &stats)
{
    QChart *chart = m_byStatus->chart();
    clearChart(chart);
    const QPalette &palette = this->palette();
    dashboard::applyChartTheme(chart, palette);
    chart->legend()->hide();

    const QStringList keys{u"draft"_s, u"published"_s, u"archived"_s};
    const QStringList labels{tr("Drafts"), tr("Published"), tr("Archived")};
    auto *set = new QBarSet(tr("Articles"));
    qint64 most = 0;
    for (const QString &key : keys) {
        const qint64 count = stats.articlesByStatus.value(key);
        *set << qreal(count);
        most = std::max(most, count);
    }
    set->setColor(dashboard::accent(Accent::Primary, palette));
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(palette.color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->setName(tr("Articles"));
    series->append(set);
    series->setBarWidth(0.55);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(u"@value"_s);
    chart->addSeries(series);

    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    QValueAxis *values = countAxis(most + std::max<qint64>(1, most / 5)); // room for the value labels
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    dashboard::styleAxes(chart, palette);
    categories->setGridLineVisible(false);

    connect(set, &QBarSet::hovered, this, [this, labels, set](bool state, int index) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           u"%1: %2"_s.arg(labels.value(index), QLocale().toString(qint64(set->at(index)))),
                           m_byStatus);
    });
}

} // namespace inkwell::app
