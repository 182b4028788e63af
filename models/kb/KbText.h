#pragma once

#include <QString>

// Text helpers of the KB index: what of an article's Markdown is searched and shown in snippets.
namespace relaydesk::models::kbtext {

// Markdown to plain text for indexing and snippets: markup (headings, emphasis, code fences, list markers,
// link targets, table bars) dropped, link and image texts kept, runs of white space collapsed to one space.
QString plainText(const QString &markdown);

// Undoes the HTML escaping that Xapian's snippet generator applies (&amp; &lt; &gt; &quot; &#39;), in one
// pass, so the snippet is plain text again.
QString unescapeSnippet(const QString &html);

// The first `chars` characters of text, cut at a space when one is near, with "…" when shortened.
QString leadingExcerpt(const QString &text, int chars);

} // namespace relaydesk::models::kbtext
