#pragma once

#include "core/Enums.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

class QObject;
class QThread;

namespace relaydesk::server {

class Service;

// What the embedded service runs with besides its database. With a gateway (the console's --demo points it
// at an in-process sim::GatewaySimulator) tier 1 resends and replies; without one it escalates everything.
struct EmbeddedOptions
{
    QString databasePath;
    QUrl gatewayUrl;          // empty: no gateway
    QByteArray gatewaySecret; // the gateway's shared signing secret
};

// Runs a Service on its own QThread so the caller's (GUI) thread is never blocked by HTTP or SQL.
class EmbeddedService final
{
public:
    EmbeddedService();
    ~EmbeddedService(); // stops the service and joins the thread
    Q_DISABLE_COPY_MOVE(EmbeddedService)

    // Starts on 127.0.0.1 with a random port; ensures a local user "admin" (role admin, random unusable
    // password) exists, creates a fresh client key "embedded-sim" and an admin session; returns once
    // listening. Afterwards baseUrl(), adminToken() and clientKey() are valid.
    bool start(const QString &databasePath, QString *error);
    bool start(const EmbeddedOptions &options, QString *error);
    QUrl baseUrl() const;
    QString adminToken() const;
    // A fresh admin session (the previous one expired or was revoked); empty with *error on failure.
    QString renewAdminToken(QString *error);
    QString clientKey() const;
    // Another account on the embedded service (a colleague's console in tests and demos).
    bool addUser(const QString &name, Role role, const QString &password, QString *error);

private:
    void stop();

    std::unique_ptr<QThread> m_thread;
    QObject *m_anchor = nullptr;   // lives on m_thread; target of the calls made into it
    Service *m_service = nullptr;  // created, used and deleted on m_thread
    QUrl m_baseUrl;
    QString m_adminToken;
    QString m_clientKey;
};

} // namespace relaydesk::server
