// inkwelld's configuration: precedence, validation with the setting named, defaults, redaction.
#include "config/config.h"
#include "http/pathids.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace inkwell::server;

namespace {

using Values = QHash<QString, QString>;

ConfigSources sourcesFrom(const Values &env, const Values &cli = {}, const QString &configFile = {})
{
    ConfigSources sources;
    sources.environment = QProcessEnvironment();
    sources.environment.insert(u"HOME"_s, u"/home/tester"_s);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        sources.environment.insert(it.key(), it.value());
    sources.commandLine = cli;
    sources.configFile = configFile;
    return sources;
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void precedence();
    void invalidValuesNameTheSetting_data();
    void invalidValuesNameTheSetting();
    void validValues_data();
    void validValues();
    void configFileErrors_data();
    void configFileErrors();
    void spellings();
    void printableRedactsSecrets();
    void redactUrl_data();
    void redactUrl();
    void replicaUrlIsCheckedLikeThePrimary_data();
    void replicaUrlIsCheckedLikeThePrimary();
    void pathIdsAreParsedStrictly_data();
    void pathIdsAreParsedStrictly();
};

void TestConfig::defaults()
{
    auto config = loadConfig(sourcesFrom({{u"XDG_DATA_HOME"_s, u"/data/xdg"_s}, {u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s}}));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error()));
    QCOMPARE(config->port, quint16(8080));
    QCOMPARE(config->host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config->threads, 2 * std::max(1, QThread::idealThreadCount()));
    QCOMPARE(config->maxBodyBytes, 1048576);
    QCOMPARE(config->idleTimeoutS, 30);
    QCOMPARE(config->signupRole, u"viewer"_s);
    QCOMPARE(config->rateLimitPerMin, 600);
    QCOMPARE(config->aiProvider, u"none"_s);
    QCOMPARE(config->aiTokensPerDay.value(u"viewer"_s), 20000);
    QCOMPARE(config->aiTokensPerDay.value(u"creator"_s), 200000);
    QCOMPARE(config->aiTokensPerDay.value(u"admin"_s), 0);
    QCOMPARE(config->logLevel, u"info"_s);
    QVERIFY(config->corsOrigins.isEmpty());
    if (::geteuid() == 0)
        QCOMPARE(config->dataDir, u"/var/lib/inkwell"_s);
    else
        QCOMPARE(config->dataDir, u"/data/xdg/inkwell"_s);
    QCOMPARE(config->jwtSecretFile, config->dataDir + u"/jwt.key"_s);
    QCOMPARE(config->sources.value(u"INKWELL_PORT"_s), u"default"_s);
}

void TestConfig::precedence()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"inkwelld.conf"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# comment\nport = 1111\nthreads = 3\nidle_timeout_s = 7\nlog_level = \"debug\"\n");
    f.close();

    // file < environment < command line
    auto config = loadConfig(sourcesFrom({{u"INKWELL_PORT"_s, u"2222"_s}, {u"INKWELL_THREADS"_s, u"4"_s}},
                                         {{u"INKWELL_PORT"_s, u"3333"_s}}, file));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error()));
    QCOMPARE(config->port, quint16(3333));
    QCOMPARE(config->sources.value(u"INKWELL_PORT"_s), u"command line"_s);
    QCOMPARE(config->threads, 4);
    QCOMPARE(config->sources.value(u"INKWELL_THREADS"_s), u"environment"_s);
    QCOMPARE(config->idleTimeoutS, 7);
    QCOMPARE(config->sources.value(u"INKWELL_IDLE_TIMEOUT_S"_s), u"file"_s);
    QCOMPARE(config->logLevel, u"debug"_s);
    QCOMPARE(config->maxBodyBytes, 1048576);
    QCOMPARE(config->sources.value(u"INKWELL_MAX_BODY_BYTES"_s), u"default"_s);
}

void TestConfig::invalidValuesNameTheSetting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("port too big") << u"INKWELL_PORT"_s << u"65536"_s << u"INKWELL_PORT: must be between 0 and 65535"_s;
    QTest::newRow("port negative") << u"INKWELL_PORT"_s << u"-1"_s << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("port with plus") << u"INKWELL_PORT"_s << u"+80"_s << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("port empty") << u"INKWELL_PORT"_s << u""_s << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("port hex") << u"INKWELL_PORT"_s << u"0x50"_s << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("port unicode digits") << u"INKWELL_PORT"_s << u"٨٠"_s << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("port huge") << u"INKWELL_PORT"_s << u"99999999999999999999999"_s
                               << u"INKWELL_PORT: must be a whole number"_s;
    QTest::newRow("threads zero") << u"INKWELL_THREADS"_s << u"0"_s << u"INKWELL_THREADS: must be between 1 and 256"_s;
    QTest::newRow("threads 257") << u"INKWELL_THREADS"_s << u"257"_s << u"INKWELL_THREADS: must be between 1 and 256"_s;
    QTest::newRow("body zero") << u"INKWELL_MAX_BODY_BYTES"_s << u"0"_s << u"INKWELL_MAX_BODY_BYTES: must be between"_s;
    QTest::newRow("idle words") << u"INKWELL_IDLE_TIMEOUT_S"_s << u"30s"_s << u"INKWELL_IDLE_TIMEOUT_S: must be a whole number"_s;
    QTest::newRow("housekeeping zero") << u"INKWELL_HOUSEKEEPING_INTERVAL_S"_s << u"0"_s
                                       << u"INKWELL_HOUSEKEEPING_INTERVAL_S: must be between 1 and 86400"_s;
    QTest::newRow("housekeeping words") << u"INKWELL_HOUSEKEEPING_INTERVAL_S"_s << u"1h"_s
                                        << u"INKWELL_HOUSEKEEPING_INTERVAL_S: must be a whole number"_s;
    QTest::newRow("host name") << u"INKWELL_HOST"_s << u"example.com"_s << u"INKWELL_HOST: must be an IP address"_s;
    QTest::newRow("signup role admin") << u"INKWELL_SIGNUP_ROLE"_s << u"admin"_s
                                       << u"INKWELL_SIGNUP_ROLE: must be one of: viewer, creator, closed"_s;
    QTest::newRow("provider") << u"INKWELL_AI_PROVIDER"_s << u"claude"_s << u"INKWELL_AI_PROVIDER: must be one of"_s;
    QTest::newRow("log level") << u"INKWELL_LOG_LEVEL"_s << u"INFO"_s << u"INKWELL_LOG_LEVEL: must be one of"_s;
    QTest::newRow("cors with path") << u"INKWELL_CORS_ORIGINS"_s << u"https://a.example/path"_s
                                    << u"INKWELL_CORS_ORIGINS: \"https://a.example/path\" is not an origin"_s;
    QTest::newRow("cors null") << u"INKWELL_CORS_ORIGINS"_s << u"null"_s << u"INKWELL_CORS_ORIGINS: \"null\""_s;
    QTest::newRow("cors wildcard") << u"INKWELL_CORS_ORIGINS"_s << u"*"_s << u"INKWELL_CORS_ORIGINS: \"*\""_s;
    QTest::newRow("proxy") << u"INKWELL_TRUSTED_PROXIES"_s << u"10.0.0.1,proxy.local"_s
                           << u"INKWELL_TRUSTED_PROXIES: \"proxy.local\""_s;
    QTest::newRow("db url scheme") << u"INKWELL_DATABASE_URL"_s << u"mysql://u:p@h/db"_s
                                   << u"INKWELL_DATABASE_URL: must start with postgres://"_s;
    QTest::newRow("db url no db") << u"INKWELL_DATABASE_URL"_s << u"postgres://u:p@h:5432"_s
                                  << u"INKWELL_DATABASE_URL: names no database"_s;
    QTest::newRow("db url no user") << u"INKWELL_DATABASE_URL"_s << u"postgres://h/db"_s
                                    << u"INKWELL_DATABASE_URL: names no user"_s;
    QTest::newRow("db url bad param") << u"INKWELL_DATABASE_URL"_s << u"postgres://u@h/db?password=x"_s
                                      << u"INKWELL_DATABASE_URL: unsupported parameter \"password\""_s;
    QTest::newRow("quota role") << u"INKWELL_AI_TOKENS_PER_DAY"_s << u"guest=5"_s
                                << u"INKWELL_AI_TOKENS_PER_DAY: expected role=tokens"_s;
    QTest::newRow("quota amount") << u"INKWELL_AI_TOKENS_PER_DAY"_s << u"viewer=lots"_s
                                  << u"INKWELL_AI_TOKENS_PER_DAY: viewer: must be a whole number"_s;
    QTest::newRow("ai base url") << u"INKWELL_AI_BASE_URL"_s << u"ftp://x"_s << u"INKWELL_AI_BASE_URL: must be an http(s) URL"_s;
    // The refused value is echoed to help the operator, but never its credentials.
    QTest::newRow("ai base url with secrets")
        << u"INKWELL_AI_BASE_URL"_s << u"ftp://u:secret@x/?token=secret"_s
        << u"INKWELL_AI_BASE_URL: must be an http(s) URL (got \"ftp://***:***@x/?token=***\")"_s;
    QTest::newRow("access ttl") << u"INKWELL_ACCESS_TOKEN_TTL_S"_s << u"5"_s << u"INKWELL_ACCESS_TOKEN_TTL_S: must be between"_s;
    // The caches' memory: a whole number of MiB, at least 1, at most 1 TiB.
    QTest::newRow("cache zero") << u"INKWELL_CACHE_MB"_s << u"0"_s
                                << u"INKWELL_CACHE_MB: must be between 1 and 1048576 (got \"0\")"_s;
    QTest::newRow("cache negative") << u"INKWELL_CACHE_MB"_s << u"-256"_s
                                    << u"INKWELL_CACHE_MB: must be a whole number (got \"-256\")"_s;
    QTest::newRow("cache text") << u"INKWELL_CACHE_MB"_s << u"lots"_s
                                << u"INKWELL_CACHE_MB: must be a whole number (got \"lots\")"_s;
    QTest::newRow("cache with unit") << u"INKWELL_CACHE_MB"_s << u"256MB"_s
                                     << u"INKWELL_CACHE_MB: must be a whole number (got \"256MB\")"_s;
    QTest::newRow("cache fraction") << u"INKWELL_CACHE_MB"_s << u"0.5"_s
                                    << u"INKWELL_CACHE_MB: must be a whole number (got \"0.5\")"_s;
    QTest::newRow("cache huge") << u"INKWELL_CACHE_MB"_s << u"1048577"_s
                                << u"INKWELL_CACHE_MB: must be between 1 and 1048576 (got \"1048577\")"_s;
    QTest::newRow("cache far too huge") << u"INKWELL_CACHE_MB"_s << u"99999999999999999999"_s
                                        << u"INKWELL_CACHE_MB: must be a whole number"_s;
}

void TestConfig::invalidValuesNameTheSetting()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, message);
    auto config = loadConfig(sourcesFrom({{name, value}, {u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s}}));
    QVERIFY(!config.has_value());
    QVERIFY2(config.error().startsWith(message), qPrintable(config.error()));
}

void TestConfig::validValues_data()
{
    QTest::addColumn<Values>("env");
    QTest::addColumn<QString>("check");

    QTest::newRow("port 0") << Values{{u"INKWELL_PORT"_s, u"0"_s}} << u"port=0"_s;
    QTest::newRow("port max") << Values{{u"INKWELL_PORT"_s, u"65535"_s}} << u"port=65535"_s;
    QTest::newRow("ipv6 host") << Values{{u"INKWELL_HOST"_s, u"::1"_s}} << u"host=::1"_s;
    QTest::newRow("localhost") << Values{{u"INKWELL_HOST"_s, u"localhost"_s}} << u"host=127.0.0.1"_s;
    QTest::newRow("cors list") << Values{{u"INKWELL_CORS_ORIGINS"_s, u"https://a.example, http://localhost:5173"_s}}
                               << u"cors=https://a.example|http://localhost:5173"_s;
    QTest::newRow("partial quota") << Values{{u"INKWELL_AI_TOKENS_PER_DAY"_s, u"viewer=5"_s}}
                                   << u"quota=5/200000/0"_s;
    QTest::newRow("openai needs a model") << Values{{u"INKWELL_AI_PROVIDER"_s, u"openai"_s},
                                                    {u"INKWELL_AI_MODEL"_s, u"llama3.1"_s},
                                                    {u"INKWELL_AI_BASE_URL"_s, u"http://127.0.0.1:11434"_s}}
                                          << u"ai=openai/llama3.1/http://127.0.0.1:11434"_s;
    QTest::newRow("gemini defaults") << Values{{u"INKWELL_AI_PROVIDER"_s, u"gemini"_s}}
                                     << u"ai=gemini/gemini-2.5-flash/https://generativelanguage.googleapis.com"_s;
    QTest::newRow("subnet proxy") << Values{{u"INKWELL_TRUSTED_PROXIES"_s, u"10.0.0.0/8,::1"_s}} << u"proxies=2"_s;
    QTest::newRow("relative data dir") << Values{{u"INKWELL_DATA_DIR"_s, u"rel/dir"_s}} << u"datadir-absolute"_s;
    // 7/8 of the cache memory for articles, 1/16 each for search results and list pages.
    QTest::newRow("cache default") << Values{} << u"cache=640:587202560/41943040"_s;
    QTest::newRow("cache smallest") << Values{{u"INKWELL_CACHE_MB"_s, u"1"_s}} << u"cache=1:917504/65536"_s;
    QTest::newRow("cache 256") << Values{{u"INKWELL_CACHE_MB"_s, u"256"_s}} << u"cache=256:234881024/16777216"_s;
    QTest::newRow("cache largest") << Values{{u"INKWELL_CACHE_MB"_s, u"1048576"_s}}
                                   << u"cache=1048576:962072674304/68719476736"_s;
}

void TestConfig::validValues()
{
    QFETCH(Values, env);
    QFETCH(QString, check);
    env.insert(u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s);
    auto config = loadConfig(sourcesFrom(env));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error()));
    QString actual;
    if (check.startsWith(u"port="_s))
        actual = u"port=%1"_s.arg(config->port);
    else if (check.startsWith(u"host="_s))
        actual = u"host="_s + config->host.toString();
    else if (check.startsWith(u"cors="_s))
        actual = u"cors="_s + config->corsOrigins.join(u'|');
    else if (check.startsWith(u"quota="_s))
        actual = u"quota=%1/%2/%3"_s.arg(config->aiTokensPerDay.value(u"viewer"_s))
                     .arg(config->aiTokensPerDay.value(u"creator"_s))
                     .arg(config->aiTokensPerDay.value(u"admin"_s));
    else if (check.startsWith(u"ai="_s))
        actual = u"ai=%1/%2/%3"_s.arg(config->aiProvider, config->aiModel, config->aiBaseUrl);
    else if (check.startsWith(u"proxies="_s))
        actual = u"proxies=%1"_s.arg(config->trustedProxies.size());
    else if (check.startsWith(u"cache="_s))
        actual = u"cache=%1:%2/%3"_s.arg(config->cacheMb).arg(config->articleCacheBytes).arg(config->searchCacheBytes);
    else if (check == u"datadir-absolute"_s)
        actual = QDir::isAbsolutePath(config->dataDir) && config->dataDir.endsWith(u"/rel/dir"_s) ? check : config->dataDir;
    QCOMPARE(actual, check);
}

void TestConfig::configFileErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QByteArray("port = 1\ncolour = red\n") << u":2: unknown setting `colour`"_s;
    QTest::newRow("no equals") << QByteArray("port 8080\n") << u":1: expected `key = value`"_s;
    QTest::newRow("env spelling is not a file key") << QByteArray("INKWELL_PORT = 1\n")
                                                    << u":1: unknown setting `INKWELL_PORT`"_s;
    QTest::newRow("bad value") << QByteArray("port = eighty\n") << u"INKWELL_PORT: must be a whole number"_s;
}

void TestConfig::configFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.conf"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    auto config = loadConfig(sourcesFrom({}, {}, path));
    QVERIFY(!config.has_value());
    QVERIFY2(config.error().contains(message), qPrintable(config.error()));
}

void TestConfig::spellings()
{
    // Every setting of configuration.md, with its flag and file key derived from the env name.
    QStringList flags;
    for (const SettingSpec &spec : settingSpecs())
        flags << spec.flag() + u'/' + spec.fileKey();
    QCOMPARE(settingSpecs().size(), 28);
    QVERIFY(flags.contains(u"housekeeping-interval-s/housekeeping_interval_s"_s));
    QVERIFY(flags.contains(u"max-body-bytes/max_body_bytes"_s));
    QVERIFY(flags.contains(u"cache-mb/cache_mb"_s));
    QVERIFY(flags.contains(u"ai-tokens-per-day/ai_tokens_per_day"_s));
    QVERIFY(flags.contains(u"database-url/database_url"_s));
    QVERIFY(flags.contains(u"data-dir/data_dir"_s));
}

void TestConfig::printableRedactsSecrets()
{
    auto config = loadConfig(sourcesFrom({{u"INKWELL_AI_PROVIDER"_s, u"openai"_s},
                                          {u"INKWELL_AI_MODEL"_s, u"m"_s},
                                          {u"INKWELL_AI_API_KEY"_s, u"sk-not-really-a-key"_s},
                                          {u"INKWELL_AI_BASE_URL"_s, u"http://u:secret@host/v1?key=secret&x=1"_s},
                                          {u"INKWELL_DATABASE_URL"_s, u"postgres://u:pa55word@h/db"_s},
                                          {u"INKWELL_DATABASE_REPLICA_URL"_s, u"postgres://r:rep1ica@r/db"_s},
                                          {u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s}}));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error()));
    const QString text = config->printable();
    for (const QString &secret : {u"sk-not-really-a-key"_s, u"pa55word"_s, u"secret"_s, u"rep1ica"_s})
        QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY2(text.contains(u"INKWELL_AI_API_KEY=***  # environment\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"INKWELL_AI_BASE_URL=http://***:***@host/v1?key=***&x=1  # environment\n"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"INKWELL_DATABASE_URL=postgres://***:***@h/db  # environment\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"INKWELL_DATABASE_REPLICA_URL=postgres://***:***@r/db  # environment\n"_s), qPrintable(text));
    QVERIFY(text.contains(u"INKWELL_PORT=8080  # default\n"_s));
    QVERIFY(text.contains(u"INKWELL_HOUSEKEEPING_INTERVAL_S=3600  # default\n"_s));
    QVERIFY2(text.contains(u"INKWELL_CACHE_MB=640  # default\n"_s), qPrintable(text));
    QCOMPARE(text.count(u'\n'), 28);
}

void TestConfig::redactUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no secrets") << u"https://api.openai.com"_s << u"https://api.openai.com"_s;
    QTest::newRow("no secrets, port path query")
        << u"http://127.0.0.1:11434/v1?x=1&model=a"_s << u"http://127.0.0.1:11434/v1?x=1&model=a"_s;
    QTest::newRow("postgres without secrets") << u"postgres://db.internal:5433/inkwell?sslmode=require"_s
                                              << u"postgres://db.internal:5433/inkwell?sslmode=require"_s;
    QTest::newRow("user only") << u"http://alice@host/v1"_s << u"http://***@host/v1"_s;
    QTest::newRow("user and password") << u"postgres://app:hunter2@db:5433/inkwell"_s
                                       << u"postgres://***:***@db:5433/inkwell"_s;
    QTest::newRow("password only") << u"http://:hunter2@host/"_s << u"http://***:***@host/"_s;
    QTest::newRow("key parameter") << u"http://host/v1?key=s3cr3t"_s << u"http://host/v1?key=***"_s;
    QTest::newRow("token among others") << u"http://host/?a=1&token=s3cr3t&b=2"_s
                                        << u"http://host/?a=1&token=***&b=2"_s;
    QTest::newRow("every credential name, any case")
        << u"http://host/?API_KEY=a&Access_Token=b&apiKey=c&KEY=d&Token=e&password=f"_s
        << u"http://host/?API_KEY=***&Access_Token=***&apiKey=***&KEY=***&Token=***&password=***"_s;
    QTest::newRow("names that only contain a credential name")
        << u"http://host/?monkey=1&keys=2&tokenizer=3&key_id=4"_s
        << u"http://host/?monkey=1&keys=2&tokenizer=3&key_id=4"_s;
    QTest::newRow("percent-encoded name") << u"http://host/?api%5Fkey=s3cr3t"_s << u"http://host/?api_key=***"_s;
    QTest::newRow("semicolon separator") << u"http://host/?x=1;key=s3cr3t"_s << u"http://host/?x=1;key=***"_s;
    QTest::newRow("empty key value stays empty") << u"http://host/?key=&x=1"_s << u"http://host/?key=&x=1"_s;
    QTest::newRow("token in the fragment") << u"https://app.example/cb#access_token=s3cr3t&state=x"_s
                                           << u"https://app.example/cb#access_token=***&state=x"_s;
    QTest::newRow("everything at once") << u"http://u:secret@host/v1?key=secret&x=1"_s
                                        << u"http://***:***@host/v1?key=***&x=1"_s;
    // Where the secrets of text that is not a URL are cannot be known: nothing of it is shown.
    QTest::newRow("invalid host") << u"http://u:secret@exa mple.com/"_s << u"***"_s;
    QTest::newRow("unclosed IPv6 bracket") << u"http://u:secret@[::1/v1"_s << u"***"_s;
}

void TestConfig::redactUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QCOMPARE(inkwell::server::redactUrl(url), shown);
}

void TestConfig::replicaUrlIsCheckedLikeThePrimary_data()
{
    QTest::addColumn<QString>("where"); // env, cli, file, or none
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message"); // empty: accepted

    const QString url = u"postgres://reader:rep1ica@replica.internal:5433/inkwell?sslmode=require"_s;
    QTest::newRow("environment") << u"env"_s << url << QString();
    QTest::newRow("command line") << u"cli"_s << url << QString();
    QTest::newRow("config file") << u"file"_s << url << QString();
    QTest::newRow("postgresql scheme, unix socket")
        << u"env"_s << u"postgresql://reader:rep1ica@localhost/inkwell?host=/var/run/postgresql"_s << QString();
    QTest::newRow("unset") << u"none"_s << QString() << QString();
    QTest::newRow("empty") << u"env"_s << QString() << QString();
    QTest::newRow("blank") << u"env"_s << u"  "_s << QString();
    QTest::newRow("not a URL") << u"env"_s << u"replica"_s << u"must start with postgres://"_s;
    QTest::newRow("other scheme") << u"cli"_s << u"mysql://reader:rep1ica@replica.internal/inkwell"_s
                                  << u"must start with postgres://"_s;
    QTest::newRow("no database") << u"file"_s << u"postgres://reader:rep1ica@replica.internal:5433/"_s
                                 << u"names no database"_s;
    QTest::newRow("no user") << u"env"_s << u"postgres://replica.internal/inkwell"_s << u"names no user"_s;
    QTest::newRow("no host") << u"env"_s << u"postgres://reader:rep1ica@/inkwell"_s << u"names no host"_s;
    QTest::newRow("unknown parameter") << u"env"_s << u"postgres://reader:rep1ica@replica.internal/inkwell?replication=1"_s
                                       << u"unsupported parameter \"replication\""_s;
    QTest::newRow("invalid URL") << u"env"_s << u"postgres://reader:rep1ica@repl ica/inkwell"_s << u"not a valid URL"_s;
}

void TestConfig::replicaUrlIsCheckedLikeThePrimary()
{
    QFETCH(QString, where);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const QString name = u"INKWELL_DATABASE_REPLICA_URL"_s;
    Values env{{u"XDG_CONFIG_HOME"_s, u"/nonexistent"_s}}, cli;
    QTemporaryDir dir;
    QString file;
    if (where == u"env"_s)
        env.insert(name, value);
    else if (where == u"cli"_s)
        cli.insert(name, value);
    else if (where == u"file"_s) {
        file = dir.filePath(u"inkwelld.conf"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("database_replica_url = " + value.toUtf8() + '\n');
    }
    auto config = loadConfig(sourcesFrom(env, cli, file));
    if (message.isEmpty()) {
        // Accepted, and used as given: list and search read there (tst_replica).
        QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error()));
        QCOMPARE(config->databaseReplicaUrl, value.trimmed());
        return;
    }
    QVERIFY(!config.has_value());
    const QString error = config.error();
    QVERIFY2(error.startsWith(name + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(!error.contains(u"rep1ica"_s) && !error.contains(u"reader"_s), qPrintable(error));
}

void TestConfig::pathIdsAreParsedStrictly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isUuid");
    QTest::addColumn<int>("number"); // 0: not a valid number
    QTest::newRow("uuid") << u"0f8fad5b-d9cb-469f-a165-70867728950e"_s << true << 0;
    QTest::newRow("uuid upper case") << u"0F8FAD5B-D9CB-469F-A165-70867728950E"_s << false << 0;
    QTest::newRow("uuid braces") << u"{0f8fad5b-d9cb-469f-a165-70867728950e}"_s << false << 0;
    QTest::newRow("uuid no hyphens") << u"0f8fad5bd9cb469fa16570867728950e"_s << false << 0;
    QTest::newRow("uuid one short") << u"0f8fad5b-d9cb-469f-a165-70867728950"_s << false << 0;
    QTest::newRow("uuid one long") << u"0f8fad5b-d9cb-469f-a165-70867728950ee"_s << false << 0;
    QTest::newRow("uuid nil") << u"00000000-0000-0000-0000-000000000000"_s << false << 0;
    QTest::newRow("uuid non-hex") << u"0f8fad5b-d9cb-469f-a165-70867728950g"_s << false << 0;
    QTest::newRow("uuid unicode digit") << u"0f8fad5b-d9cb-469f-a165-7086772895٠e"_s << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
    QTest::newRow("one") << u"1"_s << false << 1;
    QTest::newRow("int max") << u"2147483647"_s << false << 2147483647;
    QTest::newRow("int max + 1") << u"2147483648"_s << false << 0;
    QTest::newRow("overflow to zero in Qt") << u"4294967296"_s << false << 0;
    QTest::newRow("huge") << u"99999999999999999999"_s << false << 0;
    QTest::newRow("zero") << u"0"_s << false << 0;
    QTest::newRow("minus one") << u"-1"_s << false << 0;
    QTest::newRow("plus one") << u"+1"_s << false << 0;
    QTest::newRow("leading zero") << u"01"_s << false << 0;
    QTest::newRow("space") << u" 1"_s << false << 0;
    QTest::newRow("hex") << u"0x10"_s << false << 0;
    QTest::newRow("arabic-indic digit") << u"٣"_s << false << 0;
}

void TestConfig::pathIdsAreParsedStrictly()
{
    QFETCH(QString, text);
    QFETCH(bool, isUuid);
    QFETCH(int, number);
    const auto uuid = parseUuidPath(text);
    QCOMPARE(uuid.has_value(), isUuid);
    if (isUuid)
        QCOMPARE(uuid->toString(QUuid::WithoutBraces), text);
    const auto parsed = parsePositiveIntPath(text);
    QCOMPARE(parsed.has_value(), number != 0);
    if (number != 0)
        QCOMPARE(*parsed, number);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
