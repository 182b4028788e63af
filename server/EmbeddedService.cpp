#include "server/EmbeddedService.h"

#include "server/Secrets.h"
#include "server/ServerLog.h"
#include "server/Service.h"

#include <QThread>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

EmbeddedService::EmbeddedService() = default;

EmbeddedService::~EmbeddedService()
{
    stop();
}

bool EmbeddedService::start(const QString &databasePath, QString *error)
{
    return start(EmbeddedOptions{databasePath, {}, {}}, error);
}

bool EmbeddedService::start(const EmbeddedOptions &embedded, QString *error)
{
    if (m_thread) {
        *error = u"the embedded service is already running"_s;
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"relaydesk-embedded-service"_s);
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread->start();

    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            ServiceOptions options;
            options.databasePath = embedded.databasePath;
            options.gatewayUrl = embedded.gatewayUrl;
            options.gatewaySecret = embedded.gatewaySecret;
            auto service = std::make_unique<Service>(options);
            if (!service->start(&message))
                return;
            QString addError;
            // addUser refuses an existing user; then the session below proves it is there.
            const bool added = service->addUser(u"admin"_s, Role::Admin, Secrets::generate() + Secrets::generate(),
                                                &addError);
            m_adminToken = service->issueToken(u"admin"_s, &message);
            if (m_adminToken.isEmpty()) {
                if (!added)
                    message = addError;
                return;
            }
            m_clientKey = service->addClientKey(u"embedded-sim"_s, &message);
            if (m_clientKey.isEmpty())
                return;
            m_baseUrl = service->baseUrl();
            m_service = service.release();
            ok = true;
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = message;
        stop();
        return false;
    }
    qCInfo(lcServer) << "embedded service running at" << m_baseUrl.toString();
    return true;
}

void EmbeddedService::stop()
{
    if (!m_thread)
        return;
    if (m_service) {
        Service *service = m_service;
        QMetaObject::invokeMethod(m_anchor, [service] { delete service; }, Qt::BlockingQueuedConnection);
        m_service = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_anchor = nullptr;
    m_adminToken.clear();
    m_clientKey.clear();
    m_baseUrl.clear();
}

QUrl EmbeddedService::baseUrl() const
{
    return m_baseUrl;
}

QString EmbeddedService::adminToken() const
{
    return m_adminToken;
}

QString EmbeddedService::renewAdminToken(QString *error)
{
    if (!m_service) {
        *error = u"the embedded service is not running"_s;
        return {};
    }
    QString token;
    QString message;
    Service *service = m_service;
    QMetaObject::invokeMethod(
        m_anchor, [&] { token = service->issueToken(u"admin"_s, &message); }, Qt::BlockingQueuedConnection);
    if (token.isEmpty())
        *error = message;
    else
        m_adminToken = token;
    return token;
}

bool EmbeddedService::addUser(const QString &name, Role role, const QString &password, QString *error)
{
    if (!m_service) {
        *error = u"the embedded service is not running"_s;
        return false;
    }
    bool added = false;
    QString message;
    Service *service = m_service;
    QMetaObject::invokeMethod(
        m_anchor, [&] { added = service->addUser(name, role, password, &message); }, Qt::BlockingQueuedConnection);
    if (!added)
        *error = message;
    return added;
}

QString EmbeddedService::clientKey() const
{
    return m_clientKey;
}

} // namespace relaydesk::server
