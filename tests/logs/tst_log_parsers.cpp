#include "LogParserTest.h"

#include <QTest>

QTEST_GUILESS_MAIN(LogParserTest)
