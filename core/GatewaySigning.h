#pragma once

#include <QByteArray>

// Request signing for the IM gateway protocol (docs/gateway.md), shared by the service's connector and the
// simulator's gateway: HMAC-SHA256 over TIMESTAMP "\n" METHOD "\n" PATH "\n" BODY with the shared secret.
namespace relaydesk {

// Header names and the allowed clock difference between signer and verifier.
inline constexpr char kGatewayTimestampHeader[] = "X-Relaydesk-Timestamp";
inline constexpr char kGatewaySignatureHeader[] = "X-Relaydesk-Signature";
inline constexpr char kGatewayIdempotencyHeader[] = "Idempotency-Key";
inline constexpr qint64 kGatewayMaxSkewSeconds = 300;

// The full X-Relaydesk-Signature value: "v1=" + lowercase hex HMAC-SHA256. `timestamp` is Unix seconds,
// `method` e.g. "POST", `path` the request path exactly as sent (percent-encoded, no query string), `body`
// the raw request body bytes.
QByteArray gatewaySignature(const QByteArray &secret, qint64 timestamp, const QByteArray &method,
                            const QByteArray &path, const QByteArray &body);

// Constant-time check of a received X-Relaydesk-Signature value against the expected one.
bool gatewaySignatureMatches(const QByteArray &secret, qint64 timestamp, const QByteArray &method,
                             const QByteArray &path, const QByteArray &body, const QByteArray &signature);

} // namespace relaydesk
