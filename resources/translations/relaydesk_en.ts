<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionDialogs</name>
    <message>
        <source>Reroute the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message failed in %1. Send it again through:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading region health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region health is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, circuit %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reroute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(write your own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (matches the diagnosis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the user will read. Plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is exactly what the user receives; check the placeholders are filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply needs a title and a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agents see this note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: an agent&apos;s user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resent: the message was delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rerouted: delivered through another region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied: the user was told what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user fixed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of another ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J / K	next / previous ticket
C	claim or release
S	resend
E	reroute
R	reply
N	internal note
/	search the device log
F3 / Shift+F3	next / previous match
Ctrl+G	go to a log line
Ctrl+F	filter tickets
Ctrl+1 … Ctrl+4	queues, tickets, timeline, log
F5	sync now
?	this list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The service sent no HTTP status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service failed (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service redirected to another address; check the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent an answer this console does not understand: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is working on this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the ticket before acting on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket&apos;s status does not allow this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That region is down; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait, then retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reroute through a healthy region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply with guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the user to upgrade or restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to trust and safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reroute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined the resend already on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the gateway; waiting for its answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketCache</name>
    <message>
        <source>Local cache: %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local cache %1 was written by a newer Relaydesk (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrating the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committing the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the sync cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing the sync cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committing tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing the log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relaydesk: the console for rescuing failed instant messages.
Without --server it runs the service embedded, with a local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service to connect to, e.g. https://relaydesk.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also run the simulator so failed-message reports arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the local database and cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake key for --demo against --server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated reports per second (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated reports to send (default 200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator seed, for a repeatable demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-rate must be a number between 0 and 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-count must be a whole number &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo with --server needs --client-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaydesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::app::Console</name>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded service could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; nothing you synced was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator: report %1 was not accepted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulated IM gateway could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not renew the session with the embedded service: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::LogTableModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::QueueModel</name>
    <message>
        <source>All escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open ticket(s)</source>
        <translation><numerusform>%1, %n open ticket</numerusform><numerusform>%1, %n open tickets</numerusform></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::SyncEngine</name>
    <message>
        <source>The live connection did not become ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service no longer accepts this session. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 Retrying in %n second(s).</source>
        <translation><numerusform>%1 Retrying in %n second.</numerusform><numerusform>%1 Retrying in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::TicketTableModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ActionBar</name>
    <message>
        <source>&amp;Claim (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reroute… (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply… (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note… (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds this ticket; it is read-only for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the service: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by %1: read-only for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the ticket to act on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DiagnosisPane</name>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What tier 1 tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What tier 1 already tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket has no automatic diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules %1 · signature %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: tier 1 did not act on this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets with the same signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same signature (incident)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other ticket has this signature.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::LogPane</name>
    <message>
        <source>Search the log (/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) (cancelled)</source>
        <translation><numerusform>%n match (cancelled)</numerusform><numerusform>%n matches (cancelled)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
    <message>
        <source>Invalid search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report came without a device log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (indexing…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group the lines into patterns (variable parts masked), errors and rare ones first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All lines (%n pattern(s))</source>
        <translation><numerusform>All lines (%n pattern)</numerusform><numerusform>All lines (%n patterns)</numerusform></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×  %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping lines into patterns…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::LoginDialog</name>
    <message>
        <source>Sign in to Relaydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::MainWindow</name>
    <message>
        <source>Relaydesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to t&amp;imeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to device &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Relaydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Relaydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaydesk %1
The console for rescuing failed instant messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the local copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: connected to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, showing the last synced state. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: %1 Use File → Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) synced</source>
        <translation><numerusform>%n ticket synced</numerusform><numerusform>%n tickets synced</numerusform></translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::QueuePane</name>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TicketDetailPane</name>
    <message>
        <source>Select a ticket to see its report, its timeline and the device log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User&apos;s comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, queue %2%3, reported %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (id %2, locale %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3, app %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 bytes, to %3 in %4, sent %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no HTTP response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 at %3 in region %4 after %n attempt(s)</source>
        <translation><numerusform>%1 %2 at %3 in region %4 after %n attempt</numerusform><numerusform>%1 %2 at %3 in region %4 after %n attempts</numerusform></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the device log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load everything for this ticket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the user reported the failure (the SLA clock starts at the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TicketListPane</name>
    <message>
        <source>Filter by user, error code, region, text… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation><numerusform>%n ticket</numerusform><numerusform>%n tickets</numerusform></translation>
    </message>
</context>
</TS>
