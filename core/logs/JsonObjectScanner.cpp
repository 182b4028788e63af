#include "JsonObjectScanner.h"

#include "LineCursor.h"

namespace relaydesk::logparse {

namespace {

constexpr int kMaxDepth = 64;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qsizetype skipSpace(QByteArrayView t, qsizetype pos)
{
    while (pos < t.size() && isJsonSpace(t[pos]))
        ++pos;
    return pos;
}

// pos at the opening quote; returns the position after the closing quote, or -1.
qsizetype skipString(QByteArrayView t, qsizetype pos)
{
    for (++pos; pos < t.size(); ++pos) {
        if (t[pos] == '\\')
            ++pos;
        else if (t[pos] == '"')
            return pos + 1;
    }
    return -1;
}

qsizetype skipValue(QByteArrayView t, qsizetype pos, int depth, JsonMember::Kind &kind);

// pos at '[' or '{'; returns the position after the matching bracket, or -1.
qsizetype skipContainer(QByteArrayView t, qsizetype pos, int depth)
{
    if (depth > kMaxDepth)
        return -1;
    const bool object = t[pos] == '{';
    const char close = object ? '}' : ']';
    pos = skipSpace(t, pos + 1);
    if (pos < t.size() && t[pos] == close)
        return pos + 1;
    JsonMember::Kind kind = JsonMember::Kind::Literal;
    while (pos < t.size()) {
        if (object) {
            if (t[pos] != '"' || (pos = skipString(t, pos)) < 0)
                return -1;
            pos = skipSpace(t, pos);
            if (pos >= t.size() || t[pos] != ':')
                return -1;
            pos = skipSpace(t, pos + 1);
        }
        if ((pos = skipValue(t, pos, depth + 1, kind)) < 0)
            return -1;
        pos = skipSpace(t, pos);
        if (pos >= t.size())
            return -1;
        if (t[pos] == close)
            return pos + 1;
        if (t[pos] != ',')
            return -1;
        pos = skipSpace(t, pos + 1);
    }
    return -1;
}

qsizetype skipValue(QByteArrayView t, qsizetype pos, int depth, JsonMember::Kind &kind)
{
    if (pos >= t.size())
        return -1;
    const char c = t[pos];
    if (c == '"') {
        kind = JsonMember::Kind::String;
        return skipString(t, pos);
    }
    if (c == '{' || c == '[') {
        kind = JsonMember::Kind::Container;
        return skipContainer(t, pos, depth);
    }
    if (c == '-' || isDigit(c)) {
        kind = JsonMember::Kind::Number;
        const qsizetype start = pos;
        while (pos < t.size() && (isDigit(t[pos]) || t[pos] == '-' || t[pos] == '+' || t[pos] == '.' ||
                                  t[pos] == 'e' || t[pos] == 'E'))
            ++pos;
        return pos > start ? pos : -1;
    }
    kind = JsonMember::Kind::Literal;
    for (const QByteArrayView literal :
         {QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null")}) {
        if (t.sliced(pos).startsWith(literal))
            return pos + literal.size();
    }
    return -1;
}

int hexValue(QByteArrayView raw, qsizetype pos)
{
    if (pos + 4 > raw.size())
        return -1;
    int v = 0;
    for (qsizetype i = pos; i < pos + 4; ++i) {
        const char c = raw[i];
        if (!isHexDigit(c))
            return -1;
        const int d = isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        v = v * 16 + d;
    }
    return v;
}

} // namespace

namespace detail {

qsizetype scanObject(QByteArrayView t, qsizetype pos, void (*visit)(void *, const JsonMember &),
                     void *context)
{
    pos = skipSpace(t, pos);
    if (pos >= t.size() || t[pos] != '{')
        return -1;
    pos = skipSpace(t, pos + 1);
    bool closed = pos < t.size() && t[pos] == '}';
    if (closed)
        ++pos;
    while (!closed) {
        if (pos >= t.size() || t[pos] != '"')
            return -1;
        const qsizetype keyStart = pos;
        if ((pos = skipString(t, pos)) < 0)
            return -1;
        JsonMember member;
        member.key = t.sliced(keyStart + 1, pos - keyStart - 2);
        pos = skipSpace(t, pos);
        if (pos >= t.size() || t[pos] != ':')
            return -1;
        pos = skipSpace(t, pos + 1);
        const qsizetype valueStart = pos;
        if ((pos = skipValue(t, pos, 1, member.kind)) < 0)
            return -1;
        member.raw = member.kind == JsonMember::Kind::String ? t.sliced(valueStart + 1, pos - valueStart - 2)
                                                             : t.sliced(valueStart, pos - valueStart);
        visit(context, member);
        pos = skipSpace(t, pos);
        if (pos >= t.size())
            return -1;
        if (t[pos] == '}')
            closed = true;
        else if (t[pos] != ',')
            return -1;
        pos = skipSpace(t, pos + 1);
    }
    pos = skipSpace(t, pos);
    return pos == t.size() ? pos : -1;
}

} // namespace detail

QString jsonStringText(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    QString out;
    out.reserve(raw.size());
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\')
            continue;
        out += QString::fromUtf8(raw.sliced(plainStart, i - plainStart));
        const char e = i + 1 < raw.size() ? raw[i + 1] : '\0';
        qsizetype consumed = 2;
        switch (e) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'u': {
            const int high = hexValue(raw, i + 2);
            consumed = high < 0 ? 2 : 6;
            if (high < 0) {
                out += QChar::ReplacementCharacter;
            } else if (QChar::isHighSurrogate(char32_t(high)) && raw.sliced(i + 6).startsWith("\\u") &&
                       QChar::isLowSurrogate(char32_t(qMax(0, hexValue(raw, i + 8))))) {
                out += QChar(char16_t(high));
                out += QChar(char16_t(hexValue(raw, i + 8)));
                consumed = 12;
            } else if (QChar::isSurrogate(char32_t(high))) {
                out += QChar::ReplacementCharacter;
            } else {
                out += QChar(char16_t(high));
            }
            break;
        }
        case '\0':
            consumed = 1;
            break;
        default:
            out += QLatin1Char(e);
            break; // \" \\ \/ and anything else taken literally
        }
        i += consumed - 1;
        plainStart = i + 1;
    }
    out += QString::fromUtf8(raw.sliced(qMin(plainStart, raw.size())));
    return out;
}

} // namespace relaydesk::logparse
