#pragma once

#include "models/kb/KbSearchTypes.h"

#include <QAbstractListModel>

namespace relaydesk::models {

// The knowledge pane's ranked results (search hits or suggestions for the selected ticket), best first.
// DisplayRole is the title; SnippetHtmlRole is the only HTML the pane shows: the plain-text snippet escaped,
// then its matched-term marks turned into <b>.
class KbResultsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbResultsModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        GroupRole,
        LanguageRole,
        CategoryRole,
        AudienceRole, // wire name: agent, user
        SnippetRole,  // plain text with the marks
        SnippetHtmlRole,
        ScoreRole,
    };

    explicit KbResultsModel(QObject *parent = nullptr);

    void setHits(const QList<KbHit> &hits);
    const QList<KbHit> &hits() const { return m_hits; }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Escapes `snippet` (plain text) for rich text and wraps each markStart..markEnd span in <b>…</b>. An
    // unclosed mark ends at the end of the text; stray end marks are dropped.
    static QString snippetHtml(const QString &snippet, const QString &markStart = QStringLiteral("\x01"),
                               const QString &markEnd = QStringLiteral("\x02"));

private:
    QList<KbHit> m_hits;
};

} // namespace relaydesk::models
