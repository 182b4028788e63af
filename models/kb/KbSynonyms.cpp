#include "KbSynonyms.h"

#include <QRegularExpression>

#include <vector>

using namespace Qt::StringLiterals;

namespace relaydesk::models::kbsynonyms {
namespace {

constexpr qsizetype kMaxAlternatives = 6;

struct Entry
{
    const char16_t *word;
    std::initializer_list<const char16_t *> meanings;
};

// Kept short and specific: each entry is a word agents use for a problem the starter content describes in
// other words. Add to it when the relevance fixtures (tests/kb/relevance.json) show a real miss.
const Entry kEntries[] = {
    {u"限流", {u"频率限制", u"请求过于频繁"}},
    {u"频繁", {u"频率限制"}},
    {u"拉黑", {u"屏蔽"}},
    {u"黑名单", {u"屏蔽"}},
    {u"封号", {u"封禁"}},
    {u"卡死", {u"无响应"}},
    {u"卡住", {u"无响应"}},
    {u"断网", {u"断开 互联网"}},
    {u"掉线", {u"连接 中断"}},
    {u"翻墙", {u"VPN 代理"}},
    {u"梯子", {u"VPN 代理"}},
    {u"内存不足", {u"oom"}},
    {u"幂等", {u"idempotency"}},
    {u"throttled", {u"rate limit"}},
    {u"throttling", {u"rate limit"}},
    {u"throttle", {u"rate limit"}},
    {u"blacklisted", {u"blocked"}},
    {u"blacklist", {u"blocked"}},
    {u"banned", {u"blocked forbidden"}},
    {u"cert", {u"certificate"}},
    {u"certs", {u"certificate"}},
    {u"ssl", {u"tls"}},
    {u"freeze", {u"not responding"}},
    {u"frozen", {u"not responding"}},
    {u"hang", {u"not responding"}},
    {u"wifi", {u"wi-fi"}},
};

bool isAscii(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() > 0x7F)
            return false;
    }
    return true;
}

// One compiled expression per entry, built once (compiling them on every keystroke cost more than the search).
struct Compiled
{
    QRegularExpression re;
    const Entry *entry;
};

const std::vector<Compiled> &compiledEntries()
{
    static const std::vector<Compiled> compiled = [] {
        std::vector<Compiled> out;
        for (const Entry &e : kEntries) {
            const QString word = QString::fromUtf16(e.word);
            QString pattern = QRegularExpression::escape(word);
            if (isAscii(word))
                pattern = u"(?<![\\w-])"_s + pattern + u"(?![\\w-])"_s;
            QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
            re.optimize();
            out.push_back({std::move(re), &e});
        }
        return out;
    }();
    return compiled;
}

} // namespace

QStringList alternatives(const QString &text)
{
    QStringList out;
    for (const Compiled &c : compiledEntries()) {
        const QRegularExpression &re = c.re;
        if (!re.match(text).hasMatch())
            continue;
        for (const char16_t *meaning : c.entry->meanings) {
            QString alt = text;
            alt.replace(re, QString::fromUtf16(meaning));
            if (!out.contains(alt) && out.size() < kMaxAlternatives)
                out << alt;
        }
    }
    return out;
}

} // namespace relaydesk::models::kbsynonyms
