#pragma once

#include <QTextDocument>

namespace inkwell::app::preview {

/// @brief The preview's document: loads no resources from the network or the disk. `data:` images (which core's
/// safe renderer lets through) are shown; every other image is a placeholder, so a shared article cannot make
/// the app fetch a URL or read a local file.
class PreviewDocument : public QTextDocument {
    Q_OBJECT
public:
    explicit PreviewDocument(QObject *parent = nullptr);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace inkwell::app::preview
