#include "SyncEngine.h"

#include "ApiClient.h"
#include "FutureWatch.h"
#include "TicketCache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

SyncEngine::SyncEngine(ApiClient *api, TicketCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_reconnectPending = false;
        setState(State::Connecting);
        syncNow();
        openStream();
    });
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(50);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_authTimeout.setSingleShot(true);
    m_authTimeout.setInterval(15000);
    connect(&m_authTimeout, &QTimer::timeout, this, [this] {
        m_socket.abort();
        scheduleReconnect(tr("The live connection did not become ready."));
    });

    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{"type"_L1, u"auth"_s}, {"token"_L1, m_api->token()}}).toJson(QJsonDocument::Compact)));
        m_authTimeout.start();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SyncEngine::onStreamMessage);
    connect(&m_socket, &QWebSocket::disconnected, this, &SyncEngine::onStreamClosed);
}

SyncEngine::~SyncEngine()
{
    m_stopped = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void SyncEngine::setBackoff(int firstMs, int maxMs)
{
    m_backoffFirstMs = firstMs;
    m_backoffMaxMs = maxMs;
}

void SyncEngine::setState(State state, const QString &detail)
{
    if (state == m_state && detail.isEmpty())
        return;
    m_state = state;
    emit stateChanged(state, detail);
}

void SyncEngine::start()
{
    m_stopped = false;
    setState(State::LoadingCache);
    whenFinished(this, m_cache->open(), [this](const CacheResult<CachedState> &result) {
        if (m_stopped)
            return;
        if (!result.ok()) {
            emit problem(result.error); // the console still works, only without the offline copy
        } else {
            m_cursor = result.value->cursor;
            if (!result.value->tickets.isEmpty())
                emit ticketsArrived(result.value->tickets);
        }
        setState(State::Connecting);
        syncNow();
        openStream();
    });
}

void SyncEngine::resume()
{
    m_stopped = false;
    m_attempt = 0;
    m_reconnectTimer.stop();
    m_reconnectPending = false;
    setState(State::Connecting);
    syncNow();
    openStream();
}

void SyncEngine::reconnectNow()
{
    if (m_stopped || m_state == State::SignedOut)
        return;
    if (!m_reconnectPending) {
        syncNow();
        return;
    }
    m_reconnectTimer.stop();
    m_reconnectPending = false;
    m_attempt = 0;
    setState(State::Connecting);
    syncNow();
    openStream();
}

void SyncEngine::stop()
{
    m_stopped = true;
    m_reconnectTimer.stop();
    m_coalesceTimer.stop();
    m_authTimeout.stop();
    m_socket.abort();
    setState(State::Idle);
}

void SyncEngine::syncNow()
{
    if (m_stopped || m_state == State::SignedOut)
        return;
    if (m_syncing) {
        m_syncAgain = true;
        return;
    }
    m_syncing = true;
    m_syncAgain = false;
    if (!m_streamReady)
        setState(State::Syncing);
    fetchPage();
}

void SyncEngine::fetchPage()
{
    m_api->fetchTickets(m_cursor, m_pageSize, [this](ApiResult<TicketPage> result) {
        if (m_stopped)
            return;
        if (!result.ok()) {
            m_syncing = false;
            if (result.error.kind == ApiError::Kind::Unauthorized) {
                setState(State::SignedOut, result.error.message);
                m_socket.abort();
                return;
            }
            scheduleReconnect(result.error.message);
            return;
        }
        const TicketPage &page = *result.value;
        if (page.next > m_cursor || !page.tickets.isEmpty()) {
            m_cursor = std::max(m_cursor, page.next);
            whenFinished(this, m_cache->storeTickets(page.tickets, m_cursor), [this](const CacheResult<bool> &stored) {
                if (!stored.ok())
                    emit problem(stored.error);
            });
            if (!page.tickets.isEmpty())
                emit ticketsArrived(page.tickets);
        }
        if (page.hasMore && !page.tickets.isEmpty())
            return fetchPage();
        m_syncing = false;
        m_attempt = 0;
        if (!m_caughtUp) {
            m_caughtUp = true;
            emit caughtUp();
        }
        if (m_streamReady)
            setState(State::Live);
        if (m_syncAgain)
            syncNow();
    });
}

void SyncEngine::openStream()
{
    if (m_stopped)
        return;
    m_streamReady = false;
    m_socket.abort();
    m_socket.open(m_api->streamUrl());
}

void SyncEngine::onStreamMessage(const QString &text)
{
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = msg.value("type"_L1).toString();
    const qint64 seq = msg.value("seq"_L1).toInteger();
    if (type == "ready"_L1) {
        m_authTimeout.stop();
        m_streamReady = true;
        m_attempt = 0;
        if (!m_syncing)
            setState(State::Live);
        if (seq > m_cursor)
            syncNow();
    } else if (type == "ticket.changed"_L1) {
        if (seq > m_cursor && !m_coalesceTimer.isActive())
            m_coalesceTimer.start();
    } else if (type == "kb.changed"_L1) {
        emit kbChanged(seq);
    } else if (type.startsWith("alert."_L1)) {
        emit alertMessage(type, msg.value("alert"_L1).toObject());
    } else if (type == "error"_L1) {
        if (msg.value("code"_L1).toString() == "unauthorized"_L1) {
            setState(State::SignedOut, tr("The service no longer accepts this session. Please sign in again."));
        }
    }
}

void SyncEngine::onStreamClosed()
{
    m_authTimeout.stop();
    m_streamReady = false;
    if (m_stopped || m_state == State::SignedOut)
        return;
    if (m_socket.closeCode() == 4401) {
        setState(State::SignedOut, tr("The service no longer accepts this session. Please sign in again."));
        return;
    }
    const QString reason = m_socket.errorString();
    scheduleReconnect(reason.isEmpty() ? tr("The live connection closed.") : reason);
}

void SyncEngine::scheduleReconnect(const QString &why)
{
    if (m_stopped || m_reconnectPending)
        return;
    m_reconnectPending = true;
    m_streamReady = false;
    m_socket.abort();
    const int exp = std::min(m_attempt, 10);
    const qint64 base = std::min<qint64>(qint64(m_backoffFirstMs) << exp, m_backoffMaxMs);
    // ±20 % jitter so many consoles do not reconnect in lockstep after an outage.
    const qint64 jitter = base / 5;
    const qint64 delay = base - jitter + qint64(QRandomGenerator::global()->bounded(quint32(2 * jitter + 1)));
    ++m_attempt;
    m_reconnectTimer.start(int(delay));
    setState(State::Reconnecting,
             tr("%1 Retrying in %n second(s).", nullptr, int((delay + 999) / 1000)).arg(why));
}

} // namespace relaydesk::models
