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
        <source>Insert from &amp;knowledge base…</source>
        <translation>从知识库插入(&amp;K)…</translation>
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
        <translation>J / K	下一个 / 上一个工单
C	认领或释放
S	重发
E	改道
R	回复
N	内部备注
/	搜索设备日志
Esc	从日志搜索回到日志
F3 / Shift+F3	下一个 / 上一个匹配
Ctrl+G	跳转到日志行
Ctrl+F	筛选工单
Ctrl+1 … Ctrl+4	队列、工单、时间线、日志
F9	显示或隐藏工单列表
F2	知识库
Ctrl+D	仪表盘
Ctrl+I	事件
Ctrl+Shift+A	告警
F5	立即同步；离线时立即重新连接
?	本列表</translation>
    </message>
    <message>
        <source>Nobody: into the queue</source>
        <translation>不指定：放入队列</translation>
    </message>
    <message>
        <source>Loading the agents…</source>
        <translation>正在加载客服列表…</translation>
    </message>
    <message>
        <source>The agent list is unavailable (%1): the ticket can still go to a queue.</source>
        <translation>无法获取客服列表（%1）：仍可将工单转入队列。</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, holds %n ticket(s))</source>
        <translation>
            <numerusform>%1（%2，持有 %n 个工单）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Delivery success dropped</source>
        <translation>送达成功率下降</translation>
    </message>
    <message>
        <source>Report inflow spike</source>
        <translation>报告量激增</translation>
    </message>
    <message>
        <source>SLA breach risk</source>
        <translation>SLA 超时风险</translation>
    </message>
    <message>
        <source>success %1 % (baseline %2 %), %3 of %4 failed</source>
        <translation>成功率 %1%（基线 %2%），%4 条中 %3 条失败</translation>
    </message>
    <message>
        <source>%1 reports in %2 min (usual %3)</source>
        <translation>%2 分钟内 %1 份报告（通常为 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) near the %1 min limit</source>
        <translation>
            <numerusform>%n 个工单接近 %1 分钟时限</numerusform>
        </translation>
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
    <message>
        <source>Someone else changed this article after you opened it: %1</source>
        <translation>您打开这篇文章后，其他人修改了它：%1</translation>
    </message>
</context>
<context>
    <name>ChartFactory</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source>No open tickets in this range.</source>
        <translation>此时间范围内没有未结工单。</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>No tickets arrived or closed in this range.</source>
        <translation>此时间范围内没有新到或关闭的工单。</translation>
    </message>
    <message>
        <source>Inflow (reports)</source>
        <translation>流入（报告）</translation>
    </message>
    <message>
        <source>Outflow (resolved)</source>
        <translation>流出（已解决）</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>tickets per bucket</source>
        <translation>每时段工单数</translation>
    </message>
    <message>
        <source>No tickets in this range.</source>
        <translation>此时间范围内没有工单。</translation>
    </message>
    <message>
        <source>No telemetry yet: the IM platform has not reported any sends in this range.</source>
        <translation>暂无遥测数据：即时消息平台在此时间范围内未上报任何发送。</translation>
    </message>
    <message>
        <source>send success %</source>
        <translation>发送成功率 %</translation>
    </message>
    <message>
        <source>First response p50</source>
        <translation>首次响应 p50</translation>
    </message>
    <message>
        <source>First response p90</source>
        <translation>首次响应 p90</translation>
    </message>
    <message>
        <source>Resolution p50</source>
        <translation>解决 p50</translation>
    </message>
    <message>
        <source>Resolution p90</source>
        <translation>解决 p90</translation>
    </message>
    <message>
        <source>No first responses or resolutions in this range.</source>
        <translation>此时间范围内没有首次响应或解决记录。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>No SLA breaches in this range.</source>
        <translation>此时间范围内没有 SLA 超时。</translation>
    </message>
    <message>
        <source>First response breaches</source>
        <translation>首次响应超时</translation>
    </message>
    <message>
        <source>Resolution breaches</source>
        <translation>解决超时</translation>
    </message>
    <message>
        <source>breaches</source>
        <translation>超时次数</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message>
        <source>No survey answers in this range.</source>
        <translation>此时间范围内没有调查答复。</translation>
    </message>
    <message>
        <source>answers by score</source>
        <translation>各评分答复数</translation>
    </message>
    <message>
        <source>%1 answers, mean %2</source>
        <translation>%1 份答复，平均 %2</translation>
    </message>
    <message>
        <source>No agent activity in this range.</source>
        <translation>此时间范围内没有客服活动。</translation>
    </message>
    <message>
        <source>Open claimed</source>
        <translation>已认领未结</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作数</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Unknown chart.</source>
        <translation>未知图表。</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <comment>bucket: date, start time, end time</comment>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <comment>bucket: start date and time, end date and time</comment>
        <translation>%1 %2 – %3 %4</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date axis labels, Qt date format</comment>
        <translation>M&apos;月&apos;d&apos;日&apos;</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <comment>series: value (bucket)</comment>
        <translation>%1：%2（%3）</translation>
    </message>
</context>
<context>
    <name>IncidentBulkAction</name>
    <message>
        <source>The service sent an answer this console does not understand: %1</source>
        <translation>服务返回了本控制台无法识别的应答：%1</translation>
    </message>
</context>
<context>
    <name>KbMirror</name>
    <message>
        <source>Knowledge base mirror: %1 failed: %2</source>
        <translation>知识库本地副本：%1 失败：%2</translation>
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
        <source>reading the schema version</source>
        <translation>读取数据结构版本</translation>
    </message>
    <message>
        <source>Knowledge base mirror %1 was written by a newer Relaydesk (schema %2).</source>
        <translation>知识库本地副本 %1 由更新版本的 Relaydesk 写入（结构版本 %2）。</translation>
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
        <source>reading articles</source>
        <translation>读取文章</translation>
    </message>
    <message>
        <source>counting articles</source>
        <translation>统计文章数</translation>
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
    <name>MetricsFeed</name>
    <message>
        <source>The service sent metrics this console does not understand: %1</source>
        <translation>服务返回了本控制台无法识别的指标数据：%1</translation>
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
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>delivered via %1</source>
        <translation>已通过 %1 送达</translation>
    </message>
    <message>
        <source>duplicate suppressed: the user already has it</source>
        <translation>已拦截重复发送：用户已收到该消息</translation>
    </message>
    <message>
        <source>failed at the gateway</source>
        <translation>在网关处失败</translation>
    </message>
    <message>
        <source>failed at the gateway: %1</source>
        <translation>在网关处失败：%1</translation>
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
        <source>Local cache: cannot create %1</source>
        <translation>本地缓存：无法创建 %1</translation>
    </message>
    <message>
        <source>Local cache: cannot write %1: %2</source>
        <translation>本地缓存：无法写入 %1：%2</translation>
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
    <message>
        <source>Simulator: telemetry was not accepted: %1</source>
        <translation>模拟器：遥测数据未被接受：%1</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::AlertModel</name>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>%1 于 %2 确认</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>已由 %1 确认</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>已于 %1 解除</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>The service sent alerts this console does not understand: %1</source>
        <translation>服务返回了本控制台无法识别的告警：%1</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::BulkResultModel</name>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>waiting for the gateway…</source>
        <translation>等待网关应答…</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>duplicate suppressed</source>
        <translation>重复已抑制</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>failed (refused)</source>
        <translation>失败（被拒绝）</translation>
    </message>
    <message>
        <source>failed at the gateway</source>
        <translation>在网关处失败</translation>
    </message>
    <message>
        <source>accepted as action %1; the outcome arrives on the ticket&apos;s timeline</source>
        <translation>已受理为操作 %1；结果会出现在工单时间线上</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>经由 %1</translation>
    </message>
    <message>
        <source>the user already has it</source>
        <translation>用户已收到</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::IncidentModel</name>
    <message>
        <source>%1 open / %2</source>
        <translation>%1 未结 / 共 %2</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>The service sent incidents this console does not understand: %1</source>
        <translation>服务返回了本控制台无法识别的事件：%1</translation>
    </message>
</context>
<context>
    <name>relaydesk::models::KbMirror</name>
    <message>
        <source>reading the sync cursor</source>
        <translation>读取同步游标</translation>
    </message>
    <message>
        <source>Cannot open the knowledge base index %1: %2</source>
        <translation>无法打开知识库索引 %1：%2</translation>
    </message>
    <message>
        <source>The knowledge base index is in use by another Relaydesk window; it will not be updated here (%1).</source>
        <translation>知识库索引正被另一个 Relaydesk 窗口使用，此窗口不会更新它（%1）。</translation>
    </message>
    <message>
        <source>Cannot rebuild the knowledge base index: %1</source>
        <translation>无法重建知识库索引：%1</translation>
    </message>
    <message>
        <source>The knowledge base could not be synced: %1</source>
        <translation>无法同步知识库：%1</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>removing an article</source>
        <translation>删除文章</translation>
    </message>
    <message>
        <source>Cannot remove %1 from the knowledge base index: %2</source>
        <translation>无法从知识库索引中删除 %1：%2</translation>
    </message>
    <message>
        <source>storing an article</source>
        <translation>保存文章</translation>
    </message>
    <message>
        <source>Cannot index %1: %2</source>
        <translation>无法为 %1 建立索引：%2</translation>
    </message>
    <message>
        <source>storing the sync cursor</source>
        <translation>保存同步游标</translation>
    </message>
    <message>
        <source>Cannot commit the knowledge base index: %1</source>
        <translation>无法提交知识库索引：%1</translation>
    </message>
    <message>
        <source>committing a synced page</source>
        <translation>提交已同步的一页数据</translation>
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
        <translation>
            <numerusform>%1，%n 个未结工单</numerusform>
        </translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>Every synced ticket, resolved and closed ones included</source>
        <translation>所有已同步的工单，包括已解决和已关闭的</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1，%n 个工单</numerusform>
        </translation>
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
        <translation>
            <numerusform>%1 %n 秒后重试。</numerusform>
        </translation>
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
    <message>
        <source>Select a ticket to reply to first.</source>
        <translation>请先选择要回复的工单。</translation>
    </message>
    <message>
        <source>Claim ticket #%1 before replying to it.</source>
        <translation>请先认领工单 #%1 再回复。</translation>
    </message>
    <message>
        <source>Ticket #%1 cannot take a reply right now.</source>
        <translation>工单 #%1 当前无法回复。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::AlertBell</name>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <source>%n raised alert(s) not acknowledged yet. Click to see them.</source>
        <translation>
            <numerusform>%n 条已触发的告警尚未确认。点击查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>No raised alerts. Click to see the alert history.</source>
        <translation>没有已触发的告警。点击查看告警历史。</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n 条告警</numerusform>
        </translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>没有告警</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::AlertPanel</name>
    <message>
        <source>Relaydesk — Alerts</source>
        <translation>Relaydesk — 告警</translation>
    </message>
    <message>
        <source>Show &amp;history (resolved alerts)</source>
        <translation>显示历史(&amp;H)（已解除的告警）</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Could not acknowledge alert %1: %2 Click Acknowledge to try again.</source>
        <translation>无法确认告警 %1：%2 请点击“确认”重试。</translation>
    </message>
    <message>
        <source>Select an alert to see what it measured.</source>
        <translation>选择一条告警，查看其测量数据。</translation>
    </message>
    <message>
        <source>Only team leads and admins acknowledge alerts.</source>
        <translation>只有组长和管理员可以确认告警。</translation>
    </message>
    <message>
        <source>Acknowledging…</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <source>Tell the team you are on it.</source>
        <translation>告诉团队您正在处理。</translation>
    </message>
    <message>
        <source>This alert is already acknowledged.</source>
        <translation>此告警已被确认。</translation>
    </message>
    <message>
        <source>This alert is already resolved.</source>
        <translation>此告警已解决。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ArticleBrowser</name>
    <message>
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <source>This link cannot be opened from the knowledge base:
%1</source>
        <translation>无法从知识库打开此链接：
%1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Open this address in your browser?

%1</source>
        <translation>要在浏览器中打开此地址吗？

%1</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ArticleView</name>
    <message>
        <source>Insert into reply:</source>
        <translation>插入回复：</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>链接(&amp;L)</translation>
    </message>
    <message>
        <source>The article&apos;s title and reference</source>
        <translation>文章的标题和引用</translation>
    </message>
    <message>
        <source>E&amp;xcerpt</source>
        <translation>摘录(&amp;X)</translation>
    </message>
    <message>
        <source>The selected text, or else the first paragraph</source>
        <translation>选中的文字；未选中时为第一段</translation>
    </message>
    <message>
        <source>&amp;Whole answer</source>
        <translation>完整答复(&amp;W)</translation>
    </message>
    <message>
        <source>The whole article as plain text</source>
        <translation>整篇文章（纯文本）</translation>
    </message>
    <message>
        <source>Pick an article to read it here.</source>
        <translation>选择一篇文章，在此阅读。</translation>
    </message>
    <message>
        <source>user-facing</source>
        <translation>面向用户</translation>
    </message>
    <message>
        <source>agents only</source>
        <translation>仅限客服</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>app %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 (help article %2)</source>
        <translation>%1（帮助文章 %2）</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ChartCard</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export this chart&apos;s data as CSV</source>
        <translation>将此图表的数据导出为 CSV</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>将此图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Point at the chart to read its values.</source>
        <translation>将鼠标指向图表以查看数值。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>There is no data to export yet.</source>
        <translation>还没有可导出的数据。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>There is no chart to save.</source>
        <translation>没有可保存的图表。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Export the chart&apos;s data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::ChartLegend</name>
    <message>
        <source>Click to open the tickets of %1</source>
        <translation>点击打开 %1 的工单</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DashboardViews</name>
    <message>
        <source>Alerts are unavailable: %1</source>
        <translation>无法获取告警：%1</translation>
    </message>
    <message>
        <source>Team &amp;dashboard</source>
        <translation>团队仪表盘(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Showing the open tickets caused by %1 (%n ticket(s)).</source>
        <translation>
            <numerusform>正在显示原因为 %1 的未结工单（%n 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the open tickets from %1 (%n ticket(s)).</source>
        <translation>
            <numerusform>正在显示来自 %1 的未结工单（%n 个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation>工单 #%1 不在您已同步的队列中。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::DashboardWindow</name>
    <message>
        <source>Relaydesk — Team dashboard</source>
        <translation>Relaydesk — 团队仪表盘</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>时间范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Queue depth by state</source>
        <translation>各状态的队列深度</translation>
    </message>
    <message>
        <source>Inflow vs outflow</source>
        <translation>流入与流出</translation>
    </message>
    <message>
        <source>Tickets by cause (click to open)</source>
        <translation>按原因统计的工单（点击打开）</translation>
    </message>
    <message>
        <source>Send success rate by region (click to open)</source>
        <translation>各地区发送成功率（点击打开）</translation>
    </message>
    <message>
        <source>First response and resolution time</source>
        <translation>首次响应与解决用时</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA 超时</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT)</source>
        <translation>满意度（CSAT）</translation>
    </message>
    <message>
        <source>Agent load</source>
        <translation>客服负载</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Updated %1 · live</source>
        <translation>更新于 %1 · 实时</translation>
    </message>
    <message>
        <source>Could not load this chart: %1</source>
        <translation>无法加载此图表：%1</translation>
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
    <message>
        <source>Evidence (%1)</source>
        <translation>证据 (%1)</translation>
    </message>
    <message>
        <source>Tier 1 (%1)</source>
        <translation>一线 (%1)</translation>
    </message>
    <message>
        <source>Incident (%1)</source>
        <translation>事件 (%1)</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::IncidentsView</name>
    <message>
        <source>Relaydesk — Incidents</source>
        <translation>Relaydesk — 事件</translation>
    </message>
    <message>
        <source>Re&amp;send all</source>
        <translation>全部重发(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;route all…</source>
        <translation>全部改道(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;ply to all…</source>
        <translation>全部回复(&amp;P)…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Tickets of the incident (double-click to open):</source>
        <translation>此事件的工单（双击打开）：</translation>
    </message>
    <message>
        <source>Could not load the incidents: %1</source>
        <translation>无法加载事件：%1</translation>
    </message>
    <message>
        <source>Resending</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Rerouting</source>
        <translation>改道</translation>
    </message>
    <message>
        <source>Replying</source>
        <translation>回复</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n open ticket(s), each with its own action…</source>
        <translation>
            <numerusform>%1：%n 个未结工单，逐个执行操作…</numerusform>
        </translation>
    </message>
    <message>
        <source>The bulk action failed: %1 Run it again to retry: tickets already done are not acted on twice.</source>
        <translation>批量操作失败：%1 再次运行即可重试：已处理的工单不会被重复处理。</translation>
    </message>
    <message>
        <source>#%1  %2  %3  %4</source>
        <translation>#%1  %2  %3  %4</translation>
    </message>
    <message>
        <source>#%1  (not synced)</source>
        <translation>#%1  （未同步）</translation>
    </message>
    <message>
        <source>  — closed</source>
        <translation>  — 已关闭</translation>
    </message>
    <message>
        <source>there</source>
        <comment>greeting in a reply sent to all users of an incident</comment>
        <translation>尊敬的用户</translation>
    </message>
    <message numerus="yes">
        <source>Resend the failed message of %n ticket(s)?</source>
        <translation>
            <numerusform>重发 %n 个工单的失败消息？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reroute the failed message of %n ticket(s) through %1?</source>
        <translation>
            <numerusform>通过 %1 改道重发 %n 个工单的失败消息？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send this reply to the users of %n ticket(s)?</source>
        <translation>
            <numerusform>将此回复发送给 %n 个工单的用户？</numerusform>
        </translation>
    </message>
    <message>
        <source>Each open ticket of the incident is claimed for you and gets its own action; tickets another agent holds are skipped.</source>
        <translation>事件中的每个未结工单都会由您认领，并各自执行操作；其他坐席持有的工单将被跳过。</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>%n 个已送达</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) suppressed</source>
        <translation>
            <numerusform>%n 个重复已抑制</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 个已跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between counts</comment>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 so far; %n still waiting for the gateway&apos;s answer…</source>
        <translation>
            <numerusform>%1：目前 %2；仍有 %n 个在等待网关应答…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 finished: %2.</source>
        <translation>%1已完成：%2。</translation>
    </message>
    <message>
        <source>Run it again to retry the failed tickets.</source>
        <translation>再次运行即可重试失败的工单。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbArticleEditor</name>
    <message>
        <source>New knowledge base article</source>
        <translation>新建知识库文章</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>e.g. dns-captive-portal (lowercase, digits, dashes)</source>
        <translation>例如 dns-captive-portal（小写字母、数字、连字符）</translation>
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
        <source>Markdown. Raw HTML is shown as text, images are not loaded.</source>
        <translation>Markdown 格式。原始 HTML 按文本显示，不加载图片。</translation>
    </message>
    <message>
        <source>e.g. Network/DNS</source>
        <translation>例如 Network/DNS</translation>
    </message>
    <message>
        <source>lowercase words, separated by commas</source>
        <translation>小写词语，以逗号分隔</translation>
    </message>
    <message>
        <source>e.g. M_LIMIT_EXCEEDED, ENOTFOUND</source>
        <translation>例如 M_LIMIT_EXCEEDED, ENOTFOUND</translation>
    </message>
    <message>
        <source>e.g. &gt;=5.2.0 &lt;5.4.1 (empty: every version)</source>
        <translation>例如 &gt;=5.2.0 &lt;5.4.1（留空：所有版本）</translation>
    </message>
    <message>
        <source>Agents (internal playbook)</source>
        <translation>客服（内部处理手册）</translation>
    </message>
    <message>
        <source>Users (user-facing answer)</source>
        <translation>用户（面向用户的答复）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Ca&amp;uses:</source>
        <translation>原因(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Error codes:</source>
        <translation>错误码(&amp;E)：</translation>
    </message>
    <message>
        <source>App &amp;versions:</source>
        <translation>应用版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>受众(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>New article: it is stored as the status you choose (draft by default).</source>
        <translation>新文章：将按您选择的状态保存（默认为草稿）。</translation>
    </message>
    <message>
        <source>Editing version %1 by %2.</source>
        <translation>正在编辑 %2 的版本 %1。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>%1 (field: %2)</source>
        <translation>%1（字段：%2）</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
    <message>
        <source>Someone else saved this article after you opened it. Loading their version…</source>
        <translation>您打开这篇文章后，其他人保存了它。正在加载对方的版本…</translation>
    </message>
    <message>
        <source>Not saved: the article changed and its current version cannot be read: %1</source>
        <translation>未保存：文章已被修改，且无法读取其当前版本：%1</translation>
    </message>
    <message>
        <source>Reloaded version %1 by %2; your changes were discarded.</source>
        <translation>已重新加载 %2 的版本 %1；您的修改已丢弃。</translation>
    </message>
    <message>
        <source>Not saved: version %1 by %2 is newer. Your text is still here.</source>
        <translation>未保存：%2 的版本 %1 更新。您的文字仍保留在此。</translation>
    </message>
    <message>
        <source>The article changed</source>
        <translation>文章已被修改</translation>
    </message>
    <message>
        <source>%1 saved version %2 of this article after you opened version %3.

Review their version (details below), then reload it (your changes are discarded) or overwrite it with yours.</source>
        <translation>您打开版本 %3 后，%1 保存了这篇文章的版本 %2。

请查看对方的版本（详见下方），然后重新加载该版本（您的修改将被丢弃），或用您的版本覆盖它。</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>重新加载对方版本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>用我的版本覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbHistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <source>Select two versions to compare them, or one to compare it with the current version or restore it.</source>
        <translation>选择两个版本进行比较；或选择一个版本，与当前版本比较或恢复它。</translation>
    </message>
    <message>
        <source>The history cannot be loaded: %1</source>
        <translation>无法加载历史：%1</translation>
    </message>
    <message>
        <source>v%1 · %2 · %3 · %4</source>
        <translation>v%1 · %2 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s).</source>
        <translation>
            <numerusform>%n 个版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>The versions cannot be compared: %1</source>
        <translation>无法比较这些版本：%1</translation>
    </message>
    <message>
        <source>Version %1 → version %2</source>
        <translation>版本 %1 → 版本 %2</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>Version %1 was not restored: %2</source>
        <translation>版本 %1 未能恢复：%2</translation>
    </message>
    <message>
        <source>Restored version %1 as version %2.</source>
        <translation>已将版本 %1 恢复为版本 %2。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KbTrainerPane</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) mirrored, drafts and archived included.</source>
        <translation>
            <numerusform>本地已同步 %n 篇文章（含草稿和已归档）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · version %3 by %4</source>
        <translation>%1 · %2 · 版本 %3，由 %4 保存</translation>
    </message>
    <message>
        <source>Usage feedback is unavailable: %1</source>
        <translation>无法获取使用反馈：%1</translation>
    </message>
    <message numerus="yes">
        <source>Inserted into %n reply(ies); </source>
        <translation>
            <numerusform>已插入 %n 条回复；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those ticket(s) resolved.</source>
        <translation>
            <numerusform>其中 %n 个工单已解决。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 as version %2.</source>
        <translation>已将 %1 保存为版本 %2。</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Published %1.</source>
        <translation>已发布 %1。</translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation>已归档 %1。</translation>
    </message>
    <message>
        <source>Restored %1 as version %2.</source>
        <translation>已将 %1 恢复为版本 %2。</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::KnowledgePane</name>
    <message>
        <source>Search the knowledge base (Chinese or English, error codes)…</source>
        <translation>搜索知识库（中文或英文、错误码）…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>全部语言</translation>
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
        <source>All causes</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Agents and users</source>
        <translation>客服和用户</translation>
    </message>
    <message>
        <source>Agent playbooks</source>
        <translation>客服处理手册</translation>
    </message>
    <message>
        <source>User-facing answers</source>
        <translation>面向用户的答复</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>请选择要回复的工单。</translation>
    </message>
    <message>
        <source>The knowledge base is not available yet.</source>
        <translation>知识库暂不可用。</translation>
    </message>
    <message>
        <source>Nothing in the knowledge base matches ticket #%1&apos;s diagnosis; type to search.</source>
        <translation>知识库中没有与工单 #%1 的诊断相符的内容；请输入关键词搜索。</translation>
    </message>
    <message>
        <source>Suggested for ticket #%1 (%2)</source>
        <translation>为工单 #%1 推荐（%2）</translation>
    </message>
    <message>
        <source>No articles.</source>
        <translation>没有文章。</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>没有匹配项。</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Article %1 is no longer in the knowledge base.</source>
        <translation>文章 %1 已不在知识库中。</translation>
    </message>
    <message>
        <source>No %1 translation of this article; inserting it as it is.</source>
        <translation>这篇文章没有%1版本，将按原文插入。</translation>
    </message>
    <message>
        <source>Insert from the knowledge base</source>
        <translation>从知识库插入</translation>
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
        <translation>
            <numerusform>%n 个匹配（已取消）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
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
        <translation>
            <numerusform>全部行（%n 个模式）</numerusform>
        </translation>
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
    <message>
        <source>From time</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Show lines from this time on, written as in the log (e.g. 03-17 16:13); Enter applies</source>
        <translation>显示从此时间起的行，格式与日志相同（例如 03-17 16:13）；按 Enter 生效</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Show lines up to this time, written as in the log; &quot;03-17 16:14&quot; keeps that whole minute</source>
        <translation>显示到此时间为止的行，格式与日志相同；“03-17 16:14”包含该分钟内的所有行</translation>
    </message>
    <message>
        <source>Show from this line&apos;s time</source>
        <translation>从此行的时间开始显示</translation>
    </message>
    <message>
        <source>Show up to this line&apos;s time</source>
        <translation>显示到此行的时间为止</translation>
    </message>
    <message>
        <source>Clear the time range</source>
        <translation>清除时间范围</translation>
    </message>
    <message>
        <source>Copy selected lines</source>
        <translation>复制选中的行</translation>
    </message>
    <message>
        <source>Cannot open the cached log: %1</source>
        <translation>无法打开缓存的日志：%1</translation>
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
    <message>
        <source>&amp;Remember my password in the system keyring</source>
        <translation>在系统密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Signing in as %1 with the password remembered in the system keyring…</source>
        <translation>正在以 %1 的身份使用系统密钥环中记住的密码登录…</translation>
    </message>
    <message>
        <source>The system keyring did not give the remembered password: %1</source>
        <translation>系统密钥环未能提供记住的密码：%1</translation>
    </message>
    <message>
        <source>No system keyring: you will be asked each time.</source>
        <translation>没有系统密钥环：每次都需要输入密码。</translation>
    </message>
    <message>
        <source>The remembered password was not accepted and has been forgotten: %1</source>
        <translation>记住的密码未被接受，已将其删除：%1</translation>
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
        <translation>
            <numerusform>已同步 %n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket #%1 is not in your synced queues.</source>
        <translation>工单 #%1 不在您已同步的队列中。</translation>
    </message>
    <message>
        <source>&amp;Knowledge base</source>
        <translation>知识库(&amp;K)</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Ticket &amp;list</source>
        <translation>工单列表(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the queues and the ticket list (F9); J and K still move between tickets</source>
        <translation>显示或隐藏队列和工单列表（F9）；J 和 K 仍可在工单之间切换</translation>
    </message>
    <message>
        <source>Ticket #%1 resolved.</source>
        <translation>工单 #%1 已解决。</translation>
    </message>
    <message>
        <source>Ticket #%1 resolved. Showing #%2, the next ticket in %3.</source>
        <translation>工单 #%1 已解决。现在显示%3中的下一个工单 #%2。</translation>
    </message>
    <message>
        <source>Ticket #%1 resolved. No tickets left in %2.</source>
        <translation>工单 #%1 已解决。%2中已没有工单。</translation>
    </message>
    <message>
        <source>Offline: you are seeing the last synced state; actions cannot reach %1. %2</source>
        <translation>离线：显示的是上次同步的状态；操作无法送达 %1。%2</translation>
    </message>
    <message>
        <source>Offline: reconnecting to %1…</source>
        <translation>离线：正在重新连接 %1…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>End the session, forget the password remembered in the system keyring and close</source>
        <translation>结束会话，删除系统密钥环中记住的密码并关闭</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::OfflineBanner</name>
    <message>
        <source>Reconnect now (F5)</source>
        <translation>立即重新连接 (F5)</translation>
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
        <translation>
            <numerusform>%1 %2，位于 %3，地区 %4，已尝试 %n 次</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
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
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>(no survey answer)</source>
        <translation>（未回复满意度调查）</translation>
    </message>
    <message>
        <source>%1 of 5, answered %2</source>
        <translation>%1 分（满分 5 分），回复于 %2</translation>
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
        <translation>
            <numerusform>%n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::TrayNotifier</name>
    <message>
        <source>Notify me about new &amp;alerts</source>
        <translation>有新告警时通知我(&amp;A)</translation>
    </message>
    <message>
        <source>Notify me about tickets &amp;assigned to me</source>
        <translation>有工单分配给我时通知我(&amp;A)</translation>
    </message>
    <message>
        <source>Relaydesk</source>
        <translation>Relaydesk</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>Ticket #%1 was assigned to you</source>
        <translation>工单 #%1 已分配给您</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>relaydesk::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Relaydesk</source>
        <translation>欢迎使用 Relaydesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Embedded mode.&lt;/b&gt; No team server is configured, so the service runs inside this console, with its database in &lt;tt&gt;%1&lt;/tt&gt;. You are its administrator; nothing leaves this computer. The queues stay empty until failed-message reports arrive.</source>
        <translation>&lt;b&gt;嵌入模式。&lt;/b&gt;尚未配置团队服务器，因此服务在此控制台内运行，数据库位于 &lt;tt&gt;%1&lt;/tt&gt;。您是它的管理员，数据不会离开这台计算机。在收到消息发送失败的报告之前，队列是空的。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try the demo.&lt;/b&gt; Start &lt;tt&gt;relaydesk --demo&lt;/tt&gt;: a simulator sends failed-message reports and plays the IM platform, so resends and replies really happen.</source>
        <translation>&lt;b&gt;试用演示。&lt;/b&gt;运行 &lt;tt&gt;relaydesk --demo&lt;/tt&gt;：模拟器会发送消息发送失败的报告并扮演即时通讯平台，因此重发和回复都会真实发生。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Work with your team.&lt;/b&gt; Start &lt;tt&gt;relaydesk --server https://relaydesk.example.com&lt;/tt&gt; with your team service&apos;s address (your administrator has it and your account). The sign-in can be remembered in the system keyring.</source>
        <translation>&lt;b&gt;与团队协作。&lt;/b&gt;用团队服务的地址运行 &lt;tt&gt;relaydesk --server https://relaydesk.example.com&lt;/tt&gt;（地址和账号由管理员提供）。登录信息可以记在系统密钥环中。</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t show this again</source>
        <translation>不再显示(&amp;D)</translation>
    </message>
</context>
</TS>
