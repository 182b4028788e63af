#include "server/DiagnosingPolicy.h"

#include "core/logs/LogParser.h"
#include "server/ServerLog.h"

#include <exception>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

DiagnosingPolicy::DiagnosingPolicy(Diagnoser diagnoser, Tier1Planner planner)
    : m_diagnoser(std::move(diagnoser)), m_planner(std::move(planner))
{
}

TriageDecision DiagnosingPolicy::decide(const Report &report, const QByteArray &logText)
{
    std::optional<Diagnosis> diagnosis;
    QString failure;
    try {
        const QList<LogLine> lines = parseLog(logText, report.log.format);
        diagnosis = m_diagnoser.diagnose(report, lines);
    } catch (const std::exception &e) {
        failure = QString::fromLocal8Bit(e.what());
    } catch (...) {
        failure = u"unexpected failure"_s;
    }
    if (!diagnosis)
        qCWarning(lcServer) << "diagnosis of report" << report.clientReportId << "failed:" << failure;
    return m_planner.plan(report, diagnosis, failure);
}

} // namespace relaydesk::server
