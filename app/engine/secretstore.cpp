#include "secretstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>
#include <functional>
#include <qt6keychain/keychain.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace inkwell::engine {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "inkwell.engine.secrets")

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kModeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                               QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                               QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
/// A secrets file bigger than this is not ours (a token is a few hundred bytes): it reads as damaged.
constexpr qint64 kMaxFileSize = 1024 * 1024;
const QString kFileName = u"secrets.json"_s;
const QString kFileFormat = u"inkwell-secrets"_s;

/// Answers whether the Secret Service (org.freedesktop.secrets) has an owner on the session bus, without blocking.
void checkSecretService(QObject *context, std::function<void(bool)> answer)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        answer(false);
        return;
    }
    const QDBusPendingCall call = bus.interface()->asyncCall(u"NameHasOwner"_s, u"org.freedesktop.secrets"_s);
    auto *watcher = new QDBusPendingCallWatcher(call, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, answer = std::move(answer)] {
        watcher->deleteLater();
        const QDBusPendingReply<bool> reply = *watcher;
        answer(!reply.isError() && reply.value());
    });
}

} // namespace

// ---- SecretJob / SecretStore ------------------------------------------------------------------------------------

SecretJob::SecretJob(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

SecretJob *SecretStore::read(const QString &key)
{
    SecretJob *job = createJob(key);
    if (key.isEmpty())
        finishJob(job, SecretJob::Error::Other, tr("A secret needs a name."));
    else
        startRead(job);
    return job;
}

SecretJob *SecretStore::write(const QString &key, const QString &value)
{
    SecretJob *job = createJob(key);
    if (key.isEmpty())
        finishJob(job, SecretJob::Error::Other, tr("A secret needs a name."));
    else
        startWrite(job, value);
    return job;
}

SecretJob *SecretStore::remove(const QString &key)
{
    SecretJob *job = createJob(key);
    if (key.isEmpty())
        finishJob(job, SecretJob::Error::Other, tr("A secret needs a name."));
    else
        startRemove(job);
    return job;
}

SecretJob *SecretStore::createJob(const QString &key)
{
    return new SecretJob(key, this);
}

void SecretStore::finishJob(SecretJob *job, SecretJob::Error error, const QString &errorText, const QString &value)
{
    if (!job || job->m_resultSet)
        return;
    job->m_resultSet = true;
    job->m_error = error;
    job->m_errorText = error == SecretJob::Error::None ? QString() : errorText;
    job->m_value = error == SecretJob::Error::None ? value : QString();
    // Always from the event loop: a caller connects to `finished` after read()/write()/remove() returned.
    QMetaObject::invokeMethod(
        job,
        [job] {
            job->m_finished = true;
            Q_EMIT job->finished(job);
            job->deleteLater();
        },
        Qt::QueuedConnection);
}

// ---- KeychainSecretStore ----------------------------------------------------------------------------------------

namespace {

/// Maps a finished QtKeychain job's error; calls @p done with ours. OtherError becomes NoBackend when the Secret
/// Service is not on the session bus: QtKeychain's libsecret backend reports a missing D-Bus session or service as
/// OtherError (qt64-notes.md: headless without D-Bus every job fails with OtherError).
void mapKeychainError(QObject *context, const QKeychain::Job *keychainJob,
                      std::function<void(SecretJob::Error, const QString &)> done)
{
    const QString text = keychainJob->errorString();
    switch (keychainJob->error()) {
    case QKeychain::NoError:
        done(SecretJob::Error::None, {});
        return;
    case QKeychain::EntryNotFound:
        done(SecretJob::Error::NotFound, text);
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        done(SecretJob::Error::AccessDenied, text);
        return;
    case QKeychain::NoBackendAvailable:
        done(SecretJob::Error::NoBackend, text);
        return;
    case QKeychain::OtherError:
        checkSecretService(context, [text, done = std::move(done)](bool serviceThere) {
            if (serviceThere)
                done(SecretJob::Error::Other, text);
            else
                done(SecretJob::Error::NoBackend,
                     KeychainSecretStore::tr("No keyring is running (no Secret Service on D-Bus): %1").arg(text));
        });
        return;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        done(SecretJob::Error::Other, text);
        return;
    }
    done(SecretJob::Error::Other, text);
}

/// Starts @p keychainJob and finishes @p job from it (with the text a read job found).
///
/// QtKeychain's libsecret callbacks keep a raw pointer to their job, so a QtKeychain job must live until it has
/// finished: it gets no parent (nothing can delete it early) and deletes itself after `finished` (autoDelete). Our
/// job is the context of the connection, so a store destroyed meanwhile just drops the answer.
void runKeychainJob(QKeychain::Job *keychainJob, SecretJob *job,
                    std::function<void(SecretJob::Error, const QString &text, const QString &data)> finish)
{
    keychainJob->setAutoDelete(true);
    keychainJob->setInsecureFallback(false); // plain text in QSettings is the user's choice, not a silent default
    keychainJob->setKey(job->key());
    QObject::connect(keychainJob, &QKeychain::Job::finished, job, [job, keychainJob, finish = std::move(finish)] {
        const auto *reader = qobject_cast<const QKeychain::ReadPasswordJob *>(keychainJob);
        const QString data = reader && keychainJob->error() == QKeychain::NoError ? reader->textData() : QString();
        mapKeychainError(job, keychainJob,
                         [finish, data](SecretJob::Error error, const QString &text) { finish(error, text, data); });
    });
    keychainJob->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

QString KeychainSecretStore::description() const
{
    return tr("the system keyring");
}

void KeychainSecretStore::startRead(SecretJob *job)
{
    runKeychainJob(
        new QKeychain::ReadPasswordJob(m_service), job,
        [job](SecretJob::Error error, const QString &text, const QString &data) { finishJob(job, error, text, data); });
}

void KeychainSecretStore::startWrite(SecretJob *job, const QString &value)
{
    auto *keychainJob = new QKeychain::WritePasswordJob(m_service);
    keychainJob->setTextData(value);
    runKeychainJob(keychainJob, job, [job](SecretJob::Error error, const QString &text, const QString &) {
        finishJob(job, error, text);
    });
}

void KeychainSecretStore::startRemove(SecretJob *job)
{
    runKeychainJob(new QKeychain::DeletePasswordJob(m_service), job,
                   [job](SecretJob::Error error, const QString &text, const QString &) {
                       // Deleting what is not there is done, as with the other stores.
                       finishJob(job, error == SecretJob::Error::NotFound ? SecretJob::Error::None : error, text);
                   });
}

SecretJob *KeychainSecretStore::probe()
{
    const QString key = u"inkwell-probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString value = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretJob *result = createJob(key);
    SecretJob *writing = write(key, value);
    connect(writing, &SecretJob::finished, result, [this, result, key, value](SecretJob *written) {
        if (written->error() != SecretJob::Error::None) {
            finishJob(result, written->error(), written->errorText());
            return;
        }
        SecretJob *reading = read(key);
        connect(reading, &SecretJob::finished, result, [this, result, key, value](SecretJob *readBack) {
            SecretJob::Error error = readBack->error();
            QString text = readBack->errorText();
            if (error == SecretJob::Error::None && readBack->value() != value) {
                error = SecretJob::Error::Other;
                text = tr("The keyring returned something other than what was stored.");
            }
            // Delete the probe entry whatever the read said.
            SecretJob *removing = remove(key);
            connect(removing, &SecretJob::finished, result, [result, error, text](SecretJob *removed) {
                if (error != SecretJob::Error::None)
                    finishJob(result, error, text);
                else
                    finishJob(result, removed->error(), removed->errorText());
            });
        });
    });
    return result;
}

// ---- MemorySecretStore ------------------------------------------------------------------------------------------

QString MemorySecretStore::description() const
{
    return tr("this session only (you sign in again after quitting)");
}

void MemorySecretStore::startRead(SecretJob *job)
{
    const auto found = m_secrets.constFind(job->key());
    if (found == m_secrets.cend())
        finishJob(job, SecretJob::Error::NotFound, tr("No secret is stored under this name."));
    else
        finishJob(job, SecretJob::Error::None, {}, *found);
}

void MemorySecretStore::startWrite(SecretJob *job, const QString &value)
{
    m_secrets.insert(job->key(), value);
    finishJob(job, SecretJob::Error::None);
}

void MemorySecretStore::startRemove(SecretJob *job)
{
    m_secrets.remove(job->key());
    finishJob(job, SecretJob::Error::None);
}

// ---- FileSecretStore --------------------------------------------------------------------------------------------

FileSecretStore::FileSecretStore(QString folder, QObject *parent)
    : SecretStore(parent)
    , m_folder(std::move(folder))
{
}

QString FileSecretStore::filePath() const
{
    return QDir(m_folder).filePath(kFileName);
}

QString FileSecretStore::description() const
{
    return tr("a file readable only by you, stored unencrypted (%1)").arg(QDir::toNativeSeparators(filePath()));
}

std::expected<QHash<QString, QString>, FileSecretStore::LoadError> FileSecretStore::load() const
{
    QFile file(filePath());
    if (!file.exists())
        return std::unexpected(LoadError{LoadProblem::Missing, {}});
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(LoadError{LoadProblem::Unreadable, file.errorString()});
    if (file.size() > kMaxFileSize)
        return std::unexpected(LoadError{LoadProblem::Damaged, tr("The file is too big.")});
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(LoadError{LoadProblem::Damaged, parseError.errorString()});
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != kFileFormat || !root.value(u"secrets"_s).isObject())
        return std::unexpected(LoadError{LoadProblem::Damaged, tr("The file is not an Inkwell secrets file.")});
    QHash<QString, QString> secrets;
    const QJsonObject stored = root.value(u"secrets"_s).toObject();
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        if (!it.value().isString())
            return std::unexpected(LoadError{LoadProblem::Damaged, tr("A secret is not text.")});
        secrets.insert(it.key(), it.value().toString());
    }
    return secrets;
}

std::expected<void, QString> FileSecretStore::save(const QHash<QString, QString> &secrets) const
{
    if (!QFileInfo::exists(m_folder)) {
        // Private from the start: nobody else can even open what we create inside.
        if (!QDir().mkpath(m_folder) || !QFile::setPermissions(m_folder, kOwnerOnly | QFileDevice::ExeOwner))
            return std::unexpected(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_folder)));
    }

    QJsonObject stored;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        stored.insert(it.key(), it.value());
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{u"format"_s, kFileFormat}, {u"version"_s, 1}, {u"secrets"_s, stored}}).toJson();

    const QString path = filePath();
    QSaveFile file(path);
#ifdef Q_OS_UNIX
    // QSaveFile creates its temporary file with mode 0666 & ~umask. With umask 077 around open() the file is
    // owner-only from its creation, so nobody can open it before the mode below is set (the umask is process-wide
    // for these few system calls; other threads' files can only come out more private, never less).
    const mode_t previousUmask = ::umask(077);
    const bool opened = file.open(QIODevice::WriteOnly);
    ::umask(previousUmask);
#else
    const bool opened = file.open(QIODevice::WriteOnly);
#endif
    if (!opened)
        return std::unexpected(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // Before the first byte of a secret: the temporary file becomes the real one on commit(), with this mode.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return std::unexpected(
            tr("Cannot make %1 private: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));

    // Verify what the file system did: a file anyone else can read is worse than no file.
    if ((QFileInfo(path).permissions() & kModeBits) != kOwnerOnly) {
        QFile::remove(path);
        return std::unexpected(
            tr("%1 could not be made readable only by you; it was removed.").arg(QDir::toNativeSeparators(path)));
    }
    return {};
}

void FileSecretStore::startRead(SecretJob *job)
{
    const auto secrets = load();
    if (!secrets) {
        switch (secrets.error().problem) {
        case LoadProblem::Missing:
            break;
        case LoadProblem::Damaged:
            qCWarning(lcSecrets) << "Damaged secrets file" << filePath() << "read as empty:" << secrets.error().text;
            break;
        case LoadProblem::Unreadable:
            finishJob(job, SecretJob::Error::Other, secrets.error().text);
            return;
        }
        finishJob(job, SecretJob::Error::NotFound, tr("No secret is stored under this name."));
        return;
    }
    const auto found = secrets->constFind(job->key());
    if (found == secrets->cend())
        finishJob(job, SecretJob::Error::NotFound, tr("No secret is stored under this name."));
    else
        finishJob(job, SecretJob::Error::None, {}, *found);
}

void FileSecretStore::startWrite(SecretJob *job, const QString &value)
{
    auto secrets = load();
    if (!secrets) {
        if (secrets.error().problem == LoadProblem::Unreadable) {
            finishJob(job, SecretJob::Error::Other, secrets.error().text);
            return;
        }
        if (secrets.error().problem == LoadProblem::Damaged)
            qCWarning(lcSecrets) << "Replacing the damaged secrets file" << filePath() << ":" << secrets.error().text;
        secrets = QHash<QString, QString>{};
    }
    secrets->insert(job->key(), value);
    const auto saved = save(*secrets);
    if (!saved)
        finishJob(job, SecretJob::Error::Other, saved.error());
    else
        finishJob(job, SecretJob::Error::None);
}

void FileSecretStore::startRemove(SecretJob *job)
{
    auto secrets = load();
    if (!secrets) {
        switch (secrets.error().problem) {
        case LoadProblem::Missing:
            finishJob(job, SecretJob::Error::None);
            return;
        case LoadProblem::Unreadable:
            finishJob(job, SecretJob::Error::Other, secrets.error().text);
            return;
        case LoadProblem::Damaged:
            // Nothing in it can be read any more, but it may still hold a token's bytes: delete it.
            qCWarning(lcSecrets) << "Deleting the damaged secrets file" << filePath() << ":" << secrets.error().text;
            secrets = QHash<QString, QString>{};
            break;
        }
    } else if (!secrets->remove(job->key())) {
        finishJob(job, SecretJob::Error::None);
        return;
    }
    if (secrets->isEmpty()) {
        QFile file(filePath());
        if (!file.remove()) {
            finishJob(job, SecretJob::Error::Other, file.errorString());
            return;
        }
        finishJob(job, SecretJob::Error::None);
        return;
    }
    const auto saved = save(*secrets);
    if (!saved)
        finishJob(job, SecretJob::Error::Other, saved.error());
    else
        finishJob(job, SecretJob::Error::None);
}

} // namespace inkwell::engine
