#include "LogGenerator.h"

#include "NoiseTables.h"
#include "SimRandom.h"
#include "Templates.h"

#include <QDate>
#include <QVarLengthArray>

#include <algorithm>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMsPerDay = 86400000;
constexpr qint64 kUnixEpochJulianDay = 2440588;

void appendPadded(QString &out, qint64 value, int width)
{
    QString digits = QString::number(value);
    for (qsizetype i = digits.size(); i < width; ++i)
        out += QLatin1Char('0');
    out += digits;
}

void appendAligned(QString &out, const QString &field, int width, bool right)
{
    const qsizetype pad = qMax<qsizetype>(0, width - field.size());
    if (right)
        out += QString(pad, QLatin1Char(' '));
    out += field;
    if (!right)
        out += QString(pad, QLatin1Char(' '));
}

// "MM-dd HH:mm:ss.zzz" or "yyyy-MM-dd HH:mm:ss" prefixes, computed without QDateTime for speed.
struct LocalTime
{
    QDate date;
    qint64 msOfDay;
};

LocalTime toLocal(qint64 msUtc, int offsetMinutes)
{
    const qint64 local = msUtc + qint64(offsetMinutes) * 60000;
    qint64 days = local / kMsPerDay;
    qint64 rest = local % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --days;
    }
    return {QDate::fromJulianDay(kUnixEpochJulianDay + days), rest};
}

void appendClock(QString &out, qint64 msOfDay)
{
    appendPadded(out, msOfDay / 3600000, 2);
    out += QLatin1Char(':');
    appendPadded(out, msOfDay / 60000 % 60, 2);
    out += QLatin1Char(':');
    appendPadded(out, msOfDay / 1000 % 60, 2);
}

QString appleType(char level)
{
    switch (level) {
    case 'V':
    case 'D': return u"Debug"_s;
    case 'E': return u"Error"_s;
    case 'F':
    case 'A': return u"Fault"_s;
    default: return u"Default"_s;
    }
}

QString electronLevel(char level)
{
    switch (level) {
    case 'V': return u"verbose"_s;
    case 'D': return u"debug"_s;
    case 'W': return u"warn"_s;
    case 'E':
    case 'F':
    case 'A': return u"error"_s;
    default: return u"info"_s;
    }
}

bool isSystemTag(QStringView tag)
{
    static constexpr QStringView kSystem[] = {u"ActivityManager", u"NetworkMonitor", u"WindowManager",
                                              u"PowerManagerService", u"ConnectivityService"};
    return std::any_of(std::begin(kSystem), std::end(kSystem), [&](QStringView s) { return tag.startsWith(s); });
}

} // namespace

LogFormat LogGenerator::formatFor(Platform platform)
{
    switch (platform) {
    case Platform::Android: return LogFormat::Logcat;
    case Platform::Ios:
    case Platform::Macos: return LogFormat::Ios;
    default: return LogFormat::Electron;
    }
}

const char *LogGenerator::templateFor(const SignatureFamily &family, LogFormat format)
{
    if (format == LogFormat::Logcat)
        return family.android;
    return format == LogFormat::Ios ? family.apple : family.electron;
}

int LogGenerator::pidFor(const QString &tag)
{
    auto it = m_pids.find(tag);
    if (it == m_pids.end())
        it = m_pids.insert(tag, m_random.between(80, 8000));
    return *it;
}

LogLine LogGenerator::makeLine(QStringView templ, qint64 msUtc, int pid, const Templates &values)
{
    LogLine line;
    line.msUtc = msUtc;
    line.order = m_order++;
    line.level = templ.isEmpty() ? 'I' : char(templ.front().toLatin1());
    const QStringView rest = templ.mid(2);
    const qsizetype colon = rest.indexOf(u": ");
    line.tag = values.expand(colon < 0 ? QStringView(u"Kite") : rest.left(colon));
    line.text = values.expand(colon < 0 ? rest : rest.mid(colon + 2));
    if (pid < 0) {
        if (line.tag == u"Kite" || line.tag.startsWith(u"com.kite"))
            pid = m_appPid;
        else if (isSystemTag(line.tag))
            pid = m_systemPid;
        else if (m_format != LogFormat::Ios && !line.tag.isEmpty() && line.tag.front().isUpper())
            pid = m_appPid; // app-side logcat tags (SendQueue, OkHttp...)
        else
            pid = pidFor(line.tag);
    }
    line.pid = pid;
    if (m_random.chance(0.5))
        line.tid = pid;
    else
        line.tid = pid + m_random.between(1, 20000);
    return line;
}

void LogGenerator::addBlock(QList<LogLine> &lines, const QString &block, qint64 atMs, int writerPid,
                            const Templates &values, QSet<int> *evidence)
{
    qint64 t = atMs;
    for (QStringView templ : QStringView(block).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        lines.append(makeLine(templ, t, writerPid, values));
        if (evidence)
            evidence->insert(lines.back().order);
        t += m_random.between(0, 40);
    }
}

void LogGenerator::addSignature(QList<LogLine> &lines, const LogRequest &request, LogFormat format,
                                Templates &values, QSet<int> *evidence)
{
    const QString templ = QString::fromUtf8(templateFor(*request.family, format));
    const qsizetype split = templ.indexOf(u"\n--\n");
    const QString perAttempt = split < 0 ? QString() : templ.left(split);
    const QString final = split < 0 ? templ : templ.mid(split + 4);
    qint64 t = request.sentAt.toMSecsSinceEpoch() + m_random.between(20, 300);
    values.set(u"attempts"_s, QString::number(request.attempts));
    for (int attempt = 1; attempt <= request.attempts && !perAttempt.isEmpty(); ++attempt) {
        const int backoff = request.retryAfterSeconds > 0 ? request.retryAfterSeconds : 1 << qMin(attempt, 4);
        values.set(u"attempt"_s, QString::number(attempt));
        values.set(u"backoff"_s, QString::number(backoff));
        QString block = perAttempt;
        if (attempt == request.attempts) { // no "retry in Ns" after the last attempt
            QStringList kept = perAttempt.split(QLatin1Char('\n'));
            kept.removeIf([](const QString &l) { return l.contains(u"{backoff}"); });
            block = kept.join(QLatin1Char('\n'));
        }
        addBlock(lines, block, t, -1, values, evidence);
        if (attempt < request.attempts)
            t += qint64(backoff) * 1000 + m_random.between(5, 200);
    }
    addBlock(lines, final, t + m_random.between(1, 50), -1, values, evidence);
}

qint64 LogGenerator::failureDurationMs(int attempts, int retryAfterSeconds)
{
    qint64 total = 2000;
    for (int attempt = 1; attempt < attempts; ++attempt)
        total += qint64(retryAfterSeconds > 0 ? retryAfterSeconds : 1 << qMin(attempt, 4)) * 1000 + 200;
    return total;
}

void LogGenerator::addNoise(QList<LogLine> &lines, const LogRequest &request, LogFormat format,
                            const Templates &values)
{
    const auto table = tables::noise(format);
    QVarLengthArray<int, 32> weights;
    for (const auto &n : table)
        weights.append(n.weight);
    const std::span<const int> w(weights.constData(), std::size_t(weights.size()));

    const qint64 end = request.reportedAt.toMSecsSinceEpoch();
    const qint64 start = lines.isEmpty() ? end - 600000 : lines.front().msUtc;
    const qint64 span = qMax<qint64>(1, end - start);
    QList<qint64> bursts;
    for (int i = 0; i < 1 + request.lineCount / 80; ++i)
        bursts.append(start + m_random.between64(0, span));
    for (int i = 0; i < request.lineCount; ++i) {
        qint64 t = 0;
        if (m_random.chance(0.45)) {
            t = start + m_random.between64(0, span);
        } else {
            const qint64 offset = qint64(m_random.exponential(1500.0));
            t = bursts.at(m_random.between(0, int(bursts.size()) - 1)) + (m_random.chance(0.5) ? offset : -offset);
        }
        t = qBound(start, t, end);
        const auto &noise = table[std::size_t(m_random.weighted(w))];
        int pid = -1;
        if (format == LogFormat::Logcat) {
            switch (noise.writer) {
            case tables::Writer::App: pid = m_appPid; break;
            case tables::Writer::System: pid = m_systemPid; break;
            case tables::Writer::SystemUi: pid = m_systemUiPid; break;
            case tables::Writer::Other: break;
            }
        }
        lines.append(makeLine(QString::fromUtf8(noise.line), t, pid, values));
    }
}

GeneratedLog LogGenerator::generate(const LogRequest &request, Templates &values)
{
    GeneratedLog out;
    out.format = formatFor(request.device->device.platform);
    m_format = out.format;
    m_pids.clear();
    m_order = 0;
    m_appPid = request.device->appPid;
    m_systemPid = m_random.between(900, 2000);
    m_systemUiPid = m_systemPid + m_random.between(200, 900);
    values.set(u"pid"_s, QString::number(m_appPid));
    values.set(u"sysui"_s, QString::number(m_systemUiPid));

    QList<LogLine> lines;
    lines.reserve(request.lineCount + 64);
    const qint64 sent = request.sentAt.toMSecsSinceEpoch();
    const qint64 lead = qint64(m_random.between(3 * 60, 45 * 60)) * 1000;
    const qint64 start = sent - lead;
    for (const auto &s : tables::startup(out.format))
        lines.append(makeLine(QString::fromUtf8(s.line), start + m_random.between(0, 900), -1, values));
    std::stable_sort(lines.begin(), lines.end(), [](const LogLine &a, const LogLine &b) { return a.msUtc < b.msUtc; });

    if (m_random.chance(0.35) && lead > 4 * 60 * 1000) {
        const auto blocks = tables::misleading(out.format);
        values.set(u"oldmid"_s, u"m-"_s + m_random.hex(20));
        const qint64 at = start + m_random.between64(60000, lead - 3 * 60 * 1000);
        addBlock(lines, QString::fromUtf8(m_random.pick(blocks)), at, -1, values);
    }
    QSet<int> evidence;
    addSignature(lines, request, out.format, values, &evidence);
    addBlock(lines, QString::fromUtf8(tables::reportBlock(out.format)),
             request.reportedAt.toMSecsSinceEpoch() - m_random.between(800, 4000), -1, values);
    addNoise(lines, request, out.format, values);

    std::stable_sort(lines.begin(), lines.end(), [](const LogLine &a, const LogLine &b) {
        return a.msUtc != b.msUtc ? a.msUtc < b.msUtc : a.order < b.order;
    });

    QString text;
    text.reserve(qsizetype(lines.size()) * 140);
    if (out.format == LogFormat::Ios)
        text += u"Timestamp                       Thread     Type        Activity             PID    TTL  \n"_s;
    for (const LogLine &line : std::as_const(lines)) {
        const QString rendered = render(line, out.format, request.device->utcOffsetMinutes);
        if (evidence.contains(line.order))
            out.evidence.append(rendered);
        text += rendered;
        text += QLatin1Char('\n');
    }
    out.text = text.toUtf8();
    return out;
}

QString LogGenerator::render(const LogLine &line, LogFormat format, int utcOffsetMinutes) const
{
    const LocalTime local = toLocal(line.msUtc, utcOffsetMinutes);
    QString out;
    out.reserve(line.text.size() + line.tag.size() + 64);
    if (format == LogFormat::Logcat) {
        appendPadded(out, local.date.month(), 2);
        out += QLatin1Char('-');
        appendPadded(out, local.date.day(), 2);
        out += QLatin1Char(' ');
        appendClock(out, local.msOfDay);
        out += QLatin1Char('.');
        appendPadded(out, local.msOfDay % 1000, 3);
        out += QLatin1Char(' ');
        appendAligned(out, QString::number(line.pid), 5, true);
        out += QLatin1Char(' ');
        appendAligned(out, QString::number(line.tid), 5, true);
        out += QLatin1Char(' ');
        out += QLatin1Char(line.level);
        out += QLatin1Char(' ');
        out += line.tag;
        out += u": "_s;
        out += line.text;
        return out;
    }
    appendPadded(out, local.date.year(), 4);
    out += QLatin1Char('-');
    appendPadded(out, local.date.month(), 2);
    out += QLatin1Char('-');
    appendPadded(out, local.date.day(), 2);
    out += QLatin1Char(' ');
    appendClock(out, local.msOfDay);
    out += QLatin1Char('.');
    if (format == LogFormat::Ios) {
        appendPadded(out, (local.msOfDay % 1000) * 1000 + (line.order * 37) % 1000, 6);
        out += utcOffsetMinutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
        appendPadded(out, qAbs(utcOffsetMinutes) / 60, 2);
        appendPadded(out, qAbs(utcOffsetMinutes) % 60, 2);
        out += QLatin1Char(' ');
        appendAligned(out, u"0x"_s + QString::number(line.tid * 7 + 0x10000, 16), 10, false);
        out += QLatin1Char(' ');
        appendAligned(out, appleType(line.level), 11, false);
        out += QLatin1Char(' ');
        appendAligned(out, u"0x0"_s, 20, false);
        out += QLatin1Char(' ');
        appendAligned(out, QString::number(line.pid), 6, false);
        out += u" 0    "_s;
        out += line.tag;
        out += u": "_s;
        out += line.text;
        return out;
    }
    appendPadded(out, local.msOfDay % 1000, 3);
    out = QLatin1Char('[') + out + u"] ["_s + electronLevel(line.level) + u"] ("_s + line.tag + u") "_s + line.text;
    return out;
}

} // namespace relaydesk::sim
