#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Inkwell"_s);
    QApplication::setOrganizationName(u"Inkwell"_s);
    QApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));
    inkwell::app::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Inkwell desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(u"server"_s, QApplication::translate("main", "Server address."), u"url"_s);
    parser.addOption(serverOption);
    parser.process(app);

    // --server, then INKWELL_SERVER_URL, then the last server used, then a local inkwelld.
    QSettings settings;
    QString server = parser.value(serverOption);
    if (server.isEmpty())
        server = qEnvironmentVariable("INKWELL_SERVER_URL");
    if (server.isEmpty())
        server = settings.value(u"server/url"_s, u"http://127.0.0.1:8080"_s).toString();
    const QUrl url(server, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        qCritical("inkwell: \"%s\" is not an http(s) server address", qPrintable(server));
        return 2;
    }
    settings.setValue(u"server/url"_s, url.toString());

    inkwell::app::MainWindow window(url);
    window.show();
    return app.exec();
}
