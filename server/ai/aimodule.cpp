#include "ai/aimodule.h"

#include "ai/aihealthroutes.h"
#include "ai/assistroutes.h"
#include "ai/chatroutes.h"
#include "ai/conversationstore.h"
#include "ai/provider.h"
#include "ai/statsroutes.h"
#include "config/config.h"

using namespace Qt::StringLiterals;

namespace inkwell::server::ai {

namespace {

void atStart(const ServiceContext &context)
{
    if (configuredProvider(context)) {
        qInfo("AI provider %s, model %s, upstream %s", qPrintable(context.config.aiProvider),
              qPrintable(context.config.aiModel), qPrintable(redactUrl(context.config.aiBaseUrl)));
    }
    // Answers whose server died mid-generation: their rows already say 'failed' (0005_ai.sql).
    ThreadDatabase db(context.database, u"inkwell-ai-recovery"_s);
    if (auto recovered = ConversationStore::recoverAtStart(db); !recovered)
        qWarning("could not recover interrupted AI answers: %s", qPrintable(recovered.error()));
    else if (*recovered > 0)
        qInfo("%d interrupted AI answer(s) kept as failed", *recovered);
}

} // namespace

Module aiModule()
{
    return {u"ai"_s, {chatRoutes(), assistRoutes(), statsRoutes(), healthRoutes()}, {kAiCancelChannel}, {}, atStart};
}

} // namespace inkwell::server::ai
