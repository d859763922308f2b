#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace inkwell::app {

/// @brief A line above a page that says what just happened or went wrong, in words, until dismissed.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Success, Error };

    explicit MessageBanner(const QString &objectName, QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

} // namespace inkwell::app
