#pragma once

#include <QHash>
#include <QString>

namespace relaydesk::sim {

class SimRandom;

// Fills "{key}" placeholders of the catalogue's line templates. Named values come from set(); a few
// generated forms need no value: {int:LOW-HIGH}, {hex:N} and {pick:a|b|c}. An unknown key stays as it is,
// so a typo in a table shows up in the output (and in tst_sim) instead of vanishing.
class Templates final
{
public:
    explicit Templates(SimRandom &random) : m_random(random) {}

    void set(const QString &key, const QString &value) { m_values.insert(key, value); }
    QString value(const QString &key) const { return m_values.value(key); }
    QString expand(QStringView text) const;

private:
    QString generated(QStringView key) const;

    SimRandom &m_random;
    QHash<QString, QString> m_values;
};

} // namespace relaydesk::sim
