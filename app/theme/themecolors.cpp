#include "theme/themecolors.h"

using namespace Qt::StringLiterals;

namespace inkwell::app {

EditorColors EditorColors::forTheme(bool dark)
{
    EditorColors c;
    c.dark = dark;
    if (dark) {
        c.text = QColor(0xe6, 0xed, 0xf3);
        c.background = QColor(0x1c, 0x20, 0x26);
        c.markup = QColor(0x76, 0x80, 0x8c);
        c.heading = QColor(0x8c, 0xc8, 0xff);
        c.link = QColor(0x58, 0xa6, 0xff);
        c.url = QColor(0x8b, 0x94, 0x9e);
        c.code = QColor(0xff, 0xb0, 0x6e);
        c.codeBackground = QColor(0x2d, 0x33, 0x3b);
        c.quote = QColor(0xa5, 0xaf, 0xba);
        c.html = QColor(0xd2, 0xa8, 0xff);
        c.spelling = QColor(0xff, 0x7b, 0x72);
        c.focusDim = QColor(0x58, 0x61, 0x6c);
        c.findMatch = QColor(0x4d, 0x42, 0x10);
        c.findCurrent = QColor(0x9e, 0x6a, 0x03);
    } else {
        c.text = QColor(0x1f, 0x23, 0x28);
        c.background = QColor(0xff, 0xff, 0xff);
        c.markup = QColor(0x8c, 0x95, 0x9f);
        c.heading = QColor(0x0b, 0x3d, 0x91);
        c.link = QColor(0x09, 0x69, 0xda);
        c.url = QColor(0x6e, 0x77, 0x81);
        c.code = QColor(0x95, 0x38, 0x00);
        c.codeBackground = QColor(0xf2, 0xf3, 0xf5);
        c.quote = QColor(0x57, 0x60, 0x6a);
        c.html = QColor(0x82, 0x50, 0xdf);
        c.spelling = QColor(0xd1, 0x24, 0x2f);
        c.focusDim = QColor(0xb4, 0xba, 0xc1);
        c.findMatch = QColor(0xff, 0xf0, 0xa8);
        c.findCurrent = QColor(0xff, 0xc8, 0x3d);
    }
    return c;
}

PreviewStyle PreviewStyle::forTheme(bool dark)
{
    PreviewStyle s;
    s.dark = dark;
    // QTextDocument understands a subset of CSS 2.1 (no padding on blocks, no border-left): code blocks and
    // quotes are set apart by a tint and margins instead.
    const QString text = dark ? u"#e6edf3"_s : u"#1f2328"_s;
    const QString muted = dark ? u"#a5afba"_s : u"#57606a"_s;
    const QString heading = dark ? u"#f0f6fc"_s : u"#0b1f3a"_s;
    const QString link = dark ? u"#58a6ff"_s : u"#0969da"_s;
    const QString tint = dark ? u"#2d333b"_s : u"#f2f3f5"_s;
    const QString quoteTint = dark ? u"#232a33"_s : u"#f6f8fa"_s;
    const QString border = dark ? u"#444c56"_s : u"#d0d7de"_s;
    const QString codeText = dark ? u"#ffb06e"_s : u"#953800"_s;
    s.background = dark ? QColor(0x1c, 0x20, 0x26) : QColor(0xff, 0xff, 0xff);
    s.text = QColor(text);
    s.link = QColor(link);
    s.css = uR"(
body { color: %1; }
p { margin-top: 0px; margin-bottom: 12px; line-height: 145%; }
li { line-height: 140%; margin-bottom: 2px; }
h1, h2, h3, h4, h5, h6 { color: %2; font-weight: 600; margin-top: 20px; margin-bottom: 8px; }
h1 { font-size: 190%; }
h2 { font-size: 150%; }
h3 { font-size: 125%; }
h4 { font-size: 110%; }
h5, h6 { font-size: 100%; }
a { color: %3; text-decoration: none; }
code { font-family: monospace; color: %6; background-color: %4; }
pre { font-family: monospace; background-color: %4; margin-top: 4px; margin-bottom: 12px; margin-left: 0px; }
blockquote { color: %5; font-style: italic; background-color: %7; margin-left: 12px; margin-right: 12px; }
table { border-collapse: collapse; margin-bottom: 12px; }
th { border: 1px solid %8; padding: 4px; background-color: %4; font-weight: 600; }
td { border: 1px solid %8; padding: 4px; }
hr { color: %8; }
del { color: %5; text-decoration: line-through; }
)"_s.arg(text, heading, link, tint, muted, codeText, quoteTint, border);
    return s;
}

QPalette applicationPalette(bool dark)
{
    if (!dark) {
        QPalette p(QColor(0xef, 0xf0, 0xf1));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
        p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
        p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x95, 0x9f));
        return p;
    }
    QPalette p;
    const QColor window(0x24, 0x29, 0x2f);
    const QColor base(0x1c, 0x20, 0x26);
    const QColor text(0xe6, 0xed, 0xf3);
    const QColor disabledText(0x6e, 0x76, 0x81);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x33, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    p.setColor(QPalette::Light, QColor(0x44, 0x4c, 0x56));
    p.setColor(QPalette::Midlight, QColor(0x37, 0x3e, 0x47));
    p.setColor(QPalette::Mid, QColor(0x2d, 0x33, 0x3b));
    p.setColor(QPalette::Dark, QColor(0x16, 0x1b, 0x22));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x11, 0x17));
    p.setColor(QPalette::Highlight, QColor(0x38, 0x8b, 0xfd));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xbc, 0x8c, 0xff));
    p.setColor(QPalette::PlaceholderText, disabledText);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

} // namespace inkwell::app
