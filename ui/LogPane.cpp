#include "LogPane.h"

#include "models/LogTableModel.h"
#include "LogMatchDelegate.h"
#include "Colors.h"
#include "LogView.h"
#include "models/TicketDetailLoader.h"

#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::LogTableModel;

LogPane::LogPane(QWidget *parent) : QWidget(parent), m_model(new LogTableModel(this))
{
    setObjectName(QStringLiteral("logPane"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search the log (/)"));
    m_search->setClearButtonEnabled(true);
    m_regex = new QCheckBox(tr("Re&gex"), this);
    m_regex->setObjectName(QStringLiteral("logRegex"));
    m_case = new QCheckBox(tr("C&ase"), this);
    m_case->setObjectName(QStringLiteral("logCase"));
    auto *prev = new QPushButton(tr("↑"), this);
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    prev->setObjectName(QStringLiteral("previousMatch"));
    auto *next = new QPushButton(tr("↓"), this);
    next->setToolTip(tr("Next match (F3)"));
    next->setObjectName(QStringLiteral("nextMatch"));
    for (QPushButton *b : {prev, next})
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("MMM")));
    m_matches = new QLabel(this);
    m_matches->setObjectName(QStringLiteral("matchCount"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(90);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("All levels"), int(LogLevel::Unknown));
    m_level->addItem(tr("Info and above"), int(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_level->addItem(tr("Errors only"), int(LogLevel::Error));
    m_tag = new QLineEdit(this);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setPlaceholderText(tr("Tag"));
    m_tag->setMaximumWidth(120);
    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("timeFrom"));
    m_from->setPlaceholderText(tr("From time"));
    m_from->setToolTip(tr("Show lines from this time on, written as in the log (e.g. 03-17 16:13); Enter applies"));
    m_from->setClearButtonEnabled(true);
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("timeTo"));
    m_to->setPlaceholderText(tr("To time"));
    m_to->setToolTip(tr("Show lines up to this time, written as in the log; \"03-17 16:14\" keeps that whole minute"));
    m_to->setClearButtonEnabled(true);
    for (QLineEdit *e : {m_from, m_to})
        e->setMaximumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 24);
    m_goTo = new QLineEdit(this);
    m_goTo->setObjectName(QStringLiteral("goToLine"));
    m_goTo->setPlaceholderText(tr("Line (Ctrl+G)"));
    m_goTo->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), m_goTo));
    m_goTo->setMaximumWidth(100);

    m_patternsButton = new QToolButton(this);
    m_patternsButton->setObjectName(QStringLiteral("patternsButton"));
    m_patternsButton->setText(tr("&Patterns"));
    m_patternsButton->setToolTip(tr("Group the lines into patterns (variable parts masked), errors and rare ones first"));
    m_patternsButton->setCheckable(true);
    m_patterns = new QListWidget(this);
    m_patterns->setObjectName(QStringLiteral("patternList"));
    m_patterns->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_patterns->setAccessibleName(tr("Log patterns"));
    m_patterns->hide();

    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("logInfo"));
    m_info->setTextFormat(Qt::PlainText);

    m_view = new LogView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    applyColors();
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setRowHeight(m_view->fontMetrics().height() + 2);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Device log"));
    m_delegate = new LogMatchDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &LogPane::showContextMenu);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_regex);
    searchRow->addWidget(m_case);
    searchRow->addWidget(prev);
    searchRow->addWidget(next);
    searchRow->addWidget(m_matches);
    searchRow->addWidget(m_progress);
    searchRow->addWidget(m_cancel);
    // Filters get a row of their own: with the info line beside them, a narrow pane squeezed the fields
    // into unreadable stubs.
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_level);
    filterRow->addWidget(m_tag);
    filterRow->addWidget(m_from);
    filterRow->addWidget(m_to);
    filterRow->addWidget(m_goTo);
    filterRow->addWidget(m_patternsButton);
    filterRow->addStretch();
    // Room for a short value each, no more: a wide minimum here squeezed the ticket list when docks opened.
    for (QLineEdit *e : {m_tag, m_from, m_to, m_goTo})
        e->setMinimumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_info);
    layout->addLayout(filterRow);
    layout->addLayout(searchRow);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_patterns);
    split->addWidget(m_view);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_patternsButton, &QToolButton::toggled, this, &LogPane::showPatterns);
    connect(m_patterns, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || !m_patterns->isVisible())
            return;
        const QVariant id = m_patterns->item(row)->data(Qt::UserRole);
        if (id.isValid())
            m_model->setPatternFilter(id.toInt());
    });
    connect(m_model, &LogTableModel::patternsReady, this, [this](const QList<LogPattern> &patterns) {
        m_patterns->clear();
        auto *all = new QListWidgetItem(tr("All lines (%n pattern(s))", nullptr, int(patterns.size())), m_patterns);
        all->setData(Qt::UserRole, -1);
        const QLocale locale;
        for (const LogPattern &p : patterns) {
            const QString level = p.level == LogLevel::Error || p.level == LogLevel::Fatal ? tr("error")
                                  : p.level == LogLevel::Warning                         ? tr("warning")
                                                                                          : QString();
            auto *item = new QListWidgetItem(tr("%1×  %2%3").arg(locale.toString(p.count),
                                                                level.isEmpty() ? QString() : level + QStringLiteral("  "),
                                                                p.displayText()),
                                             m_patterns);
            item->setData(Qt::UserRole, p.id);
            item->setToolTip(p.displayText());
            if (!level.isEmpty())
                item->setForeground(p.level == LogLevel::Warning ? colors::warningText(m_patterns->palette())
                                                                 : colors::errorText(m_patterns->palette()));
        }
    });

    connect(m_search, &QLineEdit::returnPressed, this, &LogPane::runSearch);
    // Escape hands the keyboard back to the log (the search and its marks stay).
    auto *leaveSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(leaveSearch, &QShortcut::activated, this, [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    connect(m_regex, &QCheckBox::toggled, this, [this] { if (!m_search->text().isEmpty()) runSearch(); });
    connect(m_case, &QCheckBox::toggled, this, [this] { if (!m_search->text().isEmpty()) runSearch(); });
    connect(next, &QPushButton::clicked, this, [this] { step(true); });
    connect(prev, &QPushButton::clicked, this, [this] { step(false); });
    connect(m_cancel, &QPushButton::clicked, m_model, &LogTableModel::cancelSearch);
    connect(new QShortcut(QKeySequence::FindNext, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
            &QShortcut::activated, this, [this] { step(true); });
    connect(new QShortcut(QKeySequence::FindPrevious, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
            &QShortcut::activated, this, [this] { step(false); });
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this, nullptr, nullptr, Qt::WindowShortcut),
            &QShortcut::activated, this, [this] { m_goTo->setFocus(); m_goTo->selectAll(); });
    connect(new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut), &QShortcut::activated,
            this, &LogPane::copySelection);
    connect(m_goTo, &QLineEdit::returnPressed, this, [this] { goToLine(m_goTo->text().toInt()); });
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogPane::applyFilter);
    for (QLineEdit *e : {m_tag, m_from, m_to}) {
        connect(e, &QLineEdit::returnPressed, this, &LogPane::applyFilter);
        // The clear button empties the field: the filter follows at once.
        connect(e, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty())
                applyFilter();
        });
    }

    connect(m_model, &LogTableModel::searchProgress, m_progress, &QProgressBar::setValue);
    connect(m_model, &LogTableModel::searchFinished, this, [this](int count, bool cancelled) {
        m_progress->hide();
        m_cancel->hide();
        m_matches->setText(cancelled ? tr("%n match(es) (cancelled)", nullptr, count) : tr("%n match(es)", nullptr, count));
        if (count > 0)
            step(true);
    });
    connect(m_model, &LogTableModel::searchFailed, this, [this](const QString &error) {
        m_progress->hide();
        m_cancel->hide();
        m_matches->setText(tr("Invalid search: %1").arg(error));
    });
    connect(m_model, &LogTableModel::indexingProgress, this, &LogPane::updateInfo);
    // Columns fit the first lines as soon as they are indexed, and the line numbers once the whole log is.
    connect(m_model, &LogTableModel::indexingProgress, this, [this](qint64, bool finished) {
        if (!m_fitted || finished)
            fitColumns();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentLineChanged(currentLine()); });
}

void LogPane::updateColumns()
{
    // Plain-text logs have nothing but the message; the others get their columns, sized to what they show.
    const bool text = m_model->format() == LogFormat::Text;
    for (int c : {int(LogTableModel::Time), int(LogTableModel::Level), int(LogTableModel::Pid), int(LogTableModel::Tid),
                  int(LogTableModel::Tag)})
        m_view->setColumnHidden(c, text);
    m_fitted = false;
    fitColumns();
}

void LogPane::fitColumns()
{
    // Fixed columns take the width of their header and of the widest text among the first lines (font metrics of
    // the text itself: CJK and digits differ from an average character); a column no sampled line fills is
    // hidden. The tag is capped (it elides beyond). Message, the last section, stretches over the rest.
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QFontMetrics cell(m_view->font());
    const QFontMetrics head(m_view->horizontalHeader()->font());
    const int cellPad = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    const int headPad =
        2 * m_view->horizontalHeader()->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_view->horizontalHeader()) + 2;
    const int sample = qMin(rows, kFitSampleRows);
    const bool text = m_model->format() == LogFormat::Text;
    for (int c = 0; c < LogTableModel::Message; ++c) {
        if (text && c != LogTableModel::Line)
            continue;
        int widest = 0;
        if (c == LogTableModel::Line) {
            // The largest line number this log can show (the whole log once indexed).
            widest = cell.horizontalAdvance(QString(QString::number(qMax<qint64>(m_model->lineCount(), 1)).size(),
                                                    QLatin1Char('0')));
        } else {
            for (int r = 0; r < sample; ++r)
                widest = qMax(widest, cell.horizontalAdvance(m_model->index(r, c).data().toString()));
        }
        if (c == LogTableModel::Tag)
            widest = qMin(widest, cell.horizontalAdvance(QLatin1Char('M')) * kTagChars);
        if (c != LogTableModel::Line)
            m_view->setColumnHidden(c, widest == 0);
        const int header = head.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + headPad;
        m_view->setColumnWidth(c, qMax(widest + cellPad, header));
    }
    m_fitted = m_model->isIndexed() || rows >= kFitSampleRows;
    emit columnsFitted();
}

int LogPane::preferredWidth() const
{
    // The fixed columns, 60 characters of message, the scroll bar and the frame.
    int width = 0;
    for (int c = 0; c < LogTableModel::Message; ++c) {
        if (!m_view->isColumnHidden(c))
            width += m_view->columnWidth(c);
    }
    const QFontMetrics cell(m_view->font());
    width += cell.horizontalAdvance(QString(kMessageChars, QLatin1Char('m'))) +
             2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 4;
    width += m_view->verticalScrollBar()->sizeHint().width() + 2 * m_view->frameWidth();
    return width;
}

void LogPane::showPatterns(bool on)
{
    m_patterns->setVisible(on);
    if (!on) {
        if (m_model->patternFilter() >= 0)
            m_model->setPatternFilter(-1);
        return;
    }
    if (m_patterns->count() == 0) {
        m_patterns->addItem(tr("Grouping lines into patterns…"));
        m_model->computePatterns();
    }
}

void LogPane::applyColors()
{
    const QPalette &p = palette(); // the view's too: it has none of its own
    m_model->setLineColors({colors::markedLineBackground(p), colors::matchLineBackground(p), colors::errorText(p),
                            colors::warningText(p)});
}

void LogPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColors();
}

void LogPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogPane::clear()
{
    m_patterns->clear();
    m_model->clear();
    m_matches->clear();
    updateInfo();
}

void LogPane::showMessage(const QString &text)
{
    m_message = text;
    updateInfo();
}

void LogPane::clearFilterFields()
{
    // Quietly: the caller decides whether the model's filter follows.
    const QSignalBlocker blockLevel(m_level);
    const QSignalBlocker blockTag(m_tag);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_level->setCurrentIndex(0);
    m_tag->clear();
    m_from->clear();
    m_to->clear();
}

void LogPane::resetControls()
{
    m_message.clear();
    m_matches->clear();
    clearFilterFields(); // a new log opens unfiltered
    m_patterns->clear();
}

void LogPane::resetFilters()
{
    clearFilterFields();
    m_model->setFilter({}); // no filter: applied at once
}

void LogPane::applyFilter()
{
    models::LogFilter filter;
    filter.minLevel = LogLevel(m_level->currentData().toInt());
    filter.tag = m_tag->text().trimmed();
    filter.fromTime = m_from->text().trimmed();
    filter.toTime = m_to->text().trimmed();
    m_model->setFilter(filter);
}

void LogPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    QMenu menu(this);
    QString time;
    if (at.isValid())
        time = m_model->index(at.row(), LogTableModel::Time).data().toString();
    QAction *from = menu.addAction(tr("Show from this line's time"));
    QAction *to = menu.addAction(tr("Show up to this line's time"));
    from->setEnabled(!time.isEmpty());
    to->setEnabled(!time.isEmpty());
    QAction *clearRange = menu.addAction(tr("Clear the time range"));
    clearRange->setEnabled(!m_from->text().isEmpty() || !m_to->text().isEmpty());
    menu.addSeparator();
    QAction *copy = menu.addAction(tr("Copy selected lines"), QKeySequence::Copy);
    copy->setEnabled(m_view->selectionModel()->hasSelection());
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (chosen == from)
        m_from->setText(time);
    else if (chosen == to)
        m_to->setText(time);
    else if (chosen == clearRange) {
        m_from->clear();
        m_to->clear();
    } else if (chosen == copy) {
        copySelection();
        return;
    } else {
        return;
    }
    applyFilter();
}

void LogPane::afterOpen()
{
    updateColumns();
    if (m_patternsButton->isChecked())
        showPatterns(true);
    if (m_model->byteSize() == 0 && m_message.isEmpty())
        m_message = tr("This report came without a device log.");
    updateInfo();
    if (!m_search->text().isEmpty())
        runSearch();
}

void LogPane::setLog(const QByteArray &bytes)
{
    resetControls();
    m_model->setLog(bytes);
    afterOpen();
}

void LogPane::setLog(const models::LogSource &source)
{
    if (source.path.isEmpty())
        return setLog(source.bytes);
    resetControls();
    QString error;
    if (!m_model->setLogFile(source.path, &error))
        m_message = tr("Cannot open the cached log: %1").arg(error);
    afterOpen();
}

void LogPane::updateInfo()
{
    if (!m_message.isEmpty()) {
        m_info->setText(m_message);
        return;
    }
    const QLocale locale;
    QString text = tr("%1 lines, %2").arg(locale.toString(m_model->lineCount()), locale.formattedDataSize(m_model->byteSize()));
    if (!m_model->isIndexed())
        text += tr(" (indexing…)");
    m_info->setText(text);
}

int LogPane::currentLine() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? int(m_model->lineOfRow(current.row()) + 1) : 0;
}

void LogPane::goToLine(int line)
{
    int row = m_model->rowOfLine(line - 1);
    if (row < 0 && m_model->isFiltered()) {
        resetFilters(); // the line is filtered out: show everything again
        row = m_model->rowOfLine(line - 1);
    }
    if (row < 0)
        return;
    showRow(row);
}

void LogPane::setMarkedLines(const QSet<int> &lines) { m_model->setMarkedLines(lines); }

void LogPane::runSearch()
{
    if (m_search->text().isEmpty()) {
        m_model->cancelSearch();
        m_delegate->setQuery({});
        m_view->viewport()->update();
        m_matches->clear();
        return;
    }
    LogSearchQuery query;
    query.pattern = m_search->text();
    query.regex = m_regex->isChecked();
    query.caseSensitive = m_case->isChecked();
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_matches->setText(tr("Searching…"));
    m_delegate->setQuery(query);
    m_model->search(query);
}

void LogPane::step(bool forward)
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int row = m_model->nextMatchRow(current.isValid() ? current.row() : (forward ? -1 : 0), forward);
    if (row < 0)
        return;
    showRow(row);
}

void LogPane::showRow(int row)
{
    // Vertically only: scrolling sideways to the message cell hid the line number and time (the view also
    // scrolls to a new current index by itself).
    const int horizontal = m_view->horizontalScrollBar()->value();
    const QModelIndex index = m_model->index(row, LogTableModel::Message);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->horizontalScrollBar()->setValue(horizontal);
}

void LogPane::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : rows)
        lines << m_model->lineText(m_model->lineOfRow(row));
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace relaydesk::ui
