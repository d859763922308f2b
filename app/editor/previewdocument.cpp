#include "editor/previewdocument.h"

#include <QImage>
#include <QPainter>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace inkwell::app::preview {

namespace {
QImage placeholder()
{
    QImage image(24, 24, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x8c, 0x95, 0x9f), 1.5));
    p.setBrush(QColor(0x8c, 0x95, 0x9f, 40));
    p.drawRoundedRect(QRectF(2, 4, 20, 16), 3, 3);
    p.drawLine(QPointF(5, 17), QPointF(10, 11));
    p.drawLine(QPointF(10, 11), QPointF(14, 15));
    p.drawLine(QPointF(14, 15), QPointF(16, 13));
    p.drawLine(QPointF(16, 13), QPointF(19, 17));
    return image;
}
} // namespace

PreviewDocument::PreviewDocument(QObject *parent)
    : QTextDocument(parent)
{
}

QVariant PreviewDocument::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return {};
    if (name.scheme().compare(u"data"_s, Qt::CaseInsensitive) == 0) {
        // data:image/png;base64,…
        const QString path = name.path();
        const qsizetype comma = path.indexOf(u',');
        if (comma > 0 && path.first(comma).endsWith(u";base64"_s)) {
            const QImage image = QImage::fromData(QByteArray::fromBase64(path.sliced(comma + 1).toLatin1()));
            if (!image.isNull())
                return image;
        }
    }
    return placeholder();
}

} // namespace inkwell::app::preview
