#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <expected>
#include <utility>

namespace inkwell::server {

/// @brief Describes one setting of configuration.md: its three spellings, default and kind.
struct SettingSpec {
    QString env;          ///< INKWELL_PORT
    QString defaultValue; ///< textual default (empty: none); computed defaults are filled by Config
    QString help;
    bool secret = false;  ///< redacted in --print-config
    bool multiValue = false; ///< comma-separated list

    /// @brief "--port" style flag name without dashes: "port".
    QString flag() const;
    /// @brief File key: "port".
    QString fileKey() const;
};

/// @brief Every setting inkwelld knows, in documentation order.
const QList<SettingSpec> &settingSpecs();

/// @brief INKWELL_CACHE_MB's default: its 560 MiB for articles hold about 47,000 of the benchmark's (12 KB
/// each as cached: content, its HTML and the rest of the JSON; see ArticleCache::kEntryOverheadBytes), so
/// all 40,000 published articles of its 50,000.
inline constexpr int kDefaultCacheMb = 640;

/// @brief How INKWELL_CACHE_MB is shared: 7/8 for the article cache, 1/16 for each of the search and list
/// caches (`{articleBytes, searchBytes}`).
constexpr std::pair<qint64, qint64> cacheShares(int cacheMb)
{
    const qint64 total = qint64(cacheMb) << 20;
    return {total - 2 * (total / 16), total / 16};
}

/// @brief The effective, validated configuration of inkwelld.
///
/// Precedence: built-in defaults < config file < environment (INKWELL_*) < command line.
struct Config {
    QString dataDir;
    QString databaseUrl;
    /// Streaming standby of databaseUrl's database; list and search read there when set (db/replica.h).
    QString databaseReplicaUrl;
    QHostAddress host = QHostAddress::LocalHost;
    QString hostText = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    int threads = 2;
    qint64 maxBodyBytes = 1048576;
    int idleTimeoutS = 30;
    int maxConnectionsPerIp = 256;
    QStringList corsOrigins;
    QStringList trustedProxies;
    QString signupRole = QStringLiteral("viewer");
    QString jwtSecretFile;
    int accessTokenTtlS = 900;
    int refreshTokenTtlS = 2592000;
    int rateLimitPerMin = 600;
    int housekeepingIntervalS = 3600;
    /// INKWELL_CACHE_MB: the memory of the read caches, split by cacheShares(): published articles (7/8)
    /// and, each 1/16, search results and list pages.
    int cacheMb = kDefaultCacheMb;
    qint64 articleCacheBytes = cacheShares(kDefaultCacheMb).first; ///< from cacheMb (a test may set it alone)
    qint64 searchCacheBytes = cacheShares(kDefaultCacheMb).second; ///< each of the search and the list cache
    QString aiProvider = QStringLiteral("none");
    QString aiModel;
    QString aiApiKey;
    QString aiBaseUrl;
    int aiTimeoutS = 60;
    int aiKeepAliveS = 30; ///< idle upstream connections kept this long for reuse; 0 = a new one per call
    QString aiCaFile;      ///< PEM CA certificates trusted for an https upstream besides the system's
    QHash<QString, qint64> aiTokensPerDay; ///< role → tokens, 0 = unlimited
    int aiRequestsPerMin = 20;
    QString logLevel = QStringLiteral("info");

    /// Where each value came from ("default", "file", "environment", "command line"), by env name.
    QHash<QString, QString> sources;
    /// The raw effective text of each setting, by env name (for --print-config).
    QHash<QString, QString> raw;

    /// @brief Renders the effective configuration with secrets redacted, one `NAME=value  # source` per line.
    QString printable() const;
};

/// @brief Input to Config loading: the already-parsed command-line values (by env name), the
/// environment, and the config file (explicit path, or the default location when empty).
struct ConfigSources {
    QHash<QString, QString> commandLine;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString configFile;         ///< --config; empty → default location, missing default file is fine
    bool configFileExplicit = false;
};

/// @brief Loads and validates; on failure the error names the setting ("INKWELL_PORT: ...").
std::expected<Config, QString> loadConfig(const ConfigSources &sources);

/// @brief Refuses settings that are understood but would not be honoured (credentials in INKWELL_AI_BASE_URL),
/// so that none is accepted and then quietly ignored. Separate from loadConfig() so that --print-config can still
/// show where such a setting comes from. The error names the setting and where it was set, never its value.
std::expected<void, QString> checkSupported(const Config &config);

/// @brief `url` as it may be shown in output and logs: the user name and the password become `***`, and so do the
/// values of query and fragment parameters named key, token, api_key, apikey, access_token or password (any case).
/// Text that is not a valid URL is shown as `***` whole, since where its secrets are cannot be known; empty stays
/// empty. Every place that prints a URL setting goes through this.
QString redactUrl(const QString &url);

/// @brief Default data folder: $XDG_DATA_HOME/inkwell (or ~/.local/share/inkwell); /var/lib/inkwell for root,
/// because PostgreSQL runs as an unprivileged user who cannot enter root's home.
QString defaultDataDir(const QProcessEnvironment &env);

/// @brief Default config file: $XDG_CONFIG_HOME/inkwell/inkwelld.conf, or /etc/inkwell/inkwelld.conf for root.
QString defaultConfigFile(const QProcessEnvironment &env);

} // namespace inkwell::server
