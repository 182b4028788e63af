#include "server/IncidentBulk.h"

#include "server/ActionController.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/IncidentStore.h"
#include "server/OutboxDispatcher.h"
#include "server/ServerLog.h"

#include <QCryptographicHash>
#include <QFutureInterface>
#include <QJsonArray>

#include <memory>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Status = HttpReply::Status;

namespace {

// One bulk call in progress; shared by the chunk tasks, which run one after another.
struct Job
{
    ServiceContext context;
    HttpRequestData request;
    ActionVerb verb = ActionVerb::Resend;
    QString incidentId;
    QList<RegionStatus> regions;
    QString actor;
    QJsonObject input;
    QList<qint64> tickets; // the incident's open tickets when the call started
    qsizetype next = 0;
    QList<BulkOutcome> outcomes;
    // Not a QPromise: in Qt 6.4 its destructor cancels a future whose result the HTTP thread already took
    // (taking resets the state), which races with the last chunk task ending.
    QFutureInterface<HttpResponse> promise;

    void finish(HttpResponse response)
    {
        promise.reportAndMoveResult(std::move(response));
        promise.reportFinished();
    }
};
using JobPtr = std::shared_ptr<Job>;

BulkOutcome refused(qint64 ticketId, const QString &status, const ActionAnswer &answer)
{
    const QJsonObject error = answer.body.value("error"_L1).toObject();
    BulkOutcome o;
    o.ticketId = ticketId;
    o.status = status;
    o.reason = error.value("code"_L1).toString();
    o.message = error.value("message"_L1).toString();
    o.holder = answer.body.value("holder"_L1).toString();
    return o;
}

BulkOutcome failed(qint64 ticketId, const QString &message)
{
    BulkOutcome o;
    o.ticketId = ticketId;
    o.status = u"failed"_s;
    o.reason = u"internal"_s;
    o.message = message;
    return o;
}

HttpResponse summary(const Job &job)
{
    QJsonArray results;
    int done = 0, skipped = 0, failedCount = 0;
    bool allReplayed = !job.outcomes.isEmpty();
    for (const BulkOutcome &o : job.outcomes) {
        results.append(o.encode());
        done += o.status == "done"_L1;
        skipped += o.status == "skipped"_L1;
        failedCount += o.status == "failed"_L1;
        allReplayed = allReplayed && o.replayed;
    }
    HttpResponse response(QJsonObject{{"incident_id"_L1, job.incidentId},
                                             {"action"_L1, toWire(job.verb)},
                                             {"results"_L1, results},
                                             {"done"_L1, done},
                                             {"skipped"_L1, skipped},
                                             {"failed"_L1, failedCount}},
                                 Status::Ok);
    if (allReplayed)
        response.addHeader("Idempotent-Replayed", "true");
    return response;
}

void runChunk(const JobPtr &job);

// Schedules `step` on the pool; an escaping exception still answers the request.
void post(const JobPtr &job, void (*step)(const JobPtr &))
{
    job->context.pool->start([job, step] {
        try {
            step(job);
        } catch (const std::exception &e) {
            job->finish(HttpReply::internal(QString::fromLocal8Bit(e.what())));
        } catch (...) {
            job->finish(HttpReply::internal(u"unexpected failure"_s));
        }
    });
}

void prepare(const JobPtr &job)
{
    std::optional<HttpResponse> refusal;
    const auto principal = ActionController::authorize(job->context, job->request, &refusal);
    if (!principal)
        return job->finish(std::move(*refusal));
    const auto input =
        ActionController::readInput(job->context, job->verb, job->request.body, job->regions, &refusal);
    if (!input)
        return job->finish(std::move(*refusal));
    QString error;
    const auto incident = job->context.incidents->find(job->incidentId, &error);
    if (!error.isEmpty())
        return job->finish(HttpReply::internal(u"cannot read the incident: %1"_s.arg(error)));
    if (!incident)
        return job->finish(HttpReply::notFound(u"no such incident"_s));
    job->actor = principal->username;
    job->input = *input;
    job->tickets = incident->openTicketIds;
    qCInfo(lcServer) << job->actor << "bulk" << toWire(job->verb) << "incident" << job->incidentId << "on"
                     << job->tickets.size() << "open tickets";
    runChunk(job);
}

void runChunk(const JobPtr &job)
{
    const QString bulkKey = QString::fromLatin1(job->request.idempotencyKey);
    const qsizetype end = qMin(job->next + IncidentBulk::kChunk, job->tickets.size());
    for (; job->next < end; ++job->next)
        job->outcomes.append(IncidentBulk::actOn(job->context, job->actor, bulkKey, job->verb, job->input,
                                                 job->tickets.at(job->next)));
    if (job->next < job->tickets.size())
        return post(job, &runChunk); // let other requests' work in between
    job->finish(summary(*job));
}

} // namespace

QJsonObject BulkOutcome::encode() const
{
    QJsonObject o{{"ticket_id"_L1, ticketId}, {"status"_L1, status}, {"reason"_L1, reason}};
    if (!message.isEmpty())
        o.insert("message"_L1, message);
    if (!holder.isEmpty())
        o.insert("holder"_L1, holder);
    if (actionId > 0) {
        o.insert("action_id"_L1, actionId);
        o.insert("coalesced"_L1, coalesced);
    }
    o.insert("replayed"_L1, replayed);
    return o;
}

QString IncidentBulk::ticketKey(const QString &bulkKey, qint64 ticketId, ActionVerb step)
{
    const QByteArray digest = QCryptographicHash::hash(bulkKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return u"bulk-%1-t%2-%3"_s.arg(QString::fromLatin1(digest.left(32))).arg(ticketId).arg(toWire(step));
}

BulkOutcome IncidentBulk::actOn(const ServiceContext &context, const QString &actor, const QString &bulkKey,
                                ActionVerb verb, const QJsonObject &input, qint64 ticketId)
{
    QString error;
    // Claiming a ticket one already holds changes nothing, so the claim is simply always asked for.
    const ActionCall claim{
        ActionVerb::Claim, actor, ticketKey(bulkKey, ticketId, ActionVerb::Claim), ticketId, {}};
    const auto claimed = ActionController::perform(context, claim, &error);
    if (!claimed)
        return failed(ticketId, u"cannot claim the ticket: %1"_s.arg(error));
    if (claimed->status >= 300)
        return refused(ticketId, u"skipped"_s, *claimed);

    const ActionCall call{verb, actor, ticketKey(bulkKey, ticketId, verb), ticketId, input};
    const auto answer = ActionController::perform(context, call, &error);
    if (!answer)
        return failed(ticketId, u"cannot %1 the ticket: %2"_s.arg(toWire(verb), error));
    if (answer->status >= 300)
        return refused(ticketId, u"failed"_s, *answer);
    BulkOutcome o;
    o.ticketId = ticketId;
    o.status = u"done"_s;
    o.actionId = answer->body.value("action_id"_L1).toInteger();
    o.coalesced = answer->body.value("coalesced"_L1).toBool();
    o.replayed = answer->replayed;
    return o;
}

QFuture<HttpResponse> IncidentBulk::start(const ServiceContext &context,
                                                 const HttpRequestData &request, ActionVerb verb,
                                                 const QString &incidentId,
                                                 const QList<RegionStatus> &regions)
{
    auto job = std::make_shared<Job>();
    job->context = context;
    job->request = request;
    job->verb = verb;
    job->incidentId = incidentId;
    job->regions = regions;
    job->promise.reportStarted();
    QFuture<HttpResponse> future = job->promise.future();
    post(job, &prepare);
    return future;
}

} // namespace relaydesk::server
