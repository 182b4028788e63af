#include "server/AuthStore.h"

#include "server/Counters.h"
#include "server/Database.h"
#include "server/Secrets.h"
#include "server/ServerLog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThreadPool>

#include <deque>
#include <future>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

// Failed sign-ins per user name and per peer address within a sliding window. Bounded: entries whose
// attempts all left the window are dropped whenever the table grows past kPruneAt keys.
struct AuthStore::Limiter
{
    static constexpr qsizetype kPruneAt = 4096;

    QMutex mutex;
    QElapsedTimer clock;
    QHash<QString, std::deque<qint64>> attempts; // "n:" + name or "p:" + address -> times (clock ms)
    int pendingHashes = 0;

    Limiter() { clock.start(); }

    void expire(std::deque<qint64> &times, qint64 now) const
    {
        while (!times.empty() && times.front() <= now - kFailureWindowMs)
            times.pop_front();
    }
    // Seconds until `times` has room again, 0 when it has room now.
    int wait(std::deque<qint64> &times, int max, qint64 now) const
    {
        expire(times, now);
        if (qsizetype(times.size()) < max)
            return 0;
        const qint64 ms = times[times.size() - std::size_t(max)] + kFailureWindowMs - now;
        return int(qMax<qint64>(1, (ms + 999) / 1000));
    }
    void prune(qint64 now)
    {
        if (attempts.size() < kPruneAt)
            return;
        for (auto it = attempts.begin(); it != attempts.end();) {
            expire(it.value(), now);
            it = it.value().empty() ? attempts.erase(it) : std::next(it);
        }
    }
    // Admits an attempt (recording it as failed until forgiven) or says how long to wait.
    int admit(const QString &nameKey, const QString &peerKey)
    {
        const QMutexLocker lock(&mutex);
        const qint64 now = clock.elapsed();
        prune(now);
        const int byName = wait(attempts[nameKey], kMaxFailuresPerName, now);
        const int byPeer = wait(attempts[peerKey], kMaxFailuresPerPeer, now);
        if (byName > 0 || byPeer > 0)
            return qMax(byName, byPeer);
        attempts[nameKey].push_back(now);
        attempts[peerKey].push_back(now);
        return 0;
    }
    // A successful sign-in clears the name's failures and takes this attempt back from the address.
    void forgive(const QString &nameKey, const QString &peerKey)
    {
        const QMutexLocker lock(&mutex);
        attempts.remove(nameKey);
        takeBack(peerKey);
    }
    // An attempt that never reached the password check (busy, storage failure): not a failure.
    void withdraw(const QString &nameKey, const QString &peerKey)
    {
        const QMutexLocker lock(&mutex);
        takeBack(nameKey);
        takeBack(peerKey);
    }
    void takeBack(const QString &key)
    {
        auto it = attempts.find(key);
        if (it != attempts.end() && !it.value().empty())
            it.value().pop_back();
    }
};

AuthStore::AuthStore(const Database &database, PasswordHasher hasher)
    : m_database(database), m_hasher(hasher), m_hashPool(std::make_unique<QThreadPool>()),
      m_limiter(std::make_unique<Limiter>())
{
    m_hashPool->setObjectName(u"relaydesk-hash"_s);
    m_hashPool->setMaxThreadCount(kHashThreads);
    m_hashPool->setExpiryTimeout(-1);
}

AuthStore::~AuthStore()
{
    m_hashPool->waitForDone();
}

AuthStore::LoginOutcome AuthStore::login(const QString &name, const QString &password, const QHostAddress &peer,
                                         QThreadPool *callerPool, QString *error,
                                         const std::shared_ptr<const std::atomic<bool>> &clientGone) const
{
    using Kind = LoginOutcome::Kind;
    const auto gone = [&clientGone] { return clientGone && clientGone->load(std::memory_order_relaxed); };
    if (gone())
        return {Kind::ClientGone, std::nullopt, 0};
    const QString nameKey = u"n:"_s + name;
    const QString peerKey = u"p:"_s + (peer.isNull() ? u"unknown"_s : peer.toString());
    if (const int wait = m_limiter->admit(nameKey, peerKey); wait > 0)
        return {Kind::TooManyAttempts, std::nullopt, wait};

    std::optional<Principal> principal;
    QString stored;
    {
        QSqlDatabase db = m_database.connection(error);
        if (!db.isValid()) {
            m_limiter->withdraw(nameKey, peerKey);
            return {};
        }
        QSqlQuery q(db);
        if (!Database::run(q, u"SELECT id, username, role, password_hash FROM users WHERE username = ?"_s, {name},
                           error)) {
            m_limiter->withdraw(nameKey, peerKey);
            return {};
        }
        if (q.next()) {
            principal = Principal{q.value(0).toLongLong(), q.value(1).toString(),
                                  fromWire<Role>(q.value(2).toString()).value_or(Role::Agent)};
            stored = q.value(3).toString();
        }
    }

    bool busy = false;
    {
        const QMutexLocker lock(&m_limiter->mutex);
        busy = m_limiter->pendingHashes >= kMaxPendingHashes;
        if (!busy)
            ++m_limiter->pendingHashes;
    }
    if (busy) {
        m_limiter->withdraw(nameKey, peerKey);
        return {Kind::Busy, std::nullopt, 1};
    }
    // The hash runs on the hashing thread; this thread waits without counting against its pool. (Not a
    // QFuture: waiting on one may run the queued task on the waiting thread itself.)
    enum Verdict { Wrong, Right, Skipped };
    auto result = std::make_shared<std::promise<Verdict>>();
    std::future<Verdict> verified = result->get_future();
    const bool known = principal.has_value();
    m_hashPool->start([this, result, known, password, stored, clientGone] {
        Verdict verdict = Wrong;
        if (clientGone && clientGone->load(std::memory_order_relaxed))
            verdict = Skipped; // it waited in the queue, and its client has left meanwhile
        else if (known)
            verdict = m_hasher.verify(password, stored) ? Right : Wrong;
        else
            m_hasher.burn(password); // the same work for unknown names: no hint that a name exists
        {
            const QMutexLocker lock(&m_limiter->mutex);
            --m_limiter->pendingHashes;
        }
        result->set_value(verdict);
    });
    if (callerPool)
        callerPool->releaseThread();
    const Verdict verdict = verified.get();
    if (callerPool)
        callerPool->reserveThread();
    if (verdict == Skipped) {
        m_limiter->withdraw(nameKey, peerKey);
        return {Kind::ClientGone, std::nullopt, 0};
    }
    if (verdict == Wrong)
        return {Kind::Invalid, std::nullopt, 0};
    m_limiter->forgive(nameKey, peerKey);
    return {Kind::Ok, principal, 0};
}

bool AuthStore::isValidUsername(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._@-]{1,128}$"_s);
    return pattern.match(name).hasMatch();
}

bool AuthStore::addUser(const QString &name, Role role, const QString &password, QString *error) const
{
    if (!isValidUsername(name)) {
        *error = u"invalid user name \"%1\": use 1-128 letters, digits, '.', '_', '@' or '-'"_s.arg(name.left(140));
        return false;
    }
    if (password.isEmpty()) {
        *error = u"the password must not be empty"_s;
        return false;
    }
    const QString hash = m_hasher.hash(password); // slow: outside the write lock
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return false;
    QSqlQuery q(tx.db());
    if (!Database::run(q, u"SELECT id FROM users WHERE username = ?"_s, {name}, error))
        return false;
    if (q.next()) {
        *error = u"user \"%1\" already exists"_s.arg(name);
        return false;
    }
    const qint64 id = Counters::next(tx.db(), u"user_id"_s, error);
    if (id < 0)
        return false;
    if (!Database::run(q, u"INSERT INTO users (id, username, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                       {id, name, toWire(role), hash, nowMs()}, error))
        return false;
    q.finish();
    if (!tx.commit(error))
        return false;
    qCInfo(lcServer) << "added user" << name << "with role" << toWire(role);
    return true;
}

std::optional<Principal> AuthStore::findUser(const QString &name, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT id, username, role FROM users WHERE username = ?"_s, {name}, error) || !q.next())
        return std::nullopt;
    const auto role = fromWire<Role>(q.value(2).toString());
    if (!role) {
        *error = u"user %1 has an unknown role"_s.arg(name);
        return std::nullopt;
    }
    return Principal{q.value(0).toLongLong(), q.value(1).toString(), *role};
}

std::optional<Principal> AuthStore::verifyPassword(const QString &name, const QString &password, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT id, username, role, password_hash FROM users WHERE username = ?"_s, {name}, error))
        return std::nullopt;
    if (!q.next()) {
        m_hasher.burn(password);
        return std::nullopt;
    }
    Principal principal{q.value(0).toLongLong(), q.value(1).toString(), fromWire<Role>(q.value(2).toString()).value_or(Role::Agent)};
    const QString stored = q.value(3).toString();
    q.finish();
    if (!m_hasher.verify(password, stored))
        return std::nullopt;
    return principal;
}

std::optional<Session> AuthStore::createSession(const Principal &principal, QString *error) const
{
    Session session{Secrets::generate(), {}, principal};
    const qint64 now = nowMs();
    const qint64 expires = now + kSessionLifetimeMs;
    session.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlQuery q(tx.db());
    // Housekeeping: sessions past their expiry are useless; drop them while we hold the write lock.
    if (!Database::run(q, u"DELETE FROM sessions WHERE expires_at <= ?"_s, {now}, error))
        return std::nullopt;
    if (!Database::run(q, u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
                       {Secrets::hash(session.token), principal.userId, now, expires}, error))
        return std::nullopt;
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    return session;
}

std::optional<Principal> AuthStore::authenticateToken(const QString &token, QString *error) const
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id"
                       " WHERE s.token_hash = ? AND s.expires_at > ?"_s,
                       {Secrets::hash(token), nowMs()}, error)
        || !q.next())
        return std::nullopt;
    const auto role = fromWire<Role>(q.value(2).toString());
    if (!role)
        return std::nullopt;
    return Principal{q.value(0).toLongLong(), q.value(1).toString(), *role};
}

std::optional<QList<AssignableAgent>> AuthStore::assignableAgents(QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Database::run(q,
                       u"SELECT u.username, u.role, (SELECT COUNT(*) FROM tickets t WHERE t.assignee = u.username"
                       " AND t.status IN ('claimed', 'waiting_user')) FROM users u WHERE u.role <> 'trainer'"
                       " ORDER BY u.username"_s,
                       {}, error))
        return std::nullopt;
    QList<AssignableAgent> agents;
    while (q.next()) {
        AssignableAgent a;
        a.username = q.value(0).toString();
        a.role = fromWire<Role>(q.value(1).toString()).value_or(Role::Agent);
        a.holding = q.value(2).toLongLong();
        agents.append(std::move(a));
    }
    return agents;
}

bool AuthStore::revokeToken(const QString &token, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return false;
    QSqlQuery q(tx.db());
    if (!Database::run(q, u"DELETE FROM sessions WHERE token_hash = ?"_s, {Secrets::hash(token)}, error))
        return false;
    q.finish();
    return tx.commit(error);
}

QString AuthStore::addClientKey(const QString &name, QString *error) const
{
    if (name.trimmed().isEmpty() || name.size() > 128) {
        *error = u"the key name must be 1-128 characters"_s;
        return {};
    }
    const QString key = Secrets::generate();
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return {};
    const qint64 id = Counters::next(tx.db(), u"client_key_id"_s, error);
    if (id < 0)
        return {};
    QSqlQuery q(tx.db());
    if (!Database::run(q, u"INSERT INTO client_keys (id, name, key_hash, created_at, revoked) VALUES (?, ?, ?, ?, 0)"_s,
                       {id, name, Secrets::hash(key), nowMs()}, error))
        return {};
    q.finish();
    if (!tx.commit(error))
        return {};
    qCInfo(lcServer) << "added client key" << name;
    return key;
}

std::optional<qint64> AuthStore::authenticateClientKey(const QString &key, QString *error) const
{
    if (key.isEmpty() || key.size() > 256)
        return std::nullopt;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT id FROM client_keys WHERE key_hash = ? AND revoked = 0"_s, {Secrets::hash(key)}, error)
        || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace relaydesk::server
