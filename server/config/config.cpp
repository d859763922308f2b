#include "config.h"

#include "db/connectionparams.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <tuple>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

const QString kDefaultTokensPerDay = u"viewer=20000,creator=200000,admin=0"_s;

/// INKWELL_CACHE_MB: 0 would cache nothing (not a configuration to reach by accident); 1 TiB is more than
/// any machine this runs on, so a typo like 10000000 is refused rather than left to grow without bound.
constexpr qint64 kMinCacheMb = 1;
constexpr qint64 kMaxCacheMb = 1 << 20;

QString fromEnvName(const QString &env, QChar separator)
{
    QString name = env.mid(QStringLiteral("INKWELL_").size()).toLower();
    name.replace(u'_', separator);
    return name;
}

std::expected<qint64, QString> parseInteger(const QString &text, qint64 min, qint64 max)
{
    // Plain digits only: "+3", " 3", "3s" and "0x10" are refused rather than guessed at.
    if (text.isEmpty() || text.size() > 18)
        return std::unexpected(u"must be a whole number"_s);
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::unexpected(u"must be a whole number"_s);
    }
    const qint64 value = text.toLongLong();
    if (value < min || value > max)
        return std::unexpected(u"must be between %1 and %2"_s.arg(min).arg(max));
    return value;
}

std::expected<QString, QString> parseChoice(const QString &text, const QStringList &choices)
{
    if (!choices.contains(text))
        return std::unexpected(u"must be one of: %1"_s.arg(choices.join(u", "_s)));
    return text;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

std::expected<void, QString> readConfigFile(const QString &path, QHash<QString, QString> &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(u"cannot read config file %1: %2"_s.arg(path, file.errorString()));
    QHash<QString, QString> byKey;
    for (const SettingSpec &spec : settingSpecs())
        byKey.insert(spec.fileKey(), spec.env);
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            return std::unexpected(u"%1:%2: expected `key = value`"_s.arg(path).arg(lineNumber));
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const auto it = byKey.constFind(key);
        if (it == byKey.constEnd())
            return std::unexpected(u"%1:%2: unknown setting `%3`"_s.arg(path).arg(lineNumber).arg(key));
        out.insert(*it, value);
    }
    return {};
}

bool isCredentialName(const QString &encodedName)
{
    static const QStringList names = {u"key"_s,    u"token"_s,        u"api_key"_s,
                                      u"apikey"_s, u"access_token"_s, u"password"_s};
    const QString name = QUrl::fromPercentEncoding(encodedName.toUtf8());
    return std::ranges::any_of(names, [&name](const QString &n) { return name.compare(n, Qt::CaseInsensitive) == 0; });
}

/// "a=1&key=s" -> "a=1&key=***". Splits on ';' as well as '&': some servers read either as a separator, and
/// hiding one value too many is the safe side.
QString redactParameters(const QString &encoded)
{
    QString out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= encoded.size(); ++i) {
        if (i < encoded.size() && encoded.at(i) != u'&' && encoded.at(i) != u';')
            continue;
        const QStringView pair = QStringView(encoded).sliced(start, i - start);
        const qsizetype eq = pair.indexOf(u'=');
        if (eq >= 0 && eq + 1 < pair.size() && isCredentialName(pair.first(eq).toString()))
            out += pair.first(eq + 1) + u"***"_s;
        else
            out += pair;
        if (i < encoded.size())
            out += encoded.at(i);
        start = i + 1;
    }
    return out;
}

bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace

QString redactUrl(const QString &url)
{
    if (url.isEmpty())
        return url;
    QUrl parsed(url);
    if (!parsed.isValid())
        return u"***"_s;
    if (!parsed.userInfo().isEmpty())
        parsed.setUserInfo(parsed.password().isEmpty() ? u"***"_s : u"***:***"_s);
    if (parsed.hasQuery())
        parsed.setQuery(redactParameters(parsed.query(QUrl::FullyEncoded)));
    if (parsed.hasFragment())
        parsed.setFragment(redactParameters(parsed.fragment(QUrl::FullyEncoded)));
    return parsed.toString();
}

QString SettingSpec::flag() const
{
    return fromEnvName(env, u'-');
}

QString SettingSpec::fileKey() const
{
    return fromEnvName(env, u'_');
}

const QList<SettingSpec> &settingSpecs()
{
    static const QList<SettingSpec> specs = {
        {u"INKWELL_DATA_DIR"_s, {}, u"bundled PostgreSQL cluster, JWT key, logs"_s},
        {u"INKWELL_DATABASE_URL"_s, {}, u"postgres://user:pass@host:port/db of an external database"_s, true},
        {u"INKWELL_DATABASE_REPLICA_URL"_s, {}, u"read replica (streaming standby) for list and search queries"_s, true},
        {u"INKWELL_HOST"_s, u"127.0.0.1"_s, u"listen address"_s},
        {u"INKWELL_PORT"_s, u"8080"_s, u"listen port; 0 picks a free one"_s},
        {u"INKWELL_THREADS"_s, {}, u"listener threads (default 2 x cores)"_s},
        {u"INKWELL_MAX_BODY_BYTES"_s, u"1048576"_s, u"request body limit"_s},
        {u"INKWELL_IDLE_TIMEOUT_S"_s, u"30"_s, u"idle / slow client timeout"_s},
        {u"INKWELL_MAX_CONNECTIONS_PER_IP"_s, u"256"_s, u"open connections allowed from one client address"_s},
        {u"INKWELL_CORS_ORIGINS"_s, {}, u"comma-separated exact origins"_s, false, true},
        {u"INKWELL_TRUSTED_PROXIES"_s, {}, u"addresses whose X-Forwarded-For is believed"_s, false, true},
        {u"INKWELL_SIGNUP_ROLE"_s, u"viewer"_s, u"viewer, creator, or closed"_s},
        {u"INKWELL_JWT_SECRET_FILE"_s, {}, u"HS256 key file (default $INKWELL_DATA_DIR/jwt.key)"_s},
        {u"INKWELL_ACCESS_TOKEN_TTL_S"_s, u"900"_s, u"access token lifetime"_s},
        {u"INKWELL_REFRESH_TOKEN_TTL_S"_s, u"2592000"_s, u"refresh token lifetime"_s},
        {u"INKWELL_RATE_LIMIT_PER_MIN"_s, u"600"_s, u"requests per minute per client IP and user (0: off)"_s},
        {u"INKWELL_CACHE_MB"_s, QString::number(kDefaultCacheMb),
         u"memory of the article, search and list caches, in MiB"_s},
        {u"INKWELL_AI_PROVIDER"_s, u"none"_s, u"gemini, openai or none"_s},
        {u"INKWELL_AI_MODEL"_s, {}, u"model name sent upstream"_s},
        {u"INKWELL_AI_API_KEY"_s, {}, u"upstream key; never logged or shown"_s, true},
        {u"INKWELL_AI_BASE_URL"_s, {}, u"upstream base URL"_s},
        {u"INKWELL_AI_TIMEOUT_S"_s, u"60"_s, u"upstream idle timeout"_s},
        {u"INKWELL_AI_KEEPALIVE_S"_s, u"30"_s, u"idle upstream connections kept for reuse (0: a new one per call)"_s},
        {u"INKWELL_AI_CA_FILE"_s, {}, u"PEM CA certificates trusted for an https upstream"_s},
        {u"INKWELL_AI_TOKENS_PER_DAY"_s, kDefaultTokensPerDay, u"daily token quota per role (0 = unlimited)"_s},
        {u"INKWELL_AI_REQUESTS_PER_MIN"_s, u"20"_s, u"AI requests per minute per user"_s},
        {u"INKWELL_HOUSEKEEPING_INTERVAL_S"_s, u"3600"_s,
         u"how often expired tokens, old events and long-deleted articles are cleaned up"_s},
        {u"INKWELL_LOG_LEVEL"_s, u"info"_s, u"debug, info, warning or error"_s},
    };
    return specs;
}

QString defaultDataDir(const QProcessEnvironment &env)
{
    if (isRoot())
        return u"/var/lib/inkwell"_s;
    QString base = env.value(u"XDG_DATA_HOME"_s);
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = env.value(u"HOME"_s, QDir::homePath()) + u"/.local/share"_s;
    return base + u"/inkwell"_s;
}

QString defaultConfigFile(const QProcessEnvironment &env)
{
    if (isRoot())
        return u"/etc/inkwell/inkwelld.conf"_s;
    QString base = env.value(u"XDG_CONFIG_HOME"_s);
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = env.value(u"HOME"_s, QDir::homePath()) + u"/.config"_s;
    return base + u"/inkwell/inkwelld.conf"_s;
}

std::expected<Config, QString> loadConfig(const ConfigSources &sources)
{
    Config config;
    QHash<QString, QString> values;
    for (const SettingSpec &spec : settingSpecs()) {
        values.insert(spec.env, spec.defaultValue);
        config.sources.insert(spec.env, u"default"_s);
    }

    const QString envConfig = sources.environment.value(u"INKWELL_CONFIG"_s);
    QString configPath = sources.configFile.isEmpty() ? envConfig : sources.configFile;
    const bool explicitFile = !configPath.isEmpty();
    if (configPath.isEmpty())
        configPath = defaultConfigFile(sources.environment);
    if (explicitFile || QFileInfo::exists(configPath)) {
        QHash<QString, QString> fileValues;
        if (auto read = readConfigFile(configPath, fileValues); !read)
            return std::unexpected(read.error());
        for (auto it = fileValues.cbegin(); it != fileValues.cend(); ++it) {
            values.insert(it.key(), it.value());
            config.sources.insert(it.key(), u"file"_s);
        }
    }
    for (const SettingSpec &spec : settingSpecs()) {
        if (sources.environment.contains(spec.env)) {
            values.insert(spec.env, sources.environment.value(spec.env));
            config.sources.insert(spec.env, u"environment"_s);
        }
    }
    for (auto it = sources.commandLine.cbegin(); it != sources.commandLine.cend(); ++it) {
        values.insert(it.key(), it.value());
        config.sources.insert(it.key(), u"command line"_s);
    }

    const auto fail = [](const QString &name, const QString &message) {
        return std::unexpected(u"%1: %2"_s.arg(name, message));
    };
    const auto integer = [&](const QString &name, qint64 min, qint64 max) -> std::expected<qint64, QString> {
        auto parsed = parseInteger(values.value(name).trimmed(), min, max);
        if (!parsed)
            return fail(name, u"%1 (got \"%2\")"_s.arg(parsed.error(), values.value(name)));
        return parsed;
    };
    const auto choice = [&](const QString &name, const QStringList &choices) -> std::expected<QString, QString> {
        auto parsed = parseChoice(values.value(name).trimmed(), choices);
        if (!parsed)
            return fail(name, u"%1 (got \"%2\")"_s.arg(parsed.error(), values.value(name)));
        return parsed;
    };
#define INKWELL_TRY(var, expr)                                                                                         \
    auto var = (expr);                                                                                                 \
    if (!var)                                                                                                          \
        return std::unexpected(var.error());

    // Data folder
    config.dataDir = values.value(u"INKWELL_DATA_DIR"_s).trimmed();
    if (config.dataDir.isEmpty())
        config.dataDir = defaultDataDir(sources.environment);
    config.dataDir = QDir::cleanPath(QDir(config.dataDir).absolutePath());
    values.insert(u"INKWELL_DATA_DIR"_s, config.dataDir);

    config.databaseUrl = values.value(u"INKWELL_DATABASE_URL"_s).trimmed();
    if (!config.databaseUrl.isEmpty()) {
        if (auto params = ConnectionParams::fromUrl(config.databaseUrl); !params)
            return fail(u"INKWELL_DATABASE_URL"_s, params.error());
    }
    config.databaseReplicaUrl = values.value(u"INKWELL_DATABASE_REPLICA_URL"_s).trimmed();
    if (!config.databaseReplicaUrl.isEmpty()) {
        if (auto params = ConnectionParams::fromUrl(config.databaseReplicaUrl); !params)
            return fail(u"INKWELL_DATABASE_REPLICA_URL"_s, params.error());
    }

    config.hostText = values.value(u"INKWELL_HOST"_s).trimmed();
    if (config.hostText == u"localhost"_s)
        config.host = QHostAddress(QHostAddress::LocalHost);
    else if (!config.host.setAddress(config.hostText))
        return fail(u"INKWELL_HOST"_s, u"must be an IP address or localhost (got \"%1\")"_s.arg(config.hostText));

    INKWELL_TRY(port, integer(u"INKWELL_PORT"_s, 0, 65535));
    config.port = static_cast<quint16>(*port);

    if (values.value(u"INKWELL_THREADS"_s).trimmed().isEmpty())
        values.insert(u"INKWELL_THREADS"_s, QString::number(2 * std::max(1, QThread::idealThreadCount())));
    INKWELL_TRY(threads, integer(u"INKWELL_THREADS"_s, 1, 256));
    config.threads = static_cast<int>(*threads);

    INKWELL_TRY(maxBody, integer(u"INKWELL_MAX_BODY_BYTES"_s, 1, qint64(1) << 32));
    config.maxBodyBytes = *maxBody;
    INKWELL_TRY(idle, integer(u"INKWELL_IDLE_TIMEOUT_S"_s, 1, 3600));
    config.idleTimeoutS = static_cast<int>(*idle);
    INKWELL_TRY(perIp, integer(u"INKWELL_MAX_CONNECTIONS_PER_IP"_s, 1, 1000000));
    config.maxConnectionsPerIp = static_cast<int>(*perIp);

    config.corsOrigins = splitList(values.value(u"INKWELL_CORS_ORIGINS"_s));
    for (const QString &origin : std::as_const(config.corsOrigins)) {
        const QUrl url(origin, QUrl::StrictMode);
        const bool plain = url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) &&
                           !url.host().isEmpty() && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
                           url.userInfo().isEmpty();
        if (!plain)
            return fail(u"INKWELL_CORS_ORIGINS"_s,
                        u"\"%1\" is not an origin like https://app.example.com"_s.arg(origin));
    }
    config.trustedProxies = splitList(values.value(u"INKWELL_TRUSTED_PROXIES"_s));
    for (const QString &proxy : std::as_const(config.trustedProxies)) {
        const QHostAddress address(proxy);
        if (address.isNull() && QHostAddress::parseSubnet(proxy).first.isNull())
            return fail(u"INKWELL_TRUSTED_PROXIES"_s, u"\"%1\" is not an IP address or subnet"_s.arg(proxy));
    }

    INKWELL_TRY(signup, choice(u"INKWELL_SIGNUP_ROLE"_s, {u"viewer"_s, u"creator"_s, u"closed"_s}));
    config.signupRole = *signup;

    config.jwtSecretFile = values.value(u"INKWELL_JWT_SECRET_FILE"_s).trimmed();
    if (config.jwtSecretFile.isEmpty())
        config.jwtSecretFile = config.dataDir + u"/jwt.key"_s;
    values.insert(u"INKWELL_JWT_SECRET_FILE"_s, config.jwtSecretFile);

    INKWELL_TRY(accessTtl, integer(u"INKWELL_ACCESS_TOKEN_TTL_S"_s, 30, 86400));
    config.accessTokenTtlS = static_cast<int>(*accessTtl);
    INKWELL_TRY(refreshTtl, integer(u"INKWELL_REFRESH_TOKEN_TTL_S"_s, 60, 31536000));
    config.refreshTokenTtlS = static_cast<int>(*refreshTtl);
    INKWELL_TRY(rate, integer(u"INKWELL_RATE_LIMIT_PER_MIN"_s, 0, 10000000));
    config.rateLimitPerMin = static_cast<int>(*rate);
    INKWELL_TRY(housekeeping, integer(u"INKWELL_HOUSEKEEPING_INTERVAL_S"_s, 1, 86400));
    config.housekeepingIntervalS = static_cast<int>(*housekeeping);

    INKWELL_TRY(cacheMb, integer(u"INKWELL_CACHE_MB"_s, kMinCacheMb, kMaxCacheMb));
    config.cacheMb = static_cast<int>(*cacheMb);
    std::tie(config.articleCacheBytes, config.searchCacheBytes) = cacheShares(config.cacheMb);

    INKWELL_TRY(provider, choice(u"INKWELL_AI_PROVIDER"_s, {u"gemini"_s, u"openai"_s, u"none"_s}));
    config.aiProvider = *provider;
    config.aiModel = values.value(u"INKWELL_AI_MODEL"_s).trimmed();
    config.aiBaseUrl = values.value(u"INKWELL_AI_BASE_URL"_s).trimmed();
    config.aiApiKey = values.value(u"INKWELL_AI_API_KEY"_s);
    if (config.aiProvider == u"gemini"_s) {
        if (config.aiModel.isEmpty())
            config.aiModel = u"gemini-2.5-flash"_s;
        if (config.aiBaseUrl.isEmpty())
            config.aiBaseUrl = u"https://generativelanguage.googleapis.com"_s;
    } else if (config.aiProvider == u"openai"_s) {
        if (config.aiModel.isEmpty())
            return fail(u"INKWELL_AI_MODEL"_s, u"is required when INKWELL_AI_PROVIDER is openai (e.g. llama3.1)"_s);
        if (config.aiBaseUrl.isEmpty())
            config.aiBaseUrl = u"https://api.openai.com"_s;
    }
    if (!config.aiBaseUrl.isEmpty()) {
        const QUrl url(config.aiBaseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return fail(u"INKWELL_AI_BASE_URL"_s,
                        u"must be an http(s) URL (got \"%1\")"_s.arg(redactUrl(config.aiBaseUrl)));
    }
    values.insert(u"INKWELL_AI_MODEL"_s, config.aiModel);
    values.insert(u"INKWELL_AI_BASE_URL"_s, config.aiBaseUrl);

    INKWELL_TRY(aiTimeout, integer(u"INKWELL_AI_TIMEOUT_S"_s, 1, 3600));
    config.aiTimeoutS = static_cast<int>(*aiTimeout);
    INKWELL_TRY(aiKeepAlive, integer(u"INKWELL_AI_KEEPALIVE_S"_s, 0, 3600));
    config.aiKeepAliveS = static_cast<int>(*aiKeepAlive);
    config.aiCaFile = values.value(u"INKWELL_AI_CA_FILE"_s).trimmed();
    if (!config.aiCaFile.isEmpty() && QSslCertificate::fromPath(config.aiCaFile, QSsl::Pem).isEmpty())
        return fail(u"INKWELL_AI_CA_FILE"_s,
                    u"\"%1\" is not a readable PEM file of certificates"_s.arg(config.aiCaFile));

    // Roles missing from a given quota list keep their default.
    for (const QString &entry : splitList(kDefaultTokensPerDay))
        config.aiTokensPerDay.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1).toLongLong());
    for (const QString &entry : splitList(values.value(u"INKWELL_AI_TOKENS_PER_DAY"_s))) {
        const QString role = entry.section(u'=', 0, 0).trimmed();
        const QString amount = entry.section(u'=', 1).trimmed();
        if (!entry.contains(u'=') || !config.aiTokensPerDay.contains(role))
            return fail(u"INKWELL_AI_TOKENS_PER_DAY"_s,
                        u"expected role=tokens for viewer, creator, admin (got \"%1\")"_s.arg(entry));
        auto tokens = parseInteger(amount, 0, qint64(1) << 40);
        if (!tokens)
            return fail(u"INKWELL_AI_TOKENS_PER_DAY"_s, u"%1: %2"_s.arg(role, tokens.error()));
        config.aiTokensPerDay.insert(role, *tokens);
    }
    INKWELL_TRY(aiRate, integer(u"INKWELL_AI_REQUESTS_PER_MIN"_s, 0, 100000));
    config.aiRequestsPerMin = static_cast<int>(*aiRate);

    INKWELL_TRY(level, choice(u"INKWELL_LOG_LEVEL"_s, {u"debug"_s, u"info"_s, u"warning"_s, u"error"_s}));
    config.logLevel = *level;
#undef INKWELL_TRY

    config.raw = values;
    return config;
}

std::expected<void, QString> checkSupported(const Config &config)
{
    const auto whereSet = [&config](const QString &env) {
        const QString source = config.sources.value(env);
        return source == u"command line"_s ? u"on the command line"_s
               : source == u"file"_s       ? u"in the config file"_s
                                           : u"in the "_s + source;
    };
    // Credentials in the AI base URL would never be sent upstream: refused rather than quietly ignored.
    if (!config.aiBaseUrl.isEmpty() && !QUrl(config.aiBaseUrl).userInfo().isEmpty())
        return std::unexpected(u"INKWELL_AI_BASE_URL: credentials in the URL (user:password@) are not sent to the AI "
                               "provider; put the key in INKWELL_AI_API_KEY and remove them from the URL (set %1) "
                               "to start"_s.arg(whereSet(u"INKWELL_AI_BASE_URL"_s)));
    return {};
}

QString Config::printable() const
{
    QString out;
    for (const SettingSpec &spec : settingSpecs()) {
        QString value = raw.value(spec.env);
        QString note = sources.value(spec.env);
        // Every URL setting, secret or not: an operator may write credentials into any of them.
        if (spec.env.endsWith(u"_URL"_s))
            value = redactUrl(value);
        else if (spec.secret && !value.isEmpty())
            value = u"***"_s;
        out += u"%1=%2  # %3\n"_s.arg(spec.env, value, note);
    }
    return out;
}

} // namespace inkwell::server
