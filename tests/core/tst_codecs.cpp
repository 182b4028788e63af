#include "TestCodecs.h"

#include <QTest>

QTEST_GUILESS_MAIN(TestCodecs)
