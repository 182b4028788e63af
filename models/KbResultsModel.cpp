#include "KbResultsModel.h"

namespace relaydesk::models {

using namespace Qt::StringLiterals;

KbResultsModel::KbResultsModel(QObject *parent) : QAbstractListModel(parent) {}

void KbResultsModel::setHits(const QList<KbHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int KbResultsModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_hits.size(); ++i) {
        if (m_hits.at(i).id == id)
            return int(i);
    }
    return -1;
}

int KbResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant KbResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KbHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return hit.title;
    case Qt::ToolTipRole:
        return hit.category.isEmpty() ? hit.title : hit.category + u" › "_s + hit.title;
    case IdRole:
        return hit.id;
    case GroupRole:
        return hit.translationGroup;
    case LanguageRole:
        return hit.language;
    case CategoryRole:
        return hit.category;
    case AudienceRole:
        return kb::toWire(hit.audience);
    case SnippetRole:
        return hit.snippet;
    case SnippetHtmlRole:
        return snippetHtml(hit.snippet);
    case ScoreRole:
        return hit.score;
    default:
        return {};
    }
}

QHash<int, QByteArray> KbResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "articleId");
    names.insert(GroupRole, "group");
    names.insert(LanguageRole, "language");
    names.insert(CategoryRole, "category");
    names.insert(AudienceRole, "audience");
    names.insert(SnippetRole, "snippet");
    names.insert(SnippetHtmlRole, "snippetHtml");
    names.insert(ScoreRole, "score");
    return names;
}

QString KbResultsModel::snippetHtml(const QString &snippet, const QString &markStart, const QString &markEnd)
{
    QString out;
    out.reserve(snippet.size() + 32);
    bool open = false;
    qsizetype i = 0;
    qsizetype plainFrom = 0;
    const auto flush = [&](qsizetype to) { out += snippet.mid(plainFrom, to - plainFrom).toHtmlEscaped(); };
    while (i < snippet.size()) {
        if (!markStart.isEmpty() && !open && QStringView(snippet).mid(i).startsWith(markStart)) {
            flush(i);
            out += "<b>"_L1;
            open = true;
            i += markStart.size();
            plainFrom = i;
        } else if (!markEnd.isEmpty() && QStringView(snippet).mid(i).startsWith(markEnd)) {
            flush(i);
            if (open)
                out += "</b>"_L1;
            open = false;
            i += markEnd.size();
            plainFrom = i;
        } else {
            ++i;
        }
    }
    flush(i);
    if (open)
        out += "</b>"_L1;
    return out;
}

} // namespace relaydesk::models
