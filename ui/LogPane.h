#pragma once

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QToolButton;
class QProgressBar;
class QPushButton;

namespace relaydesk::models {
class LogTableModel;
struct LogSource;
} // namespace relaydesk::models

namespace relaydesk::ui {

class LogView;

// The device log: a table that materialises only the visible lines, with level, tag and time-range filters,
// search (literal or regex, case option) with progress, match count, next/previous, highlighted occurrences
// and cancel, go to line and copy. Text is always plain.
class LogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPane)

public:
    explicit LogPane(QWidget *parent = nullptr);

    void setLog(const QByteArray &bytes);
    void setLog(const models::LogSource &source); // the cached file (memory-mapped) or the bytes
    void clear();
    void showMessage(const QString &text);
    // 1-based line, as in the diagnosis; marks it and selects it.
    void goToLine(int line);
    void setMarkedLines(const QSet<int> &lines);
    void focusSearch();

    LogView *view() const { return m_view; }
    models::LogTableModel *model() const { return m_model; }
    int currentLine() const; // 1-based, 0 when none
    // The width that shows every fixed column and kMessageChars characters of message.
    int preferredWidth() const;

    static constexpr int kMessageChars = 60;

signals:
    void currentLineChanged(int line); // 1-based
    // The columns were sized to a (new) log's content: preferredWidth() may have changed.
    void columnsFitted();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors(); // the model's line colours, from the current palette
    void runSearch();
    void step(bool forward);
    void showRow(int row); // selects it and scrolls it to the middle
    void copySelection();
    void updateInfo();
    void updateColumns();
    void fitColumns();
    void showPatterns(bool on);
    void resetControls();
    void applyFilter();
    void resetFilters();
    void clearFilterFields();
    void showContextMenu(const QPoint &pos);
    void afterOpen();

    models::LogTableModel *m_model;
    LogView *m_view;
    QLabel *m_info;
    QLineEdit *m_search;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QLabel *m_matches;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QComboBox *m_level;
    QLineEdit *m_tag;
    QLineEdit *m_from;
    QLineEdit *m_to;
    class LogMatchDelegate *m_delegate;
    QLineEdit *m_goTo;
    QToolButton *m_patternsButton;
    QListWidget *m_patterns;
    QString m_message;
    bool m_fitted = false; // the columns were sized to enough of the log

    static constexpr int kFitSampleRows = 500;
    static constexpr int kTagChars = 16;
};

} // namespace relaydesk::ui
