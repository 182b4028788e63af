#include "SignatureTables.h"

// Network and server failure families, the cause split, and the lookup by cause. Client, policy and user
// families live in ClientSignatures.cpp.
namespace relaydesk::sim::tables {
namespace {

constexpr auto C = Cause::Network;
constexpr auto S = Cause::Server;
constexpr auto Send = EndpointKind::Send;
constexpr auto Any = KindNeed::Any;
constexpr auto AnyNet = NetworkNeed::Any;

constexpr SignatureFamily kNetwork[] = {
    {C, "unknown_host", 26, Send, Any, AnyNet, 0, "UnknownHostException|NSURLErrorDomain -1003|ENOTFOUND",
     "Unable to resolve host \"{host}\": No address associated with hostname", 3, 5,
     "I OkHttp: --> POST {url} ({size}-byte body)\n"
     "E OkHttp: <-- HTTP FAILED: java.net.UnknownHostException: Unable to resolve host \"{host}\": No address "
     "associated with hostname\n"
     "W SendQueue: send {mid} failed (attempt {attempt}/{attempts}), retry in {backoff}s\n"
     "--\n"
     "E SendQueue: giving up on {mid} after {attempts} attempts: java.net.UnknownHostException\n"
     "E SendQueue: \tat java.net.Inet6AddressImpl.lookupHostByName(Inet6AddressImpl.java:156)\n"
     "E SendQueue: \tat java.net.InetAddress.getAllByName(InetAddress.java:1152)\n"
     "E SendQueue: \tat okhttp3.Dns$Companion$DnsSystem.lookup(Dns.kt:49)\n"
     "I MessageStore: message {mid} state SENDING -> FAILED",
     "D Kite: [com.kite.im:net] POST {url} started, task <{uuid}>.<{attempt}>\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1003] Error "
     "Domain=NSURLErrorDomain Code=-1003 \"A server with the specified hostname could not be found.\" "
     "UserInfo={NSErrorFailingURLStringKey={url}}\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "I net: POST {url}\n"
     "E net: request failed: net::ERR_NAME_NOT_RESOLVED {url}\n"
     "W send-queue: getaddrinfo ENOTFOUND {host}, retry {attempt}/{attempts} in {backoff}s\n"
     "--\n"
     "E send-queue: message {mid} failed: Error: getaddrinfo ENOTFOUND {host}"},
    {C, "dns_eai_again", 6, Send, Any, AnyNet, 0, "EAI_AGAIN|NSURLErrorDomain -1003|EAI_AGAIN",
     "getaddrinfo EAI_AGAIN {host}", 3, 5,
     "E OkHttp: <-- HTTP FAILED: java.net.UnknownHostException: Unable to resolve host \"{host}\": "
     "android_getaddrinfo failed: EAI_AGAIN (Try again)\n"
     "W SendQueue: send {mid} failed (attempt {attempt}/{attempts}), retry in {backoff}s\n"
     "--\n"
     "E SendQueue: giving up on {mid}: EAI_AGAIN",
     "E Kite: [com.kite.im:net] nw_resolver_start_query_timer_block_invoke [C{attempt}] Query fired: did not "
     "receive all answers in time for {host}:443\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1003] Error "
     "Domain=NSURLErrorDomain Code=-1003\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "E net: getaddrinfo EAI_AGAIN {host}\n"
     "W send-queue: retry {attempt}/{attempts} in {backoff}s\n"
     "--\n"
     "E send-queue: message {mid} failed: Error: getaddrinfo EAI_AGAIN {host}"},
    {C, "ssl_trust_anchor", 10, Send, Any, NetworkNeed::Wifi, 0,
     "SSLHandshakeException|NSURLErrorDomain -1202|ERR_CERT_AUTHORITY_INVALID",
     "Trust anchor for certification path not found.", 2, 4,
     "E OkHttp: <-- HTTP FAILED: javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: "
     "Trust anchor for certification path not found.\n"
     "E OkHttp: \tat com.android.org.conscrypt.ConscryptFileDescriptorSocket.startHandshake("
     "ConscryptFileDescriptorSocket.java:356)\n"
     "W SendQueue: send {mid} failed (attempt {attempt}/{attempts}), retry in {backoff}s\n"
     "--\n"
     "E SendQueue: giving up on {mid}: javax.net.ssl.SSLHandshakeException",
     "E Kite: [com.kite.im:net] ATS failed system trust\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1202] Error "
     "Domain=NSURLErrorDomain Code=-1202 \"The certificate for this server is invalid. You might be connecting to "
     "a server that is pretending to be \"{host}\".\"\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "E net: certificate error net::ERR_CERT_AUTHORITY_INVALID for {url}\n"
     "W send-queue: retry {attempt}/{attempts} in {backoff}s\n"
     "--\n"
     "E send-queue: message {mid} failed: Error: net::ERR_CERT_AUTHORITY_INVALID"},
    {C, "socket_timeout", 24, Send, Any, AnyNet, 0, "SocketTimeoutException|NSURLErrorDomain -1001|ETIMEDOUT",
     "timeout after 15000 ms", 3, 5,
     "I OkHttp: --> POST {url} ({size}-byte body)\n"
     "E OkHttp: <-- HTTP FAILED: java.net.SocketTimeoutException: failed to connect to {host}/{ip} (port 443) "
     "from /10.{int:0-255}.{int:0-255}.{int:1-254} (port {int:30000-60000}) after 15000ms\n"
     "W SendQueue: send {mid} failed (attempt {attempt}/{attempts}), retry in {backoff}s\n"
     "--\n"
     "E SendQueue: giving up on {mid} after {attempts} attempts: java.net.SocketTimeoutException\n"
     "I MessageStore: message {mid} state SENDING -> FAILED",
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1001] Error "
     "Domain=NSURLErrorDomain Code=-1001 \"The request timed out.\" UserInfo={NSErrorFailingURLStringKey={url}}\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "E net: connect ETIMEDOUT {ip}:443\n"
     "W send-queue: retry {attempt}/{attempts} in {backoff}s\n"
     "--\n"
     "E send-queue: message {mid} failed: Error: connect ETIMEDOUT {ip}:443"},
    {C, "connection_reset", 16, Send, Any, AnyNet, 0, "SocketException|NSURLErrorDomain -1005|ECONNRESET",
     "Connection reset", 2, 5,
     "E OkHttp: <-- HTTP FAILED: java.net.SocketException: Connection reset\n"
     "E OkHttp: \tat java.net.SocketInputStream.read(SocketInputStream.java:191)\n"
     "W SendQueue: send {mid} failed (attempt {attempt}/{attempts}), retry in {backoff}s\n"
     "--\n"
     "E SendQueue: giving up on {mid}: java.net.SocketException: Connection reset",
     "E Kite: [com.kite.im:net] Connection {int:10-99}: received failure notification\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1005] Error "
     "Domain=NSURLErrorDomain Code=-1005 \"The network connection was lost.\"\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "E net: Error: read ECONNRESET\n"
     "W send-queue: socket hang up, retry {attempt}/{attempts} in {backoff}s\n"
     "--\n"
     "E send-queue: message {mid} failed: Error: socket hang up"},
    {C, "offline", 12, Send, Any, NetworkNeed::Offline, 0, "NO_NETWORK|NSURLErrorDomain -1009|ERR_INTERNET_DISCONNECTED",
     "The Internet connection appears to be offline.", 1, 3,
     "I ConnectivityManager: NetworkCallback onLost network {int:100-200}\n"
     "E OkHttp: <-- HTTP FAILED: java.net.ConnectException: Failed to connect to {host}/{ip}:443\n"
     "W SendQueue: no network, send {mid} parked (attempt {attempt}/{attempts})\n"
     "--\n"
     "E SendQueue: giving up on {mid}: no network",
     "D Kite: [com.kite.im:net] nw_path_evaluator: path is unsatisfied (No network route)\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1009] Error "
     "Domain=NSURLErrorDomain Code=-1009 \"The Internet connection appears to be offline.\"\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "W net: navigator.onLine = false\n"
     "E net: request failed: net::ERR_INTERNET_DISCONNECTED {url}\n"
     "--\n"
     "E send-queue: message {mid} failed: net::ERR_INTERNET_DISCONNECTED"},
    {C, "captive_portal", 6, Send, Any, NetworkNeed::Wifi, 0, "SSLPeerUnverifiedException|NSURLErrorDomain -1202|ERR_CERT_COMMON_NAME_INVALID",
     "Hostname {host} not verified (captive portal)", 2, 4,
     "D NetworkMonitor/{int:100-200}: PROBE_DNS connectivitycheck.gstatic.com {int:5-60}ms OK\n"
     "D NetworkMonitor/{int:100-200}: PROBE_HTTP http://connectivitycheck.gstatic.com/generate_204 time={int:20-90}ms "
     "ret=302 request={Connection=[close], User-Agent=[Mozilla/5.0]} headers={Location=[http://{ssid}.login/portal]}\n"
     "I NetworkMonitor/{int:100-200}: Portal detected, network validation result: PARTIAL\n"
     "E OkHttp: <-- HTTP FAILED: javax.net.ssl.SSLPeerUnverifiedException: Hostname {host} not verified\n"
     "--\n"
     "E SendQueue: giving up on {mid}: javax.net.ssl.SSLPeerUnverifiedException",
     "I Kite: [com.kite.im:net] captive network detected on interface en0 (SSID {ssid})\n"
     "E Kite: [com.kite.im:net] Task <{uuid}>.<{attempt}> finished with error [-1202] Error "
     "Domain=NSURLErrorDomain Code=-1202\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts",
     "W net: GET http://detectportal.firefox.com/success.txt answered 302 -> http://{ssid}.login/portal\n"
     "E net: request failed: net::ERR_CERT_COMMON_NAME_INVALID {url}\n"
     "--\n"
     "E send-queue: message {mid} failed: net::ERR_CERT_COMMON_NAME_INVALID"},
};

constexpr const char *kServerAndroid5xx =
    "I OkHttp: --> POST {url} ({size}-byte body)\n"
    "I OkHttp: <-- {status} {reason} {url} ({int:40-9000}ms)\n"
    "W SendQueue: send {mid} got HTTP {status} {code} (attempt {attempt}/{attempts}), retry in {backoff}s\n"
    "--\n"
    "E SendQueue: giving up on {mid} after {attempts} attempts: HTTP {status} {code} x-request-id={reqid}\n"
    "I MessageStore: message {mid} state SENDING -> FAILED";
constexpr const char *kServerApple5xx =
    "D Kite: [com.kite.im:net] POST {url} -> {status} ({int:40-9000} ms) x-request-id={reqid}\n"
    "W Kite: [com.kite.im:send] server error {status} {code}, retry {attempt}/{attempts} in {backoff}s\n"
    "--\n"
    "E Kite: [com.kite.im:send] message {mid} failed after {attempts} attempts: HTTP {status} {code}";
constexpr const char *kServerElectron5xx =
    "I net: POST {url} -> {status} {reason} ({int:40-9000}ms)\n"
    "W send-queue: HTTP {status} {code}, retry {attempt}/{attempts} in {backoff}s\n"
    "--\n"
    "E send-queue: message {mid} failed: HTTP {status} {code} (x-request-id {reqid})";

constexpr SignatureFamily kServer[] = {
    {S, "http_503", 26, Send, Any, AnyNet, 503, "SERVICE_UNAVAILABLE", "upstream {region} message store unavailable",
     2, 5, kServerAndroid5xx, kServerApple5xx, kServerElectron5xx},
    {S, "http_502", 12, Send, Any, AnyNet, 502, "BAD_GATEWAY", "bad gateway", 2, 5, kServerAndroid5xx,
     kServerApple5xx, kServerElectron5xx},
    {S, "http_500", 10, Send, Any, AnyNet, 500, "RPC_CALL_FAIL", "Internal server error: RPC_CALL_FAIL", 2, 4,
     kServerAndroid5xx, kServerApple5xx, kServerElectron5xx},
    {S, "http_504", 6, Send, Any, AnyNet, 504, "GATEWAY_TIMEOUT", "upstream request timeout", 2, 4,
     kServerAndroid5xx, kServerApple5xx, kServerElectron5xx},
    {S, "worker_busy", 4, Send, Any, AnyNet, 500, "WORKER_BUSY_TOO_LONG_RETRY",
     "Telegram workers are too busy to respond immediately", 2, 4, kServerAndroid5xx, kServerApple5xx,
     kServerElectron5xx},
    {S, "rate_limited", 18, Send, Any, AnyNet, 429, "M_LIMIT_EXCEEDED", "Too many requests, retry after {retry} s",
     1, 3,
     "I OkHttp: <-- 429 Too Many Requests {url} ({int:20-200}ms)\n"
     "W SendQueue: rate limited: {\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\","
     "\"retry_after_ms\":{retry}000} Retry-After: {retry}\n"
     "--\n"
     "E SendQueue: giving up on {mid}: M_LIMIT_EXCEEDED (Retry-After {retry}s exceeds the send deadline)",
     "W Kite: [com.kite.im:net] POST {url} -> 429, Retry-After: {retry}\n"
     "W Kite: [com.kite.im:send] M_LIMIT_EXCEEDED retry_after_ms={retry}000\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed: M_LIMIT_EXCEEDED",
     "W net: POST {url} -> 429 Too Many Requests (Retry-After: {retry})\n"
     "W send-queue: RateLimitException: retry after {retry}s\n"
     "--\n"
     "E send-queue: message {mid} failed: M_LIMIT_EXCEEDED"},
    {S, "flood_wait", 10, Send, Any, AnyNet, 429, "FLOOD_WAIT_{retry}", "A wait of {retry} seconds is required", 1, 2,
     "W SendQueue: rpc messages.sendMessage error 429 FLOOD_WAIT_{retry}\n"
     "--\n"
     "E SendQueue: giving up on {mid}: FLOOD_WAIT_{retry}",
     "W Kite: [com.kite.im:rpc] messages.sendMessage -> 429 FLOOD_WAIT_{retry}\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed: FLOOD_WAIT_{retry}",
     "W rpc: messages.sendMessage -> 429 FLOOD_WAIT_{retry}\n"
     "--\n"
     "E send-queue: message {mid} failed: FLOOD_WAIT_{retry}"},
    {S, "dc_migrate", 8, Send, Any, AnyNet, 303, "NETWORK_MIGRATE_{dc}",
     "the request must be repeated on data centre {dc}", 1, 2,
     "I SendQueue: rpc messages.sendMessage error 303 NETWORK_MIGRATE_{dc}\n"
     "W DcManager: switching to DC{dc} failed: auth key for DC{dc} not imported\n"
     "--\n"
     "E SendQueue: giving up on {mid}: NETWORK_MIGRATE_{dc}",
     "I Kite: [com.kite.im:rpc] messages.sendMessage -> 303 NETWORK_MIGRATE_{dc}\n"
     "W Kite: [com.kite.im:dc] export authorization to DC{dc} failed\n"
     "--\n"
     "E Kite: [com.kite.im:send] message {mid} failed: NETWORK_MIGRATE_{dc}",
     "I rpc: messages.sendMessage -> 303 NETWORK_MIGRATE_{dc}\n"
     "W dc: export authorization to DC{dc} failed\n"
     "--\n"
     "E send-queue: message {mid} failed: NETWORK_MIGRATE_{dc}"},
};

} // namespace

std::span<const SignatureFamily> networkFamilies() { return kNetwork; }
std::span<const SignatureFamily> serverFamilies() { return kServer; }

std::span<const SignatureFamily> familiesOf(Cause cause)
{
    switch (cause) {
    case Cause::Network: return networkFamilies();
    case Cause::Server: return serverFamilies();
    case Cause::Client: return clientFamilies();
    case Cause::Policy: return policyFamilies();
    case Cause::User: return userFamilies();
    case Cause::Unknown:
    case Cause::Count: break;
    }
    return {};
}

int causePercent(Cause cause)
{
    switch (cause) {
    case Cause::Network: return 40;
    case Cause::Server: return 25;
    case Cause::Client: return 12;
    case Cause::Policy: return 10;
    case Cause::User: return 13;
    case Cause::Unknown:
    case Cause::Count: break;
    }
    return 0;
}

} // namespace relaydesk::sim::tables
