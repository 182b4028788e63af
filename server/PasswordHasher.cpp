#include "server/PasswordHasher.h"

#include "server/Secrets.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QStringList>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations,
                                              kHashBytes);
}
} // namespace

PasswordHasher::PasswordHasher(int iterations) : m_iterations(iterations) {}

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray salt = Secrets::randomBytes(kSaltBytes);
    const QByteArray key = derive(password, salt, m_iterations);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(m_iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool PasswordHasher::verify(const QString &password, const QString &stored) const
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != "pbkdf2-sha256"_L1)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !expected || expected.decoded.isEmpty())
        return false;
    const QByteArray actual = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(),
                                                                 salt.decoded, iterations,
                                                                 quint64(expected.decoded.size()));
    return Secrets::constantTimeEquals(actual, expected.decoded);
}

void PasswordHasher::burn(const QString &password) const
{
    (void)derive(password, QByteArray(kSaltBytes, '\0'), m_iterations);
}

} // namespace relaydesk::server
