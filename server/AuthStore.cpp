#include "server/AuthStore.h"

#include "server/Counters.h"
#include "server/Database.h"
#include "server/Secrets.h"
#include "server/ServerLog.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

AuthStore::AuthStore(const Database &database, PasswordHasher hasher) : m_database(database), m_hasher(hasher) {}

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
