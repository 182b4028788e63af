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
        <source>Insert from &amp;knowledge base…</source>
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
Esc	back from the log search to the log
F3 / Shift+F3	next / previous match
Ctrl+G	go to a log line
Ctrl+F	filter tickets
Ctrl+1 … Ctrl+4	queues, tickets, timeline, log
F9	show or hide the ticket list
F2	knowledge base
Ctrl+D	dashboard
Ctrl+I	incidents
Ctrl+Shift+A	alerts
F5	sync now; reconnect at once when offline
?	this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody: into the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent list is unavailable (%1): the ticket can still go to a queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, holds %n ticket(s))</source>
        <translation>
            <numerusform>%1 (%2, holds %n ticket)</numerusform>
            <numerusform>%1 (%2, holds %n tickets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Delivery success dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report inflow spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breach risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success %1 % (baseline %2 %), %3 of %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports in %2 min (usual %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) near the %1 min limit</source>
        <translation>
            <numerusform>%n ticket near the %1 min limit</numerusform>
            <numerusform>%n tickets near the %1 min limit</numerusform>
        </translation>
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
    <message>
        <source>Someone else changed this article after you opened it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartFactory</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open tickets in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets arrived or closed in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inflow (reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outflow (resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets per bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No telemetry yet: the IM platform has not reported any sends in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send success %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No first responses or resolutions in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SLA breaches in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No survey answers in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers by score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, mean %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent activity in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <comment>bucket: date, start time, end time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <comment>bucket: start date and time, end date and time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date axis labels, Qt date format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <comment>series: value (bucket)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentBulkAction</name>
    <message>
        <source>The service sent an answer this console does not understand: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KbMirror</name>
    <message>
        <source>Knowledge base mirror: %1 failed: %2</source>
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
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base mirror %1 was written by a newer Relaydesk (schema %2).</source>
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
        <source>reading articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting articles</source>
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
    <name>MetricsFeed</name>
    <message>
        <source>The service sent metrics this console does not understand: %1</source>
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
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered via %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate suppressed: the user already has it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed at the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed at the gateway: %1</source>
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
        <source>Local cache: cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local cache: cannot write %1: %2</source>
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
    <message>
        <source>Simulator: telemetry was not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::AlertModel</name>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent alerts this console does not understand: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::BulkResultModel</name>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed (refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed at the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted as action %1; the outcome arrives on the ticket&apos;s timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user already has it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::IncidentModel</name>
    <message>
        <source>%1 open / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent incidents this console does not understand: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::KbMirror</name>
    <message>
        <source>reading the sync cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the knowledge base index %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The knowledge base index is in use by another Relaydesk window; it will not be updated here (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rebuild the knowledge base index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The knowledge base could not be synced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing an article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1 from the knowledge base index: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing an article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot index %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing the sync cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot commit the knowledge base index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committing a synced page</source>
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
        <translation>
            <numerusform>%1, %n open ticket</numerusform>
            <numerusform>%1, %n open tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every synced ticket, resolved and closed ones included</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1, %n ticket</numerusform>
            <numerusform>%1, %n tickets</numerusform>
        </translation>
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
        <translation>
            <numerusform>%1 Retrying in %n second.</numerusform>
            <numerusform>%1 Retrying in %n seconds.</numerusform>
        </translation>
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
    <message>
        <source>Select a ticket to reply to first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim ticket #%1 before replying to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 cannot take a reply right now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::AlertBell</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n raised alert(s) not acknowledged yet. Click to see them.</source>
        <translation>
            <numerusform>%n raised alert not acknowledged yet. Click to see it.</numerusform>
            <numerusform>%n raised alerts not acknowledged yet. Click to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>No raised alerts. Click to see the alert history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::AlertPanel</name>
    <message>
        <source>Relaydesk — Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;history (resolved alerts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not acknowledge alert %1: %2 Click Acknowledge to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert to see what it measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only team leads and admins acknowledge alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the team you are on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert is already acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert is already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ArticleBrowser</name>
    <message>
        <source>Link not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link cannot be opened from the knowledge base:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in your browser?

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ArticleView</name>
    <message>
        <source>Insert into reply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article&apos;s title and reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xcerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected text, or else the first paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole article as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an article to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user-facing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agents only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (help article %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ChartCard</name>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this chart&apos;s data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at the chart to read its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no data to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chart to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ChartLegend</name>
    <message>
        <source>Click to open the tickets of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DashboardViews</name>
    <message>
        <source>Alerts are unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp;dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the open tickets caused by %1 (%n ticket(s)).</source>
        <translation>
            <numerusform>Showing the open tickets caused by %1 (%n ticket).</numerusform>
            <numerusform>Showing the open tickets caused by %1 (%n tickets).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the open tickets from %1 (%n ticket(s)).</source>
        <translation>
            <numerusform>Showing the open tickets from %1 (%n ticket).</numerusform>
            <numerusform>Showing the open tickets from %1 (%n tickets).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DashboardWindow</name>
    <message>
        <source>Relaydesk — Team dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inflow vs outflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets by cause (click to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send success rate by region (click to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response and resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction (CSAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1 · live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load this chart: %1</source>
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
    <message>
        <source>Evidence (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier 1 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::IncidentsView</name>
    <message>
        <source>Relaydesk — Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;send all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;route all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ply to all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets of the incident (double-click to open):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the incidents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rerouting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n open ticket(s), each with its own action…</source>
        <translation>
            <numerusform>%1: %n open ticket, with its own action…</numerusform>
            <numerusform>%1: %n open tickets, each with its own action…</numerusform>
        </translation>
    </message>
    <message>
        <source>The bulk action failed: %1 Run it again to retry: tickets already done are not acted on twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1  %2  %3  %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1  (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  — closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there</source>
        <comment>greeting in a reply sent to all users of an incident</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resend the failed message of %n ticket(s)?</source>
        <translation>
            <numerusform>Resend the failed message of %n ticket?</numerusform>
            <numerusform>Resend the failed messages of %n tickets?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reroute the failed message of %n ticket(s) through %1?</source>
        <translation>
            <numerusform>Reroute the failed message of %n ticket through %1?</numerusform>
            <numerusform>Reroute the failed messages of %n tickets through %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send this reply to the users of %n ticket(s)?</source>
        <translation>
            <numerusform>Send this reply to the user of %n ticket?</numerusform>
            <numerusform>Send this reply to the users of %n tickets?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each open ticket of the incident is claimed for you and gets its own action; tickets another agent holds are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>%n delivered</numerusform>
            <numerusform>%n delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) suppressed</source>
        <translation>
            <numerusform>%n duplicate suppressed</numerusform>
            <numerusform>%n duplicates suppressed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between counts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 so far; %n still waiting for the gateway&apos;s answer…</source>
        <translation>
            <numerusform>%1: %2 so far; %n still waiting for the gateway&apos;s answer…</numerusform>
            <numerusform>%1: %2 so far; %n still waiting for the gateway&apos;s answer…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 finished: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it again to retry the failed tickets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbArticleEditor</name>
    <message>
        <source>New knowledge base article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. dns-captive-portal (lowercase, digits, dashes)</source>
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
        <source>Markdown. Raw HTML is shown as text, images are not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Network/DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowercase words, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. M_LIMIT_EXCEEDED, ENOTFOUND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. &gt;=5.2.0 &lt;5.4.1 (empty: every version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents (internal playbook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (user-facing answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;uses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Error codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App &amp;versions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New article: it is stored as the status you choose (draft by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing version %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (field: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this article after you opened it. Loading their version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the article changed and its current version cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded version %1 by %2; your changes were discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: version %1 by %2 is newer. Your text is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 saved version %2 of this article after you opened version %3.

Review their version (details below), then reload it (your changes are discarded) or overwrite it with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbHistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two versions to compare them, or one to compare it with the current version or restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n version(s).</source>
        <translation>
            <numerusform>%n version.</numerusform>
            <numerusform>%n versions.</numerusform>
        </translation>
    </message>
    <message>
        <source>The versions cannot be compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 → version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 was not restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored version %1 as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbTrainerPane</name>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) mirrored, drafts and archived included.</source>
        <translation>
            <numerusform>%n article mirrored, drafts and archived included.</numerusform>
            <numerusform>%n articles mirrored, drafts and archived included.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · version %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage feedback is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Inserted into %n reply(ies); </source>
        <translation>
            <numerusform>Inserted into %n reply; </numerusform>
            <numerusform>Inserted into %n replies; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those ticket(s) resolved.</source>
        <translation>
            <numerusform>%n of those tickets resolved.</numerusform>
            <numerusform>%n of those tickets resolved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KnowledgePane</name>
    <message>
        <source>Search the knowledge base (Chinese or English, error codes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All languages</source>
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
        <source>All causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent playbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User-facing answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The knowledge base is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the knowledge base matches ticket #%1&apos;s diagnosis; type to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested for ticket #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Article %1 is no longer in the knowledge base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 translation of this article; inserting it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert from the knowledge base</source>
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
        <translation>
            <numerusform>%n match (cancelled)</numerusform>
            <numerusform>%n matches (cancelled)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
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
        <translation>
            <numerusform>All lines (%n pattern)</numerusform>
            <numerusform>All lines (%n patterns)</numerusform>
        </translation>
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
    <message>
        <source>From time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show lines from this time on, written as in the log (e.g. 03-17 16:13); Enter applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show lines up to this time, written as in the log; &quot;03-17 16:14&quot; keeps that whole minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show from this line&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show up to this line&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selected lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the cached log: %1</source>
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
    <message>
        <source>&amp;Remember my password in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1 with the password remembered in the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring did not give the remembered password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring: you will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remembered password was not accepted and has been forgotten: %1</source>
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
        <translation>
            <numerusform>%n ticket synced</numerusform>
            <numerusform>%n tickets synced</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the queues and the ticket list (F9); J and K still move between tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 resolved. Showing #%2, the next ticket in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 resolved. No tickets left in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: you are seeing the last synced state; actions cannot reach %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: reconnecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session, forget the password remembered in the system keyring and close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::OfflineBanner</name>
    <message>
        <source>Reconnect now (F5)</source>
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
        <translation>
            <numerusform>%1 %2 at %3 in region %4 after %n attempt</numerusform>
            <numerusform>%1 %2 at %3 in region %4 after %n attempts</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
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
    <message>
        <source>Satisfaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no survey answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 5, answered %2</source>
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
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TrayNotifier</name>
    <message>
        <source>Notify me about new &amp;alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me about tickets &amp;assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 was assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Relaydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Embedded mode.&lt;/b&gt; No team server is configured, so the service runs inside this console, with its database in &lt;tt&gt;%1&lt;/tt&gt;. You are its administrator; nothing leaves this computer. The queues stay empty until failed-message reports arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Try the demo.&lt;/b&gt; Start &lt;tt&gt;relaydesk --demo&lt;/tt&gt;: a simulator sends failed-message reports and plays the IM platform, so resends and replies really happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Work with your team.&lt;/b&gt; Start &lt;tt&gt;relaydesk --server https://relaydesk.example.com&lt;/tt&gt; with your team service&apos;s address (your administrator has it and your account). The sign-in can be remembered in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t show this again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
