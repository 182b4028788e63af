#include "ActionBar.h"

#include "ActionDialogs.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace relaydesk::ui {

using Kind = models::TicketActions::Kind;

ActionBar::ActionBar(models::TicketActions *actions, models::ApiClient *api, QWidget *parent)
    : QWidget(parent), m_actions(actions), m_api(api)
{
    setObjectName(QStringLiteral("actionBar"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 4, 0, 0);
    auto *layout = new QHBoxLayout;
    auto *stateRow = new QHBoxLayout;
    outer->addLayout(layout);
    outer->addLayout(stateRow);
    m_claim = addButton(Kind::Claim, tr("&Claim (C)"), QStringLiteral("claimButton"));
    layout->addWidget(m_claim);
    const std::tuple<Kind, QString, QString> rest[] = {
        {Kind::Resend, tr("Resend (S)"), QStringLiteral("resendButton")},
        {Kind::Reroute, tr("Reroute… (E)"), QStringLiteral("rerouteButton")},
        {Kind::Reply, tr("Reply… (R)"), QStringLiteral("replyButton")},
        {Kind::Note, tr("Note… (N)"), QStringLiteral("noteButton")},
        {Kind::Transfer, tr("Transfer…"), QStringLiteral("transferButton")},
        {Kind::Resolve, tr("Resolve…"), QStringLiteral("resolveButton")},
        {Kind::Reopen, tr("Reopen…"), QStringLiteral("reopenButton")}};
    for (const auto &[kind, text, name] : rest)
        layout->addWidget(addButton(kind, text, name));
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_ticket && m_lastFailed)
            m_actions->retry(m_ticket->id, *m_lastFailed);
    });
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("actionState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    layout->addStretch();
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_retry);

    connect(m_actions, &models::TicketActions::pendingChanged, this, [this](qint64 id) {
        if (m_ticket && m_ticket->id == id)
            refresh();
    });
    connect(m_actions, &models::TicketActions::accepted, this, [this](qint64 id, Kind kind, const QString &message) {
        if (m_ticket && m_ticket->id == id) {
            m_lastFailed.reset();
            m_state->setText(message.isEmpty() ? tr("%1: done.").arg(models::TicketActions::name(kind))
                                               : tr("%1: %2").arg(models::TicketActions::name(kind), message));
        }
    });
    connect(m_actions, &models::TicketActions::outcomeArrived, this,
            [this](qint64 id, Kind kind, const QString &outcome, const QString &message) {
                const QString text = tr("%1: %2").arg(models::TicketActions::name(kind), message);
                if (outcome == QLatin1String("failed"))
                    emit notify(text);
                if (m_ticket && m_ticket->id == id) {
                    if (outcome == QLatin1String("failed"))
                        m_lastFailed = kind;
                    else
                        m_lastFailed.reset();
                    m_state->setText(text);
                    refresh();
                }
            });
    connect(m_actions, &models::TicketActions::failed, this,
            [this](qint64 id, Kind kind, const QString &message, const models::ApiError &error) {
                const QString text = error.code == QLatin1String("claimed_by_other")
                                         ? tr("%1 holds this ticket; it is read-only for you.").arg(error.holder)
                                         : tr("%1 failed: %2").arg(models::TicketActions::name(kind), message);
                emit notify(text);
                if (m_ticket && m_ticket->id == id) {
                    m_lastFailed = kind;
                    m_state->setText(text);
                    refresh();
                }
            });
    setTicket(nullptr);
}

QPushButton *ActionBar::addButton(Kind kind, const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    connect(button, &QPushButton::clicked, this, [this, kind] { trigger(kind); });
    m_buttons.insert(int(kind), button);
    return button;
}

void ActionBar::setTicket(const Ticket *ticket)
{
    const bool sameTicket = ticket && m_ticket && ticket->id == m_ticket->id;
    m_ticket = ticket ? std::optional<Ticket>(*ticket) : std::nullopt;
    if (!sameTicket) {
        m_lastFailed.reset();
        m_state->clear();
    }
    refresh();
}

void ActionBar::refresh()
{
    const bool has = m_ticket.has_value();
    const bool mine = has && !m_me.isEmpty() && m_ticket->assignee == m_me;
    const bool other = has && !m_ticket->assignee.isEmpty() && !mine;
    const bool open = has && isOpenForAgents(m_ticket->status);
    const bool closed = has && (m_ticket->status == TicketStatus::Resolved || m_ticket->status == TicketStatus::Closed ||
                                m_ticket->status == TicketStatus::ResolvedAuto);
    const auto pending = [this](Kind k) { return m_ticket && m_actions->isPending(m_ticket->id, k); };
    const auto set = [&](Kind k, bool enabled) {
        QPushButton *b = m_buttons.value(int(k));
        b->setEnabled(enabled && !pending(k));
    };
    m_claim->setText(mine ? tr("Re&lease (C)") : tr("&Claim (C)"));
    set(Kind::Claim, open && !other);
    for (Kind k : {Kind::Resend, Kind::Reroute, Kind::Reply, Kind::Note, Kind::Resolve})
        set(k, open && mine);
    set(Kind::Transfer, open && !other);
    set(Kind::Reopen, closed);
    m_retry->setVisible(has && m_lastFailed && m_actions->canRetry(m_ticket->id, *m_lastFailed));

    QStringList busy;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        if (pending(Kind(it.key())))
            busy << models::TicketActions::name(Kind(it.key()));
    }
    if (!busy.isEmpty())
        m_state->setText(tr("Waiting for the service: %1…").arg(busy.join(QStringLiteral(", "))));
    else if (other)
        m_state->setText(tr("Held by %1: read-only for you.").arg(m_ticket->assignee));
    else if (open && !mine && m_state->text().isEmpty())
        m_state->setText(tr("Claim the ticket to act on it."));
    setEnabled(has);
}

void ActionBar::trigger(Kind kind)
{
    if (!m_ticket)
        return;
    QPushButton *button = m_buttons.value(int(kind));
    if (!button || !button->isEnabled())
        return;
    const Ticket &t = *m_ticket;
    std::optional<models::ActionArgs> args = models::ActionArgs{};
    switch (kind) {
    case Kind::Claim:
        if (t.assignee == m_me && !m_me.isEmpty())
            kind = Kind::Release;
        break;
    case Kind::Reroute: args = askReroute(this, m_api, t); break;
    case Kind::Reply: {
        ReplyDraft draft;
        draft.pickFromKb = m_kbPicker;
        args = askReply(this, t, draft);
        break;
    }
    case Kind::Note: args = askNote(this); break;
    case Kind::Transfer: args = askTransfer(this, m_api); break;
    case Kind::Resolve: args = askResolve(this); break;
    case Kind::Reopen: args = askReopen(this); break;
    default: break;
    }
    if (!args || !m_ticket)
        return; // cancelled, or the ticket went away while the dialog was open
    m_actions->start(m_ticket->id, kind, *args);
}

void ActionBar::replyWith(const QString &text, const QString &articleId)
{
    QPushButton *button = m_buttons.value(int(Kind::Reply));
    if (!m_ticket || !button || !button->isEnabled()) {
        if (!m_ticket)
            emit notify(tr("Select a ticket to reply to first."));
        else if (m_ticket->assignee != m_me || m_me.isEmpty())
            emit notify(tr("Claim ticket #%1 before replying to it.").arg(m_ticket->id));
        else
            emit notify(tr("Ticket #%1 cannot take a reply right now.").arg(m_ticket->id));
        return;
    }
    ReplyDraft draft;
    draft.body = text;
    if (!articleId.isEmpty())
        draft.kbArticles = {articleId};
    draft.pickFromKb = m_kbPicker;
    const std::optional<models::ActionArgs> args = askReply(this, *m_ticket, draft);
    if (args && m_ticket)
        m_actions->start(m_ticket->id, Kind::Reply, *args);
}

void ActionBar::showNote(const QString &text)
{
    m_state->setText(text);
}

void ActionBar::triggerRecommended(RecommendedAction action)
{
    switch (action) {
    case RecommendedAction::Retry:
    case RecommendedAction::WaitAndRetry: trigger(Kind::Resend); break;
    case RecommendedAction::Reroute: trigger(Kind::Reroute); break;
    case RecommendedAction::ReplyGuidance:
    case RecommendedAction::AskUpgrade: trigger(Kind::Reply); break;
    case RecommendedAction::EscalateEngineering:
    case RecommendedAction::TrustAndSafety:
    case RecommendedAction::Escalate:
    case RecommendedAction::Count: trigger(Kind::Transfer); break;
    }
}

} // namespace relaydesk::ui
