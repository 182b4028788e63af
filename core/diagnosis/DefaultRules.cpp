#include "RuleSet.h"

#include <QFile>

// The shipped rules (resources/diagnosis/rules.json) are compiled into relaydesk_core as a Qt resource.
static void initDiagnosisResources()
{
    Q_INIT_RESOURCE(relaydesk_diagnosis_rules);
}

namespace relaydesk {

RuleSet defaultRules()
{
    initDiagnosisResources();
    QFile file(QStringLiteral(":/relaydesk/diagnosis/rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("relaydesk: the embedded diagnosis rules are missing");
    auto rules = loadRules(file.readAll());
    if (!rules.ok())
        qFatal("relaydesk: the embedded diagnosis rules are invalid: %s",
               qPrintable(rules.error().toString()));
    return std::move(rules).value();
}

} // namespace relaydesk
