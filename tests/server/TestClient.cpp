#include "TestClient.h"

#include "core/Gzip.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

QString HttpResult::errorCode() const
{
    return json.value("error"_L1).toObject().value("code"_L1).toString();
}

QString HttpResult::errorField() const
{
    return json.value("error"_L1).toObject().value("field"_L1).toString();
}

TestClient::TestClient(QUrl base) : m_base(std::move(base))
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResult TestClient::get(const QString &path, const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, token, headers);
}

HttpResult TestClient::post(const QString &path, const QByteArray &body, const QString &token,
                            const QByteArray &contentType)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return send("POST", path, body, token, headers);
}

QNetworkRequest TestClient::request(const QString &path, const QString &token) const
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(120000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return request;
}

HttpResult TestClient::collect(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.json = QJsonDocument::fromJson(result.body).object();
    reply->deleteLater();
    return result;
}

HttpResult TestClient::send(const QByteArray &verb, const QString &path, const QByteArray &body, const QString &token,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest r = request(path, token);
    for (const auto &[name, value] : headers)
        r.setRawHeader(name, value);
    return collect(m_nam.sendCustomRequest(r, verb, body));
}

QList<HttpResult> TestClient::postParallel(const QString &path, const QList<QByteArray> &bodies, const QString &token)
{
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : bodies) {
        QNetworkRequest r = request(path, token);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        replies.append(m_nam.post(r, body));
    }
    QList<HttpResult> results;
    for (QNetworkReply *reply : replies)
        results.append(collect(reply));
    return results;
}

QList<HttpResult> TestClient::sendParallel(const QList<Request> &requests)
{
    QList<QNetworkReply *> replies;
    for (const Request &request : requests) {
        QNetworkRequest r = this->request(request.path, request.token);
        for (const auto &[name, value] : request.headers)
            r.setRawHeader(name, value);
        replies.append(m_nam.sendCustomRequest(r, request.verb, request.body));
    }
    QList<HttpResult> results;
    for (QNetworkReply *reply : replies)
        results.append(collect(reply));
    return results;
}

QString TestClient::login(const QString &username, const QString &password)
{
    const HttpResult r = post(u"/api/v1/auth/login"_s,
                              toJson({{"username"_L1, username}, {"password"_L1, password}}));
    return r.status == 200 ? r.json.value("token"_L1).toString() : QString();
}

HttpResult TestClient::postReport(const QJsonObject &report, const QString &clientKey)
{
    return post(u"/api/v1/reports"_s, toJson(report), clientKey);
}

QJsonObject sampleReport(const QString &clientReportId, const QByteArray &log, bool gzipped)
{
    QJsonObject report{
        {"client_report_id"_L1, clientReportId},
        {"reported_at"_L1, "2026-03-17T16:14:02Z"_L1},
        {"user"_L1, QJsonObject{{"id"_L1, "u-1842"_L1}, {"display_name"_L1, u"王芳"_s}, {"locale"_L1, "zh_CN"_L1}}},
        {"device"_L1, QJsonObject{{"platform"_L1, "android"_L1}, {"os_version"_L1, "14"_L1},
                                  {"model"_L1, "Pixel 7"_L1}, {"app_version"_L1, "8.4.1"_L1},
                                  {"network"_L1, "cellular"_L1}, {"carrier"_L1, "China Mobile"_L1}}},
        {"message"_L1, QJsonObject{{"client_message_id"_L1, "m-1"_L1}, {"conversation_id"_L1, "c-1"_L1},
                                   {"recipient_id"_L1, "u-2"_L1}, {"kind"_L1, "text"_L1}, {"size_bytes"_L1, 42},
                                   {"sent_at"_L1, "2026-03-17T16:13:38+08:00"_L1}, {"preview"_L1, u"晚上见"_s}}},
        {"failure"_L1, QJsonObject{{"endpoint"_L1, "/v1/messages/send"_L1}, {"http_status"_L1, 503},
                                   {"error_code"_L1, "SERVICE_UNAVAILABLE"_L1}, {"error_message"_L1, "busy"_L1},
                                   {"region"_L1, "cn-north"_L1}, {"attempts"_L1, 3}}},
        {"comment"_L1, u"发不出去"_s}};
    if (!log.isNull()) {
        report.insert("log"_L1, QJsonObject{{"format"_L1, "logcat"_L1},
                                            {"encoding"_L1, gzipped ? "gzip+base64"_L1 : "text"_L1},
                                            {"data"_L1, gzipped ? QString::fromLatin1(relaydesk::gzip(log).toBase64())
                                                                : QString::fromUtf8(log)}});
    }
    return report;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
