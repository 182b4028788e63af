#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;
class QTranslator;

namespace relaydesk {

// Installs the console's translation for `locale` (and Qt's own, when available) on the application.
// Returns the locale name actually loaded ("en" when no translation matched).
QString installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace relaydesk
