#pragma once

#include <QObject>

// tst_codecs: the intake contract (docs/api.md) as decodeReport enforces it, the ticket codecs, gzip with
// its output limit and the log payload decoder. Split over several .cpp files by topic.
class TestCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ReportValidationTests.cpp
    void validReportDecodes();
    void missingRequiredField_data();
    void missingRequiredField();
    void nullOptionalFieldIsAbsent_data();
    void nullOptionalFieldIsAbsent();
    void wrongType_data();
    void wrongType();
    void unknownEnumValue_data();
    void unknownEnumValue();
    void unknownFieldsAreIgnored();
    void stringLimits_data();
    void stringLimits();
    void emptyRequiredString_data();
    void emptyRequiredString();

    // TimeAndRangeTests.cpp
    void integerRanges_data();
    void integerRanges();
    void times_data();
    void times();
    void timeKeepsInstantAcrossOffsets();

    // RoundTripTests.cpp
    void reportRoundTrip();
    void reportWithoutLogRoundTrip();
    void ticketRoundTrip();
    void ticketEventsRoundTrip();
    void ticketPageRoundTrip();
    void ticketPageErrors_data();
    void ticketPageErrors();
    void ticketEventsErrorPath();
    void parseJsonObject_data();
    void parseJsonObject();

    // PayloadTests.cpp
    void gunzipRoundTrip();
    void gunzipRejectsBadInput_data();
    void gunzipRejectsBadInput();
    void gunzipLimitIsExact();
    void gunzipTruncatedAtLimitIsInvalid();
    void gunzipBombStops();
    void logPayloadText();
    void logPayloadGzip();
    void logPayloadErrors_data();
    void logPayloadErrors();
};
