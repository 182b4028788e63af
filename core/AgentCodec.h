#pragma once

#include "Decoded.h"
#include "Enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace relaydesk {

// Someone a ticket can be transferred to, as served by GET /api/v1/agents (docs/api.md): every user but
// trainers, with how many tickets they hold now (claimed or waiting for the user).
struct AssignableAgent
{
    QString username;
    Role role = Role::Agent;
    qint64 holding = 0;
};

// {"agents": [{"username", "role", "holding"}, ...]}
QJsonObject encodeAssignableAgents(const QList<AssignableAgent> &agents);
Decoded<QList<AssignableAgent>> decodeAssignableAgents(const QJsonObject &json);

} // namespace relaydesk
