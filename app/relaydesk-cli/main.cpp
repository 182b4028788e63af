// relaydesk-cli: composition root. Parses the command line and hands over to the command.
#include "DiagnoseCommand.h"
#include "KbIndexCommand.h"
#include "KbSearchCommand.h"
#include "LogIndexCommand.h"
#include "LogPatternsCommand.h"
#include "LogSearchCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"relaydesk-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYDESK_VERSION));

    // "log index" and "log search" parse their own options.
    const QStringList words = QCoreApplication::arguments();
    if (words.size() >= 3 && words.at(1) == "log"_L1 && words.at(2) == "index"_L1) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return relaydesk::cli::runLogIndex(words.mid(3), out, err);
    }
    if (words.size() >= 3 && words.at(1) == "log"_L1 && words.at(2) == "search"_L1) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return relaydesk::cli::runLogSearch(words.mid(3), out, err);
    }
    if (words.size() >= 3 && words.at(1) == "log"_L1 && words.at(2) == "patterns"_L1) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return relaydesk::cli::runLogPatterns(words.mid(3), out, err);
    }

    if (words.size() >= 3 && words.at(1) == "kb"_L1 && words.at(2) == "index"_L1) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return relaydesk::cli::runKbIndex(words.mid(3), out, err);
    }
    if (words.size() >= 3 && words.at(1) == "kb"_L1 && words.at(2) == "search"_L1) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return relaydesk::cli::runKbSearch(words.mid(3), out, err);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Relaydesk command-line tools.\n\n"
        "  diagnose REPORT.json [--log FILE] [--rules FILE]\n"
        "      Prints the automatic diagnosis of a failed-message report as JSON. The log is the report's "
        "own\n"
        "      log payload unless --log is given; the rules are the embedded ones unless --rules is given.\n"
        "      Exit status: 0 ok, 1 bad input (the error names the file and field path), 2 usage."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption log(
        u"log"_s, u"Diagnose with this device log file instead of the report's log."_s, u"FILE"_s);
    const QCommandLineOption rules(
        u"rules"_s, u"Rules file (docs/diagnosis-rules.md) instead of the embedded rules."_s, u"FILE"_s);
    parser.addOptions({log, rules});
    parser.addPositionalArgument(u"command"_s, u"diagnose"_s);
    parser.addPositionalArgument(u"report"_s, u"Report JSON file (the POST /reports body)."_s);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || args.front() != "diagnose"_L1) {
        err << "relaydesk-cli: usage: relaydesk-cli diagnose REPORT.json [--log FILE] [--rules FILE] (see "
               "--help)\n";
        return relaydesk::cli::Usage;
    }
    relaydesk::cli::DiagnoseOptions options;
    options.reportPath = args.at(1);
    options.logPath = parser.value(log);
    options.rulesPath = parser.value(rules);
    return relaydesk::cli::runDiagnose(options, out, err);
}
