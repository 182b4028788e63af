#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Test helpers: edit a JSON document by dotted path ("device.platform").
namespace relaydesk::test {

QJsonObject withValue(QJsonObject root, const QString &path, const QJsonValue &value);
QJsonObject without(QJsonObject root, const QString &path);
QJsonValue valueAt(const QJsonObject &root, const QString &path);

// A complete, valid report as an IM client would upload it (text log).
QJsonObject validReportJson();

} // namespace relaydesk::test
