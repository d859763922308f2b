#include "comparecolors.h"

namespace inkwell::app {

namespace {

/// @p base with @p amount (0..1) of @p hue mixed in.
QColor mix(const QColor &base, const QColor &hue, qreal amount)
{
    const auto channel = [amount](int a, int b) { return qRound(a + (b - a) * amount); };
    return QColor(channel(base.red(), hue.red()), channel(base.green(), hue.green()), channel(base.blue(), hue.blue()));
}

} // namespace

CompareColors CompareColors::fromPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    CompareColors c;
    // Nextcloud's rule before Qt 6.5: a dark theme is one whose background is dark.
    c.dark = base.lightness() < 128;

    const QColor green = c.dark ? QColor(0x4a, 0xde, 0x80) : QColor(0x16, 0xa3, 0x4a);
    const QColor red = c.dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);
    const QColor blue = c.dark ? QColor(0x60, 0xa5, 0xfa) : QColor(0x25, 0x63, 0xeb);
    const QColor amber = c.dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xd9, 0x77, 0x06);
    const QColor rose = c.dark ? QColor(0xfb, 0x71, 0x85) : QColor(0xe1, 0x1d, 0x48);
    const qreal soft = c.dark ? 0.22 : 0.13;
    const qreal strong = c.dark ? 0.42 : 0.30;

    c.added = mix(base, green, soft);
    c.addedStrong = mix(base, green, strong);
    c.removed = mix(base, red, soft);
    c.removedStrong = mix(base, red, strong);
    c.mine = mix(base, blue, soft);
    c.theirs = mix(base, amber, soft + 0.03);
    c.merged = mix(base, green, soft * 0.7);
    c.marker = mix(base, rose, strong - 0.05);
    c.markerText = c.dark ? mix(text, rose, 0.35) : mix(text, rose, 0.6);
    c.filler = mix(base, text, 0.04);
    c.separator = mix(base, blue, c.dark ? 0.10 : 0.06);
    c.gutter = mix(base, text, c.dark ? 0.05 : 0.035);
    c.gutterText = mix(base, text, 0.45);
    c.mineAccent = blue;
    c.theirsAccent = amber;
    c.addedAccent = green;
    c.removedAccent = red;
    c.markerAccent = rose;
    c.good = c.dark ? green : mix(green, QColor(Qt::black), 0.15);
    c.bad = red;
    return c;
}

} // namespace inkwell::app
