#include "messagebanner.h"

#include "dashboardstyle.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace inkwell::app {

MessageBanner::MessageBanner(const QString &objectName, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    setAccessibleName(tr("Message"));
    m_text = new QLabel(this);
    m_text->setObjectName(objectName + u"Text"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // server text is shown as text, never as markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close = new QToolButton(this);
    m_close->setObjectName(objectName + u"Close"_s);
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setText(u"✕"_s);
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 6, 8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    m_text->setAccessibleName(text);
    restyle();
    show();
    // Screen readers announce it, as they would a status line.
    QAccessibleEvent event(m_text, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void MessageBanner::clear()
{
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QFrame::changeEvent(event);
}

void MessageBanner::restyle()
{
    using namespace dashboard;
    const QPalette &palette = parentWidget() ? parentWidget()->palette() : this->palette();
    const QColor color = accent(m_kind == Kind::Error     ? Accent::Red
                                : m_kind == Kind::Success ? Accent::Green
                                                          : Accent::Primary,
                                palette);
    const QColor fill = withAlpha(color, isDark(palette) ? 0.20f : 0.10f);
    const QColor border = withAlpha(color, 0.55f);
    const auto rgba = [](const QColor &c) {
        return u"rgba(%1, %2, %3, %4)"_s.arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
    };
    // Only this frame: the selector names it, so the label and button keep their own looks.
    const QString sheet = u"QFrame#%1 { background-color: %2; border: 1px solid %3; border-radius: 8px; }"_s.arg(
        objectName(), rgba(fill), rgba(border));
    if (styleSheet() != sheet) // a style sheet change can come back here as a palette change
        setStyleSheet(sheet);
}

} // namespace inkwell::app
