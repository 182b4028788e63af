#include "KbHistoryDialog.h"

#include "Colors.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

KbHistoryDialog::KbHistoryDialog(models::ApiClient *api, const kb::Article &article, QWidget *parent)
    : QDialog(parent), m_api(api), m_article(article)
{
    setObjectName(u"kbHistory"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("History of %1").arg(article.id));
    m_versions = new QListWidget(this);
    m_versions->setObjectName(u"kbVersions"_s);
    m_versions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_diff = new QTextEdit(this);
    m_diff->setObjectName(u"kbDiff"_s);
    m_diff->setReadOnly(true);
    m_diff->setAcceptRichText(false);
    m_diff->setLineWrapMode(QTextEdit::WidgetWidth);
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(u"kbCompare"_s);
    m_restore = buttons->addButton(tr("&Restore this version"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(u"kbRestore"_s);
    connect(m_compare, &QPushButton::clicked, this, &KbHistoryDialog::compareSelected);
    connect(m_restore, &QPushButton::clicked, this, &KbHistoryDialog::restoreSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_versions, &QListWidget::itemSelectionChanged, this, [this] {
        const int n = int(selectedVersions().size());
        m_compare->setEnabled(n == 1 || n == 2);
        m_restore->setEnabled(n == 1);
    });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_versions);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Select two versions to compare them, or one to compare it with the current "
                      "version or restore it."),
                   this));
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 560);
    m_compare->setEnabled(false);
    m_restore->setEnabled(false);
    reload();
}

void KbHistoryDialog::reload()
{
    QPointer<KbHistoryDialog> self(this);
    m_api->fetchKbVersions(
        m_article.id, [self, this](models::ApiResult<QList<models::KbVersionInfo>> result) {
            if (!self)
                return;
            m_versions->clear();
            if (!result.ok()) {
                m_message->setText(tr("The history cannot be loaded: %1").arg(result.error.message));
                return;
            }
            for (const models::KbVersionInfo &v : std::as_const(*result.value)) {
                const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.atMs).toLocalTime(),
                                                        QLocale::ShortFormat);
                auto *item = new QListWidgetItem(
                    tr("v%1 · %2 · %3 · %4").arg(v.version).arg(when, v.author, kb::toWire(v.status)),
                    m_versions);
                item->setToolTip(v.title);
                item->setData(Qt::UserRole, v.version);
                if (v.version > m_article.version)
                    m_article.version = v.version;
            }
            m_message->setText(tr("%n version(s).", nullptr, int(result.value->size())));
            emit loaded();
        });
}

QList<int> KbHistoryDialog::selectedVersions() const
{
    QList<int> versions;
    for (const QListWidgetItem *item : m_versions->selectedItems())
        versions.append(item->data(Qt::UserRole).toInt());
    std::sort(versions.begin(), versions.end());
    return versions;
}

void KbHistoryDialog::compareSelected()
{
    const QList<int> v = selectedVersions();
    if (v.size() == 2)
        compare(v.at(0), v.at(1));
    else if (v.size() == 1)
        compare(v.at(0), m_article.version);
}

void KbHistoryDialog::compare(int from, int to)
{
    QPointer<KbHistoryDialog> self(this);
    m_api->fetchKbDiff(m_article.id, from, to, [self, this](models::ApiResult<models::KbDiff> result) {
        if (!self)
            return;
        if (!result.ok()) {
            m_message->setText(tr("The versions cannot be compared: %1").arg(result.error.message));
            return;
        }
        showDiff(*result.value);
        emit diffShown();
    });
}

void KbHistoryDialog::showDiff(const models::KbDiff &diff)
{
    // Plain text with character formats (never HTML): "+" lines green, "-" lines red, context grey.
    m_diff->clear();
    QTextCursor cursor(m_diff->document());
    QTextCharFormat plain;
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    QTextCharFormat inserted;
    const QPalette &palette = m_diff->palette();
    inserted.setBackground(colors::insertedBackground(palette));
    inserted.setForeground(colors::insertedText(palette));
    QTextCharFormat deleted;
    deleted.setBackground(colors::deletedBackground(palette));
    deleted.setForeground(colors::deletedText(palette));
    QTextCharFormat same;
    same.setForeground(colors::mutedText(palette));
    const auto hunks = [&](const QString &name, const QList<kb::DiffHunk> &list) {
        cursor.insertText(name + u'\n', heading);
        for (const kb::DiffHunk &h : list) {
            const QTextCharFormat &format = h.op == kb::DiffHunk::Op::Insert   ? inserted
                                            : h.op == kb::DiffHunk::Op::Delete ? deleted
                                                                               : same;
            const QString mark = h.op == kb::DiffHunk::Op::Insert   ? u"+ "_s
                                 : h.op == kb::DiffHunk::Op::Delete ? u"- "_s
                                                                    : u"  "_s;
            for (const QString &line : h.lines)
                cursor.insertText(mark + line + u'\n', format);
        }
        cursor.insertText(u"\n"_s, plain);
    };
    cursor.insertText(tr("Version %1 → version %2").arg(diff.from).arg(diff.to) + u"\n\n"_s, heading);
    hunks(tr("Title"), diff.title);
    hunks(tr("Body"), diff.body);
    if (!diff.fields.isEmpty()) {
        cursor.insertText(tr("Other fields") + u'\n', heading);
        for (const models::KbDiff::Field &f : diff.fields) {
            cursor.insertText(u"%1: "_s.arg(f.name), plain);
            cursor.insertText(f.from, deleted);
            cursor.insertText(u" → "_s, plain);
            cursor.insertText(f.to, inserted);
            cursor.insertText(u"\n"_s, plain);
        }
    }
    m_diff->moveCursor(QTextCursor::Start);
}

void KbHistoryDialog::restoreSelected()
{
    const QList<int> v = selectedVersions();
    if (v.size() != 1)
        return;
    const int version = v.first();
    QPointer<KbHistoryDialog> self(this);
    m_api->restoreKbArticle(
        m_article.id, version, m_article.version,
        [self, this, version](models::ApiResult<kb::ArticleRecord> result) {
            if (!self)
                return;
            if (!result.ok()) {
                m_message->setText(
                    tr("Version %1 was not restored: %2").arg(version).arg(result.error.message));
                return;
            }
            m_article = result.value->article;
            m_message->setText(tr("Restored version %1 as version %2.").arg(version).arg(m_article.version));
            emit restored(m_article);
            reload();
        });
}

} // namespace relaydesk::ui
