#include "serverapp.h"

#include "accounts/accountservice.h"
#include "accounts/accountsmodule.h"
#include "ai/aimodule.h"
#include "articles/articlesmodule.h"
#include "auth/jwt.h"
#include "config/config.h"
#include "db/embeddedpostgres.h"
#include "db/migrator.h"
#include "events/eventworker.h"
#include "health/healthmodule.h"
#include "housekeeping/housekeeper.h"
#include "http/httpservice.h"
#include "http/operationsroutes.h"
#include "log/logging.h"
#include "notifications/notificationsmodule.h"
#include "ops/backup.h"
#include "ops/clusterowner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSocketNotifier>
#include <QSqlError>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace inkwell::server {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = (u"inkwelld: "_s + text + u'\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

/// Turns SIGINT/SIGTERM into a quit of the event loop (the handler only writes one byte).
class SignalWatcher {
public:
    SignalWatcher()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, QCoreApplication::instance(), [] {
            char byte = 0;
            [[maybe_unused]] const auto got = ::read(g_signalFds[1], &byte, 1);
            qInfo("received signal %d, shutting down", int(byte));
            QCoreApplication::quit();
        });
        struct sigaction action {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
        ::signal(SIGPIPE, SIG_IGN);
    }
    /// True when a signal arrived before the event loop ran (during start-up).
    bool pending() const
    {
        char byte = 0;
        return ::recv(g_signalFds[1], &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 1;
    }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

struct Database {
    std::unique_ptr<QLockFile> lock;
    std::unique_ptr<EmbeddedPostgres> embedded;
    ConnectionParams params;
};

std::expected<Database, QString> openDatabase(const Config &config)
{
    Database database;
    if (!config.databaseUrl.isEmpty()) {
        auto params = ConnectionParams::fromUrl(config.databaseUrl);
        if (!params)
            return std::unexpected(u"INKWELL_DATABASE_URL: %1"_s.arg(params.error()));
        database.params = *params;
        qInfo("using the external database %s", qPrintable(redactUrl(config.databaseUrl)));
        return database;
    }
    if (!QDir().mkpath(config.dataDir))
        return std::unexpected(u"cannot create the data folder %1"_s.arg(config.dataDir));
    QFile::setPermissions(config.dataDir,
                          QFile::permissions(config.dataDir) & ~(QFileDevice::ReadOther | QFileDevice::WriteOther |
                                                                 QFileDevice::ReadGroup | QFileDevice::WriteGroup));
    database.lock = std::make_unique<QLockFile>(config.dataDir + u"/inkwelld.lock"_s);
    database.lock->setStaleLockTime(0);
    if (!database.lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        database.lock->getLockInfo(&pid, &host, &app);
        return std::unexpected(
            u"the data folder %1 is in use by another inkwelld (pid %2)"_s.arg(config.dataDir).arg(pid));
    }
    ops::runClusterAsItsOwner(config.dataDir); // `sudo inkwelld migrate` on a packaged server
    EmbeddedPostgres::Options options;
    options.dataDir = config.dataDir;
    database.embedded = std::make_unique<EmbeddedPostgres>(options);
    auto params = database.embedded->start();
    if (!params)
        return std::unexpected(params.error());
    ops::handFilesToClusterOwner(config.dataDir);
    database.params = *params;
    return database;
}

/// `inkwelld create-admin`: an administrator for a headless set-up, password read from stdin (one line)
/// so that it never appears in the process list or the shell history.
int createAdmin(const ConnectionParams &params, const QString &email, const QString &name)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        printErr(u"create-admin: cannot read the password from stdin"_s);
        return 1;
    }
    QByteArray line = input.readLine();
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);
    ThreadDatabase db(params, u"inkwell-create-admin"_s);
    auto created = AccountService::createAdmin(db, email, name, password);
    if (!created) {
        const Error &failure = created.error();
        QString why = failure.detail;
        for (const FieldError &error : failure.fields)
            why += u"\n  %1: %2"_s.arg(error.field, error.message);
        printErr(u"create-admin: %1"_s.arg(why));
        // Bad input is the operator's to fix (2); anything else is the server's or the database's (1).
        const bool input = failure.kind == ErrorKind::Invalid || failure.kind == ErrorKind::Conflict ||
                           failure.kind == ErrorKind::BadInput;
        return input ? 2 : 1;
    }
    printOut(
        u"created administrator %1 <%2> (id %3)\n"_s.arg(created->fullName, created->email, formatId(created->id)));
    return 0;
}

} // namespace

int inkwelldMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"inkwelld"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Inkwell server"_s);
    parser.addHelpOption();
    const QCommandLineOption versionOption(u"version"_s, u"Print the version and exit."_s);
    const QCommandLineOption printConfigOption(u"print-config"_s,
                                               u"Print the effective configuration (secrets redacted) and exit."_s);
    const QCommandLineOption configOption(u"config"_s, u"Configuration file."_s, u"file"_s);
    const QCommandLineOption statusOption(u"status"_s, u"With migrate: list migrations and whether each is applied."_s);
    const QCommandLineOption emailOption(u"email"_s, u"With create-admin: the new administrator's email."_s,
                                         u"email"_s);
    const QCommandLineOption nameOption(u"name"_s, u"With create-admin: the new administrator's full name."_s,
                                        u"name"_s);
    const QCommandLineOption forceOption(u"force"_s, u"With restore: replace a database that is not empty."_s);
    parser.addOptions(
        {versionOption, printConfigOption, configOption, statusOption, emailOption, nameOption, forceOption});
    for (const SettingSpec &spec : settingSpecs())
        parser.addOption(QCommandLineOption(spec.flag(), u"%1 (%2)"_s.arg(spec.help, spec.env), u"value"_s));
    parser.addPositionalArgument(
        u"command"_s,
        u"serve (default), migrate, create-admin --email E --name N (reads the password from stdin), backup FILE, "
        "or restore FILE [--force]"_s,
        u"[command]"_s);
    if (!parser.parse(app.arguments())) {
        printErr(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(parser.helpText());
        return 0;
    }
    if (parser.isSet(versionOption)) {
        printOut(u"inkwelld %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, u"serve"_s);
    const bool takesFile = command == u"backup"_s || command == u"restore"_s;
    if (positional.size() > (takesFile ? 2 : 1) ||
        (command != u"serve"_s && command != u"migrate"_s && command != u"create-admin"_s && !takesFile)) {
        printErr(u"unknown command \"%1\"; expected serve, migrate, create-admin, backup FILE or restore FILE"_s.arg(
            positional.join(u' ')));
        return 2;
    }
    if (takesFile && positional.size() != 2) {
        printErr(u"%1 needs the archive's file name: inkwelld %1 FILE"_s.arg(command));
        return 2;
    }
    if (parser.isSet(forceOption) && command != u"restore"_s) {
        printErr(u"--force goes with restore only"_s);
        return 2;
    }
    if (command == u"create-admin"_s && (!parser.isSet(emailOption) || !parser.isSet(nameOption))) {
        printErr(u"create-admin needs --email and --name; the password is read from stdin"_s);
        return 2;
    }

    ConfigSources sources;
    for (const SettingSpec &spec : settingSpecs()) {
        if (parser.isSet(spec.flag()))
            sources.commandLine.insert(spec.env, parser.value(spec.flag()));
    }
    sources.configFile = parser.value(configOption);
    auto config = loadConfig(sources);
    if (!config) {
        printErr(config.error());
        return 2;
    }
    if (parser.isSet(printConfigOption)) {
        printOut(config->printable());
        return 0;
    }
    // Every command, migrate and create-admin too: a setting that would be ignored stops all before anything is set up.
    if (auto supported = checkSupported(*config); !supported) {
        printErr(supported.error());
        return 2;
    }
    logging::install(config->logLevel);

    // Before the signal watcher: Ctrl-C stops a backup or restore at once (a restore is one transaction that
    // is committed only at its end, and a backup is renamed into place only when complete).
    if (command == u"backup"_s) {
        auto summary = ops::backup(*config, positional.at(1));
        if (!summary) {
            printErr(u"backup: %1"_s.arg(summary.error()));
            return 1;
        }
        printOut(u"backup written to %1 (%2 KiB): %3\n"_s.arg(summary->file)
                     .arg((summary->bytes + 1023) / 1024)
                     .arg(summary->describe()));
        return 0;
    }
    if (command == u"restore"_s) {
        auto summary = ops::restore(*config, positional.at(1), parser.isSet(forceOption));
        if (!summary) {
            printErr(u"restore: %1"_s.arg(summary.error()));
            return 1;
        }
        printOut(u"restored %1: %2; applied %3 migration(s)\n"_s.arg(summary->file, summary->describe())
                     .arg(summary->migrationsApplied));
        return 0;
    }

    SignalWatcher signals;
    // The token key first: a bad one must stop the start before anything else is set up.
    if (!QDir().mkpath(config->dataDir)) {
        printErr(u"INKWELL_DATA_DIR: cannot create %1"_s.arg(config->dataDir));
        return 1;
    }
    auto jwtKey = JwtCodec::loadOrCreateKey(config->jwtSecretFile);
    if (!jwtKey) {
        printErr(u"INKWELL_JWT_SECRET_FILE: %1"_s.arg(jwtKey.error()));
        return 2;
    }
    auto database = openDatabase(*config);
    if (!database) {
        printErr(database.error());
        return 1;
    }
    const auto stopDatabase = [&database] {
        if (database->embedded) {
            if (auto stopped = database->embedded->stop(); !stopped)
                printErr(stopped.error());
        }
    };

    if (command == u"migrate"_s && parser.isSet(statusOption)) {
        auto status = database->params.withConnection([](QSqlDatabase &db) { return Migrator(db).status(); });
        stopDatabase();
        if (!status) {
            printErr(status.error());
            return 1;
        }
        QString table = u"version  name                            applied_at\n"_s;
        for (const Migrator::Status &row : *status)
            table += u"%1  %2  %3\n"_s.arg(row.version, 7)
                         .arg(row.name, -30)
                         .arg(row.appliedAt ? row.appliedAt->toString(Qt::ISODateWithMs) : u"pending"_s);
        printOut(table);
        return 0;
    }

    auto applied = database->params.withConnection([](QSqlDatabase &db) { return Migrator(db).migrate(); });
    if (!applied) {
        printErr(applied.error());
        stopDatabase();
        return 1;
    }
    if (command == u"migrate"_s) {
        printOut(u"applied %1 migration(s)\n"_s.arg(*applied));
        stopDatabase();
        return 0;
    }
    if (command == u"create-admin"_s) {
        const int status = createAdmin(database->params, parser.value(emailOption), parser.value(nameOption));
        stopDatabase();
        return status;
    }

    auto context = std::make_shared<ServiceContext>();
    context->config = *config;
    context->database = database->params;
    context->jwtKey = *jwtKey;
    context->finalize();

    // The server gathers what each module declares of itself: routes, NOTIFY channels, outbox handlers, start work.
    const QList<Module> modules{healthModule(), accountsModule(), articlesModule(), notificationsModule(),
                                ai::aiModule()};
    GatheredModules gathered = gather(modules);
    EventSystem events(context->database, context->metrics, gathered.channels, std::move(gathered.handlers));
    context->notifier = events.notifier();
    events.start();
    Housekeeper housekeeper(context->database, {config->housekeepingIntervalS * 1000});
    housekeeper.start();
    for (const Module &module : modules) {
        if (module.atStart)
            module.atStart(*context);
    }
    HttpService http(context, QList<RouteRegistrar>{operationsRoutes()} + gathered.routes);
    auto port = http.start(config->host, config->port, config->threads);
    if (!port) {
        printErr(port.error());
        events.stop();
        stopDatabase();
        return 1;
    }
    const QString host = config->host.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + config->host.toString() + u']'
                             : config->host.toString();
    printOut(u"listening on http://%1:%2\n"_s.arg(host).arg(*port));

    const int code = signals.pending() ? 0 : app.exec();
    http.stop();
    housekeeper.stop();
    events.stop();
    stopDatabase();
    qInfo("stopped");
    return code;
}

} // namespace inkwell::server
