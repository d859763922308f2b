#include "comparetext.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace inkwell::app::comparetext {

QString when(const QDateTime &moment)
{
    if (!moment.isValid())
        return QString();
    const QDateTime local = moment.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

QString quoted(const QString &text, int maxChars)
{
    QString line = text.simplified();
    if (line.size() > maxChars)
        line = line.left(qMax(1, maxChars - 1)).trimmed() + u'…';
    return QCoreApplication::translate("inkwell::app::comparetext", "“%1”").arg(line);
}

} // namespace inkwell::app::comparetext
