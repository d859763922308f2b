#pragma once

#include "events/eventhandlers.h"

namespace inkwell::server {

/// @brief The notifications module's outbox handlers:
/// - `user.created` `{user_id, full_name}` → a welcome notification to that user;
/// - `article.published` `{article_id, author_id, author_name, title, slug}` → one notification to each
///   active follower of the author, once per article (publishing it again notifies nobody twice).
void addNotificationHandlers(EventHandlers &handlers);
/// @brief Those handlers alone (for a worker that runs only them).
EventHandlers notificationEventHandlers();

} // namespace inkwell::server
