#include "MappedLog.h"

namespace relaydesk {

using namespace Qt::StringLiterals;

void MappedLog::reset()
{
    if (m_file.isOpen())
        m_file.close(); // unmaps
    m_buffer.clear();
    m_data = nullptr;
    m_size = 0;
}

bool MappedLog::open(const QString &path, QString *error)
{
    reset();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: cannot open: %2"_s.arg(path, m_file.errorString());
        return false;
    }
    const qint64 size = m_file.size();
    if (size == 0)
        return true;
    uchar *mapped = m_file.map(0, size);
    if (!mapped) {
        if (error)
            *error = u"%1: cannot map: %2"_s.arg(path, m_file.errorString());
        m_file.close();
        return false;
    }
    m_data = reinterpret_cast<const char *>(mapped);
    m_size = size;
    return true;
}

void MappedLog::setBytes(const QByteArray &bytes)
{
    reset();
    m_buffer = bytes;
    m_data = m_buffer.constData();
    m_size = m_buffer.size();
}

} // namespace relaydesk
