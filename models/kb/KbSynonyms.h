#pragma once

#include <QStringList>

// The words agents type that the articles do not use: colloquial Chinese (限流, 拉黑, 卡死) and English
// shorthand (cert, throttled). Search expands a query containing one of them into alternatives in the
// articles' own words.
namespace relaydesk::models::kbsynonyms {

// The query texts to search besides `text` itself (at most a few), with each known colloquial word replaced
// by one of its article words. English words match whole words, case-insensitively; Chinese words match
// anywhere.
QStringList alternatives(const QString &text);

} // namespace relaydesk::models::kbsynonyms
