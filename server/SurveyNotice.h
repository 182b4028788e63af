#pragma once

#include <QString>

namespace relaydesk::server {

// The satisfaction survey notice sent to the user when an agent resolves the ticket (docs/api.md,
// "Surveys"). Like tier 1's replies it is text for the IM user, not for the console, so it is chosen by the
// user's locale (en, zh_CN) rather than through the service's own translations. Pure; thread-safe.
struct SurveyNotice
{
    QString locale; // "en" or "zh_CN"
    QString title;
    QString body; // contains `url`

    // `urlTemplate` holds "{token}" where the token goes (e.g. https://help.example.com/csat/{token}).
    static QString surveyUrl(const QString &urlTemplate, const QString &token);
    static SurveyNotice render(const QString &userLocale, const QString &userName, const QString &url);
};

} // namespace relaydesk::server
