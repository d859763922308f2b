#include "formquery.h"

#include "domain/listquery.h"

using namespace Qt::StringLiterals;

namespace inkwell::server {

QUrlQuery formQuery(const QHttpServerRequest &request)
{
    // QUrlQuery follows RFC 3986 and never reads '+' as a space (its documentation, "Handling of spaces
    // and plus"). In the fully encoded query a '+' can only be one the client wrote as is (a plus sign
    // in the text arrives as %2B), so it becomes %20 before QUrlQuery splits and decodes the items.
    QString query = request.url().query(QUrl::FullyEncoded);
    query.replace(u'+', u"%20"_s);
    return QUrlQuery(query);
}

} // namespace inkwell::server
