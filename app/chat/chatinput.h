#pragma once

#include <QPlainTextEdit>

namespace inkwell::app {

/**
 * @brief Where the question is typed. Enter sends, Shift+Enter starts a new line, Esc stops a running answer
 * (or leaves editing), Up in an empty box edits the last question. Grows with its text up to maximumLines().
 */
class ChatInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

    void setMaximumLines(int lines);
    int maximumLines() const { return m_maximumLines; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// @brief Enter (without Shift) was pressed.
    void submitted();
    /// @brief Esc was pressed.
    void escapePressed();
    /// @brief Up was pressed in an empty box.
    void editLastRequested();
    void focusChanged(bool focused);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    int heightForLines(int lines) const;

    int m_maximumLines = 8;
};

} // namespace inkwell::app
