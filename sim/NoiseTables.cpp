#include "NoiseTables.h"

namespace relaydesk::sim::tables {
namespace {

using W = Writer;

constexpr NoiseLine kLogcat[] = {
    {30, W::System, "D PowerManagerService: acquire lock={int:10000000-299999999}, flags=0x1, tag=\"View Lock\", "
                    "name=com.android.systemui, ws=null, uid=10037, pid={sysui}"},
    {30, W::System, "D PowerManagerService: ready=true,policy=3,wakefulness=1,wksummary=0x23,uasummary=0x1,"
                    "bootcompleted=true,boostinprogress=false,waitmodeenable=false,mode=false,manual=38,auto=-1,"
                    "adj=0.0userId=0"},
    {12, W::System, "V WindowManager: Skipping AppWindowToken{{hex:7} token=Token{{hex:7} ActivityRecord{{hex:7} u0 "
                    "{pkg}/.chat.ChatActivity t{int:100-999}}}} -- going to hide"},
    {10, W::System, "I ActivityManager: Displayed {pkg}/.chat.ChatActivity: +{int:120-900}ms"},
    {6, W::System, "W ActivityManager: getRunningAppProcesses: caller 10{int:100-300} does not hold REAL_GET_TASKS; "
                   "limiting output"},
    {8, W::System, "D ConnectivityService: NetworkAgentInfo [{pick:WIFI ()|MOBILE (LTE)|MOBILE (NR)} - "
                   "{int:100-200}] validation passed"},
    {4, W::System, "D WifiStateMachine: RSSI changed to {int:-88--40} dBm"},
    {3, W::System, "I WifiService: acquireWifiLock uid={int:10000-10300} lockMode=1"},
    {16, W::SystemUi, "D TextView: visible is system.{pick:time.showampm|charge.show|call.count gt 0|ownerinfo.show}"},
    {16, W::SystemUi, "D TextView: mVisiblity.getValue is false"},
    {6, W::SystemUi, "I PhoneStatusBar: setSystemUiVisibility vis=40000500 mask=ffffffff oldVal=508 newVal=40000500"},
    {4, W::SystemUi, "I StackScrollAlgorithm: updateClipping isOverlap:false, getTopPadding=333.0, Translation=-24.0"},
    {14, W::App, "I {pkg}: Background concurrent copying GC freed {int:10000-90000}({int:1-9}MB) AllocSpace objects, "
                 "{int:0-40}({int:0-3}MB) LOS objects, {int:30-60}% free, {int:10-60}MB/{int:20-90}MB, paused "
                 "{int:50-900}us total {int:20-300}.{int:100-999}ms"},
    {14, W::App, "D OkHttp: --> GET https://{host}/v1/sync?since={int:100000-999999}"},
    {14, W::App, "D OkHttp: <-- 200 OK https://{host}/v1/sync ({int:20-600}ms, {int:1-40}-byte body)"},
    {10, W::App, "I SyncEngine: delta sync got {int:0-40} events in {int:30-900}ms"},
    {6, W::App, "D ChatActivity: {pick:onCreate|onStart|onResume|onPause|onStop}"},
    {6, W::App, "D ConversationList: bind {int:5-40} rows, {int:0-6} unread"},
    {5, W::App, "D Glide: Finished loading BitmapDrawable from DATA_DISK_CACHE for {hex:8}.jpg in {int:2-60}ms"},
    {4, W::App, "I FirebaseMessaging: onMessageReceived from={int:100000000-999999999} priority=high"},
    {3, W::App, "I Choreographer: Skipped {int:30-120} frames!  The application may be doing too much work on its "
                "main thread."},
    {3, W::App, "D PresenceTracker: {int:1-30} contacts online"},
    {2, W::App, "W StrictMode: StrictMode policy violation; ~duration={int:10-200} ms: "
                "android.os.strictmode.DiskReadViolation"},
    {3, W::App, "I chatty: uid=10{int:100-300}({pkg}) RenderThread identical {int:2-40} lines"},
    {3, W::Other, "I GnssLocationProvider: WakeLock acquired by sendMessage(3, 0, com.android.server.location."
                  "GnssLocationProvider$GpsRequest@{hex:7})"},
    {2, W::Other, "D BluetoothAdapter: getState() {pick:ON|OFF}"},
};

constexpr NoiseLine kLogcatStartup[] = {
    {1, W::System, "I ActivityManager: Start proc {pid}:{pkg}/u0a{int:100-300} for activity {pkg}/.MainActivity"},
    {1, W::App, "I KiteApp: starting Kite {ver} (Android {os}, {model})"},
    {1, W::App, "D SyncEngine: connecting to https://{host}"},
};

constexpr NoiseLine kApple[] = {
    {18, W::App, "D Kite: [com.kite.im:sync] delta sync got {int:0-40} events in {int:30-900} ms"},
    {14, W::App, "D Kite: [com.kite.im:net] GET https://{host}/v1/sync -> 200 ({int:20-600} ms)"},
    {8, W::App, "I Kite: [com.kite.im:ui] ChatViewController {pick:viewDidLoad|viewWillAppear|viewDidAppear|"
                "viewDidDisappear}"},
    {6, W::App, "D Kite: [com.kite.im:ui] ConversationList reloaded {int:5-40} rows"},
    {5, W::App, "I Kite: [com.kite.im:push] didReceiveRemoteNotification category=message"},
    {5, W::App, "D Kite: (UIKitCore) Sending UIEvent type: 0; subtype: 0; to windows: 1"},
    {12, W::System, "D SpringBoard: [com.kite.im] Received state update for {pid} (app<com.kite.im>, running-active-"
                    "NotVisible"},
    {10, W::Other, "D runningboardd: [app<com.kite.im>:{pid}] Ignoring suspend because this process is not lifecycle "
                   "managed"},
    {8, W::Other, "I symptomsd: Data Usage for Kite on flow {int:1000-9999} - WiFi in: {int:100-99999}, out: "
                  "{int:100-9999}"},
    {8, W::Other, "D mDNSResponder: [R{int:1000-99999}] getaddrinfo start -- flags: 0xC000D000, ifindex: 0, protocols: "
                  "0, hostname: <mask.hash: '{hex:8}'>, options: 0x0"},
    {6, W::Other, "I CommCenter: #I Signal strength: bars={int:1-4}, rssi={int:-110--60}"},
    {5, W::Other, "D locationd: {\"msg\":\"client authorization\", \"client\":\"com.kite.im\", \"status\":\"denied\"}"},
    {4, W::Other, "I kernel: memorystatus: freed {int:10-200} pages"},
    {4, W::App, "D Kite: (CFNetwork) Connection {int:1-60}: enabling TLS"},
};

constexpr NoiseLine kAppleStartup[] = {
    {1, W::System, "I SpringBoard: [app<com.kite.im>] Launching with pid {pid}"},
    {1, W::App, "I Kite: [com.kite.im:app] Kite {ver} starting on {os} ({model})"},
};

constexpr NoiseLine kElectron[] = {
    {18, W::App, "I sync: delta since {int:100000-999999} -> {int:0-30} events ({int:20-800}ms)"},
    {12, W::App, "D net: GET https://{host}/v1/sync -> 200 ({int:20-600}ms)"},
    {8, W::App, "D ipc: channel conversation:{pick:open|mark-read|typing|draft-save}"},
    {8, W::App, "V renderer: virtual list rendered {int:10-60} rows in {int:1-20}ms"},
    {6, W::App, "I main: window {pick:focus|blur|minimize|restore}"},
    {5, W::App, "I notifications: showing notification for conversation c-{hex:8}"},
    {4, W::App, "W net: slow request GET /v1/sync took {int:2000-6000}ms"},
    {3, W::App, "I updater: checking for updates"},
    {3, W::App, "I updater: no update available ({ver} is current for this channel)"},
    {4, W::App, "D store: compacted outbox, {int:0-3} entries"},
    {3, W::App, "I presence: {int:1-30} contacts online"},
    {2, W::App, "W renderer: [Violation] 'requestAnimationFrame' handler took {int:50-300}ms"},
};

constexpr NoiseLine kElectronStartup[] = {
    {1, W::App, "I main: Kite {ver} starting ({os})"},
    {1, W::App, "I main: userData at {pick:C:\\Users\\user\\AppData\\Roaming\\Kite|/home/user/.config/Kite|"
                "/Users/user/Library/Application Support/Kite}"},
    {1, W::App, "I sync: connecting to https://{host}"},
};

constexpr const char *kLogcatMisleading[] = {
    "W OkHttp: <-- HTTP FAILED: java.net.SocketTimeoutException: timeout\n"
    "W SendQueue: send {oldmid} failed (attempt 1/5), retry in 2s\n"
    "I SendQueue: send {oldmid} succeeded on attempt 2",
    "W SyncEngine: /v1/sync answered 503, retrying in 2s\n"
    "I SyncEngine: delta sync got {int:1-20} events in {int:30-900}ms",
    "W KiteNet: network changed {pick:WIFI -> MOBILE|MOBILE -> WIFI}, reconnecting\n"
    "I KiteNet: connected to {host} in {int:80-900}ms",
};
constexpr const char *kAppleMisleading[] = {
    "W Kite: [com.kite.im:net] Task <{hex:8}>.<1> finished with error [-1001] The request timed out.\n"
    "I Kite: [com.kite.im:send] message {oldmid} sent on attempt 2",
    "W Kite: [com.kite.im:sync] sync answered 503, retrying in 2 s\n"
    "D Kite: [com.kite.im:sync] delta sync got {int:1-20} events in {int:30-900} ms",
};
constexpr const char *kElectronMisleading[] = {
    "W net: Error: read ECONNRESET (GET /v1/sync), retrying\n"
    "I sync: delta since {int:100000-999999} -> {int:1-20} events ({int:20-800}ms)",
    "W send-queue: connect ETIMEDOUT on attempt 1 for {oldmid}, retry in 2s\n"
    "I send-queue: message {oldmid} sent on attempt 2",
};

} // namespace

std::span<const NoiseLine> noise(LogFormat format)
{
    if (format == LogFormat::Logcat)
        return kLogcat;
    return format == LogFormat::Ios ? std::span<const NoiseLine>(kApple) : kElectron;
}

std::span<const NoiseLine> startup(LogFormat format)
{
    if (format == LogFormat::Logcat)
        return kLogcatStartup;
    return format == LogFormat::Ios ? std::span<const NoiseLine>(kAppleStartup) : kElectronStartup;
}

std::span<const char *const> misleading(LogFormat format)
{
    if (format == LogFormat::Logcat)
        return kLogcatMisleading;
    return format == LogFormat::Ios ? std::span<const char *const>(kAppleMisleading) : kElectronMisleading;
}

const char *reportBlock(LogFormat format)
{
    if (format == LogFormat::Logcat)
        return "I ReportDialog: user opened \"report failed message\" for {mid}\n"
               "I LogCollector: collecting logcat for report {report}";
    if (format == LogFormat::Ios)
        return "I Kite: [com.kite.im:report] user opened report for {mid}\n"
               "I Kite: [com.kite.im:report] collecting log archive for report {report}";
    return "I report: user opened report for {mid}\n"
           "I report: collecting logs for report {report}";
}

} // namespace relaydesk::sim::tables
