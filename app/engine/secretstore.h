#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <expected>

namespace inkwell::engine {

/// @brief One read, write or remove of a secret (KJob's shape): it finishes once, then deletes itself.
///
/// A store's read()/write()/remove() return the job already started; connect to `finished` right away — it is
/// never emitted from inside the call that made the job, only later from the event loop. The job belongs to its
/// store: destroying the store destroys its unfinished jobs without a signal.
class SecretJob : public QObject {
    Q_OBJECT
public:
    enum class Error {
        None,         ///< done
        NotFound,     ///< no secret under that key (read only; remove of a missing key succeeds)
        NoBackend,    ///< no keyring to talk to (no D-Bus session, no Secret Service)
        AccessDenied, ///< the keyring is locked or the user refused
        Other,        ///< anything else; errorText() says what
    };
    Q_ENUM(Error)

    /// @brief The key the job works on.
    QString key() const { return m_key; }
    /// @brief The secret, after a read finished with Error::None.
    QString value() const { return m_value; }
    Error error() const { return m_error; }
    /// @brief A readable sentence for the user or the log; empty when error() is None.
    QString errorText() const { return m_errorText; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// @brief Emitted once; the job is deleted (deleteLater) after the slots have run.
    void finished(inkwell::engine::SecretJob *job);

private:
    friend class SecretStore;
    SecretJob(QString key, QObject *parent);

    QString m_key;
    QString m_value;
    QString m_errorText;
    Error m_error = Error::None;
    bool m_finished = false;
    bool m_resultSet = false;
};

/// @brief Where the desktop app keeps secrets (the refresh token): the system keyring, or what the user chose
/// instead. Asynchronous, one job per call; use it from one thread (the one it lives in).
class SecretStore : public QObject {
    Q_OBJECT
public:
    /// @brief What kind of place a store is, so the UI can say where the token lives.
    enum class Kind { SystemKeyring, SessionOnly, PlainFile };
    Q_ENUM(Kind)

    using QObject::QObject;

    virtual Kind kind() const = 0;
    /// @brief Where the secrets are, in words for the user ("the system keyring", ...).
    virtual QString description() const = 0;

    /// @brief Reads the secret under @p key; Error::NotFound when there is none.
    SecretJob *read(const QString &key);
    /// @brief Stores @p value under @p key, replacing what was there.
    SecretJob *write(const QString &key, const QString &value);
    /// @brief Deletes the secret under @p key; succeeds when there was none.
    SecretJob *remove(const QString &key);

protected:
    /// @brief A started job for @p key, owned by this store; finish it with finishJob().
    SecretJob *createJob(const QString &key);
    /// @brief Sets the job's result; `finished` follows from the event loop. Later calls are ignored.
    static void finishJob(SecretJob *job, SecretJob::Error error, const QString &errorText = {},
                          const QString &value = {});

    /// Implementations: do the work and call finishJob() (at once or later). The key is never empty.
    virtual void startRead(SecretJob *job) = 0;
    virtual void startWrite(SecretJob *job, const QString &value) = 0;
    virtual void startRemove(SecretJob *job) = 0;
};

/// @brief The system keyring through QtKeychain (the Secret Service over D-Bus on Linux: GNOME Keyring, KWallet,
/// KeePassXC). Never falls back to a plain-text file by itself: when there is no keyring it says NoBackend and the
/// app asks the user what to do.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    /// @param service the name the entries are filed under in the keyring ("Inkwell"); tests use their own.
    explicit KeychainSecretStore(QString service = QStringLiteral("Inkwell"), QObject *parent = nullptr);

    QString service() const { return m_service; }
    Kind kind() const override { return Kind::SystemKeyring; }
    QString description() const override;

    /// @brief Checks that a working keyring is there: writes a probe entry, reads it back and deletes it.
    /// Finishes with Error::None when all three worked, else with the first error (NoBackend: no keyring at all).
    SecretJob *probe();

protected:
    void startRead(SecretJob *job) override;
    void startWrite(SecretJob *job, const QString &value) override;
    void startRemove(SecretJob *job) override;

private:
    QString m_service;
};

/// @brief Secrets for the life of this process only: nothing is written anywhere. For a user who declined a
/// weaker store (they sign in again next time), and for tests.
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    Kind kind() const override { return Kind::SessionOnly; }
    QString description() const override;

protected:
    void startRead(SecretJob *job) override;
    void startWrite(SecretJob *job, const QString &value) override;
    void startRemove(SecretJob *job) override;

private:
    QHash<QString, QString> m_secrets;
};

/// @brief The weaker fallback, offered only after asking the user: secrets in a JSON file that only the user's
/// account may read or write (mode 0600), *not encrypted*. Writes are atomic (QSaveFile); a damaged file reads as
/// NotFound and is replaced by the next write.
class FileSecretStore : public SecretStore {
    Q_OBJECT
public:
    /// @param folder where the file goes (created with mode 0700 when missing), e.g. the app's data folder.
    explicit FileSecretStore(QString folder, QObject *parent = nullptr);

    /// @brief The file the secrets are in.
    QString filePath() const;
    Kind kind() const override { return Kind::PlainFile; }
    /// @brief Says plainly that the file is not encrypted, and where it is.
    QString description() const override;

protected:
    void startRead(SecretJob *job) override;
    void startWrite(SecretJob *job, const QString &value) override;
    void startRemove(SecretJob *job) override;

private:
    enum class LoadProblem { Missing, Damaged, Unreadable };
    struct LoadError {
        LoadProblem problem;
        QString text;
    };
    std::expected<QHash<QString, QString>, LoadError> load() const;
    std::expected<void, QString> save(const QHash<QString, QString> &secrets) const;

    QString m_folder;
};

} // namespace inkwell::engine
