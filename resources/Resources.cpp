#include "Resources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace relaydesk {

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("relaydesk"), QStringLiteral("_"), QStringLiteral(":/relaydesk/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return ours->language();
}

} // namespace relaydesk
