#include "server/SurveyNotice.h"

#include "server/ReplyTemplates.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;

QString SurveyNotice::surveyUrl(const QString &urlTemplate, const QString &token)
{
    QString url = urlTemplate;
    return url.replace(u"{token}"_s, token);
}

SurveyNotice SurveyNotice::render(const QString &userLocale, const QString &userName, const QString &url)
{
    SurveyNotice n;
    n.locale = ReplyTemplates::replyLocale(userLocale);
    if (n.locale == "zh_CN"_L1) {
        n.title = u"您的问题已解决，请为我们的服务评分"_s;
        n.body = u"%1，您好：您反馈的消息发送问题已处理完毕。请花几秒钟为本次服务打分（1-5 分）：%2 \n"
                 "该链接仅可使用一次。"_s.arg(userName, url);
    } else {
        n.locale = u"en"_s;
        n.title = u"Your issue is resolved: how did we do?"_s;
        n.body =
            u"Hi %1, we have finished working on the message that failed to send. Please rate our help from "
            "1 to 5: %2\nThe link works once."_s.arg(userName, url);
    }
    return n;
}

} // namespace relaydesk::server
