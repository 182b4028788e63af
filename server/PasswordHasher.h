#pragma once

#include <QString>

namespace relaydesk::server {

// Salted, slow password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
// `pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64`. Verification compares in constant time.
class PasswordHasher final
{
public:
    static constexpr int kDefaultIterations = 120000;

    explicit PasswordHasher(int iterations = kDefaultIterations);

    QString hash(const QString &password) const;
    bool verify(const QString &password, const QString &stored) const;
    // Spends the same work as a verification, for unknown users (no timing hint that a name exists).
    void burn(const QString &password) const;

private:
    int m_iterations;
};

} // namespace relaydesk::server
