#pragma once

#include <QString>

namespace relaydesk::sim {

class ReportGenerator;

// Writes generated reports as JSON files (report-000001.json ...) for fixtures, fuzz corpora and
// benchmarks, plus truth.jsonl with each report's hidden cause and signature family, one line per file.
class ReportDumper final
{
public:
    explicit ReportDumper(ReportGenerator &generator) : m_generator(generator) {}

    // False with *error set when the directory or a file cannot be written.
    bool dump(const QString &directory, qint64 count, QString *error);

private:
    ReportGenerator &m_generator;
};

} // namespace relaydesk::sim
