#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace relaydesk {

// The read-only bytes of one device log: a file mapped with QFile::map (nothing is copied; pages load on
// demand), or an in-memory QByteArray (a log from the cache or a decoded payload). The bytes stay valid and
// unchanged until the object is destroyed or reopened. Not thread-affine: bytes() may be read from any
// thread.
class MappedLog final
{
public:
    MappedLog() = default;
    Q_DISABLE_COPY_MOVE(MappedLog)

    // Maps the file read-only. On failure returns false, sets error (naming the file) and holds no bytes.
    // An empty file opens fine and holds no bytes.
    bool open(const QString &path, QString *error = nullptr);
    // Holds bytes (shared, not copied) instead of a file.
    void setBytes(const QByteArray &bytes);

    QByteArrayView bytes() const { return {m_data, m_size}; }
    qint64 size() const { return m_size; }
    QString path() const { return m_file.fileName(); }

private:
    void reset();

    QFile m_file;
    QByteArray m_buffer;
    const char *m_data = nullptr;
    qint64 m_size = 0;
};

} // namespace relaydesk
