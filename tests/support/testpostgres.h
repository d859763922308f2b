#pragma once

#include "db/connectionparams.h"
#include "db/embeddedpostgres.h"

#include <QTemporaryDir>

#include <memory>

namespace inkwell::test {

/// @brief A throwaway PostgreSQL for one test binary: a fresh cluster in a temporary folder on a
/// free loopback port, without fsync. Stopped and deleted when the object dies, also after failures.
class TestPostgres {
public:
    TestPostgres();
    ~TestPostgres();
    TestPostgres(const TestPostgres &) = delete;
    TestPostgres &operator=(const TestPostgres &) = delete;

    /// @brief Empty when the cluster is up; otherwise why it is not.
    QString error() const { return m_error; }
    const server::ConnectionParams &params() const { return m_params; }
    /// @brief `postgres://inkwell:...@127.0.0.1:PORT/inkwell`
    QString url() const;
    /// @brief Stops the server (to test "database down"); start() brings it back on the same port.
    bool stop();
    bool start();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::EmbeddedPostgres> m_postgres;
    server::ConnectionParams m_params;
    QString m_error;
};

} // namespace inkwell::test
