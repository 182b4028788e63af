#include "ArticleFile.h"

#include "core/kb/AppVersionRange.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <array>

// parseArticleFile()/writeArticleFile()/validateArticle(): the strict article file format (docs/kb.md).
namespace relaydesk::kb {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxGroup = 80;
constexpr qsizetype kMinGroup = 3;
constexpr qsizetype kMaxCategorySegments = 3;
constexpr qsizetype kMaxCategorySegment = 40;
constexpr qsizetype kMaxTag = 40;
constexpr qsizetype kMaxErrorCode = 64;
constexpr qsizetype kMaxAppVersions = 100;

// The keys in the canonical (written) order.
constexpr std::array<const char *, 11> kKeys{"id",           "group",    "language", "title",
                                             "category",     "tags",     "causes",   "error_codes",
                                             "app_versions", "audience", "status"};

using Problem = std::optional<QString>;

// Offset of the first byte that is not part of valid UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF), or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07, min = 0x10000;
        else
            return i;
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

int lineOfOffset(QByteArrayView bytes, qsizetype offset)
{
    return int(QByteArrayView(bytes.data(), offset).count('\n')) + 1;
}

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7F;
}

Problem checkSingleLine(const QString &value)
{
    for (QChar c : value) {
        if (isControl(c))
            return u"contains the control character U+%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
    }
    if (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()))
        return u"has leading or trailing white space"_s;
    return std::nullopt;
}

Problem checkGroup(const QString &group)
{
    if (group.size() < kMinGroup || group.size() > kMaxGroup)
        return u"must be %1..%2 characters of a-z, 0-9 and '-' (got %3)"_s.arg(kMinGroup).arg(kMaxGroup).arg(
            group.size());
    for (QChar c : group) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            return u"must use only a-z, 0-9 and '-' (found '%1')"_s.arg(c);
    }
    return std::nullopt;
}

Problem checkLanguage(const QString &language)
{
    if (language != "en"_L1 && language != "zh_CN"_L1)
        return u"must be en or zh_CN (got '%1')"_s.arg(language);
    return std::nullopt;
}

Problem checkTitle(const QString &title)
{
    if (title.isEmpty())
        return u"must not be empty"_s;
    if (title.size() > kMaxArticleTitle)
        return u"is too long (%1 characters, at most %2)"_s.arg(title.size()).arg(kMaxArticleTitle);
    return checkSingleLine(title);
}

bool isCategoryChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u' ' ||
           c == u'-' || c == u'&' || c == u'+' || c == u'.';
}

Problem checkCategory(const QString &category)
{
    if (category.isEmpty())
        return u"must not be empty (a path like Network/DNS)"_s;
    const QStringList segments = category.split(u'/');
    if (segments.size() > kMaxCategorySegments)
        return u"has %1 segments, at most %2"_s.arg(segments.size()).arg(kMaxCategorySegments);
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment.size() > kMaxCategorySegment)
            return u"segments must be 1..%1 characters (a path like Network/DNS)"_s.arg(kMaxCategorySegment);
        if (segment.front() == u' ' || segment.back() == u' ')
            return u"segment '%1' has leading or trailing spaces"_s.arg(segment);
        for (QChar c : segment) {
            if (!isCategoryChar(c))
                return u"segment '%1' must be English (letters, digits, space, - & + .)"_s.arg(segment);
        }
    }
    return std::nullopt;
}

Problem checkTag(const QString &tag)
{
    if (tag.isEmpty() || tag.size() > kMaxTag)
        return u"tags must be 1..%1 characters"_s.arg(kMaxTag);
    for (QChar c : tag) {
        const bool word = c.isLetterOrNumber() && !c.isUpper();
        if (!word && c != u'-' && c != u'_' && c != u'.' && c != u'+')
            return u"tag '%1' must be one lowercase word (found '%2')"_s.arg(tag, c);
    }
    return std::nullopt;
}

Problem checkErrorCode(const QString &code)
{
    if (code.isEmpty() || code.size() > kMaxErrorCode)
        return u"codes must be 1..%1 characters"_s.arg(kMaxErrorCode);
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alnum && (i == 0 || (c != u'_' && c != u'.' && c != u':' && c != u'-')))
            return u"code '%1' must be letters, digits and _ . : - (starting with a letter or digit)"_s.arg(
                code);
    }
    return std::nullopt;
}

Problem checkAppVersions(const QString &range)
{
    if (range.size() > kMaxAppVersions)
        return u"is too long (at most %1 characters)"_s.arg(kMaxAppVersions);
    if (const Problem p = checkSingleLine(range))
        return p;
    if (range.contains(u"  "_s))
        return u"separate constraints with one space"_s;
    QString error;
    if (!AppVersionRange::parse(range, &error))
        return error;
    return std::nullopt;
}

Problem checkBody(const QString &body)
{
    if (body.trimmed().isEmpty())
        return u"must not be empty"_s;
    if (body.size() > kMaxArticleBody)
        return u"is too long (%1 characters, at most %2)"_s.arg(body.size()).arg(kMaxArticleBody);
    int line = 1;
    for (QChar c : body) {
        if (c == u'\n')
            ++line;
        else if (c == u'\r')
            return u"line %1 of the body: CR line ending (files use LF)"_s.arg(line);
        else if (isControl(c) && c != u'\t')
            return u"line %1 of the body: control character U+%2"_s.arg(line).arg(int(c.unicode()), 4, 16,
                                                                                  QChar(u'0'));
    }
    return std::nullopt;
}

template <typename T, typename Check>
Problem checkList(const QList<T> &values, qsizetype max, const char *what, Check check)
{
    if (values.size() > max)
        return u"has %1 %2, at most %3"_s.arg(values.size()).arg(QLatin1StringView(what)).arg(max);
    QSet<T> seen;
    for (const T &v : values) {
        if (const Problem p = check(v))
            return p;
        if (seen.contains(v))
            return u"lists an entry twice"_s;
        seen.insert(v);
    }
    return std::nullopt;
}

Problem checkTags(const QStringList &tags)
{
    return checkList(tags, kMaxArticleTags, "tags", checkTag);
}
Problem checkErrorCodes(const QStringList &codes)
{
    return checkList(codes, kMaxArticleErrorCodes, "codes", checkErrorCode);
}
Problem checkCauses(const QList<Cause> &causes)
{
    return checkList(causes, qsizetype(Cause::Count), "causes", [](Cause c) -> Problem {
        if (c == Cause::Count)
            return u"is not a cause"_s;
        return std::nullopt;
    });
}

Problem checkId(const QString &id, const QString &group, const QString &language)
{
    const QString expected = group + u'.' + language;
    if (id != expected)
        return u"must be <group>.<language>, here '%1' (got '%2')"_s.arg(expected, id);
    return std::nullopt;
}

// Splits "a, b, c" (or "") into its entries; an empty entry is a problem.
std::optional<QStringList> splitList(const QString &value, QString *problem)
{
    QStringList out;
    if (value.isEmpty())
        return out;
    for (const QString &part : value.split(u',')) {
        const QString entry = part.trimmed();
        if (entry.isEmpty()) {
            *problem = u"has an empty entry (comma-separated, e.g. 'a, b')"_s;
            return std::nullopt;
        }
        out << entry;
    }
    return out;
}

struct Field
{
    QString value;
    int line = 0;
};

DecodeError errorAt(const char *key, int line, const QString &message)
{
    return DecodeError{QString::fromLatin1(key), u"line %1: %2"_s.arg(line).arg(message)};
}

} // namespace

Decoded<Article> parseArticleFile(QByteArrayView utf8)
{
    if (utf8.size() > kMaxArticleFileBytes)
        return DecodeError{QString(),
                           u"file is %1 bytes, at most %2"_s.arg(utf8.size()).arg(kMaxArticleFileBytes)};
    if (const qsizetype bad = firstInvalidUtf8(utf8); bad >= 0)
        return DecodeError{QString(),
                           u"line %1: invalid UTF-8 at byte %2"_s.arg(lineOfOffset(utf8, bad)).arg(bad)};
    if (utf8.startsWith("\xEF\xBB\xBF"))
        return DecodeError{u"front_matter"_s,
                           u"line 1: byte order mark before '---' (save as UTF-8 without BOM)"_s};
    if (!utf8.startsWith("---\n"))
        return DecodeError{u"front_matter"_s, u"line 1: the file must start with a '---' line"_s};

    QHash<QString, Field> fields;
    qsizetype pos = 4;
    int line = 2;
    qsizetype bodyStart = -1;
    while (pos < utf8.size()) {
        qsizetype end = utf8.indexOf('\n', pos);
        if (end < 0)
            end = utf8.size();
        const QByteArrayView raw = utf8.sliced(pos, end - pos);
        if (raw.contains('\r'))
            return DecodeError{u"front_matter"_s, u"line %1: CR line ending (files use LF)"_s.arg(line)};
        if (raw == "---") {
            bodyStart = end + 1;
            break;
        }
        const QString text = QString::fromUtf8(raw);
        const qsizetype colon = text.indexOf(u':');
        const QString key = colon > 0 ? text.first(colon) : QString();
        bool keyOk = !key.isEmpty();
        for (QChar c : key)
            keyOk = keyOk && ((c >= u'a' && c <= u'z') || c == u'_');
        if (!keyOk)
            return DecodeError{u"front_matter"_s, u"line %1: expected 'key: value'"_s.arg(line)};
        bool known = false;
        for (const char *k : kKeys)
            known = known || key == QLatin1StringView(k);
        if (!known) {
            QStringList names;
            for (const char *k : kKeys)
                names << QString::fromLatin1(k);
            return DecodeError{
                key, u"line %1: unknown key (expected one of: %2)"_s.arg(line).arg(names.join(u", "_s))};
        }
        if (const auto it = fields.constFind(key); it != fields.constEnd())
            return DecodeError{key, u"line %1: duplicate key (first on line %2)"_s.arg(line).arg(it->line)};
        QString value = text.sliced(colon + 1);
        while (!value.isEmpty() && (value.front() == u' ' || value.front() == u'\t'))
            value.remove(0, 1);
        while (!value.isEmpty() && (value.back() == u' ' || value.back() == u'\t'))
            value.chop(1);
        fields.insert(key, Field{value, line});
        pos = end + 1;
        ++line;
    }
    if (bodyStart < 0)
        return DecodeError{u"front_matter"_s, u"line %1: no closing '---' line"_s.arg(line)};
    for (const char *k : kKeys) {
        if (!fields.contains(QLatin1StringView(k)))
            return DecodeError{QString::fromLatin1(k),
                               u"missing from the front matter (lines 1-%1)"_s.arg(line)};
    }
    const auto field = [&](const char *k) { return fields.value(QLatin1StringView(k)); };

    Article a;
    a.author.clear();
    const struct
    {
        const char *key;
        Problem (*check)(const QString &);
        QString *target;
    } scalars[] = {
        {"group", checkGroup, &a.translationGroup},
        {"language", checkLanguage, &a.language},
        {"title", checkTitle, &a.title},
        {"category", checkCategory, &a.category},
        {"app_versions", checkAppVersions, &a.appVersions},
    };
    for (const auto &s : scalars) {
        const Field f = field(s.key);
        if (const Problem p = s.check(f.value))
            return errorAt(s.key, f.line, *p);
        *s.target = f.value;
    }
    const Field id = field("id");
    if (const Problem p = checkId(id.value, a.translationGroup, a.language))
        return errorAt("id", id.line, *p);
    a.id = id.value;

    QString problem;
    const Field tags = field("tags");
    const std::optional<QStringList> tagList = splitList(tags.value, &problem);
    if (!tagList)
        return errorAt("tags", tags.line, problem);
    if (const Problem p = checkTags(*tagList))
        return errorAt("tags", tags.line, *p);
    a.tags = *tagList;

    const Field codes = field("error_codes");
    const std::optional<QStringList> codeList = splitList(codes.value, &problem);
    if (!codeList)
        return errorAt("error_codes", codes.line, problem);
    if (const Problem p = checkErrorCodes(*codeList))
        return errorAt("error_codes", codes.line, *p);
    a.errorCodes = *codeList;

    const Field causes = field("causes");
    const std::optional<QStringList> causeNames = splitList(causes.value, &problem);
    if (!causeNames)
        return errorAt("causes", causes.line, problem);
    for (const QString &name : *causeNames) {
        const std::optional<Cause> c = fromWire<Cause>(name);
        if (!c)
            return errorAt("causes", causes.line,
                           u"'%1' is not a cause (one of: %2)"_s.arg(name, wireNames<Cause>().join(u", "_s)));
        a.causes << *c;
    }
    if (const Problem p = checkCauses(a.causes))
        return errorAt("causes", causes.line, *p);

    const Field audience = field("audience");
    const std::optional<Audience> au = audienceFromWire(audience.value);
    if (!au)
        return errorAt("audience", audience.line, u"must be agent or user (got '%1')"_s.arg(audience.value));
    a.audience = *au;
    const Field status = field("status");
    const std::optional<ArticleStatus> st = statusFromWire(status.value);
    if (!st)
        return errorAt("status", status.line,
                       u"must be draft, published or archived (got '%1')"_s.arg(status.value));
    a.status = *st;

    a.body = bodyStart < utf8.size() ? QString::fromUtf8(utf8.sliced(bodyStart)) : QString();
    if (const Problem p = checkBody(a.body))
        return DecodeError{u"body"_s, u"starting on line %1: %2"_s.arg(line + 1).arg(*p)};
    return a;
}

QByteArray writeArticleFile(const Article &a)
{
    QStringList causes;
    for (Cause c : a.causes)
        causes << toWire(c);
    const QString values[] = {
        a.id,          a.translationGroup,   a.language,           a.title,
        a.category,    a.tags.join(u", "_s), causes.join(u", "_s), a.errorCodes.join(u", "_s),
        a.appVersions, toWire(a.audience),   toWire(a.status)};
    QString out = u"---\n"_s;
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        out += QLatin1StringView(kKeys[i]) + u':';
        if (!values[i].isEmpty())
            out += u' ' + values[i];
        out += u'\n';
    }
    out += u"---\n"_s + a.body;
    return out.toUtf8();
}

std::optional<DecodeError> validateArticle(const Article &a)
{
    const auto fail = [](const char *key, const QString &message) {
        return DecodeError{QString::fromLatin1(key), message};
    };
    if (const Problem p = checkGroup(a.translationGroup))
        return fail("group", *p);
    if (const Problem p = checkLanguage(a.language))
        return fail("language", *p);
    if (const Problem p = checkId(a.id, a.translationGroup, a.language))
        return fail("id", *p);
    if (const Problem p = checkTitle(a.title))
        return fail("title", *p);
    if (const Problem p = checkCategory(a.category))
        return fail("category", *p);
    if (const Problem p = checkTags(a.tags))
        return fail("tags", *p);
    if (const Problem p = checkCauses(a.causes))
        return fail("causes", *p);
    if (const Problem p = checkErrorCodes(a.errorCodes))
        return fail("error_codes", *p);
    if (const Problem p = checkAppVersions(a.appVersions))
        return fail("app_versions", *p);
    if (a.audience != Audience::Agent && a.audience != Audience::User)
        return fail("audience", u"must be agent or user"_s);
    if (a.status != ArticleStatus::Draft && a.status != ArticleStatus::Published &&
        a.status != ArticleStatus::Archived)
        return fail("status", u"must be draft, published or archived"_s);
    if (const Problem p = checkBody(a.body))
        return fail("body", *p);
    if (writeArticleFile(a).size() > kMaxArticleFileBytes)
        return fail("body", u"the article is larger than %1 bytes as a file"_s.arg(kMaxArticleFileBytes));
    return std::nullopt;
}

ArticleDirLoad loadArticleDir(const QString &dir)
{
    ArticleDirLoad load;
    const QDir d(dir);
    if (!d.exists()) {
        load.errors << u"%1: no such directory"_s.arg(dir);
        return load;
    }
    const QStringList names = d.entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(d.filePath(name));
        if (file.size() > kMaxArticleFileBytes) {
            load.errors
                << u"%1: file is %2 bytes, at most %3"_s.arg(name).arg(file.size()).arg(kMaxArticleFileBytes);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            load.errors << u"%1: %2"_s.arg(name, file.errorString());
            continue;
        }
        const QByteArray bytes = file.read(kMaxArticleFileBytes + 1);
        Decoded<Article> decoded = parseArticleFile(bytes);
        if (!decoded.ok()) {
            load.errors << name + u": "_s + decoded.error().toString();
            continue;
        }
        const QString stem = name.chopped(3);
        if (decoded.value().id != stem) {
            load.errors << u"%1: id: '%2' must equal the file name stem '%3'"_s.arg(name, decoded.value().id,
                                                                                    stem);
            continue;
        }
        load.articles << std::move(decoded).value();
    }
    return load;
}

} // namespace relaydesk::kb
