#include "RawHttp.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

QByteArray RawResponse::errorCode() const
{
    return QJsonDocument::fromJson(body).object().value("error"_L1).toObject().value("code"_L1).toString().toUtf8();
}

RawSocket::~RawSocket()
{
    close();
}

RawSocket::RawSocket(RawSocket &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_buffer(std::move(other.m_buffer)), m_eof(other.m_eof),
      m_socketBuffers(other.m_socketBuffers)
{
}

bool RawSocket::connectTo(quint16 port, const char *source)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    if (m_socketBuffers > 0) {
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, &m_socketBuffers, sizeof m_socketBuffers);
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &m_socketBuffers, sizeof m_socketBuffers);
    }
    if (source) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &local.sin_addr);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
            close();
            return false;
        }
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        close();
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return true;
}

bool RawSocket::send(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (m_fd >= 0 && sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        sent += n;
    }
    return m_fd >= 0;
}

qsizetype RawSocket::sendWithin(const QByteArray &bytes, int timeoutMs)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    qsizetype sent = 0;
    while (m_fd >= 0 && sent < bytes.size()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{m_fd, POLLOUT, 0};
        const int ready = ::poll(&p, 1, int(qMax<qint64>(0, left)));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return sent; // no room within the time: the peer is not reading
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return -1;
        }
        sent += n;
    }
    return m_fd >= 0 ? sent : -1;
}

bool RawSocket::fill(int timeoutMs)
{
    if (m_fd < 0 || m_eof)
        return false;
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeoutMs);
    if (ready <= 0)
        return false;
    char chunk[65536];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_buffer.append(chunk, n);
    return true;
}

RawResponse RawSocket::readResponse(int timeoutMs, bool headRequest)
{
    RawResponse response;
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(timeoutMs))
            return response;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/1."))
        return response;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const int status = statusLine.at(1).toInt();
    if (status == 100) { // an interim answer: the real one follows
        RawResponse interim;
        interim.status = 100;
        return interim;
    }
    const qint64 length = headRequest ? 0 : response.headers.value("content-length", "0").toLongLong();
    while (m_buffer.size() < length) {
        if (!fill(timeoutMs))
            return response;
    }
    response.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    response.status = status;
    return response;
}

bool RawSocket::closedByPeer(int timeoutMs)
{
    while (!m_eof) {
        const qsizetype before = m_buffer.size();
        if (!fill(timeoutMs))
            return m_eof;
        if (m_buffer.size() != before)
            return false; // it sent more instead
    }
    return true;
}

void RawSocket::abort()
{
    if (m_fd < 0)
        return;
    const linger reset{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    close();
}

void RawSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_buffer.clear();
    m_eof = false;
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

// The binary under test; RELAYDESK_SERVER_EXE in the environment points the suite at another build (an older
// one, to see these tests fail there).
static QString serverExe()
{
    const QString fromEnv = qEnvironmentVariable("RELAYDESK_SERVER_EXE");
    return fromEnv.isEmpty() ? QStringLiteral(RELAYDESK_SERVER_EXE) : fromEnv;
}

int ServerProcess::admin(const QStringList &args, const QByteArray &input, QByteArray *out)
{
    QProcess process;
    process.start(serverExe(), args);
    if (!process.waitForStarted(30000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool ServerProcess::start(const QStringList &extraArgs, QString *error)
{
    const QString db = dbPath();
    QByteArray key;
    if (admin({u"--db"_s, db, u"add-client-key"_s, u"hostile-test"_s}, {}, &key) != 0) {
        *error = u"add-client-key failed"_s;
        return false;
    }
    m_clientKey = QString::fromLatin1(key.trimmed());
    if (admin({u"--db"_s, db, u"add-user"_s, kUser, u"--role"_s, u"agent"_s}, kPassword.toUtf8() + '\n', nullptr) != 0) {
        *error = u"add-user failed"_s;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    if (m_logToFile)
        m_process->setStandardErrorFile(logPath());
    m_process->start(serverExe(),
                     QStringList{u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s} + extraArgs);
    if (!m_process->waitForStarted(30000)) {
        *error = u"relaydesk-server did not start"_s;
        return false;
    }
    QByteArray line;
    while (line.isEmpty() && m_process->state() != QProcess::NotRunning) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(30000))
            line = m_process->readLine();
        else
            break;
    }
    const auto match =
        QRegularExpression(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\\s*$"_s).match(QString::fromUtf8(line));
    if (!match.hasMatch()) {
        *error = u"no \"listening on\" line: %1 %2"_s.arg(QString::fromUtf8(line),
                                                            QString::fromUtf8(m_process->readAllStandardError()));
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    return true;
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    m_process->waitForFinished(30000);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::exitDescription(int waitMs)
{
    if (!m_process)
        return u"never started"_s;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(waitMs))
        return u"still running"_s;
    if (m_process->exitStatus() == QProcess::CrashExit) // QProcess reports the signal as the exit code
        return u"killed by signal %1 (%2)"_s.arg(m_process->exitCode())
            .arg(QString::fromLatin1(sigabbrev_np(m_process->exitCode()) ? sigabbrev_np(m_process->exitCode()) : "?"));
    return u"exited with code %1"_s.arg(m_process->exitCode());
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

static qint64 statusField(qint64 pid, const char *name)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(qsizetype(qstrlen(name))).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

qint64 ServerProcess::rssKiB() const
{
    return statusField(pid(), "VmRSS:");
}

qint64 ServerProcess::peakRssKiB() const
{
    return statusField(pid(), "VmHWM:");
}

QByteArray httpGet(const QByteArray &path, const QByteArray &extraHeaders)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}
