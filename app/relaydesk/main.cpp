// relaydesk: the console for tier-2 agents. Parses options, builds the console, runs.
#include "Console.h"
#include "ConsoleOptions.h"
#include "resources/Resources.h"

#include <QApplication>
#include <QMessageBox>

#include <cstring>
#include <initializer_list>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Relaydesk"));
    QCoreApplication::setApplicationName(QStringLiteral("relaydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYDESK_VERSION));

    // --help and --version are answered under a QCoreApplication, before any platform plugin is loaded, so
    // they work without a display. Everything else is parsed after QApplication took its own options
    // (-style, -platform…).
    const auto asks = [argc, argv](std::initializer_list<const char *> flags) {
        for (int i = 1; i < argc; ++i)
            for (const char *flag : flags)
                if (std::strcmp(argv[i], flag) == 0)
                    return true;
        return false;
    };
    if (asks({"-h", "-?", "--help", "--help-all", "-v", "--version"})) {
        QCoreApplication bare(argc, argv);
        const auto parsed = relaydesk::app::parseConsoleOptions(QCoreApplication::arguments());
        if (!parsed.options)
            return parsed.exitCode;
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("org.relaydesk.Relaydesk"));

    const auto parsed = relaydesk::app::parseConsoleOptions(QApplication::arguments());
    if (!parsed.options)
        return parsed.exitCode;
    const relaydesk::app::ConsoleOptions &options = *parsed.options;
    if (!options.language.isEmpty())
        QLocale::setDefault(QLocale(options.language)); // dates and numbers follow the chosen language too
    relaydesk::installTranslations(app, QLocale());

    relaydesk::app::ConsoleOptions run = options;
    run.welcome = !options.demo; // the demo explains itself; the welcome is for a first plain start
    relaydesk::app::Console console(run);
    QString error;
    if (!console.start(&error)) {
        if (error.isEmpty())
            return 0; // the user cancelled signing in
        QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Relaydesk cannot start"), error,
                        QMessageBox::Ok);
        box.setTextFormat(Qt::PlainText);
        box.exec();
        return 1;
    }
    return app.exec();
}
