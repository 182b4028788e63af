#pragma once

#include <QString>
#include <QUrl>

#include <memory>

class QObject;
class QThread;

namespace relaydesk::server {

class Service;

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
    QUrl baseUrl() const;
    QString adminToken() const;
    QString clientKey() const;

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
