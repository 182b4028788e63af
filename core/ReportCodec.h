#pragma once

#include "Decoded.h"
#include "Report.h"

#include <QJsonObject>

namespace relaydesk {

class JsonReader;

// Parses a request body as one JSON object. Errors carry no path: the document itself is bad (HTTP 400).
Decoded<QJsonObject> parseJsonObject(const QByteArray &body);

// Validates the intake contract (docs/api.md). Errors name the field path (HTTP 422).
Decoded<Report> decodeReport(const QJsonObject &json);
QJsonObject encodeReport(const Report &report);

// Sub-object codecs, shared with the ticket codec whose JSON nests the same objects.
UserInfo readUser(JsonReader &r);
DeviceFacts readDevice(JsonReader &r);
FailedMessage readMessage(JsonReader &r);
FailureInfo readFailure(JsonReader &r);
QJsonObject writeUser(const UserInfo &user);
QJsonObject writeDevice(const DeviceFacts &device);
QJsonObject writeMessage(const FailedMessage &message);
QJsonObject writeFailure(const FailureInfo &failure);

} // namespace relaydesk
