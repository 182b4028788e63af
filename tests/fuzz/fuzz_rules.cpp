// Diagnosis rules loader: bytes -> validated, compiled RuleSet; then the rules run on a small report and log.
// Invariants: every rejection names a reason (and a path below the document level unless the document itself
// is bad); an accepted rule set diagnoses without crashing and yields a well-formed diagnosis.
#include "core/diagnosis/Diagnoser.h"
#include "core/diagnosis/DiagnosisCodec.h"
#include "core/logs/LogParser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk;
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto rules = loadRules(json);
    if (!rules.ok()) {
        if (rules.error().message.isEmpty())
            std::abort();
        return 0;
    }
    Report report;
    report.message.clientMessageId = QStringLiteral("m-0123456789abcdef");
    report.failure.endpoint = QStringLiteral("/v1/messages/send");
    report.failure.httpStatus = 403;
    report.failure.errorCode = QStringLiteral("M_FORBIDDEN");
    report.failure.errorMessage = QStringLiteral("Message rejected as probable spam");
    report.failure.region = QStringLiteral("eu-west");
    static const QList<LogLine> log = parseLog(
        "03-17 09:00:01.000  4123  4123 W OkHttp: <-- HTTP FAILED: java.net.SocketTimeoutException: timeout\n"
        "03-17 09:10:00.000  4123  4123 E AndroidRuntime: FATAL EXCEPTION: main\n"
        "[2026-03-17 10:22:03.123] [error] (send-queue) message m-0123456789abcdef rejected: M_FORBIDDEN\n",
        LogFormat::Auto);
    const Diagnosis d = Diagnoser(rules.value()).diagnose(report, log);
    if (d.confidence < 0.0 || d.confidence > 1.0 || d.rulesVersion != rules.value().version())
        std::abort();
    if (!decodeDiagnosis(encodeDiagnosis(d)).ok() && !d.summary.isEmpty())
        std::abort();
    return 0;
}
