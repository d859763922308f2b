#pragma once

#include "streamingmarkdown.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace inkwell::app {

/// @brief The chat's colours and style sheets, derived from the application palette (light or dark).
struct ChatTheme {
    bool dark = false;
    QColor background;     ///< behind the messages
    QColor text;           ///< message text
    QColor muted;          ///< secondary text: times, token counts, hints
    QColor accent;         ///< links, focus, the send button
    QColor userBubble;     ///< background of the user's messages
    QColor codeBackground; ///< code blocks and inline code
    QColor codeHeader;     ///< the code block's language and copy link
    QColor border;         ///< separators
    QColor sidebar;        ///< behind the conversation list
    QColor stoppedBackground, stoppedText;
    QColor failedBackground, failedText;
    QColor streamingBackground, streamingText;
    QColor warningBackground, warningText;

    /// @brief The theme for @p palette (dark when its window colour is dark).
    static ChatTheme fromPalette(const QPalette &palette);

    /// @brief The panel's Qt style sheet (selectors by object name).
    QString panelStyleSheet() const;
    /// @brief The default CSS of message documents.
    QString documentStyleSheet() const;
    /// @brief Colours for rendered Markdown.
    StreamingMarkdown::Style markdownStyle() const;
};

} // namespace inkwell::app
