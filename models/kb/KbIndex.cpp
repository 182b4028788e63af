// Xapian first: its headers use "slots" as a name, which Qt's keywords would break.
#include <xapian.h>

#include "KbIndex.h"

#include "core/kb/AppVersionRange.h"
#include "models/kb/KbSynonyms.h"
#include "models/kb/KbText.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>
#include <memory>

// KbIndex: the Xapian side of the KB. Document layout:
//   data      CBOR map with everything a hit or a suggestion shows (so searching never touches another store)
//   value 0   lowercased title (the order of an empty-text listing)
//   terms     free text: title (wdf x3), tags and error codes (x2), category, plain-text body; English
//   stemmed
//             ("Z" terms), CJK as unigrams + bigrams
//             Q<id> unique id; XL<language>; XS<status>; XA<audience>; XC<cause>; XK<category prefix,
//             lowercase> for every level; XE<ERROR CODE> (exact, upper case, weighted); XV when the article
//             has a version range
namespace relaydesk::models {

using namespace Qt::StringLiterals;

namespace {

constexpr Xapian::valueno kTitleSlot = 0;
constexpr int kTitleWeight = 3;
constexpr int kFieldWeight = 2;
constexpr Xapian::termcount kErrorCodeWdf = 4;
constexpr double kErrorCodeBoost = 4.0;
constexpr int kMaxLimit = 1000;
constexpr int kMinSpellingWord = 4;
constexpr unsigned kMaxTypoDistance = 2;
constexpr Xapian::termcount kMaxPrefixCompletions = 10;
constexpr Xapian::doccount kCommonQueryShare = 4; // isCommon(): terms in more than 1/4 of the articles

std::string utf8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), std::size_t(b.size()));
}

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string idTerm(const QString &id)
{
    std::string term = "Q"; // not "Q" + utf8(id): GCC 12 warns (-Wrestrict, a false positive) at -O2
    term += utf8(id);
    return term;
}

QString errorText(const Xapian::Error &e)
{
    return fromUtf8(e.get_type()) + u": "_s + fromUtf8(e.get_msg());
}

// Xapian::Stem keeps per-call state (not thread-safe): one per thread.
const Xapian::Stem &englishStemmer()
{
    thread_local const Xapian::Stem stem("en");
    return stem;
}

// A few English words too common to help ranking (the query parser drops them unless they are all there is).
const Xapian::SimpleStopper &stopper()
{
    static const char *const words[] = {"a",   "an",  "and",  "are",  "as",   "at",   "be",  "by",
                                        "can", "do",  "does", "for",  "from", "how",  "i",   "if",
                                        "in",  "is",  "it",   "my",   "of",   "on",   "or",  "the",
                                        "to",  "was", "what", "when", "why",  "with", "you", "your"};
    thread_local const Xapian::SimpleStopper s(std::begin(words), std::end(words));
    return s;
}

// True for the unprefixed, unstemmed English words of a document that feed the spelling dictionary.
bool isSpellingWord(const std::string &term)
{
    if (term.size() < std::size_t(kMinSpellingWord) || term.size() > 30)
        return false;
    return std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> spellingWords(const Xapian::Document &doc)
{
    std::vector<std::string> words;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (isSpellingWord(*it))
            words.push_back(*it);
    }
    return words;
}

QStringList categoryPrefixes(const QString &category)
{
    QStringList out;
    const QStringList segments = category.toLower().split(u'/', Qt::SkipEmptyParts);
    QString path;
    for (const QString &s : segments) {
        path = path.isEmpty() ? s : path + u'/' + s;
        out << path;
    }
    return out;
}

QCborArray toCbor(const QStringList &list)
{
    QCborArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList fromCbor(const QCborValue &v)
{
    QStringList out;
    for (const QCborValue &e : v.toArray())
        out << e.toString();
    return out;
}

// What a hit or a suggestion needs, decoded from the document data.
struct Stored
{
    QString id, group, title, language, category, text, appVersions;
    QStringList causes, errorCodes;
    kb::Audience audience = kb::Audience::Agent;
};

std::string encodeStored(const kb::Article &a, const QString &text)
{
    QStringList causes;
    for (Cause c : a.causes)
        causes << toWire(c);
    QCborMap m;
    m.insert(u"id"_s, a.id);
    m.insert(u"group"_s, a.translationGroup);
    m.insert(u"title"_s, a.title);
    m.insert(u"language"_s, a.language);
    m.insert(u"category"_s, a.category);
    m.insert(u"audience"_s, kb::toWire(a.audience));
    m.insert(u"causes"_s, toCbor(causes));
    m.insert(u"codes"_s, toCbor(a.errorCodes));
    m.insert(u"versions"_s, a.appVersions);
    m.insert(u"text"_s, text);
    const QByteArray bytes = m.toCborValue().toCbor();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

Stored decodeStored(const std::string &data)
{
    const QCborMap m =
        QCborValue::fromCbor(QByteArray::fromRawData(data.data(), qsizetype(data.size()))).toMap();
    Stored s;
    s.id = m.value(u"id"_s).toString();
    s.group = m.value(u"group"_s).toString();
    s.title = m.value(u"title"_s).toString();
    s.language = m.value(u"language"_s).toString();
    s.category = m.value(u"category"_s).toString();
    s.audience = kb::audienceFromWire(m.value(u"audience"_s).toString()).value_or(kb::Audience::Agent);
    s.causes = fromCbor(m.value(u"causes"_s));
    s.errorCodes = fromCbor(m.value(u"codes"_s));
    s.appVersions = m.value(u"versions"_s).toString();
    s.text = m.value(u"text"_s).toString();
    return s;
}

KbHit hitOf(const Stored &s, double score)
{
    KbHit h;
    h.id = s.id;
    h.translationGroup = s.group;
    h.title = s.title;
    h.language = s.language;
    h.category = s.category;
    h.audience = s.audience;
    h.score = score;
    return h;
}

Xapian::Document buildDocument(const kb::Article &a)
{
    const QString text = kbtext::plainText(a.body);
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_document(doc);
    tg.set_stemmer(englishStemmer());
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.index_text(utf8(a.title), kTitleWeight);
    tg.increase_termpos();
    tg.index_text(utf8(a.tags.join(u' ')), kFieldWeight);
    tg.increase_termpos();
    tg.index_text(utf8(a.errorCodes.join(u' ')), kFieldWeight);
    tg.increase_termpos();
    tg.index_text(utf8(QString(a.category).replace(u'/', u' ')));
    tg.increase_termpos();
    tg.index_text(utf8(text));

    doc.add_boolean_term(idTerm(a.id));
    doc.add_boolean_term("XL" + utf8(a.language));
    doc.add_boolean_term("XS" + utf8(kb::toWire(a.status)));
    doc.add_boolean_term("XA" + utf8(kb::toWire(a.audience)));
    for (Cause c : a.causes)
        doc.add_boolean_term("XC" + utf8(toWire(c)));
    for (const QString &prefix : categoryPrefixes(a.category))
        doc.add_boolean_term("XK" + utf8(prefix));
    for (const QString &code : a.errorCodes)
        doc.add_term("XE" + utf8(code.toUpper()), kErrorCodeWdf);
    if (!a.appVersions.trimmed().isEmpty())
        doc.add_boolean_term("XV");
    doc.add_value(kTitleSlot, utf8(a.title.toLower()));
    doc.set_data(encodeStored(a, text));
    return doc;
}

// The filters of a query: `require` (every part must match) and `exclude` (none may); either may be empty.
// Every document has exactly one status term, so "published" is asked as "not draft and not archived": the
// other statuses are rare, and skipping over their short lists is far cheaper than walking the long list of
// published articles next to every query term.
struct Filters
{
    Xapian::Query require, exclude;
};

Filters filtersOf(const KbQuery &q)
{
    Filters f;
    std::vector<Xapian::Query> parts;
    if (!q.language.isEmpty())
        parts.emplace_back("XL" + utf8(q.language));
    if (q.status) {
        std::vector<Xapian::Query> others;
        for (kb::ArticleStatus s :
             {kb::ArticleStatus::Draft, kb::ArticleStatus::Published, kb::ArticleStatus::Archived}) {
            if (s != *q.status)
                others.emplace_back("XS" + utf8(kb::toWire(s)));
        }
        f.exclude = Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
    }
    if (q.audience)
        parts.emplace_back("XA" + utf8(kb::toWire(*q.audience)));
    if (q.cause)
        parts.emplace_back("XC" + utf8(toWire(*q.cause)));
    const QString prefix = q.categoryPrefix.toLower().trimmed();
    if (!prefix.isEmpty())
        parts.emplace_back("XK" + utf8(prefix.endsWith(u'/') ? prefix.chopped(1) : prefix));
    if (!parts.empty())
        f.require = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    return f;
}

// query restricted by the filters; an empty query stands for every document.
Xapian::Query filtered(Xapian::Query query, const Filters &f)
{
    if (query.empty())
        query = f.require.empty() ? Xapian::Query::MatchAll : f.require;
    else if (!f.require.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, f.require);
    if (!f.exclude.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, f.exclude);
    return query;
}

// The number of code points of a UTF-8 term when all of them are CJK (0 otherwise), with the code points.
int cjkLength(const std::string &term, char32_t out[2])
{
    const QString s = fromUtf8(term);
    int n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s.at(i).unicode();
        if (s.at(i).isHighSurrogate() && i + 1 < s.size()) {
            c = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            ++i;
        }
        // The ranges Xapian's CJK n-gram tokenizer treats as CJK.
        const bool cjk = (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) ||
                         (c >= 0xA700 && c <= 0xA71F) || (c >= 0xAC00 && c <= 0xD7AF) ||
                         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2A6DF) ||
                         (c >= 0x2F800 && c <= 0x2FA1F);
        if (!cjk || n == 2)
            return 0;
        out[n++] = c;
    }
    return n;
}

// The query parser turns a run of CJK characters into every unigram and bigram, all required ("消息": 消 AND
// 消息 AND 息). A document with the bigram has both its characters, so the unigrams a bigram of the same AND
// covers change nothing about what matches; they only cost a walk over some of the longest posting lists
// of the index (common single characters). This drops them (ranking is then by the bigrams). Snippets still
// highlight the unigrams: they are made from the parsed query (see searchIn).
Xapian::Query withoutCoveredUnigrams(const Xapian::Query &q)
{
    const Xapian::Query::op op = q.get_type();
    const bool rebuild = op == Xapian::Query::OP_AND || op == Xapian::Query::OP_OR ||
                         op == Xapian::Query::OP_AND_MAYBE || op == Xapian::Query::OP_AND_NOT ||
                         op == Xapian::Query::OP_FILTER;
    if (!rebuild)
        return q;
    std::vector<Xapian::Query> subs;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        subs.push_back(withoutCoveredUnigrams(q.get_subquery(i)));
    if (op == Xapian::Query::OP_AND) {
        std::vector<char32_t> covered;
        std::vector<int> lengths(subs.size(), 0);
        std::vector<char32_t> unigram(subs.size(), 0);
        for (std::size_t i = 0; i < subs.size(); ++i) {
            if (subs[i].get_type() != Xapian::Query::LEAF_TERM)
                continue;
            char32_t cps[2] = {0, 0};
            lengths[i] = cjkLength(*subs[i].get_terms_begin(), cps);
            if (lengths[i] == 2)
                covered.insert(covered.end(), {cps[0], cps[1]});
            unigram[i] = cps[0];
        }
        std::vector<Xapian::Query> kept;
        for (std::size_t i = 0; i < subs.size(); ++i) {
            if (lengths[i] == 1 && std::find(covered.begin(), covered.end(), unigram[i]) != covered.end())
                continue;
            kept.push_back(subs[i]);
        }
        subs = std::move(kept);
    }
    if (subs.size() == 1 && op != Xapian::Query::OP_AND_NOT)
        return subs.front();
    return Xapian::Query(op, subs.begin(), subs.end());
}

// Replaces English words the index does not know by the closest word of the spelling dictionary
// ("timout" -> "timeout"). The last word is left alone while it is still the prefix of some indexed word
// (search as you type). Returns the text unchanged when nothing needed correcting.
QString correctSpelling(const Xapian::Database &db, const QString &text, bool lastIsPartial)
{
    static const QRegularExpression word(u"[A-Za-z]+"_s);
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype end = m.capturedEnd();
        // Only whole words: not part of an error code like M_LIMIT_EXCEEDED or a mixed token like v5beta.
        const bool boundedLeft = m.capturedStart() == 0 || !text.at(m.capturedStart() - 1).isLetterOrNumber();
        const bool boundedRight =
            end == text.size() || (!text.at(end).isLetterOrNumber() && text.at(end) != u'_');
        const bool underscoreLeft = m.capturedStart() > 0 && text.at(m.capturedStart() - 1) == u'_';
        const std::string w = utf8(m.captured().toLower());
        QString replacement = m.captured();
        if (boundedLeft && boundedRight && !underscoreLeft && w.size() >= std::size_t(kMinSpellingWord) &&
            !db.term_exists(w) && !db.term_exists("Z" + englishStemmer()(w))) {
            const bool isLast = end == text.size();
            bool known = false;
            if (isLast && lastIsPartial) {
                auto t = db.allterms_begin(w);
                known = t != db.allterms_end(w);
            }
            if (!known) {
                const std::string suggestion = db.get_spelling_suggestion(w, kMaxTypoDistance);
                if (!suggestion.empty())
                    replacement = fromUtf8(suggestion);
            }
        }
        out += QStringView(text).sliced(from, m.capturedStart() - from);
        out += replacement;
        from = end;
    }
    out += QStringView(text).sliced(from);
    return out;
}

// Error codes of the text that some article lists, as weighted exact terms.
std::vector<Xapian::Query> errorCodeQueries(const Xapian::Database &db, const QString &text)
{
    static const QRegularExpression token(u"[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9]"_s);
    std::vector<Xapian::Query> out;
    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const std::string term = "XE" + utf8(it.next().captured().toUpper());
        if (db.term_exists(term))
            out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), kErrorCodeBoost);
    }
    return out;
}

Xapian::Query parseText(const Xapian::Database &db, const QString &text, bool partial,
                        Xapian::Query::op defaultOp)
{
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(englishStemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(&stopper());
    qp.set_default_op(defaultOp);
    // The word being typed matches its most frequent completions only: "c" would otherwise search the 100
    // most frequent words starting with c at once (~40 ms at 100k articles; ~10 ms with 10).
    qp.set_max_expansion(kMaxPrefixCompletions, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                         Xapian::QueryParser::FLAG_PARTIAL);
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
                     Xapian::QueryParser::FLAG_CJK_NGRAM;
    if (partial)
        flags |= Xapian::QueryParser::FLAG_PARTIAL;
    const std::string s = utf8(text);
    try {
        return qp.parse_query(s, flags);
    } catch (const Xapian::QueryParserError &) {
        // An unbalanced quote or the like while typing: search the words as plain text.
        return qp.parse_query(s, Xapian::QueryParser::FLAG_CJK_NGRAM);
    }
}

// True when the query's terms together occur in more than a quarter of the articles (a single common Chinese
// character such as 的 or 网, or a common English word): then most of the time goes into walking their
// posting lists, and BM25's document-length normalisation (one length lookup per matching article) makes
// that 1.5-3x dearer.
bool isCommon(const Xapian::Database &db, const Xapian::Query &query)
{
    Xapian::doccount volume = 0;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
        volume += db.get_termfreq(*it);
    return volume > db.get_doccount() / kCommonQueryShare;
}

// BM25 with Xapian's default parameters except b = 0: no length normalisation. Ranking is by how often and
// where (title x3, tags x2) the terms occur and how rare they are; the matcher then needs no document
// lengths.
Xapian::BM25Weight commonQueryWeight()
{
    return Xapian::BM25Weight(1, 0, 1, 0, 0.5);
}

// The search itself, on one snapshot of the index.
QList<KbHit> searchIn(const Xapian::Database &db, const KbQuery &q, QString *correctedText, int *total)
{
    QList<KbHit> hits;
    const QString text = q.text.trimmed();
    const bool partial = !q.text.isEmpty() && !q.text.back().isSpace();
    const Filters filters = filtersOf(q);
    const auto limit = Xapian::doccount(std::clamp(q.limit, 1, kMaxLimit));
    Xapian::Enquire enquire(db);

    if (text.isEmpty()) {
        enquire.set_query(filtered(Xapian::Query(), filters));
        enquire.set_sort_by_value(kTitleSlot, false);
        const Xapian::MSet mset =
            total ? enquire.get_mset(0, limit, db.get_doccount()) : enquire.get_mset(0, limit);
        if (total)
            *total = int(mset.get_matches_estimated());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Stored s = decodeStored(it.get_document().get_data());
            KbHit hit = hitOf(s, 0);
            hit.snippet = kbtext::leadingExcerpt(s.text, q.snippetBytes / 2);
            hits << hit;
        }
        return hits;
    }

    const QString corrected = correctSpelling(db, text, partial);
    if (correctedText && corrected != text)
        *correctedText = corrected;
    const std::vector<Xapian::Query> codes = errorCodeQueries(db, corrected);
    Xapian::Query::op defaultOp = Xapian::Query::OP_AND;
    Xapian::MSet mset;
    Xapian::Query parsedQuery; // with every n-gram: what the snippets highlight
    const QStringList alternatives = kbsynonyms::alternatives(corrected);
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::vector<Xapian::Query> any(codes);
        for (const QString &variant : QStringList{corrected} + alternatives) {
            Xapian::Query parsed = parseText(db, variant, partial, defaultOp);
            if (!parsed.empty())
                any.push_back(std::move(parsed));
        }
        // Nothing searchable (only punctuation, say): no hits. An empty query under OP_FILTER would match
        // every article passing the filter.
        if (any.empty())
            return hits;
        parsedQuery =
            any.size() == 1 ? any.front() : Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
        const Xapian::Query query = withoutCoveredUnigrams(parsedQuery);
        enquire.set_query(filtered(query, filters));
        enquire.set_weighting_scheme(isCommon(db, query) ? commonQueryWeight() : Xapian::BM25Weight());
        mset = total ? enquire.get_mset(0, limit, db.get_doccount()) : enquire.get_mset(0, limit);
        // Every word required first; when that finds nothing, any word (ranked by how many match).
        if (!mset.empty())
            break;
        defaultOp = Xapian::Query::OP_OR;
    }
    if (total)
        *total = int(mset.get_matches_estimated());
    const std::string start = utf8(q.markStart);
    const std::string end = utf8(q.markEnd);
    // Snippets highlight the terms of the parsed query (unigrams included) with their weights: an MSet of
    // that query without any match (no posting list is walked) carries them. No background model: it looks
    // up the frequency of every word of every snippet text, which cost more than the search itself.
    Xapian::MSet snippets;
    if (!mset.empty()) {
        Xapian::Enquire snippetEnquire(db);
        snippetEnquire.set_query(filtered(parsedQuery, filters));
        snippets = snippetEnquire.get_mset(0, 0);
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Stored s = decodeStored(it.get_document().get_data());
        KbHit hit = hitOf(s, it.get_weight());
        const std::string snippet =
            snippets.snippet(utf8(s.text), std::size_t(std::max(q.snippetBytes, 32)), englishStemmer(),
                             Xapian::MSet::SNIPPET_CJK_NGRAM, start, end, "…");
        hit.snippet = kbtext::unescapeSnippet(fromUtf8(snippet));
        hits << hit;
    }
    return hits;
}

// Suggestions on one snapshot: articles listing the cause, the error code or an app-version range, scored
// code 4, cause 2, matching range 3; articles whose range excludes the app version are left out.
QList<KbHit> suggestIn(const Xapian::Database &db, const KbSuggestContext &c, const QString &code,
                       const std::optional<QList<int>> &version, const std::vector<Xapian::Query> &any)
{
    QList<KbHit> out;
    KbQuery filters;
    filters.language = c.language;
    filters.audience = c.audience;
    const Xapian::Query query =
        filtered(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()), filtersOf(filters));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, 2000);

    struct Scored
    {
        KbHit hit;
        int score;
    };
    QList<Scored> scored;
    const QString cause = c.cause ? toWire(*c.cause) : QString();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Stored s = decodeStored(it.get_document().get_data());
        const std::optional<kb::AppVersionRange> range = kb::AppVersionRange::parse(s.appVersions);
        const bool hasRange = range && !range->isEmpty();
        if (hasRange && version && !range->contains(*version))
            continue; // written for other app versions
        int score = 0;
        bool codeMatch = false;
        for (const QString &listed : s.errorCodes)
            codeMatch = codeMatch || listed.toUpper() == code;
        if (!code.isEmpty() && codeMatch)
            score += 4;
        if (!cause.isEmpty() && s.causes.contains(cause))
            score += 2;
        if (hasRange && version)
            score += 3;
        if (score == 0)
            continue;
        KbHit hit = hitOf(s, score);
        hit.snippet = kbtext::leadingExcerpt(s.text, c.snippetChars);
        scored << Scored{hit, score};
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.hit.id < b.hit.id;
    });
    for (qsizetype i = 0; i < scored.size() && i < c.limit; ++i)
        out << scored.at(i).hit;
    return out;
}

// Runs fn on an up-to-date read-only snapshot. Each thread keeps its own Xapian::Database per index directory
// (a Database is not thread-safe) and reopen()s it to the last commit before every read, which is far cheaper
// than opening the files again. A writer that commits twice while a reader is busy invalidates the reader's
// snapshot (DatabaseModifiedError): then the read starts again on a fresh one.
template <typename F> auto readWithRetry(const QString &dir, F &&fn)
{
    thread_local std::map<std::string, std::unique_ptr<Xapian::Database>> readers;
    constexpr int kAttempts = 5;
    const std::string path = utf8(dir);
    for (int attempt = 1;; ++attempt) {
        std::unique_ptr<Xapian::Database> &db = readers[path];
        try {
            if (!db)
                db = std::make_unique<Xapian::Database>(path);
            else
                db->reopen();
            return fn(std::as_const(*db));
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt == kAttempts)
                throw;
        } catch (const Xapian::Error &) {
            db.reset(); // the directory may have been replaced: open it afresh once
            if (attempt >= 2)
                throw;
        }
    }
}

} // namespace

struct KbIndex::Writer
{
    Xapian::WritableDatabase db;
};

KbIndex::KbIndex() = default;
KbIndex::~KbIndex()
{
    QMutexLocker lock(&m_mutex);
    if (m_writer) {
        try {
            m_writer->db.close();
        } catch (const Xapian::Error &) {
            // Closing without a commit discards pending changes; nothing else can go wrong that matters here.
        }
    }
}

void KbIndex::setError(const QString &error) const
{
    QMutexLocker lock(&m_mutex);
    m_lastError = error;
}

QString KbIndex::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

bool KbIndex::open(const QString &dir, QString *error)
{
    QMutexLocker lock(&m_mutex);
    try {
        if (!QDir().mkpath(dir)) {
            m_lastError = u"cannot create the index directory %1"_s.arg(dir);
        } else {
            auto writer = std::make_unique<Writer>();
            writer->db = Xapian::WritableDatabase(utf8(dir), Xapian::DB_CREATE_OR_OPEN);
            m_writer = std::move(writer);
            m_dir = dir;
            return true;
        }
    } catch (const Xapian::Error &e) {
        m_lastError = u"cannot open the index %1: %2"_s.arg(dir, errorText(e));
    }
    if (error)
        *error = m_lastError;
    return false;
}

bool KbIndex::openReadOnly(const QString &dir, QString *error)
{
    try {
        Xapian::Database db(utf8(dir));
        QMutexLocker lock(&m_mutex);
        m_writer.reset();
        m_dir = dir;
        return true;
    } catch (const Xapian::Error &e) {
        setError(u"cannot open the index %1: %2"_s.arg(dir, errorText(e)));
    }
    if (error)
        *error = lastError();
    return false;
}

bool KbIndex::upsert(const kb::Article &article)
{
    QMutexLocker lock(&m_mutex);
    if (!m_writer) {
        m_lastError = u"the index is not open for writing"_s;
        return false;
    }
    try {
        Xapian::WritableDatabase &db = m_writer->db;
        const std::string term = idTerm(article.id);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            for (const std::string &w : spellingWords(db.get_document(*it)))
                db.remove_spelling(w);
        }
        const Xapian::Document doc = buildDocument(article);
        for (const std::string &w : spellingWords(doc))
            db.add_spelling(w);
        db.replace_document(term, doc);
        return true;
    } catch (const Xapian::Error &e) {
        m_lastError = u"cannot index %1: %2"_s.arg(article.id, errorText(e));
        return false;
    }
}

bool KbIndex::remove(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    if (!m_writer) {
        m_lastError = u"the index is not open for writing"_s;
        return false;
    }
    try {
        Xapian::WritableDatabase &db = m_writer->db;
        const std::string term = idTerm(id);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            for (const std::string &w : spellingWords(db.get_document(*it)))
                db.remove_spelling(w);
        }
        db.delete_document(term);
        return true;
    } catch (const Xapian::Error &e) {
        m_lastError = u"cannot remove %1: %2"_s.arg(id, errorText(e));
        return false;
    }
}

bool KbIndex::commit()
{
    QMutexLocker lock(&m_mutex);
    if (!m_writer) {
        m_lastError = u"the index is not open for writing"_s;
        return false;
    }
    try {
        m_writer->db.commit();
        return true;
    } catch (const Xapian::Error &e) {
        m_lastError = u"cannot commit the index: %1"_s.arg(errorText(e));
        return false;
    }
}

int KbIndex::documentCount() const
{
    if (m_dir.isEmpty())
        return -1;
    try {
        return readWithRetry(m_dir, [](const Xapian::Database &db) { return int(db.get_doccount()); });
    } catch (const Xapian::Error &e) {
        setError(errorText(e));
        return -1;
    }
}

QStringList KbIndex::ids() const
{
    QStringList out;
    if (m_dir.isEmpty())
        return out;
    try {
        out = readWithRetry(m_dir, [](const Xapian::Database &db) {
            QStringList ids;
            for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it)
                ids << fromUtf8((*it).substr(1));
            return ids;
        });
    } catch (const Xapian::Error &e) {
        setError(errorText(e));
        out.clear();
    }
    return out;
}

QList<KbHit> KbIndex::search(const KbQuery &q, QString *correctedText, int *total) const
{
    if (correctedText)
        correctedText->clear();
    if (total)
        *total = 0;
    if (m_dir.isEmpty())
        return {};
    try {
        return readWithRetry(
            m_dir, [&](const Xapian::Database &db) { return searchIn(db, q, correctedText, total); });
    } catch (const Xapian::Error &e) {
        setError(u"search failed: %1"_s.arg(errorText(e)));
    }
    return {};
}

QList<KbHit> KbIndex::suggest(const KbSuggestContext &c) const
{
    if (m_dir.isEmpty())
        return {};
    const QString code = c.errorCode.trimmed().toUpper();
    const std::optional<QList<int>> version = kb::AppVersionRange::parseVersion(c.appVersion);
    std::vector<Xapian::Query> any;
    if (c.cause)
        any.emplace_back("XC" + utf8(toWire(*c.cause)));
    if (!code.isEmpty())
        any.emplace_back("XE" + utf8(code));
    if (version)
        any.emplace_back("XV");
    if (any.empty())
        return {};
    try {
        return readWithRetry(
            m_dir, [&](const Xapian::Database &db) { return suggestIn(db, c, code, version, any); });
    } catch (const Xapian::Error &e) {
        setError(u"suggest failed: %1"_s.arg(errorText(e)));
    }
    return {};
}

} // namespace relaydesk::models
