// Pure pieces of the service: byte ranges, password hashes, secrets.
#include "server/ByteRange.h"
#include "server/PasswordHasher.h"
#include "server/Secrets.h"

#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::server::ByteRange;
using relaydesk::server::PasswordHasher;
using relaydesk::server::Secrets;

class TestServerUnits final : public QObject
{
    Q_OBJECT

private slots:
    void byteRange_data();
    void byteRange();
    void passwordHash();
    void secrets();
};

void TestServerUnits::byteRange_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("closed") << QByteArray("bytes=0-99") << qint64(1000) << true << qint64(0) << qint64(99);
    QTest::newRow("open") << QByteArray("bytes=10-") << qint64(100) << true << qint64(10) << qint64(99);
    QTest::newRow("suffix") << QByteArray("bytes=-5") << qint64(100) << true << qint64(95) << qint64(99);
    QTest::newRow("suffix larger") << QByteArray("bytes=-500") << qint64(100) << true << qint64(0) << qint64(99);
    QTest::newRow("end clamped") << QByteArray("bytes=90-200") << qint64(100) << true << qint64(90) << qint64(99);
    QTest::newRow("start past end") << QByteArray("bytes=100-") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("empty resource") << QByteArray("bytes=0-") << qint64(0) << false << qint64(0) << qint64(0);
    QTest::newRow("reversed") << QByteArray("bytes=5-1") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("several") << QByteArray("bytes=0-1,3-4") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("zero suffix") << QByteArray("bytes=-0") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("unit") << QByteArray("items=0-1") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("sign") << QByteArray("bytes=+1-2") << qint64(100) << false << qint64(0) << qint64(0);
    QTest::newRow("no dash") << QByteArray("bytes=12") << qint64(100) << false << qint64(0) << qint64(0);
}

void TestServerUnits::byteRange()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, size);
    QFETCH(bool, valid);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const auto range = ByteRange::parse(header, size);
    QCOMPARE(range.has_value(), valid);
    if (valid) {
        QCOMPARE(range->first, first);
        QCOMPARE(range->last, last);
    }
}

void TestServerUnits::passwordHash()
{
    const PasswordHasher hasher(1000); // the format, not the cost, is under test
    const QString stored = hasher.hash(u"s3cret pässword"_s);
    const QStringList parts = stored.split(u'$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), u"pbkdf2-sha256"_s);
    QCOMPARE(parts.at(1), u"1000"_s);
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
    QVERIFY(hasher.verify(u"s3cret pässword"_s, stored));
    QVERIFY(!hasher.verify(u"s3cret password"_s, stored));
    QVERIFY(!hasher.verify(QString(), stored));
    QVERIFY(hasher.hash(u"same"_s) != hasher.hash(u"same"_s)); // salted
    QVERIFY(!hasher.verify(u"x"_s, u"garbage"_s));
    QVERIFY(!hasher.verify(u"x"_s, u"pbkdf2-sha256$0$AAAA$AAAA"_s));
    // The default cost is the documented one.
    QVERIFY(PasswordHasher().hash(u"x"_s).startsWith(u"pbkdf2-sha256$120000$"_s));
}

void TestServerUnits::secrets()
{
    const QString a = Secrets::generate();
    const QString b = Secrets::generate();
    QCOMPARE(a.size(), 43);
    QVERIFY(a != b);
    QVERIFY(!a.contains(u'+') && !a.contains(u'/') && !a.contains(u'='));
    QCOMPARE(Secrets::hash(a).size(), 64);
    QCOMPARE(Secrets::hash(a), Secrets::hash(a));
    QVERIFY(Secrets::hash(a) != Secrets::hash(b));
    QVERIFY(Secrets::constantTimeEquals("abc", "abc"));
    QVERIFY(!Secrets::constantTimeEquals("abc", "abd"));
    QVERIFY(!Secrets::constantTimeEquals("abc", "abcd"));
}

QTEST_GUILESS_MAIN(TestServerUnits)
#include "tst_server_units.moc"
