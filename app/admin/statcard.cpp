#include "statcard.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app {

StatCard::StatCard(const QString &objectName, const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    setProperty("card", true);
    setFocusPolicy(Qt::NoFocus);
    m_title = new QLabel(title, this);
    m_title->setObjectName(objectName + u"Title"_s);
    m_title->setAccessibleName(title);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.92);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_value = new QLabel(u"—"_s, this);
    m_value->setObjectName(objectName + u"Value"_s);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);

    m_caption = new QLabel(this);
    m_caption->setObjectName(objectName + u"Caption"_s);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1);
    setMinimumWidth(150);
    // Preferred, not Fixed: the cards of a row grow to the tallest one, so they line up.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    updateAccessibleText();
}

void StatCard::setValue(const QString &value)
{
    m_value->setText(value);
    updateAccessibleText();
}

QString StatCard::value() const
{
    return m_value->text();
}

void StatCard::setCaption(const QString &caption)
{
    m_caption->setText(caption);
    updateAccessibleText();
}

QString StatCard::caption() const
{
    return m_caption->text();
}

void StatCard::setValueColor(const QColor &color)
{
    if (!color.isValid()) {
        m_value->setPalette(QPalette()); // nothing set: follows the card's palette again (light or dark)
        return;
    }
    QPalette palette = m_value->palette();
    palette.setColor(QPalette::WindowText, color);
    m_value->setPalette(palette);
}

void StatCard::updateAccessibleText()
{
    setAccessibleName(m_title->text() + u": "_s + m_value->text());
    m_value->setAccessibleName(accessibleName());
    setAccessibleDescription(m_caption->text());
    m_caption->setAccessibleName(m_caption->text());
}

} // namespace inkwell::app
