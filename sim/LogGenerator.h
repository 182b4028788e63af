#pragma once

#include "LogLine.h"
#include "SignatureFamily.h"
#include "SimDevice.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace relaydesk::sim {

class SimRandom;
class Templates;

// What happened on the device, as far as its log is concerned.
struct LogRequest
{
    const SimDevice *device = nullptr;
    const SignatureFamily *family = nullptr;
    QDateTime sentAt;     // the user pressed send (UTC)
    QDateTime reportedAt; // the user sent the report; the log ends here
    int attempts = 1;
    int lineCount = 1000; // ordinary lines around the failure
    int retryAfterSeconds = 0; // 429 families: the client waited this long between attempts
};

struct GeneratedLog
{
    LogFormat format = LogFormat::Text;
    QByteArray text;
    QStringList evidence; // the failure signature lines, exactly as they appear in `text`
};

// Writes a device log in the platform's own format (Android logcat threadtime, iOS `log show`, electron-log)
// with ordinary, bursty noise, the failure signature of the request's family at the time of the failure,
// sometimes a misleading harmless error long before, and the report dialog at the end. Times are the
// device's local clock (region offset); the iOS format states the offset, logcat and electron-log do not.
class LogGenerator final
{
public:
    explicit LogGenerator(SimRandom &random) : m_random(random) {}

    static LogFormat formatFor(Platform platform);
    // The family's template for a format ("" when the family does not occur there).
    static const char *templateFor(const SignatureFamily &family, LogFormat format);

    // How long a failure with this many attempts keeps the device busy (backoff 2/4/8/16 s, or Retry-After).
    static qint64 failureDurationMs(int attempts, int retryAfterSeconds);

    GeneratedLog generate(const LogRequest &request, Templates &values);

private:
    void addNoise(QList<LogLine> &lines, const LogRequest &request, LogFormat format, const Templates &values);
    void addBlock(QList<LogLine> &lines, const QString &block, qint64 atMs, int writerPid, const Templates &values,
                  QSet<int> *evidence = nullptr);
    void addSignature(QList<LogLine> &lines, const LogRequest &request, LogFormat format, Templates &values,
                      QSet<int> *evidence);
    LogLine makeLine(QStringView templ, qint64 msUtc, int pid, const Templates &values);
    int pidFor(const QString &tag);
    QString render(const LogLine &line, LogFormat format, int utcOffsetMinutes) const;

    SimRandom &m_random;
    // Per-log process table: stable pids for system processes and threads of the app.
    QHash<QString, int> m_pids;
    int m_systemPid = 0;
    int m_systemUiPid = 0;
    int m_appPid = 0;
    int m_order = 0;
    LogFormat m_format = LogFormat::Logcat;
};

} // namespace relaydesk::sim
