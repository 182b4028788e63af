#include "server/Service.h"

#include "server/ActionController.h"
#include "server/ActionStore.h"
#include "server/AlertController.h"
#include "server/AlertMonitor.h"
#include "server/AlertStore.h"
#include "server/AuthController.h"
#include "server/AuthStore.h"
#include "server/Database.h"
#include "server/DiagnosingPolicy.h"
#include "server/GatewayClient.h"
#include "server/IncidentController.h"
#include "server/IncidentStore.h"
#include "server/IntakeController.h"
#include "server/KbController.h"
#include "server/KbStarter.h"
#include "server/KbStore.h"
#include "server/MetricsController.h"
#include "server/MetricsRollupReader.h"
#include "server/MetricsRollups.h"
#include "server/MetricsStore.h"
#include "server/Migrations.h"
#include "server/OutboxDispatcher.h"
#include "server/OutboxStore.h"
#include "server/ReportStore.h"
#include "core/diagnosis/Diagnoser.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/SurveyController.h"
#include "server/SurveyStore.h"
#include "server/SystemController.h"
#include "server/TelemetryController.h"
#include "server/TelemetryStore.h"
#include "server/TicketController.h"
#include "server/TicketStore.h"

#include <QElapsedTimer>
#include <QFile>
#include "server/http/HttpEngine.h"
#include "server/http/Router.h"

#include <QtConcurrent/QtConcurrentRun>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

Service::Service(ServiceOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_pool.setMaxThreadCount(qMax(1, m_options.workerThreads));
    m_pool.setExpiryTimeout(-1); // each worker keeps its database connection for the service's life
    m_pool.setObjectName(u"relaydesk-db"_s);
}

Service::~Service()
{
    // Stop sending and taking requests, let running database work finish, then tear down what it used.
    // Outbox rows in flight stay pending and are resumed (same Idempotency-Key) by the next start.
    if (m_alertMonitor)
        m_alertMonitor->stop();
    m_dispatcher.reset();
    m_gateway.reset();
    m_hub.reset();  // streams are told the service is going (1001)
    m_http.reset(); // every connection closed, the I/O threads stopped
    m_router.reset();
    m_pool.waitForDone();
    m_pool.clear();
    if (m_port != 0)
        qCInfo(lcServer) << "service on port" << m_port << "stopped";
}

bool Service::ensureDatabase(QString *error)
{
    if (m_database)
        return true;
    if (m_options.databasePath.isEmpty()) {
        *error = u"no database file given"_s;
        return false;
    }
    auto database = std::make_unique<Database>(m_options.databasePath);
    // Every connection lives on a pool thread; migrations too.
    const auto [version, message] = QtConcurrent::run(&m_pool, [db = database.get()] {
                                        QString e;
                                        const int v = Migrations::migrate(*db, &e);
                                        return std::pair<int, QString>(v, e);
                                    }).result();
    if (version < 0) {
        *error = message.isEmpty() ? u"cannot prepare the database %1"_s.arg(m_options.databasePath) : message;
        return false;
    }
    m_schemaVersion = version;
    m_database = std::move(database);
    m_auth = std::make_unique<AuthStore>(*m_database);
    m_reports = std::make_unique<ReportStore>(*m_database);
    m_tickets = std::make_unique<TicketStore>(*m_database);
    m_outbox = std::make_unique<OutboxStore>(*m_database);
    m_kb = std::make_unique<KbStore>(*m_database);
    // Surveys go out through the gateway: without one, resolving sends none.
    if (m_options.gatewayUrl.isValid() && !m_options.gatewayUrl.isEmpty())
        m_surveys = std::make_unique<SurveyStore>(*m_database, m_options.surveyUrl);
    m_incidents = std::make_unique<IncidentStore>(*m_database, m_options.incidentWindowMs);
    m_actions = std::make_unique<ActionStore>(*m_database, *m_tickets, m_surveys.get());
    m_telemetry = std::make_unique<TelemetryStore>(*m_database);
    m_metrics = std::make_unique<MetricsStore>(*m_database);
    m_alerts = std::make_unique<AlertStore>(*m_database);
    return true;
}

bool Service::createTriage(QString *error)
{
    RuleSet rules;
    if (m_options.rulesJson.isEmpty()) {
        rules = defaultRules();
    } else {
        auto loaded = loadRules(m_options.rulesJson);
        if (!loaded.ok()) {
            *error = u"invalid diagnosis rules: %1"_s.arg(loaded.error().toString());
            return false;
        }
        rules = std::move(loaded).value();
    }
    ReplyTemplates replies;
    QString repliesError;
    if (m_options.tier1.repliesFile.isEmpty()) {
        if (!replies.loadBuiltIn(&repliesError)) {
            *error = repliesError;
            return false;
        }
    } else {
        QFile file(m_options.tier1.repliesFile);
        if (!file.open(QIODevice::ReadOnly) || !replies.load(file.readAll(), &repliesError)) {
            *error = u"cannot load reply templates %1: %2"_s.arg(
                m_options.tier1.repliesFile, repliesError.isEmpty() ? file.errorString() : repliesError);
            return false;
        }
    }
    const bool gateway = m_options.gatewayUrl.isValid() && !m_options.gatewayUrl.isEmpty();
    qCInfo(lcServer) << "diagnosis rules" << rules.version() << "with" << rules.rules().size() << "rules;"
                     << replies.size() << "reply templates;"
                     << (gateway ? u"gateway %1"_s.arg(m_options.gatewayUrl.toString()) : u"no gateway"_s);
    m_triage = std::make_unique<DiagnosingPolicy>(Diagnoser(std::move(rules)),
                                                  Tier1Planner(m_options.tier1, std::move(replies), gateway));
    return true;
}

bool Service::start(QString *error)
{
    if (m_http) {
        *error = u"the service is already running"_s;
        return false;
    }
    if (!ensureDatabase(error) || !createTriage(error))
        return false;
    // The starter knowledge base, once, into a fresh database; a bad starter file is our bug: refuse to start.
    const auto [seeded, kbError] = QtConcurrent::run(&m_pool, [this] {
                                       QString e;
                                       const int n = KbStarter::seed(*m_kb, m_options.kbStarterDir, &e);
                                       return std::pair<int, QString>(n, e);
                                   }).result();
    if (seeded < 0) {
        *error = kbError;
        return false;
    }
    if (seeded > 0)
        qCInfo(lcServer) << "loaded" << seeded << "starter knowledge base articles";
    // The metrics rollups, built from the rows when missing (new or upgraded database) or made for other SLA
    // targets; every writer keeps them in step from then on.
    const auto [rolledUp, rollupError, rollupMs] = QtConcurrent::run(&m_pool, [this] {
        QString e;
        QElapsedTimer timer;
        timer.start();
        const qint64 n = MetricsRollups::ensure(*m_database, m_options.sla, &e);
        return std::tuple<qint64, QString, qint64>(n, e, timer.elapsed());
    }).result();
    if (rolledUp < 0) {
        *error = u"cannot build the metrics rollups: %1"_s.arg(rollupError);
        return false;
    }
    if (rolledUp > 0)
        qCInfo(lcStorage) << "built the metrics rollups from" << rolledUp << "tickets in" << rollupMs << "ms";
    m_rollups = std::make_unique<MetricsRollupReader>(*m_database, m_options.sla);

    m_router = std::make_unique<Router>();
    m_hub = std::make_unique<StreamHub>(*m_auth, *m_tickets, m_pool);
    m_hub->attach(*m_router);
    if (m_options.gatewayUrl.isValid() && !m_options.gatewayUrl.isEmpty()) {
        m_gateway = std::make_unique<GatewayClient>(m_options.gatewayUrl, m_options.gatewaySecret,
                                                    int(m_options.tier1.timeoutMs));
        m_dispatcher = std::make_unique<OutboxDispatcher>(*m_outbox, *m_gateway, m_options.tier1, *m_hub, m_pool);
    }
    m_alertMonitor = std::make_unique<AlertMonitor>(*m_telemetry, *m_metrics, *m_alerts, *m_hub, m_pool,
                                                    m_options.alerts, m_options.sla, m_options.clock);
    ServiceContext context;
    context.pool = &m_pool;
    context.auth = m_auth.get();
    context.reports = m_reports.get();
    context.tickets = m_tickets.get();
    context.triage = m_triage.get();
    context.hub = m_hub.get();
    context.dispatcher = m_dispatcher.get();
    context.schemaVersion = m_schemaVersion;
    context.actions = m_actions.get();
    context.kb = m_kb.get();
    context.regions = m_options.tier1.regions;
    context.telemetry = m_telemetry.get();
    context.metrics = m_metrics.get();
    context.rollups = m_options.metricsFromRollups ? m_rollups.get() : nullptr;
    context.alerts = m_alerts.get();
    context.alertMonitor = m_alertMonitor.get();
    context.sla = m_options.sla;
    context.clock = m_options.clock;
    context.surveys = m_surveys.get();
    context.incidents = m_incidents.get();
    m_intake = std::make_unique<IntakeController>(context);
    m_authController = std::make_unique<AuthController>(context);
    m_ticketController = std::make_unique<TicketController>(context);
    m_actionController = std::make_unique<ActionController>(context);
    m_kbController = std::make_unique<KbController>(context);
    m_system = std::make_unique<SystemController>(context);
    m_surveyController = std::make_unique<SurveyController>(context);
    m_incidentController = std::make_unique<IncidentController>(context);
    m_telemetryController = std::make_unique<TelemetryController>(context);
    m_metricsController = std::make_unique<MetricsController>(context);
    m_alertController = std::make_unique<AlertController>(context);
    m_intake->registerRoutes(*m_router);
    m_authController->registerRoutes(*m_router);
    m_actionController->registerRoutes(*m_router); // before /tickets/<arg>: the first matching rule answers
    m_ticketController->registerRoutes(*m_router);
    m_surveyController->registerRoutes(*m_router);
    m_incidentController->registerRoutes(*m_router);
    m_system->registerRoutes(*m_router);
    m_kbController->registerRoutes(*m_router);
    m_telemetryController->registerRoutes(*m_router);
    m_metricsController->registerRoutes(*m_router);
    m_alertController->registerRoutes(*m_router);
    // Listen last: every route is in place before the first request can arrive.
    auto http = std::make_unique<HttpEngine>(*m_router, m_options.http);
    if (!http->listen(m_options.address, m_options.port, error))
        return false;
    m_port = http->port();
    m_http = std::move(http);
    if (m_surveys && m_options.surveyUrl.isEmpty())
        m_surveys->setUrlTemplate(baseUrl().toString() + u"/api/v1/surveys/{token}"_s);
    m_alertMonitor->start();
    if (m_dispatcher)
        m_dispatcher->start(); // resumes what a previous run decided but did not finish
    qCInfo(lcServer) << "listening on" << m_options.address.toString() << "port" << m_port << "database"
                     << m_options.databasePath << "schema version" << m_schemaVersion;
    return true;
}

quint16 Service::port() const
{
    return m_port;
}

QUrl Service::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    const bool any = m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4
                     || m_options.address == QHostAddress::AnyIPv6;
    url.setHost(any ? u"127.0.0.1"_s : m_options.address.toString());
    url.setPort(m_port);
    return url;
}

bool Service::addUser(const QString &name, Role role, const QString &password, QString *error)
{
    if (!ensureDatabase(error))
        return false;
    const auto [ok, message] = QtConcurrent::run(&m_pool, [this, name, role, password] {
                                   QString e;
                                   const bool added = m_auth->addUser(name, role, password, &e);
                                   return std::pair<bool, QString>(added, e);
                               }).result();
    if (!ok)
        *error = message;
    return ok;
}

QString Service::addClientKey(const QString &name, QString *error)
{
    if (!ensureDatabase(error))
        return {};
    const auto [key, message] = QtConcurrent::run(&m_pool, [this, name] {
                                    QString e;
                                    QString k = m_auth->addClientKey(name, &e);
                                    return std::pair<QString, QString>(k, e);
                                }).result();
    if (key.isEmpty())
        *error = message;
    return key;
}

QString Service::issueToken(const QString &username, QString *error)
{
    if (!ensureDatabase(error))
        return {};
    const auto [token, message] = QtConcurrent::run(&m_pool, [this, username] {
                                      QString e;
                                      const auto principal = m_auth->findUser(username, &e);
                                      if (!principal) {
                                          if (e.isEmpty())
                                              e = u"no user \"%1\""_s.arg(username);
                                          return std::pair<QString, QString>({}, e);
                                      }
                                      const auto session = m_auth->createSession(*principal, &e);
                                      return std::pair<QString, QString>(session ? session->token : QString(), e);
                                  }).result();
    if (token.isEmpty())
        *error = message;
    return token;
}

} // namespace relaydesk::server
