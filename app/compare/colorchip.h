#pragma once

#include <QWidget>

namespace inkwell::app {

/// @brief A small rounded swatch beside a pane's header: the colour that marks that side's lines.
class ColorChip : public QWidget {
    Q_OBJECT
public:
    enum class Role { Mine, Theirs, Merged, Added, Removed };
    explicit ColorChip(Role role, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {12, 12}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Role m_role;
};

} // namespace inkwell::app
