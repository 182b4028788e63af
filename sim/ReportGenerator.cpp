#include "ReportGenerator.h"

#include "DeviceTables.h"
#include "MessageTables.h"
#include "SignatureTables.h"
#include "Templates.h"

#include "core/LogPayload.h"

#include <QVarLengthArray>

#include <cmath>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr Cause kCauses[] = {Cause::Network, Cause::Server, Cause::Client, Cause::Policy, Cause::User};
constexpr qint64 kMediaLimit = 100 * 1024 * 1024;
constexpr const char *kRejectedNames[] = {"setup.exe", "install.sh", "app-release.apk", "texture.tga",
                                          "Installer.dmg"};
constexpr const char *kSsids[] = {"Starbucks WiFi", "HOTEL-GUEST", "CMCC-WEB", "Airport_Free_WiFi", "ChinaNet-Free",
                                  "Marriott_GUEST", "Changi_WiFi", "_Free_Wifi_Berlin"};

QString reasonPhrase(int status)
{
    switch (status) {
    case 303: return u"See Other"_s;
    case 400: return u"Bad Request"_s;
    case 403: return u"Forbidden"_s;
    case 404: return u"Not Found"_s;
    case 410: return u"Gone"_s;
    case 413: return u"Payload Too Large"_s;
    case 415: return u"Unsupported Media Type"_s;
    case 429: return u"Too Many Requests"_s;
    case 500: return u"Internal Server Error"_s;
    case 502: return u"Bad Gateway"_s;
    case 503: return u"Service Unavailable"_s;
    case 504: return u"Gateway Timeout"_s;
    default: return {};
    }
}

int styleIndex(LogFormat format)
{
    if (format == LogFormat::Logcat)
        return 0;
    return format == LogFormat::Ios ? 1 : 2;
}

QString ipFor(SimRandom &random, const QString &region)
{
    int first = 52;
    if (region.startsWith("cn-"_L1))
        first = random.chance(0.5) ? 111 : 183;
    else if (region == "ap-southeast"_L1)
        first = random.chance(0.5) ? 103 : 175;
    else if (region == "eu-west"_L1)
        first = random.chance(0.5) ? 34 : 52;
    else
        first = random.chance(0.5) ? 3 : 54;
    return u"%1.%2.%3.%4"_s.arg(first).arg(random.between(0, 255)).arg(random.between(0, 255)).arg(
        random.between(1, 254));
}

} // namespace

ReportGenerator::ReportGenerator(const GeneratorOptions &options)
    : m_options(options), m_random(options.seed), m_logs(m_random)
{
    if (!m_options.start.isValid())
        m_options.start = QDateTime(QDate(2026, 3, 17), QTime(8, 0), Qt::UTC);
    m_options.spacingMs = qMax<qint64>(1, m_options.spacingMs);
    m_population = std::make_unique<DevicePopulation>(m_random, m_options.populationSize);
    QVarLengthArray<int, 8> weights;
    for (const auto &region : tables::regions())
        weights.append(region.weight);
    m_degradedRegion = QString::fromLatin1(
        tables::regions()[std::size_t(m_random.weighted({weights.constData(), std::size_t(weights.size())}))].name);
    m_flakyCarrier = m_population->pick(m_random).device.carrier;
}

const SimDevice &ReportGenerator::pickDevice(Cause cause)
{
    switch (cause) {
    case Cause::Server:
        if (m_random.chance(0.55))
            return m_population->pickWhere(m_random, [&](const SimDevice &d) { return d.region == m_degradedRegion; });
        break;
    case Cause::Client:
        if (m_random.chance(0.55))
            return m_population->pickWhere(m_random, [](const SimDevice &d) { return d.oldBuild; });
        break;
    case Cause::Network:
        if (m_random.chance(0.3))
            return m_population->pickWhere(m_random,
                                           [&](const SimDevice &d) { return d.device.carrier == m_flakyCarrier; });
        break;
    default: break;
    }
    return m_population->pick(m_random);
}

const SignatureFamily &ReportGenerator::pickFamily(Cause cause, LogFormat format)
{
    const auto families = tables::familiesOf(cause);
    QVarLengthArray<int, 16> weights;
    for (const auto &family : families)
        weights.append(*LogGenerator::templateFor(family, format) ? family.weight : 0);
    return families[std::size_t(m_random.weighted({weights.constData(), std::size_t(weights.size())}))];
}

int ReportGenerator::logLines()
{
    const double u = std::pow(m_random.real(), 1.6);
    return qMax(20, int(250.0 * std::pow(24.0, u) * m_options.logScale));
}

void ReportGenerator::fillMessage(FailedMessage &m, const SignatureFamily &family, const SimDevice &device,
                                  Templates &values)
{
    const bool zh = device.chinese;
    const QString name = QString::fromLatin1(family.name);
    switch (family.kind) {
    case KindNeed::Text:
    case KindNeed::LongText:
    case KindNeed::Empty: m.kind = MessageKind::Text; break;
    case KindNeed::Media: {
        static constexpr int kMedia[] = {50, 25, 10, 15};
        static constexpr MessageKind kKinds[] = {MessageKind::Image, MessageKind::File, MessageKind::Voice,
                                                 MessageKind::Video};
        m.kind = kKinds[m_random.weighted(kMedia)];
        if (name == "media_too_large"_L1)
            m.kind = m_random.chance(0.6) ? MessageKind::Video : MessageKind::File;
        if (name == "invalid_mime_type"_L1)
            m.kind = MessageKind::File;
        break;
    }
    case KindNeed::Any: {
        static constexpr int kAny[] = {70, 15, 6, 6, 3};
        m.kind = static_cast<MessageKind>(m_random.weighted(kAny));
        break;
    }
    }

    QString mime = QString::fromLatin1(m_random.pick(tables::mimeTypes(m.kind)));
    QString fileName = QString::fromUtf8(m_random.pick(tables::fileNames(zh)));
    if (name == "invalid_mime_type"_L1) {
        const auto rejected = tables::rejectedMimeTypes();
        const int i = m_random.between(0, int(rejected.size()) - 1);
        mime = QString::fromLatin1(rejected[std::size_t(i)]);
        fileName = QString::fromLatin1(kRejectedNames[i]);
    }
    values.set(u"mime"_s, mime);
    values.set(u"limit"_s, QString::number(kMediaLimit));

    QString text;
    switch (m.kind) {
    case MessageKind::Text:
        if (family.kind == KindNeed::Empty) {
            text.clear();
        } else if (family.kind == KindNeed::LongText) {
            const bool bytes = name == "event_too_large"_L1;
            const qint64 target = bytes ? m_random.between(65537, 140000) : m_random.between(4097, 16000);
            const auto phrases = tables::longTextPhrases(zh);
            while ((bytes ? text.toUtf8().size() : text.size()) < target)
                text += QString::fromUtf8(phrases[std::size_t(m_random.between(0, int(phrases.size()) - 1))]);
        } else {
            text = QString::fromUtf8(m_random.pick(tables::textPreviews(zh)));
        }
        m.sizeBytes = text.toUtf8().size();
        m.preview = text.size() > 120 ? text.left(120) + u"…"_s : text;
        values.set(u"len"_s, QString::number(text.size()));
        break;
    case MessageKind::Image:
        m.sizeBytes = m_random.between(80'000, 8'000'000);
        m.preview = zh ? u"[图片]"_s : u"[Photo]"_s;
        break;
    case MessageKind::File:
        m.sizeBytes = m_random.between(20'000, 60'000'000);
        m.preview = (zh ? u"[文件] "_s : u"[File] "_s) + fileName;
        break;
    case MessageKind::Voice: {
        const int seconds = m_random.between(2, 120);
        m.sizeBytes = qint64(seconds) * m_random.between(1800, 4000);
        m.preview = (zh ? u"[语音] %1:%2"_s : u"[Voice message] %1:%2"_s).arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
        break;
    }
    case MessageKind::Video:
    case MessageKind::Count:
        m.sizeBytes = m_random.between(2'000'000, 90'000'000);
        m.preview = zh ? u"[视频]"_s : u"[Video]"_s;
        break;
    }
    if (name == "media_too_large"_L1)
        m.sizeBytes = kMediaLimit + m_random.between64(1, 900'000'000);
    values.set(u"size"_s, QString::number(m.sizeBytes));

    m.clientMessageId = u"m-"_s + m_random.hex(24);
    const bool group = m_random.chance(0.3) || name == "chat_write_forbidden"_L1;
    m.conversationId = (group ? u"g-"_s : u"c-"_s) + m_random.hex(12);
    m.recipientId = group ? m.conversationId : u"u-%1"_s.arg(100000 + int(m_random.next32() % 900000U));
    values.set(u"mid"_s, m.clientMessageId);
    values.set(u"cid"_s, m.conversationId);
    values.set(u"rid"_s, m.recipientId);
}

GeneratedReport ReportGenerator::next()
{
    const Cause cause = kCauses[m_random.weighted(std::span<const int>(
        std::array{tables::causePercent(Cause::Network), tables::causePercent(Cause::Server),
                   tables::causePercent(Cause::Client), tables::causePercent(Cause::Policy),
                   tables::causePercent(Cause::User)}))];
    const SimDevice &device = pickDevice(cause);
    const LogFormat format = LogGenerator::formatFor(device.device.platform);
    const SignatureFamily &family = pickFamily(cause, format);

    GeneratedReport out;
    out.trueCause = cause;
    out.family = QString::fromLatin1(family.name);
    Report &r = out.report;
    Templates values(m_random);

    r.clientReportId = u"r-"_s + m_random.hex(32);
    const qint64 reportedMs = m_options.start.toMSecsSinceEpoch() + m_count * m_options.spacingMs
                              + m_random.between64(0, m_options.spacingMs - 1);
    r.reportedAt = QDateTime::fromMSecsSinceEpoch(reportedMs, Qt::UTC);
    r.user = device.user;
    r.device = device.device;
    if (family.network == NetworkNeed::Offline)
        r.device.network = NetworkType::Offline;
    else if (family.network == NetworkNeed::Wifi)
        r.device.network = NetworkType::Wifi;
    else if (r.device.network != NetworkType::Ethernet && m_random.chance(0.2))
        r.device.network = r.device.network == NetworkType::Wifi ? NetworkType::Cellular : NetworkType::Wifi;

    const QString host = u"api-%1.kite.im"_s.arg(device.region);
    const QString endpoint = family.endpoint == EndpointKind::Upload ? u"/v1/media/upload"_s : u"/v1/messages/send"_s;
    values.set(u"pkg"_s, u"im.kite.android"_s);
    values.set(u"host"_s, host);
    values.set(u"ip"_s, ipFor(m_random, device.region));
    values.set(u"region"_s, device.region);
    values.set(u"ep"_s, endpoint);
    values.set(u"url"_s, u"https://"_s + host + endpoint);
    values.set(u"ver"_s, r.device.appVersion);
    values.set(u"os"_s, r.device.osVersion);
    values.set(u"model"_s, r.device.model.isEmpty() ? u"PC"_s : r.device.model);
    values.set(u"status"_s, QString::number(family.httpStatus));
    values.set(u"reason"_s, reasonPhrase(family.httpStatus));
    values.set(u"uuid"_s, u"%1-%2-%3-%4-%5"_s.arg(m_random.hex(8), m_random.hex(4), m_random.hex(4), m_random.hex(4),
                                                   m_random.hex(12)).toUpper());
    values.set(u"reqid"_s, m_random.hex(16));
    values.set(u"ssid"_s, QString::fromLatin1(m_random.pick(kSsids)));
    values.set(u"dc"_s, QString::number(m_random.between(1, 5)));
    values.set(u"report"_s, r.clientReportId);
    int retryAfter = 0;
    if (out.family == "rate_limited"_L1)
        retryAfter = m_random.between(5, 90);
    else if (out.family == "flood_wait"_L1)
        retryAfter = m_random.pick({15, 30, 42, 60, 120, 300});
    values.set(u"retry"_s, QString::number(retryAfter));

    fillMessage(r.message, family, device, values);

    FailureInfo &f = r.failure;
    f.endpoint = endpoint;
    f.httpStatus = family.httpStatus;
    const QStringList codes = QString::fromLatin1(family.errorCode).split(QLatin1Char('|'));
    f.errorCode = values.expand(codes.size() == 3 ? codes.at(styleIndex(format)) : codes.front());
    f.errorMessage = values.expand(QString::fromUtf8(family.errorMessage));
    values.set(u"code"_s, f.errorCode);
    values.set(u"errmsg"_s, f.errorMessage);
    f.region = device.region;
    f.attempts = m_random.between(family.minAttempts, family.maxAttempts);

    const auto comments = tables::comments(cause, device.chinese);
    r.comment = QString::fromUtf8(comments[std::size_t(m_random.between(0, int(comments.size()) - 1))]);

    const qint64 busy = LogGenerator::failureDurationMs(f.attempts, retryAfter);
    const qint64 delay = busy + 30'000 + qint64(m_random.exponential(5 * 60'000.0));
    r.message.sentAt = QDateTime::fromMSecsSinceEpoch(reportedMs - qMin<qint64>(delay, 6 * 3600'000), Qt::UTC);

    LogRequest request;
    request.device = &device;
    request.family = &family;
    request.sentAt = r.message.sentAt;
    request.reportedAt = r.reportedAt;
    request.attempts = f.attempts;
    request.lineCount = logLines();
    request.retryAfterSeconds = retryAfter;
    GeneratedLog log = m_logs.generate(request, values);
    r.log = encodeLogPayload(log.text, log.format, m_options.logEncoding);
    out.evidence = std::move(log.evidence);
    ++m_count;
    return out;
}

} // namespace relaydesk::sim
