#include "KbSearchCommand.h"

#include "models/kb/KbIndex.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFound = 0;
constexpr int kNone = 1;
constexpr int kError = 2;

} // namespace

int runKbSearch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption index(u"index"_s, u"Index directory (from kb index)."_s, u"DIR"_s);
    const QCommandLineOption limit(u"limit"_s, u"At most N results (default 10)."_s, u"N"_s, u"10"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption language(u"language"_s, u"Only en or zh_CN articles."_s, u"LANG"_s);
    const QCommandLineOption category(u"category"_s, u"Only articles under this category path."_s, u"PATH"_s);
    parser.addOptions({index, limit, json, language, category});
    const char *usage =
        "relaydesk-cli: usage: relaydesk-cli kb search --index DIR QUERY [--limit N] [--json] "
        "[--language en|zh_CN] [--category PATH]\n";
    if (!parser.parse(QStringList{u"relaydesk-cli kb search"_s} + args)) {
        err << "relaydesk-cli: " << parser.errorText() << '\n' << usage;
        return kError;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(index) || positional.size() != 1) {
        err << usage;
        return kError;
    }
    bool limitOk = false;
    const int n = parser.value(limit).toInt(&limitOk);
    if (!limitOk || n < 1 || n > 1000) {
        err << "relaydesk-cli: --limit must be 1..1000\n";
        return kError;
    }
    const QString lang = parser.value(language);
    if (!lang.isEmpty() && lang != "en"_L1 && lang != "zh_CN"_L1) {
        err << "relaydesk-cli: --language must be en or zh_CN\n";
        return kError;
    }
    if (!QFileInfo(parser.value(index)).isDir()) {
        err << "relaydesk-cli: " << parser.value(index) << ": no index there (run kb index first)\n";
        return kError;
    }
    models::KbIndex kbIndex;
    QString error;
    if (!kbIndex.openReadOnly(parser.value(index), &error)) {
        err << "relaydesk-cli: " << error << '\n';
        return kError;
    }
    models::KbQuery query;
    query.text = positional.front();
    query.limit = n;
    query.language = lang;
    query.categoryPrefix = parser.value(category);
    const bool asJson = parser.isSet(json);
    if (asJson) {
        query.markStart.clear();
        query.markEnd.clear();
    } else {
        query.markStart = u"["_s;
        query.markEnd = u"]"_s;
    }
    QString corrected;
    const QList<models::KbHit> hits = kbIndex.search(query, &corrected);
    if (!kbIndex.lastError().isEmpty()) {
        err << "relaydesk-cli: " << kbIndex.lastError() << '\n';
        return kError;
    }
    if (asJson) {
        QJsonArray array;
        int rank = 0;
        for (const models::KbHit &h : hits) {
            array.append(QJsonObject{{u"rank"_s, ++rank},
                                     {u"id"_s, h.id},
                                     {u"title"_s, h.title},
                                     {u"language"_s, h.language},
                                     {u"category"_s, h.category},
                                     {u"audience"_s, kb::toWire(h.audience)},
                                     {u"score"_s, h.score},
                                     {u"snippet"_s, h.snippet}});
        }
        QJsonObject root{{u"query"_s, query.text}, {u"hits"_s, array}};
        root.insert(u"corrected"_s, corrected.isEmpty() ? QJsonValue() : QJsonValue(corrected));
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        if (!corrected.isEmpty())
            out << "showing results for: " << corrected << '\n';
        int rank = 0;
        for (const models::KbHit &h : hits)
            out << ++rank << ". " << h.id << "  " << h.title << "\n   " << h.snippet << '\n';
    }
    out.flush();
    return hits.isEmpty() ? kNone : kFound;
}

} // namespace relaydesk::cli
