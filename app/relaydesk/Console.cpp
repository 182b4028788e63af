#include "Console.h"

#include "models/AlertModel.h"
#include "models/ApiClient.h"
#include "models/CredentialStore.h"
#include "models/IncidentBulkAction.h"
#include "models/IncidentModel.h"
#include "models/KbMirror.h"
#include "models/MetricsFeed.h"
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
#include "sim/TelemetryReporter.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/WelcomeDialog.h"

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
    if (m_telemetryBackfill)
        m_telemetryBackfill->stop();
    if (m_telemetry)
        m_telemetry->stop();
    if (m_sync)
        m_sync->stop();
    if (m_kb)
        m_kb->stop();
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
        m_role = Role::Admin;
        return true;
    }
    m_api = std::make_unique<models::ApiClient>(m_network.get(), m_options.server);
    if (!m_credentials) {
        m_keychain = std::make_unique<models::KeychainCredentialStore>();
        m_credentials = m_keychain.get();
    }
    const QString lastUser = m_settings.value(u"login/lastUser"_s).toString();
    ui::LoginDialog dialog(m_api.get(), lastUser);
    dialog.useCredentialStore(m_credentials, !lastUser.isEmpty() && isRemembered(lastUser));
    if (dialog.exec() != QDialog::Accepted) {
        error->clear();
        return false;
    }
    m_username = dialog.session().username;
    m_role = dialog.session().role;
    m_settings.setValue(u"login/lastUser"_s, m_username);
    setRemembered(m_username, dialog.remembered());
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
    // The knowledge base mirror sits beside the ticket cache; editors mirror drafts and archived articles too.
    const QString kbBase = QDir(m_options.dataDir).filePath(u"cache/%1.kb"_s.arg(file));
    m_kb = std::make_unique<models::KbMirror>(m_api.get(), kbBase + u".sqlite"_s, kbBase + u"-index"_s);
    const bool kbEditor = m_role == Role::Trainer || m_role == Role::Lead || m_role == Role::Admin;
    m_kb->setIncludeDrafts(kbEditor);
    connect(m_sync.get(), &models::SyncEngine::kbChanged, m_kb.get(), &models::KbMirror::onKbChanged);
    connect(m_sync.get(), &models::SyncEngine::stateChanged, m_kb.get(), [kb = m_kb.get()](models::SyncEngine::State state) {
        if (state == models::SyncEngine::State::Live)
            kb->syncNow(); // (re)connected: catch up with what changed while away
    });
    m_actions = std::make_unique<models::TicketActions>(m_api.get());
    // An action's answer carries the ticket's new state: show it at once, before the sync brings it.
    connect(m_actions.get(), &models::TicketActions::ticketUpdated, m_tickets.get(),
            [tickets = m_tickets.get()](const Ticket &t) { tickets->upsert({t}); });

    // The team-lead views: metrics refresh (throttled) when tickets or alerts change; alerts follow the stream.
    m_metrics = std::make_unique<models::MetricsFeed>(m_api.get());
    m_alerts = std::make_unique<models::AlertModel>(m_api.get());
    m_incidents = std::make_unique<models::IncidentModel>(m_api.get());
    m_incidentBulk = std::make_unique<models::IncidentBulkAction>(m_api.get());
    connect(m_sync.get(), &models::SyncEngine::alertMessage, m_alerts.get(), &models::AlertModel::applyStreamMessage);
    connect(m_sync.get(), &models::SyncEngine::alertMessage, m_metrics.get(), &models::MetricsFeed::requestRefresh);
    connect(m_sync.get(), &models::SyncEngine::ticketsArrived, m_metrics.get(), &models::MetricsFeed::requestRefresh);
    connect(m_sync.get(), &models::SyncEngine::stateChanged, m_alerts.get(), [alerts = m_alerts.get()](models::SyncEngine::State state) {
        if (state == models::SyncEngine::State::Live)
            alerts->refresh(); // (re)connected: pick up what changed while away
    });

    ui::MainWindowContext ctx;
    ctx.tickets = m_tickets.get();
    ctx.queues = m_queues.get();
    ctx.timeline = m_timeline.get();
    ctx.details = m_details.get();
    ctx.sync = m_sync.get();
    ctx.actions = m_actions.get();
    ctx.api = m_api.get();
    ctx.kb = m_kb.get();
    ctx.kbEditor = kbEditor;
    ctx.settings = &m_settings;
    ctx.role = m_role;
    ctx.metrics = m_metrics.get();
    ctx.alerts = m_alerts.get();
    ctx.incidents = m_incidents.get();
    ctx.incidentBulk = m_incidentBulk.get();
    ctx.username = m_username;
    ctx.serverLabel = m_embedded ? tr("embedded service") : m_api->baseUrl().toDisplayString();
    ctx.canSignOut = !m_embedded;
    m_window = std::make_unique<ui::MainWindow>(ctx);
    connect(m_window.get(), &ui::MainWindow::signInRequested, this, &Console::signInAgain);
    connect(m_window.get(), &ui::MainWindow::signOutRequested, this, &Console::signOut);
    connect(m_kb.get(), &models::KbMirror::problem, m_window.get(), &ui::MainWindow::notify);
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
    m_kb->start();
    if (m_embedded && !m_options.demo && m_options.welcome)
        showWelcomeOnce();
}

void Console::showWelcomeOnce()
{
    // A flag, not a guess from the data: set when the welcome was dismissed with "don't show again".
    if (m_settings.value(u"firstRun/welcomeDone"_s, false).toBool())
        return;
    m_welcome = new ui::WelcomeDialog(m_options.dataDir, m_window.get());
    m_welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_welcome, &QDialog::finished, this, [this] {
        if (m_welcome)
            m_settings.setValue(u"firstRun/welcomeDone"_s, !m_welcome->showAgain());
    });
    m_welcome->open(); // window-modal, without a nested event loop
}

// Which user names have a password in the keyring, per server: names only (nothing secret), so the
// keyring is not even asked (it may want to be unlocked) for users who never ticked "remember".
bool Console::isRemembered(const QString &user)
{
    const QStringList remembered = m_settings.value(u"login/remembered"_s).toStringList();
    return remembered.contains(models::CredentialStore::keyFor(m_api->baseUrl(), user));
}

void Console::setRemembered(const QString &user, bool remembered)
{
    QStringList list = m_settings.value(u"login/remembered"_s).toStringList();
    const QString key = models::CredentialStore::keyFor(m_api->baseUrl(), user);
    list.removeAll(key);
    if (remembered)
        list.append(key);
    if (list.isEmpty())
        m_settings.remove(u"login/remembered"_s);
    else
        m_settings.setValue(u"login/remembered"_s, list);
}

void Console::signOut()
{
    // Forget first (the keyring needs no server), then end the session on the server, then close.
    setRemembered(m_username, false);
    m_credentials->remove(m_api->baseUrl(), m_username, m_credentials,
                          [](const models::CredentialStore::Result &) {});
    m_sync->stop();
    m_kb->stop();
    // Closed when the server answered (or after 3 s), so the request is not dropped by the quitting app.
    const QPointer<ui::MainWindow> window = m_window.get();
    m_api->logout([window](const models::ApiResult<bool> &) {
        if (window)
            window->close();
    });
    QTimer::singleShot(3000, m_window.get(), [window] { window->close(); });
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
    // A remembered password renews the session by itself (the dialog closes when the server accepts it).
    dialog.useCredentialStore(m_credentials, isRemembered(m_username));
    if (dialog.exec() != QDialog::Accepted)
        return;
    setRemembered(dialog.session().username, dialog.remembered());
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
    startTelemetry(server, clientKey, m_generator->degradedRegion());
}

void Console::startTelemetry(const QUrl &server, const QString &clientKey, const QString &outageRegion)
{
    // The report regions, so a delivery alert points at the region the tickets come from.
    const QStringList regions{u"cn-north"_s, u"cn-east"_s, u"ap-southeast"_s, u"eu-west"_s, u"us-east"_s};
    const quint32 seed = m_options.seed != 0 ? quint32(m_options.seed) : QRandomGenerator::global()->generate();
    constexpr int kBackfillMinutes = 6 * 60;
    constexpr qint64 kMinuteMs = 60'000;
    const auto configure = [&](sim::TelemetryReporter &r) {
        r.setServer(server);
        r.setClientKey(clientKey);
        r.setRegions(regions);
        connect(&r, &sim::TelemetryReporter::failed, m_window.get(), [this](const QString &reason) {
            m_window->notify(tr("Simulator: telemetry was not accepted: %1").arg(reason));
        });
    };
    // The last six hours at once (the baseline the alert rules compare with), ending in an outage of the
    // degraded region that is still going on: the demo opens with a raised delivery alert.
    m_telemetryBackfill = std::make_unique<sim::TelemetryReporter>(m_network.get(), seed);
    configure(*m_telemetryBackfill);
    m_telemetryBackfill->setStart(QDateTime::currentDateTimeUtc().addSecs(-60LL * kBackfillMinutes));
    m_telemetryBackfill->setMinutes(kBackfillMinutes);
    m_telemetryBackfill->setMinuteIntervalMs(2);
    m_telemetryBackfill->addOutage({outageRegion, (kBackfillMinutes - 8) * kMinuteMs, 20 * kMinuteMs, 0.45});
    // Then live, one minute per minute: the outage clears a few minutes in (the alert resolves), and another
    // one comes every half hour.
    m_telemetry = std::make_unique<sim::TelemetryReporter>(m_network.get(), seed + 1);
    configure(*m_telemetry);
    m_telemetry->setGateway(m_gateway.get());
    for (int i = 0; i < 8; ++i)
        m_telemetry->addOutage({regions.at((i + 1) % regions.size()), (25 + 30 * i) * kMinuteMs, 6 * kMinuteMs, 0.4});
    connect(m_telemetryBackfill.get(), &sim::TelemetryReporter::finished, m_telemetry.get(), [this] {
        m_telemetry->setStart(QDateTime::currentDateTimeUtc());
        m_telemetry->start();
    });
    m_telemetryBackfill->start();
}

} // namespace relaydesk::app
