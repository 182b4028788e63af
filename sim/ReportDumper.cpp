#include "ReportDumper.h"

#include "ReportGenerator.h"

#include "core/ReportCodec.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

bool ReportDumper::dump(const QString &directory, qint64 count, QString *error)
{
    QDir dir(directory);
    if (!dir.mkpath(u"."_s)) {
        *error = u"cannot create directory %1"_s.arg(directory);
        return false;
    }
    QSaveFile truth(dir.filePath(u"truth.jsonl"_s));
    if (!truth.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(truth.fileName(), truth.errorString());
        return false;
    }
    for (qint64 i = 1; i <= count; ++i) {
        const GeneratedReport generated = m_generator.next();
        const QString name = u"report-%1.json"_s.arg(i, 6, 10, QLatin1Char('0'));
        QSaveFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(encodeReport(generated.report)).toJson(QJsonDocument::Compact)) < 0
            || !file.commit()) {
            *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
            return false;
        }
        const QJsonObject line{{"file"_L1, name},
                               {"client_report_id"_L1, generated.report.clientReportId},
                               {"cause"_L1, toWire(generated.trueCause)},
                               {"family"_L1, generated.family}};
        truth.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!truth.commit()) {
        *error = u"cannot write %1: %2"_s.arg(truth.fileName(), truth.errorString());
        return false;
    }
    return true;
}

} // namespace relaydesk::sim
