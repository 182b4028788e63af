#include "IncidentBulkAction.h"

#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUuid>

#include <limits>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

Decoded<BulkSummary> decodeBulkSummary(const QJsonObject &json)
{
    JsonReader r(json);
    BulkSummary s;
    s.incidentId = r.requiredString("incident_id"_L1, 128);
    s.action = r.requiredString("action"_L1, 32);
    s.done = int(r.requiredInt("done"_L1, 0, std::numeric_limits<int>::max()));
    s.skipped = int(r.requiredInt("skipped"_L1, 0, std::numeric_limits<int>::max()));
    s.failed = int(r.requiredInt("failed"_L1, 0, std::numeric_limits<int>::max()));
    if (!r.ok())
        return r.error();
    if (!json.value("results"_L1).isArray())
        return DecodeError{u"results"_s, u"must be an array"_s};
    const QJsonArray results = json.value("results"_L1).toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        JsonReader t(results.at(i).toObject());
        BulkTicketResult b;
        b.ticketId = t.requiredInt("ticket_id"_L1, 1, std::numeric_limits<qint64>::max());
        b.status = t.requiredString("status"_L1, 16);
        b.reason = t.optionalString("reason"_L1, 64);
        b.message = t.optionalString("message"_L1, 2000);
        b.holder = t.optionalString("holder"_L1, 256);
        b.actionId = t.optionalInt("action_id"_L1, 0, std::numeric_limits<qint64>::max(), 0);
        b.replayed = results.at(i).toObject().value("replayed"_L1).toBool();
        if (t.ok() && b.status != "done"_L1 && b.status != "skipped"_L1 && b.status != "failed"_L1)
            t.fail("status"_L1, u"unknown value \"%1\" (expected one of: done, skipped, failed)"_s.arg(b.status));
        if (!t.ok())
            return DecodeError{u"results[%1].%2"_s.arg(i).arg(t.error().path), t.error().message};
        s.results.append(b);
    }
    return s;
}

IncidentBulkAction::IncidentBulkAction(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

QString IncidentBulkAction::wireName(Verb verb)
{
    switch (verb) {
    case Verb::Resend: return u"resend"_s;
    case Verb::Reroute: return u"reroute"_s;
    case Verb::Reply: return u"reply"_s;
    }
    return {};
}

QJsonObject IncidentBulkAction::body(Verb verb, const ActionArgs &args) const
{
    QJsonObject body;
    switch (verb) {
    case Verb::Resend:
        if (args.region && !args.region->isEmpty())
            body.insert("region"_L1, *args.region);
        break;
    case Verb::Reroute: body.insert("region"_L1, args.region.value_or(QString())); break;
    case Verb::Reply:
        body = {{"locale"_L1, args.locale}, {"title"_L1, args.title}, {"body"_L1, args.body}};
        break;
    }
    return body;
}

bool IncidentBulkAction::start(const QString &incidentId, Verb verb, const ActionArgs &args, int ticketCount)
{
    if (m_running)
        return false;
    const QJsonObject request = body(verb, args);
    const QString fingerprint = incidentId + u'|' + wireName(verb) + u'|' +
                                QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
    // The same bulk action asked again after a failure reuses its key; anything else is a new action.
    if (fingerprint == m_retryFingerprint && !m_retryKey.isEmpty())
        m_lastKey = m_retryKey;
    else
        m_lastKey = u"incident-%1-%2"_s.arg(wireName(verb), QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_retryFingerprint = fingerprint;
    m_retryKey = m_lastKey;
    m_running = true;
    emit started(incidentId, verb, ticketCount);
    QPointer<IncidentBulkAction> self(this);
    m_api->postObject(u"/incidents/%1/%2"_s.arg(incidentId, wireName(verb)),
                      request, m_lastKey, [self, incidentId](ApiResult<QJsonObject> r) {
                          if (!self)
                              return;
                          self->m_running = false;
                          if (!r.ok())
                              return emit self->failed(incidentId, r.error.message);
                          auto decoded = decodeBulkSummary(*r.value);
                          if (!decoded.ok()) {
                              return emit self->failed(
                                  incidentId, QCoreApplication::translate("IncidentBulkAction",
                                                                          "The service sent an answer this console "
                                                                          "does not understand: %1")
                                                  .arg(decoded.error().toString()));
                          }
                          if (decoded.value().failed == 0) {
                              // Everything done or deliberately skipped: the next ask is a new action.
                              self->m_retryFingerprint.clear();
                              self->m_retryKey.clear();
                          }
                          emit self->finished(decoded.value());
                      });
    return true;
}

} // namespace relaydesk::models
