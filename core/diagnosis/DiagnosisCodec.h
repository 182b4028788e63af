#pragma once

#include "core/Decoded.h"
#include "core/Diagnosis.h"

#include <QJsonObject>

namespace relaydesk {

// {"cause","confidence","summary","evidence":[{"line","rule","why"}],"action","signature","rules_version"}
// (docs/api.md, the ticket's "diagnosis" field). Decoding is strict and names the failing field path.
QJsonObject encodeDiagnosis(const Diagnosis &diagnosis);
Decoded<Diagnosis> decodeDiagnosis(const QJsonObject &json);

} // namespace relaydesk
