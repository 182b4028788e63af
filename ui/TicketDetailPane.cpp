#include "TicketDetailPane.h"

#include "DiagnosisPane.h"
#include "LogPane.h"
#include "LogView.h"
#include "models/Labels.h"
#include "models/TimelineModel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStyle>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::label;

namespace {
QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // user text and log text are never interpreted as markup
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *caption = new QLabel(title, box);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    caption->setBuddy(content);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(content, 1);
    return box;
}
} // namespace

TicketDetailPane::TicketDetailPane(models::TimelineModel *timeline, QWidget *parent)
    : QWidget(parent), m_timeline(timeline)
{
    setObjectName(QStringLiteral("ticketDetailPane"));

    auto *empty = new QLabel(tr("Select a ticket to see its report, its timeline and the device log."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);

    // Facts
    auto *facts = new QWidget(this);
    m_title = plainLabel(facts);
    m_title->setObjectName(QStringLiteral("ticketTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_status = addFact(form, tr("Status:"), QStringLiteral("factStatus"));
    m_user = addFact(form, tr("User:"), QStringLiteral("factUser"));
    m_device = addFact(form, tr("Device:"), QStringLiteral("factDevice"));
    m_message = addFact(form, tr("Message:"), QStringLiteral("factMessage"));
    m_failure = addFact(form, tr("Failure:"), QStringLiteral("factFailure"));
    m_comment = addFact(form, tr("User's comment:"), QStringLiteral("factComment"));
    m_satisfaction = addFact(form, tr("Satisfaction:"), QStringLiteral("factSatisfaction"));
    m_sla = plainLabel(this);
    m_sla->setObjectName(QStringLiteral("slaClock"));
    m_sla->setWordWrap(false);
    m_sla->setToolTip(tr("Time since the user reported the failure (the SLA clock starts at the report)"));
    auto *slaTimer = new QTimer(this);
    slaTimer->setInterval(30000);
    connect(slaTimer, &QTimer::timeout, this, &TicketDetailPane::updateSlaClock);
    slaTimer->start();
    auto *factsLayout = new QVBoxLayout(facts);
    factsLayout->addLayout(form);
    factsLayout->addStretch();
    auto *factsScroll = new QScrollArea(this);
    factsScroll->setWidget(facts);
    factsScroll->setWidgetResizable(true);
    factsScroll->setFrameShape(QFrame::NoFrame);

    // Timeline
    m_timelineView = new QTableView(this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setModel(timeline);
    m_timelineView->verticalHeader()->hide();
    m_timelineView->horizontalHeader()->setStretchLastSection(true);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setWordWrap(false);
    m_timelineView->setAccessibleName(tr("Timeline"));

    // Log
    m_logPane = new LogPane(this);
    m_loadError = plainLabel(this);
    m_loadError->setObjectName(QStringLiteral("loadError"));
    m_loadError->hide();
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_loadError);
    logLayout->addWidget(m_logPane, 1);

    // The device log on the left, the diagnosis on the right, sizes remembered by the window.
    m_diagnosisPane = new DiagnosisPane(this);
    m_logSplitter = new QSplitter(Qt::Horizontal, this);
    m_logSplitter->setObjectName(QStringLiteral("logSplitter"));
    m_logSplitter->addWidget(titled(tr("Device log"), logBox, this));
    m_logSplitter->addWidget(m_diagnosisPane);
    m_logSplitter->setStretchFactor(0, 3);
    m_logSplitter->setStretchFactor(1, 2);
    m_logSplitter->setChildrenCollapsible(false);
    m_logSplitter->setSizes({460, 280});
    connect(m_diagnosisPane, &DiagnosisPane::evidenceActivated, this, &TicketDetailPane::scrollLogToLine);
    connect(m_logPane, &LogPane::columnsFitted, this, [this] {
        fitLogSplitter();
        emit preferredWidthChanged();
    });
    connect(m_logPane, &LogPane::currentLineChanged, m_diagnosisPane, &DiagnosisPane::highlightLine);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->addWidget(titled(tr("Report"), factsScroll, this));
    m_splitter->addWidget(m_logSplitter);
    m_splitter->addWidget(titled(tr("What happened so far"), m_timelineView, this));
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setSizes({120, 620, 110}); // the log and the diagnosis get the height
    m_splitter->setChildrenCollapsible(false);

    auto *workspace = new QWidget(this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_sla);
    m_workspaceLayout = new QVBoxLayout(workspace);
    m_workspaceLayout->setContentsMargins(0, 0, 0, 0);
    m_workspaceLayout->addLayout(header);
    m_workspaceLayout->addWidget(m_splitter, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(workspace);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QLabel *TicketDetailPane::addFact(QFormLayout *form, const QString &text, const QString &objectName)
{
    QLabel *value = plainLabel(this);
    value->setObjectName(objectName);
    form->addRow(text, value);
    return value;
}

void TicketDetailPane::showTicket(const Ticket *t)
{
    m_loadError->hide();
    m_diagnosisPane->showTicket(t);
    if (!t) {
        m_stack->setCurrentIndex(0);
        m_timeline->setEvents({});
        m_logPane->clear();
        return;
    }
    m_evidenceLines.clear();
    if (t->diagnosis) {
        for (const Evidence &e : t->diagnosis->evidence) {
            if (e.line > 0)
                m_evidenceLines.insert(e.line);
        }
    }
    m_logPane->setMarkedLines(m_evidenceLines);
    m_reportedAt = t->createdAt;
    const bool closed = t->status == TicketStatus::Resolved || t->status == TicketStatus::ResolvedAuto ||
                        t->status == TicketStatus::Closed;
    m_closedAt = closed ? t->updatedAt : QDateTime();
    updateSlaClock();
    m_stack->setCurrentIndex(1);
    const QLocale locale;
    const QString who = t->userName.isEmpty() ? t->userId : t->userName;
    m_title->setText(tr("#%1 · %2 · %3").arg(t->id).arg(who, label(t->cause)));
    m_status->setText(tr("%1, queue %2%3, reported %4")
                          .arg(label(t->status), t->queue,
                               t->assignee.isEmpty() ? tr(", unassigned") : tr(", held by %1").arg(t->assignee),
                               models::dateTimeText(t->createdAt)));
    m_user->setText(tr("%1 (id %2, locale %3)").arg(who, t->userId, t->userLocale));
    QString device = tr("%1 %2, %3, app %4, %5")
                         .arg(label(t->platform), t->osVersion,
                              t->deviceModel.isEmpty() ? tr("unknown model") : t->deviceModel, t->appVersion,
                              label(t->network));
    if (!t->carrier.isEmpty())
        device += tr(" (%1)").arg(t->carrier);
    m_device->setText(device);
    QString message = tr("%1, %2 bytes, to %3 in %4, sent %5")
                          .arg(label(t->messageKind), locale.toString(t->messageSize), t->recipientId,
                               t->conversationId, models::dateTimeText(t->sentAt));
    if (!t->preview.isEmpty())
        message += QStringLiteral("\n“%1”").arg(t->preview);
    m_message->setText(message);
    const QString status = t->httpStatus == 0 ? tr("no HTTP response") : tr("HTTP %1").arg(t->httpStatus);
    QString failure = tr("%1 %2 at %3 in region %4 after %n attempt(s)", nullptr, t->attempts)
                          .arg(status, t->errorCode, t->endpoint, t->region);
    if (!t->errorMessage.isEmpty())
        failure += QLatin1Char('\n') + t->errorMessage;
    m_failure->setText(failure);
    m_comment->setText(t->comment.isEmpty() ? tr("(none)") : t->comment);
    // The survey sent on resolve (plain text: the comment is the user's words).
    if (!t->csat) {
        m_satisfaction->setText(tr("(no survey answer)"));
    } else {
        QString csat = tr("%1 of 5, answered %2")
                           .arg(t->csat->score)
                           .arg(models::dateTimeText(t->csat->answeredAt));
        if (!t->csat->comment.isEmpty())
            csat += QStringLiteral("\n“%1”").arg(t->csat->comment);
        m_satisfaction->setText(csat);
    }
}

void TicketDetailPane::setActionBar(QWidget *bar)
{
    m_workspaceLayout->addWidget(bar);
}

void TicketDetailPane::updateSlaClock()
{
    if (!m_reportedAt.isValid()) {
        m_sla->clear();
        return;
    }
    const QDateTime end = m_closedAt.isValid() ? m_closedAt : QDateTime::currentDateTimeUtc();
    const qint64 minutes = std::max<qint64>(0, m_reportedAt.secsTo(end) / 60);
    const QString span = minutes < 60 ? tr("%n min", nullptr, int(minutes))
                                      : tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    m_sla->setText(m_closedAt.isValid() ? tr("Closed after %1").arg(span) : tr("Open for %1").arg(span));
}

QAbstractItemView *TicketDetailPane::logView() const
{
    return m_logPane->view();
}

void TicketDetailPane::scrollLogToLine(int line)
{
    m_logPane->goToLine(line);
}

void TicketDetailPane::showEvents(const QList<TicketEvent> &events)
{
    m_diagnosisPane->showEvents(events);
    m_timeline->setEvents(events);
    m_timelineView->resizeRowsToContents();
    fitTimelineColumns();
}

void TicketDetailPane::fitTimelineColumns()
{
    // When and Who as wide as their widest text (header included); What happened stretches.
    const QFontMetrics cell(m_timelineView->font());
    const QFontMetrics head(m_timelineView->horizontalHeader()->font());
    const int cellPad = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_timelineView) + 1) + 4;
    const int headPad = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_timelineView) + 4;
    for (int c : {int(models::TimelineModel::When), int(models::TimelineModel::Actor)}) {
        int width = head.horizontalAdvance(m_timeline->headerData(c, Qt::Horizontal).toString()) + headPad;
        for (int r = 0; r < m_timeline->rowCount(); ++r)
            width = qMax(width, cell.horizontalAdvance(m_timeline->index(r, c).data().toString()) + cellPad);
        m_timelineView->setColumnWidth(c, width);
    }
}

int TicketDetailPane::preferredWidth() const
{
    return m_logPane->preferredWidth() + m_logSplitter->handleWidth() + m_diagnosisPane->preferredWidth();
}

int TicketDetailPane::minimumRoomyWidth() const
{
    return m_logPane->preferredWidth() + m_logSplitter->handleWidth() + m_diagnosisPane->minimumReadableWidth();
}

void TicketDetailPane::fitLogSplitter()
{
    // The log first: its fixed columns and 60 characters of message; the diagnosis its comfortable width when
    // that still leaves the log its room, else down to its minimum; whatever is left widens the message.
    const int total = m_logSplitter->width() - m_logSplitter->handleWidth();
    if (total <= 0)
        return;
    const int logWant = m_logPane->preferredWidth();
    const int preferred = m_diagnosisPane->preferredWidth();
    int diagnosis = qBound(m_diagnosisPane->minimumReadableWidth(), total - logWant, preferred);
    // Room to spare: the diagnosis takes a share (its findings wrap into fewer lines), the message the rest.
    if (const int spare = total - logWant - preferred; spare > 0)
        diagnosis += qMin(spare / 2, preferred / 4);
    m_logSplitter->setSizes({total - diagnosis, diagnosis});
}

void TicketDetailPane::showLogLoading()
{
    m_logPane->clear();
    m_logPane->showMessage(tr("Loading the device log…"));
}

void TicketDetailPane::showLog(const models::LogSource &log)
{
    // Shown exactly as sent, as plain text, one table row per line; only visible rows are materialised.
    m_logPane->setLog(log);
    m_logPane->setMarkedLines(m_evidenceLines);
}

void TicketDetailPane::showLoadError(const QString &message)
{
    m_loadError->setText(tr("Could not load everything for this ticket: %1").arg(message));
    m_loadError->show();
}

} // namespace relaydesk::ui
