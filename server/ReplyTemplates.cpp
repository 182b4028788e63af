#include "server/ReplyTemplates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

bool ReplyTemplates::load(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject() || !document.object().value("replies"_L1).isArray()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : u"expected {\"replies\": [...]}"_s;
        return false;
    }
    QList<Entry> entries;
    const QJsonArray replies = document.object().value("replies"_L1).toArray();
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const QJsonObject o = replies.at(i).toObject();
        const auto where = [i](const char *field) { return u"replies[%1].%2"_s.arg(i).arg(QLatin1StringView(field)); };
        Entry e;
        e.id = o.value("id"_L1).toString();
        const auto cause = fromWire<Cause>(o.value("cause"_L1).toString());
        if (!cause) {
            *error = where("cause") + u": unknown cause"_s;
            return false;
        }
        e.cause = *cause;
        for (const QJsonValue &code : o.value("error_codes"_L1).toArray())
            e.errorCodes.append(code.toString());
        const auto text = [&](const char *key, Text *out) {
            const QJsonObject t = o.value(QLatin1StringView(key)).toObject();
            out->title = t.value("title"_L1).toString();
            out->body = t.value("body"_L1).toString();
            if (out->title.isEmpty() || out->body.isEmpty()) {
                *error = where(key) + u": needs a title and a body"_s;
                return false;
            }
            return true;
        };
        if (!text("en", &e.en) || !text("zh_CN", &e.zh))
            return false;
        entries.append(std::move(e));
    }
    m_entries = std::move(entries);
    return true;
}

bool ReplyTemplates::loadBuiltIn(QString *error)
{
    QFile file(u":/relaydesk/tier1/replies.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"the built-in reply templates are missing"_s;
        return false;
    }
    return load(file.readAll(), error);
}

QString ReplyTemplates::replyLocale(const QString &userLocale)
{
    return userLocale.startsWith("zh"_L1, Qt::CaseInsensitive) ? u"zh_CN"_s : u"en"_s;
}

std::optional<RenderedReply> ReplyTemplates::render(Cause cause, const Report &report) const
{
    const Entry *chosen = nullptr;
    for (const Entry &e : m_entries) {
        if (e.cause != cause)
            continue;
        if (e.errorCodes.contains(report.failure.errorCode, Qt::CaseInsensitive)) {
            chosen = &e;
            break;
        }
        if (e.errorCodes.isEmpty() && !chosen)
            chosen = &e;
    }
    if (!chosen)
        return std::nullopt;
    const QString locale = replyLocale(report.user.locale);
    const Text &text = locale == "zh_CN"_L1 ? chosen->zh : chosen->en;
    const QString name = report.user.displayName.isEmpty() ? report.user.id : report.user.displayName;
    const QList<std::pair<QString, QString>> values{
        {u"{user_name}"_s, name},
        {u"{recipient_id}"_s, report.message.recipientId},
        {u"{error_code}"_s, report.failure.errorCode.isEmpty() ? QString::number(report.failure.httpStatus)
                                                               : report.failure.errorCode},
        {u"{preview}"_s, report.message.preview},
        {u"{app_version}"_s, report.device.appVersion},
        {u"{max_chars}"_s, u"4096"_s}};
    const auto fill = [&](QString s) {
        for (const auto &[key, value] : values)
            s.replace(key, value);
        return s;
    };
    return RenderedReply{chosen->id, locale, fill(text.title), fill(text.body)};
}

} // namespace relaydesk::server
