#include "TicketFilter.h"

namespace relaydesk::models {

bool QueueSelection::matches(const Ticket &t, const QString &me) const
{
    if (kind == Kind::Everything)
        return true;
    if (!isOpenForAgents(t.status))
        return false;
    switch (kind) {
    case Kind::AllEscalated: return true;
    case Kind::Mine: return !me.isEmpty() && t.assignee == me;
    case Kind::Unassigned: return t.assignee.isEmpty();
    case Kind::ByCause: return t.cause == cause;
    case Kind::ByRegion: return t.region == region;
    case Kind::Everything: break;
    }
    return true;
}

QuickFilter::QuickFilter(const QString &text)
    : m_words(text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts))
{
}

bool QuickFilter::matches(const Ticket &t) const
{
    const QString id = QString::number(t.id);
    for (const QString &word : m_words) {
        const auto in = [&word](const QString &s) { return s.contains(word, Qt::CaseInsensitive); };
        if (!(in(id) || in(t.userName) || in(t.userId) || in(t.errorCode) || in(t.errorMessage) || in(t.region) ||
              in(t.appVersion) || in(t.deviceModel) || in(t.preview) || in(t.comment) || in(t.assignee) ||
              in(t.clientMessageId) || in(toWire(t.cause)) || in(toWire(t.platform)) || in(toWire(t.status))))
            return false;
    }
    return true;
}

} // namespace relaydesk::models
