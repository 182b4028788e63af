#include "SharedTestData.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

namespace relaydesk::test {

QString sharedDataDir()
{
    const QString overridden = qEnvironmentVariable("RELAYDESK_SHARED_DIR");
    return QDir::cleanPath(overridden.isEmpty() ? QStringLiteral(RELAYDESK_SHARED_DIR) : overridden);
}

QString loghubPath(const QString &relative)
{
    return sharedDataDir() + QStringLiteral("/data/loghub/") + relative;
}

bool runningInCi()
{
    const QString ci = qEnvironmentVariable("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != QLatin1String("0") && ci != QLatin1String("false");
}

bool requireSharedData(const QStringList &paths, const char *file, int line)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile() && info.isReadable())
            continue;
        const QString how =
            QStringLiteral(
                "The tests read it from ../shared beside the checkout (%1): copy the team's shared "
                "folder there, or set RELAYDESK_SHARED_DIR to a copy. data/loghub holds the Loghub "
                "samples (https://github.com/logpai/loghub, <System>/<System>_2k.log*).")
                .arg(sharedDataDir());
        if (runningInCi()) {
            const QByteArray message =
                QStringLiteral(
                    "shared test data missing: %1 (CI is set, so this fails instead of skipping). %2")
                    .arg(path, how)
                    .toLocal8Bit();
            QTest::qFail(message.constData(), file, line);
        } else {
            const QByteArray message =
                QStringLiteral("shared test data missing: %1. %2").arg(path, how).toLocal8Bit();
            QTest::qSkip(message.constData(), file, line);
        }
        return false;
    }
    return true;
}

} // namespace relaydesk::test
