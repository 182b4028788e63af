#pragma once

#include <QString>

class QTextStream;

namespace relaydesk::cli {

struct DiagnoseOptions
{
    QString reportPath;
    QString logPath;   // empty: the report's own log payload
    QString rulesPath; // empty: the embedded default rules
};

enum ExitCode
{
    Ok = 0,
    BadInput = 1,
    Usage = 2
};

// Reads the report (and optional log and rules), diagnoses, writes the diagnosis JSON to out.
// Errors go to err, naming the file and the field path; returns the process exit code.
int runDiagnose(const DiagnoseOptions &options, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli
