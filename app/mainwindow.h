#pragma once

#include "healthmonitor.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QTreeWidget;

namespace inkwell::app {

/// @brief The main window: library sidebar, Markdown editor with live preview, server status.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QUrl &server, QWidget *parent = nullptr);

    HealthMonitor *healthMonitor() const { return m_health; }
    /// @brief The HTML last rendered into the preview (cmark output, safe mode).
    QString previewHtml() const { return m_previewHtml; }

private:
    void buildMenus();
    void renderPreview();
    void newDraft();

    QTreeWidget *m_library = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLabel *m_serverStatus = nullptr;
    QLabel *m_wordCount = nullptr;
    HealthMonitor *m_health = nullptr;
    QTimer m_previewTimer;
    QString m_previewHtml;
};

} // namespace inkwell::app
