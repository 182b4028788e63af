#pragma once
// Test data that lives outside the repository, in ../shared beside the checkout (the Loghub samples).
// Missing data skips the test with a message saying how to get it, except in CI (the CI environment variable
// set), where it fails: a CI run must never pass by skipping what it was meant to check.
#include <QString>
#include <QStringList>

namespace relaydesk::test {

// The shared data folder: ../shared beside the checkout, or the RELAYDESK_SHARED_DIR environment variable.
QString sharedDataDir();
// A file of the Loghub samples, e.g. loghubPath(u"Android/Android_2k.log"_s).
QString loghubPath(const QString &relative);
// True when CI is set (and not "0" or "false").
bool runningInCi();
// True when every path is a readable file. Otherwise records a skip (outside CI) or a failure (in CI) naming
// the first missing file and how to get the data, and returns false: the test function must return at once.
bool requireSharedData(const QStringList &paths, const char *file, int line);

} // namespace relaydesk::test

// In a test function: returns from it (skipped, or failed in CI) unless every given file is there.
#define RELAYDESK_REQUIRE_SHARED_DATA(...)                                                                   \
    do {                                                                                                     \
        if (!::relaydesk::test::requireSharedData(QStringList{__VA_ARGS__}, __FILE__, __LINE__))             \
            return;                                                                                          \
    } while (false)
