#pragma once

#include <QFrame>
#include <QPointer>
#include <QToolButton>
#include <QUuid>

namespace inkwell::engine {
class NotificationCenter;
}

namespace inkwell::app {

class NotificationList;

/// @brief A bell drawn in @p color (the app ships no icon set; drawn, it follows light and dark palettes).
QIcon bellIcon(const QColor &color, qreal devicePixelRatio = 1.0);

/// @brief The popup the bell opens: the notification list in a framed window that closes on Escape, on a click
/// outside, or when a notification is opened.
class NotificationPopup : public QFrame {
    Q_OBJECT
public:
    explicit NotificationPopup(engine::NotificationCenter *center, QWidget *parent = nullptr);
    NotificationList *list() const { return m_list; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    NotificationList *m_list;
};

/**
 * @brief The bell for the main window's toolbar or status bar: the unread count as a badge, and a click (or
 * Space/Enter when focused, or its shortcut Ctrl+Shift+N) opens the notification list under it.
 *
 * Opening a notification about an article emits openArticleRequested() (the main window opens the editor).
 */
class NotificationBell : public QToolButton {
    Q_OBJECT
public:
    explicit NotificationBell(engine::NotificationCenter *center, QWidget *parent = nullptr);

    /// @brief The text drawn in the badge: "" for none, the count, or "99+".
    QString badgeText() const;
    /// @brief The popup, once it has been opened (it is kept for next time).
    NotificationPopup *popup() const { return m_popup; }
    /// @brief Opens the popup under the bell (or above it near the screen's bottom) and focuses the list.
    void showPopup();

    QSize sizeHint() const override;

Q_SIGNALS:
    void openArticleRequested(const QUuid &articleId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateCount();
    void updateIcon();

    engine::NotificationCenter *m_center;
    QPointer<NotificationPopup> m_popup;
    int m_count = 0;
};

} // namespace inkwell::app
