#include "ai/provider.h"

#include "ai/geminiprovider.h"
#include "ai/openaiprovider.h"
#include "config/config.h"
#include "http/listener.h"

#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

// Queued signal delivery (a stream observed from another thread) needs the types registered.
const bool kRegistered = [] {
    qRegisterMetaType<Usage>();
    qRegisterMetaType<ProviderError>();
    return true;
}();

} // namespace

std::shared_ptr<const Provider> makeProvider(const Config &config)
{
    Q_UNUSED(kRegistered);
    ProviderSettings settings;
    settings.model = config.aiModel;
    settings.apiKey = config.aiApiKey;
    QString base = config.aiBaseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    settings.baseUrl = QUrl(base);
    settings.timeoutS = std::max(1, config.aiTimeoutS);
    settings.keepAliveS = std::max(0, config.aiKeepAliveS);
    // loadConfig() checked the file at start; read here, once, for every call.
    if (!config.aiCaFile.isEmpty())
        settings.caCertificates = QSslCertificate::fromPath(config.aiCaFile, QSsl::Pem);
    if (config.aiProvider == u"gemini"_s)
        return std::make_shared<GeminiProvider>(std::move(settings));
    if (config.aiProvider == u"openai"_s)
        return std::make_shared<OpenAiProvider>(std::move(settings));
    return nullptr;
}

std::shared_ptr<const Provider> configuredProvider(const ServiceContext &context)
{
    // Held in a box: `none` is a null provider, made once like any other.
    struct Configured {
        std::shared_ptr<const Provider> provider;
    };
    return context.shared.get<Configured>([&] { return std::make_shared<Configured>(makeProvider(context.config)); })
        ->provider;
}

} // namespace inkwell::server::ai
