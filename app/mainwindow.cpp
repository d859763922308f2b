#include "mainwindow.h"

#include "markdown/markdown.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace inkwell::app {

namespace {
constexpr int kPreviewDelayMs = 150; // re-render after typing pauses, not on every keystroke
}

MainWindow::MainWindow(const QUrl &server, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Inkwell"));
    resize(1200, 760);

    m_library = new QTreeWidget(this);
    m_library->setObjectName(u"librarySidebar"_s);
    m_library->setHeaderLabel(tr("Library"));
    for (const QString &section : {tr("Drafts"), tr("Published"), tr("Archived")}) {
        auto *item = new QTreeWidgetItem(m_library, {section});
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_library->expandAll();

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(u"editor"_s);
    m_editor->setPlaceholderText(tr("Write in Markdown…"));
    m_editor->setTabChangesFocus(false);

    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setOpenLinks(false); // the preview never navigates; links in drafts are not followed

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_library);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    setCentralWidget(splitter);

    m_serverStatus = new QLabel(this);
    m_serverStatus->setObjectName(u"serverStatus"_s);
    m_wordCount = new QLabel(this);
    m_wordCount->setObjectName(u"wordCount"_s);
    statusBar()->addWidget(m_serverStatus, 1);
    statusBar()->addPermanentWidget(m_wordCount);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &MainWindow::renderPreview);
    connect(m_editor, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));

    m_health = new HealthMonitor(server, this);
    connect(m_health, &HealthMonitor::stateChanged, this,
            [this] { m_serverStatus->setText(m_health->describe()); });
    m_serverStatus->setText(m_health->describe());
    m_health->start();

    buildMenus();
    renderPreview();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    QAction *newAction = file->addAction(tr("&New Draft"), this, &MainWindow::newDraft);
    newAction->setShortcut(QKeySequence::New);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Inkwell"), this, [this] {
        QMessageBox::about(this, tr("About Inkwell"),
                           tr("Inkwell %1 — a self-hosted AI writing platform.").arg(QStringLiteral(INKWELL_VERSION)));
    });
}

void MainWindow::renderPreview()
{
    const QString text = m_editor->toPlainText();
    m_previewHtml = markdown::toHtml(text);
    m_preview->setHtml(m_previewHtml);
    const int words = markdown::wordCount(text);
    m_wordCount->setText(tr("%n word(s)", nullptr, words) + u" · "_s +
                         tr("%n min read", nullptr, markdown::readingTimeMinutes(text)));
}

void MainWindow::newDraft()
{
    m_editor->clear();
    m_editor->setFocus();
}

} // namespace inkwell::app
