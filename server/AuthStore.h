#pragma once

#include "core/AgentCodec.h"
#include "core/Enums.h"
#include "server/PasswordHasher.h"

#include <QDateTime>
#include <QHostAddress>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;

namespace relaydesk::server {

class Database;

// Who made an authenticated request.
struct Principal
{
    qint64 userId = 0;
    QString username;
    Role role = Role::Agent;
};

struct Session
{
    QString token; // the bearer secret; shown once, stored only as a hash
    QDateTime expiresAt;
    Principal principal;
};

// Users, sessions and client keys. Thread-safe (each call uses the calling thread's connection);
// meant to run on the service's worker threads. Storage failures return nullopt/false with *error set;
// "not found" or "wrong password" return nullopt with *error left empty.
class AuthStore final
{
public:
    static constexpr qint64 kSessionLifetimeMs = 12LL * 60 * 60 * 1000;

    AuthStore(const Database &database, PasswordHasher hasher = PasswordHasher());
    ~AuthStore();
    Q_DISABLE_COPY_MOVE(AuthStore)

    // Usernames: 1-128 characters, letters, digits and . _ @ -.
    static bool isValidUsername(const QString &name);

    bool addUser(const QString &name, Role role, const QString &password, QString *error) const;
    std::optional<Principal> findUser(const QString &name, QString *error) const;
    // nullopt and an empty *error: unknown user or wrong password (indistinguishable on purpose).
    std::optional<Principal> verifyPassword(const QString &name, const QString &password, QString *error) const;

    // Failed-login limits (docs/api.md "Sign-in"): an attempt counts as failed until it succeeds; a name gets
    // kMaxFailuresPerName, an address kMaxFailuresPerPeer within kFailureWindowMs.
    static constexpr int kMaxFailuresPerName = 5;
    static constexpr int kMaxFailuresPerPeer = 30;
    static constexpr qint64 kFailureWindowMs = 60 * 1000;
    // Password hashing runs on its own thread (kHashThreads) with at most kMaxPendingHashes waiting, so
    // sign-ins never occupy the database pool's threads with PBKDF2.
    static constexpr int kHashThreads = 1;
    static constexpr int kMaxPendingHashes = 32;

    struct LoginOutcome
    {
        enum class Kind { Ok, Invalid, TooManyAttempts, Busy, Failed, ClientGone };
        Kind kind = Kind::Failed;
        std::optional<Principal> principal; // Ok
        int retryAfterSeconds = 0;          // TooManyAttempts, Busy
    };
    // A sign-in: the limits, the user's row, then the hash on the hashing thread. Called on a thread of
    // `callerPool` (may be null), which is released while this thread waits for the hash (QThreadPool::
    // releaseThread), so the pool keeps serving other requests meanwhile. Failed: *error says why.
    // `clientGone` (may be null) set before the hash begins: the hash is skipped and the attempt withdrawn
    // (ClientGone), so a client that sends sign-ins and drops them costs neither hashing nor limit slots.
    // Who a ticket can be transferred to (anyone but trainers, as the transfer action checks), by name, with
    // the tickets each holds now.
    std::optional<QList<AssignableAgent>> assignableAgents(QString *error) const;

    LoginOutcome login(const QString &name, const QString &password, const QHostAddress &peer,
                       QThreadPool *callerPool, QString *error,
                       const std::shared_ptr<const std::atomic<bool>> &clientGone = {}) const;

    std::optional<Session> createSession(const Principal &principal, QString *error) const;
    // The principal of a live (unexpired) session token.
    std::optional<Principal> authenticateToken(const QString &token, QString *error) const;
    bool revokeToken(const QString &token, QString *error) const;

    // Returns the new key (shown once), empty on error.
    QString addClientKey(const QString &name, QString *error) const;
    // The id of a valid client key.
    std::optional<qint64> authenticateClientKey(const QString &key, QString *error) const;

private:
    struct Limiter;
    const Database &m_database;
    PasswordHasher m_hasher;
    std::unique_ptr<QThreadPool> m_hashPool;
    std::unique_ptr<Limiter> m_limiter;
};

} // namespace relaydesk::server
