#include "DiagnoseCommand.h"

#include "core/Limits.h"
#include "core/LogPayload.h"
#include "core/ReportCodec.h"
#include "core/diagnosis/Diagnoser.h"
#include "core/diagnosis/DiagnosisCodec.h"
#include "core/logs/LogParser.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <optional>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

namespace {

std::optional<QByteArray> readFile(const QString &path, qint64 limit, QTextStream &err)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err << path << ": cannot read: " << f.errorString() << '\n';
        return std::nullopt;
    }
    if (f.size() > limit) {
        err << path << ": too large (" << f.size() << " bytes, at most " << limit << ")\n";
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

int runDiagnose(const DiagnoseOptions &options, QTextStream &out, QTextStream &err)
{
    RuleSet rules = defaultRules();
    if (!options.rulesPath.isEmpty()) {
        const auto bytes = readFile(options.rulesPath, 1 << 20, err);
        if (!bytes)
            return BadInput;
        auto loaded = loadRules(*bytes);
        if (!loaded.ok()) {
            err << options.rulesPath << ": " << loaded.error().toString() << '\n';
            return BadInput;
        }
        rules = std::move(loaded).value();
    }

    const auto body = readFile(options.reportPath, limits::kMaxReportBody, err);
    if (!body)
        return BadInput;
    const auto json = parseJsonObject(*body);
    if (!json.ok()) {
        err << options.reportPath << ": " << json.error().toString() << '\n';
        return BadInput;
    }
    const auto report = decodeReport(json.value());
    if (!report.ok()) {
        err << options.reportPath << ": " << report.error().toString() << '\n';
        return BadInput;
    }

    QByteArray logText;
    LogFormat format = report.value().log.format;
    if (!options.logPath.isEmpty()) {
        const auto bytes = readFile(options.logPath, limits::kMaxUncompressedLog, err);
        if (!bytes)
            return BadInput;
        logText = *bytes;
        format = LogFormat::Auto;
    } else if (!report.value().log.data.isEmpty()) {
        const LogDecodeResult log =
            decodeLogPayload(report.value().log, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
        if (log.status != LogDecodeResult::Status::Ok) {
            err << options.reportPath << ": " << log.error.toString() << '\n';
            return BadInput;
        }
        logText = log.text;
    }

    const Diagnoser diagnoser(rules);
    const Diagnosis diagnosis = diagnoser.diagnose(report.value(), parseLog(logText, format));
    out << QString::fromUtf8(QJsonDocument(encodeDiagnosis(diagnosis)).toJson(QJsonDocument::Indented));
    return Ok;
}

} // namespace relaydesk::cli
