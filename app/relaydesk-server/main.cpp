// relaydesk-server: parses options, builds the service, runs it (or runs one administration command).
#include "core/Enums.h"
#include "server/Service.h"
#include "core/CrashReport.h"
#include "core/ShutdownSignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <malloc.h>
#include <QList>

using namespace Qt::StringLiterals;
using relaydesk::server::Service;
using relaydesk::server::ServiceOptions;
using relaydesk::server::HttpLimits;

namespace {

// A --flag that sets one of the HTTP limits.
struct LimitOption
{
    QCommandLineOption option;
    qint64 min;
    qint64 max;
    void (*apply)(HttpLimits &limits, qint64 value);
};

int fail(const QString &message)
{
    QTextStream(stderr) << "relaydesk-server: " << message << '\n';
    return 2;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *error = u"--listen expects HOST:PORT, e.g. 127.0.0.1:8080 (got \"%1\")"_s.arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == "localhost"_L1)
        host = u"127.0.0.1"_s;
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535) {
        *error = u"invalid port in --listen \"%1\" (0-65535; 0 picks a free port)"_s.arg(text);
        return false;
    }
    if (!address->setAddress(host)) {
        *error = u"invalid address in --listen \"%1\" (use an IP address)"_s.arg(text);
        return false;
    }
    *port = quint16(value);
    return true;
}

bool readFile(const QString &path, const QString &what, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 %2: %3"_s.arg(what, path, file.errorString());
        return false;
    }
    *out = file.readAll();
    return true;
}

// --rules, --policy, --gateway and --gateway-secret-file (docs/operations.md, "Triage and tier 1").
bool readTriageOptions(const QCommandLineParser &parser, const QCommandLineOption &rules,
                       const QCommandLineOption &policy, const QCommandLineOption &gateway,
                       const QCommandLineOption &secretFile, ServiceOptions *options, QString *error)
{
    if (parser.isSet(rules) && !readFile(parser.value(rules), u"rules file"_s, &options->rulesJson, error))
        return false;
    if (parser.isSet(policy)) {
        QByteArray json;
        if (!readFile(parser.value(policy), u"policy file"_s, &json, error))
            return false;
        auto parsed = relaydesk::server::Tier1Config::parse(json);
        if (!parsed.ok()) {
            *error = u"invalid policy file %1: %2"_s.arg(parser.value(policy), parsed.error().toString());
            return false;
        }
        options->tier1 = std::move(parsed).value();
    }
    if (parser.isSet(gateway) != parser.isSet(secretFile)) {
        *error = u"--gateway and --gateway-secret-file go together"_s;
        return false;
    }
    if (!parser.isSet(gateway))
        return true;
    const QUrl url(parser.value(gateway), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty()) {
        *error = u"--gateway expects an http(s) URL, e.g. http://127.0.0.1:9090 (got \"%1\")"_s.arg(parser.value(gateway));
        return false;
    }
    QByteArray secret;
    if (!readFile(parser.value(secretFile), u"gateway secret file"_s, &secret, error))
        return false;
    secret = secret.trimmed();
    if (secret.isEmpty()) {
        *error = u"the gateway secret file %1 is empty"_s.arg(parser.value(secretFile));
        return false;
    }
    options->gatewayUrl = url;
    options->gatewaySecret = secret;
    return true;
}

QString readPassword()
{
    QTextStream in(stdin);
    return in.readLine();
}

} // namespace

int main(int argc, char *argv[])
{
    // Device logs are decoded into buffers of up to 64 MiB on several threads. glibc raises its mmap threshold
    // after such a buffer is freed, so later ones come from per-thread heaps that keep their pages: the
    // resident size climbs and stays. A fixed threshold keeps every big buffer mmapped and returned on free.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    relaydesk::installCrashReport("relaydesk-server");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"relaydesk-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Relaydesk service: report intake, ticket API and live push.\n\n"
        "Commands:\n"
        "  (none)                      serve the API (needs --db and --listen)\n"
        "  add-user NAME --role ROLE   create a user; reads the password from stdin (one line)\n"
        "  add-client-key NAME         create an intake key for IM clients and print it"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"SQLite database file (created if missing)."_s, u"FILE"_s);
    const QCommandLineOption listenOption(u"listen"_s, u"Address to serve on; port 0 picks a free port."_s,
                                          u"HOST:PORT"_s);
    const QCommandLineOption roleOption(u"role"_s, u"Role for add-user: agent, lead, trainer or admin."_s, u"ROLE"_s);
    const QCommandLineOption threadsOption(u"threads"_s, u"Database worker threads (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption rulesOption(u"rules"_s, u"Diagnosis rules file (default: the built-in rules)."_s,
                                         u"FILE"_s);
    const QCommandLineOption policyOption(u"policy"_s, u"Tier-1 policy file (JSON, see docs/operations.md)."_s,
                                          u"FILE"_s);
    const QCommandLineOption gatewayOption(u"gateway"_s, u"IM gateway base URL tier 1 acts through."_s, u"URL"_s);
    const QCommandLineOption secretOption(u"gateway-secret-file"_s,
                                          u"File holding the gateway's shared signing secret."_s, u"FILE"_s);
    parser.addOptions({dbOption, listenOption, roleOption, threadsOption, rulesOption, policyOption, gatewayOption,
                       secretOption});
    // What one client may cost (docs/operations.md "Limits"); the defaults suit a team behind nginx.
    const relaydesk::server::HttpLimits defaults;
    const QList<LimitOption> limitOptions{
        {QCommandLineOption(u"max-body"_s, u"Largest request body in bytes (default %1)."_s.arg(defaults.maxBody),
                            u"BYTES"_s),
         1024, 1LL << 30, [](HttpLimits &l, qint64 v) { l.maxBody = v; }},
        {QCommandLineOption(u"max-header"_s, u"Largest request header in bytes (default %1)."_s.arg(defaults.maxHeader),
                            u"BYTES"_s),
         1024, 1 << 20, [](HttpLimits &l, qint64 v) { l.maxHeader = int(v); }},
        {QCommandLineOption(u"header-timeout"_s,
                            u"Milliseconds a request's header may take to arrive (default %1)."_s.arg(
                                defaults.headerTimeoutMs),
                            u"MS"_s),
         100, 600'000, [](HttpLimits &l, qint64 v) { l.headerTimeoutMs = int(v); }},
        {QCommandLineOption(u"body-timeout"_s,
                            u"Milliseconds a request's body may take after its header (default %1)."_s.arg(
                                defaults.bodyTimeoutMs),
                            u"MS"_s),
         100, 3'600'000, [](HttpLimits &l, qint64 v) { l.bodyTimeoutMs = int(v); }},
        {QCommandLineOption(u"idle-timeout"_s,
                            u"Milliseconds an idle connection is kept (default %1)."_s.arg(defaults.idleTimeoutMs),
                            u"MS"_s),
         100, 3'600'000, [](HttpLimits &l, qint64 v) { l.idleTimeoutMs = int(v); }},
        {QCommandLineOption(u"max-connections"_s,
                            u"Open connections in all (default %1)."_s.arg(defaults.maxConnections), u"N"_s),
         1, 1'000'000, [](HttpLimits &l, qint64 v) { l.maxConnections = int(v); }},
        {QCommandLineOption(u"max-connections-per-ip"_s,
                            u"Open connections from one address (default %1)."_s.arg(defaults.maxConnectionsPerIp),
                            u"N"_s),
         1, 1'000'000, [](HttpLimits &l, qint64 v) { l.maxConnectionsPerIp = int(v); }},
        {QCommandLineOption(u"io-threads"_s, u"Threads serving sockets (default %1)."_s.arg(defaults.ioThreads), u"N"_s),
         1, 64, [](HttpLimits &l, qint64 v) { l.ioThreads = int(v); }},
    };
    for (const LimitOption &limit : limitOptions)
        parser.addOption(limit.option);
    parser.addPositionalArgument(u"command"_s, u"add-user or add-client-key (optional)."_s, u"[command args...]"_s);
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (!parser.isSet(dbOption))
        return fail(u"--db FILE is required (see --help)"_s);
    ServiceOptions options;
    options.databasePath = parser.value(dbOption);
    bool threadsOk = false;
    options.workerThreads = parser.value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || options.workerThreads < 1 || options.workerThreads > 64)
        return fail(u"--threads must be 1-64"_s);

    QString error;
    if (!args.isEmpty()) {
        const QString command = args.constFirst();
        if (parser.isSet(listenOption))
            return fail(u"--listen is not used with %1"_s.arg(command));
        Service service(options);
        if (command == "add-user"_L1) {
            if (args.size() != 2)
                return fail(u"usage: relaydesk-server --db FILE add-user NAME --role agent|lead|trainer|admin"_s);
            if (!parser.isSet(roleOption))
                return fail(u"add-user needs --role (agent, lead, trainer or admin)"_s);
            const auto role = relaydesk::fromWire<relaydesk::Role>(parser.value(roleOption));
            if (!role)
                return fail(u"unknown role \"%1\" (expected agent, lead, trainer or admin)"_s.arg(parser.value(roleOption)));
            const QString password = readPassword();
            if (password.isEmpty())
                return fail(u"no password on stdin (give it as one line)"_s);
            if (!service.addUser(args.at(1), *role, password, &error))
                return fail(error);
            QTextStream(stdout) << "added user " << args.at(1) << " (" << relaydesk::toWire(*role) << ")\n";
            return 0;
        }
        if (command == "add-client-key"_L1) {
            if (args.size() != 2)
                return fail(u"usage: relaydesk-server --db FILE add-client-key NAME"_s);
            const QString key = service.addClientKey(args.at(1), &error);
            if (key.isEmpty())
                return fail(error);
            QTextStream(stdout) << key << '\n';
            return 0;
        }
        return fail(u"unknown command \"%1\" (see --help)"_s.arg(command));
    }

    if (!parser.isSet(listenOption))
        return fail(u"--listen HOST:PORT is required to serve (see --help)"_s);
    if (parser.isSet(roleOption))
        return fail(u"--role is only used with add-user"_s);
    if (!parseListen(parser.value(listenOption), &options.address, &options.port, &error))
        return fail(error);
    for (const LimitOption &limit : limitOptions) {
        if (!parser.isSet(limit.option))
            continue;
        bool ok = false;
        const qint64 value = parser.value(limit.option).toLongLong(&ok);
        if (!ok || value < limit.min || value > limit.max)
            return fail(u"--%1 must be a whole number from %2 to %3"_s.arg(limit.option.names().constFirst())
                            .arg(limit.min)
                            .arg(limit.max));
        limit.apply(options.http, value);
    }
    if (!readTriageOptions(parser, rulesOption, policyOption, gatewayOption, secretOption, &options, &error))
        return fail(error);

    const QHostAddress shownAddress = options.address;
    Service service(options);
    if (!service.start(&error))
        return fail(error);
    const QString host = shownAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(shownAddress.toString())
                             : shownAddress.toString();
    QTextStream(stdout) << "listening on http://" << host << ':' << service.port() << Qt::endl;
    std::fflush(stdout);

    relaydesk::ShutdownSignals signals_;
    QObject::connect(&signals_, &relaydesk::ShutdownSignals::shutdownRequested, &app,
                     [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}
