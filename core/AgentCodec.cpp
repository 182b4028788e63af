#include "AgentCodec.h"

#include "JsonReader.h"
#include "Limits.h"

#include <QJsonArray>

#include <limits>

namespace relaydesk {

using namespace Qt::StringLiterals;

QJsonObject encodeAssignableAgents(const QList<AssignableAgent> &agents)
{
    QJsonArray array;
    for (const AssignableAgent &a : agents)
        array.append(QJsonObject{{"username"_L1, a.username}, {"role"_L1, toWire(a.role)}, {"holding"_L1, a.holding}});
    return QJsonObject{{"agents"_L1, array}};
}

Decoded<QList<AssignableAgent>> decodeAssignableAgents(const QJsonObject &json)
{
    const QJsonValue value = json.value("agents"_L1);
    if (!value.isArray())
        return DecodeError{u"agents"_s, u"must be an array"_s};
    const QJsonArray array = value.toArray();
    QList<AssignableAgent> agents;
    agents.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"agents[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return DecodeError{where, u"must be an object"_s};
        JsonReader r(array.at(i).toObject());
        AssignableAgent a;
        a.username = r.requiredString("username"_L1, limits::kMaxShortText);
        a.role = r.requiredEnum<Role>("role"_L1);
        a.holding = r.requiredInt("holding"_L1, 0, std::numeric_limits<qint32>::max());
        if (!r.ok()) {
            const DecodeError e = r.error();
            return DecodeError{where + u'.' + e.path, e.message};
        }
        agents.append(std::move(a));
    }
    return agents;
}

} // namespace relaydesk
