#include "conversationdelegate.h"

#include "conversationlistmodel.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;
using inkwell::engine::ConversationListModel;

namespace inkwell::app {

namespace {
constexpr int kPadding = 10;
constexpr int kRadius = 8;
} // namespace

ConversationDelegate::ConversationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_theme(ChatTheme::fromPalette(QApplication::palette()))
{
}

QString ConversationDelegate::relativeTime(const QDateTime &utc, const QDateTime &now)
{
    if (!utc.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, utc.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    const QDateTime local = utc.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today.addDays(-1))
        return tr("yesterday");
    if (local.date().daysTo(today) < 7)
        return QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {200, 2 * kPadding + metrics.height() * 2 + 4};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(6, 2, -6, -2);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected || hovered) {
        QColor fill = selected ? m_theme.accent : m_theme.text;
        fill.setAlphaF(selected ? (m_theme.dark ? 0.35 : 0.14) : 0.05);
        QPainterPath path;
        path.addRoundedRect(card, kRadius, kRadius);
        painter->fillPath(path, fill);
    }
    if ((option.state & QStyle::State_HasFocus) && selected) {
        QPen pen(m_theme.accent);
        pen.setWidthF(1.2);
        painter->setPen(pen);
        painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    }

    const QRect text = card.adjusted(kPadding, kPadding - 2, -kPadding, -kPadding + 2);
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const bool hasTitle = index.data(ConversationListModel::HasTitleRole).toBool();
    if (!hasTitle)
        titleFont.setItalic(true);
    const QFontMetrics titleMetrics(titleFont);
    const QString time = relativeTime(index.data(ConversationListModel::UpdatedAtRole).toDateTime());
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics smallMetrics(small);

    const bool streaming = m_streaming.contains(index.data(ConversationListModel::IdRole).toUuid());
    int titleRight = text.right() - smallMetrics.horizontalAdvance(time) - 8;
    painter->setFont(small);
    painter->setPen(m_theme.muted);
    painter->drawText(QRect(titleRight + 8, text.top(), text.right() - titleRight - 8, titleMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, time);
    if (streaming) {
        // A dot before the time: an answer is arriving in this conversation.
        painter->setBrush(m_theme.streamingText);
        painter->setPen(Qt::NoPen);
        const int d = 7;
        painter->drawEllipse(QRect(titleRight - d, text.top() + (titleMetrics.height() - d) / 2, d, d));
        titleRight -= d + 6;
    }
    painter->setFont(titleFont);
    painter->setPen(hasTitle ? m_theme.text : m_theme.muted);
    const QString title = index.data(ConversationListModel::TitleRole).toString();
    painter->drawText(QRect(text.left(), text.top(), titleRight - text.left(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, titleRight - text.left()));

    const int messages = index.data(ConversationListModel::MessageCountRole).toInt();
    const qint64 tokens = index.data(ConversationListModel::TotalTokensRole).toLongLong();
    QString detail = messages == 0 ? tr("No messages yet") : tr("%n message(s)", nullptr, messages);
    if (tokens > 0)
        detail += u" · "_s + tr("%Ln token(s)", nullptr, int(tokens));
    painter->setFont(small);
    painter->setPen(m_theme.muted);
    painter->drawText(QRect(text.left(), text.top() + titleMetrics.height() + 4, text.width(), smallMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, smallMetrics.elidedText(detail, Qt::ElideRight, text.width()));
    painter->restore();
}

QWidget *ConversationDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    editor->setObjectName(u"conversationTitleEditor"_s);
    editor->setAccessibleName(tr("Conversation title"));
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setPlaceholderText(ConversationListModel::placeholderTitle());
        line->setMaxLength(kMaxConversationTitleLength);
    }
    return editor;
}

void ConversationDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                const QModelIndex &) const
{
    const QRect card = option.rect.adjusted(6, 2, -6, -2);
    const int height = editor->sizeHint().height();
    editor->setGeometry(card.left() + 4, card.top() + 4, card.width() - 8, height);
}

} // namespace inkwell::app
