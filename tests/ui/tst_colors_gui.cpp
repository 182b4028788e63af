// Colours come from the palette: the login error is shown in an error colour, and with a dark Fusion palette
// the log's error and warning lines and the login error stay readable (contrast measured on what is drawn
// or on the brush the view paints with). The widgets' colours live in ui/Colors.cpp only.
#include "models/ApiClient.h"
#include "models/LogTableModel.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"
#include "ui/LoginDialog.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <cmath>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

double luminance(const QColor &c)
{
    const auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

// WCAG contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkFusion()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(53, 53, 53));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(35, 35, 35));
    p.setColor(QPalette::AlternateBase, QColor(53, 53, 53));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(53, 53, 53));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(25, 25, 25));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, QColor(35, 35, 35));
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    return p;
}

// The drawn text colour of a label: the pixel that differs most from its background.
QColor drawnTextColor(QLabel *label)
{
    const QImage image = label->grab().toImage();
    const QColor background = label->palette().color(label->backgroundRole());
    QColor best = background;
    double bestContrast = 1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (const double k = contrast(c, background); k > bestContrast) {
                bestContrast = k;
                best = c;
            }
        }
    return best;
}

} // namespace

class TestColorsGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); }

    void loginErrorIsInAnErrorColour_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void loginErrorIsInAnErrorColour()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkFusion() : QApplication::style()->standardPalette());
        QNetworkAccessManager nam;
        models::ApiClient api(&nam, QUrl(u"http://127.0.0.1:1"_s)); // nothing listens: the sign-in fails
        ui::LoginDialog dialog(&api, QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(u"username"_s)->setText(u"lin"_s);
        auto *password = dialog.findChild<QLineEdit *>(u"password"_s);
        password->setText(u"whatever"_s);
        QTest::keyClick(password, Qt::Key_Return);
        auto *error = dialog.findChild<QLabel *>(u"loginError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().isEmpty(), 15000);

        const QColor text = drawnTextColor(error);
        const QColor background = dialog.palette().color(QPalette::Window);
        // Red: the hue of an error, clearly saturated, and readable on the dialog.
        const int hue = text.hslHue();
        QVERIFY2(hue >= 0 && (hue <= 15 || hue >= 340), qPrintable(text.name()));
        QVERIFY2(text.hslSaturation() > 100, qPrintable(text.name()));
        QVERIFY2(contrast(text, background) >= 4.5,
                 qPrintable(
                     u"%1 on %2: %3"_s.arg(text.name(), background.name()).arg(contrast(text, background))));
    }

    void logLinesStayReadableInADarkPalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void logLinesStayReadableInADarkPalette()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkFusion() : QApplication::style()->standardPalette());
        ui::LogPane pane;
        pane.resize(900, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setLog(QByteArray("03-17 16:02:00.100  1234  1240 I Chat: started\n"
                               "03-17 16:02:00.200  1234  1240 W Chat: slow ack\n"
                               "03-17 16:02:00.300  1234  1240 E Chat: send failed\n"));
        models::LogTableModel *model = pane.model();
        QTRY_VERIFY(model->isIndexed() && model->rowCount() == 3);
        pane.setMarkedLines({1});
        const QColor base = pane.view()->palette().color(QPalette::Base);
        const QColor text = pane.view()->palette().color(QPalette::Text);
        const auto colorOf = [model](int row, int role) {
            return model->index(row, models::LogTableModel::Message).data(role).value<QBrush>().color();
        };
        const QColor warning = colorOf(1, Qt::ForegroundRole);
        const QColor error = colorOf(2, Qt::ForegroundRole);
        QVERIFY2(contrast(error, base) >= 4.5,
                 qPrintable(u"error %1 on %2"_s.arg(error.name(), base.name())));
        QVERIFY2(contrast(warning, base) >= 4.5,
                 qPrintable(u"warning %1 on %2"_s.arg(warning.name(), base.name())));
        QVERIFY(error != warning);
        // A marked line's background keeps the palette's text readable.
        const QColor marked = colorOf(0, Qt::BackgroundRole);
        QVERIFY(marked.isValid() && marked != base);
        QVERIFY2(contrast(text, marked) >= 4.5,
                 qPrintable(u"text %1 on %2"_s.arg(text.name(), marked.name())));

        // Switching the palette while it is open recolours it.
        QApplication::setPalette(dark ? QApplication::style()->standardPalette() : darkFusion());
        QTRY_VERIFY(colorOf(2, Qt::ForegroundRole) != error);
        const QColor newBase = pane.view()->palette().color(QPalette::Base);
        QVERIFY(contrast(colorOf(2, Qt::ForegroundRole), newBase) >= 4.5);
    }

    // The hard-coded colours live in one place: no QColor literal in ui/ outside Colors.cpp, none in models/.
    void coloursLiveInOnePlace()
    {
        QStringList offenders;
        for (const QString &dir : {u"ui"_s, u"models"_s}) {
            QDirIterator it(QDir(QStringLiteral(RELAYDESK_SOURCE_DIR)).filePath(dir), {u"*.cpp"_s, u"*.h"_s},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.endsWith(u"/ui/Colors.cpp"_s))
                    continue;
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                if (file.readAll().contains("QColor("))
                    offenders << QDir(QStringLiteral(RELAYDESK_SOURCE_DIR)).relativeFilePath(path);
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u", "_s)));
    }
};

QTEST_MAIN(TestColorsGui)
#include "tst_colors_gui.moc"
