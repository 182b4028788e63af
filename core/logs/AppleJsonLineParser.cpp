#include "JsonObjectScanner.h"
#include "LineCursor.h"
#include "LineParsers.h"
#include "LogTime.h"

namespace relaydesk::logparse {

using namespace Qt::StringLiterals;

namespace {

// The members of a `log show` event that a LogLine uses, as raw JSON.
struct AppleEvent
{
    JsonMember timestamp, messageType, processID, threadID, subsystem, category, processImagePath, process,
        eventMessage;
    bool hasEventMessage = false;
    bool hasMessageType = false;
    bool hasProcessID = false;

    void take(const JsonMember &m)
    {
        struct Slot
        {
            QByteArrayView key;
            JsonMember AppleEvent::*member;
        };
        static constexpr Slot kSlots[] = {
            {"timestamp", &AppleEvent::timestamp},
            {"messageType", &AppleEvent::messageType},
            {"processID", &AppleEvent::processID},
            {"threadID", &AppleEvent::threadID},
            {"subsystem", &AppleEvent::subsystem},
            {"category", &AppleEvent::category},
            {"processImagePath", &AppleEvent::processImagePath},
            {"process", &AppleEvent::process},
            {"eventMessage", &AppleEvent::eventMessage},
        };
        for (const Slot &slot : kSlots) {
            if (m.key == slot.key) {
                this->*slot.member = m;
                hasEventMessage |= slot.member == &AppleEvent::eventMessage;
                hasMessageType |= slot.member == &AppleEvent::messageType;
                hasProcessID |= slot.member == &AppleEvent::processID;
                return;
            }
        }
    }
};

QString stringOf(const JsonMember &m)
{
    return m.kind == JsonMember::Kind::String ? jsonStringText(m.raw) : QString();
}

qint64 integerOf(const JsonMember &m)
{
    if (m.kind != JsonMember::Kind::Number && m.kind != JsonMember::Kind::String)
        return -1;
    LineCursor c(m.raw);
    qint64 v = -1;
    return c.number(v) && c.atEnd() ? v : -1;
}

QString processName(const AppleEvent &e)
{
    QString path = stringOf(e.processImagePath);
    if (path.isEmpty())
        path = stringOf(e.process);
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? path : path.mid(slash + 1);
}

} // namespace

// {"timestamp":"2022-08-25 15:22:01.008417+0100","messageType":"Error","processID":1766,"threadID":88334,
//  "subsystem":"com.kite.im","category":"net","processImagePath":"/…/Kite","eventMessage":"…"}
// The message is written as `log show` prints it: "[subsystem:category] eventMessage".
bool parseAppleJsonLine(QByteArrayView line, LogLine &out)
{
    qsizetype first = 0;
    while (first < line.size() && isSpace(line[first]))
        ++first;
    if (first >= line.size() || line[first] != '{')
        return false;
    AppleEvent event;
    if (!scanJsonObject(line, [&event](const JsonMember &m) { event.take(m); }))
        return false;
    if (!event.hasEventMessage && !(event.hasMessageType && event.hasProcessID))
        return false;

    LogTime time;
    const bool timeString = event.timestamp.kind == JsonMember::Kind::String;
    LineCursor c(event.timestamp.raw);
    const bool timeOk = timeString && readIsoDateTime(c, time) && readUtcOffset(c, time) && c.atEnd();

    QString message;
    const QString subsystem = stringOf(event.subsystem);
    if (!subsystem.isEmpty()) {
        const QString category = stringOf(event.category);
        message = u'[' + subsystem + (category.isEmpty() ? QString() : u':' + category) + u"] "_s;
    }
    message += stringOf(event.eventMessage);

    out.format = LogFormat::Ios;
    out.time = timeString ? jsonStringText(event.timestamp.raw) : QString();
    out.timeMs = timeOk ? toEpochMs(time) : -1;
    out.level = event.messageType.kind == JsonMember::Kind::String ? appleLevel(event.messageType.raw)
                                                                   : LogLevel::Unknown;
    out.pid = integerOf(event.processID);
    out.tid = integerOf(event.threadID);
    out.tag = processName(event);
    out.message = std::move(message);
    return true;
}

} // namespace relaydesk::logparse
