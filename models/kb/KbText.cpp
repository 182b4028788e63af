#include "KbText.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace relaydesk::models::kbtext {

QString plainText(const QString &markdown)
{
    static const QRegularExpression image(u"!\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression autoLink(u"<(https?://[^>\\s]+)>"_s);
    static const QRegularExpression heading(u"^\\s{0,3}#{1,6}\\s+"_s);
    static const QRegularExpression listMarker(u"^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+"_s);
    static const QRegularExpression quote(u"^\\s*(?:>\\s?)+"_s);
    static const QRegularExpression rule(u"^\\s*(?:[-*_]\\s*){3,}$"_s);
    static const QRegularExpression tableRule(
        u"^\\s*\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$"_s);
    static const QRegularExpression emphasis(u"(\\*\\*|__|~~|`)"_s);
    static const QRegularExpression singleStar(u"(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])"_s);
    static const QRegularExpression spaces(u"\\s+"_s);

    QStringList out;
    bool inFence = false;
    const QStringList lines = markdown.split(u'\n');
    for (QString line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith("```"_L1) || trimmed.startsWith("~~~"_L1)) {
            inFence = !inFence;
            continue;
        }
        if (!inFence) {
            if (rule.match(line).hasMatch() || tableRule.match(line).hasMatch())
                continue;
            line.replace(heading, QString());
            line.replace(quote, QString());
            line.replace(listMarker, QString());
            line.replace(image, u"\\1"_s);
            line.replace(link, u"\\1"_s);
            line.replace(autoLink, u"\\1"_s);
            line.replace(emphasis, QString());
            line.replace(singleStar, QString());
            line.replace(u'|', u' ');
        }
        line = line.trimmed();
        if (!line.isEmpty())
            out << line;
    }
    return out.join(u' ').replace(spaces, u" "_s);
}

QString unescapeSnippet(const QString &html)
{
    static const struct
    {
        QLatin1StringView entity;
        QChar ch;
    } entities[] = {
        {"&amp;"_L1, u'&'}, {"&lt;"_L1, u'<'}, {"&gt;"_L1, u'>'}, {"&quot;"_L1, u'"'}, {"&#39;"_L1, u'\''}};
    QString out;
    out.reserve(html.size());
    for (qsizetype i = 0; i < html.size(); ++i) {
        if (html.at(i) == u'&') {
            bool replaced = false;
            for (const auto &e : entities) {
                if (QStringView(html).sliced(i).startsWith(e.entity)) {
                    out += e.ch;
                    i += e.entity.size() - 1;
                    replaced = true;
                    break;
                }
            }
            if (replaced)
                continue;
        }
        out += html.at(i);
    }
    return out;
}

QString leadingExcerpt(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    qsizetype cut = chars;
    const qsizetype space = text.lastIndexOf(u' ', chars);
    if (space > chars * 2 / 3)
        cut = space;
    return text.first(cut).trimmed() + u'…';
}

} // namespace relaydesk::models::kbtext
