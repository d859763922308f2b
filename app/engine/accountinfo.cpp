#include "accountinfo.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

const QString kGroup = u"account"_s;

/// The texts of this file, in the context lupdate files them under.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(inkwell::engine::AccountInfo)
};

} // namespace

QString AccountInfo::secretKey() const
{
    const QString user = userId.toString(QUuid::WithoutBraces);
    if (privateServer)
        return u"private-server|"_s + user;
    return server.adjusted(QUrl::StripTrailingSlash).toString() + u'|' + user;
}

AccountInfo loadAccountInfo(QSettings &settings)
{
    settings.beginGroup(kGroup);
    AccountInfo info;
    info.server = QUrl(settings.value(u"server"_s).toString(), QUrl::StrictMode);
    info.userId = QUuid::fromString(settings.value(u"userId"_s).toString());
    info.email = settings.value(u"email"_s).toString();
    info.fullName = settings.value(u"fullName"_s).toString();
    info.role = roleFromString(settings.value(u"role"_s).toString()).value_or(Role::Viewer);
    info.privateServer = settings.value(u"privateServer"_s, false).toBool();
    settings.endGroup();
    if (!info.isValid())
        return {};
    return info;
}

void saveAccountInfo(QSettings &settings, const AccountInfo &info)
{
    settings.beginGroup(kGroup);
    settings.setValue(u"server"_s, info.server.toString());
    settings.setValue(u"userId"_s, info.userId.toString(QUuid::WithoutBraces));
    settings.setValue(u"email"_s, info.email);
    settings.setValue(u"fullName"_s, info.fullName);
    settings.setValue(u"role"_s, roleToString(info.role));
    settings.setValue(u"privateServer"_s, info.privateServer);
    settings.endGroup();
    settings.sync();
}

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::expected<QUrl, QString> parseServerAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(Text::tr("Enter the server's address, for example https://inkwell.example.com."));
    if (trimmed.contains(u' ') || trimmed.contains(u'\t'))
        return std::unexpected(Text::tr("A server address has no spaces."));

    QString withScheme = trimmed;
    const qsizetype schemeEnd = trimmed.indexOf(u"://"_s);
    if (schemeEnd < 0) {
        // Decide the scheme from the host alone: "localhost:8080" would otherwise parse as scheme "localhost".
        const QUrl probe(u"http://"_s + trimmed, QUrl::StrictMode);
        withScheme = (probe.isValid() && isLoopbackUrl(probe) ? u"http://"_s : u"https://"_s) + trimmed;
    }
    QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::unexpected(Text::tr("\"%1\" is not a server address.").arg(trimmed));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return std::unexpected(Text::tr("Inkwell talks to servers over http:// or https://, not %1://.").arg(url.scheme()));
    if (!url.userInfo().isEmpty())
        return std::unexpected(Text::tr("Leave the user name and password out of the address; enter them below."));
    if (url.hasQuery() || url.hasFragment())
        return std::unexpected(Text::tr("A server address ends before any \"?\" or \"#\"."));
    url.setScheme(scheme);
    url = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.path() == u"/"_s)
        url.setPath(QString());
    return url;
}

} // namespace inkwell::engine
