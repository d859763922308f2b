#pragma once

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <functional>

namespace inkwell::app {

/// @brief The widgets of one open article that the AI assists read and write. Any may be missing (null).
struct ArticleFields {
    QPointer<QPlainTextEdit> editor; ///< the Markdown body
    QPointer<QLineEdit> title;
    QPointer<QLineEdit> excerpt;
    QPointer<QLineEdit> tags; ///< comma-separated tag names
};

/// @brief Creates a new (empty) article, shows it, and returns its widgets; an ArticleFields without an editor
/// when none could be made. Called by "generate a draft", which writes into a new article, never over one.
using NewArticleFactory = std::function<ArticleFields()>;

} // namespace inkwell::app
