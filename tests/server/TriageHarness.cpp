#include "TriageHarness.h"

#include <QHostAddress>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Fast enough for tests, same shape as the default: backoff doubling from 50 ms, jitter, 5 attempts.
constexpr char kFastPolicy[] = R"({"retry": {"max_attempts": 5, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"]})";
} // namespace

bool TriageHarness::start(QString *error, const QByteArray &policy, const QByteArray &secret)
{
    gateway = std::make_unique<relaydesk::sim::GatewaySimulator>(kSecret, 7);
    gateway->setTransientFailureRate(0);
    if (!gateway->listen(QHostAddress::LocalHost, 0, error))
        return false;
    clock.start();
    QObject::connect(gateway.get(), &relaydesk::sim::GatewaySimulator::answered, gateway.get(),
                     [this](const QString &, int status) { answers.append({clock.elapsed(), status}); });
    auto parsed = relaydesk::server::Tier1Config::parse(policy.isEmpty() ? QByteArray(kFastPolicy) : policy);
    if (!parsed.ok()) {
        *error = parsed.error().toString();
        return false;
    }
    fixture.options.tier1 = std::move(parsed).value();
    fixture.options.gatewayUrl = gateway->baseUrl();
    fixture.options.gatewaySecret = secret;
    if (!fixture.start(error))
        return false;
    client = std::make_unique<TestClient>(fixture.service->baseUrl());
    token = client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    if (token.isEmpty()) {
        *error = u"login failed"_s;
        return false;
    }
    return true;
}

QJsonObject TriageHarness::ticket(qint64 id)
{
    return client->get(u"/api/v1/tickets/%1"_s.arg(id), token).json;
}

QJsonArray TriageHarness::events(qint64 id)
{
    return client->get(u"/api/v1/tickets/%1/events"_s.arg(id), token).json.value("events"_L1).toArray();
}

QStringList TriageHarness::eventKinds(qint64 id)
{
    QStringList kinds;
    for (const QJsonValue &e : events(id))
        kinds << e.toObject().value("kind"_L1).toString();
    return kinds;
}

qint64 TriageHarness::post(const QJsonObject &report)
{
    const HttpResult r = client->postReport(report, fixture.clientKey);
    return r.status == 202 ? r.json.value("ticket_id"_L1).toInteger() : 0;
}

QString TriageHarness::waitForStatus(qint64 id, const QString &status, int timeoutMs)
{
    QString last;
    [[maybe_unused]] const bool reached = QTest::qWaitFor(
        [&] {
            last = ticket(id).value("status"_L1).toString();
            return last == status;
        },
        timeoutMs);
    return last;
}

QJsonObject reportWith(const QString &reportId, const QString &messageId, int httpStatus, const QString &errorCode,
                       const QString &locale, const QString &region)
{
    QJsonObject report = sampleReport(reportId);
    QJsonObject user = report.value("user"_L1).toObject();
    user.insert("locale"_L1, locale);
    report.insert("user"_L1, user);
    QJsonObject message = report.value("message"_L1).toObject();
    message.insert("client_message_id"_L1, messageId);
    report.insert("message"_L1, message);
    QJsonObject failure = report.value("failure"_L1).toObject();
    failure.insert("http_status"_L1, httpStatus);
    failure.insert("error_code"_L1, errorCode);
    failure.insert("region"_L1, region);
    report.insert("failure"_L1, failure);
    return report;
}

QJsonObject networkReport(const QString &reportId, const QString &messageId, const QString &region)
{
    QJsonObject report = reportWith(reportId, messageId, 0, u"UnknownHostException"_s, u"zh_CN"_s, region);
    report.insert("log"_L1,
                  QJsonObject{{"format"_L1, "logcat"_L1},
                              {"data"_L1, u"03-17 16:13:38.811  1702  2395 E SendQueue: java.net.UnknownHostException: "
                                          "Unable to resolve host \"im.example.com\": No address associated with hostname\n"_s}});
    return report;
}
