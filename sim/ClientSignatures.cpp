#include "SignatureTables.h"

// Client, policy and user failure families. Network and server ones live in SignatureTables.cpp.
namespace relaydesk::sim::tables {
namespace {

constexpr auto Send = EndpointKind::Send;
constexpr auto Upload = EndpointKind::Upload;
constexpr auto Any = KindNeed::Any;
constexpr auto AnyNet = NetworkNeed::Any;

// A request the server refused (4xx): the same shape on every platform, no retry.
constexpr const char *kRefusedAndroid =
    "I OkHttp: --> POST {url} ({size}-byte body)\n"
    "I OkHttp: <-- {status} {reason} {url} ({int:30-400}ms)\n"
    "E SendQueue: send {mid} rejected: HTTP {status} {code}: {errmsg}\n"
    "I MessageStore: message {mid} state SENDING -> FAILED";
constexpr const char *kRefusedApple =
    "D Kite: [com.kite.im:net] POST {url} -> {status} ({int:30-400} ms) x-request-id={reqid}\n"
    "E Kite: [com.kite.im:send] message {mid} rejected: {code} \"{errmsg}\"";
constexpr const char *kRefusedElectron =
    "I net: POST {url} -> {status} {reason} ({int:30-400}ms)\n"
    "E send-queue: message {mid} rejected: {\"errcode\":\"{code}\",\"error\":\"{errmsg}\"}";

constexpr SignatureFamily kClient[] = {
    {Cause::Client, "android_fatal_exception", 30, Send, Any, AnyNet, 0, "CLIENT_CRASH",
     "the app stopped while sending", 1, 1,
     "E AndroidRuntime: FATAL EXCEPTION: main\n"
     "E AndroidRuntime: Process: im.kite.android, PID: {pid}\n"
     "E AndroidRuntime: {pick:java.lang.IllegalStateException: Cannot perform this action after "
     "onSaveInstanceState|java.lang.NullPointerException: Attempt to invoke virtual method 'int "
     "java.lang.String.length()' on a null object reference|java.lang.IndexOutOfBoundsException: Index: 3, Size: 3}\n"
     "E AndroidRuntime: \tat im.kite.android.chat.ComposerViewModel.onSend(ComposerViewModel.kt:{int:100-700})\n"
     "E AndroidRuntime: \tat im.kite.android.chat.ChatFragment$bindComposer$1.onClick(ChatFragment.kt:{int:80-400})\n"
     "E AndroidRuntime: \tat android.view.View.performClick(View.java:7659)\n"
     "E AndroidRuntime: \tat android.os.Handler.dispatchMessage(Handler.java:106)\n"
     "E AndroidRuntime: \tat android.os.Looper.loop(Looper.java:288)\n"
     "E AndroidRuntime: \tat android.app.ActivityThread.main(ActivityThread.java:8177)\n"
     "I Process: Sending signal. PID: {pid} SIG: 9\n"
     "W ActivityManager: Process im.kite.android (pid {pid}) has died: fg TOP",
     "", ""},
    {Cause::Client, "android_anr", 14, Send, Any, AnyNet, 0, "CLIENT_ANR", "the app stopped responding while sending",
     1, 1,
     "W SendQueue: main thread blocked in MessageStore.insertOutgoing for {int:5-20}s\n"
     "E ActivityManager: ANR in im.kite.android (im.kite.android/.chat.ChatActivity)\n"
     "E ActivityManager: PID: {pid}\n"
     "E ActivityManager: Reason: Input dispatching timed out (Waiting to send non-key event because the touched "
     "window has not finished processing certain input events that were delivered to it over 500.0ms ago.)\n"
     "E ActivityManager: Load: {int:4-14}.{int:0-9} / {int:4-12}.{int:0-9} / {int:3-10}.{int:0-9}\n"
     "I Process: Sending signal. PID: {pid} SIG: 3",
     "", ""},
    {Cause::Client, "ios_uncaught_exception", 30, Send, Any, AnyNet, 0, "CLIENT_CRASH",
     "the app stopped while sending", 1, 1, "",
     "F Kite: *** Terminating app due to uncaught exception 'NSInternalInconsistencyException', reason: 'Invalid "
     "update: invalid number of rows in section 0. The number of rows contained in an existing section after the "
     "update ({int:10-60}) must be equal to the number of rows contained in that section before the update'\n"
     "F Kite: *** First throw call stack:\n"
     "F Kite: (0x1a2b{hex:5} 0x1a2a{hex:5} 0x1a35{hex:5} 0x1002{hex:5} 0x1002{hex:5})\n"
     "E ReportCrash: Formulating report for corpse[{pid}] Kite\n"
     "E SpringBoard: [application<com.kite.im>:{pid}] Process exited: <RBSProcessExitContext| specific, "
     "status:<RBSProcessExitStatus| domain:signal(2) code:SIGABRT(6)>>",
     ""},
    {Cause::Client, "electron_render_process_gone", 30, Send, Any, AnyNet, 0, "CLIENT_CRASH",
     "the window crashed while sending", 1, 1, "", "",
     "W renderer: memory usage {int:1400-3900} MB, {int:20000-90000} messages cached\n"
     "E main: render-process-gone {\"reason\":\"{pick:crashed|oom}\",\"exitCode\":{pick:-536870904|-1073741819|133}}\n"
     "E main: window 1 lost its renderer, reloading\n"
     "W send-queue: outbox entry {mid} left in state SENDING, marked failed on reload"},
    {Cause::Client, "deprecated_version", 14, Send, Any, AnyNet, 499, "CLIENT_VERSION_DEPRECATED",
     "Kite {ver} is no longer supported. Please update the app.", 1, 1,
     "W KiteNet: server requires a newer client: X-Min-Version 8.2.0, running {ver}\n"
     "I OkHttp: <-- 499 {url} ({int:30-200}ms)\n"
     "E SendQueue: send {mid} rejected: HTTP 499 CLIENT_VERSION_DEPRECATED",
     "W Kite: [com.kite.im:net] server requires a newer client (running {ver})\n"
     "E Kite: [com.kite.im:send] message {mid} rejected: HTTP 499 CLIENT_VERSION_DEPRECATED",
     "W updater: server requires a newer client (running {ver}), auto-update disabled by policy\n"
     "E send-queue: message {mid} rejected: HTTP 499 CLIENT_VERSION_DEPRECATED"},
    {Cause::Client, "clock_out_of_sync", 10, Send, Any, AnyNet, 400, "error-message-ts-out-of-sync",
     "message timestamp is {int:6-80} minutes away from server time", 1, 1,
     "W TimeSync: device clock differs from server time by {int:400-4800}s (auto time disabled)\n"
     "I OkHttp: <-- 400 Bad Request {url} ({int:30-200}ms)\n"
     "E SendQueue: send {mid} rejected: error-message-ts-out-of-sync",
     "W Kite: [com.kite.im:time] device clock differs from server time by {int:400-4800}s\n"
     "E Kite: [com.kite.im:send] message {mid} rejected: error-message-ts-out-of-sync",
     "W time: system clock differs from server time by {int:400-4800}s\n"
     "E send-queue: message {mid} rejected: error-message-ts-out-of-sync"},
    {Cause::Client, "local_store_error", 8, Send, Any, AnyNet, 0, "LOCAL_STORE_ERROR",
     "could not save the outgoing message", 1, 1,
     "E SQLiteLog: (1802) os_unix.c:43353: (28) write(/data/user/0/im.kite.android/databases/messages.db-wal) - \n"
     "E SendQueue: android.database.sqlite.SQLiteFullException: database or disk is full (code 13 SQLITE_FULL)\n"
     "E SendQueue: \tat im.kite.android.store.MessageStore.insertOutgoing(MessageStore.kt:{int:80-300})",
     "E Kite: [com.kite.im:store] CoreData: error: (13) database or disk is full\n"
     "E Kite: [com.kite.im:send] could not persist outgoing message {mid}",
     "E store: QuotaExceededError: The quota has been exceeded. (IndexedDB outbox)\n"
     "E send-queue: could not persist outgoing message {mid}"},
};

constexpr SignatureFamily kPolicy[] = {
    {Cause::Policy, "spam_rejected", 30, Send, Any, AnyNet, 403, "M_FORBIDDEN", "Message rejected as probable spam",
     1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::Policy, "chat_write_forbidden", 16, Send, Any, AnyNet, 403, "CHAT_WRITE_FORBIDDEN",
     "You can't write in this chat", 1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::Policy, "user_blocked", 18, Send, Any, AnyNet, 403, "USER_IS_BLOCKED",
     "You were blocked by this user", 1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::Policy, "privacy_restricted", 8, Send, Any, AnyNet, 403, "USER_PRIVACY_RESTRICTED",
     "The user's privacy settings do not allow you to do this", 1, 1, kRefusedAndroid, kRefusedApple,
     kRefusedElectron},
    {Cause::Policy, "consent_not_given", 4, Send, Any, AnyNet, 403, "M_CONSENT_NOT_GIVEN",
     "You must review and agree to the updated terms of service", 1, 1, kRefusedAndroid, kRefusedApple,
     kRefusedElectron},
    {Cause::Policy, "media_too_large", 24, Upload, KindNeed::Media, AnyNet, 413, "M_TOO_LARGE",
     "Upload exceeds the maximum size of {limit} bytes", 1, 1,
     "I MediaUploader: uploading {mime} {size} bytes to {url}\n"
     "I OkHttp: <-- 413 Payload Too Large {url} ({int:200-4000}ms)\n"
     "E MediaUploader: upload for {mid} rejected: M_TOO_LARGE: Upload exceeds the maximum size of {limit} bytes\n"
     "I MessageStore: message {mid} state UPLOADING -> FAILED",
     "I Kite: [com.kite.im:media] uploading {mime} ({size} bytes)\n"
     "E Kite: [com.kite.im:media] upload for {mid} rejected: 413 M_TOO_LARGE maximum {limit} bytes",
     "I upload: {mime} {size} bytes -> {url}\n"
     "E upload: PayloadTooLarge: request entity too large ({size} > {limit}) for {mid}"},
};

constexpr SignatureFamily kUser[] = {
    {Cause::User, "message_too_long", 24, Send, KindNeed::LongText, AnyNet, 400, "MESSAGE_TOO_LONG",
     "The message is too long ({len} characters, at most 4096)", 1, 1, kRefusedAndroid, kRefusedApple,
     kRefusedElectron},
    {Cause::User, "event_too_large", 8, Send, KindNeed::LongText, AnyNet, 413, "M_TOO_LARGE",
     "event too large: {size} bytes, the limit is 65536", 1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::User, "empty_message", 6, Send, KindNeed::Empty, AnyNet, 400, "MESSAGE_EMPTY",
     "The message is empty", 1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::User, "recipient_not_found", 22, Send, Any, AnyNet, 404, "M_NOT_FOUND", "User {rid} not found", 1, 1,
     kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::User, "peer_id_invalid", 12, Send, Any, AnyNet, 400, "PEER_ID_INVALID", "The provided peer id is invalid",
     1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::User, "user_deactivated", 8, Send, Any, AnyNet, 410, "USER_DEACTIVATED",
     "The recipient's account has been deactivated", 1, 1, kRefusedAndroid, kRefusedApple, kRefusedElectron},
    {Cause::User, "invalid_mime_type", 14, Upload, KindNeed::Media, AnyNet, 415, "InvalidMimeType",
     "The file type {mime} is not allowed", 1, 1,
     "I MediaUploader: uploading {mime} {size} bytes to {url}\n"
     "E MediaUploader: upload for {mid} rejected: 415 InvalidMimeType: The file type {mime} is not allowed",
     "I Kite: [com.kite.im:media] uploading {mime} ({size} bytes)\n"
     "E Kite: [com.kite.im:media] upload for {mid} rejected: 415 InvalidMimeType ({mime})",
     "I upload: {mime} {size} bytes -> {url}\n"
     "E upload: InvalidMimeType: {mime} is not allowed ({mid})"},
    {Cause::User, "media_invalid", 6, Upload, KindNeed::Media, AnyNet, 400, "MEDIA_INVALID",
     "Media invalid: the file could not be decoded", 1, 1,
     "I MediaUploader: uploading {mime} {size} bytes to {url}\n"
     "E MediaUploader: upload for {mid} rejected: 400 MEDIA_INVALID",
     "E Kite: [com.kite.im:media] upload for {mid} rejected: 400 MEDIA_INVALID",
     "E upload: MEDIA_INVALID for {mid}"},
};

} // namespace

std::span<const SignatureFamily> clientFamilies() { return kClient; }
std::span<const SignatureFamily> policyFamilies() { return kPolicy; }
std::span<const SignatureFamily> userFamilies() { return kUser; }

} // namespace relaydesk::sim::tables
