#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <string>
#include <vector>

// A closed-loop HTTP/1.1 load generator for the service benchmarks: `connections` kept-alive connections on one
// thread (Boost.Beast), each sending its next request as soon as the previous answer is read, until `total`
// requests are answered or `seconds` have passed. Latency is per request, from write to the end of the answer.
namespace relaydesk::bench {

struct LoadResult
{
    qint64 requests = 0;   // answered
    qint64 failures = 0;   // transport errors and statuses outside 2xx
    double seconds = 0;
    std::vector<double> latenciesMs;
    double rps() const { return seconds > 0 ? double(requests) / seconds : 0; }
    double percentile(double p) const; // p in [0, 100]
    QString summary() const;
};

struct LoadOptions
{
    quint16 port = 0;
    int connections = 50;
    double seconds = 10;  // stop after this long...
    qint64 total = -1;    // ...or after this many requests (-1: no count)
};

// `request(i)`: the full request text for the i-th request sent (0, 1, 2, ... across all connections).
LoadResult runLoad(const LoadOptions &options, const std::function<std::string(qint64)> &request);

// Request texts for runLoad.
std::string postRequest(const std::string &path, const std::string &auth, const std::string &body);
std::string getRequest(const std::string &path, const std::string &auth = {});

// Runs `exe args` (a relaydesk-server administration command) with `input` on stdin; its exit code (-1 when it
// crashed or did not start), its trimmed standard output in *output.
int runAdmin(const QString &exe, const QStringList &args, const QByteArray &input, QByteArray *output);

} // namespace relaydesk::bench
