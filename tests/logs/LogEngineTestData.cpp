#include "LogEngineTestData.h"
#include "SharedTestData.h"

#include "core/logs/LogParser.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace relaydesk::test {

std::vector<Line> parseLogLines(const QByteArray &data)
{
    std::vector<Line> lines;
    for (const LogLine &l : parseLog(data, LogFormat::Text))
        lines.push_back({l.offset, l.length});
    return lines;
}

QByteArray randomBytes(QRandomGenerator &rng, int size, bool withCr)
{
    static const char alphabet[] = "ab AB\n\n\r";
    const int letters = withCr ? 8 : 7;
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = alphabet[rng.bounded(letters)];
    return out;
}

// Random text lines from a few words so that searches hit often and miss often.
QByteArray randomLog(QRandomGenerator &rng, int lines, bool withCr)
{
    static const char *const words[] = {"foo", "Foo", "FOO", "bar", "ba", "xfoox", "o", "b", "1234", "é"};
    QByteArray out;
    for (int i = 0; i < lines; ++i) {
        const int n = rng.bounded(6);
        for (int w = 0; w < n; ++w) {
            if (w > 0)
                out.append(rng.bounded(4) == 0 ? "  " : " ");
            out.append(words[rng.bounded(10)]);
        }
        if (withCr && rng.bounded(3) == 0)
            out.append('\r');
        if (i + 1 < lines || rng.bounded(2) == 0)
            out.append('\n');
    }
    return out;
}

QString loghubAndroidPath()
{
    return loghubPath(u"Android/Android_2k.log"_s);
}

QByteArray loghubRepeated(int times)
{
    QFile f(loghubAndroidPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray sample = f.readAll();
    if (!sample.endsWith('\n'))
        sample.append('\n');
    QByteArray out;
    out.reserve(sample.size() * times);
    for (int i = 0; i < times; ++i)
        out.append(sample);
    return out;
}

QList<qint64> naiveSearch(const QByteArray &data, const LogSearchQuery &q)
{
    QList<qint64> out;
    const QRegularExpression re(q.regex ? q.pattern : QRegularExpression::escape(q.pattern),
                                q.caseSensitive ? QRegularExpression::NoPatternOption
                                                : QRegularExpression::CaseInsensitiveOption);
    const std::vector<Line> lines = parseLogLines(data);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const QByteArray bytes = data.mid(lines[n].offset, lines[n].length);
        bool hit;
        if (q.regex)
            hit = re.match(QString::fromUtf8(bytes)).hasMatch();
        else if (q.caseSensitive)
            hit = bytes.contains(q.pattern.toUtf8());
        else
            hit = bytes.toLower().contains(q.pattern.toUtf8().toLower());
        if (hit)
            out.append(qint64(n));
    }
    return out;
}

} // namespace relaydesk::test
