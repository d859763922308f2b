#pragma once

#include <QLabel>

namespace inkwell::app {

/**
 * @brief A one-line plain-text label that shrinks with its layout and draws "…" where its text does not fit.
 *
 * text() and the accessible text stay whole (screen readers and tests read all of it); the full text is the
 * tool tip while it is cut. A plain QLabel asks for its whole text's width as its minimum, which keeps a docked
 * panel from getting narrower than its longest title.
 */
class ElidedLabel : public QLabel {
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateToolTip();
};

} // namespace inkwell::app
