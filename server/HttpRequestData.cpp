#include "server/HttpRequestData.h"

namespace relaydesk::server {

HttpRequestData HttpRequestData::from(const HttpRequest &request)
{
    HttpRequestData data;
    data.method = request.method();
    data.url = request.url();
    data.peer = request.peer();
    data.query = request.query();
    const auto headers = request.headers();
    for (const auto &[name, value] : headers) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            data.authorization = value.trimmed();
        else if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            data.contentType = value.trimmed();
        else if (name.compare("range", Qt::CaseInsensitive) == 0)
            data.range = value.trimmed();
        else if (name.compare("idempotency-key", Qt::CaseInsensitive) == 0)
            data.idempotencyKey = value.trimmed();
    }
    data.body = request.body();
    data.gone = request.goneFlag();
    return data;
}

QString HttpRequestData::bearer() const
{
    static constexpr QByteArrayView kScheme = "bearer ";
    if (authorization.size() <= kScheme.size()
        || QByteArrayView(authorization).first(kScheme.size()).compare(kScheme, Qt::CaseInsensitive) != 0)
        return {};
    return QString::fromLatin1(authorization.mid(kScheme.size()).trimmed());
}

} // namespace relaydesk::server
