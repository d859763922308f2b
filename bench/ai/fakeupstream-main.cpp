// The fake AI upstream of the tests (tests/support/fakeupstream.h) as a program, for
// bench/run-ai-bench.sh: every request gets the same scripted streamed answer.
//
//   bench_fake_upstream --provider openai|gemini --chunks N --delay-ms D [--tls]
//
// Prints "listening on PORT" once it accepts connections (with --tls first "certificate FILE", the
// self-signed certificate a client must trust); runs until killed.
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
    const QCommandLineOption tls(u"tls"_s, u"HTTPS with a self-signed certificate made by openssl"_s);
    parser.addOptions({provider, chunks, delay, tls});
    parser.addHelpOption();
    parser.process(app);

    QStringList pieces;
    for (int i = 0; i < parser.value(chunks).toInt(); ++i)
        pieces << u"word%1 "_s.arg(i);
    FakeUpstream fake(parser.isSet(tls) ? FakeUpstream::Transport::Tls : FakeUpstream::Transport::Plain);
    if (!fake.error().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(fake.error()));
        return 1;
    }
    if (parser.isSet(tls))
        std::printf("certificate %s\n", qPrintable(fake.certificateFile()));
    const int delayMs = parser.value(delay).toInt();
    fake.setFallback(parser.value(provider) == u"gemini"_s ? FakeUpstream::geminiText(pieces, delayMs)
                                                           : FakeUpstream::openaiText(pieces, delayMs, true));
    std::printf("listening on %d\n", int(fake.port()));
    std::fflush(stdout);
    return app.exec();
}
