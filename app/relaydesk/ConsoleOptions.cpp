#include "ConsoleOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>

namespace relaydesk::app {

ParsedOptions parseConsoleOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Relaydesk: the console for rescuing failed instant messages.\n"
                "Without --server it runs the service embedded, with a local database."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QCoreApplication::translate("main", "Service to connect to, e.g. https://relaydesk.example.com."),
                                    QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Also run the simulator so failed-message reports arrive."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Directory for the local database and cache."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "User interface language, e.g. zh_CN or en."),
                                  QStringLiteral("LOCALE"));
    const QCommandLineOption clientKey(QStringLiteral("client-key"),
                                       QCoreApplication::translate("main", "Intake key for --demo against --server."),
                                       QStringLiteral("KEY"));
    const QCommandLineOption rate(QStringLiteral("demo-rate"),
                                  QCoreApplication::translate("main", "Simulated reports per second (default 4)."),
                                  QStringLiteral("R"), QStringLiteral("4"));
    const QCommandLineOption count(QStringLiteral("demo-count"),
                                   QCoreApplication::translate("main", "Simulated reports to send (default 200)."),
                                   QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("main", "Simulator seed, for a repeatable demo."),
                                  QStringLiteral("S"), QStringLiteral("0"));
    parser.addOptions({server, demo, dataDir, lang, clientKey, rate, count, seed});

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "relaydesk: %s\n", qPrintable(message));
        return ParsedOptions{std::nullopt, 2};
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return {std::nullopt, 0};
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("relaydesk %s\n", RELAYDESK_VERSION);
        return {std::nullopt, 0};
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("main", "unexpected argument: %1").arg(parser.positionalArguments().first()));

    ConsoleOptions o;
    if (parser.isSet(server)) {
        o.server = QUrl::fromUserInput(parser.value(server));
        if (!o.server.isValid() || (o.server.scheme() != QLatin1String("http") && o.server.scheme() != QLatin1String("https")))
            return fail(QCoreApplication::translate("main", "--server needs an http:// or https:// URL, got \"%1\"")
                            .arg(parser.value(server)));
    }
    o.dataDir = parser.isSet(dataDir) ? parser.value(dataDir)
                                      : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    o.language = parser.value(lang);
    o.demo = parser.isSet(demo);
    o.clientKey = parser.value(clientKey);
    bool ok = false;
    o.demoRate = parser.value(rate).toDouble(&ok);
    if (!ok || o.demoRate <= 0 || o.demoRate > 1000)
        return fail(QCoreApplication::translate("main", "--demo-rate must be a number between 0 and 1000"));
    o.demoCount = parser.value(count).toInt(&ok);
    if (!ok || o.demoCount < 0)
        return fail(QCoreApplication::translate("main", "--demo-count must be a whole number >= 0"));
    o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("main", "--seed must be a whole number"));
    if (o.demo && !o.server.isEmpty() && o.clientKey.isEmpty())
        return fail(QCoreApplication::translate("main", "--demo with --server needs --client-key"));
    return {o, 0};
}

} // namespace relaydesk::app
