// The fake AI upstream of the tests (tests/support/fakeupstream.h) as a program, for
// bench/run-ai-bench.sh: every request gets the same scripted streamed answer.
//
//   bench_fake_upstream --provider openai|gemini --chunks N --delay-ms D
//
// Prints "listening on PORT" once it accepts connections; runs until killed.
#include "fakeupstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;
using inkwell::test::FakeUpstream;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption provider(u"provider"_s, u"openai or gemini"_s, u"name"_s, u"openai"_s);
    const QCommandLineOption chunks(u"chunks"_s, u"text chunks per answer"_s, u"n"_s, u"20"_s);
    const QCommandLineOption delay(u"delay-ms"_s, u"pause before each chunk"_s, u"ms"_s, u"0"_s);
    parser.addOptions({provider, chunks, delay});
    parser.addHelpOption();
    parser.process(app);

    QStringList pieces;
    for (int i = 0; i < parser.value(chunks).toInt(); ++i)
        pieces << u"word%1 "_s.arg(i);
    FakeUpstream fake;
    const int delayMs = parser.value(delay).toInt();
    fake.setFallback(parser.value(provider) == u"gemini"_s ? FakeUpstream::geminiText(pieces, delayMs)
                                                           : FakeUpstream::openaiText(pieces, delayMs, true));
    std::printf("listening on %d\n", int(fake.port()));
    std::fflush(stdout);
    return app.exec();
}
