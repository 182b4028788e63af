#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

// Synchronous HTTP for the server tests: real requests over 127.0.0.1, the event loop spins while waiting
// (the service under test runs on the same thread).
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;                     // the body, when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QString errorCode() const;  // error.code
    QString errorField() const; // error.field
};

class TestClient final
{
public:
    explicit TestClient(QUrl base);

    HttpResult get(const QString &path, const QString &token = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QByteArray &body, const QString &token = {},
                    const QByteArray &contentType = "application/json");
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body, const QString &token,
                    const QList<QPair<QByteArray, QByteArray>> &headers);

    // One request of sendParallel().
    struct Request
    {
        QByteArray verb;
        QString path;
        QByteArray body;
        QString token;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    // Sends all requests at once (in parallel connections) and waits for every answer.
    QList<HttpResult> sendParallel(const QList<Request> &requests);

    // Sends all bodies at once (in parallel connections) and waits for every answer.
    QList<HttpResult> postParallel(const QString &path, const QList<QByteArray> &bodies, const QString &token);

    QString login(const QString &username, const QString &password); // the token, empty on failure
    HttpResult postReport(const QJsonObject &report, const QString &clientKey);

private:
    QNetworkRequest request(const QString &path, const QString &token) const;
    static HttpResult collect(QNetworkReply *reply);

    QNetworkAccessManager m_nam;
    QUrl m_base;
};

// A valid intake report; `log` goes in as text, or gzip+base64 when `gzipped`.
QJsonObject sampleReport(const QString &clientReportId, const QByteArray &log = {}, bool gzipped = false);
QByteArray toJson(const QJsonObject &object);
