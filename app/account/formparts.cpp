#include "formparts.h"

#include <QCoreApplication>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace inkwell::app::form {

namespace {

constexpr int kMinPassword = 12;
constexpr int kMaxPassword = 128;

bool darkPalette(const QWidget *widget)
{
    return widget->palette().color(QPalette::Window).lightness() < 128;
}

QString colourFor(const QWidget *widget, Tone tone)
{
    const bool dark = darkPalette(widget);
    switch (tone) {
    case Tone::Neutral:
        return {};
    case Tone::Good:
        return dark ? u"#7bd88f"_s : u"#1e7b34"_s;
    case Tone::Warning:
        return dark ? u"#f0c674"_s : u"#8a5a00"_s;
    case Tone::Bad:
        return dark ? u"#ff8a80"_s : u"#b3261e"_s;
    }
    return {};
}

/// The texts of this file, in the context lupdate files them under.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(inkwell::app::SignInDialog)
};

} // namespace

QLabel *title(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAccessibleName(Text::tr("Title"));
    return label;
}

void mute(QLabel *label)
{
    // Quieter than the fields, still well readable: between the text and the placeholder colour.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     palette.color(QPalette::PlaceholderText).darker(darkPalette(label) ? 70 : 130));
    label->setPalette(palette);
}

QLabel *explanation(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAccessibleName(Text::tr("Explanation"));
    mute(label);
    return label;
}

QLabel *errorLine(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: %1;"_s.arg(colourFor(parent, Tone::Bad)));
    label->hide();
    return label;
}

QLabel *hint(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    mute(label);
    return label;
}

QWidget *fieldGroup(const QString &labelText, QWidget *field, const QList<QWidget *> &below, QWidget *parent)
{
    auto *group = new QWidget(parent);
    group->setObjectName(field->objectName() + u"Group"_s);
    auto *layout = new QVBoxLayout(group);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *label = new QLabel(labelText, group);
    label->setObjectName(field->objectName() + u"Label"_s);
    label->setAccessibleName(QString(labelText).remove(u'&'));
    label->setBuddy(field);
    layout->addWidget(label);
    field->setParent(group);
    layout->addWidget(field);
    for (QWidget *line : below) {
        line->setParent(group);
        layout->addWidget(line);
    }
    return group;
}

void setError(QLabel *line, const QString &text)
{
    line->setText(text);
    line->setVisible(!text.isEmpty());
    line->setAccessibleDescription(text);
}

void setStatus(QLabel *line, const QString &text, Tone tone)
{
    const QString colour = colourFor(line, tone);
    // A neutral status keeps the muted palette of its hint line.
    line->setStyleSheet(colour.isEmpty() ? QString() : u"color: %1;"_s.arg(colour));
    line->setText(text);
    line->setVisible(!text.isEmpty());
    line->setAccessibleDescription(text);
}

qsizetype characterCount(const QString &text)
{
    return text.toUcs4().size();
}

QString showFieldErrors(const api::ApiError &error, const QHash<QString, QLabel *> &lines)
{
    QStringList unplaced;
    for (const FieldError &fieldError : error.fieldErrors) {
        QLabel *line = lines.value(fieldError.field);
        if (!line) {
            unplaced.append(fieldError.field.isEmpty() ? fieldError.message
                                                       : fieldError.field + u": "_s + fieldError.message);
            continue;
        }
        // The server's words are a sentence fragment ("is not your current password"): start it upper-case.
        QString text = fieldError.message;
        if (!text.isEmpty())
            text[0] = text.at(0).toUpper();
        if (!text.endsWith(u'.'))
            text += u'.';
        setError(line, line->text().isEmpty() ? text : line->text() + u' ' + text);
    }
    if (error.fieldErrors.isEmpty() || error.kind != api::ApiError::Kind::Http)
        return error.message();
    QString text = !error.detail.isEmpty() ? error.detail : error.title;
    if (!unplaced.isEmpty())
        text += (text.isEmpty() ? QString() : u" "_s) + unplaced.join(u"; "_s);
    return text;
}

QString passwordRules()
{
    return Text::tr("12 to 128 characters. Any characters work, spaces too: a few unrelated words make a strong password.");
}

QString newPasswordProblem(const QString &password)
{
    const qsizetype count = characterCount(password);
    if (count < kMinPassword)
        return QApplication::translate("inkwell::app::SignInDialog", "Use at least 12 characters (this one has %n).",
                                       nullptr, int(count));
    if (count > kMaxPassword)
        return Text::tr("Use at most 128 characters.");
    return {};
}

} // namespace inkwell::app::form
