#include "QueuePane.h"

#include "CauseSwatchDelegate.h"
#include "models/QueueModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace relaydesk::ui {


QueuePane::QueuePane(models::QueueModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("queuePane"));
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(model);
    // The "By cause" rows carry their cause's colour.
    m_view->setItemDelegate(new CauseSwatchDelegate(
        [model](const QModelIndex &index) -> std::optional<Cause> {
            const auto s = model->selectionAt(index);
            if (s && s->kind == models::QueueSelection::Kind::ByCause)
                return s->cause;
            return std::nullopt;
        },
        m_view));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->expandAll();
    m_view->setAccessibleName(tr("Queues"));

    auto *title = new QLabel(tr("Queues"), this);
    title->setBuddy(m_view);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (const auto selection = m_model->selectionAt(current))
                    emit queueSelected(*selection);
            });
    // Regions appear as tickets arrive: keep the groups open.
    connect(model, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex &group) {
        if (group.isValid())
            m_view->expand(group);
    });
}

void QueuePane::select(const models::QueueSelection &selection)
{
    const QModelIndex index = m_model->indexOf(selection);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

} // namespace relaydesk::ui
