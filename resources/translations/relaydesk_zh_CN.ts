<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialogs</name>
    <message>
        <source>Reroute the message</source>
        <translation>改道发送消息</translation>
    </message>
    <message>
        <source>The message failed in %1. Send it again through:</source>
        <translation>消息在 %1 发送失败。改由以下地区重新发送：</translation>
    </message>
    <message>
        <source>Loading region health…</source>
        <translation>正在加载各地区健康状况…</translation>
    </message>
    <message>
        <source>Region health is unavailable: %1</source>
        <translation>无法获取地区健康状况：%1</translation>
    </message>
    <message>
        <source>%1 — %2, circuit %3</source>
        <translation>%1 — %2，熔断器 %3</translation>
    </message>
    <message>
        <source>&amp;Reroute</source>
        <translation>改道(&amp;R)</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>(write your own)</source>
        <translation>（自行撰写）</translation>
    </message>
    <message>
        <source> (matches the diagnosis)</source>
        <translation>（与诊断相符）</translation>
    </message>
    <message>
        <source>What the user will read. Plain text.</source>
        <translation>用户将看到的内容，纯文本。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>标题(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>内容(&amp;M)：</translation>
    </message>
    <message>
        <source>This is exactly what the user receives; check the placeholders are filled.</source>
        <translation>用户收到的就是这些内容；请确认占位符都已填写。</translation>
    </message>
    <message>
        <source>&amp;Send reply</source>
        <translation>发送回复(&amp;S)</translation>
    </message>
    <message>
        <source>The reply needs a title and a message.</source>
        <translation>回复需要标题和内容。</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Only agents see this note:</source>
        <translation>只有客服能看到这条备注：</translation>
    </message>
    <message>
        <source>Transfer the ticket</source>
        <translation>转交工单</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>二线</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>研发</translation>
    </message>
    <message>
        <source>Trust and safety</source>
        <translation>信任与安全</translation>
    </message>
    <message>
        <source>Optional: an agent&apos;s user name</source>
        <translation>可选：客服的用户名</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>队列(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>客服(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>转交(&amp;T)</translation>
    </message>
    <message>
        <source>Resent: the message was delivered</source>
        <translation>已重发：消息已送达</translation>
    </message>
    <message>
        <source>Rerouted: delivered through another region</source>
        <translation>已改道：经其他地区送达</translation>
    </message>
    <message>
        <source>Replied: the user was told what to do</source>
        <translation>已回复：已告知用户如何处理</translation>
    </message>
    <message>
        <source>The user fixed it</source>
        <translation>用户已自行解决</translation>
    </message>
    <message>
        <source>Duplicate of another ticket</source>
        <translation>与其他工单重复</translation>
    </message>
    <message>
        <source>Handed to engineering</source>
        <translation>已交给研发</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <source>Resolve the ticket</source>
        <translation>解决工单</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>解决方式：</translation>
    </message>
    <message>
        <source>Reopen the ticket</source>
        <translation>重新打开工单</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
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
        <translation>J / K	下一个 / 上一个工单
C	认领或释放
S	重发
E	改道
R	回复
N	内部备注
/	搜索设备日志
F3 / Shift+F3	下一个 / 上一个匹配
Ctrl+G	跳转到日志行
Ctrl+F	筛选工单
Ctrl+1 … Ctrl+4	队列、工单、时间线、日志
F5	立即同步
?	本列表</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The service sent no HTTP status.</source>
        <translation>服务没有返回 HTTP 状态。</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>服务没有及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the service: %1</source>
        <translation>无法连接到服务：%1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>会话已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The service failed (HTTP %1): %2</source>
        <translation>服务出错（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The service redirected to another address; check the server URL.</source>
        <translation>服务重定向到了其他地址，请检查服务器 URL。</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1): %2</source>
        <translation>服务拒绝了请求（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The service sent an answer this console does not understand: %1</source>
        <translation>服务返回了本控制台无法识别的应答：%1</translation>
    </message>
    <message>
        <source>%1 is working on this ticket.</source>
        <translation>%1 正在处理此工单。</translation>
    </message>
    <message>
        <source>Claim the ticket before acting on it.</source>
        <translation>请先认领工单再操作。</translation>
    </message>
    <message>
        <source>The ticket&apos;s status does not allow this: %1</source>
        <translation>工单当前状态不允许此操作：%1</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>That region is down; choose another one.</source>
        <translation>该地区不可用，请选择其他地区。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务端</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>User error</source>
        <translation>用户操作</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation>已诊断</translation>
    </message>
    <message>
        <source>Auto-handling</source>
        <translation>自动处理中</translation>
    </message>
    <message>
        <source>Resolved automatically</source>
        <translation>已自动解决</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>Waiting for user</source>
        <translation>等待用户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页版</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Cellular</source>
        <translation>蜂窝网络</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>以太网</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Retry the send</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Wait, then retry</source>
        <translation>等待后重试</translation>
    </message>
    <message>
        <source>Reroute through a healthy region</source>
        <translation>改由健康地区转发</translation>
    </message>
    <message>
        <source>Reply with guidance</source>
        <translation>回复操作指引</translation>
    </message>
    <message>
        <source>Ask the user to upgrade or restart</source>
        <translation>请用户升级或重启应用</translation>
    </message>
    <message>
        <source>Escalate to engineering</source>
        <translation>升级给研发</translation>
    </message>
    <message>
        <source>Send to trust and safety</source>
        <translation>转交信任与安全团队</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级处理</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Reroute</source>
        <translation>改道</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Joined the resend already on its way.</source>
        <translation>已并入正在进行的重发。</translation>
    </message>
    <message>
        <source>Sent to the gateway; waiting for its answer.</source>
        <translation>已发送到网关，等待其应答。</translation>
    </message>
</context>
<context>
    <name>TicketCache</name>
    <message>
        <source>Local cache: %1 failed: %2</source>
        <translation>本地缓存：%1 失败：%2</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>creating the schema</source>
        <translation>创建数据结构</translation>
    </message>
    <message>
        <source>Local cache %1 was written by a newer Relaydesk (schema %2).</source>
        <translation>本地缓存 %1 由更新版本的 Relaydesk 写入（结构版本 %2）。</translation>
    </message>
    <message>
        <source>starting the migration</source>
        <translation>开始迁移</translation>
    </message>
    <message>
        <source>migrating the schema</source>
        <translation>迁移数据结构</translation>
    </message>
    <message>
        <source>committing the migration</source>
        <translation>提交迁移</translation>
    </message>
    <message>
        <source>reading tickets</source>
        <translation>读取工单</translation>
    </message>
    <message>
        <source>reading the sync cursor</source>
        <translation>读取同步游标</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>storing ticket %1</source>
        <translation>保存工单 %1</translation>
    </message>
    <message>
        <source>storing the sync cursor</source>
        <translation>保存同步游标</translation>
    </message>
    <message>
        <source>committing tickets</source>
        <translation>提交工单</translation>
    </message>
    <message>
        <source>reading the timeline</source>
        <translation>读取时间线</translation>
    </message>
    <message>
        <source>storing the timeline</source>
        <translation>保存时间线</translation>
    </message>
    <message>
        <source>reading the log</source>
        <translation>读取日志</translation>
    </message>
    <message>
        <source>storing the log</source>
        <translation>保存日志</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relaydesk: the console for rescuing failed instant messages.
Without --server it runs the service embedded, with a local database.</source>
        <translation>Relaydesk：挽救发送失败的即时消息的控制台。
不带 --server 时，它以内嵌方式运行服务，并使用本地数据库。</translation>
    </message>
    <message>
        <source>Service to connect to, e.g. https://relaydesk.example.com.</source>
        <translation>要连接的服务，例如 https://relaydesk.example.com。</translation>
    </message>
    <message>
        <source>Also run the simulator so failed-message reports arrive.</source>
        <translation>同时运行模拟器，以便收到发送失败的消息报告。</translation>
    </message>
    <message>
        <source>Directory for the local database and cache.</source>
        <translation>本地数据库和缓存所在的目录。</translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en.</source>
        <translation>界面语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Intake key for --demo against --server.</source>
        <translation>在 --server 上使用 --demo 时的接入密钥。</translation>
    </message>
    <message>
        <source>Simulated reports per second (default 4).</source>
        <translation>每秒模拟的报告数（默认 4）。</translation>
    </message>
    <message>
        <source>Simulated reports to send (default 200).</source>
        <translation>要发送的模拟报告数（默认 200）。</translation>
    </message>
    <message>
        <source>Simulator seed, for a repeatable demo.</source>
        <translation>模拟器种子，用于可重复的演示。</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>--server 需要 http:// 或 https:// 开头的 URL，收到的是“%1”</translation>
    </message>
    <message>
        <source>--demo-rate must be a number between 0 and 1000</source>
        <translation>--demo-rate 必须是 0 到 1000 之间的数字</translation>
    </message>
    <message>
        <source>--demo-count must be a whole number &gt;= 0</source>
        <translation>--demo-count 必须是大于等于 0 的整数</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed 必须是整数</translation>
    </message>
    <message>
        <source>--demo with --server needs --client-key</source>
        <translation>--demo 与 --server 一起使用时需要 --client-key</translation>
    </message>
    <message>
        <source>Relaydesk cannot start</source>
        <translation>Relaydesk 无法启动</translation>
    </message>
</context>
<context>
    <name>relaydesk::app::Console</name>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <source>The embedded service could not start: %1</source>
        <translation>内嵌服务无法启动：%1</translation>
    </message>
    <message>
        <source>embedded service</source>
        <translation>内嵌服务</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; nothing you synced was lost.</source>
        <translation>会话已结束。请重新登录以继续；已同步的内容不会丢失。</translation>
    </message>
    <message>
        <source>Simulator: report %1 was not accepted: %2</source>
        <translation>模拟器：报告 %1 未被接受：%2</translation>
    </message>
    <message>
        <source>The simulated IM gateway could not start: %1</source>
        <translation>模拟的即时消息网关无法启动：%1</translation>
    </message>
    <message>
        <source>Could not renew the session with the embedded service: %1</source>
        <translation>无法向内嵌服务续期会话：%1</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::LogTableModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::QueueModel</name>
    <message>
        <source>All escalated</source>
        <translation>全部升级工单</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>By cause</source>
        <translation>按原因</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open ticket(s)</source>
        <translation><numerusform>%1，%n 个未结工单</numerusform></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::SyncEngine</name>
    <message>
        <source>The live connection did not become ready.</source>
        <translation>实时连接未能就绪。</translation>
    </message>
    <message>
        <source>The service no longer accepts this session. Please sign in again.</source>
        <translation>服务不再接受此会话，请重新登录。</translation>
    </message>
    <message>
        <source>The live connection closed.</source>
        <translation>实时连接已关闭。</translation>
    </message>
    <message numerus="yes">
        <source>%1 Retrying in %n second(s).</source>
        <translation><numerusform>%1 %n 秒后重试。</numerusform></translation>
    </message>
</context>
<context>
    <name>relaydesk::models::TicketTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>App</source>
        <translation>应用版本</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ActionBar</name>
    <message>
        <source>&amp;Claim (C)</source>
        <translation>认领(&amp;C)</translation>
    </message>
    <message>
        <source>Resend (S)</source>
        <translation>重发 (S)</translation>
    </message>
    <message>
        <source>Reroute… (E)</source>
        <translation>改道… (E)</translation>
    </message>
    <message>
        <source>Reply… (R)</source>
        <translation>回复… (R)</translation>
    </message>
    <message>
        <source>Note… (N)</source>
        <translation>备注… (N)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：已完成。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 holds this ticket; it is read-only for you.</source>
        <translation>%1 正在处理此工单；您只能查看。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Re&amp;lease (C)</source>
        <translation>释放(&amp;L) (C)</translation>
    </message>
    <message>
        <source>Waiting for the service: %1…</source>
        <translation>等待服务确认：%1…</translation>
    </message>
    <message>
        <source>Held by %1: read-only for you.</source>
        <translation>由 %1 处理中：您只能查看。</translation>
    </message>
    <message>
        <source>Claim the ticket to act on it.</source>
        <translation>认领工单后即可操作。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DiagnosisPane</name>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>What tier 1 tried</source>
        <translation>一线已尝试</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>What tier 1 already tried</source>
        <translation>一线已尝试的处理</translation>
    </message>
    <message>
        <source>Not diagnosed</source>
        <translation>未诊断</translation>
    </message>
    <message>
        <source>This ticket has no automatic diagnosis.</source>
        <translation>此工单没有自动诊断。</translation>
    </message>
    <message>
        <source>%1 · %2 confident</source>
        <translation>%1 · 置信度 %2</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Rules %1 · signature %2</source>
        <translation>规则 %1 · 特征 %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Nothing: tier 1 did not act on this ticket.</source>
        <translation>无：一线未处理此工单。</translation>
    </message>
    <message>
        <source>Tickets with the same signature</source>
        <translation>特征相同的工单</translation>
    </message>
    <message>
        <source>Same signature (incident)</source>
        <translation>相同特征（事件）</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No other ticket has this signature.</source>
        <translation>没有其他工单具有此特征。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::LogPane</name>
    <message>
        <source>Search the log (/)</source>
        <translation>搜索日志 (/)</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>正则(&amp;G)</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>区分大小写(&amp;A)</translation>
    </message>
    <message>
        <source>↑</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Line (Ctrl+G)</source>
        <translation>行号 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Device log</source>
        <translation>设备日志</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) (cancelled)</source>
        <translation><numerusform>%n 个匹配（已取消）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n 个匹配</numerusform></translation>
    </message>
    <message>
        <source>Invalid search: %1</source>
        <translation>搜索条件无效：%1</translation>
    </message>
    <message>
        <source>This report came without a device log.</source>
        <translation>此报告没有附带设备日志。</translation>
    </message>
    <message>
        <source>%1 lines, %2</source>
        <translation>%1 行，%2</translation>
    </message>
    <message>
        <source> (indexing…)</source>
        <translation>（正在建立索引…）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>&amp;Patterns</source>
        <translation>模式(&amp;P)</translation>
    </message>
    <message>
        <source>Group the lines into patterns (variable parts masked), errors and rare ones first</source>
        <translation>将日志行归并为模式（可变部分已屏蔽），错误和罕见的在前</translation>
    </message>
    <message>
        <source>Log patterns</source>
        <translation>日志模式</translation>
    </message>
    <message numerus="yes">
        <source>All lines (%n pattern(s))</source>
        <translation><numerusform>全部行（%n 个模式）</numerusform></translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1×  %2%3</source>
        <translation>%1×  %2%3</translation>
    </message>
    <message>
        <source>Grouping lines into patterns…</source>
        <translation>正在将日志行归并为模式…</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::LoginDialog</name>
    <message>
        <source>Sign in to Relaydesk</source>
        <translation>登录 Relaydesk</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::MainWindow</name>
    <message>
        <source>Relaydesk — %1</source>
        <translation>Relaydesk — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation>重新登录(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter tickets</source>
        <translation>筛选工单(&amp;F)</translation>
    </message>
    <message>
        <source>Go to &amp;queues</source>
        <translation>转到队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Go to &amp;tickets</source>
        <translation>转到工单(&amp;T)</translation>
    </message>
    <message>
        <source>Go to t&amp;imeline</source>
        <translation>转到时间线(&amp;I)</translation>
    </message>
    <message>
        <source>Go to device &amp;log</source>
        <translation>转到设备日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Relaydesk</source>
        <translation>关于 Relaydesk(&amp;A)</translation>
    </message>
    <message>
        <source>About Relaydesk</source>
        <translation>关于 Relaydesk</translation>
    </message>
    <message>
        <source>Relaydesk %1
The console for rescuing failed instant messages.</source>
        <translation>Relaydesk %1
挽救发送失败的即时消息的控制台。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Opening the local copy…</source>
        <translation>正在打开本地副本…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Syncing tickets…</source>
        <translation>正在同步工单…</translation>
    </message>
    <message>
        <source>Live: connected to %1 as %2</source>
        <translation>实时：已以 %2 身份连接到 %1</translation>
    </message>
    <message>
        <source>Offline, showing the last synced state. %1</source>
        <translation>离线，显示最近一次同步的状态。%1</translation>
    </message>
    <message>
        <source>Signed out: %1 Use File → Sign in again.</source>
        <translation>已退出登录：%1 请使用“文件 → 重新登录”。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) synced</source>
        <translation><numerusform>已同步 %n 个工单</numerusform></translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation>工单 #%1 不在您已同步的队列中。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::QueuePane</name>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TicketDetailPane</name>
    <message>
        <source>Select a ticket to see its report, its timeline and the device log.</source>
        <translation>选择一个工单，查看其报告、时间线和设备日志。</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>Failure:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <source>User&apos;s comment:</source>
        <translation>用户留言：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Device log</source>
        <translation>设备日志</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>What happened so far</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1, queue %2%3, reported %4</source>
        <translation>%1，队列 %2%3，上报于 %4</translation>
    </message>
    <message>
        <source>, unassigned</source>
        <translation>，未分配</translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation>，由 %1 处理</translation>
    </message>
    <message>
        <source>%1 (id %2, locale %3)</source>
        <translation>%1（ID %2，语言区域 %3）</translation>
    </message>
    <message>
        <source>%1 %2, %3, app %4, %5</source>
        <translation>%1 %2，%3，应用 %4，%5</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>未知型号</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1, %2 bytes, to %3 in %4, sent %5</source>
        <translation>%1，%2 字节，发给 %3（会话 %4），发送于 %5</translation>
    </message>
    <message>
        <source>no HTTP response</source>
        <translation>无 HTTP 响应</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 at %3 in region %4 after %n attempt(s)</source>
        <translation><numerusform>%1 %2，位于 %3，地区 %4，已尝试 %n 次</numerusform></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Loading the device log…</source>
        <translation>正在加载设备日志…</translation>
    </message>
    <message>
        <source>Could not load everything for this ticket: %1</source>
        <translation>无法加载此工单的全部内容：%1</translation>
    </message>
    <message>
        <source>Time since the user reported the failure (the SLA clock starts at the report)</source>
        <translation>自用户报告故障以来的时间（SLA 计时从报告开始）</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分钟</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Closed after %1</source>
        <translation>%1 后关闭</translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation>已持续 %1</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TicketListPane</name>
    <message>
        <source>Filter by user, error code, region, text… (Ctrl+F)</source>
        <translation>按用户、错误码、地区、文本筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation>快速筛选</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation><numerusform>%n 个工单</numerusform></translation>
    </message>
</context>
</TS>
