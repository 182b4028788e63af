// CSAT surveys over real HTTP against an in-process gateway simulator (docs/api.md, "Surveys"): an agent's
// resolve sends the user a survey notice with a single-use link (only its hash is stored), POST
// /surveys/{token} records the answer once (201, then 409), unknown tokens 404, reopening invalidates the
// open survey (410) and the next resolve sends a new one; score and comment are validated; the answer shows
// as `csat` on the ticket and as a `csat` event on its timeline.
#include "TriageHarness.h"

#include "core/TicketCodec.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Role;

namespace {

// Tier 1 never acts (every ticket is escalated), so agents do.
constexpr char kAgentPolicy[] = R"({"min_confidence": 0.999,
    "retry": {"max_attempts": 3, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"]})";

} // namespace

class TestServerSurveys final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void resolveSendsLocalizedSurveyNotice();
    void tokenIsSingleUse();
    void unknownTokenIsNotFound();
    void reopenInvalidatesAndResolveSendsANewOne();
    void answerIsValidated();

private:
    HttpResult act(qint64 id, const QString &verb, const QString &key, const QJsonObject &body = {});
    HttpResult answer(const QString &token, const QJsonObject &body);
    // Claims (if needed) and resolves ticket `id`, waits for the n-th survey notice of it and returns it.
    QJsonObject resolveAndWaitForSurvey(qint64 id, int n);
    QList<QJsonObject> surveyNotices(qint64 id) const;
    static QString tokenOf(const QJsonObject &notice);
    int countRows(const QString &sql, const QVariantList &values);

    std::unique_ptr<TriageHarness> h;
    int m_keys = 0;
};

void TestServerSurveys::init()
{
    h = std::make_unique<TriageHarness>();
    QString error;
    QVERIFY2(h->start(&error, kAgentPolicy), qPrintable(error));
}

void TestServerSurveys::cleanup()
{
    h.reset();
}

HttpResult TestServerSurveys::act(qint64 id, const QString &verb, const QString &key, const QJsonObject &body)
{
    return h->client->send("POST", u"/api/v1/tickets/%1/%2"_s.arg(id).arg(verb), toJson(body), h->token,
                           {{"Content-Type", "application/json"}, {"Idempotency-Key", key.toLatin1()}});
}

HttpResult TestServerSurveys::answer(const QString &token, const QJsonObject &body)
{
    return h->client->send("POST", u"/api/v1/surveys/%1"_s.arg(token), toJson(body), {},
                           {{"Content-Type", "application/json"}});
}

QList<QJsonObject> TestServerSurveys::surveyNotices(qint64 id) const
{
    QList<QJsonObject> list;
    for (const QJsonObject &n : h->gateway->deliveredNotices()) {
        if (n.value("ticket_id"_L1).toInteger() == id && n.value("purpose"_L1).toString() == "csat_survey"_L1)
            list.append(n);
    }
    return list;
}

QJsonObject TestServerSurveys::resolveAndWaitForSurvey(qint64 id, int n)
{
    const QString claimed = h->ticket(id).value("assignee"_L1).toString();
    if (claimed.isEmpty() && act(id, u"claim"_s, u"k%1"_s.arg(++m_keys)).status != 200)
        return {};
    if (act(id, u"resolve"_s, u"k%1"_s.arg(++m_keys), {{"resolution"_L1, "resent"_L1}}).status != 200)
        return {};
    if (!QTest::qWaitFor([&] { return surveyNotices(id).size() >= n; }, 20000))
        return {};
    return surveyNotices(id).at(n - 1);
}

QString TestServerSurveys::tokenOf(const QJsonObject &notice)
{
    static const QRegularExpression link(u"/api/v1/surveys/([A-Za-z0-9_-]+)"_s);
    return link.match(notice.value("body"_L1).toString()).captured(1);
}

int TestServerSurveys::countRows(const QString &sql, const QVariantList &values)
{
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(h->fixture.dbPath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec() && q.next())
                result = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return result;
}

void TestServerSurveys::resolveSendsLocalizedSurveyNotice()
{
    const qint64 zh = h->post(networkReport(u"r-zh"_s, u"m-zh"_s));
    const qint64 en = h->post(reportWith(u"r-en"_s, u"m-en"_s, 0, u"UnknownHostException"_s, u"en-GB"_s));
    QVERIFY(zh > 0 && en > 0);
    QCOMPARE(h->ticket(zh).value("status"_L1).toString(), u"escalated"_s);
    QVERIFY(surveyNotices(zh).isEmpty()); // nothing before the resolve

    const QJsonObject zhNotice = resolveAndWaitForSurvey(zh, 1);
    QVERIFY2(!zhNotice.isEmpty(), qPrintable(h->eventKinds(zh).join(u' ')));
    QCOMPARE(zhNotice.value("locale"_L1).toString(), u"zh_CN"_s);
    QVERIFY(zhNotice.value("title"_L1).toString().contains(u"评分"_s));
    const QString token = tokenOf(zhNotice);
    QCOMPARE(token.size(), 43); // 32 random bytes, base64url
    QVERIFY(zhNotice.value("body"_L1).toString().contains(h->fixture.service->baseUrl().toString() +
                                                          u"/api/v1/surveys/"_s + token));
    QCOMPARE(zhNotice.value("user_id"_L1).toString(),
             h->ticket(zh).value("user"_L1).toObject().value("id"_L1).toString());

    const QJsonObject enNotice = resolveAndWaitForSurvey(en, 1);
    QCOMPARE(enNotice.value("locale"_L1).toString(), u"en"_s);
    QVERIFY(enNotice.value("title"_L1).toString().contains(u"how did we do"_s));
    QVERIFY(tokenOf(enNotice) != token);

    // Only the token's hash is stored.
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(countRows(u"SELECT COUNT(*) FROM surveys WHERE token_hash = ? AND ticket_id = ?"_s, {hash, zh}),
             1);
    QCOMPARE(countRows(u"SELECT COUNT(*) FROM surveys WHERE token_hash = ? OR comment = ?"_s, {token, token}),
             0);

    // The timeline says a survey went out; the gateway got exactly one notice for it.
    QVERIFY(QTest::qWaitFor([&] { return h->eventKinds(zh).contains(u"action_outcome"_s); }, 20000));
    // Once delivered, the outbox row that carried the link no longer holds the token either.
    QVERIFY(QTest::qWaitFor(
        [&] { return countRows(u"SELECT COUNT(*) FROM outbox WHERE body LIKE ?"_s, {u"%"_s + token + u"%"_s}) == 0; },
        20000));
    const QStringList kinds = h->eventKinds(zh);
    QCOMPARE(kinds.count(u"survey_queued"_s), 1);
    QCOMPARE(kinds.indexOf(u"survey_queued"_s), kinds.indexOf(u"resolved"_s) + 1);
    QJsonObject outcome;
    for (const QJsonValue &v : h->events(zh)) {
        if (v.toObject().value("kind"_L1).toString() == "action_outcome"_L1)
            outcome = v.toObject();
    }
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QVERIFY(outcome.value("summary"_L1).toString().startsWith(u"Survey notice"_s));
    QCOMPARE(h->ticket(zh).value("status"_L1).toString(),
             u"resolved"_s); // the notice leaves the status alone
    QCOMPARE(surveyNotices(zh).size(), 1);
    QVERIFY(h->ticket(zh).value("csat"_L1).isNull());
}

void TestServerSurveys::tokenIsSingleUse()
{
    const qint64 id = h->post(networkReport(u"r-once"_s, u"m-once"_s));
    QVERIFY(id > 0);
    const QString token = tokenOf(resolveAndWaitForSurvey(id, 1));
    QVERIFY(!token.isEmpty());
    const qint64 seq = h->ticket(id).value("seq"_L1).toInteger();

    const HttpResult first = answer(token, {{"score"_L1, 4}, {"comment"_L1, "  quick and kind  "_L1}});
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json.value("score"_L1).toInt(), 4);
    QCOMPARE(first.json.value("comment"_L1).toString(), u"quick and kind"_s);
    const HttpResult second = answer(token, {{"score"_L1, 1}});
    QCOMPARE(second.status, 409);
    QCOMPARE(second.errorCode(), u"survey_answered"_s);

    const QJsonObject ticket = h->ticket(id);
    QVERIFY(ticket.value("seq"_L1).toInteger() > seq);
    const QJsonObject csat = ticket.value("csat"_L1).toObject();
    QCOMPARE(csat.value("score"_L1).toInt(), 4);
    QCOMPARE(csat.value("comment"_L1).toString(), u"quick and kind"_s);
    QCOMPARE(csat.value("answered_at"_L1).toString(), first.json.value("answered_at"_L1).toString());
    QVERIFY(!csat.value("answered_at"_L1).toString().isEmpty());
    // The console's decoder reads it.
    const auto decoded = relaydesk::decodeTicket(ticket);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded.value().csat->score, 4);

    const QJsonArray events = h->events(id);
    int csatEvents = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value("kind"_L1).toString() != "csat"_L1)
            continue;
        ++csatEvents;
        QCOMPARE(e.value("actor"_L1).toString(), u"user"_s);
        QCOMPARE(e.value("detail"_L1).toObject().value("score"_L1).toInt(), 4);
    }
    QCOMPARE(csatEvents, 1);
}

void TestServerSurveys::unknownTokenIsNotFound()
{
    const HttpResult unknown = answer(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s, {{"score"_L1, 5}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), u"not_found"_s);
    QCOMPARE(answer(u"not-a-token"_s, {{"score"_L1, 5}}).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s).status, 405);
}

void TestServerSurveys::reopenInvalidatesAndResolveSendsANewOne()
{
    const qint64 id = h->post(networkReport(u"r-again"_s, u"m-again"_s));
    QVERIFY(id > 0);
    const QString first = tokenOf(resolveAndWaitForSurvey(id, 1));
    QVERIFY(!first.isEmpty());
    QCOMPARE(act(id, u"reopen"_s, u"reopen-1"_s, {{"reason"_L1, "the user wrote again"_L1}}).status, 200);
    const HttpResult stale = answer(first, {{"score"_L1, 2}});
    QCOMPARE(stale.status, 410);
    QCOMPARE(stale.errorCode(), u"survey_invalidated"_s);

    const QString second = tokenOf(resolveAndWaitForSurvey(id, 2));
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(answer(first, {{"score"_L1, 2}}).status, 410);
    QCOMPARE(answer(second, {{"score"_L1, 5}}).status, 201);
    QCOMPARE(h->ticket(id).value("csat"_L1).toObject().value("score"_L1).toInt(), 5);
    QCOMPARE(surveyNotices(id).size(), 2);
    QCOMPARE(h->eventKinds(id).count(u"survey_queued"_s), 2);

    // A survey answered before a reopen stays answered (409, not 410).
    QCOMPARE(act(id, u"reopen"_s, u"reopen-2"_s).status, 200);
    QCOMPARE(answer(second, {{"score"_L1, 1}}).status, 409);
    QCOMPARE(h->ticket(id).value("csat"_L1).toObject().value("score"_L1).toInt(), 5);
}

void TestServerSurveys::answerIsValidated()
{
    const qint64 id = h->post(networkReport(u"r-valid"_s, u"m-valid"_s));
    QVERIFY(id > 0);
    const QString token = tokenOf(resolveAndWaitForSurvey(id, 1));
    QVERIFY(!token.isEmpty());
    const QList<std::pair<QJsonObject, QString>> bad{
        {{}, u"score"_s},
        {{{"score"_L1, 0}}, u"score"_s},
        {{{"score"_L1, 6}}, u"score"_s},
        {{{"score"_L1, 3.5}}, u"score"_s},
        {{{"score"_L1, "5"_L1}}, u"score"_s},
        {{{"score"_L1, 3}, {"comment"_L1, 7}}, u"comment"_s},
        {{{"score"_L1, 3}, {"comment"_L1, QString(2001, u'x')}}, u"comment"_s},
    };
    for (const auto &[body, field] : bad) {
        const HttpResult r = answer(token, body);
        QVERIFY2(r.status == 422, r.body.constData());
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.errorField(), field);
    }
    const HttpResult badJson = h->client->send("POST", u"/api/v1/surveys/%1"_s.arg(token), "{nope", {}, {});
    QCOMPARE(badJson.status, 400);
    QCOMPARE(badJson.errorCode(), u"bad_json"_s);
    QVERIFY(h->ticket(id).value("csat"_L1).isNull()); // nothing recorded by the refusals
    const HttpResult longest = answer(token, {{"score"_L1, 3}, {"comment"_L1, QString(2000, u'好')}});
    QCOMPARE(longest.status, 201);
    QCOMPARE(h->ticket(id).value("csat"_L1).toObject().value("comment"_L1).toString().size(), 2000);
}

QTEST_GUILESS_MAIN(TestServerSurveys)
#include "tst_server_surveys.moc"
