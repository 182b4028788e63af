#include "core/LogPayload.h"
#include "core/ReportCodec.h"
#include "core/diagnosis/Diagnoser.h"
#include "core/diagnosis/DiagnosisCodec.h"
#include "core/diagnosis/LiteralMatcher.h"
#include "core/logs/LogParser.h"
#include "sim/ReportGenerator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

const QString kFixtures = QStringLiteral(RELAYDESK_SOURCE_DIR "/tests/data/diagnosis");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A minimal valid rules file with one extra rule spliced in, for loader error tests.
QByteArray rulesWith(const QString &ruleJson, const QString &top = {})
{
    return (u"{\"version\": \"2026.11.1\", "_s + top +
            u"\"rules\": [{\"id\": \"ok\", \"cause\": \"network\", \"action\": \"retry\", \"weight\": 0.9, "
            "\"why\": \"w\", \"match\": {\"report\": {\"http_status\": 0}}}"_s +
            (ruleJson.isEmpty() ? QString() : u", "_s + ruleJson) + u"]}"_s)
        .toUtf8();
}

Report baseReport()
{
    Report r;
    r.message.clientMessageId = u"m-0123456789abcdef01234567"_s;
    r.failure.endpoint = u"/v1/messages/send"_s;
    r.failure.region = u"eu-west"_s;
    r.device.appVersion = u"8.4.1"_s;
    return r;
}

} // namespace

class TestDiagnosis final : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void fixtureCoverage();
    void defaultRulesLoad();
    void loaderErrors_data();
    void loaderErrors();
    void loaderAcceptsFullRule();
    void codecRoundTrip();
    void codecErrors_data();
    void codecErrors();
    void actionWireNames();
    void signatureKey();
    void literalMatcher();
    void misleadingTimeoutDoesNotWin();
    void conflictingSignalsAreUnknown();
    void fourXXIsNeverTransport();
    void miniQuality();
};

void TestDiagnosis::fixtures_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(kFixtures).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << QDir(kFixtures).filePath(f);
}

void TestDiagnosis::fixtures()
{
    QFETCH(QString, path);
    const QJsonObject json = readJson(path);
    QVERIFY2(!json.isEmpty(), qPrintable(path));
    auto decoded = decodeReport(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    const Report report = decoded.value();
    const LogDecodeResult log = decodeLogPayload(report.log, 8 << 20, 64 << 20);
    QCOMPARE(log.status, LogDecodeResult::Status::Ok);
    const QList<QByteArray> rawLines = log.text.split('\n');
    QVERIFY2(rawLines.size() >= 21 && rawLines.size() <= 90, "fixture logs hold 20-80 lines");

    const Diagnoser diagnoser(defaultRules());
    const Diagnosis d = diagnoser.diagnose(report, parseLog(log.text, report.log.format));
    const QJsonObject expected = json.value("_expected"_L1).toObject();
    const auto cause = fromWire<Cause>(expected.value("cause"_L1).toString());
    QVERIFY(cause.has_value());
    QVERIFY2(d.cause == *cause, qPrintable(d.summary));
    if (expected.value("action"_L1).isString())
        QCOMPARE(toWire(d.action), expected.value("action"_L1).toString());
    QCOMPARE(d.rulesVersion, u"2026.11.1"_s);
    QVERIFY(!d.summary.isEmpty());
    QVERIFY(d.summary.startsWith(toWire(d.cause)));
    QVERIFY(d.confidence >= 0.0 && d.confidence <= 1.0);

    if (expected.value("fact"_L1).toBool())
        QVERIFY2(std::any_of(d.evidence.cbegin(), d.evidence.cend(),
                             [](const Evidence &e) { return e.line == 0; }),
                 "a report fact is part of the evidence");
    const QString marker = expected.value("evidence"_L1).toString();
    if (!marker.isEmpty()) {
        QSet<int> markerLines;
        for (qsizetype i = 0; i < rawLines.size(); ++i)
            if (QString::fromUtf8(rawLines[i]).contains(marker))
                markerLines.insert(int(i + 1));
        QVERIFY2(!markerLines.isEmpty(), "the marker occurs in the log");
        QVERIFY2(std::any_of(d.evidence.cbegin(), d.evidence.cend(),
                             [&](const Evidence &e) { return markerLines.contains(e.line); }),
                 qPrintable(u"no evidence points at a line with \"%1\": %2"_s.arg(
                     marker,
                     QString::fromUtf8(QJsonDocument(encodeDiagnosis(d)).toJson(QJsonDocument::Compact)))));
    }
    if (d.cause == Cause::Unknown)
        QCOMPARE(d.action, RecommendedAction::Escalate);
}

void TestDiagnosis::fixtureCoverage()
{
    const QStringList files = QDir(kFixtures).entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(files.size() >= 30);
    QSet<QString> causes;
    QSet<QString> formats;
    bool chinese = false;
    for (const QString &f : files) {
        const QJsonObject json = readJson(QDir(kFixtures).filePath(f));
        causes.insert(json["_expected"_L1].toObject()["cause"_L1].toString());
        formats.insert(json["log"_L1].toObject()["format"_L1].toString());
        chinese = chinese || json["user"_L1].toObject()["locale"_L1].toString() == "zh_CN"_L1;
    }
    QCOMPARE(causes.size(), 6);
    QVERIFY(formats.contains(u"logcat"_s) && formats.contains(u"ios"_s) && formats.contains(u"electron"_s));
    QVERIFY(chinese);
}

void TestDiagnosis::defaultRulesLoad()
{
    const RuleSet rules = defaultRules();
    QCOMPARE(rules.version(), u"2026.11.1"_s);
    QVERIFY(rules.rules().size() >= 40);
    QCOMPARE(rules.minConfidence(), 0.5);
    QFile f(QStringLiteral(RELAYDESK_SOURCE_DIR "/resources/diagnosis/rules.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto loaded = loadRules(f.readAll());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
    QCOMPARE(loaded.value().rules().size(), rules.rules().size());
}

void TestDiagnosis::loaderErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{") << QString() << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << QString() << u"JSON object"_s;
    QTest::newRow("no version") << QByteArray(R"({"rules": []})") << u"version"_s << u"is required"_s;
    QTest::newRow("bad version") << QByteArray(R"({"version": "v1", "rules": []})") << u"version"_s
                                 << u"YEAR.MONTH.N"_s;
    QTest::newRow("no rules") << QByteArray(R"({"version": "2026.11.1"})") << u"rules"_s << u"is required"_s;
    QTest::newRow("empty rules") << QByteArray(R"({"version": "2026.11.1", "rules": []})") << u"rules"_s
                                 << u"1 to"_s;
    QTest::newRow("unknown top key") << rulesWith({}, u"\"extra\": 1, "_s) << u"extra"_s << u"unknown key"_s;
    QTest::newRow("min_confidence") << rulesWith({}, u"\"min_confidence\": 2, "_s) << u"min_confidence"_s
                                    << u"between 0 and 1"_s;
    QTest::newRow("rule not object") << rulesWith(u"3"_s) << u"rules[1]"_s << u"must be an object"_s;
    QTest::newRow("bad regex")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"regex": "(oops"}}})"_s)
        << u"rules[1].match.log.regex"_s << u"invalid regular expression: missing closing parenthesis"_s;
    QTest::newRow("duplicate id")
        << rulesWith(
               uR"({"id": "ok", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].id"_s << u"duplicate id"_s;
    QTest::newRow("bad id")
        << rulesWith(
               uR"({"id": "a b", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].id"_s << u"letters, digits"_s;
    QTest::newRow("bad cause")
        << rulesWith(
               uR"({"id": "r", "cause": "weather", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].cause"_s << u"unknown value \"weather\""_s;
    QTest::newRow("unknown cause not allowed")
        << rulesWith(
               uR"({"id": "r", "cause": "unknown", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].cause"_s << u"must be one of"_s;
    QTest::newRow("bad action")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "panic", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].action"_s << u"unknown value \"panic\""_s;
    QTest::newRow("weight range")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 1.5, "why": "w", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].weight"_s << u"between"_s;
    QTest::newRow("missing why")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].why"_s << u"is required"_s;
    QTest::newRow("empty match")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {}})"_s)
        << u"rules[1].match"_s << u"needs a"_s;
    QTest::newRow("unknown match key")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"lg": {}}})"_s)
        << u"rules[1].match.lg"_s << u"unknown key"_s;
    QTest::newRow("log without literal or regex")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"tag": "X"}}})"_s)
        << u"rules[1].match.log.literal"_s << u"needs a literal or a regex"_s;
    QTest::newRow("bad level")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": "x", "min_level": "loud"}}})"_s)
        << u"rules[1].match.log.min_level"_s << u"unknown value"_s;
    QTest::newRow("empty literal")
        << rulesWith(
               uR"({"id": "r", "cause": "client", "action": "retry", "weight": 0.5, "why": "w", "match": {"log": {"literal": ["a", ""]}}})"_s)
        << u"rules[1].match.log.literal[1]"_s << u"must not be empty"_s;
    QTest::newRow("bad status")
        << rulesWith(
               uR"({"id": "r", "cause": "server", "action": "retry", "weight": 0.5, "why": "w", "match": {"report": {"http_status": [500, "600-700"]}}})"_s)
        << u"rules[1].match.report.http_status[1]"_s << u"range"_s;
    QTest::newRow("bad network")
        << rulesWith(
               uR"({"id": "r", "cause": "network", "action": "retry", "weight": 0.5, "why": "w", "match": {"report": {"network": ["wifi", "5g"]}}})"_s)
        << u"rules[1].match.report.network[1]"_s << u"unknown value \"5g\""_s;
    QTest::newRow("bad error_message regex")
        << rulesWith(
               uR"({"id": "r", "cause": "policy", "action": "retry", "weight": 0.5, "why": "w", "match": {"report": {"error_message": "[a-"}}})"_s)
        << u"rules[1].match.report.error_message"_s << u"invalid regular expression"_s;
    QTest::newRow("exclude without excludes")
        << rulesWith(uR"({"id": "g", "effect": "exclude", "match": {"report": {"http_status": 400}}})"_s)
        << u"rules[1].excludes"_s << u"is required"_s;
    QTest::newRow("recovery without log")
        << rulesWith(
               uR"({"id": "g", "effect": "recovery", "cause": "network", "match": {"report": {"http_status": 200}}})"_s)
        << u"rules[1].match.log"_s << u"is required for a recovery rule"_s;
    QTest::newRow("bad effect")
        << rulesWith(
               uR"({"id": "g", "effect": "boost", "cause": "network", "match": {"log": {"literal": "x"}}})"_s)
        << u"rules[1].effect"_s << u"unknown value"_s;
    QTest::newRow("too long literal")
        << rulesWith(
               u"{\"id\": \"r\", \"cause\": \"client\", \"action\": \"retry\", \"weight\": 0.5, \"why\": \"w\", \"match\": {\"log\": {\"literal\": \"%1\"}}}"_s
                   .arg(QString(300, u'a')))
        << u"rules[1].match.log.literal"_s << u"too long"_s;
    QTest::newRow("too large file") << QByteArray(2 * 1024 * 1024, ' ') << QString() << u"too large"_s;
}

void TestDiagnosis::loaderErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto result = loadRules(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().path, path);
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().toString()));
}

void TestDiagnosis::loaderAcceptsFullRule()
{
    const auto result = loadRules(rulesWith(
        uR"({"id": "r.x-1", "cause": "client", "action": "escalate_engineering", "weight": 0.7, "why": "w", "comment": "c",
             "match": {"report": {"http_status": ["0", "500-599"], "error_code": "A*", "error_code_not": ["AB"],
                                  "endpoint": "*/send", "error_message": "x", "network": "wifi", "platform": ["android", "ios"]},
                       "log": {"literal": ["boom"], "regex": "bo+m", "ignore_case": true, "tag": "App*", "min_level": "error"}}})"_s));
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    const Rule &rule = result.value().rules().at(1);
    QCOMPARE(rule.report->httpStatus.size(), 2);
    QCOMPARE(rule.report->httpStatus.at(1), std::make_pair(500, 599));
    QCOMPARE(rule.log->minLevel, LogLevel::Error);
    QVERIFY(rule.log->ignoreCase);
    QCOMPARE(rule.report->platforms.size(), 2);
}

void TestDiagnosis::codecRoundTrip()
{
    Diagnosis d;
    d.cause = Cause::Policy;
    d.confidence = 0.87;
    d.summary = u"policy (0.87): 拒绝. Do: reply."_s;
    d.evidence = {{0, u"fact.policy.spam"_s, u"HTTP 403"_s}, {42, u"log.policy.spam"_s, u"Log: spam"_s}};
    d.action = RecommendedAction::TrustAndSafety;
    d.signature = u"policy|M_FORBIDDEN|eu-west|8.4.1"_s;
    d.rulesVersion = u"2026.11.1"_s;
    const QJsonObject json = encodeDiagnosis(d);
    QCOMPARE(json["action"_L1].toString(), u"trust_and_safety"_s);
    QCOMPARE(json["rules_version"_L1].toString(), u"2026.11.1"_s);
    QCOMPARE(json["evidence"_L1].toArray().at(1).toObject()["line"_L1].toInt(), 42);
    const auto back = decodeDiagnosis(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    const Diagnosis &e = back.value();
    QCOMPARE(e.cause, d.cause);
    QCOMPARE(e.confidence, d.confidence);
    QCOMPARE(e.summary, d.summary);
    QCOMPARE(e.action, d.action);
    QCOMPARE(e.signature, d.signature);
    QCOMPARE(e.rulesVersion, d.rulesVersion);
    QCOMPARE(e.evidence.size(), 2);
    QCOMPARE(e.evidence.at(1).line, 42);
    QCOMPARE(e.evidence.at(1).rule, d.evidence.at(1).rule);
    QCOMPARE(e.evidence.at(1).why, d.evidence.at(1).why);
}

void TestDiagnosis::codecErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("path");
    QTest::newRow("cause") << u"cause"_s << QJsonValue(u"weather"_s) << u"cause"_s;
    QTest::newRow("confidence range") << u"confidence"_s << QJsonValue(1.5) << u"confidence"_s;
    QTest::newRow("confidence type") << u"confidence"_s << QJsonValue(u"high"_s) << u"confidence"_s;
    QTest::newRow("action") << u"action"_s << QJsonValue(u"panic"_s) << u"action"_s;
    QTest::newRow("evidence type") << u"evidence"_s << QJsonValue(3) << u"evidence"_s;
    QTest::newRow("evidence line") << u"evidence"_s
                                   << QJsonValue(QJsonArray{QJsonObject{
                                          {"line"_L1, -1}, {"rule"_L1, u"r"_s}, {"why"_L1, u"w"_s}}})
                                   << u"evidence[0].line"_s;
    QTest::newRow("evidence rule") << u"evidence"_s
                                   << QJsonValue(QJsonArray{QJsonObject{{"line"_L1, 1}, {"why"_L1, u"w"_s}}})
                                   << u"evidence[0].rule"_s;
    QTest::newRow("evidence item") << u"evidence"_s << QJsonValue(QJsonArray{1}) << u"evidence[0]"_s;
    QTest::newRow("summary missing") << u"summary"_s << QJsonValue() << u"summary"_s;
}

void TestDiagnosis::codecErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);
    Diagnosis d;
    d.summary = u"s"_s;
    d.signature = u"unknown|||"_s;
    d.rulesVersion = u"2026.11.1"_s;
    QJsonObject json = encodeDiagnosis(d);
    if (value.isNull())
        json.remove(field);
    else
        json.insert(field, value);
    const auto result = decodeDiagnosis(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().path, path);
}

void TestDiagnosis::actionWireNames()
{
    const QStringList expected{
        u"retry"_s,       u"wait_and_retry"_s,       u"reroute"_s,          u"reply_guidance"_s,
        u"ask_upgrade"_s, u"escalate_engineering"_s, u"trust_and_safety"_s, u"escalate"_s};
    QCOMPARE(wireNames<RecommendedAction>(), expected);
    for (const QString &name : expected)
        QCOMPARE(toWire(*fromWire<RecommendedAction>(name)), name);
    QVERIFY(!fromWire<RecommendedAction>(u"Retry"_s).has_value());
}

void TestDiagnosis::signatureKey()
{
    Report r = baseReport();
    r.failure.errorCode = u"FLOOD_WAIT_42"_s;
    r.failure.region = u"cn-east"_s;
    QCOMPARE(diagnosisSignature(Cause::Server, r), u"server|FLOOD_WAIT_X|cn-east|8.4.1"_s);
    r.failure.errorCode = u"NETWORK_MIGRATE_3"_s;
    QCOMPARE(diagnosisSignature(Cause::Server, r), u"server|NETWORK_MIGRATE_X|cn-east|8.4.1"_s);
    r.failure.errorCode = u"M_FORBIDDEN"_s;
    QCOMPARE(diagnosisSignature(Cause::Policy, r), u"policy|M_FORBIDDEN|cn-east|8.4.1"_s);
    r.failure.httpStatus = 403;
    r.failure.errorMessage = u"Message rejected as probable spam"_s;
    const Diagnosis d = Diagnoser(defaultRules()).diagnose(r, {});
    QCOMPARE(d.signature, u"policy|M_FORBIDDEN|cn-east|8.4.1"_s);
    QCOMPARE(d.action, RecommendedAction::TrustAndSafety);
}

void TestDiagnosis::literalMatcher()
{
    LiteralMatcher m;
    m.add(u"he", 1);
    m.add(u"she", 2);
    m.add(u"hers", 3);
    m.add(u"中国", 4);
    m.build();
    QSet<int> found;
    m.scan(u"uSHErs!", [&](int id) { found.insert(id); });
    QCOMPARE(found, (QSet<int>{1, 2, 3}));
    found.clear();
    m.scan(u"运营商 中国移动", [&](int id) { found.insert(id); });
    QVERIFY(found.contains(4));
    found.clear();
    m.scan(u"nothing here? h-e", [&](int id) { found.insert(id); });
    QVERIFY(found.contains(1)); // "here" contains "he"
    QVERIFY(!found.contains(2));
}

void TestDiagnosis::misleadingTimeoutDoesNotWin()
{
    // An old timeout on another message, retried successfully, then the real failure: a crash.
    Report r = baseReport();
    const QByteArray log =
        "03-17 09:00:01.000  4123  4123 W OkHttp: <-- HTTP FAILED: java.net.SocketTimeoutException: timeout\n"
        "03-17 09:00:01.100  4123  4123 W SendQueue: send m-old failed (attempt 1/5), retry in 2s\n"
        "03-17 09:00:03.100  4123  4123 I SendQueue: send m-old succeeded on attempt 2\n"
        "03-17 09:10:00.000  4123  4123 E AndroidRuntime: FATAL EXCEPTION: main\n";
    const Diagnosis d = Diagnoser(defaultRules()).diagnose(r, parseLog(log, LogFormat::Logcat));
    QCOMPARE(d.cause, Cause::Client);
    QCOMPARE(d.evidence.front().line, 4);
    // Without the crash, the recovered timeout alone is not enough for any cause.
    const Diagnosis e =
        Diagnoser(defaultRules())
            .diagnose(r, parseLog(log.left(log.lastIndexOf("03-17 09:10")), LogFormat::Logcat));
    QCOMPARE(e.cause, Cause::Unknown);
}

void TestDiagnosis::conflictingSignalsAreUnknown()
{
    auto rules = loadRules(R"({"version": "2026.1.1", "rules": [
        {"id": "a", "cause": "network", "action": "retry", "weight": 0.8, "why": "a", "match": {"log": {"literal": "alpha"}}},
        {"id": "b", "cause": "client", "action": "escalate_engineering", "weight": 0.8, "why": "b", "match": {"log": {"literal": "beta"}}}]})");
    QVERIFY(rules.ok());
    const Diagnoser diagnoser(rules.value());
    const Diagnosis both = diagnoser.diagnose(baseReport(), parseLog("alpha\nbeta\n", LogFormat::Text));
    QCOMPARE(both.cause, Cause::Unknown);
    QCOMPARE(both.action, RecommendedAction::Escalate);
    QVERIFY(both.summary.contains(u"conflicting"_s));
    const Diagnosis one = diagnoser.diagnose(baseReport(), parseLog("noise\nbeta\n", LogFormat::Text));
    QCOMPARE(one.cause, Cause::Client);
    QCOMPARE(one.evidence.front().line, 2);
}

void TestDiagnosis::fourXXIsNeverTransport()
{
    Report r = baseReport();
    r.failure.httpStatus = 400;
    r.failure.errorCode = u"SOMETHING_NEW"_s;
    const QByteArray log =
        "E OkHttp: <-- HTTP FAILED: java.net.UnknownHostException: Unable to resolve host\n"
        "E SendQueue: giving up on m-0123456789abcdef01234567: java.net.UnknownHostException\n";
    const Diagnosis d = Diagnoser(defaultRules()).diagnose(r, parseLog(log, LogFormat::Text));
    QVERIFY(d.cause != Cause::Network && d.cause != Cause::Server);
    r.failure.httpStatus = 0;
    r.failure.errorCode.clear();
    QCOMPARE(Diagnoser(defaultRules()).diagnose(r, parseLog(log, LogFormat::Text)).cause, Cause::Network);
}

void TestDiagnosis::miniQuality()
{
    sim::GeneratorOptions options;
    options.seed = 9001;
    options.logScale = 0.2;
    options.logEncoding = LogEncoding::Text;
    sim::ReportGenerator generator(options);
    const Diagnoser diagnoser(defaultRules());
    int tp[5] = {}, fp[5] = {}, fn[5] = {};
    for (int i = 0; i < 500; ++i) {
        const sim::GeneratedReport g = generator.next();
        const QByteArray text = decodeLogPayload(g.report.log, 8 << 20, 64 << 20).text;
        const Cause got = diagnoser.diagnose(g.report, parseLog(text, g.report.log.format)).cause;
        const int t = int(g.trueCause);
        if (got == g.trueCause) {
            ++tp[t];
        } else {
            ++fn[t];
            if (got != Cause::Unknown)
                ++fp[int(got)];
        }
    }
    double macro = 0;
    for (int c = 0; c < 5; ++c) {
        const double p = tp[c] + fp[c] ? double(tp[c]) / (tp[c] + fp[c]) : 0;
        const double r = tp[c] + fn[c] ? double(tp[c]) / (tp[c] + fn[c]) : 0;
        macro += p + r > 0 ? 2 * p * r / (p + r) : 0;
        QVERIFY2(tp[c] + fn[c] > 0, "every cause occurs in the sample");
    }
    macro /= 5;
    QVERIFY2(macro >= 0.9, qPrintable(u"macro-F1 %1"_s.arg(macro)));
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
