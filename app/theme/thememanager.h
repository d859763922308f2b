#pragma once

#include "theme/themecolors.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QPalette>

class QDBusPendingCallWatcher;

namespace inkwell::app {

/// @brief Light, dark, or the system's choice; applies the Fusion style and palette to the application and
/// gives the editor and the preview their colours.
///
/// Qt 6.4 has no QStyleHints::colorScheme. "System" asks the freedesktop portal
/// (`org.freedesktop.portal.Settings`, `org.freedesktop.appearance` / `color-scheme`: 1 dark, 2 light) and
/// follows its `SettingChanged` signal; where there is no portal, no answer or no preference, the palette the
/// application started with decides (a dark window colour means dark). Without a session bus this is quiet.
/// The choice is the caller's to store (mode() / setMode(), modeName() / modeFromName()).
class ThemeManager : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    /// @brief Uses the session bus for the portal.
    explicit ThemeManager(QObject *parent = nullptr);
    /// @brief Uses @p bus for the portal (tests pass a private bus, or a disconnected one).
    explicit ThemeManager(const QDBusConnection &bus, QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// @brief "system", "light", "dark" — for QSettings.
    static QString modeName(Mode mode);
    static Mode modeFromName(QStringView name);

    /// @brief Whether the dark theme is in effect.
    bool isDark() const;
    /// @brief What the system prefers as far as known: the portal, else the starting palette.
    bool systemPrefersDark() const;

    EditorColors editorColors() const { return EditorColors::forTheme(isDark()); }
    PreviewStyle previewStyle() const { return PreviewStyle::forTheme(isDark()); }
    QPalette palette() const { return applicationPalette(isDark()); }

    /// @brief Whether changes are applied to the QApplication (style and palette). On by default.
    void setApplyToApplication(bool on);

Q_SIGNALS:
    /// @brief The theme in effect changed (or was applied): re-style.
    void themeChanged(bool dark);

private Q_SLOTS:
    void portalSettingChanged(const QDBusMessage &message);

private:
    void readPortal(bool legacyRead);
    void portalReplied(QDBusPendingCallWatcher *call, bool legacyRead);
    void setPortalScheme(uint scheme);
    void update(bool force);

    QDBusConnection m_bus;
    Mode m_mode = Mode::System;
    int m_portalScheme = -1; // -1 unknown, 0 no preference, 1 dark, 2 light
    bool m_startedDark = false;
    bool m_applied = false;
    bool m_applyToApplication = true;
    bool m_lastDark = false;
};

} // namespace inkwell::app
