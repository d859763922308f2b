#pragma once

#include <QFrame>

class QLabel;

namespace inkwell::app {

/// @brief One number of the dashboard ("Users 128", with a line under it such as "+6 in 30 days").
class StatCard : public QFrame {
    Q_OBJECT
public:
    /// @brief A card named @p objectName whose heading is @p title.
    StatCard(const QString &objectName, const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const;
    void setCaption(const QString &caption);
    QString caption() const;
    /// @brief Colours the value (an accent) or, with an invalid colour, the palette's text colour.
    void setValueColor(const QColor &color);

private:
    void updateAccessibleText();

    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_caption;
};

} // namespace inkwell::app
