#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Line diff of two texts (Myers' O(ND) algorithm in linear space), for the KB's version diff
// (GET /api/v1/kb/articles/{id}/diff). Bounded: texts of more than kMaxLines lines are refused.
namespace relaydesk::kb {

struct DiffHunk
{
    enum class Op
    {
        Equal,
        Insert,
        Delete
    };
    Op op = Op::Equal;
    QStringList lines; // without their line breaks

    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

QString toWire(DiffHunk::Op op); // "equal", "insert", "delete"

inline constexpr qsizetype kMaxDiffLines = 20'000;

// The hunks that turn `from` into `to`: consecutive lines with the same op form one hunk, and within a
// changed stretch deletions come before insertions. nullopt with *error set when either side has more
// than kMaxDiffLines lines.
std::optional<QList<DiffHunk>> diffLines(const QStringList &from, const QStringList &to, QString *error);
// Splits both texts at "\n" (a trailing "\r" is dropped; "" is no lines) and diffs the lines.
std::optional<QList<DiffHunk>> diffText(const QString &from, const QString &to, QString *error);

} // namespace relaydesk::kb
