#include "JsonPaths.h"

#include <QStringList>

namespace relaydesk::test {

using namespace Qt::StringLiterals;

namespace {

QJsonObject edit(QJsonObject object, QStringList keys, const QJsonValue &value, bool remove)
{
    const QString key = keys.takeFirst();
    if (keys.isEmpty()) {
        if (remove)
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    object.insert(key, edit(object.value(key).toObject(), keys, value, remove));
    return object;
}

} // namespace

QJsonObject withValue(QJsonObject root, const QString &path, const QJsonValue &value)
{
    return edit(std::move(root), path.split(QLatin1Char('.')), value, false);
}

QJsonObject without(QJsonObject root, const QString &path)
{
    return edit(std::move(root), path.split(QLatin1Char('.')), {}, true);
}

QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    QJsonValue v = root;
    for (const QString &key : path.split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v;
}

QJsonObject validReportJson()
{
    return QJsonObject{
        {"client_report_id"_L1, "r-7f3a0001"_L1},
        {"reported_at"_L1, "2026-03-17T16:14:02Z"_L1},
        {"user"_L1, QJsonObject{{"id"_L1, "u-1842"_L1}, {"display_name"_L1, u"王芳"_s}, {"locale"_L1, "zh_CN"_L1}}},
        {"device"_L1, QJsonObject{{"platform"_L1, "android"_L1},
                                  {"os_version"_L1, "14"_L1},
                                  {"model"_L1, "Pixel 7"_L1},
                                  {"app_version"_L1, "8.4.1"_L1},
                                  {"network"_L1, "cellular"_L1},
                                  {"carrier"_L1, "China Mobile"_L1}}},
        {"message"_L1, QJsonObject{{"client_message_id"_L1, "m-1"_L1},
                                   {"conversation_id"_L1, "c-1"_L1},
                                   {"recipient_id"_L1, "u-2"_L1},
                                   {"kind"_L1, "text"_L1},
                                   {"size_bytes"_L1, 42},
                                   {"sent_at"_L1, "2026-03-17T16:13:38Z"_L1},
                                   {"preview"_L1, u"晚上见"_s}}},
        {"failure"_L1, QJsonObject{{"endpoint"_L1, "/v1/messages/send"_L1},
                                   {"http_status"_L1, 503},
                                   {"error_code"_L1, "SERVICE_UNAVAILABLE"_L1},
                                   {"error_message"_L1, "upstream unavailable"_L1},
                                   {"region"_L1, "cn-north"_L1},
                                   {"attempts"_L1, 3}}},
        {"comment"_L1, u"发不出去"_s},
        {"log"_L1, QJsonObject{{"format"_L1, "logcat"_L1}, {"encoding"_L1, "text"_L1},
                               {"data"_L1, "03-17 16:13:38.811  1702  2395 D WindowManager: hello\n"_L1}}}};
}

} // namespace relaydesk::test
