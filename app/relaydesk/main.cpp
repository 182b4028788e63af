// relaydesk: the console for tier-2 agents. Parses options, builds the console, runs.
#include "Console.h"
#include "ConsoleOptions.h"
#include "resources/Resources.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Relaydesk"));
    QApplication::setApplicationName(QStringLiteral("relaydesk"));
    QApplication::setApplicationVersion(QStringLiteral(RELAYDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.relaydesk.Relaydesk"));

    const auto parsed = relaydesk::app::parseConsoleOptions(QApplication::arguments());
    if (!parsed.options)
        return parsed.exitCode;
    const relaydesk::app::ConsoleOptions &options = *parsed.options;
    if (!options.language.isEmpty())
        QLocale::setDefault(QLocale(options.language)); // dates and numbers follow the chosen language too
    relaydesk::installTranslations(app, QLocale());

    relaydesk::app::Console console(options);
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
