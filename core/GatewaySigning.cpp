#include "core/GatewaySigning.h"

#include <QMessageAuthenticationCode>

namespace relaydesk {

QByteArray gatewaySignature(const QByteArray &secret, qint64 timestamp, const QByteArray &method,
                            const QByteArray &path, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestamp));
    mac.addData("\n", 1);
    mac.addData(method);
    mac.addData("\n", 1);
    mac.addData(path);
    mac.addData("\n", 1);
    mac.addData(body);
    return QByteArrayLiteral("v1=") + mac.result().toHex();
}

bool gatewaySignatureMatches(const QByteArray &secret, qint64 timestamp, const QByteArray &method,
                             const QByteArray &path, const QByteArray &body, const QByteArray &signature)
{
    const QByteArray expected = gatewaySignature(secret, timestamp, method, path, body);
    if (signature.size() != expected.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected.at(i) ^ signature.at(i));
    return diff == 0;
}

} // namespace relaydesk
