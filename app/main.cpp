#include "appcontroller.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Inkwell"_s);
    QApplication::setOrganizationName(u"Inkwell"_s);
    QApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));
    QApplication::setDesktopFileName(u"inkwell"_s);
    inkwell::app::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Inkwell desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(u"server"_s, QApplication::translate("main", "Server address."), u"url"_s);
    parser.addOption(serverOption);
    parser.process(app);

    // --server, else INKWELL_SERVER_URL, else the remembered account's server (or the first-run welcome).
    QString server = parser.value(serverOption);
    if (server.isEmpty())
        server = qEnvironmentVariable("INKWELL_SERVER_URL");
    const QUrl url(server, QUrl::StrictMode);
    if (!server.isEmpty() && (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))) {
        qCritical("inkwell: \"%s\" is not an http(s) server address", qPrintable(server));
        return 2;
    }

    inkwell::app::AppController controller({.server = url});
    QObject::connect(&controller, &inkwell::app::AppController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start();
    return QApplication::exec();
}
