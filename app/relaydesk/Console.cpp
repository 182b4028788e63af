#include "Console.h"

#include "models/ApiClient.h"
#include "models/QueueModel.h"
#include "models/SyncEngine.h"
#include "models/TicketActions.h"
#include "models/TicketCache.h"
#include "models/TicketDetailLoader.h"
#include "models/TicketTableModel.h"
#include "models/TimelineModel.h"
#include "server/EmbeddedService.h"
#include "sim/GatewaySimulator.h"
#include "sim/ReportGenerator.h"
#include "sim/ReportUploader.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QCryptographicHash>
#include <QDir>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

namespace relaydesk::app {

using namespace Qt::StringLiterals;

Console::Console(ConsoleOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(std::make_unique<QNetworkAccessManager>())
{
}

// Members are destroyed in reverse order: the window and simulator go first, the embedded service last.
Console::~Console()
{
    if (m_uploader)
        m_uploader->stop();
    if (m_sync)
        m_sync->stop();
}

bool Console::start(QString *error)
{
    if (!QDir().mkpath(m_options.dataDir)) {
        *error = tr("Cannot create the data directory %1.").arg(m_options.dataDir);
        return false;
    }
    if (!connectService(error))
        return false;
    buildConsole();
    if (m_options.demo) {
        startDemo(m_embedded ? m_embedded->baseUrl() : m_options.server,
                  m_embedded ? m_embedded->clientKey() : m_options.clientKey);
    }
    return true;
}

bool Console::connectService(QString *error)
{
    if (m_options.server.isEmpty()) {
        server::EmbeddedOptions embedded;
        embedded.databasePath = QDir(m_options.dataDir).filePath(u"relaydesk.sqlite"_s);
        QString why;
        if (m_options.demo) {
            // The demo plays the IM platform too, so tier 1 can really resend and reply.
            QByteArray secret(32, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
            m_gateway = std::make_unique<sim::GatewaySimulator>(secret, quint32(m_options.seed ? m_options.seed : 1));
            if (!m_gateway->listen(QHostAddress::LocalHost, 0, &why)) {
                *error = tr("The simulated IM gateway could not start: %1").arg(why);
                return false;
            }
            embedded.gatewayUrl = m_gateway->baseUrl();
            embedded.gatewaySecret = secret;
        }
        m_embedded = std::make_unique<server::EmbeddedService>();
        if (!m_embedded->start(embedded, &why)) {
            *error = tr("The embedded service could not start: %1").arg(why);
            return false;
        }
        m_api = std::make_unique<models::ApiClient>(m_network.get(), m_embedded->baseUrl());
        m_api->setToken(m_embedded->adminToken());
        m_username = u"admin"_s;
        return true;
    }
    m_api = std::make_unique<models::ApiClient>(m_network.get(), m_options.server);
    ui::LoginDialog dialog(m_api.get(), m_settings.value(u"login/lastUser"_s).toString());
    if (dialog.exec() != QDialog::Accepted) {
        error->clear();
        return false;
    }
    m_username = dialog.session().username;
    m_settings.setValue(u"login/lastUser"_s, m_username);
    return true;
}

void Console::buildConsole()
{
    // One cache file per service and user, so switching servers never mixes their tickets.
    const QByteArray key = (m_api->baseUrl().toString(QUrl::StripTrailingSlash) + u'|' + m_username).toUtf8();
    const QString file = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    m_cache = std::make_unique<models::TicketCache>(QDir(m_options.dataDir).filePath(u"cache/%1.sqlite"_s.arg(file)));
    m_tickets = std::make_unique<models::TicketTableModel>();
    m_tickets->setCurrentUser(m_username);
    m_queues = std::make_unique<models::QueueModel>();
    m_timeline = std::make_unique<models::TimelineModel>();
    m_details = std::make_unique<models::TicketDetailLoader>(m_api.get(), m_cache.get());
    m_sync = std::make_unique<models::SyncEngine>(m_api.get(), m_cache.get());
    connect(m_sync.get(), &models::SyncEngine::ticketsArrived, m_tickets.get(), &models::TicketTableModel::upsert);
    m_actions = std::make_unique<models::TicketActions>(m_api.get());
    // An action's answer carries the ticket's new state: show it at once, before the sync brings it.
    connect(m_actions.get(), &models::TicketActions::ticketUpdated, m_tickets.get(),
            [tickets = m_tickets.get()](const Ticket &t) { tickets->upsert({t}); });

    ui::MainWindowContext ctx;
    ctx.tickets = m_tickets.get();
    ctx.queues = m_queues.get();
    ctx.timeline = m_timeline.get();
    ctx.details = m_details.get();
    ctx.sync = m_sync.get();
    ctx.actions = m_actions.get();
    ctx.api = m_api.get();
    ctx.settings = &m_settings;
    ctx.username = m_username;
    ctx.serverLabel = m_embedded ? tr("embedded service") : m_api->baseUrl().toDisplayString();
    m_window = std::make_unique<ui::MainWindow>(ctx);
    connect(m_window.get(), &ui::MainWindow::signInRequested, this, &Console::signInAgain);
    if (m_embedded) {
        // Embedded sessions renew by themselves (at most once a minute, so a broken service cannot loop).
        connect(m_sync.get(), &models::SyncEngine::stateChanged, this, [this](models::SyncEngine::State state) {
            if (state != models::SyncEngine::State::SignedOut)
                return;
            if (m_lastRenewal.isValid() && m_lastRenewal.elapsed() < 60000)
                return;
            m_lastRenewal.start();
            QTimer::singleShot(0, this, &Console::signInAgain);
        });
    }
    m_window->show();
    m_sync->start();
}

void Console::signInAgain()
{
    if (m_embedded) {
        // The local admin needs no password: the embedded service issues a new session.
        QString why;
        const QString token = m_embedded->renewAdminToken(&why);
        if (token.isEmpty()) {
            m_window->notify(tr("Could not renew the session with the embedded service: %1").arg(why));
            return;
        }
        m_api->setToken(token);
        m_sync->resume();
        return;
    }
    ui::LoginDialog dialog(m_api.get(), m_username, m_window.get());
    dialog.setNotice(tr("Your session ended. Sign in again to continue; nothing you synced was lost."));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.session().username != m_username) {
        // A different person: their tickets and cache are not this window's. Keep it simple and honest.
        m_username = dialog.session().username;
        m_window->setUsername(m_username);
    }
    m_sync->resume();
}

void Console::startDemo(const QUrl &server, const QString &clientKey)
{
    sim::GeneratorOptions options;
    options.seed = m_options.seed != 0 ? quint32(m_options.seed) : QRandomGenerator::global()->generate();
    options.start = QDateTime::currentDateTimeUtc();
    options.spacingMs = qint64(1000 / m_options.demoRate);
    m_generator = std::make_unique<sim::ReportGenerator>(options);
    if (m_gateway)
        m_gateway->setRegionDegraded(m_generator->degradedRegion(), true);
    // Each report's hidden truth goes to the simulated gateway, so resends fail or succeed as they would
    // on the real platform for that cause.
    m_uploader = std::make_unique<sim::ReportUploader>(
        m_network.get(), [generator = m_generator.get(), gateway = m_gateway.get()] {
            sim::GeneratedReport generated = generator->next();
            if (gateway) {
                gateway->registerTruth(generated.report.message.clientMessageId, generated.trueCause, generated.family,
                                       generated.report.failure.region);
            }
            return std::move(generated.report);
        });
    m_uploader->setServer(server);
    m_uploader->setClientKey(clientKey);
    m_uploader->setRate(m_options.demoRate);
    m_uploader->setCount(m_options.demoCount);
    connect(m_uploader.get(), &sim::ReportUploader::reportFailed, m_window.get(),
            [this](const QString &id, const QString &reason) {
                m_window->notify(tr("Simulator: report %1 was not accepted: %2").arg(id, reason));
            });
    m_uploader->start();
}

} // namespace relaydesk::app
