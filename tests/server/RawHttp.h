#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Byte-level HTTP for the hostile-client tests: blocking POSIX sockets (the server under test is another
// process, so nothing here needs an event loop), requests written exactly as given, answers parsed
// strictly enough to tell one from the next on a kept-alive connection.
struct RawResponse
{
    int status = 0;                        // 0: no answer (closed, reset, timed out)
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;
    QByteArray errorCode() const;          // error.code of a JSON error body
};

class RawSocket final
{
public:
    RawSocket() = default;
    ~RawSocket();
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;
    RawSocket(RawSocket &&other) noexcept;

    // Connects to 127.0.0.1:port, from `source` (another loopback address counts as another client).
    bool connectTo(quint16 port, const char *source = nullptr);
    // Before connectTo(): small kernel send and receive buffers (SO_SNDBUF, SO_RCVBUF) for the connections it
    // makes, so that a peer that stops reading, or a client that does not read, shows within a few KiB.
    void setSocketBuffers(int bytes) { m_socketBuffers = bytes; }
    bool send(const QByteArray &bytes);
    // Sends what the peer takes within timeoutMs (it may stop reading: back-pressure) and returns how many
    // bytes that was, or -1 when the connection failed (closed, reset) before all were sent.
    qsizetype sendWithin(const QByteArray &bytes, int timeoutMs);
    // Reads one response; waits at most timeoutMs for each chunk. `headRequest`: the answer to a HEAD, whose
    // Content-Length describes a body that is not sent.
    RawResponse readResponse(int timeoutMs = 60000, bool headRequest = false);
    // True when the peer has closed (EOF or reset) within timeoutMs, having sent nothing more.
    bool closedByPeer(int timeoutMs = 10000);
    void abort(); // close with a reset (SO_LINGER 0), as a phone losing its network does
    void close();
    bool isOpen() const { return m_fd >= 0; }

private:
    bool fill(int timeoutMs); // reads more into m_buffer; false on EOF/error/timeout
    int m_fd = -1;
    QByteArray m_buffer;
    bool m_eof = false;
    int m_socketBuffers = 0; // 0: the system's
};

// A real relaydesk-server process on 127.0.0.1 with a fresh database, a client key and one user per role.
class ServerProcess final
{
public:
    ~ServerProcess();
    bool start(const QStringList &extraArgs, QString *error);
    // Before start(): the server's stderr (a line per stored report, among others) goes to logPath() instead
    // of a pipe, so a test that runs long without reading it does not block the server on a full pipe.
    void logToFile() { m_logToFile = true; }
    QString logPath() const { return m_dir.filePath(QStringLiteral("server.log")); }
    void stop(); // SIGTERM, wait
    bool isRunning() const;
    // How it ended ("killed by signal 11 (SEGV)", "exited with code 2") or "still running"; waits up to
    // waitMs for the exit to be known.
    QString exitDescription(int waitMs = 2000);
    quint16 port() const { return m_port; }
    qint64 pid() const;
    QString clientKey() const { return m_clientKey; }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("server.db")); }
    QProcess &process() { return *m_process; }
    // From /proc/PID/status: resident now and at its peak, in KiB.
    qint64 rssKiB() const;
    qint64 peakRssKiB() const;

    static inline const QString kUser = QStringLiteral("agent1");
    static inline const QString kPassword = QStringLiteral("a long enough password");

private:
    static int admin(const QStringList &args, const QByteArray &input, QByteArray *out);
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_clientKey;
    bool m_logToFile = false;
};

QByteArray httpGet(const QByteArray &path, const QByteArray &extraHeaders = {});
