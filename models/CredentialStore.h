#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace relaydesk::models {

// Where the console remembers a team-server sign-in: the system keyring, never QSettings. Every call is
// asynchronous (the keyring may have to be unlocked, or answer over D-Bus); `done` runs later on the
// thread that called, and not at all once `context` is gone.
//
// What is kept is the password, one per server URL and user name: a session token lasts 12 hours on the
// service and renewing it needs the password anyway, so a remembered token would mean "asked again
// tomorrow". The password is only sent to the server it was remembered for, and is forgotten when signing
// in with it is refused or the user signs out.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Status
    {
        Found,
        NotFound,
        Unavailable, // no keyring (no Secret Service on D-Bus, e.g. a headless session)
        Failed,      // there is one but it refused (locked and not unlocked, access denied…)
    };
    struct Result
    {
        Status status = Status::NotFound;
        QString secret; // Found only
        QString error;  // Unavailable/Failed: the keyring's words
    };
    using Done = std::function<void(const Result &)>;

    explicit CredentialStore(QObject *parent = nullptr) : QObject(parent) {}
    ~CredentialStore() override = default;

    // Whether a keyring answers at all (asked once, then remembered by implementations).
    virtual void probe(QObject *context, std::function<void(bool available, const QString &why)> done) = 0;
    virtual void read(const QUrl &server, const QString &user, QObject *context, Done done) = 0;
    virtual void write(const QUrl &server, const QString &user, const QString &secret, QObject *context,
                       Done done) = 0;
    virtual void remove(const QUrl &server, const QString &user, QObject *context, Done done) = 0;

    // The keyring entry's name: the server without a trailing slash, and the user.
    static QString keyFor(const QUrl &server, const QString &user)
    {
        return server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString() +
               QLatin1Char(' ') + user;
    }
};

// The system keyring through QtKeychain (Secret Service, KWallet…). Never falls back to a plain-text file.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);

    void probe(QObject *context, std::function<void(bool, const QString &)> done) override;
    void read(const QUrl &server, const QString &user, QObject *context, Done done) override;
    void write(const QUrl &server, const QString &user, const QString &secret, QObject *context,
               Done done) override;
    void remove(const QUrl &server, const QString &user, QObject *context, Done done) override;

private:
    enum class Probe
    {
        Unknown,
        Running,
        Available,
        Unavailable
    };
    Probe m_probe = Probe::Unknown;
    QString m_why;
    QList<std::pair<QPointer<QObject>, std::function<void(bool, const QString &)>>> m_waiting;
};

// For tests: a keyring in memory, answering on the next turn of the event loop like the real one.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit MemoryCredentialStore(bool available = true, QObject *parent = nullptr)
        : CredentialStore(parent), m_available(available)
    {}

    void probe(QObject *context, std::function<void(bool, const QString &)> done) override;
    void read(const QUrl &server, const QString &user, QObject *context, Done done) override;
    void write(const QUrl &server, const QString &user, const QString &secret, QObject *context,
               Done done) override;
    void remove(const QUrl &server, const QString &user, QObject *context, Done done) override;

    const QHash<QString, QString> &secrets() const { return m_secrets; }

private:
    void later(QObject *context, Done done, Result result);

    bool m_available;
    QHash<QString, QString> m_secrets;
};

} // namespace relaydesk::models
