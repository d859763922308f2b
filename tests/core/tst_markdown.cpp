#include "../support/htmlsafety.h"
#include "markdown/markdown.h"
#include "markdown/slug.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <atomic>
#include <latch>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace inkwell::markdown;

namespace {

// ---- Helpers that build inputs and expectations (none of them calls the code under test) ------------------------

/// @p count copies of "word", separated by single spaces.
QString words(int count)
{
    return QStringList(count, u"word"_s).join(u' ');
}

/// @p count copies of @p unit.
QString chars(qsizetype count, QStringView unit = u"a")
{
    return unit.toString().repeated(count);
}

const QString ellipsis = u"\u2026"_s;

/// The elements GFM's tagfilter extension disallows: they must never come out as tags.
const QStringList filteredElements = {u"title"_s,   u"textarea"_s, u"style"_s,  u"xmp"_s,      u"iframe"_s,
                                      u"noembed"_s, u"noframes"_s, u"script"_s, u"plaintext"_s};

} // namespace

class TestMarkdown : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // First on purpose: it is also the first use of the renderer in this process, so the threads race to register
    // cmark-gfm's extensions as well.
    void rendersTheSameOnManyThreadsAtOnce();

    void htmlSafetyCheckRejectsUnsafeHtml_data();
    void htmlSafetyCheckRejectsUnsafeHtml();

    void toHtml_data();
    void toHtml();
    void toHtmlNeutralisesXss_data();
    void toHtmlNeutralisesXss();
    void toHtmlNeverEmitsFilteredTags_data();
    void toHtmlNeverEmitsFilteredTags();
    void tablesThatWouldCostTooMuchReadAsText_data();
    void tablesThatWouldCostTooMuchReadAsText();

    void toPlainText_data();
    void toPlainText();

    void wordCount_data();
    void wordCount();

    void readingTimeMinutes_data();
    void readingTimeMinutes();

    void excerpt_data();
    void excerpt();

    void slugify_data();
    void slugify();
    void slugifyIsIdempotentAndStable_data();
    void slugifyIsIdempotentAndStable();
};

// ---- Many threads at once: the server renders on every listener thread ------------------------------------------

void TestMarkdown::rendersTheSameOnManyThreadsAtOnce()
{
    // Strike-through and autolinks are what cmark-gfm switches on and off process-wide while it parses inlines; a
    // parse that overlaps another one must still find them. Tables and task items come along.
    const QString unit =
        u"~~gone~~ www.example.com and https://qt.io.\n\n- [x] done\n\n| a | b |\n|---|---|\n| c | ~~d~~ |\n\n"_s;
    const QString unitHtml = u"<p><del>gone</del> <a href=\"http://www.example.com\">www.example.com</a> and "
                             u"<a href=\"https://qt.io\">https://qt.io</a>.</p>\n"
                             u"<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n"
                             u"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
                             u"<tbody>\n<tr>\n<td>c</td>\n<td><del>d</del></td>\n</tr>\n</tbody>\n</table>\n"_s;
    const QString unitText = u"gone www.example.com and https://qt.io. done a b c d"_s;
    constexpr int units = 100;
    const QString markdown = unit.repeated(units);
    const QString expectedHtml = unitHtml.repeated(units);
    const QString expectedText = QStringList(units, unitText).join(u' ');

    constexpr int threadCount = 4;
    constexpr int rounds = 40;
    std::latch start(threadCount);
    std::atomic<int> wrongHtml = 0;
    std::atomic<int> wrongText = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int round = 0; round < rounds; ++round) {
                // Half the threads start with plain text, so HTML and plain-text parses overlap too.
                if ((round + t) % 2 == 0) {
                    if (inkwell::markdown::toHtml(markdown) != expectedHtml)
                        ++wrongHtml;
                } else if (inkwell::markdown::toPlainText(markdown) != expectedText) {
                    ++wrongText;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrongHtml.load(), 0);
    QCOMPARE(wrongText.load(), 0);
    // And the same document on this thread, alone.
    QCOMPARE(inkwell::markdown::toHtml(markdown), expectedHtml);
}

// ---- The checker itself: it must catch what it is meant to catch, or the XSS rows prove nothing --------------------

void TestMarkdown::htmlSafetyCheckRejectsUnsafeHtml_data()
{
    QTest::addColumn<QString>("html");

    QTest::newRow("script") << u"<p>a</p><script>alert(1)</script>"_s;
    QTest::newRow("script upper case") << u"<SCRIPT>alert(1)</SCRIPT>"_s;
    QTest::newRow("iframe") << u"<iframe src=\"https://evil\"></iframe>"_s;
    QTest::newRow("svg") << u"<svg onload=alert(1)>"_s;
    QTest::newRow("img onerror") << u"<img src=\"x\" onerror=\"alert(1)\" />"_s;
    QTest::newRow("img onerror bare") << u"<img src=x onerror=alert(1)>"_s;
    QTest::newRow("javascript href") << u"<a href=\"javascript:alert(1)\">x</a>"_s;
    QTest::newRow("javascript href mixed case") << u"<a href=\"JaVaScRiPt:alert(1)\">x</a>"_s;
    QTest::newRow("javascript href entity") << u"<a href=\"&#106;avascript:alert(1)\">x</a>"_s;
    QTest::newRow("javascript href hex entity tab") << u"<a href=\"jav&#x09;ascript:alert(1)\">x</a>"_s;
    QTest::newRow("javascript href leading space") << u"<a href=\" javascript:alert(1)\">x</a>"_s;
    QTest::newRow("vbscript href") << u"<a href=\"vbscript:msgbox(1)\">x</a>"_s;
    QTest::newRow("data text href") << u"<a href=\"data:text/html,x\">x</a>"_s;
    QTest::newRow("data svg src") << u"<img src=\"data:image/svg+xml,x\" alt=\"\" />"_s;
    QTest::newRow("unknown element") << u"<p><marquee>x</marquee></p>"_s;
    QTest::newRow("style attribute") << u"<p style=\"x\">x</p>"_s;
    QTest::newRow("raw comment") << u"<!--[if IE]><script>alert(1)</script><![endif]-->"_s;
    QTest::newRow("textarea") << u"<p><textarea>x</textarea></p>"_s;
    QTest::newRow("title") << u"<title>x</title>"_s;
    QTest::newRow("plaintext upper case") << u"<PLAINTEXT>"_s;
    QTest::newRow("input not disabled") << u"<li><input type=\"checkbox\" checked=\"\" /> x</li>"_s;
    QTest::newRow("input text") << u"<li><input type=\"text\" disabled=\"\" /></li>"_s;
    QTest::newRow("input without type") << u"<input disabled=\"\" />"_s;
    QTest::newRow("disabled outside an input") << u"<li disabled=\"\">x</li>"_s;
    QTest::newRow("td style") << u"<td style=\"background:url(x)\">x</td>"_s;
    QTest::newRow("td onclick") << u"<td align=\"left\" onclick=\"alert(1)\">x</td>"_s;
    QTest::newRow("xmpp src") << u"<img src=\"xmpp:a@b.example\" alt=\"\" />"_s;
}

void TestMarkdown::htmlSafetyCheckRejectsUnsafeHtml()
{
    QFETCH(QString, html);
    QVERIFY2(!inkwell::test::html::unsafeHtmlReason(html).isEmpty(), qPrintable(html));
}

// ---- toHtml --------------------------------------------------------------------------------------------------------

void TestMarkdown::toHtml_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");

    // Edges
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("whitespace only") << u"  \n\t\n   "_s << u""_s;
    QTest::newRow("NUL becomes U+FFFD") << u"a\0b"_s << u"<p>a\uFFFDb</p>\n"_s;
    QTest::newRow("lone surrogate becomes U+FFFD") << (u"a"_s + QChar(0xD800) + u"b"_s) << u"<p>a\uFFFDb</p>\n"_s;

    // Constructs
    QTest::newRow("emphasis") << u"*a*"_s << u"<p><em>a</em></p>\n"_s;
    QTest::newRow("strong") << u"**b**"_s << u"<p><strong>b</strong></p>\n"_s;
    QTest::newRow("underscores") << u"_a_ __b__"_s << u"<p><em>a</em> <strong>b</strong></p>\n"_s;
    QTest::newRow("heading 1") << u"# Title"_s << u"<h1>Title</h1>\n"_s;
    QTest::newRow("heading 3 closed") << u"### Three ###"_s << u"<h3>Three</h3>\n"_s;
    QTest::newRow("setext heading") << u"Title\n====="_s << u"<h1>Title</h1>\n"_s;
    QTest::newRow("code span escapes") << u"`x < y`"_s << u"<p><code>x &lt; y</code></p>\n"_s;
    QTest::newRow("fenced code") << u"```\nx < y\n```"_s << u"<pre><code>x &lt; y\n</code></pre>\n"_s;
    QTest::newRow("fenced code with language")
        << u"```cpp\nint x;\n```"_s << u"<pre><code class=\"language-cpp\">int x;\n</code></pre>\n"_s;
    QTest::newRow("indented code") << u"    code"_s << u"<pre><code>code\n</code></pre>\n"_s;
    QTest::newRow("link") << u"[Qt](https://qt.io)"_s << u"<p><a href=\"https://qt.io\">Qt</a></p>\n"_s;
    QTest::newRow("link with title") << u"[Qt](https://qt.io \"The Qt\")"_s
                                     << u"<p><a href=\"https://qt.io\" title=\"The Qt\">Qt</a></p>\n"_s;
    QTest::newRow("reference link") << u"[Qt][1]\n\n[1]: https://qt.io"_s
                                    << u"<p><a href=\"https://qt.io\">Qt</a></p>\n"_s;
    QTest::newRow("autolink") << u"<https://qt.io>"_s << u"<p><a href=\"https://qt.io\">https://qt.io</a></p>\n"_s;
    QTest::newRow("image") << u"![alt text](img.png)"_s << u"<p><img src=\"img.png\" alt=\"alt text\" /></p>\n"_s;
    QTest::newRow("image data png kept") << u"![x](data:image/png;base64,AAAA)"_s
                                         << u"<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" /></p>\n"_s;
    QTest::newRow("bullet list") << u"- a\n- b"_s << u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"_s;
    QTest::newRow("ordered list from 3") << u"3. a\n4. b"_s << u"<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"_s;
    QTest::newRow("blockquote") << u"> q"_s << u"<blockquote>\n<p>q</p>\n</blockquote>\n"_s;
    QTest::newRow("thematic break") << u"---"_s << u"<hr />\n"_s;
    QTest::newRow("hard break") << u"a  \nb"_s << u"<p>a<br />\nb</p>\n"_s;
    QTest::newRow("soft break") << u"a\nb"_s << u"<p>a\nb</p>\n"_s;
    QTest::newRow("entities") << u"&copy; &amp; AT&T"_s << u"<p>\u00A9 &amp; AT&amp;T</p>\n"_s;
    QTest::newRow("angle brackets escaped") << u"5 < 6 > 4"_s << u"<p>5 &lt; 6 &gt; 4</p>\n"_s;

    // Unicode
    QTest::newRow("accents") << u"H\u00E9llo *W\u00F6rld*"_s << u"<p>H\u00E9llo <em>W\u00F6rld</em></p>\n"_s;
    QTest::newRow("CJK") << u"\u65E5\u672C\u8A9E *\u30C6\u30AD\u30B9\u30C8*"_s
                         << u"<p>\u65E5\u672C\u8A9E <em>\u30C6\u30AD\u30B9\u30C8</em></p>\n"_s;
    QTest::newRow("emoji surrogate pairs")
        << u"\U0001F389 **party** \U0001F600"_s << u"<p>\U0001F389 <strong>party</strong> \U0001F600</p>\n"_s;
    QTest::newRow("RTL") << u"\u05E9\u05DC\u05D5\u05DD *\u05E2\u05D5\u05DC\u05DD*"_s
                         << u"<p>\u05E9\u05DC\u05D5\u05DD <em>\u05E2\u05D5\u05DC\u05DD</em></p>\n"_s;

    // Safe mode, exact output
    QTest::newRow("html block omitted") << u"<div onclick=\"x()\">hi</div>"_s << u"<!-- raw HTML omitted -->\n"_s;
    QTest::newRow("script block omitted") << u"<script>alert(1)</script>"_s << u"<!-- raw HTML omitted -->\n"_s;
    QTest::newRow("inline html omitted") << u"a <b>bold</b> c"_s
                                         << u"<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> c</p>\n"_s;
    QTest::newRow("javascript link emptied") << u"[x](javascript:alert(1))"_s << u"<p><a href=\"\">x</a></p>\n"_s;
    QTest::newRow("javascript image emptied")
        << u"![x](javascript:alert(1))"_s << u"<p><img src=\"\" alt=\"x\" /></p>\n"_s;
    QTest::newRow("entity javascript emptied")
        << u"[x](&#106;avascript:alert(1))"_s << u"<p><a href=\"\">x</a></p>\n"_s;
    QTest::newRow("vbscript emptied") << u"[x](VBScript:msgbox(1))"_s << u"<p><a href=\"\">x</a></p>\n"_s;
    QTest::newRow("data text emptied") << u"[x](data:text/html,<script>alert(1)</script>)"_s
                                       << u"<p><a href=\"\">x</a></p>\n"_s;
    QTest::newRow("tab inside scheme percent-encoded")
        << u"[x](jav&#x09;ascript:alert(1))"_s << u"<p><a href=\"jav%09ascript:alert(1)\">x</a></p>\n"_s;
    QTest::newRow("title quotes escaped")
        << u"[x](http://a \"\\\" onclick=\\\"alert(1)\")"_s
        << u"<p><a href=\"http://a\" title=\"&quot; onclick=&quot;alert(1)\">x</a></p>\n"_s;
    QTest::newRow("alt quotes escaped")
        << u"![x\" onerror=\"alert(1)](http://a)"_s
        << u"<p><img src=\"http://a\" alt=\"x&quot; onerror=&quot;alert(1)\" /></p>\n"_s;

    // GFM: tables
    QTest::newRow("table alignment")
        << u"| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |"_s
        << u"<table>\n<thead>\n<tr>\n<th align=\"left\">L</th>\n<th align=\"center\">C</th>\n"
           u"<th align=\"right\">R</th>\n<th>N</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
           u"<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n<td>4</td>\n</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("table inline markup in cells")
        << u"| *a* | b |\n|---|---|\n| **c** `d` | [e](https://e.example) ~~f~~ |"_s
        << u"<table>\n<thead>\n<tr>\n<th><em>a</em></th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
           u"<td><strong>c</strong> <code>d</code></td>\n<td><a href=\"https://e.example\">e</a> <del>f</del></td>\n"
           u"</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("table javascript link in a cell emptied")
        << u"| a |\n|---|\n| [x](javascript:alert(1)) |"_s
        << u"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"\">x</a></td>\n"
           u"</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("table raw html in a cell omitted")
        << u"| <b>a</b> |\n|---|\n| <img src=x onerror=alert(1)> |"_s
        << u"<table>\n<thead>\n<tr>\n<th><!-- raw HTML omitted -->a<!-- raw HTML omitted --></th>\n</tr>\n</thead>\n"
           u"<tbody>\n<tr>\n<td><!-- raw HTML omitted --></td>\n</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("table escaped pipe in a cell")
        << u"| a |\n|---|\n| b \\| c |"_s
        << u"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b | c</td>\n</tr>\n</tbody>\n"
           u"</table>\n"_s;
    QTest::newRow("table short row filled, long row cut")
        << u"| a | b |\n|---|---|\n| c |\n| d | e | f |"_s
        << u"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td></td>\n"
           u"</tr>\n<tr>\n<td>d</td>\n<td>e</td>\n</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("table header only") << u"| a |\n|---|"_s
                                       << u"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n"_s;
    QTest::newRow("table without delimiter row is a paragraph")
        << u"| a | b |\n| c | d |"_s << u"<p>| a | b |\n| c | d |</p>\n"_s;
    QTest::newRow("table delimiter row with a different cell count is a paragraph")
        << u"| a | b |\n|---|"_s << u"<p>| a | b |\n|---|</p>\n"_s;

    // GFM: strike-through (two tildes only)
    QTest::newRow("strikethrough") << u"~~gone~~ kept"_s << u"<p><del>gone</del> kept</p>\n"_s;
    QTest::newRow("strikethrough with markup inside")
        << u"~~*a* [b](https://b.example)~~"_s
        << u"<p><del><em>a</em> <a href=\"https://b.example\">b</a></del></p>\n"_s;
    QTest::newRow("single tilde stays literal") << u"~about~ ~5 to ~10"_s << u"<p>~about~ ~5 to ~10</p>\n"_s;
    QTest::newRow("three tildes stay literal") << u"a ~~~x~~~ b"_s << u"<p>a ~~~x~~~ b</p>\n"_s;
    QTest::newRow("unclosed strikethrough") << u"~~open"_s << u"<p>~~open</p>\n"_s;
    QTest::newRow("strikethrough in a code span stays literal") << u"`~~x~~`"_s << u"<p><code>~~x~~</code></p>\n"_s;

    // GFM: task lists (the checkbox is a disabled input)
    QTest::newRow("task list unchecked and checked")
        << u"- [ ] todo\n- [x] done"_s
        << u"<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n"
           u"<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n"_s;
    QTest::newRow("task list upper-case X") << u"- [X] Done"_s
                                            << u"<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                                               u"Done</li>\n</ul>\n"_s;
    QTest::newRow("task list ordered")
        << u"1. [x] one"_s << u"<ol>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> one</li>\n</ol>\n"_s;
    QTest::newRow("task list nested")
        << u"- [ ] a\n  - [x] b"_s
        << u"<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> a\n<ul>\n"
           u"<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> b</li>\n</ul>\n</li>\n</ul>\n"_s;
    QTest::newRow("task marker without text stays text") << u"- [ ]"_s << u"<ul>\n<li>[ ]</li>\n</ul>\n"_s;
    QTest::newRow("task marker without space stays text") << u"- [x]done"_s << u"<ul>\n<li>[x]done</li>\n</ul>\n"_s;
    QTest::newRow("task marker outside a list stays text") << u"[ ] not a task"_s << u"<p>[ ] not a task</p>\n"_s;

    // GFM: autolinks (www., http(s)://, e-mail); trailing punctuation stays outside the link
    QTest::newRow("autolink www") << u"see www.example.com"_s
                                  << u"<p>see <a href=\"http://www.example.com\">www.example.com</a></p>\n"_s;
    QTest::newRow("autolink https") << u"https://example.com/a?b=c&d=e#f"_s
                                    << u"<p><a href=\"https://example.com/a?b=c&amp;d=e#f\">"
                                       u"https://example.com/a?b=c&amp;d=e#f</a></p>\n"_s;
    QTest::newRow("autolink bare http") << u"http://example.com"_s
                                        << u"<p><a href=\"http://example.com\">http://example.com</a></p>\n"_s;
    QTest::newRow("autolink email")
        << u"mail foo.bar+x@example.com"_s
        << u"<p>mail <a href=\"mailto:foo.bar+x@example.com\">foo.bar+x@example.com</a></p>\n"_s;
    QTest::newRow("autolink mailto") << u"mailto:a@b.example"_s
                                     << u"<p><a href=\"mailto:a@b.example\">mailto:a@b.example</a></p>\n"_s;
    QTest::newRow("autolink trailing punctuation") << u"www.example.com, https://a.example. b@c.example!"_s
                                                   << u"<p><a href=\"http://www.example.com\">www.example.com</a>, <a "
                                                      u"href=\"https://a.example\">https://a.example</a>. "
                                                      u"<a href=\"mailto:b@c.example\">b@c.example</a>!</p>\n"_s;
    QTest::newRow("autolink unbalanced parenthesis left out")
        << u"(https://a.example/x)"_s << u"<p>(<a href=\"https://a.example/x\">https://a.example/x</a>)</p>\n"_s;
    QTest::newRow("autolink balanced parenthesis kept")
        << u"https://a.example/(y))"_s << u"<p><a href=\"https://a.example/(y)\">https://a.example/(y)</a>)</p>\n"_s;
    QTest::newRow("autolink stops at raw html")
        << u"www.example.com/<script>"_s
        << u"<p><a href=\"http://www.example.com/\">www.example.com/</a><!-- raw HTML omitted --></p>\n"_s;
    QTest::newRow("autolink quote escaped") << u"www.x.example\"onmouseover=\"alert(1)"_s
                                            << u"<p><a href=\"http://www.x.example%22onmouseover=%22alert(1)\">"
                                               u"www.x.example&quot;onmouseover=&quot;alert(1)</a></p>\n"_s;
    QTest::newRow("javascript is never an autolink")
        << u"javascript:alert(1) JAVASCRIPT:alert(1)"_s << u"<p>javascript:alert(1) JAVASCRIPT:alert(1)</p>\n"_s;
    QTest::newRow("mailto javascript is never an autolink")
        << u"mailto:javascript:alert(1)"_s << u"<p>mailto:javascript:alert(1)</p>\n"_s;
    QTest::newRow("no autolink without a domain")
        << u"foo@bar Www.Example.com"_s << u"<p>foo@bar Www.Example.com</p>\n"_s;
    QTest::newRow("no autolink in a code span") << u"`www.example.com`"_s << u"<p><code>www.example.com</code></p>\n"_s;
    QTest::newRow("no autolink inside a link") << u"[www.example.com](https://other.example)"_s
                                               << u"<p><a href=\"https://other.example\">www.example.com</a></p>\n"_s;
    QTest::newRow("autolink in a table cell")
        << u"| a |\n|---|\n| www.example.com |"_s
        << u"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
           u"<td><a href=\"http://www.example.com\">www.example.com</a></td>\n</tr>\n</tbody>\n</table>\n"_s;

    // GFM: fenced code keeps CommonMark's class (CMARK_OPT_GITHUB_PRE_LANG is off)
    QTest::newRow("fenced code language stays a class")
        << u"```js\nx\n```"_s << u"<pre><code class=\"language-js\">x\n</code></pre>\n"_s;
}

void TestMarkdown::toHtml()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(inkwell::markdown::toHtml(markdown), expected);
}

void TestMarkdown::toHtmlNeutralisesXss_data()
{
    QTest::addColumn<QString>("markdown");

    // Raw HTML: every element below must be omitted.
    QTest::newRow("script") << u"<script>alert(1)</script>"_s;
    QTest::newRow("script src upper case") << u"<SCRIPT SRC=//evil.example/x.js></SCRIPT>"_s;
    QTest::newRow("script mixed case") << u"<sCrIpT>alert(1)</ScRiPt>"_s;
    QTest::newRow("script inline") << u"text <script>alert(1)</script> inline"_s;
    QTest::newRow("script nested") << u"<scr<script>ipt>alert(1)</script>"_s;
    QTest::newRow("script with NUL") << u"<scr\0ipt>alert(1)</script>"_s;
    QTest::newRow("script in blockquote") << u"> <script>alert(1)</script>"_s;
    QTest::newRow("script in svg") << u"<svg><script>alert(1)</script></svg>"_s;
    QTest::newRow("comment breakout") << u"<!--><script>alert(1)</script>-->"_s;
    QTest::newRow("img onerror") << u"<img src=x onerror=alert(1)>"_s;
    QTest::newRow("img onerror entity") << u"<img src=x onerror=\"&#97;lert(1)\">"_s;
    QTest::newRow("img onerror eval src") << u"<img src=x:alert(1) onerror=eval(src)>"_s;
    QTest::newRow("img javascript src") << u"<IMG SRC=\"javascript:alert('XSS');\">"_s;
    QTest::newRow("img inside link text") << u"[<img src=x onerror=alert(1)>](https://example.com)"_s;
    QTest::newRow("svg onload") << u"<svg onload=alert(1)>"_s;
    QTest::newRow("svg slash onload") << u"<svg/onload=alert(1)>"_s;
    QTest::newRow("iframe javascript") << u"<iframe src=\"javascript:alert(1)\"></iframe>"_s;
    QTest::newRow("iframe upper case") << u"<IFRAME SRC=javascript:alert(1)>"_s;
    QTest::newRow("iframe in list") << u"- <iframe src=//evil.example></iframe>"_s;
    QTest::newRow("object") << u"<object data=\"javascript:alert(1)\"></object>"_s;
    QTest::newRow("embed") << u"<embed src=\"javascript:alert(1)\">"_s;
    QTest::newRow("style block") << u"<style>body{background:url(\"javascript:alert(1)\")}</style>"_s;
    QTest::newRow("style import") << u"<style>@import 'http://evil.example/x.css';</style>"_s;
    QTest::newRow("form action") << u"<form action=\"javascript:alert(1)\"><button>x</button></form>"_s;
    QTest::newRow("anchor javascript") << u"<a href=\"javascript:alert(1)\">x</a>"_s;
    QTest::newRow("anchor entity javascript") << u"<a href=\"&#106;avascript:alert(1)\">x</a>"_s;
    QTest::newRow("anchor onclick") << u"<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>"_s;
    QTest::newRow("div onmouseover") << u"<div onmouseover=\"alert(1)\">hover</div>"_s;
    QTest::newRow("details ontoggle") << u"<details open ontoggle=alert(1)>"_s;
    QTest::newRow("body onload") << u"<body onload=alert(1)>"_s;
    QTest::newRow("custom element handler") << u"<x onxxx=alert(1)>y</x>"_s;
    QTest::newRow("math xlink") << u"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"_s;
    QTest::newRow("meta refresh") << u"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"_s;
    QTest::newRow("base href") << u"<base href=\"javascript:alert(1)//\">"_s;

    // Markdown links and images with dangerous destinations.
    QTest::newRow("link javascript") << u"[x](javascript:alert(1))"_s;
    QTest::newRow("link javascript mixed case") << u"[x](JaVaScRiPt:alert(1))"_s;
    QTest::newRow("link javascript padded") << u"[x](   javascript:alert(1)   )"_s;
    QTest::newRow("link javascript pointy") << u"[x](<javascript:alert(1)>)"_s;
    QTest::newRow("link javascript pointy leading space") << u"[x](< javascript:alert(1)>)"_s;
    QTest::newRow("link javascript nbsp") << u"[x](\u00A0javascript:alert(1))"_s;
    QTest::newRow("link decimal entity") << u"[x](&#106;avascript:alert(1))"_s;
    QTest::newRow("link hex entities") << u"[x](&#x6A;&#x61;vascript:alert(1))"_s;
    QTest::newRow("link tab entity") << u"[x](jav&#x09;ascript:alert(1))"_s;
    QTest::newRow("link newline entity") << u"[x](jav&#x0A;ascript:alert(1))"_s;
    QTest::newRow("link colon named entity") << u"[x](javascript&colon;alert(1))"_s;
    QTest::newRow("link colon decimal entity") << u"[x](javascript&#58;alert(1))"_s;
    QTest::newRow("link backslash") << u"[x](java\\script:alert(1))"_s;
    QTest::newRow("link vbscript") << u"[x](vbscript:msgbox(1))"_s;
    QTest::newRow("link file") << u"[x](file:///etc/passwd)"_s;
    QTest::newRow("link data text") << u"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"_s;
    QTest::newRow("link reference javascript") << u"[x][r]\n\n[r]: javascript:alert(1)"_s;
    QTest::newRow("autolink javascript") << u"<javascript:alert(1)>"_s;
    QTest::newRow("autolink data text") << u"<data:text/html,<script>alert(1)</script>>"_s;
    QTest::newRow("image javascript") << u"![x](javascript:alert(1))"_s;
    QTest::newRow("image data svg") << u"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"_s;
    QTest::newRow("image alt breakout") << u"![x\" onerror=\"alert(1)](https://example.com/a.png)"_s;
    QTest::newRow("link title breakout") << u"[x](https://example.com \"\\\" onmouseover=\\\"alert(1)\")"_s;
    QTest::newRow("link url quote breakout") << u"[x](https://example.com/\"onmouseover=\"alert(1))"_s;

    // Text that merely looks like markup.
    QTest::newRow("escaped entities") << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
    QTest::newRow("numeric entities") << u"&#60;script&#62;alert(1)&#60;/script&#62;"_s;
    QTest::newRow("code span") << u"`<script>alert(1)</script>`"_s;
    QTest::newRow("code block") << u"```html\n<script>alert(1)</script>\n```"_s;

    // GFM: tables, strike-through and task lists around dangerous content.
    QTest::newRow("table cell javascript link") << u"| a |\n|---|\n| [x](javascript:alert(1)) |"_s;
    QTest::newRow("table cell entity javascript") << u"| a |\n|---|\n| [x](&#106;avascript:alert(1)) |"_s;
    QTest::newRow("table cell javascript image") << u"| a |\n|---|\n| ![x](javascript:alert(1)) |"_s;
    QTest::newRow("table cell data svg image")
        << u"| a |\n|---|\n| ![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) |"_s;
    QTest::newRow("table cell img onerror") << u"| a |\n|---|\n| <img src=x onerror=alert(1)> |"_s;
    QTest::newRow("table header script") << u"| <script>alert(1)</script> |\n|---|\n| a |"_s;
    QTest::newRow("table cell autolink javascript") << u"| a |\n|---|\n| <javascript:alert(1)> |"_s;
    QTest::newRow("table cell reference javascript") << u"| a |\n|---|\n| [x][r] |\n\n[r]: javascript:alert(1)"_s;
    QTest::newRow("table cell link title breakout")
        << u"| a |\n|---|\n| [x](https://example.com \"\\\" onmouseover=\\\"alert(1)\") |"_s;
    QTest::newRow("table in blockquote style") << u"> | a |\n> |---|\n> | <style>x</style> |"_s;
    QTest::newRow("strikethrough script") << u"~~<script>alert(1)</script>~~"_s;
    QTest::newRow("strikethrough javascript link") << u"~~[x](javascript:alert(1))~~"_s;
    QTest::newRow("task item script") << u"- [ ] <script>alert(1)</script>"_s;
    QTest::newRow("task item javascript link") << u"- [x] [x](javascript:alert(1))"_s;
    QTest::newRow("task item raw enabled checkbox") << u"- [ ] <input type=checkbox onclick=alert(1)>"_s;
    QTest::newRow("raw enabled input") << u"<input type=\"checkbox\" checked>"_s;
    // GFM autolinks: only http(s), ftp, www., e-mail, mailto: and xmpp: become links, and their text is escaped.
    QTest::newRow("bare javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("bare vbscript") << u"vbscript:msgbox(1)"_s;
    QTest::newRow("bare data text") << u"data:text/html,<script>alert(1)</script>"_s;
    QTest::newRow("www javascript") << u"www.javascript:alert(1)"_s;
    QTest::newRow("http javascript host") << u"http://javascript:alert(1)"_s;
    QTest::newRow("mailto javascript") << u"mailto:javascript:alert(1)"_s;
    QTest::newRow("xmpp javascript") << u"xmpp:javascript:alert(1) xmpp:a@b.example/javascript:alert(1)"_s;
    QTest::newRow("email javascript") << u"javascript:alert(1)@example.com"_s;
    QTest::newRow("www double quote breakout") << u"www.x.example\"onmouseover=\"alert(1)"_s;
    QTest::newRow("www single quote breakout") << u"www.x.example'onmouseover='alert(1)"_s;
    QTest::newRow("https then script") << u"https://x.example/?q=<script>alert(1)</script>"_s;
    QTest::newRow("https entity script") << u"https://x.example/&#x3C;script&#x3E;alert(1)"_s;
    QTest::newRow("www entity script") << u"www.x.example&lt;script&gt;alert(1)&lt;/script&gt;"_s;
}

void TestMarkdown::toHtmlNeutralisesXss()
{
    QFETCH(QString, markdown);
    const QString html = inkwell::markdown::toHtml(markdown);
    const QString why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty(), qPrintable(why + u"\n  output: "_s + html));
}

void TestMarkdown::toHtmlNeverEmitsFilteredTags_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("element");

    // Each element GFM's tagfilter disallows, inside each construct that is itself allowed.
    const QList<std::pair<QString, QString>> constructs = {
        {u"paragraph"_s, u"a %1 b"_s},
        {u"html block"_s, u"%1\n\nafter"_s},
        {u"table header"_s, u"| %1 |\n|---|\n| a |"_s},
        {u"table cell"_s, u"| a | b |\n|:-:|---|\n| %1 | c |"_s},
        {u"task item"_s, u"- [x] %1"_s},
        {u"strikethrough"_s, u"~~%1~~"_s},
        {u"heading"_s, u"## %1"_s},
        {u"blockquote"_s, u"> %1"_s},
        {u"link text"_s, u"[%1](https://example.com)"_s},
        {u"emphasis"_s, u"*%1*"_s},
        {u"after an autolink"_s, u"www.example.com/%1"_s},
    };
    for (const QString &element : filteredElements) {
        const QString tags = u"<"_s + element + u" class=x>y</"_s + element + u">"_s;
        for (const auto &[construct, pattern] : constructs)
            QTest::addRow("%s in %s", qPrintable(element), qPrintable(construct)) << pattern.arg(tags) << element;
        QTest::addRow("%s upper case", qPrintable(element)) << u"a %1 b"_s.arg(tags.toUpper()) << element;
        QTest::addRow("%s unclosed", qPrintable(element)) << u"- <"_s + element + u">\n- x"_s << element;
    }
}

void TestMarkdown::toHtmlNeverEmitsFilteredTags()
{
    QFETCH(QString, markdown);
    QFETCH(QString, element);
    const QString html = inkwell::markdown::toHtml(markdown);
    const QRegularExpression tag(u"<\\s*/?\\s*"_s + element + u"\\b"_s, QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!tag.match(html).hasMatch(), qPrintable(html));
    const QString why = inkwell::test::html::unsafeHtmlReason(html);
    QVERIFY2(why.isEmpty(), qPrintable(why + u"\n  output: "_s + html));
}

void TestMarkdown::tablesThatWouldCostTooMuchReadAsText_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("cells"); // <td> and <th> expected; 0: rendered without tables

    const auto table = [](int columns, int rows, const QString &cell) -> QString {
        const auto row = [columns](const QString &text) -> QString {
            return u"|"_s + QString(text + u"|"_s).repeated(columns) + u"\n"_s;
        };
        return row(u"h"_s) + row(u"-"_s) + row(cell).repeated(rows);
    };
    // Real tables keep their cells, also large ones.
    QTest::newRow("3 x 2") << table(3, 2, u"a"_s) << 9;
    QTest::newRow("100 columns, 100 rows") << table(100, 100, u"a"_s) << 10100;
    QTest::newRow("10 columns, 5000 rows") << table(10, 5000, u"a b"_s) << 50010;
    QTest::newRow("table right after a long paragraph")
        << (QStringList(2000, u"Some words here"_s).join(u'\n') + u"\n"_s + table(2, 2, u"a"_s)) << 6;

    // Inputs whose tables would take seconds or all memory in this cmark-gfm; the table extension is left out.
    QTest::newRow("padding: 1000 columns, 1000 one-letter rows") << (table(1000, 0, {}) + u"x\n"_s.repeated(1000)) << 0;
    QTest::newRow("padding with CR line ends")
        << (table(1000, 0, {}).replace(u'\n', u'\r') + u"x\r"_s.repeated(1000)) << 0;
    QTest::newRow("padding in a block quote")
        << (u"> "_s + table(1000, 0, {}).replace(u"\n"_s, u"\n> "_s) + u"x\n"_s.repeated(1000)) << 0;
    QTest::newRow("16000 cells on one row of a narrow table") << (table(1, 1, u"a"_s) + u"|a"_s.repeated(16000)) << 0;
    QTest::newRow("alternating delimiter rows re-read the paragraph")
        << (u"a\n"_s + u"|-|\n|-|-|\n"_s.repeated(4000)) << 0;
}

void TestMarkdown::tablesThatWouldCostTooMuchReadAsText()
{
    QFETCH(QString, markdown);
    QFETCH(int, cells);
    const QString html = inkwell::markdown::toHtml(markdown);
    QCOMPARE(int(html.count(u"<td"_s) + html.count(u"<th>"_s)), cells);
    QCOMPARE(html.contains(u"<table>"_s), cells > 0);
    // Without tables the text comes out as written, escaped: never much longer than the input.
    if (cells == 0)
        QVERIFY2(html.size() < 2 * markdown.size() + 100, qPrintable(QString::number(html.size())));
    // Plain text goes the same way: the pipes are text then.
    QCOMPARE(inkwell::markdown::toPlainText(markdown).contains(u'|'), cells == 0);
}

// ---- toPlainText ---------------------------------------------------------------------------------------------------

void TestMarkdown::toPlainText_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("whitespace only") << u"  \n\t\n  "_s << u""_s;
    QTest::newRow("ideographic space only") << u"\u3000"_s << u""_s;
    QTest::newRow("plain") << u"Hello world"_s << u"Hello world"_s;
    QTest::newRow("trimmed") << u"   Hello   "_s << u"Hello"_s;
    QTest::newRow("heading and paragraph") << u"# Title\n\nBody *em* **strong**"_s << u"Title Body em strong"_s;
    QTest::newRow("heading without blank line") << u"# A\nB"_s << u"A B"_s;
    QTest::newRow("setext heading") << u"A\n===\n"_s << u"A"_s;
    QTest::newRow("link keeps text only") << u"[link text](http://example.com)"_s << u"link text"_s;
    QTest::newRow("autolink") << u"<https://qt.io>"_s << u"https://qt.io"_s;
    QTest::newRow("image keeps alt") << u"![alt text](img.png)"_s << u"alt text"_s;
    QTest::newRow("image in link") << u"[![logo](l.png)](http://x)"_s << u"logo"_s;
    QTest::newRow("code span") << u"`code` span"_s << u"code span"_s;
    QTest::newRow("code block") << u"```\nline1\nline2\n```"_s << u"line1 line2"_s;
    QTest::newRow("code block whitespace") << u"```\n\tint  x;\n```"_s << u"int x;"_s;
    QTest::newRow("lists") << u"- a\n- b\n\n1. c"_s << u"a b c"_s;
    QTest::newRow("blockquote") << u"> quote\n\npara"_s << u"quote para"_s;
    QTest::newRow("thematic break") << u"a\n\n***\n\nb"_s << u"a b"_s;
    QTest::newRow("soft break") << u"a\nb"_s << u"a b"_s;
    QTest::newRow("hard break spaces") << u"a  \nb"_s << u"a b"_s;
    QTest::newRow("hard break backslash") << u"a\\\nb"_s << u"a b"_s;
    QTest::newRow("many blank lines") << u"Hello\n\n\n\nWorld"_s << u"Hello World"_s;
    QTest::newRow("inline html dropped") << u"a<b>bold</b>c"_s << u"aboldc"_s;
    QTest::newRow("html comment dropped") << u"a <!-- hidden --> b"_s << u"a b"_s;
    QTest::newRow("html block dropped") << u"<div>\nhidden\n</div>\n\nshown"_s << u"shown"_s;
    QTest::newRow("script dropped") << u"<script>alert(1)</script>\n\ntext"_s << u"text"_s;
    QTest::newRow("entities decoded") << u"1 &lt; 2 &amp;&amp; 3 &gt; 2"_s << u"1 < 2 && 3 > 2"_s;
    QTest::newRow("backslash escapes") << u"\\*not em\\*"_s << u"*not em*"_s;
    QTest::newRow("accents") << u"H\u00E9llo *W\u00F6rld*"_s << u"H\u00E9llo W\u00F6rld"_s;
    QTest::newRow("CJK") << u"# \u65E5\u672C\u8A9E\n\n\u30C6\u30AD\u30B9\u30C8"_s
                         << u"\u65E5\u672C\u8A9E \u30C6\u30AD\u30B9\u30C8"_s;
    QTest::newRow("emoji") << u"**\U0001F389** party \U0001F600"_s << u"\U0001F389 party \U0001F600"_s;
    QTest::newRow("RTL") << u"\u05E9\u05DC\u05D5\u05DD *\u05E2\u05D5\u05DC\u05DD*"_s
                         << u"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD"_s;
    QTest::newRow("lone low surrogate becomes U+FFFD") << (u"a"_s + QChar(0xDC00) + u" b"_s) << u"a\uFFFD b"_s;
    QTest::newRow("no-break spaces collapse") << u"a\u00A0\u00A0b"_s << u"a b"_s;
    QTest::newRow("ideographic space collapses") << u"a\u3000b"_s << u"a b"_s;
    // GFM
    QTest::newRow("table cells separated") << u"|alpha|beta|\n|-|-|\n|gamma|delta|"_s << u"alpha beta gamma delta"_s;
    QTest::newRow("table between paragraphs") << u"before\n\n| a |\n|---|\n| b |\n\nafter"_s << u"before a b after"_s;
    QTest::newRow("table markup and links")
        << u"| *a* | [b](https://b.example) |\n|---|---|\n| `c` | ~~d~~ |"_s << u"a b c d"_s;
    QTest::newRow("table empty cells") << u"| a | |\n|---|---|\n| | d |"_s << u"a d"_s;
    QTest::newRow("table escaped pipe") << u"| a |\n|---|\n| b \\| c |"_s << u"a b | c"_s;
    QTest::newRow("strikethrough is text") << u"~~gone~~ kept"_s << u"gone kept"_s;
    QTest::newRow("task list checkboxes dropped") << u"- [ ] buy milk\n- [x] call mum"_s << u"buy milk call mum"_s;
    QTest::newRow("autolink keeps its text") << u"see www.example.com."_s << u"see www.example.com."_s;
}

void TestMarkdown::toPlainText()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(inkwell::markdown::toPlainText(markdown), expected);
}

// ---- wordCount -----------------------------------------------------------------------------------------------------

void TestMarkdown::wordCount_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("expected");

    QTest::newRow("empty") << u""_s << 0;
    QTest::newRow("whitespace only") << u" \n\t  \n"_s << 0;
    QTest::newRow("one") << u"one"_s << 1;
    QTest::newRow("several spaces") << u"one two   three"_s << 3;
    QTest::newRow("tabs and newlines") << u"one\ttwo\nthree\n\nfour"_s << 4;
    QTest::newRow("markdown") << u"# Heading\n\nSome *emphasised* text."_s << 4;
    QTest::newRow("list") << u"- a\n- b\n- c"_s << 3;
    QTest::newRow("punctuation only") << u"\u2014 \u2013 \u2026 !!! ?"_s << 0;
    QTest::newRow("detached punctuation") << u"Hello , world !"_s << 2;
    QTest::newRow("emoji are not words") << u"\U0001F389 party \U0001F600"_s << 1;
    QTest::newRow("emoji only") << u"\U0001F389\U0001F389"_s << 0;
    QTest::newRow("CJK run is one word") << u"\u65E5\u672C\u8A9E"_s << 1;
    QTest::newRow("CJK runs") << u"\u65E5\u672C\u8A9E \u30C6\u30AD\u30B9\u30C8"_s << 2;
    QTest::newRow("accents") << u"H\u00E9llo W\u00F6rld"_s << 2;
    QTest::newRow("RTL") << u"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD"_s << 2;
    QTest::newRow("link url not counted") << u"[link text](http://example.com/very/long/url)"_s << 2;
    QTest::newRow("image alt counted") << u"![an image](x.png)"_s << 2;
    QTest::newRow("code span") << u"`code span`"_s << 2;
    QTest::newRow("code block") << u"```\nint x = 1;\n```"_s << 3;
    QTest::newRow("raw html not counted") << u"<b>bold</b> text"_s << 2;
    QTest::newRow("html block not counted") << u"<div>\nhidden words here\n</div>\n\nshown"_s << 1;
    QTest::newRow("apostrophe") << u"don't stop"_s << 2;
    QTest::newRow("digits") << u"3 apples"_s << 2;
    QTest::newRow("date") << u"2024-01-01"_s << 1;
    QTest::newRow("no-break space separates") << u"a\u00A0b"_s << 2;
    QTest::newRow("230 words") << words(230) << 230;
    QTest::newRow("231 words") << words(231) << 231;
    // GFM
    QTest::newRow("table cells are words") << u"|alpha|beta|\n|-|-|\n|gamma|delta|"_s << 4;
    QTest::newRow("table with spaced cells") << u"| one two | three |\n|---|---|\n| four | five six |"_s << 6;
    QTest::newRow("table delimiter row not counted") << u"| a |\n|:---:|\n| b |"_s << 2;
    QTest::newRow("task list checkboxes are not words") << u"- [ ] one\n- [x] two\n- [X] three"_s << 3;
    QTest::newRow("strikethrough counted") << u"~~three words here~~"_s << 3;
    QTest::newRow("autolink is one word") << u"visit www.example.com today"_s << 3;
}

void TestMarkdown::wordCount()
{
    QFETCH(QString, markdown);
    QFETCH(int, expected);
    QCOMPARE(inkwell::markdown::wordCount(markdown), expected);
}

// ---- readingTimeMinutes --------------------------------------------------------------------------------------------

void TestMarkdown::readingTimeMinutes_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("expected");

    QTest::newRow("empty") << u""_s << 1;
    QTest::newRow("whitespace only") << u"   \n  "_s << 1;
    QTest::newRow("punctuation only") << u"!!! ??? \u2014"_s << 1;
    QTest::newRow("1 word") << words(1) << 1;
    QTest::newRow("229 words") << words(229) << 1;
    QTest::newRow("230 words") << words(230) << 1;
    QTest::newRow("231 words") << words(231) << 2;
    QTest::newRow("460 words") << words(460) << 2;
    QTest::newRow("461 words") << words(461) << 3;
    QTest::newRow("1000 words") << words(1000) << 5;
    QTest::newRow("231 words as a list") << (u"- "_s + QStringList(231, u"word"_s).join(u"\n- "_s)) << 2;
    QTest::newRow("link urls do not count") << chars(230, u"[w](http://a.example/b/c) ") << 1;
    QTest::newRow("231 words as a table")
        << (u"| word |\n|---|\n"_s + QStringList(230, u"| word |"_s).join(u'\n')) << 2;
    QTest::newRow("231 words as a task list") << (u"- [ ] "_s + QStringList(231, u"word"_s).join(u"\n- [x] "_s)) << 2;
}

void TestMarkdown::readingTimeMinutes()
{
    QFETCH(QString, markdown);
    QFETCH(int, expected);
    QCOMPARE(inkwell::markdown::readingTimeMinutes(markdown), expected);
}

// ---- excerpt -------------------------------------------------------------------------------------------------------

void TestMarkdown::excerpt_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");

    const QString fits160 = chars(31, u"abcd ") + u"abcde"_s; // 155 + 5 = 160

    QTest::newRow("empty") << u""_s << 160 << u""_s;
    QTest::newRow("whitespace only") << u" \n\t "_s << 160 << u""_s;
    QTest::newRow("short") << u"Short text."_s << 160 << u"Short text."_s;
    QTest::newRow("markdown stripped") << u"# Title\n\nSome **bold** text and a [link](http://example.com)."_s << 160
                                       << u"Title Some bold text and a link."_s;

    // 160 is the default: exactly 160 fits, 161 is cut at the last word that leaves room for the ellipsis.
    QTest::newRow("exactly 160") << fits160 << 160 << fits160;
    QTest::newRow("161 cut at word") << (fits160 + u"f"_s) << 160 << (chars(30, u"abcd ") + u"abcd\u2026"_s);
    QTest::newRow("161, space right after the budget")
        << (chars(32, u"abcd ") + u"x"_s) << 160 << (chars(31, u"abcd ") + u"abcd\u2026"_s);
    QTest::newRow("160 plain in 164 markdown") << (u"**"_s + fits160 + u"**"_s) << 160 << fits160;
    QTest::newRow("single word 160") << chars(160, u"x") << 160 << chars(160, u"x");
    QTest::newRow("single word 161 hard cut") << chars(161, u"x") << 160 << (chars(159, u"x") + ellipsis);

    // Small limits
    QTest::newRow("fits 13") << u"one two three"_s << 13 << u"one two three"_s;
    QTest::newRow("12") << u"one two three"_s << 12 << u"one two\u2026"_s;
    QTest::newRow("8, boundary at the budget") << u"one two three"_s << 8 << u"one two\u2026"_s;
    QTest::newRow("7") << u"one two three"_s << 7 << u"one\u2026"_s;
    QTest::newRow("1") << u"hello"_s << 1 << ellipsis;
    QTest::newRow("1, fits") << u"a"_s << 1 << u"a"_s;
    QTest::newRow("0") << u"hello"_s << 0 << u""_s;
    QTest::newRow("negative") << u"hello"_s << -5 << u""_s;
    QTest::newRow("long word hard cut") << u"Supercalifragilistic"_s << 10 << u"Supercali\u2026"_s;

    // Trailing punctuation and spaces go before the ellipsis.
    QTest::newRow("trailing comma") << u"Hello, world"_s << 8 << u"Hello\u2026"_s;
    QTest::newRow("trailing dots") << u"Wait... what?"_s << 10 << u"Wait\u2026"_s;
    QTest::newRow("punctuation only") << chars(10, u"!") << 5 << u"!!!!\u2026"_s;

    // Unicode
    QTest::newRow("accents") << u"Cr\u00E8me br\u00FBl\u00E9e \u00E9tait d\u00E9licieuse"_s << 20
                             << u"Cr\u00E8me br\u00FBl\u00E9e \u00E9tait\u2026"_s;
    QTest::newRow("CJK hard cut") << u"\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8\u3067\u3059"_s << 5
                                  << u"\u65E5\u672C\u8A9E\u306E\u2026"_s;
    QTest::newRow("RTL") << u"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD \u05D2\u05D3\u05D5\u05DC"_s << 10
                         << u"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\u2026"_s;
    QTest::newRow("surrogate pair not split") << u"abcdefgh\U0001F600\U0001F600"_s << 10 << u"abcdefgh\u2026"_s;
    QTest::newRow("surrogate pair kept whole")
        << u"abcdefgh\U0001F600\U0001F600"_s << 11 << u"abcdefgh\U0001F600\u2026"_s;
    QTest::newRow("emoji words") << u"\U0001F389 party time"_s << 9 << u"\U0001F389 party\u2026"_s;
    QTest::newRow("table") << u"| Name | Value |\n|---|---|\n| alpha | 1 |"_s << 160 << u"Name Value alpha 1"_s;
    QTest::newRow("table cut at a cell") << u"| Name | Value |\n|---|---|\n| alpha | 1 |"_s << 12
                                         << u"Name Value\u2026"_s;
    QTest::newRow("task list") << u"- [x] Write\n- [ ] Edit"_s << 160 << u"Write Edit"_s;
}

void TestMarkdown::excerpt()
{
    QFETCH(QString, markdown);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    const QString actual = inkwell::markdown::excerpt(markdown, maxChars);
    QCOMPARE(actual, expected);
    QVERIFY(actual.size() <= std::max(0, maxChars));
    QVERIFY(actual.isEmpty() || !actual.back().isHighSurrogate());
}

// ---- slugify -------------------------------------------------------------------------------------------------------

void TestMarkdown::slugify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QString>("expected");

    // Edges and fallbacks (hashes: `printf '%s' TEXT | sha1sum`, first 8 hex digits)
    QTest::newRow("empty") << u""_s << 80 << u"untitled"_s;
    QTest::newRow("whitespace only") << u"   \t\n"_s << 80 << u"untitled"_s;
    QTest::newRow("ideographic space only") << u"\u3000"_s << 80 << u"untitled"_s;
    QTest::newRow("punctuation only") << u"!!!"_s << 80 << u"untitled-9a7b006d"_s;
    QTest::newRow("hyphens only") << u"---"_s << 80 << u"untitled-58b63e27"_s;
    QTest::newRow("dots only") << u"..."_s << 80 << u"untitled-6eae3a5b"_s;
    QTest::newRow("CJK only") << u"\u65E5\u672C\u8A9E"_s << 80 << u"untitled-c12140a0"_s;
    QTest::newRow("RTL only") << u"\u05E9\u05DC\u05D5\u05DD"_s << 80 << u"untitled-9e4a90a0"_s;
    QTest::newRow("Cyrillic only") << u"\u041F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440"_s << 80
                                   << u"untitled-6b49ee5b"_s;
    QTest::newRow("emoji only") << u"\U0001F389\U0001F389"_s << 80 << u"untitled-bd2124da"_s;
    QTest::newRow("fallback obeys maxLength") << u"!!!"_s << 12 << u"untitled"_s;

    // ASCII
    QTest::newRow("simple") << u"Hello World"_s << 80 << u"hello-world"_s;
    QTest::newRow("upper case") << u"ALL CAPS"_s << 80 << u"all-caps"_s;
    QTest::newRow("punctuation runs") << u"C++ & Qt 6.4!"_s << 80 << u"c-qt-6-4"_s;
    QTest::newRow("leading and trailing hyphens") << u"--a--b--"_s << 80 << u"a-b"_s;
    QTest::newRow("underscores") << u"snake_case_name"_s << 80 << u"snake-case-name"_s;
    QTest::newRow("already a slug") << u"hello-world-42"_s << 80 << u"hello-world-42"_s;
    QTest::newRow("apostrophe") << u"Don't stop"_s << 80 << u"don-t-stop"_s;
    QTest::newRow("digits") << u"2024 Annual Report"_s << 80 << u"2024-annual-report"_s;
    QTest::newRow("tabs and newlines") << u"a\tb\nc"_s << 80 << u"a-b-c"_s;

    // Latin transliteration
    QTest::newRow("accents") << u"H\u00E9llo W\u00F6rld!"_s << 80 << u"hello-world"_s;
    QTest::newRow("sharp s") << u"Stra\u00DFe"_s << 80 << u"strasse"_s;
    QTest::newRow("capital sharp s") << u"GRO\u1E9EE"_s << 80 << u"grosse"_s;
    QTest::newRow("ae and o slash") << u"\u00C6r\u00F8sk\u00F8bing"_s << 80 << u"aeroskobing"_s;
    QTest::newRow("oe") << u"\u0152uvre compl\u00E8te"_s << 80 << u"oeuvre-complete"_s;
    QTest::newRow("thorn and eth") << u"\u00DE\u00F3rr \u00D3\u00F0inn"_s << 80 << u"thorr-odinn"_s;
    QTest::newRow("l stroke") << u"\u0141\u00F3d\u017A"_s << 80 << u"lodz"_s;
    QTest::newRow("d stroke") << u"\u0110or\u0111e"_s << 80 << u"dorde"_s;
    QTest::newRow("dotless and dotted i") << u"I\u0131\u0130i"_s << 80 << u"iiii"_s;
    QTest::newRow("French") << u"Cr\u00E8me br\u00FBl\u00E9e, na\u00EFve caf\u00E9"_s << 80
                            << u"creme-brulee-naive-cafe"_s;
    QTest::newRow("ring above") << u"\u00C5ngstr\u00F6m"_s << 80 << u"angstrom"_s;
    QTest::newRow("Polish") << u"Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144"_s << 80
                            << u"zazolc-gesla-jazn"_s;
    QTest::newRow("Czech") << u"P\u0159\u00EDli\u0161 \u017Elu\u0165ou\u010Dk\u00FD k\u016F\u0148"_s << 80
                           << u"prilis-zlutoucky-kun"_s;
    QTest::newRow("Vietnamese") << u"Ti\u1EBFng Vi\u1EC7t"_s << 80 << u"tieng-viet"_s;
    QTest::newRow("Turkish") << u"\u015Ei\u015Fli"_s << 80 << u"sisli"_s;
    QTest::newRow("decomposed input") << u"Cafe\u0301"_s << 80 << u"cafe"_s;
    QTest::newRow("Catalan middle dot") << u"col\u00B7lecci\u00F3"_s << 80 << u"col-leccio"_s;
    QTest::newRow("ligature") << u"\uFB01ne"_s << 80 << u"fine"_s;
    QTest::newRow("full width") << u"\uFF31\uFF54\uFF16"_s << 80 << u"qt6"_s;
    QTest::newRow("superscript") << u"E=mc\u00B2"_s << 80 << u"e-mc2"_s;

    // Other scripts and emoji become separators
    QTest::newRow("mixed CJK") << u"Hello \u65E5\u672C\u8A9E World"_s << 80 << u"hello-world"_s;
    QTest::newRow("mixed RTL") << u"\u0645\u0631\u062D\u0628\u0627 world"_s << 80 << u"world"_s;
    QTest::newRow("emoji with variation selector") << u"I \u2764\uFE0F Qt \U0001F389"_s << 80 << u"i-qt"_s;

    // Length
    QTest::newRow("exactly 80") << chars(80, u"a") << 80 << chars(80, u"a");
    QTest::newRow("81 without hyphen") << chars(81, u"a") << 80 << chars(80, u"a");
    QTest::newRow("80 with hyphen") << (chars(40, u"a") + u" "_s + chars(39, u"b")) << 80
                                    << (chars(40, u"a") + u"-"_s + chars(39, u"b"));
    QTest::newRow("81 with hyphen") << (chars(40, u"a") + u" "_s + chars(40, u"b")) << 80 << chars(40, u"a");
    QTest::newRow("hyphen right after the limit") << (chars(80, u"a") + u" b"_s) << 80 << chars(80, u"a");
    QTest::newRow("hyphen at the limit") << (chars(79, u"a") + u" bb"_s) << 80 << chars(79, u"a");
    QTest::newRow("many words") << words(20) << 80 << QStringList(16, u"word"_s).join(u'-');
    QTest::newRow("accents over the limit") << chars(81, u"\u00E9") << 80 << chars(80, u"e");
    QTest::newRow("sharp s over the limit") << chars(41, u"\u00DF") << 80 << chars(80, u"s");
    QTest::newRow("maxLength 11") << u"hello world foo"_s << 11 << u"hello-world"_s;
    QTest::newRow("maxLength 10") << u"hello world foo"_s << 10 << u"hello"_s;
    QTest::newRow("maxLength 3") << u"hello"_s << 3 << u"hel"_s;
    QTest::newRow("maxLength 0 means 1") << u"hello"_s << 0 << u"h"_s;
}

void TestMarkdown::slugify()
{
    QFETCH(QString, text);
    QFETCH(int, maxLength);
    QFETCH(QString, expected);
    const QString slug = inkwell::markdown::slugify(text, maxLength);
    QCOMPARE(slug, expected);

    static const QRegularExpression shape(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    QVERIFY2(shape.match(slug).hasMatch(), qPrintable(slug));
    QVERIFY(slug.size() <= std::max(1, maxLength));
}

void TestMarkdown::slugifyIsIdempotentAndStable_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("ascii") << u"Hello World"_s;
    QTest::newRow("accents") << u"H\u00E9llo W\u00F6rld!"_s;
    QTest::newRow("sharp s") << u"Stra\u00DFe"_s;
    QTest::newRow("punctuation") << u"  --C++ & Qt!!--  "_s;
    QTest::newRow("CJK fallback") << u"\u65E5\u672C\u8A9E"_s;
    QTest::newRow("emoji fallback") << u"\U0001F389"_s;
    QTest::newRow("long") << words(40);
    QTest::newRow("long without hyphen") << chars(200, u"x");
    QTest::newRow("long accents") << chars(100, u"\u00E6 ");
}

void TestMarkdown::slugifyIsIdempotentAndStable()
{
    QFETCH(QString, text);
    const QString once = inkwell::markdown::slugify(text);
    QCOMPARE(inkwell::markdown::slugify(text), once);
    QCOMPARE(inkwell::markdown::slugify(once), once);
}

QTEST_GUILESS_MAIN(TestMarkdown)
#include "tst_markdown.moc"
