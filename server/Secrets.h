#pragma once

#include <QByteArray>
#include <QString>

namespace relaydesk::server {

// Bearer secrets (session tokens, client keys): 32 bytes from the system CSPRNG, base64url without
// padding. Only their SHA-256 hashes are stored.
class Secrets final
{
public:
    static QByteArray randomBytes(int count);
    static QString generate();                        // a new secret
    static QString hash(const QString &secret);       // lowercase hex SHA-256
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace relaydesk::server
