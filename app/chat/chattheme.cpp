#include "chattheme.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace inkwell::app {

ChatTheme ChatTheme::fromPalette(const QPalette &palette)
{
    ChatTheme theme;
    theme.dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    theme.background = palette.color(QPalette::Base);
    theme.text = palette.color(QPalette::Text);
    theme.accent = palette.color(QPalette::Highlight);
    if (theme.dark) {
        theme.muted = QColor(0x9a, 0x9a, 0xa2);
        theme.userBubble = QColor(0x2c, 0x35, 0x48);
        theme.codeBackground = QColor(0x26, 0x27, 0x2c);
        theme.codeHeader = QColor(0x9a, 0x9a, 0xa2);
        theme.border = QColor(0x3a, 0x3b, 0x41);
        theme.sidebar = palette.color(QPalette::Window).darker(110);
        theme.stoppedBackground = QColor(0x4a, 0x3b, 0x17);
        theme.stoppedText = QColor(0xf5, 0xc9, 0x6b);
        theme.failedBackground = QColor(0x4d, 0x1f, 0x1f);
        theme.failedText = QColor(0xff, 0xa3, 0x9e);
        theme.streamingBackground = QColor(0x1d, 0x33, 0x57);
        theme.streamingText = QColor(0x9c, 0xc2, 0xff);
        theme.warningBackground = QColor(0x45, 0x38, 0x14);
        theme.warningText = QColor(0xf5, 0xd0, 0x7a);
    } else {
        theme.muted = QColor(0x6b, 0x6b, 0x73);
        theme.userBubble = QColor(0xea, 0xf0, 0xfb);
        theme.codeBackground = QColor(0xf4, 0xf2, 0xee);
        theme.codeHeader = QColor(0x76, 0x70, 0x68);
        theme.border = QColor(0xe3, 0xe1, 0xdc);
        theme.sidebar = QColor(0xf7, 0xf6, 0xf3);
        theme.stoppedBackground = QColor(0xfd, 0xf1, 0xd8);
        theme.stoppedText = QColor(0x8a, 0x5a, 0x00);
        theme.failedBackground = QColor(0xfd, 0xe8, 0xe7);
        theme.failedText = QColor(0xb4, 0x23, 0x18);
        theme.streamingBackground = QColor(0xe6, 0xef, 0xfd);
        theme.streamingText = QColor(0x1a, 0x56, 0xdb);
        theme.warningBackground = QColor(0xfe, 0xf6, 0xe0);
        theme.warningText = QColor(0x7a, 0x55, 0x00);
    }
    return theme;
}

QString ChatTheme::panelStyleSheet() const
{
    const auto badge = [](const QString &name, const QColor &background, const QColor &text) {
        return u"QLabel#%1 { background: %2; color: %3; border-radius: 8px; padding: 1px 8px; font-size: 8pt; "
               "font-weight: 600; }\n"_s.arg(name, background.name(), text.name());
    };
    QString css;
    css += u"#chatSidebar { background: %1; border-right: 1px solid %2; }\n"_s.arg(sidebar.name(), border.name());
    css += u"#conversationList { background: transparent; border: none; outline: none; }\n"_s;
    css +=
        u"#conversationSearch { border: 1px solid %1; border-radius: 6px; padding: 5px 8px; background: %2; }\n"_s.arg(
            border.name(), background.name());
    css += u"#newConversationButton { border: 1px solid %1; border-radius: 6px; padding: 5px 10px; background: %2; "
           "font-weight: 600; }\n"_s.arg(border.name(), background.name());
    css += u"#newConversationButton:hover, #newConversationButton:focus { border-color: %1; }\n"_s.arg(accent.name());
    css += u"#chatMain, #messageColumn, #messageScroll { background: %1; }\n"_s.arg(background.name());
    css += u"#messageScroll { border: none; }\n"_s;
    css += u"#chatHeader { background: %1; border-bottom: 1px solid %2; }\n"_s.arg(background.name(), border.name());
    css += u"#conversationTitle { font-size: 12pt; font-weight: 600; }\n"_s;
    css +=
        u"#conversationModel { background: %1; color: %2; border-radius: 9px; padding: 2px 9px; font-size: 8pt; }\n"_s
            .arg(codeBackground.name(), muted.name());
    css +=
        u"#conversationTokens, #messageMeta, #messageTokens, #alternativeLabel, #composerHint, #emptyHint { color: %1; "
        "}\n"_s.arg(muted.name());
    css += u"#messageRoleLabel { font-weight: 700; }\n"_s;
    css += u"#userBubble { background: %1; border-radius: 14px; }\n"_s.arg(userBubble.name());
    css += u"#messageBody { background: transparent; border: none; }\n"_s;
    css += u"QToolButton[messageAction=\"true\"] { border: none; border-radius: 4px; padding: 2px 6px; color: %1; }\n"_s
               .arg(muted.name());
    css +=
        u"QToolButton[messageAction=\"true\"]:hover, QToolButton[messageAction=\"true\"]:focus { background: %1; color: %2; }\n"_s
            .arg(codeBackground.name(), text.name());
    css += badge(u"stoppedBadge"_s, stoppedBackground, stoppedText);
    css += badge(u"failedBadge"_s, failedBackground, failedText);
    css += badge(u"streamingBadge"_s, streamingBackground, streamingText);
    css += badge(u"supersededBadge"_s, codeBackground, muted);
    css += u"#messageError { background: %1; color: %2; border-radius: 8px; padding: 8px 10px; }\n"_s.arg(
        failedBackground.name(), failedText.name());
    css += u"QPushButton#retryButton { border: 1px solid %1; border-radius: 6px; padding: 3px 12px; background: %2; "
           "color: %1; font-weight: 600; }\n"_s.arg(failedText.name(), background.name());
    css += u"#composerFrame { background: %1; border: 1px solid %2; border-radius: 12px; }\n"_s.arg(background.name(),
                                                                                                    border.name());
    css += u"#composerFrame[focused=\"true\"] { border-color: %1; }\n"_s.arg(accent.name());
    css += u"#composerInput { background: transparent; border: none; }\n"_s;
    css += u"QPushButton#sendButton { background: %1; color: %2; border: none; border-radius: 8px; padding: 6px 16px; "
           "font-weight: 600; }\n"_s.arg(accent.name(), QColor(Qt::white).name());
    css += u"QPushButton#stopButton { background: %1; color: %2; border: 1px solid %3; border-radius: 8px; "
           "padding: 6px 16px; font-weight: 600; }\n"_s.arg(background.name(), text.name(), border.name());
    css += u"QPushButton#stopButton:hover, QPushButton#stopButton:focus { border-color: %1; color: %1; }\n"_s.arg(
        failedText.name());
    css += u"QPushButton#sendButton:disabled { background: %1; color: %2; }\n"_s.arg(border.name(), muted.name());
    css += u"#providerBanner { background: %1; color: %2; border-radius: 8px; padding: 8px 12px; }\n"_s.arg(
        warningBackground.name(), warningText.name());
    css +=
        u"#systemPromptPanel { background: %1; border-bottom: 1px solid %2; }\n"_s.arg(sidebar.name(), border.name());
    css += u"#emptyTitle { font-size: 15pt; font-weight: 600; }\n"_s;
    css += u"QPushButton#jumpToLatest { background: %1; color: %2; border: 1px solid %3; border-radius: 14px; "
           "padding: 4px 12px; }\n"_s.arg(background.name(), text.name(), border.name());
    return css;
}

QString ChatTheme::documentStyleSheet() const
{
    return u"p, li { line-height: 135%; }\n"
           "a { color: %1; }\n"
           "code { background-color: %2; font-family: monospace; }\n"
           "pre { font-family: monospace; line-height: 120%; }\n"
           "h1 { font-size: x-large; } h2 { font-size: large; } h3 { font-size: medium; }\n"
           "blockquote { color: %3; }\n"_s.arg(accent.name(), codeBackground.name(), muted.name());
}

StreamingMarkdown::Style ChatTheme::markdownStyle() const
{
    return {codeBackground, codeHeader, QCoreApplication::translate("inkwell::app::ChatView", "Copy")};
}

} // namespace inkwell::app
