#include "CredentialStore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace relaydesk::models {

namespace {

const QString kService = QStringLiteral("org.relaydesk.Relaydesk");
constexpr int kProbeTimeoutMs = 5000; // a keyring that does not answer in that time is as good as none

CredentialStore::Result fromJob(const QKeychain::Job &job)
{
    CredentialStore::Result r;
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = CredentialStore::Status::Found;
        break;
    case QKeychain::EntryNotFound:
        r.status = CredentialStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = CredentialStore::Status::Unavailable;
        break;
    default:
        r.status = CredentialStore::Status::Failed;
        break;
    }
    if (job.error() != QKeychain::NoError)
        r.error = job.errorString();
    return r;
}

template <typename JobT> JobT *makeJob(QObject *parent)
{
    auto *job = new JobT(kService, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the fallback is a plain-text QSettings file: never
    return job;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject *parent) : CredentialStore(parent) {}

void KeychainCredentialStore::probe(QObject *context, std::function<void(bool, const QString &)> done)
{
    if (m_probe == Probe::Available || m_probe == Probe::Unavailable) {
        QTimer::singleShot(0, context, [this, done] { done(m_probe == Probe::Available, m_why); });
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_probe == Probe::Running)
        return;
    m_probe = Probe::Running;
    const auto settle = [this](bool available, const QString &why) {
        if (m_probe != Probe::Running)
            return;
        m_probe = available ? Probe::Available : Probe::Unavailable;
        m_why = why;
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &[ctx, cb] : waiting)
            if (ctx)
                cb(available, why);
    };
    // Reading an entry that is not there: "not found" means a keyring answered.
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this);
    job->setKey(QStringLiteral("probe"));
    connect(job, &QKeychain::Job::finished, this, [settle](QKeychain::Job *j) {
        const Result r = fromJob(*j);
        settle(r.status == Status::Found || r.status == Status::NotFound, r.error);
    });
    QTimer::singleShot(kProbeTimeoutMs, this,
                       [settle] { settle(false, QStringLiteral("the keyring did not answer")); });
    job->start();
}

void KeychainCredentialStore::read(const QUrl &server, const QString &user, QObject *context, Done done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this);
    job->setKey(keyFor(server, user));
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        Result r = fromJob(*j);
        if (r.status == Status::Found)
            r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
        done(r);
    });
    job->start();
}

void KeychainCredentialStore::write(const QUrl &server, const QString &user, const QString &secret,
                                    QObject *context, Done done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this);
    job->setKey(keyFor(server, user));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context,
            [done = std::move(done)](QKeychain::Job *j) { done(fromJob(*j)); });
    job->start();
}

void KeychainCredentialStore::remove(const QUrl &server, const QString &user, QObject *context, Done done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this);
    job->setKey(keyFor(server, user));
    connect(job, &QKeychain::Job::finished, context,
            [done = std::move(done)](QKeychain::Job *j) { done(fromJob(*j)); });
    job->start();
}

void MemoryCredentialStore::later(QObject *context, Done done, Result result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

void MemoryCredentialStore::probe(QObject *context, std::function<void(bool, const QString &)> done)
{
    QTimer::singleShot(0, context, [this, done = std::move(done)] {
        done(m_available, m_available ? QString() : QStringLiteral("no keyring in this test"));
    });
}

void MemoryCredentialStore::read(const QUrl &server, const QString &user, QObject *context, Done done)
{
    Result r;
    if (!m_available) {
        r.status = Status::Unavailable;
    } else if (const auto it = m_secrets.constFind(keyFor(server, user)); it != m_secrets.cend()) {
        r.status = Status::Found;
        r.secret = *it;
    }
    later(context, std::move(done), r);
}

void MemoryCredentialStore::write(const QUrl &server, const QString &user, const QString &secret,
                                  QObject *context, Done done)
{
    Result r;
    r.status = m_available ? Status::Found : Status::Unavailable;
    if (m_available)
        m_secrets.insert(keyFor(server, user), secret);
    later(context, std::move(done), r);
}

void MemoryCredentialStore::remove(const QUrl &server, const QString &user, QObject *context, Done done)
{
    Result r;
    r.status = !m_available ? Status::Unavailable
                            : (m_secrets.remove(keyFor(server, user)) ? Status::Found : Status::NotFound);
    later(context, std::move(done), r);
}

} // namespace relaydesk::models
