#include "sim/GatewaySimulator.h"

#include "sim/GatewayHttpServer.h"
#include "sim/GatewayLedger.h"
#include "sim/GatewayOutcomes.h"

#include "core/GatewaySigning.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTimer>

#include <utility>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr int kOutageRetryAfter = 5;
constexpr qsizetype kMaxKeyLength = 255;

enum class FieldType
{
    Text,
    OptionalText,
    Id
};

struct Field
{
    QLatin1StringView name;
    FieldType type;
};

GatewayAnswer error(int status, const QString &code, const QString &message, const QString &field = {})
{
    QJsonObject body{{"code"_L1, code}, {"message"_L1, message}};
    if (!field.isEmpty())
        body.insert("field"_L1, field);
    GatewayAnswer answer;
    answer.status = status;
    answer.body = QJsonObject{{"error"_L1, body}};
    return answer;
}

// 400 with a code naming the field ("invalid_recipient_id"; the header gives "invalid_idempotency_key").
GatewayAnswer invalidField(const QString &field)
{
    const QString name = field.toLower().replace(u'-', u'_');
    return error(400, u"invalid_%1"_s.arg(name), u"%1 is missing or invalid"_s.arg(field), field);
}

GatewayAnswer success(const QString &status, const QString &deliveryId)
{
    GatewayAnswer answer;
    answer.body = QJsonObject{{"status"_L1, status}, {"delivery_id"_L1, deliveryId}};
    return answer;
}

GatewayAnswer outage(const QString &region)
{
    GatewayAnswer answer = error(503, u"REGION_UNAVAILABLE"_s, u"region %1 is unavailable"_s.arg(region));
    answer.retryAfterSeconds = kOutageRetryAfter;
    return answer;
}

// The first field that is missing or has the wrong type, empty when all are fine.
QString firstInvalid(const QJsonObject &body, std::initializer_list<Field> fields)
{
    for (const Field &field : fields) {
        const QJsonValue value = body.value(field.name);
        switch (field.type) {
        case FieldType::Text:
            if (!value.isString() || value.toString().trimmed().isEmpty())
                return field.name;
            break;
        case FieldType::OptionalText:
            if (!value.isUndefined() && !value.isNull() && !value.isString())
                return field.name;
            break;
        case FieldType::Id:
            if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() != double(value.toInteger()))
                return field.name;
            break;
        }
    }
    return {};
}

// The JSON object body, or an error answer naming what is wrong.
std::optional<GatewayAnswer> parseBody(const QByteArray &raw, QJsonObject *body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, u"invalid_json"_s, u"the body must be a JSON object"_s, u"body"_s);
    *body = document.object();
    return std::nullopt;
}

// What every gateway request must carry before its outcome is decided: an Idempotency-Key not used for
// another target, and a JSON body whose fields are valid. Returns the refusal, or fills key and body.
std::optional<GatewayAnswer> checkRequest(const GatewayRequest &request, const QString &target,
                                          std::initializer_list<Field> fields, const GatewayLedger &ledger,
                                          QString *key, QJsonObject *body)
{
    *key = QString::fromUtf8(request.header(kGatewayIdempotencyHeader));
    if (key->trimmed().isEmpty() || key->size() > kMaxKeyLength)
        return invalidField(QString::fromLatin1(kGatewayIdempotencyHeader));
    if (auto bad = parseBody(request.body, body))
        return bad;
    if (const QString field = firstInvalid(*body, fields); !field.isEmpty())
        return invalidField(field);
    const QString prior = ledger.targetOf(*key);
    if (!prior.isEmpty() && prior != target)
        return error(422, u"IDEMPOTENCY_KEY_REUSED"_s, u"this Idempotency-Key was used for %1"_s.arg(prior));
    return std::nullopt;
}

} // namespace

GatewaySimulator::GatewaySimulator(const QByteArray &secret, quint32 seed, QObject *parent)
    : QObject(parent), m_secret(secret), m_ledger(std::make_unique<GatewayLedger>()),
      m_outcomes(std::make_unique<GatewayOutcomes>(seed))
{}

GatewaySimulator::~GatewaySimulator() = default;

bool GatewaySimulator::listen(const QHostAddress &address, quint16 port, QString *error)
{
    QString message;
    if (m_http) {
        message = u"the gateway is already listening"_s;
    } else {
        auto http =
            std::make_unique<GatewayHttpServer>([this](const GatewayRequest &request) { handle(request); });
        auto *tcp = new QTcpServer(http.get());
        if (tcp->listen(address, port)) {
            http->bind(tcp);
            m_port = tcp->serverPort();
            m_address = address;
            m_http = std::move(http);
            return true;
        }
        message = u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(tcp->errorString());
    }
    if (error)
        *error = message;
    return false;
}

QUrl GatewaySimulator::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    const bool any = m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4 ||
                     m_address == QHostAddress::AnyIPv6;
    url.setHost(any ? u"127.0.0.1"_s : m_address.toString());
    url.setPort(m_port);
    return url;
}

void GatewaySimulator::registerTruth(const QString &clientMessageId, Cause cause, const QString &family,
                                     const QString &region)
{
    m_outcomes->registerTruth(clientMessageId, {cause, family, region});
}

void GatewaySimulator::setRegionDegraded(const QString &region, bool degraded)
{
    m_outcomes->setRegionDegraded(region, degraded);
}

void GatewaySimulator::setRegionDown(const QString &region, bool down)
{
    m_outcomes->setRegionDown(region, down);
}

bool GatewaySimulator::isRegionDown(const QString &region) const
{
    return m_outcomes->isRegionDown(region);
}

void GatewaySimulator::setLatency(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void GatewaySimulator::setTransientFailureRate(double rate)
{
    m_outcomes->setTransientFailureRate(rate);
}

void GatewaySimulator::setStallMs(int ms)
{
    m_outcomes->setStallMs(ms);
}

qint64 GatewaySimulator::duplicatesSuppressed() const
{
    return m_ledger->duplicatesSuppressed();
}

int GatewaySimulator::deliveriesForKey(const QString &idempotencyKey) const
{
    return m_ledger->deliveriesForKey(idempotencyKey);
}

int GatewaySimulator::deliveriesForMessage(const QString &clientMessageId) const
{
    return m_ledger->deliveriesForMessage(clientMessageId);
}

int GatewaySimulator::attemptsForMessage(const QString &clientMessageId) const
{
    return m_ledger->attemptsForMessage(clientMessageId);
}

QList<GatewayDelivery> GatewaySimulator::deliveries() const
{
    return m_ledger->deliveries();
}

QJsonObject GatewaySimulator::receivedJson() const
{
    QJsonArray list;
    for (const GatewayDelivery &d : m_ledger->deliveries()) {
        QJsonObject item{{"idempotency_key"_L1, d.idempotencyKey},
                         {"kind"_L1, d.kind},
                         {"region"_L1, d.region},
                         {"attempts"_L1, d.attempts},
                         {"delivered"_L1, d.delivered}};
        if (d.kind == "resend"_L1)
            item.insert("client_message_id"_L1, d.clientMessageId);
        else
            item.insert("user_id"_L1, d.userId);
        list.append(item);
    }
    return QJsonObject{{"deliveries"_L1, list},
                       {"duplicates_suppressed"_L1, m_ledger->duplicatesSuppressed()},
                       {"total_requests"_L1, m_totalRequests},
                       {"in_flight"_L1, m_inFlight},
                       {"max_in_flight"_L1, m_maxInFlight}};
}

void GatewaySimulator::handle(const GatewayRequest &request)
{
    ++m_totalRequests;
    m_routedRegion.clear();
    const GatewayAnswer result = answer(request);
    send(request, result);
}

void GatewaySimulator::send(const GatewayRequest &request, const GatewayAnswer &answer)
{
    const bool counted = !request.path.startsWith("/v1/_sim/");
    const QString region = m_routedRegion;
    if (counted) {
        ++m_inFlight;
        m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
        int &n = m_regionInFlight[region];
        ++n;
        int &max = m_regionMaxInFlight[region];
        max = qMax(max, n);
    }
    if (m_hold && counted) {
        m_held.append([this, request, answer, region] { schedule(request, answer, region); });
        return;
    }
    schedule(request, answer, region);
}

void GatewaySimulator::schedule(const GatewayRequest &request, const GatewayAnswer &answer, const QString &region)
{
    const bool counted = !request.path.startsWith("/v1/_sim/");
    const QString path = QString::fromUtf8(request.path);
    const int delayMs = m_latencyMs + answer.delayMs;
    if (delayMs == 0 && !answer.drop) {
        GatewayHttpServer::reply(request.socket, answer);
        if (counted)
            finish(region);
        Q_EMIT answered(path, answer.status);
        return;
    }
    // Dropping is deferred too: the transport is still reading from the socket right now.
    QTimer::singleShot(delayMs, this, [this, socket = request.socket, answer, path, region, counted] {
        GatewayHttpServer::reply(socket, answer);
        if (counted)
            finish(region);
        Q_EMIT answered(path, answer.drop ? 0 : answer.status);
    });
}

void GatewaySimulator::finish(const QString &region)
{
    --m_inFlight;
    --m_regionInFlight[region];
}

void GatewaySimulator::resetMaxInFlight()
{
    m_maxInFlight = m_inFlight;
    m_regionMaxInFlight = m_regionInFlight;
}

void GatewaySimulator::setHoldAnswers(bool hold)
{
    m_hold = hold;
    if (hold)
        return;
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &release : held)
        release();
}

GatewayAnswer GatewaySimulator::answer(const GatewayRequest &request)
{
    const QList<QByteArray> parts = request.path.split('/');
    if (parts.size() >= 3 && parts.at(1) == "v1" && parts.at(2) == "_sim")
        return simRequest(request);
    const bool resendPath = parts.size() == 5 && parts.at(1) == "v1" && parts.at(2) == "messages" &&
                            !parts.at(3).isEmpty() && parts.at(4) == "resend";
    const bool noticePath = parts.size() == 5 && parts.at(1) == "v1" && parts.at(2) == "users" &&
                            !parts.at(3).isEmpty() && parts.at(4) == "notices";
    if (!resendPath && !noticePath)
        return error(404, u"not_found"_s, u"no such endpoint"_s);
    if (request.method != "POST")
        return error(405, u"method_not_allowed"_s, u"only POST is allowed here"_s);

    bool ok = false;
    const qint64 timestamp = request.header(kGatewayTimestampHeader).toLongLong(&ok);
    if (!ok || !gatewaySignatureMatches(m_secret, timestamp, request.method, request.path, request.body,
                                        request.header(kGatewaySignatureHeader)))
        return error(401, u"bad_signature"_s, u"the request signature does not match"_s);
    if (qAbs(QDateTime::currentSecsSinceEpoch() - timestamp) > kGatewayMaxSkewSeconds)
        return error(401, u"stale_timestamp"_s, u"the request timestamp is more than 300 s away"_s);

    const QString id = QUrl::fromPercentEncoding(parts.at(3));
    return resendPath ? resend(request, id) : notice(request, id);
}

GatewayAnswer GatewaySimulator::resend(const GatewayRequest &request, const QString &clientMessageId)
{
    QString key;
    QJsonObject body;
    if (auto bad = checkRequest(request, u"resend:"_s + clientMessageId,
                                {{"conversation_id"_L1, FieldType::Text},
                                 {"recipient_id"_L1, FieldType::Text},
                                 {"region"_L1, FieldType::OptionalText},
                                 {"ticket_id"_L1, FieldType::Id}},
                                *m_ledger, &key, &body))
        return *bad;

    const QString region = m_outcomes->route(clientMessageId, body.value("region"_L1).toString());
    m_routedRegion = region;
    m_ledger->attempt(key, u"resend"_s, clientMessageId, region);
    if (m_outcomes->isRegionDown(region))
        return outage(region);
    if (const QString done = m_ledger->deliveryIdOfKey(key); !done.isEmpty()) {
        m_ledger->suppress(key, done);
        return success(u"duplicate_suppressed"_s, done);
    }
    if (const auto final = m_ledger->finalOf(key)) {
        GatewayAnswer replay;
        replay.status = final->status;
        replay.body = final->body;
        return replay;
    }
    if (const QString done = m_ledger->deliveryIdOfMessage(clientMessageId); !done.isEmpty()) {
        m_ledger->suppress(key, done);
        return success(u"duplicate_suppressed"_s, done);
    }

    const ResendOutcome outcome = m_outcomes->resend(clientMessageId, region);
    GatewayAnswer result = error(outcome.status, outcome.code, outcome.message);
    switch (outcome.kind) {
    case ResendOutcome::Kind::Deliver:
        return success(u"delivered"_s, m_ledger->deliver(key));
    case ResendOutcome::Kind::LostAnswer:
        m_ledger->deliver(key);
        result.drop = true;
        break;
    case ResendOutcome::Kind::Refuse:
        m_ledger->settle(key, {result.status, result.body});
        break;
    case ResendOutcome::Kind::Transient:
        result.retryAfterSeconds = outcome.retryAfterSeconds;
        break;
    case ResendOutcome::Kind::Drop:
        result.drop = true;
        break;
    case ResendOutcome::Kind::Stall:
        result.delayMs = m_outcomes->stallMs();
        break;
    }
    return result;
}

GatewayAnswer GatewaySimulator::notice(const GatewayRequest &request, const QString &userId)
{
    QString key;
    QJsonObject body;
    if (auto bad = checkRequest(request, u"notice:"_s + userId,
                                {{"locale"_L1, FieldType::Text},
                                 {"title"_L1, FieldType::Text},
                                 {"body"_L1, FieldType::Text},
                                 {"region"_L1, FieldType::OptionalText},
                                 {"ticket_id"_L1, FieldType::Id}},
                                *m_ledger, &key, &body))
        return *bad;

    const QString region = body.value("region"_L1).toString();
    m_routedRegion = region;
    m_ledger->attempt(key, u"notice"_s, userId, region);
    if (m_outcomes->isRegionDown(region))
        return outage(region);
    if (const QString done = m_ledger->deliveryIdOfKey(key); !done.isEmpty()) {
        m_ledger->suppress(key, done);
        return success(u"duplicate_suppressed"_s, done);
    }
    body.insert("user_id"_L1, userId);
    body.insert("idempotency_key"_L1, key);
    m_notices.append(body);
    return success(u"delivered"_s, m_ledger->deliver(key));
}

GatewayAnswer GatewaySimulator::simRequest(const GatewayRequest &request)
{
    if (request.path == "/v1/_sim/received") {
        if (request.method != "GET")
            return error(405, u"method_not_allowed"_s, u"only GET is allowed here"_s);
        GatewayAnswer answer;
        answer.body = receivedJson();
        return answer;
    }
    if (request.path == "/v1/_sim/outage") {
        if (request.method != "POST")
            return error(405, u"method_not_allowed"_s, u"only POST is allowed here"_s);
        QJsonObject body;
        if (auto bad = parseBody(request.body, &body))
            return *bad;
        if (const QString field = firstInvalid(body, {{"region"_L1, FieldType::Text}}); !field.isEmpty())
            return invalidField(field);
        if (!body.value("down"_L1).isBool())
            return invalidField(u"down"_s);
        const QString region = body.value("region"_L1).toString();
        const bool down = body.value("down"_L1).toBool();
        setRegionDown(region, down);
        GatewayAnswer answer;
        answer.body = QJsonObject{{"region"_L1, region}, {"down"_L1, down}};
        return answer;
    }
    return error(404, u"not_found"_s, u"no such simulator endpoint"_s);
}

} // namespace relaydesk::sim
