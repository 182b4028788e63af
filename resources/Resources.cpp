#include "Resources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace relaydesk {

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *ours = new QTranslator(&app);
    const QString dir = QStringLiteral(":/relaydesk/i18n");
    // English is a translation too (it carries the plural forms); it is the fallback for any locale
    // without one of its own, including "C".
    if (!ours->load(locale, QStringLiteral("relaydesk"), QStringLiteral("_"), dir) &&
        !ours->load(QStringLiteral("relaydesk_en"), dir)) {
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
