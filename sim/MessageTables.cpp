#include "MessageTables.h"

namespace relaydesk::sim::tables {
namespace {

constexpr const char *kZhText[] = {"晚上见", "好的，我马上到", "明天的会议改到三点了", "收到，谢谢！", "你到哪了？",
                                   "文件我发你邮箱了", "生日快乐🎂", "今晚一起吃饭吗", "合同已经签好了，请查收",
                                   "哈哈哈哈", "我在地铁上，信号不好", "周末去爬山吗？", "妈，我到家了",
                                   "报价单明天上午给您", "这个需求下周能上线吗", "好的👌"};
constexpr const char *kEnText[] = {"see you tonight", "on my way", "Can you send me the slides?",
                                   "Happy birthday! 🎉", "running 10 min late", "thanks!", "Did you get my email?",
                                   "Meeting moved to 3pm", "lol", "call me when you're free",
                                   "The invoice is attached, please check", "landed, grabbing a taxi",
                                   "Are we still on for Saturday?", "ok 👍"};
constexpr const char *kZhLong[] = {"关于下季度的预算安排，我整理了几点意见：", "第一，市场推广的费用需要重新评估；",
                                   "第二，研发人员的招聘计划要提前到四月；", "第三，请各部门在周五之前提交明细。",
                                   "另外，上次会议纪要里提到的问题还没有跟进，", "麻烦大家抓紧时间处理一下。"};
constexpr const char *kEnLong[] = {"Hi team, here are my notes from today's review. ",
                                   "First, the onboarding flow still loses users at the phone verification step. ",
                                   "Second, the crash rate on the 8.3 build is above our threshold. ",
                                   "Third, please send your estimates for the Q3 roadmap by Friday. ",
                                   "I pasted the full log of the incident below so nobody has to dig for it. ",
                                   "Let me know if anything is unclear. "};
constexpr const char *kZhFiles[] = {"季度报告.pdf", "合同扫描件.pdf", "会议纪要.docx", "项目计划.xlsx", "照片.zip",
                                    "发票.pdf"};
constexpr const char *kEnFiles[] = {"Q1-report.pdf", "contract-signed.pdf", "notes.docx", "budget.xlsx",
                                    "photos.zip", "invoice-0342.pdf"};

constexpr const char *kImageMime[] = {"image/jpeg", "image/png", "image/heic", "image/webp"};
constexpr const char *kFileMime[] = {"application/pdf", "application/zip",
                                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
constexpr const char *kVoiceMime[] = {"audio/ogg", "audio/aac", "audio/amr"};
constexpr const char *kVideoMime[] = {"video/mp4", "video/quicktime"};
constexpr const char *kTextMime[] = {"text/plain"};
constexpr const char *kRejectedMime[] = {"application/x-msdownload", "application/x-sh",
                                         "application/vnd.android.package-archive", "image/x-tga",
                                         "application/x-apple-diskimage"};

constexpr const char *kZhNetwork[] = {"发不出去，一直转圈", "消息发送失败，有红色感叹号", "网络明明是好的，就是发不出去",
                                      "在地铁上发不了消息", "连公司wifi就发不出去", "一直显示发送中", ""};
constexpr const char *kEnNetwork[] = {"message stuck on sending", "keeps spinning and then fails",
                                      "red exclamation mark next to my message",
                                      "can't send anything on the hotel wifi", "Wi-Fi is fine but messages won't go through",
                                      ""};
constexpr const char *kZhServer[] = {"发消息一直失败，重试也不行", "同事们也都发不出去", "今天下午一直发送失败",
                                     "提示服务器繁忙", "发送失败，说请稍后再试", ""};
constexpr const char *kEnServer[] = {"Sending fails every time, retry doesn't help", "says server busy",
                                     "nobody in our team can send since 2pm", "message failed, tried 5 times",
                                     "\"try again later\" for an hour now", ""};
constexpr const char *kZhClient[] = {"点发送就闪退", "应用卡死了，消息没发出去", "提示版本过旧", "一发消息就崩溃",
                                     "重启以后消息不见了", ""};
constexpr const char *kEnClient[] = {"app crashes when I hit send", "app froze and the message is gone",
                                     "it says my version is not supported", "window went white and my message didn't send",
                                     "the app closed itself", ""};
constexpr const char *kZhPolicy[] = {"为什么说我的消息是垃圾信息？", "提示无法在此群发言", "图片太大发不了",
                                     "给朋友发消息提示被拒绝", "视频发不出去，说文件太大", ""};
constexpr const char *kEnPolicy[] = {"why is my message flagged as spam??", "it says I can't write in this chat",
                                     "video too big to send", "can't message my friend anymore, says forbidden",
                                     "please unblock me, this is a mistake", ""};
constexpr const char *kZhUser[] = {"发一段长文字发不出去", "提示用户不存在", "文件发不了，说格式不支持",
                                   "对方号码好像不对", "发不出去", ""};
constexpr const char *kEnUser[] = {"long message won't send", "says user not found", "can't send this file type",
                                   "I think the number is right?", "won't send", ""};

} // namespace

std::span<const char *const> textPreviews(bool chinese) { return chinese ? std::span<const char *const>(kZhText) : kEnText; }
std::span<const char *const> longTextPhrases(bool chinese)
{
    return chinese ? std::span<const char *const>(kZhLong) : kEnLong;
}
std::span<const char *const> fileNames(bool chinese) { return chinese ? std::span<const char *const>(kZhFiles) : kEnFiles; }
std::span<const char *const> rejectedMimeTypes() { return kRejectedMime; }

std::span<const char *const> mimeTypes(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Image: return kImageMime;
    case MessageKind::File: return kFileMime;
    case MessageKind::Voice: return kVoiceMime;
    case MessageKind::Video: return kVideoMime;
    case MessageKind::Text:
    case MessageKind::Count: break;
    }
    return kTextMime;
}

std::span<const char *const> comments(Cause cause, bool chinese)
{
    switch (cause) {
    case Cause::Network: return chinese ? std::span<const char *const>(kZhNetwork) : kEnNetwork;
    case Cause::Server: return chinese ? std::span<const char *const>(kZhServer) : kEnServer;
    case Cause::Client: return chinese ? std::span<const char *const>(kZhClient) : kEnClient;
    case Cause::Policy: return chinese ? std::span<const char *const>(kZhPolicy) : kEnPolicy;
    case Cause::User:
    case Cause::Unknown:
    case Cause::Count: break;
    }
    return chinese ? std::span<const char *const>(kZhUser) : kEnUser;
}

} // namespace relaydesk::sim::tables
