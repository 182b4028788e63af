#include "IncidentsView.h"

#include "ActionDialogs.h"
#include "CauseSwatchDelegate.h"
#include "ScreenFit.h"
#include "models/BulkResultModel.h"
#include "models/IncidentModel.h"
#include "models/Labels.h"
#include "models/TicketTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::IncidentBulkAction;
using models::IncidentModel;
using Verb = IncidentBulkAction::Verb;
using namespace Qt::StringLiterals;

IncidentsView::IncidentsView(IncidentModel *incidents, IncidentBulkAction *bulk, models::TicketTableModel *tickets,
                             models::ApiClient *api, QWidget *parent)
    : QWidget(parent, Qt::Window), m_incidents(incidents), m_bulk(bulk), m_ticketModel(tickets), m_api(api)
{
    setObjectName(u"incidentsView"_s);
    setWindowTitle(tr("Relaydesk — Incidents"));

    m_table = new QTableView(this);
    m_table->setObjectName(u"incidentTable"_s);
    m_table->setModel(incidents);
    m_table->setItemDelegateForColumn(IncidentModel::Cause, new CauseSwatchDelegate(
        [incidents](const QModelIndex &index) -> std::optional<relaydesk::Cause> {
            const auto incident = incidents->incidentAt(index.row());
            return incident ? fromWire<relaydesk::Cause>(incident->cause) : std::nullopt;
        },
        m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Counts, regions and times as wide as their text; the signature takes the rest (elided, full text in its
    // tooltip), so every column is in view without scrolling.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(IncidentModel::Signature, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTextElideMode(Qt::ElideMiddle);

    m_tickets = new QListWidget(this);
    m_tickets->setObjectName(u"incidentTickets"_s);
    m_resend = new QPushButton(tr("Re&send all"), this);
    m_resend->setObjectName(u"incidentResend"_s);
    m_reroute = new QPushButton(tr("Re&route all…"), this);
    m_reroute->setObjectName(u"incidentReroute"_s);
    m_reply = new QPushButton(tr("Re&ply to all…"), this);
    m_reply->setObjectName(u"incidentReply"_s);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(u"incidentRefresh"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"incidentProgress"_s);
    m_progress->setRange(0, 0); // the service answers once for the whole incident
    m_progress->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"incidentSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_resultModel = new models::BulkResultModel(api, this);
    m_results = new QTableView(this);
    m_results->setObjectName(u"incidentResults"_s);
    m_results->setModel(m_resultModel);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->horizontalHeader()->setSectionResizeMode(models::BulkResultModel::TicketColumn,
                                                        QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(models::BulkResultModel::ResultColumn,
                                                        QHeaderView::ResizeToContents);
    m_results->verticalHeader()->hide();
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setWordWrap(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resend);
    buttons->addWidget(m_reroute);
    buttons->addWidget(m_reply);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Tickets of the incident (double-click to open):"), right));
    rightLayout->addWidget(m_tickets, 1);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_results, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_current = current.isValid() ? current.data(IncidentModel::IncidentIdRole).toString() : QString();
        showIncident();
    });
    connect(incidents, &QAbstractItemModel::modelReset, this, [this] {
        const QString keep = m_current;
        if (!keep.isEmpty())
            selectIncident(keep);
        if (m_current.isEmpty() && m_incidents->rowCount() > 0)
            selectIncident(m_incidents->incidentAt(0)->id);
        showIncident();
    });
    connect(incidents, &IncidentModel::loadFailed, this,
            [this](const QString &message) { m_summary->setText(tr("Could not load the incidents: %1").arg(message)); });
    connect(m_tickets, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit ticketActivated(item->data(Qt::UserRole).toLongLong()); });
    connect(m_resend, &QPushButton::clicked, this, [this] { run(Verb::Resend); });
    connect(m_reroute, &QPushButton::clicked, this, [this] { run(Verb::Reroute); });
    connect(m_reply, &QPushButton::clicked, this, [this] { run(Verb::Reply); });
    connect(m_refresh, &QPushButton::clicked, incidents, &IncidentModel::refresh);
    // Outcomes land on the tickets' timelines; the stream's ticket changes tell when to read them again.
    connect(tickets, &models::TicketTableModel::ticketsChanged, m_resultModel, &models::BulkResultModel::ticketsChanged);
    connect(m_resultModel, &models::BulkResultModel::countsChanged, this, &IncidentsView::showSummary);
    // The incident's ticket rows show status and assignee: keep them current (a bulk action claims them).
    connect(tickets, &models::TicketTableModel::ticketsChanged, this, [this](const QList<qint64> &ids) {
        const auto incident = m_incidents->incident(m_current);
        if (!incident || !isVisible())
            return;
        for (qint64 id : ids) {
            if (incident->ticketIds.contains(id))
                return showIncident();
        }
    });
    connect(m_results, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit ticketActivated(index.data(models::BulkResultModel::TicketIdRole).toLongLong());
    });
    connect(bulk, &IncidentBulkAction::started, this, [this](const QString &, Verb verb, int count) {
        m_progress->show();
        m_lastVerb = verb;
        m_resultModel->clear();
        const QString what = verb == Verb::Resend ? tr("Resending") : verb == Verb::Reroute ? tr("Rerouting") : tr("Replying");
        m_summary->setText(tr("%1: %n open ticket(s), each with its own action…", nullptr, count).arg(what));
        updateButtons();
    });
    connect(bulk, &IncidentBulkAction::finished, this, &IncidentsView::showResults);
    connect(bulk, &IncidentBulkAction::failed, this, [this](const QString &, const QString &message) {
        m_progress->hide();
        m_summary->setText(tr("The bulk action failed: %1 Run it again to retry: tickets already done are not "
                              "acted on twice.")
                               .arg(message));
        updateButtons();
    });
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &QWidget::close);
    updateButtons();
    fitToScreen(this, {1200, 560});
}

void IncidentsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_incidents->refresh();
}

void IncidentsView::selectIncident(const QString &id)
{
    const int row = m_incidents->rowOf(id);
    if (row < 0) {
        m_current.clear();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(m_incidents->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_current = id;
}

void IncidentsView::showIncident()
{
    const qint64 keep = m_tickets->currentItem() ? m_tickets->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    m_tickets->clear();
    const auto incident = m_incidents->incident(m_current);
    if (incident) {
        for (qint64 id : incident->ticketIds) {
            const Ticket *t = m_ticketModel->ticket(id);
            const bool open = incident->openTicketIds.contains(id);
            QString text = t ? tr("#%1  %2  %3  %4").arg(id).arg(t->userName.isEmpty() ? t->userId : t->userName,
                                                             models::label(t->status), t->assignee)
                             : tr("#%1  (not synced)").arg(id);
            if (!open)
                text += tr("  — closed");
            auto *item = new QListWidgetItem(text.trimmed(), m_tickets);
            item->setData(Qt::UserRole, id);
            if (!open)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            if (id == keep)
                m_tickets->setCurrentItem(item);
        }
    }
    updateButtons();
}

void IncidentsView::updateButtons()
{
    const auto incident = m_incidents->incident(m_current);
    const bool can = incident && incident->openCount > 0 && !m_bulk->isRunning();
    for (QPushButton *b : {m_resend, m_reroute, m_reply})
        b->setEnabled(can);
}

void IncidentsView::run(Verb verb)
{
    const auto incident = m_incidents->incident(m_current);
    if (!incident || m_bulk->isRunning())
        return;
    // The dialogs want a ticket: the incident's newest open one stands for all (same signature).
    Ticket sample;
    if (!incident->openTicketIds.isEmpty()) {
        if (const Ticket *t = m_ticketModel->ticket(incident->openTicketIds.last()))
            sample = *t;
    }
    sample.region = incident->region;
    sample.errorCode = incident->errorCode;
    sample.appVersion = incident->appVersion;
    models::ActionArgs args;
    if (verb == Verb::Reroute) {
        auto asked = askReroute(this, m_api, sample);
        if (!asked)
            return;
        args = *asked;
    } else if (verb == Verb::Reply) {
        // The same text goes to every user of the incident, so templates greet no one by name
        // ("Hi {user_name}," becomes "Hi there,").
        sample.userName = tr("there", "greeting in a reply sent to all users of an incident");
        auto asked = askReply(this, sample);
        if (!asked)
            return;
        args = *asked;
    }
    if (incident->openCount > 1 && !confirm(verb, incident->openCount, args))
        return;
    m_bulk->start(incident->id, verb, args, incident->openCount);
}

bool IncidentsView::confirm(Verb verb, int count, const models::ActionArgs &args)
{
    QString question;
    switch (verb) {
    case Verb::Resend: question = tr("Resend the failed message of %n ticket(s)?", nullptr, count); break;
    case Verb::Reroute:
        question = tr("Reroute the failed message of %n ticket(s) through %1?", nullptr, count)
                       .arg(args.region.value_or(QString()));
        break;
    case Verb::Reply: question = tr("Send this reply to the users of %n ticket(s)?", nullptr, count); break;
    }
    QMessageBox box(QMessageBox::Question, windowTitle(), question, QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(u"incidentConfirm"_s);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("Each open ticket of the incident is claimed for you and gets its own action; "
                              "tickets another agent holds are skipped."));
    box.button(QMessageBox::Yes)->setText(tr("&Yes"));
    box.button(QMessageBox::No)->setText(tr("&No"));
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void IncidentsView::showResults(const models::BulkSummary &summary)
{
    m_progress->hide();
    m_resultModel->setSummary(summary); // shows the summary through countsChanged
    showSummary();
    updateButtons();
    m_incidents->refresh();
}

void IncidentsView::showSummary()
{
    if (!m_resultModel->hasResults()) {
        if (!m_bulk->isRunning() && m_lastVerb)
            m_summary->clear();
        return;
    }
    using Kind = models::TicketActions::Kind;
    const Verb verb = m_lastVerb.value_or(Verb::Resend);
    const QString action =
        models::TicketActions::name(verb == Verb::Resend ? Kind::Resend : verb == Verb::Reroute ? Kind::Reroute : Kind::Reply);
    const models::BulkOutcomeCounts c = m_resultModel->counts();
    QStringList parts{tr("%n delivered", nullptr, c.delivered), tr("%n duplicate(s) suppressed", nullptr, c.suppressed),
                      tr("%n failed", nullptr, c.failed)};
    if (c.skipped > 0)
        parts << tr("%n skipped", nullptr, c.skipped);
    const QString counted = parts.join(tr(", ", "separator between counts"));
    QString text;
    if (c.pending > 0) {
        text = tr("%1: %2 so far; %n still waiting for the gateway's answer…", nullptr, c.pending).arg(action, counted);
    } else {
        text = tr("%1 finished: %2.").arg(action, counted);
        if (c.failed > 0)
            text += u' ' + tr("Run it again to retry the failed tickets.");
    }
    m_summary->setText(text);
}

} // namespace relaydesk::ui
