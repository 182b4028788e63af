#pragma once

#include "core/Enums.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QUrl>

#include <memory>

class QHttpServer;

namespace relaydesk::server {

class AuthController;
class AuthStore;
class Database;
class IntakeController;
class ReportStore;
class StreamHub;
class SystemController;
class TicketController;
class TicketStore;
class TriagePolicy;

struct ServiceOptions
{
    QString databasePath;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    int workerThreads = 4;
};

// The Relaydesk service: storage, HTTP API and WebSocket push. Lives on one thread; HTTP runs on that
// thread's event loop, database work on a pool of worker threads.
class Service final : public QObject
{
    Q_OBJECT
public:
    explicit Service(ServiceOptions options, QObject *parent = nullptr);
    ~Service() override;

    bool start(QString *error);                     // open + migrate DB, listen; false with a clear message
    quint16 port() const;
    QUrl baseUrl() const;                           // http://127.0.0.1:PORT
    // Administration, usable before or after start() (open the DB if needed):
    bool addUser(const QString &name, Role role, const QString &password, QString *error);
    QString addClientKey(const QString &name, QString *error);      // returns the new key, empty on error
    QString issueToken(const QString &username, QString *error);    // a session token without a password (embedded sign-in)

private:
    bool ensureDatabase(QString *error);

    ServiceOptions m_options;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuthStore> m_auth;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<TicketStore> m_tickets;
    std::unique_ptr<TriagePolicy> m_triage;
    int m_schemaVersion = 0;
    QThreadPool m_pool; // after the stores: its threads end (closing their connections) before they go

    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<StreamHub> m_hub;
    std::unique_ptr<IntakeController> m_intake;
    std::unique_ptr<AuthController> m_authController;
    std::unique_ptr<TicketController> m_ticketController;
    std::unique_ptr<SystemController> m_system;
    quint16 m_port = 0;
};

} // namespace relaydesk::server
