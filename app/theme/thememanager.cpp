#include "theme/thememanager.h"

#include <QApplication>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace inkwell::app {

Q_LOGGING_CATEGORY(lcTheme, "inkwell.app.theme", QtInfoMsg)

namespace {
const QString kPortalService = u"org.freedesktop.portal.Desktop"_s;
const QString kPortalPath = u"/org/freedesktop/portal/desktop"_s;
const QString kSettingsInterface = u"org.freedesktop.portal.Settings"_s;
const QString kAppearance = u"org.freedesktop.appearance"_s;
const QString kColorScheme = u"color-scheme"_s;
constexpr int kPortalTimeoutMs = 2000;

/// Read() wraps the value in one more variant than ReadOne(); unwrap whatever arrives.
QVariant unwrap(QVariant value)
{
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    return value;
}
} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : ThemeManager(QDBusConnection::sessionBus(), parent)
{
}

ThemeManager::ThemeManager(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    setObjectName(u"themeManager"_s);
    // The palette before we set ours: a platform theme that is dark already says so here.
    m_startedDark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    if (m_bus.isConnected()) {
        // QtDBus delivers bus signals to string-named slots only; Qt 6.4 refuses a QDBusVariant parameter in
        // one, so the slot takes the whole message.
        const bool connected = m_bus.connect(kPortalService, kPortalPath, kSettingsInterface, u"SettingChanged"_s, this,
                                             SLOT(portalSettingChanged(QDBusMessage)));
        if (!connected)
            qCDebug(lcTheme) << "cannot follow the portal's SettingChanged:" << m_bus.lastError().message();
        readPortal(false);
    } else {
        qCDebug(lcTheme) << "no D-Bus session bus; following the palette only";
    }
    update(true);
}

QString ThemeManager::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return u"light"_s;
    case Mode::Dark:
        return u"dark"_s;
    case Mode::System:
        break;
    }
    return u"system"_s;
}

ThemeManager::Mode ThemeManager::modeFromName(QStringView name)
{
    if (name.compare(u"light", Qt::CaseInsensitive) == 0)
        return Mode::Light;
    if (name.compare(u"dark", Qt::CaseInsensitive) == 0)
        return Mode::Dark;
    return Mode::System;
}

void ThemeManager::setMode(Mode mode)
{
    m_mode = mode;
    update(false);
}

bool ThemeManager::systemPrefersDark() const
{
    if (m_portalScheme == 1)
        return true;
    if (m_portalScheme == 2)
        return false;
    return m_startedDark;
}

bool ThemeManager::isDark() const
{
    switch (m_mode) {
    case Mode::Light:
        return false;
    case Mode::Dark:
        return true;
    case Mode::System:
        break;
    }
    return systemPrefersDark();
}

void ThemeManager::setApplyToApplication(bool on)
{
    m_applyToApplication = on;
    if (on)
        update(true);
}

void ThemeManager::readPortal(bool legacyRead)
{
    // ReadOne came with version 2 of the Settings interface; older portals only have Read.
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kSettingsInterface,
                                                       legacyRead ? u"Read"_s : u"ReadOne"_s);
    call << kAppearance << kColorScheme;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kPortalTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, legacyRead](QDBusPendingCallWatcher *w) { portalReplied(w, legacyRead); });
}

void ThemeManager::portalReplied(QDBusPendingCallWatcher *call, bool legacyRead)
{
    call->deleteLater();
    const QDBusMessage reply = call->reply();
    if (reply.type() != QDBusMessage::ReplyMessage) {
        if (!legacyRead && reply.errorName() == u"org.freedesktop.DBus.Error.UnknownMethod"_s) {
            readPortal(true);
            return;
        }
        qCDebug(lcTheme) << "no colour scheme from the portal:" << reply.errorName() << reply.errorMessage();
        return;
    }
    if (reply.arguments().isEmpty())
        return;
    const QVariant value = unwrap(reply.arguments().constFirst());
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (ok)
        setPortalScheme(scheme);
}

void ThemeManager::portalSettingChanged(const QDBusMessage &message)
{
    // SettingChanged(s namespace, s key, v value)
    const QList<QVariant> args = message.arguments();
    if (args.size() < 3 || args[0].toString() != kAppearance || args[1].toString() != kColorScheme)
        return;
    bool ok = false;
    const uint scheme = unwrap(args[2]).toUInt(&ok);
    if (ok)
        setPortalScheme(scheme);
}

void ThemeManager::setPortalScheme(uint scheme)
{
    qCDebug(lcTheme) << "portal colour scheme:" << scheme;
    m_portalScheme = scheme <= 2 ? int(scheme) : 0;
    update(false);
}

void ThemeManager::update(bool force)
{
    const bool dark = isDark();
    if (!force && m_applied && dark == m_lastDark)
        return;
    m_applied = true;
    m_lastDark = dark;
    if (m_applyToApplication && qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(applicationPalette(dark));
    }
    Q_EMIT themeChanged(dark);
}

} // namespace inkwell::app
