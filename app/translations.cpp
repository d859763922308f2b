#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}
} // namespace

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    removeTranslations(app);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    // qt_add_translations() compiles the .qm files into the app under :/i18n. A language we do not
    // ship falls back to English, whose file carries the plural forms ("1 word", "2 words").
    auto ours = std::make_unique<QTranslator>();
    const bool found = ours->load(locale, u"inkwell"_s, u"_"_s, u":/i18n"_s);
    if (found || ours->load(u":/i18n/inkwell_en"_s)) {
        app.installTranslator(ours.get());
        installed().push_back(std::move(ours));
    }
    return found;
}

void removeTranslations(QCoreApplication &app)
{
    for (const auto &translator : installed())
        app.removeTranslator(translator.get());
    installed().clear();
}

} // namespace inkwell::app
