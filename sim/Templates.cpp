#include "Templates.h"

#include "SimRandom.h"

namespace relaydesk::sim {

QString Templates::generated(QStringView key) const
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {};
    const QStringView kind = key.left(colon);
    const QStringView arg = key.mid(colon + 1);
    if (kind == u"int") {
        const qsizetype dash = arg.indexOf(QLatin1Char('-'), 1);
        if (dash < 0)
            return {};
        return QString::number(m_random.between(arg.left(dash).toInt(), arg.mid(dash + 1).toInt()));
    }
    if (kind == u"hex")
        return m_random.hex(arg.toInt());
    if (kind == u"pick") {
        const auto options = arg.split(QLatin1Char('|'));
        return options.at(m_random.between(0, int(options.size()) - 1)).toString();
    }
    return {};
}

QString Templates::expand(QStringView text) const
{
    QString out;
    out.reserve(text.size() + 32);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0) {
            out += text.mid(i);
            break;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, open - i);
        if (const qsizetype inner = text.indexOf(QLatin1Char('{'), open + 1); inner >= 0 && inner < close) {
            out += QLatin1Char('{'); // a literal brace right before a placeholder: "Token{{hex:7}}"
            i = open + 1;
            continue;
        }
        const QStringView key = text.mid(open + 1, close - open - 1);
        const auto it = m_values.constFind(key.toString());
        if (it != m_values.constEnd()) {
            out += *it;
        } else if (QString made = generated(key); !made.isNull()) {
            out += made;
        } else {
            out += text.mid(open, close - open + 1);
        }
        i = close + 1;
    }
    return out;
}

} // namespace relaydesk::sim
