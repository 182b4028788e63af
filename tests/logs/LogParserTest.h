#pragma once

#include <QObject>

// One test class for core/logs, its slots spread over files by theme: formats and detection
// (LogParserFormatsTest.cpp), robustness (LogParserRobustnessTest.cpp), simulator logs
// (LogParserSimTest.cpp).
class LogParserTest final : public QObject
{
    Q_OBJECT

private slots:
    // formats
    void csvReader();
    void loghubAndroid();
    void lineFields_data();
    void lineFields();
    void levels_data();
    void levels();
    void iosTimeMs();
    void detection_data();
    void detection();
    void mixedFile();
    void hintIsOnlyAPreference();

    // robustness
    void lineSplitting_data();
    void lineSplitting();
    void invalidUtf8();
    void nulBytes();
    void hugeLines_data();
    void hugeLines();
    void randomBytesKeepInvariants();

    // simulator
    void simulatorLogs();
};
