#include "AlertPanel.h"

#include "ScreenFit.h"
#include "models/AlertModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::AlertModel;
using namespace Qt::StringLiterals;

AlertPanel::AlertPanel(AlertModel *alerts, bool canAcknowledge, QWidget *parent)
    : QWidget(parent, Qt::Window), m_alerts(alerts), m_canAck(canAcknowledge)
{
    setObjectName(u"alertPanel"_s);
    setWindowTitle(tr("Relaydesk — Alerts"));
    m_view = new QTableView(this);
    m_view->setObjectName(u"alertTable"_s);
    m_view->setModel(alerts);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AlertModel::Kind, 190);
    m_view->setColumnWidth(AlertModel::Subject, 120);
    m_view->setColumnWidth(AlertModel::Since, 130);
    m_view->setColumnWidth(AlertModel::State, 180);
    m_history = new QCheckBox(tr("Show &history (resolved alerts)"), this);
    m_history->setObjectName(u"alertHistory"_s);
    m_ack = new QPushButton(tr("&Acknowledge"), this);
    m_ack->setObjectName(u"alertAcknowledge"_s);
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"alertDetail"_s);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_history);
    buttons->addStretch(1);
    buttons->addWidget(m_ack);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addLayout(buttons);

    connect(m_history, &QCheckBox::toggled, alerts, &AlertModel::setShowHistory);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_selected = current.isValid() ? current.data(AlertModel::AlertIdRole).toLongLong() : 0;
        updateButtons();
    });
    // The model resets on every change: keep the selected alert selected.
    connect(alerts, &QAbstractItemModel::modelReset, this, [this] {
        const qint64 keep = m_selected;
        selectAlert(keep);
        updateButtons();
    });
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (m_selected != 0 && m_alerts->acknowledge(m_selected))
            updateButtons();
    });
    connect(alerts, &AlertModel::acknowledgeFailed, this, [this](qint64 id, const QString &message) {
        emit notify(tr("Could not acknowledge alert %1: %2 Click Acknowledge to try again.").arg(id).arg(message));
        updateButtons();
    });
    connect(alerts, &AlertModel::acknowledged, this, [this] { updateButtons(); });
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &QWidget::close);
    updateButtons();
    fitToScreen(this, {900, 420});
}

void AlertPanel::setCanAcknowledge(bool can)
{
    m_canAck = can;
    updateButtons();
}

qint64 AlertPanel::currentAlertId() const
{
    return m_selected;
}

void AlertPanel::selectAlert(qint64 id)
{
    for (int row = 0; row < m_alerts->rowCount(); ++row) {
        const QModelIndex index = m_alerts->index(row, 0);
        if (index.data(AlertModel::AlertIdRole).toLongLong() == id) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
    m_selected = 0;
}

void AlertPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_alerts->refresh();
}

void AlertPanel::updateButtons()
{
    const auto alert = m_selected != 0 ? m_alerts->alert(m_selected) : std::nullopt;
    m_detail->setText(alert ? models::alertKindLabel(alert->kind) + u" — "_s + alert->subject + u": "_s +
                                  models::alertDetailText(*alert)
                            : tr("Select an alert to see what it measured."));
    if (!m_canAck) {
        m_ack->setEnabled(false);
        m_ack->setToolTip(tr("Only team leads and admins acknowledge alerts."));
        return;
    }
    const bool pending = alert && m_alerts->isAcknowledging(alert->id);
    m_ack->setEnabled(alert && alert->state == "raised"_L1 && !pending);
    m_ack->setToolTip(pending ? tr("Acknowledging…")
                      : alert && alert->state == "acknowledged"_L1 ? tr("This alert is already acknowledged.")
                      : alert && alert->state != "raised"_L1       ? tr("This alert is already resolved.")
                                                               : tr("Tell the team you are on it."));
}

} // namespace relaydesk::ui
