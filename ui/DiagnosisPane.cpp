#include "DiagnosisPane.h"

#include "models/Labels.h"

#include <QLabel>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace relaydesk::ui {

using models::label;

namespace {
constexpr int kLineRole = Qt::UserRole + 1;

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont bold = l->font();
    bold.setBold(true);
    l->setFont(bold);
    return l;
}

// One line of plain text, elided at the right when narrower than its text (its minimum width is nil).
class ElidedLabel final : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
        const QRect r = contentsRect();
        painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(text(), Qt::ElideRight, r.width()));
    }
};

// Gives each item the height of its text wrapped to the list's width: QListView's own word wrap measures
// items at whatever width it last laid them out with, and cut CJK findings to one line with "…".
void wrapItems(QListWidget *list)
{
    const int pad = 2 * (list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1) + 4;
    const int width = qMax(40, list->viewport()->width() - 2);
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        const QFontMetrics fm(item->font());
        const int height = fm.boundingRect(QRect(0, 0, width - pad, 100000), Qt::AlignLeft | Qt::TextWordWrap, item->text())
                               .height();
        item->setSizeHint(QSize(width, height + 6));
    }
}

// Timeline events written by tier 1 about acting on the gateway, as "what was already tried".
bool isTier1Attempt(const TicketEvent &e)
{
    return e.actor == QLatin1String("tier1") &&
           (e.kind.startsWith(QLatin1String("gateway")) || e.kind == QLatin1String("rerouted") ||
            e.kind == QLatin1String("auto_handling") || e.kind == QLatin1String("resolved_auto"));
}
} // namespace

DiagnosisPane::DiagnosisPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnosisPane"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("causeBadge"));
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setAutoFillBackground(true);
    m_badge->setContentsMargins(6, 1, 6, 1);
    QFont badgeFont = m_badge->font();
    badgeFont.setBold(true);
    m_badge->setFont(badgeFont);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diagnosisSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("recommendedAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_recommended)
            emit recommendedActionRequested(*m_recommended);
    });

    m_evidence = new QListWidget(this);
    m_evidence->setObjectName(QStringLiteral("evidenceList"));
    m_evidence->setWordWrap(true);
    m_evidence->setResizeMode(QListView::Adjust); // re-wrapped when the pane's width changes (else cut with "…")
    m_evidence->setAccessibleName(tr("Evidence"));
    connect(m_evidence, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(kLineRole).toInt();
        if (line > 0)
            emit evidenceActivated(line);
    });
    connect(m_evidence, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int line = item->data(kLineRole).toInt();
        if (line > 0)
            emit evidenceActivated(line);
    });

    m_tier1 = new QListWidget(this);
    m_tier1->setObjectName(QStringLiteral("tier1List"));
    m_tier1->setWordWrap(true);
    m_tier1->setResizeMode(QListView::Adjust);
    m_tier1->setAccessibleName(tr("What tier 1 tried"));

    m_related = new QListWidget(this);
    m_related->setObjectName(QStringLiteral("relatedList"));
    m_related->setAccessibleName(tr("Tickets with the same signature"));
    connect(m_related, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const qint64 id = item->data(kLineRole).toLongLong(); id > 0)
            emit relatedTicketActivated(id);
    });
    connect(m_related, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (const qint64 id = item->data(kLineRole).toLongLong(); id > 0)
            emit relatedTicketActivated(id);
    });

    m_rules = new ElidedLabel(this); // a long signature must not widen the pane: it elides, the tooltip has it all
    m_rules->setTextFormat(Qt::PlainText);
    m_rules->setEnabled(false);

    // Evidence, tier 1's attempts and the incident share one area as tabs: side by side with the log, three
    // stacked lists left each a few pixels and cut their lines.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("diagnosisTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_evidence, tr("Evidence"));
    m_tabs->addTab(m_tier1, tr("What tier 1 already tried"));
    m_tabs->addTab(m_related, tr("Same signature (incident)"));
    m_tabs->tabBar()->setExpanding(false);
    m_tabs->tabBar()->setElideMode(Qt::ElideNone);
    m_tabs->tabBar()->setUsesScrollButtons(true);
    updateTabTitles();

    // The caption and the cause badge share a row, the recommended action sits under the summary, the rules
    // version and signature (a reference, rarely read) are one greyed line under the tabs: the height goes to
    // the evidence.
    auto *head = new QHBoxLayout;
    head->addWidget(caption(tr("Diagnosis"), this));
    head->addWidget(m_badge);
    head->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_summary);
    layout->addWidget(m_action, 0, Qt::AlignLeft);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_rules);
}

void DiagnosisPane::updateTabTitles()
{
    // Counts in the titles: what a tab holds is visible without opening it.
    const auto count = [](const QListWidget *list) {
        int n = 0;
        for (int i = 0; i < list->count(); ++i)
            n += list->item(i)->data(kLineRole).isValid() ? 1 : 0;
        return n;
    };
    m_tabs->setTabText(0, tr("Evidence (%1)").arg(m_evidence->count()));
    m_tabs->setTabText(1, tr("Tier 1 (%1)").arg(count(m_tier1)));
    m_tabs->setTabText(2, tr("Incident (%1)").arg(count(m_related)));
    m_tabs->setTabToolTip(1, tr("What tier 1 already tried"));
    m_tabs->setTabToolTip(2, tr("Same signature (incident)"));
}

int DiagnosisPane::minimumReadableWidth() const
{
    // The caption with the badge in one line, the first tab, and about 38 characters of the summary (the
    // recommended action elides beyond that, its tooltip has it whole).
    const int text = m_summary->fontMetrics().horizontalAdvance(QStringLiteral("client (0.99): the device clock is out"));
    return std::max({text, m_badge->sizeHint().width() + m_summary->fontMetrics().horizontalAdvance(tr("Diagnosis")) + 12,
                     m_tabs->tabBar()->tabRect(0).width() + 2 * m_tabs->tabBar()->iconSize().width()});
}

void DiagnosisPane::fitActionText()
{
    QStyleOptionButton option;
    option.initFrom(m_action);
    const int padding = m_action->style()->sizeFromContents(QStyle::CT_PushButton, &option, QSize(0, 0), m_action).width();
    m_action->setText(m_action->fontMetrics().elidedText(m_actionText, Qt::ElideRight, qMax(0, width() - padding - 4)));
}

void DiagnosisPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_actionText.isEmpty())
        fitActionText();
    // After the layout has given the lists their new width.
    QTimer::singleShot(0, this, [this] {
        wrapItems(m_evidence);
        wrapItems(m_tier1);
    });
}

int DiagnosisPane::preferredWidth() const
{
    // About 48 characters a line: a summary of two or three lines and findings of one or two.
    const int text = m_summary->fontMetrics().horizontalAdvance(
        QStringLiteral("client (0.99): error-message-ts-out-of-sync: the"));
    return qMax(minimumReadableWidth(), text + 2 * m_evidence->frameWidth() + 8);
}

void DiagnosisPane::showTicket(const Ticket *t)
{
    m_evidence->clear();
    m_recommended.reset();
    m_action->hide();
    if (!t || !t->diagnosis) {
        m_badge->setText(tr("Not diagnosed"));
        m_badge->setPalette(QPalette());
        m_summary->setText(t ? tr("This ticket has no automatic diagnosis.") : QString());
        m_rules->clear();
        updateTabTitles();
        return;
    }
    const Diagnosis &d = *t->diagnosis;
    const QLocale locale;
    m_badge->setText(tr("%1 · %2 confident").arg(label(d.cause), locale.toString(d.confidence * 100, 'f', 0) + locale.percent()));
    QPalette palette = m_badge->palette();
    palette.setColor(QPalette::Window, causeColor(d.cause));
    palette.setColor(QPalette::WindowText, Qt::white);
    m_badge->setPalette(palette);
    m_summary->setText(d.summary);
    for (const Evidence &e : d.evidence) {
        const QString where = e.line > 0 ? tr("Line %1").arg(e.line) : tr("Report");
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(where, e.why), m_evidence);
        item->setData(kLineRole, e.line);
        item->setToolTip(tr("Rule %1").arg(e.rule));
    }
    m_recommended = d.action;
    m_actionText = tr("Recommended: %1").arg(label(d.action));
    m_action->setToolTip(m_actionText);
    m_action->show();
    fitActionText();
    m_rules->setText(tr("Rules %1 · signature %2").arg(d.rulesVersion, d.signature));
    m_rules->setToolTip(m_rules->text());
    updateTabTitles();
    m_tabs->setCurrentIndex(0);
    wrapItems(m_evidence);
}

void DiagnosisPane::showEvents(const QList<TicketEvent> &events)
{
    m_tier1->clear();
    const QLocale locale;
    for (const TicketEvent &e : events) {
        if (!isTier1Attempt(e))
            continue;
        auto *item = new QListWidgetItem(tr("%1  %2").arg(models::timeText(e.at.toLocalTime().time()),
                                                          e.summary.isEmpty() ? e.kind : e.summary),
                                         m_tier1);
        item->setData(kLineRole, 0); // a real entry (counted in the tab title)
    }
    if (m_tier1->count() == 0)
        m_tier1->addItem(tr("Nothing: tier 1 did not act on this ticket."));
    wrapItems(m_tier1);
    updateTabTitles();
}

void DiagnosisPane::clearRelated()
{
    m_related->clear();
    updateTabTitles();
}

void DiagnosisPane::showRelated(const QList<Ticket> &tickets)
{
    m_related->clear();
    const QLocale locale;
    for (const Ticket &t : tickets) {
        auto *item = new QListWidgetItem(tr("#%1 · %2 · %3").arg(t.id).arg(t.userName.isEmpty() ? t.userId : t.userName,
                                                                        label(t.status)),
                                         m_related);
        item->setData(kLineRole, t.id);
        item->setToolTip(models::dateTimeText(t.createdAt));
    }
    if (tickets.isEmpty())
        m_related->addItem(tr("No other ticket has this signature."));
    updateTabTitles();
}

void DiagnosisPane::highlightLine(int line)
{
    for (int i = 0; i < m_evidence->count(); ++i) {
        QListWidgetItem *item = m_evidence->item(i);
        const bool match = line > 0 && item->data(kLineRole).toInt() == line;
        QFont f = item->font();
        f.setBold(match);
        item->setFont(f);
        if (match)
            m_evidence->scrollToItem(item);
    }
    wrapItems(m_evidence); // bold is wider
}

} // namespace relaydesk::ui
