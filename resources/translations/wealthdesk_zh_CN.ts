<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actor</name>
    <message>
        <source>{name} (desk {desk})</source>
        <translation>{name}（{desk} 号理财室）</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>prepared {done} of {total}</source>
        <translation>已准备 {done}/{total}</translation>
    </message>
    <message>
        <source>nothing to prepare</source>
        <translation>无需准备</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <source>prepared {done}/{total}</source>
        <translation>已准备 {done}/{total}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The database is not available</source>
        <translation>数据库暂时无法使用</translation>
    </message>
    <message>
        <source>WealthDesk hit a problem</source>
        <translation>WealthDesk 遇到问题</translation>
    </message>
    <message>
        <source>Something went wrong that WealthDesk did not expect. What you saved is safe; the last action may not have finished.

The details are in the log file:
{path}</source>
        <translation>发生了意外错误。已保存的内容是安全的；最后一步操作可能没有完成。

详细信息记录在日志文件中：
{path}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>The newest backup is from {when}; {count} backups are in {folder}. The database above is not changed unless you restore one, and then it is kept beside them.</source>
        <translation>最新的备份是 {when} 的；{folder} 中共有 {count} 份备份。除非您恢复其中一份，上述数据库不会被改动；恢复时它会保留在备份旁边。</translation>
    </message>
    <message>
        <source>WealthDesk then opens it.</source>
        <translation>随后 WealthDesk 将打开它。</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>New appointment</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <source>Change the appointment</source>
        <translation>修改预约</translation>
    </message>
    <message>
        <source>Reschedule the appointment</source>
        <translation>预约改期</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>Find in the book: name, pinyin initials or mobile tail</source>
        <translation>在客户档案中查找：姓名、拼音首字母或手机尾号</translation>
    </message>
    <message>
        <source>A new prospect</source>
        <translation>新的潜在客户</translation>
    </message>
    <message>
        <source>Prospect&apos;s &amp;name:</source>
        <translation>潜在客户姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Prospect&apos;s &amp;mobile:</source>
        <translation>潜在客户手机(&amp;M)：</translation>
    </message>
    <message>
        <source>{masked} (leave empty to keep it)</source>
        <translation>{masked}（留空则保持不变）</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>日期和时间(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;uration (minutes):</source>
        <translation>时长（分钟）(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Lunch-break reason:</source>
        <translation>午休时间预约原因(&amp;L)：</translation>
    </message>
    <message>
        <source>Why the client comes in the lunch break</source>
        <translation>客户为何在午休时间前来</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>来访目的：</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Topics:</source>
        <translation>话题(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>团队(&amp;E)：</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Preparation &amp;checklist:</source>
        <translation>准备清单(&amp;C)：</translation>
    </message>
    <message>
        <source>One item per line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <source>Tick and add items in the appointment&apos;s panel.</source>
        <translation>在预约面板中勾选或添加准备事项。</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选择：{name}</translation>
    </message>
    <message>
        <source>Find the client in the book, or tick “A new prospect” and give a name and mobile.</source>
        <translation>请在客户档案中查找客户，或勾选“新的潜在客户”并填写姓名和手机号。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访目的</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>准备进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{done} of {total} preparation items ready</source>
        <translation>准备事项已完成 {done}/{total}</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>No-show…</source>
        <translation>过号…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Previous working day</source>
        <translation>上一个工作日</translation>
    </message>
    <message>
        <source>Next working day</source>
        <translation>下一个工作日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Find: name, pinyin, the mobile&apos;s last 4 digits or a date</source>
        <translation>查找：姓名、拼音、手机号后4位或日期</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>来访目的：</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>话题：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>团队：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Lunch break:</source>
        <translation>午休：</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>准备事项</translation>
    </message>
    <message>
        <source>Add an item to prepare</source>
        <translation>添加需要准备的事项</translation>
    </message>
    <message>
        <source>Add to the checklist</source>
        <translation>加入清单</translation>
    </message>
    <message>
        <source>Choose an appointment to see what to prepare.</source>
        <translation>选择一个预约以查看需要准备的内容。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>The client confirmed they are coming</source>
        <translation>客户已确认会来</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>The client is here: put them at the front of the queue (today&apos;s only)</source>
        <translation>客户已到：排到队列最前（仅限今天的预约）</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>The day&apos;s appointments as a list, with preparation</source>
        <translation>以列表显示当天预约及准备进度</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>The day&apos;s agenda laid out by time</source>
        <translation>按时间排列的当天日程</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>The week&apos;s working days laid out by time</source>
        <translation>按时间排列的本周工作日</translation>
    </message>
    <message>
        <source>Agenda…</source>
        <translation>日程…</translation>
    </message>
    <message>
        <source>Preview the day&apos;s agenda for the team (names masked), to print or save</source>
        <translation>预览当天的团队日程（姓名已遮蔽），可打印或保存</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full mobile to call the client (recorded in the audit log)</source>
        <translation>显示完整手机号，以便致电客户（记入审计日志）</translation>
    </message>
    <message>
        <source>Agenda for {date}</source>
        <translation>{date} 预约日程</translation>
    </message>
    <message>
        <source>The agenda was not made</source>
        <translation>未能生成预约日程</translation>
    </message>
    <message>
        <source>Agenda printed.</source>
        <translation>预约日程已打印。</translation>
    </message>
    <message>
        <source>Agenda saved.</source>
        <translation>预约日程已保存。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Week {number}: {first} to {last}</source>
        <translation>第 {number} 周：{first} 至 {last}</translation>
    </message>
    <message>
        <source>closed: {reason}</source>
        <translation>休息：{reason}</translation>
    </message>
    <message>
        <source>Unresolved ({count}): the time passed without a check-in. Mark each as a no-show, cancelled or rescheduled.</source>
        <translation>待处理（{count}）：预约时间已过但未签到。请逐一标记为爽约、取消或改期。</translation>
    </message>
    <message>
        <source>No appointment matches.</source>
        <translation>没有符合的预约。</translation>
    </message>
    <message>
        <source>No appointments on this day. “New…” books one.</source>
        <translation>当天没有预约。点“新建…”登记预约。</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source> (new prospect)</source>
        <translation>（新潜在客户）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Preparation: {done} of {total} ready</source>
        <translation>准备：已完成 {done}/{total}</translation>
    </message>
    <message>
        <source>Preparation: nothing to prepare</source>
        <translation>准备：无需准备</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>by {who}, {when}</source>
        <translation>{who}（{when}）</translation>
    </message>
    <message>
        <source>Appointment booked.</source>
        <translation>预约已登记。</translation>
    </message>
    <message>
        <source>Appointment changed.</source>
        <translation>预约已修改。</translation>
    </message>
    <message>
        <source>Appointment rescheduled.</source>
        <translation>预约已改期。</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Appointment confirmed.</source>
        <translation>预约已确认。</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Who cancels the appointment of {name} at {when}?</source>
        <translation>{name} 在 {when} 的预约由谁取消？</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>未取消</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>预约已取消。</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Mark the appointment of {name} at {when} as a no-show? The client did not come.</source>
        <translation>将 {name} 在 {when} 的预约标记为爽约吗？客户未到。</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>Marked as a no-show.</source>
        <translation>已标记为爽约。</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>{ticket} checked in, first in the queue.</source>
        <translation>{ticket} 已签到，排在队列最前。</translation>
    </message>
    <message>
        <source>The mobile is not shown</source>
        <translation>未能显示手机号</translation>
    </message>
    <message>
        <source>Not ticked</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
</context>
<context>
    <name>AwayDialog</name>
    <message>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <source>Step away</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <source>The client screen is cleared and the desk locked until you are back.</source>
        <translation>客户界面将被清空，工作台锁定，直到您回来。</translation>
    </message>
    <message>
        <source>Back at</source>
        <translation>返回时间</translation>
    </message>
    <message>
        <source>Print the door notice</source>
        <translation>打印门口告示</translation>
    </message>
    <message>
        <source>Change the notice…</source>
        <translation>修改告示…</translation>
    </message>
    <message>
        <source>Print the notice and lock</source>
        <translation>打印告示并锁定</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>锁定工作台</translation>
    </message>
    <message>
        <source>The door notice was not printed</source>
        <translation>门口告示未打印</translation>
    </message>
    <message>
        <source>Door notice</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>Called {ticket} · {duration} ago</source>
        <translation>已叫 {ticket} · {duration}前</translation>
    </message>
    <message>
        <source>Serving {ticket} · {duration}</source>
        <translation>正在服务 {ticket} · {duration}</translation>
    </message>
    <message>
        <source>{state} · back at {time}</source>
        <translation>{state} · {time} 返回</translation>
    </message>
</context>
<context>
    <name>CalendarSettings</name>
    <message>
        <source>open</source>
        <translation>营业</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>{year}: the State Council&apos;s schedule, loaded {day} by {actor} ({days} days)</source>
        <translation>{year} 年：国务院放假安排，{actor} 于 {day} 载入（{days} 天）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>After loading</source>
        <translation>载入后</translation>
    </message>
    <message>
        <source>Load the holiday schedule</source>
        <translation>载入放假安排</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>{file}: the schedule for {year}, {days} days. Loading it changes {changed} days of the calendar:</source>
        <translation>{file}：{year} 年放假安排，共 {days} 天。载入后日历中有 {changed} 天将改变：</translation>
    </message>
    <message>
        <source>It replaces the {count} days loaded before for {year}.</source>
        <translation>它将替换此前载入的 {year} 年 {count} 天安排。</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{file} cannot be loaded: correct these lines and load it again. Nothing has been changed.</source>
        <translation>{file} 无法载入：请改正以下各行后重新载入。日历未作任何改动。</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Load schedule…</source>
        <translation>载入放假安排…</translation>
    </message>
    <message>
        <source>Hide for today</source>
        <translation>今天不再显示</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>A CSV file with the columns date,kind,name (kind: holiday or workday; 日期,类型,名称 and 休/班 too), one year a file.</source>
        <translation>CSV 文件，列为 日期,类型,名称（类型：休 或 班；也可写 date,kind,name 与 holiday/workday），每个文件一年。</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Log a call</source>
        <translation>登记回访电话</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>服务结果</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>约定回电时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Product information sent</source>
        <translation>已发送产品资料</translation>
    </message>
    <message>
        <source>What was said, what was agreed</source>
        <translation>沟通内容及约定事项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>The call was not logged</source>
        <translation>回访未登记</translation>
    </message>
</context>
<context>
    <name>CareModel</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>已拨次数</translation>
    </message>
    <message>
        <source>{date} overdue</source>
        <translation>{date} 已逾期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>归属经理</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Dependants</source>
        <translation>供养人数</translation>
    </message>
    <message>
        <source>Household income</source>
        <translation>家庭年收入</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>Products of interest</source>
        <translation>关注的产品</translation>
    </message>
    <message>
        <source>Training needs</source>
        <translation>理财知识培训需求</translation>
    </message>
    <message>
        <source>Personal needs</source>
        <translation>差异性需求</translation>
    </message>
    <message>
        <source>Data collection</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销联系</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>身份与联系方式</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <source>Investment preferences</source>
        <translation>投资偏好</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>客户授权</translation>
    </message>
    <message>
        <source>The client agrees that we collect their data</source>
        <translation>客户同意采集其个人信息</translation>
    </message>
    <message>
        <source>The client agrees to marketing contact</source>
        <translation>客户同意接收营销联系</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full ID number (written to the audit log)</source>
        <translation>显示完整身份证号码（将记入审计日志）</translation>
    </message>
    <message>
        <source>Show the full mobile number (written to the audit log)</source>
        <translation>显示完整手机号码（将记入审计日志）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the client ({key})</source>
        <translation>保存客户资料（{key}）</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <source>At the client&apos;s request: remove their personal data; the sales and visits the bank must keep stay, anonymised</source>
        <translation>应客户要求删除其个人信息；银行须保存的销售和到访记录匿名保留</translation>
    </message>
    <message>
        <source>Fields to correct before saving: {count}</source>
        <translation>保存前需修改 {count} 处</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Erase this client&apos;s personal data at their request?

Their name, ID number, mobile, profile, needs and family situation, holdings, open care tasks and future appointments are removed, and they leave the client book. The sales, visits and risk levels the bank must keep stay, under client number {id} without a name.

This cannot be undone.</source>
        <translation>应客户要求删除其个人信息？

姓名、证件号码、手机号、基本资料、需求和家庭情况、持仓、未完成的维护任务和今后的预约都将删除，客户从客户名册中移除。银行须保存的销售、到访记录和风险等级匿名保留在客户编号 {id} 下，不含姓名。

此操作无法撤销。</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Personal data erased; {sales} sales and {visits} visits kept anonymised.</source>
        <translation>个人信息已删除；{sales} 笔销售和 {visits} 次到访记录已匿名保留。</translation>
    </message>
    <message>
        <source>Already in the book?</source>
        <translation>客户是否已建档？</translation>
    </message>
    <message>
        <source>These clients have the same mobile number:
{clients}

Save a new client anyway?</source>
        <translation>以下客户使用相同的手机号码：
{clients}

仍要新建客户吗？</translation>
    </message>
    <message>
        <source>Save as a new client</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>Saved elsewhere meanwhile</source>
        <translation>客户资料已被他人更新</translation>
    </message>
    <message>
        <source>Someone else saved this client while you were editing. Their version is now shown with your changes on top; check it and save again.</source>
        <translation>您编辑期间，其他人保存了此客户资料。现已显示对方的版本，并保留了您的修改；请核对后再次保存。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>No client open</source>
        <translation>未打开客户</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Created {created} · updated {updated}</source>
        <translation>建档 {created} · 更新 {updated}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>同意日期 {date}</translation>
    </message>
    <message>
        <source>Cannot show the number</source>
        <translation>无法显示号码</translation>
    </message>
    <message>
        <source>Throw away the changes made to this client since it was saved?</source>
        <translation>放弃此客户资料自上次保存以来的所有修改？</translation>
    </message>
    <message>
        <source>Client not found</source>
        <translation>找不到该客户</translation>
    </message>
    <message>
        <source>Cannot reload the client</source>
        <translation>无法重新载入客户资料</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Client saved.</source>
        <translation>客户资料已保存。</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>归属经理</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Demo client (invented; File ▸ Remove the demo clients)</source>
        <translation>演示客户（虚构数据；可在“文件 ▸ 删除演示客户”中删除）</translation>
    </message>
    <message>
        <source>Masked. Open the client and press Show to see the full number.</source>
        <translation>已脱敏。打开客户资料并点击“显示”可查看完整号码。</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Choose a client in the list to see their record, or press “New client”.</source>
        <translation>在左侧列表中选择客户查看资料，或点击“新建客户”。</translation>
    </message>
    <message>
        <source>Find a client: name, pinyin or initials (zw), last 4 digits of mobile or ID</source>
        <translation>查找客户：姓名、拼音或首字母（zw）、手机或身份证后4位</translation>
    </message>
    <message>
        <source>Search ({key})</source>
        <translation>查找（{key}）</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Add a client ({key})</source>
        <translation>新建客户（{key}）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import clients from a CSV file ({key})</source>
        <translation>从 CSV 文件导入客户（{key}）</translation>
    </message>
    <message>
        <source>Type at least 4 digits to search by the end of a mobile or ID number.</source>
        <translation>按手机或身份证号码尾号查找时，请至少输入4位数字。</translation>
    </message>
    <message>
        <source>The client book is empty: add a client with “New client” or bring in a list with “Import…”.</source>
        <translation>客户名册是空的：点击“新建客户”逐一添加，或点击“导入…”导入客户名单。</translation>
    </message>
    <message>
        <source>{count} clients</source>
        <translation>共 {count} 位客户</translation>
    </message>
    <message>
        <source>The first {count} matches are shown; type more to narrow the search.</source>
        <translation>仅显示前 {count} 条结果，请输入更多内容缩小范围。</translation>
    </message>
    <message>
        <source>No client matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>{count} matching clients</source>
        <translation>找到 {count} 位客户</translation>
    </message>
    <message>
        <source>Client not found</source>
        <translation>找不到该客户</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>overdue by {days} days</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>剩余 {days} 天</translation>
    </message>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <source>Phone to answer on</source>
        <translation>回复电话</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>What happened, in the client&apos;s words; what they ask for</source>
        <translation>按客户原话记录经过及诉求</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>Accepted it</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Did not accept it</source>
        <translation>未接受</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>Complaint {number}</source>
        <translation>投诉 {number}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The complaint was not saved</source>
        <translation>投诉未保存</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Complaints register</source>
        <translation>投诉登记簿</translation>
    </message>
    <message>
        <source>Open complaints only</source>
        <translation>只看处理中的投诉</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>{count} shown, {late} overdue</source>
        <translation>共 {count} 件，超期 {late} 件</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>未能打开</translation>
    </message>
</context>
<context>
    <name>ComplaintsDue</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaints register…</source>
        <translation>投诉登记簿…</translation>
    </message>
    <message>
        <source>No complaint is overdue or due in the next days.</source>
        <translation>没有超期或即将到期的投诉。</translation>
    </message>
    <message>
        <source>{late} overdue, {soon} due within {days} days</source>
        <translation>超期 {late} 件，{days} 天内到期 {soon} 件</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>accepted</source>
        <translation>客户接受</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>客户未接受</translation>
    </message>
    <message>
        <source>answer not known</source>
        <translation>客户意见不详</translation>
    </message>
    <message>
        <source>Resolved ({answer})</source>
        <translation>已办结（{answer}）</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>About</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DayCloseCompliance</name>
    <message>
        <source>Compliance checks</source>
        <translation>合规检查</translation>
    </message>
    <message>
        <source>Mark quality-checked</source>
        <translation>标记为已质检</translation>
    </message>
    <message>
        <source>The selected sale&apos;s recording (双录) was reviewed: mark it checked (recorded in the audit log with your name)</source>
        <translation>所选销售的双录已复核：标记为已质检（以您的名义记入审计日志）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{client} C{old}→C{new}, sold {product} R{rating}</source>
        <translation>{client} C{old}→C{new}，购买 {product} R{rating}</translation>
    </message>
    <message>
        <source>Level raised and sold above the old level today: {items}</source>
        <translation>今日风险等级上调后购买高于原等级的产品：{items}</translation>
    </message>
    <message>
        <source>No level raised and sold above it today.</source>
        <translation>今日无等级上调后超原等级销售。</translation>
    </message>
    <message>
        <source>Recordings (双录) not yet quality-checked: {count}</source>
        <translation>双录尚未质检：{count} 笔</translation>
    </message>
    <message>
        <source>{time} · {client} · {product} · {ref} · keep until {keep}</source>
        <translation>{time} · {client} · {product} · {ref} · 保存至 {keep}</translation>
    </message>
    <message>
        <source>The recording was not marked</source>
        <translation>双录未能标记</translation>
    </message>
    <message>
        <source>Recording {ref} marked quality-checked.</source>
        <translation>双录 {ref} 已标记为已质检。</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Arrived</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Left without service</source>
        <translation>未服务离开</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>正在等候</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Waited longer than the target</source>
        <translation>等候超过目标</translation>
    </message>
    <message>
        <source>Average service time</source>
        <translation>平均服务时长</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>如约到店</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cooling-off cancellations</source>
        <translation>冷静期撤销笔数</translation>
    </message>
    <message>
        <source>65+ confirmations</source>
        <translation>65 周岁以上客户确认</translation>
    </message>
    <message>
        <source>Without a recording reference</source>
        <translation>缺少双录编号</translation>
    </message>
    <message>
        <source>Care calls</source>
        <translation>关怀电话</translation>
    </message>
    <message>
        <source>Care tasks done</source>
        <translation>已完成关怀任务</translation>
    </message>
    <message>
        <source>Colleague support</source>
        <translation>协同支持</translation>
    </message>
    <message>
        <source>Follow-ups and call-backs for tomorrow</source>
        <translation>明日跟进与回电</translation>
    </message>
    <message>
        <source>Unresolved appointments</source>
        <translation>待处理预约</translation>
    </message>
    <message>
        <source>Door notices</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Care and tomorrow</source>
        <translation>客户关怀与明日事项</translation>
    </message>
    <message>
        <source>Time on client work</source>
        <translation>客户工作时间</translation>
    </message>
    <message>
        <source>End-of-day checklist</source>
        <translation>日终检查清单</translation>
    </message>
    <message>
        <source>Close the day…</source>
        <translation>日清日结…</translation>
    </message>
    <message>
        <source>Week summary…</source>
        <translation>周汇总…</translation>
    </message>
    <message>
        <source>Month summary…</source>
        <translation>月汇总…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <source>Day close {date}</source>
        <translation>{date} 日清日结报告</translation>
    </message>
    <message>
        <source>{count} of {known} ({share}), target {minutes} min</source>
        <translation>{known} 人中 {count} 人（{share}），目标 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{count} ({minutes})</source>
        <translation>{count}（{minutes}）</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done}/{planned}</translation>
    </message>
    <message>
        <source>{count}: there must be none</source>
        <translation>{count}：应为 0</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>保存在 {folder}</translation>
    </message>
    <message>
        <source>{ticked} of {total} ticked</source>
        <translation>已勾选 {ticked}/{total} 项</translation>
    </message>
    <message>
        <source>Not closed yet.</source>
        <translation>尚未日结。</translation>
    </message>
    <message>
        <source>Closed at {time} (version {version}).</source>
        <translation>已于 {time} 日结（第 {version} 版）。</translation>
    </message>
    <message>
        <source>Changed since: close the day again to file an amendment.</source>
        <translation>日结后有改动：请再次日结，提交更正版。</translation>
    </message>
    <message>
        <source>The tick was not kept</source>
        <translation>勾选未能保存</translation>
    </message>
    <message>
        <source>Close the day anyway? The summary lists them as open.</source>
        <translation>仍要日结吗？汇总会将这些列为未完成事项。</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>The day was not closed</source>
        <translation>未能日结</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Day closed: {name} saved</source>
        <translation>已日结：{name} 已保存</translation>
    </message>
    <message>
        <source>The summary was not made</source>
        <translation>未能生成汇总</translation>
    </message>
    <message>
        <source>Summary saved: {name}</source>
        <translation>汇总已保存：{name}</translation>
    </message>
    <message>
        <source>Export the day&apos;s visits and sales</source>
        <translation>导出当天的到访和销售记录</translation>
    </message>
    <message>
        <source>The CSV files were not written</source>
        <translation>未能写入CSV文件</translation>
    </message>
    <message>
        <source>CSV saved: {visits} and {sales} in {folder}</source>
        <translation>CSV 已保存：{visits} 和 {sales}，位于 {folder}</translation>
    </message>
    <message>
        <source>The closing-time export was not written: {reason}</source>
        <translation>营业结束时的自动导出未完成：{reason}</translation>
    </message>
    <message>
        <source>Closing time: the day&apos;s summary and CSV files were saved in {folder}.</source>
        <translation>营业结束：当天汇总和CSV文件已保存在 {folder}。</translation>
    </message>
    <message>
        <source>{count} appointments are still to come today, the next at {time}.</source>
        <translation>今天还有 {count} 个预约未到，下一个在 {time}。</translation>
    </message>
    <message>
        <source>{count} clients are still waiting.</source>
        <translation>仍有 {count} 位客户在等候。</translation>
    </message>
    <message>
        <source>{count} services are not finished.</source>
        <translation>有 {count} 个服务尚未结束。</translation>
    </message>
    <message>
        <source>{count} appointments are unresolved (no-show, cancelled or moved?).</source>
        <translation>有 {count} 个预约待处理（爽约、取消还是改期？）。</translation>
    </message>
    <message>
        <source>{count} sales have no recording reference.</source>
        <translation>有 {count} 笔销售缺少双录编号。</translation>
    </message>
    <message>
        <source>{count} checklist items are not ticked.</source>
        <translation>有 {count} 项检查尚未勾选。</translation>
    </message>
</context>
<context>
    <name>DeskOverviewModel</name>
    <message>
        <source>Desk</source>
        <translation>理财室</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <source>Waiting for it</source>
        <translation>指定等候</translation>
    </message>
    <message>
        <source>Called {ticket}</source>
        <translation>已呼叫 {ticket}</translation>
    </message>
    <message>
        <source>Serving {ticket}</source>
        <translation>正在服务 {ticket}</translation>
    </message>
    <message>
        <source>{state} until {time}</source>
        <translation>{state}（至 {time}）</translation>
    </message>
    <message>
        <source>{state} · not running</source>
        <translation>{state} · 未运行</translation>
    </message>
    <message>
        <source>desk closed: move them</source>
        <translation>理财室已下班：请改派</translation>
    </message>
    <message>
        <source>desk not running: move them</source>
        <translation>理财室未运行：请改派</translation>
    </message>
    <message>
        <source>when the desk is back</source>
        <translation>待理财室回来后</translation>
    </message>
    <message>
        <source>after {time} (about {minutes} min)</source>
        <translation>{time} 以后（约 {minutes} 分钟）</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一位</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
</context>
<context>
    <name>DeskPresence</name>
    <message>
        <source>Desk {desk} is already open</source>
        <translation>{desk} 号理财室已打开</translation>
    </message>
    <message>
        <source>The desk cannot start</source>
        <translation>理财室无法启动</translation>
    </message>
    <message>
        <source>Desk {desk} was taken over</source>
        <translation>{desk} 号理财室已被接管</translation>
    </message>
    <message>
        <source>Desk {desk} was started on the computer {host} while this window did not answer. This window closes now, so that one window serves the desk; nothing saved is lost.</source>
        <translation>本窗口无响应期间，{desk} 号理财室已在计算机 {host} 上启动。本窗口现在关闭，以保证一个理财室只有一个窗口；已保存的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Wealth management</source>
        <translation>理财服务</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>WealthDesk waiting-room display</source>
        <translation>WealthDesk 等候区显示屏</translation>
    </message>
    <message>
        <source>Connection lost: reconnecting…</source>
        <translation>连接中断，正在重新连接…</translation>
    </message>
    <message>
        <source>{ticket}, please go to desk {desk}</source>
        <translation>请 {ticket} 到 {desk} 号理财室</translation>
    </message>
    <message>
        <source>Please take a seat: you will be called</source>
        <translation>请就座休息，稍候叫号</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>The desks are open again at {time}</source>
        <translation>理财室 {time} 恢复服务</translation>
    </message>
    <message>
        <source>Closed for today</source>
        <translation>今日已停止服务</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>Waiting: {count}</source>
        <translation>等候：{count}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>New client event</source>
        <translation>新建客户活动</translation>
    </message>
    <message>
        <source>e.g. Wealth salon: year-end asset allocation</source>
        <translation>例如“理财沙龙：年末资产配置”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>{tier} and above</source>
        <translation>{tier}及以上</translation>
    </message>
    <message>
        <source>For</source>
        <translation>邀请对象</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Create and invite</source>
        <translation>创建并邀请</translation>
    </message>
    <message>
        <source>{count} clients will be invited (with marketing consent)</source>
        <translation>将邀请 {count} 位客户（已同意营销联系）</translation>
    </message>
    <message>
        <source>The event was not saved</source>
        <translation>活动未保存</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <source>Finish the service</source>
        <translation>结束服务</translation>
    </message>
    <message>
        <source>{ticket} · {duration} in service</source>
        <translation>{ticket} · 已服务 {duration}</translation>
    </message>
    <message>
        <source>Before the next client:</source>
        <translation>接待下一位客户前：</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>服务结果</translation>
    </message>
    <message>
        <source>Finish and clear the screen</source>
        <translation>结束并清空屏幕</translation>
    </message>
    <message>
        <source>Keep serving</source>
        <translation>继续服务</translation>
    </message>
    <message>
        <source>sales recorded: {n}</source>
        <translation>录入销售 {n} 笔</translation>
    </message>
    <message>
        <source>appointments booked: {n}</source>
        <translation>预约 {n} 个</translation>
    </message>
    <message>
        <source>call-backs set: {n}</source>
        <translation>设定回访 {n} 个</translation>
    </message>
    <message>
        <source>In this service, {what}.</source>
        <translation>本次服务中：{what}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Nothing ticked</source>
        <translation>清单未勾选</translation>
    </message>
    <message>
        <source>Finish without ticking anything on the checklist? Papers, follow-up and desk are then not confirmed for this service.</source>
        <translation>清单一项都未勾选，仍要结束服务吗？本次服务的资料归档、后续跟进和桌面整理将不会被确认。</translation>
    </message>
    <message>
        <source>Finish anyway</source>
        <translation>仍然结束</translation>
    </message>
</context>
<context>
    <name>HoldingsTab</name>
    <message>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Holdings ({count})</source>
        <translation>持仓（{count}）</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation>显示已结清</translation>
    </message>
    <message>
        <source>Add a holding…</source>
        <translation>添加持仓…</translation>
    </message>
    <message>
        <source>Close holding…</source>
        <translation>结清持仓…</translation>
    </message>
    <message>
        <source>The holding was redeemed or paid out today</source>
        <translation>该持仓已于今天赎回或到期兑付</translation>
    </message>
    <message>
        <source>Total held: ¥{total} in {count} holdings</source>
        <translation>持仓合计：¥{total}，共 {count} 笔</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Close holding</source>
        <translation>结清持仓</translation>
    </message>
    <message>
        <source>Close the holding of {product} (¥{amount}) as redeemed today?</source>
        <translation>将 {product}（¥{amount}）的持仓按今日赎回结清吗？</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Add a holding</source>
        <translation>添加持仓</translation>
    </message>
    <message>
        <source>e.g. 50000, 5万</source>
        <translation>如 50000、5万</translation>
    </message>
    <message>
        <source>matures on</source>
        <translation>有到期日</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <source>Document and qualification</source>
        <translation>证件与合格投资者</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Number on record</source>
        <translation>已登记号码</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Financial assets (declared)</source>
        <translation>金融资产（客户申报）</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full number (written to the audit log)</source>
        <translation>显示完整号码（记入审计日志）</translation>
    </message>
    <message>
        <source>optional, e.g. 1200000</source>
        <translation>选填，如 1200000 或 120万</translation>
    </message>
    <message>
        <source>Record the document</source>
        <translation>登记证件</translation>
    </message>
    <message>
        <source>Qualified investor (for private products)</source>
        <translation>合格投资者（私募产品）</translation>
    </message>
    <message>
        <source>Years of investment experience</source>
        <translation>投资经历（年）</translation>
    </message>
    <message>
        <source>Household net financial assets</source>
        <translation>家庭金融净资产</translation>
    </message>
    <message>
        <source>Household financial assets</source>
        <translation>家庭金融资产</translation>
    </message>
    <message>
        <source>Average income a year (last 3 years)</source>
        <translation>近3年年均收入</translation>
    </message>
    <message>
        <source>Proof seen</source>
        <translation>已核验的证明</translation>
    </message>
    <message>
        <source>Proof dated</source>
        <translation>证明日期</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Record the qualification</source>
        <translation>登记合格投资者</translation>
    </message>
    <message>
        <source>The document could not be read.</source>
        <translation>无法读取证件信息。</translation>
    </message>
    <message>
        <source>Cannot read the document</source>
        <translation>无法读取证件信息</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Expired on {date}: no sale until the renewed document is recorded.</source>
        <translation>已于 {date} 过期：登记新证件前不得销售。</translation>
    </message>
    <message>
        <source>Long-term document, no expiry.</source>
        <translation>长期有效证件，无到期日。</translation>
    </message>
    <message>
        <source>Valid until {date}.</source>
        <translation>有效期至 {date}。</translation>
    </message>
    <message>
        <source>Not a qualified investor on record: private products cannot be sold or offered to this client.</source>
        <translation>未登记为合格投资者：不得向该客户销售或推介私募产品。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{criteria}; {years} years&apos; experience · proof: {proof} of {date} · recorded by {actor}</source>
        <translation>{criteria}；投资经历 {years} 年 · 证明：{proof}（{date}）· 登记人 {actor}</translation>
    </message>
    <message>
        <source>Qualified investor, valid until {date}.</source>
        <translation>合格投资者，有效期至 {date}。</translation>
    </message>
    <message>
        <source>The qualified-investor proof was valid until {date}: record a new proof before a private product.</source>
        <translation>合格投资者证明有效期至 {date}：销售私募产品前请登记新的证明。</translation>
    </message>
    <message>
        <source>type a new number only if it changed</source>
        <translation>仅在号码变更时输入新号码</translation>
    </message>
    <message>
        <source>as printed on the document</source>
        <translation>按证件上印制的号码输入</translation>
    </message>
    <message>
        <source>Cannot show the number</source>
        <translation>无法显示号码</translation>
    </message>
    <message>
        <source>The document was not recorded</source>
        <translation>证件未登记</translation>
    </message>
    <message>
        <source>Identity document recorded.</source>
        <translation>已登记身份证件。</translation>
    </message>
    <message>
        <source>The qualification was not recorded</source>
        <translation>合格投资者未登记</translation>
    </message>
    <message>
        <source>Qualified investor recorded.</source>
        <translation>已登记合格投资者。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing clients…</source>
        <translation>正在导入客户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>无法导入此文件</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何客户</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled; no client was added.</source>
        <translation>导入已取消，未添加任何客户。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{file}: clients imported: {imported}; lines not imported: {rejected}.</source>
        <translation>{file}：成功导入客户 {imported} 位；未导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>Columns not used: {columns}</source>
        <translation>未使用的列：{columns}</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 等另外 {count} 项</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <source>Save the list of rejected lines…</source>
        <translation>保存未导入行清单…</translation>
    </message>
    <message>
        <source>Save rejected lines</source>
        <translation>保存未导入行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <source>Lunch break with visitors waiting</source>
        <translation>午休时仍有客户在等候</translation>
    </message>
    <message>
        <source>Closing with visitors waiting</source>
        <translation>下班时仍有客户在等候</translation>
    </message>
    <message>
        <source>Stepping away with visitors waiting</source>
        <translation>暂离时仍有客户在等候</translation>
    </message>
    <message>
        <source>{count} visitors are waiting for you: {who}</source>
        <translation>有 {count} 位客户在等您：{who}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Appointments due meanwhile: {appointments}</source>
        <translation>期间到时的预约：{appointments}</translation>
    </message>
    <message>
        <source>Pass those sent to you to the shared queue or to a colleague, or let them wait: the door notice and the lobby show when you are back.</source>
        <translation>可以把指定给您的客户转到公共队列或同事的柜台，也可以请他们稍候：门头告示和大堂会显示您回来的时间。</translation>
    </message>
    <message>
        <source>Nobody else is at work to take them: tell them before you close.</source>
        <translation>没有其他同事在岗可以接待：下班前请告知他们。</translation>
    </message>
    <message>
        <source>Nobody else is at work to take them: they wait, and the door notice and the waiting-room display show when you are back.</source>
        <translation>没有其他同事在岗可以接待：他们会继续等候，门头告示和等候区屏幕会显示您回来的时间。</translation>
    </message>
    <message>
        <source>Pass them to the shared queue</source>
        <translation>转到公共队列</translation>
    </message>
    <message>
        <source>Pass them to desk {desk}</source>
        <translation>转到 {desk} 号柜台</translation>
    </message>
    <message>
        <source>Close the desk anyway</source>
        <translation>仍然下班</translation>
    </message>
    <message>
        <source>Let them wait</source>
        <translation>请他们稍候</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation>等另外 {count} 位</translation>
    </message>
</context>
<context>
    <name>LevelJumps</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{client} C{old}→C{new}, sold {product} R{rating}</source>
        <translation>{client} C{old}→C{new}，购买 {product} R{rating}</translation>
    </message>
    <message>
        <source>Review with compliance — level raised and sold above the old level today: {items}</source>
        <translation>请与合规复核——今日风险等级上调后购买高于原等级的产品：{items}</translation>
    </message>
</context>
<context>
    <name>LobbyWindow</name>
    <message>
        <source>WealthDesk — lobby check-in</source>
        <translation>WealthDesk — 大堂签到</translation>
    </message>
    <message>
        <source>Desks open today</source>
        <translation>今日开放的理财室</translation>
    </message>
    <message>
        <source>To the shared queue</source>
        <translation>改到公共队列</translation>
    </message>
    <message>
        <source>To another desk…</source>
        <translation>改派到其他理财室…</translation>
    </message>
    <message>
        <source>Choose a desk to see who waits for it</source>
        <translation>选择一个理财室，查看谁在等候</translation>
    </message>
    <message>
        <source>Nobody waits for desk {desk}</source>
        <translation>没有人在等候 {desk} 号理财室</translation>
    </message>
    <message>
        <source>Waiting for desk {desk}: {count}</source>
        <translation>等候 {desk} 号理财室：{count} 位</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>未改派</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>the shared queue</source>
        <translation>公共队列</translation>
    </message>
    <message>
        <source>{ticket} now waits for {where}.</source>
        <translation>{ticket} 现在等候{where}。</translation>
    </message>
    <message>
        <source>Desk {desk} ({state})</source>
        <translation>{desk} 号理财室（{state}）</translation>
    </message>
    <message>
        <source>Move to another desk</source>
        <translation>改派到其他理财室</translation>
    </message>
    <message>
        <source>Which desk should the visitor wait for?</source>
        <translation>访客改为等候哪个理财室？</translation>
    </message>
    <message>
        <source>Desk {desk} is “{state}” until {time}: the visitor waits at least until then. Send them there anyway? (The shared queue is served by every open desk.)</source>
        <translation>{desk} 号理财室“{state}”至 {time}：访客至少要等到那时。仍然派往该理财室吗？（公共队列由所有开放的理财室服务。）</translation>
    </message>
    <message>
        <source>Desk {desk} is “{state}” and has not said when it is back. Send the visitor there anyway? (The shared queue is served by every open desk.)</source>
        <translation>{desk} 号理财室“{state}”，未说明何时回来。仍然派往该理财室吗？（公共队列由所有开放的理财室服务。）</translation>
    </message>
    <message>
        <source>Desk {desk} has closed for today: nobody will call the visitor there. Send them there anyway?</source>
        <translation>{desk} 号理财室今日已下班：那里不会有人叫号。仍然派往该理财室吗？</translation>
    </message>
    <message>
        <source>WealthDesk is not running at desk {desk} now: nobody may call the visitor there. Send them there anyway?</source>
        <translation>{desk} 号理财室的 WealthDesk 现在未运行：那里可能没有人叫号。仍然派往该理财室吗？</translation>
    </message>
    <message>
        <source>Send to desk {desk}?</source>
        <translation>派往 {desk} 号理财室？</translation>
    </message>
    <message>
        <source>Send to desk {desk}</source>
        <translation>派往 {desk} 号理财室</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <source>Branch server offline: reconnecting…</source>
        <translation>网点服务器离线，正在重新连接…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The PIN of this desk was removed while it was locked, so the desk stays locked.
Ask the branch administrator to reset the PIN: wealthdesk desk reset-pin --desk {desk}</source>
        <translation>本席位的 PIN 在锁屏期间被删除，因此席位保持锁定。
请联系网点管理员重置 PIN：wealthdesk desk reset-pin --desk {desk}</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>将告示另存为 PDF</translation>
    </message>
    <message>
        <source>No PIN is set for this desk, so anyone can open it.
Set one in Settings to keep the desk locked while you are away.</source>
        <translation>本工作台尚未设置PIN码，任何人都能打开。
请在“设置”中设置PIN码，离开时保持锁定。</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>请输入您的PIN码。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN码错误。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {seconds} s.</source>
        <translation>PIN码错误次数过多：请 {seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>叫号(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>工作台(&amp;D)</translation>
    </message>
    <message>
        <source>Check &amp;in a visitor</source>
        <translation>访客签到(&amp;I)</translation>
    </message>
    <message>
        <source>Step &amp;away…</source>
        <translation>暂时离开(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lunch break…</source>
        <translation>午休(&amp;L)…</translation>
    </message>
    <message>
        <source>Door &amp;notice…</source>
        <translation>门口告示(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Close the desk for today…</source>
        <translation>今日下班(&amp;C)…</translation>
    </message>
    <message>
        <source>Lock the &amp;screen</source>
        <translation>锁定屏幕(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove the demo clients…</source>
        <translation>删除演示客户(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Connect to the &amp;branch server…</source>
        <translation>连接网点服务器(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find a client</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save client</source>
        <translation>保存客户资料(&amp;S)</translation>
    </message>
    <message>
        <source>Register a &amp;complaint…</source>
        <translation>登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <source>Complaints &amp;register…</source>
        <translation>投诉登记簿(&amp;R)…</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About WealthDesk</source>
        <translation>关于 WealthDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Opening the desk…</source>
        <translation>正在打开工作台…</translation>
    </message>
    <message>
        <source>Wealth-management desk</source>
        <translation>理财室</translation>
    </message>
    <message>
        <source>No client is open to save.</source>
        <translation>没有打开的客户资料可保存。</translation>
    </message>
    <message>
        <source>Nothing to save: no changes.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backed up: {name}</source>
        <translation>已备份：{name}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The branch server is restored on the server by its administrator.</source>
        <translation>网点服务器的恢复由其管理员在服务器上进行。</translation>
    </message>
    <message>
        <source>WealthDesk backups (*.sqlite3)</source>
        <translation>WealthDesk 备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Replace this PC&apos;s database with the backup of {when} ({clients} clients)? The database now in use is kept in the backups folder.</source>
        <translation>用 {when} 的备份（{clients} 位客户）替换本机的数据库吗？当前使用的数据库会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restored. The database that was replaced is kept as {name}.</source>
        <translation>已恢复。被替换的数据库保存为 {name}。</translation>
    </message>
    <message>
        <source>Branch server offline: reconnecting…</source>
        <translation>网点服务器离线，正在重新连接…</translation>
    </message>
    <message>
        <source>Waiting: {count}</source>
        <translation>等候：{count}</translation>
    </message>
    <message>
        <source>A visitor is at your desk</source>
        <translation>您的工作台还有访客</translation>
    </message>
    <message>
        <source>{ticket} is still called to or served at your desk. Step away anyway? The visit stays open and its service time runs on until you finish it.</source>
        <translation>{ticket} 已被叫到或正在您的工作台接受服务。仍要离开吗？本次到访保持未结束，服务时长会一直计算到您结束服务。</translation>
    </message>
    <message>
        <source>Step away</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <source>Door notice printed.</source>
        <translation>门口告示已打印。</translation>
    </message>
    <message>
        <source>Door notice</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>{ticket} is still called to or served at your desk: finish the service, mark a no-show or send them back to the queue first.</source>
        <translation>{ticket} 已被叫到或正在您的工作台接受服务：请先结束服务、标记过号或退回队列。</translation>
    </message>
    <message>
        <source>Creating demo clients and visits…</source>
        <translation>正在生成演示客户和到访记录…</translation>
    </message>
    <message>
        <source>No demo data was created</source>
        <translation>未生成演示数据</translation>
    </message>
    <message>
        <source>{clients} demo clients and {visits} visits created.</source>
        <translation>已生成 {clients} 位演示客户和 {visits} 条到访记录。</translation>
    </message>
    <message>
        <source>The desk&apos;s state</source>
        <translation>理财室状态</translation>
    </message>
    <message>
        <source>Manager: {name}</source>
        <translation>理财经理：{name}</translation>
    </message>
    <message>
        <source>Manager not set (Settings)</source>
        <translation>未设置理财经理（见“设置”）</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>本机数据库</translation>
    </message>
    <message>
        <source>Branch server</source>
        <translation>网点服务器</translation>
    </message>
    <message>
        <source>{count} clients imported.</source>
        <translation>已导入 {count} 位客户。</translation>
    </message>
    <message>
        <source>WealthDesk then closes; start it again to work on the restored data.</source>
        <translation>随后 WealthDesk 将关闭；再次启动即可使用恢复后的数据。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>About WealthDesk</source>
        <translation>关于 WealthDesk</translation>
    </message>
    <message>
        <source>WealthDesk {version}
The desk application of the wealth-management room.

Database: {db}
Log folder: {logs}</source>
        <translation>WealthDesk {version}
理财室桌面工作平台。

数据库：{db}
日志文件夹：{logs}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>When the screen locked, a client&apos;s record had changes that were not saved. They were kept aside, not saved. Put them back in the form to check and save?</source>
        <translation>锁屏时，一位客户的资料有尚未保存的修改。这些修改已暂存（没有保存）。要放回表单中核对后再保存吗？</translation>
    </message>
    <message>
        <source>Put them back</source>
        <translation>放回表单</translation>
    </message>
    <message>
        <source>The unsaved changes were thrown away.</source>
        <translation>未保存的修改已丢弃。</translation>
    </message>
    <message>
        <source>The desk&apos;s state was not changed</source>
        <translation>工作台状态未更改</translation>
    </message>
    <message>
        <source>{count} waiting visitors passed on.</source>
        <translation>已转交 {count} 位等候的客户。</translation>
    </message>
    <message>
        <source>The door notice was not printed: {reason}</source>
        <translation>门头告示未打印：{reason}</translation>
    </message>
    <message>
        <source>The door notice was not printed.</source>
        <translation>门头告示未打印。</translation>
    </message>
    <message>
        <source>The notice was not saved: {reason}</source>
        <translation>告示未保存：{reason}</translation>
    </message>
    <message>
        <source>The door notice was saved as {path}.</source>
        <translation>门头告示已保存为 {path}。</translation>
    </message>
    <message>
        <source>Close the desk</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>Close the desk for today? The screen is cleared and locked; the lobby sees the desk as closed.</source>
        <translation>今日下班吗？屏幕将被清空并锁定，大堂会看到本工作台已下班。</translation>
    </message>
    <message>
        <source>Wealth-management desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>When the screen locked, a client had changes with fields still to correct; they were not saved.</source>
        <translation>屏幕锁定时，客户资料中有尚待更正的修改，这些修改未保存。</translation>
    </message>
    <message>
        <source>{count} visitors still waiting were closed as left ({day}).</source>
        <translation>仍在等候的 {count} 位访客已按“已离开”结束（{day}）。</translation>
    </message>
    <message>
        <source>The database is not available</source>
        <translation>数据库暂时无法使用</translation>
    </message>
    <message>
        <source>Remove the demo clients</source>
        <translation>删除演示客户</translation>
    </message>
    <message>
        <source>Remove the {count} demo clients from the book? Real clients stay as they are.</source>
        <translation>从客户名册中删除 {count} 位演示客户？真实客户不受影响。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The demo clients were not removed</source>
        <translation>演示客户未删除</translation>
    </message>
    <message>
        <source>{count} demo clients removed.</source>
        <translation>已删除 {count} 位演示客户。</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Care message</source>
        <translation>关怀短信</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <source>Copied for</source>
        <translation>复制用于</translation>
    </message>
    <message>
        <source>Copy text and log</source>
        <translation>复制文字并记录</translation>
    </message>
    <message>
        <source>Puts the text on the clipboard to paste into WeCom or another app, and logs the message as a contact; the clipboard is cleared with the client screen</source>
        <translation>将文字放入剪贴板，可粘贴到企业微信等应用，并记录为一次联系；清屏时剪贴板一并清空</translation>
    </message>
    <message>
        <source>Add to SMS export</source>
        <translation>加入短信导出</translation>
    </message>
    <message>
        <source>Logged now; sent with the next file exported for the bank&apos;s SMS platform</source>
        <translation>现在记录；随下一次导出给银行短信平台的文件发送</translation>
    </message>
    <message>
        <source>{name} ({mobile}): {kind}</source>
        <translation>{name}（{mobile}）：{kind}</translation>
    </message>
    <message>
        <source>no mobile</source>
        <translation>无手机号</translation>
    </message>
    <message>
        <source>{count} of {max} characters</source>
        <translation>{count} / {max} 字</translation>
    </message>
    <message>
        <source>The message was not logged</source>
        <translation>短信未记录</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>&amp;Notice:</source>
        <translation>告示(&amp;N)：</translation>
    </message>
    <message>
        <source>Break &amp;from:</source>
        <translation>休息开始(&amp;F)：</translation>
    </message>
    <message>
        <source>Open &amp;again at:</source>
        <translation>恢复营业(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Back at:</source>
        <translation>返回时间(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Phone to call:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>原因类别(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Optional: when you expect to be back</source>
        <translation>可选：预计返回的时间</translation>
    </message>
    <message>
        <source>Optional, e.g. 系统升级</source>
        <translation>可不填，例如：系统升级</translation>
    </message>
    <message>
        <source>Your own words, one short line each (at most 5)</source>
        <translation>自拟文字，每行一句短语（最多5行）</translation>
    </message>
    <message>
        <source>An English line under the Chinese</source>
        <translation>中文下方加英文</translation>
    </message>
    <message>
        <source>A QR code for the phone or the link</source>
        <translation>加电话或链接的二维码</translation>
    </message>
    <message>
        <source>Portrait page (otherwise landscape)</source>
        <translation>纵向页面（否则横向）</translation>
    </message>
    <message>
        <source>Correct the fields marked to see the notice.</source>
        <translation>请更正标出的栏目后查看告示。</translation>
    </message>
    <message>
        <source>The notice cannot be shown.</source>
        <translation>无法显示告示。</translation>
    </message>
    <message>
        <source>Door notice</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the door notice</source>
        <translation>保存门口告示</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The notice was not saved</source>
        <translation>告示未保存</translation>
    </message>
    <message>
        <source>The notice was not logged</source>
        <translation>告示未记入日志</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Fit the pages to the width</source>
        <translation>页面适合窗口宽度</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+wheel)</source>
        <translation>缩放（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>The printer cannot be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <source>This computer has no printer set up. Add one in the system&apos;s printer settings, or save the PDF and print it from another computer.</source>
        <translation>这台电脑还没有设置打印机。请在系统的打印机设置中添加，或保存PDF后到其他电脑打印。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Change the desk&apos;s PIN</source>
        <translation>修改工作台PIN码</translation>
    </message>
    <message>
        <source>Set the desk&apos;s PIN</source>
        <translation>设置工作台PIN码</translation>
    </message>
    <message>
        <source>The PIN opens this desk again after you step away or the screen locks itself. Use {min} to {max} digits that others cannot guess.</source>
        <translation>暂时离开或屏幕自动锁定后，用PIN码重新打开工作台。请使用他人猜不到的 {min} 至 {max} 位数字。</translation>
    </message>
    <message>
        <source>Present PIN</source>
        <translation>当前PIN码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新PIN码</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>再次输入PIN码</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>Asset class</source>
        <translation>资产类别</translation>
    </message>
    <message>
        <source>Model range</source>
        <translation>模型区间</translation>
    </message>
    <message>
        <source>Current (¥)</source>
        <translation>现有（元）</translation>
    </message>
    <message>
        <source>Suggested (¥)</source>
        <translation>建议（元）</translation>
    </message>
    <message>
        <source>Gap (¥)</source>
        <translation>差额（元）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Minimum (¥)</source>
        <translation>起购金额（元）</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Plan ({count})</source>
        <translation>规划（{count}）</translation>
    </message>
    <message>
        <source>The client&apos;s money and goals</source>
        <translation>客户资金与目标</translation>
    </message>
    <message>
        <source>New money to invest (¥)</source>
        <translation>新增可投资金（元）</translation>
    </message>
    <message>
        <source>Household spending a month (¥)</source>
        <translation>家庭月支出（元）</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>e.g. 50000, 5万</source>
        <translation>如 50000、5万</translation>
    </message>
    <message>
        <source>How much the goal needs</source>
        <translation>该目标所需金额</translation>
    </message>
    <message>
        <source>The year the money is needed</source>
        <translation>需要用钱的年份</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Allocation: what is held, what the plan suggests</source>
        <translation>资产配置：现有与建议</translation>
    </message>
    <message>
        <source>Products for the class chosen on the left</source>
        <translation>左侧所选资产类别的适配产品</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>加入方案</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Double-click an amount, or press F2, to change it.</source>
        <translation>双击金额或按 F2 即可修改。</translation>
    </message>
    <message>
        <source>Manager&apos;s notes</source>
        <translation>理财经理备注</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>已保存版本</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Large print…</source>
        <translation>大字版…</translation>
    </message>
    <message>
        <source>The summary of the version chosen (or of the plan as it stands, when none is saved) in large print, for a client who reads small print with difficulty</source>
        <translation>所选版本（尚未保存时为当前方案）的大字版摘要，供阅读小字有困难的客户使用</translation>
    </message>
    <message>
        <source>Save and preview…</source>
        <translation>保存并预览…</translation>
    </message>
    <message>
        <source>Keep this version with the client and show the document to print or save</source>
        <translation>将此版本保存到客户名下，并显示方案文档以便打印或另存</translation>
    </message>
    <message>
        <source>{reason} A plan is made for a confirmed risk level only.</source>
        <translation>{reason}规划方案只能依据客户确认的有效风险等级制定。</translation>
    </message>
    <message>
        <source>{time} C{level}{who}</source>
        <translation>{time} C{level}{who}</translation>
    </message>
    <message>
        <source>Client No. {number} · {level} {name}, assessed {assessed}, valid until {until} · money planned ¥{total}</source>
        <translation>客户编号 {number} · {level} {name}，评估于 {assessed}，有效期至 {until} · 规划资金 ¥{total}</translation>
    </message>
    <message>
        <source>Proposed: ¥{total}; products: {count}; still to place: ¥{left}</source>
        <translation>拟配置：¥{total}；产品 {count} 只；尚待配置：¥{left}</translation>
    </message>
    <message>
        <source>{name}: no product on sale fits this client&apos;s level and the class&apos;s amount.</source>
        <translation>{name}：没有在售产品符合该客户的风险等级和该类别的金额。</translation>
    </message>
    <message>
        <source>{name}: ¥{gap} to add. Pick a product and propose it.</source>
        <translation>{name}：需增配 ¥{gap}。请选择产品加入方案。</translation>
    </message>
    <message>
        <source>{name}: nothing to add; a product may still replace one held.</source>
        <translation>{name}：无需增配；仍可选择产品替换现有持仓。</translation>
    </message>
    <message>
        <source>Goal not added</source>
        <translation>目标未添加</translation>
    </message>
    <message>
        <source>Enter how much the goal needs, like 300000 or 30万.</source>
        <translation>请输入该目标所需金额，如 300000 或 30万。</translation>
    </message>
    <message>
        <source>{code}: {reason}</source>
        <translation>{code}：{reason}</translation>
    </message>
    <message>
        <source>{code}: amount not changed. {reason}</source>
        <translation>{code}：金额未修改。{reason}</translation>
    </message>
    <message>
        <source>The plan was not saved</source>
        <translation>规划方案未保存</translation>
    </message>
    <message>
        <source>Plan saved.</source>
        <translation>规划方案已保存。</translation>
    </message>
    <message>
        <source>Financial plan in large print</source>
        <translation>理财规划方案（大字版）</translation>
    </message>
    <message>
        <source>Financial plan</source>
        <translation>理财规划方案</translation>
    </message>
    <message>
        <source>The document was not made</source>
        <translation>方案文档未生成</translation>
    </message>
</context>
<context>
    <name>ProductModels</name>
    <message>
        <source>unrated</source>
        <translation>未评级</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私募</translation>
    </message>
    <message>
        <source>Minimum (¥)</source>
        <translation>起购金额（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私募</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>off sale</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>{date} 已结清</translation>
    </message>
    <message>
        <source>held</source>
        <translation>持有中</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <source>Sale type</source>
        <translation>销售类型</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>双录编号</translation>
    </message>
    <message>
        <source>cancelled {date}</source>
        <translation>{date} 已撤销</translation>
    </message>
    <message>
        <source>cooling-off until {end}</source>
        <translation>冷静期至 {end}</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签约</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Risk rating</source>
        <translation>产品风险等级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Private (私募)</source>
        <translation>私募产品</translation>
    </message>
    <message>
        <source>Asset class (私募)</source>
        <translation>资产类别（私募）</translation>
    </message>
    <message>
        <source>Cooling-off (hours)</source>
        <translation>冷静期（小时）</translation>
    </message>
    <message>
        <source>Minimum amount (¥)</source>
        <translation>起购金额（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Find a product: code or name</source>
        <translation>查找产品：产品代码或名称</translation>
    </message>
    <message>
        <source>All families</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Show off-sale products</source>
        <translation>显示已下架产品</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Import a catalogue from a CSV file (产品代码, 产品名称, 产品类别…)</source>
        <translation>从 CSV 文件导入产品目录（产品代码、产品名称、产品类别…）</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>a cooling-off period from the signing</source>
        <translation>自签约起设冷静期</translation>
    </message>
    <message>
        <source>— (as its family)</source>
        <translation>—（按产品类别）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>e.g. 10000, 1万</source>
        <translation>如 10000、1万</translation>
    </message>
    <message>
        <source>days, e.g. 90, 6个月, 1年; empty: none</source>
        <translation>天数，如 90、6个月、1年；留空表示无固定期限</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The catalogue is empty: add a product with “New product” or import a file.</source>
        <translation>产品目录为空：点击“新建产品”添加，或导入文件。</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>共 {count} 个产品</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Off sale: not offered for new sales</source>
        <translation>已下架：不再用于新的销售</translation>
    </message>
    <message>
        <source>Take off sale</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Put back on sale</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Product {code} saved.</source>
        <translation>产品 {code} 已保存。</translation>
    </message>
    <message>
        <source>Take {code} off sale? It stays in the catalogue, in holdings and in past sales, but is no longer offered for a new sale.</source>
        <translation>下架 {code} 吗？该产品仍保留在产品目录、持仓和历史销售记录中，但不能再用于新的销售。</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入产品</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>无法导入此文件</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何产品</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{file}: products imported: {imported}; lines not imported: {rejected}.</source>
        <translation>{file}：已导入产品 {imported} 个；未导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>{count} products imported.</source>
        <translation>已导入 {count} 个产品。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>Risk questionnaire</source>
        <translation>风险测评问卷</translation>
    </message>
    <message>
        <source>Print blank…</source>
        <translation>打印空白问卷…</translation>
    </message>
    <message>
        <source>The questionnaire on paper, for the client to tick and sign</source>
        <translation>打印纸质问卷，由客户勾选并签名</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>保存测评结果</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Answer every question to save the assessment</source>
        <translation>全部题目作答后才能保存测评结果</translation>
    </message>
    <message>
        <source>The assessment was not saved</source>
        <translation>测评结果未保存</translation>
    </message>
    <message>
        <source>Discard the answers?</source>
        <translation>放弃已填答案？</translation>
    </message>
    <message>
        <source>The answers given so far are not saved. Close anyway?</source>
        <translation>已填写的答案尚未保存。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>QuestionnaireForm</name>
    <message>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Score {score} of {max}</source>
        <translation>得分 {score}/{max}</translation>
    </message>
    <message>
        <source>questions to answer: {count}</source>
        <translation>还有 {count} 题未答</translation>
    </message>
    <message>
        <source>an answer caps the profile at {level}</source>
        <translation>有答案将风险等级封顶为 {level}</translation>
    </message>
    <message>
        <source>risk profile {level}</source>
        <translation>风险等级 {level}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访目的</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <source>65+</source>
        <translation>65岁+</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>需协助</translation>
    </message>
    <message>
        <source>Next · ~{duration}</source>
        <translation>下一位 · 约 {duration}</translation>
    </message>
    <message>
        <source>~{duration}</source>
        <translation>约 {duration}</translation>
    </message>
    <message>
        <source>Called first: {reasons}</source>
        <translation>优先叫号：{reasons}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一位</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Survey…</source>
        <translation>问卷调查…</translation>
    </message>
    <message>
        <source>With the client&apos;s consent: their risk questionnaire, preferences, needs and family situation, filled in while they wait</source>
        <translation>经客户同意，在其等候期间填写风险测评问卷、投资偏好、需求及家庭情况</translation>
    </message>
    <message>
        <source>Check in: name, pinyin initials or the last 4 digits of the mobile, then Enter</source>
        <translation>签到：输入姓名、拼音首字母或手机号后4位，按回车</translation>
    </message>
    <message>
        <source>Check in a visitor ({key})</source>
        <translation>访客签到（{key}）</translation>
    </message>
    <message>
        <source>Has an appointment</source>
        <translation>有预约</translation>
    </message>
    <message>
        <source>Needs assistance</source>
        <translation>需要协助</translation>
    </message>
    <message>
        <source>Called after appointments and before the tiers, like visitors aged 65 or over (their age is read from the ID)</source>
        <translation>与65岁及以上客户一样，排在预约客户之后、各等级客户之前（年龄按身份证读取）</translation>
    </message>
    <message>
        <source>Complaint…</source>
        <translation>投诉…</translation>
    </message>
    <message>
        <source>For a visitor who came to complain: put the complaint in the register, with who handles it and by when</source>
        <translation>为前来投诉的访客登记投诉，并写明处理人和答复期限</translation>
    </message>
    <message>
        <source>New visitor</source>
        <translation>新访客</translation>
    </message>
    <message>
        <source>Check in someone who is not in the client book yet, with the name or phone number typed in the box</source>
        <translation>为尚未建档的访客签到，使用框中输入的姓名或电话</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>来访目的：</translation>
    </message>
    <message>
        <source>Today: {arrived} arrived · {waiting} waiting · {parked} parked · {served} served · average wait {average} · longest {longest}</source>
        <translation>今日：到店 {arrived} · 等候 {waiting} · 暂挂 {parked} · 已服务 {served} · 平均等候 {average} · 最长 {longest}</translation>
    </message>
    <message>
        <source>Nobody is waiting. Check visitors in with the box above.</source>
        <translation>目前无人等候。请在上方输入框为访客签到。</translation>
    </message>
    <message>
        <source>Your desk is free</source>
        <translation>工作台空闲</translation>
    </message>
    <message>
        <source>Call the next visitor when you are ready.</source>
        <translation>准备好后请叫下一位。</translation>
    </message>
    <message>
        <source>Called to your desk</source>
        <translation>已叫号，等待客户前来</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>正在服务</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场客户</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>（未留姓名）</translation>
    </message>
    <message>
        <source>Called {duration} ago</source>
        <translation>{duration}前叫号</translation>
    </message>
    <message>
        <source>In service for {duration}</source>
        <translation>已服务 {duration}</translation>
    </message>
    <message>
        <source>{ticket} is waiting while you are with another client: greet them, offer a seat and a cup of tea, tell them the wait is about {duration} and that they will be called.</source>
        <translation>{ticket} 正在等候，您正在接待其他客户：请问候客户，请其入座并奉茶，告知大约需等候 {duration}，轮到时会叫号。</translation>
    </message>
    <message>
        <source>called again {n}×</source>
        <translation>已重呼 {n} 次</translation>
    </message>
    <message>
        <source>{ticket} ({reasons}) is called before the other walk-ins. Offer a seat at once, near the desk; explain slowly, one thing at a time, and check they have understood; give them the large-print questionnaire.</source>
        <translation>{ticket}（{reasons}）将优先于其他现场客户叫号。请立即在柜台附近安排座位；讲解放慢语速，一次说一件事，并确认客户已理解；提供大字版问卷。</translation>
    </message>
    <message>
        <source>Service {ticket} filed. See the client off: stand up, thank them, remind them of their belongings and walk them to the door.</source>
        <translation>{ticket} 服务已归档。请送别客户：起身致谢，提醒携带随身物品，送至门口。</translation>
    </message>
    <message>
        <source>Type at least 4 digits to find a client by their mobile.</source>
        <translation>按手机号查找请至少输入4位数字。</translation>
    </message>
    <message>
        <source>Not in the client book: press Enter or “New visitor” to check in a new visitor.</source>
        <translation>客户档案中没有：按回车或“新访客”为新访客签到。</translation>
    </message>
    <message>
        <source>Enter checks this client in for their appointment (an A ticket).</source>
        <translation>按回车为该客户按预约签到（A 号）。</translation>
    </message>
    <message>
        <source>Enter checks this client in.</source>
        <translation>按回车为这位客户签到。</translation>
    </message>
    <message>
        <source>Several clients match: Enter or ↓ to choose, Enter to check in.</source>
        <translation>有多位客户符合：按回车或↓选择，再按回车签到。</translation>
    </message>
    <message>
        <source>Appointment {time}</source>
        <translation>预约 {time}</translation>
    </message>
    <message>
        <source>A phone number has at least {n} digits; to find a client by the end of their mobile, type 4 digits and choose them in the list.</source>
        <translation>电话号码至少 {n} 位；要按手机号尾号查找客户，请输入4位数字并在列表中选择。</translation>
    </message>
    <message>
        <source>Shared queue</source>
        <translation>公共队列</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>{ticket} checked in.</source>
        <translation>{ticket} 已签到。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{time} {name} is expected in {duration}{purposes}.</source>
        <translation>{time} {name} 预约将在 {duration}后到来{purposes}。</translation>
    </message>
    <message>
        <source>{count} appointments today or on the next working day still have preparation to do (Appointments page).</source>
        <translation>今天或下一个工作日有 {count} 个预约的准备事项尚未完成（见“预约”页）。</translation>
    </message>
</context>
<context>
    <name>RiskHistoryModel</name>
    <message>
        <source>Assessed on</source>
        <translation>测评日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Risk profile</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>测评人</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已被新测评取代</translation>
    </message>
</context>
<context>
    <name>RiskProfile</name>
    <message>
        <source>No risk assessment</source>
        <translation>未做风险测评</translation>
    </message>
    <message>
        <source>{level} · expired on {date}</source>
        <translation>{level} · 已于 {date} 过期</translation>
    </message>
    <message>
        <source>{level} · expires today</source>
        <translation>{level} · 今天到期</translation>
    </message>
    <message numerus="yes">
        <source>{level} · expires in %n day(s)</source>
        <translation>
            <numerusform>{level} · %n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>{level} · valid until {date}</source>
        <translation>{level} · 有效期至 {date}</translation>
    </message>
    <message>
        <source>Filled-in risk questionnaire</source>
        <translation>已填写的风险测评问卷</translation>
    </message>
    <message>
        <source>Blank risk questionnaire</source>
        <translation>空白风险测评问卷</translation>
    </message>
    <message>
        <source>The questionnaire was not made</source>
        <translation>未能生成问卷</translation>
    </message>
</context>
<context>
    <name>RiskTab</name>
    <message>
        <source>income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>liquidity need</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Risk profile</source>
        <translation>风险测评</translation>
    </message>
    <message>
        <source>Risk profile ({level}, to renew)</source>
        <translation>风险测评（{level}，待重新评估）</translation>
    </message>
    <message>
        <source>Risk profile ({level})</source>
        <translation>风险测评（{level}）</translation>
    </message>
    <message>
        <source>New assessment…</source>
        <translation>新建测评…</translation>
    </message>
    <message>
        <source>Answer the risk questionnaire with the client</source>
        <translation>与客户一起填写风险测评问卷</translation>
    </message>
    <message>
        <source>Print filled…</source>
        <translation>打印已填问卷…</translation>
    </message>
    <message>
        <source>The selected assessment (or the latest) on paper, for the client to sign</source>
        <translation>打印所选（或最近一次）测评的问卷，供客户签名</translation>
    </message>
    <message>
        <source>Print blank…</source>
        <translation>打印空白问卷…</translation>
    </message>
    <message>
        <source>The questionnaire on paper, for the client to tick and sign</source>
        <translation>打印纸质问卷，由客户勾选并签名</translation>
    </message>
    <message>
        <source>Signed form received</source>
        <translation>已收到签字问卷</translation>
    </message>
    <message>
        <source>The client answered and signed the selected assessment (or the latest) themselves: record that the signed form was received, by you, now</source>
        <translation>客户本人已作答并签字确认所选（或最新的）测评：登记由您于此刻收到签字问卷</translation>
    </message>
    <message>
        <source>All assessments</source>
        <translation>历次测评</translation>
    </message>
    <message>
        <source>The risk profile could not be read.</source>
        <translation>无法读取风险测评信息。</translation>
    </message>
    <message>
        <source>Cannot read the risk profile</source>
        <translation>无法读取风险测评</translation>
    </message>
    <message>
        <source>Wealth products cannot be sold until the client&apos;s risk profile is assessed.</source>
        <translation>客户完成风险测评前，不能销售理财产品。</translation>
    </message>
    <message>
        <source>Score {score} of 100 · assessed on {date} by {actor} · {questionnaire}</source>
        <translation>得分 {score}/100 · {date} 由 {actor} 测评 · {questionnaire}</translation>
    </message>
    <message>
        <source>The assessment has expired: wealth products cannot be sold until it is done again.</source>
        <translation>风险测评已过期：重新测评前不能销售理财产品。</translation>
    </message>
    <message>
        <source>Ask the client to answer the questionnaire again soon.</source>
        <translation>请尽快邀请客户重新填写风险测评问卷。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To renew: the client&apos;s {fields} changed since this assessment; ask them to answer the questionnaire again.</source>
        <translation>待重新评估：本次测评后客户的{fields}已变更，请客户重新填写问卷。</translation>
    </message>
    <message>
        <source>Signed form received {time} by {who}.</source>
        <translation>签字问卷已于 {time} 由 {who} 收取。</translation>
    </message>
    <message>
        <source>The client&apos;s signed form of {date} is not received yet.</source>
        <translation>尚未收到客户 {date} 测评的签字问卷。</translation>
    </message>
    <message>
        <source>Risk assessment saved.</source>
        <translation>风险测评结果已保存。</translation>
    </message>
    <message>
        <source>The signed form was not recorded</source>
        <translation>签字问卷未登记</translation>
    </message>
    <message>
        <source>Signed form received.</source>
        <translation>已收到签字问卷。</translation>
    </message>
    <message>
        <source>The questionnaire was not made</source>
        <translation>未能生成问卷</translation>
    </message>
    <message>
        <source>This assessment was answered on the questionnaire {used}; the one installed now is {current}, so its questions cannot be printed with it.</source>
        <translation>该测评使用的问卷为 {used}，当前安装的问卷为 {current}，因此无法连同原题目打印。</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Record a sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>e.g. 50000, 5万</source>
        <translation>如 50000、5万</translation>
    </message>
    <message>
        <source>The client confirms explicitly</source>
        <translation>客户明确确认购买</translation>
    </message>
    <message>
        <source>A client aged 65 or over (or of unknown age) buying an R4 or R5 product confirms it explicitly, after the risks were explained; the confirmation is recorded with the sale</source>
        <translation>65 周岁及以上（或年龄不详）的客户购买 R4、R5 产品，须在充分揭示风险后明确确认；确认情况随销售一并记录</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>The client confirms the amount again</source>
        <translation>客户再次确认金额</translation>
    </message>
    <message>
        <source>Large sale</source>
        <translation>大额购买</translation>
    </message>
    <message>
        <source>name and relation, e.g. 张建国（父亲）</source>
        <translation>姓名及关系，如 张建国（父亲）</translation>
    </message>
    <message>
        <source>16–17 living on own labour income: the proof seen</source>
        <translation>16–17周岁以自己劳动收入为主要生活来源：已核验的证明</translation>
    </message>
    <message>
        <source>Guardian (minor)</source>
        <translation>监护人（未成年人）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Sale type</source>
        <translation>销售类型</translation>
    </message>
    <message>
        <source>Recording (双录) ref.</source>
        <translation>双录编号</translation>
    </message>
    <message>
        <source>Record sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>The client&apos;s identity document expired on {date}: nothing sells until the renewed one is recorded.</source>
        <translation>客户的身份证件已于 {date} 过期：登记新证件前不得销售任何产品。</translation>
    </message>
    <message>
        <source>The client has no risk assessment: only unrated products sell.</source>
        <translation>客户未做风险测评：只能办理无风险等级的产品。</translation>
    </message>
    <message>
        <source>Client risk level C{level}, expired on {date}.</source>
        <translation>客户风险等级 C{level}，已于 {date} 过期。</translation>
    </message>
    <message>
        <source>Client risk level C{level}, valid through {date}.</source>
        <translation>客户风险等级 C{level}，有效期至 {date}。</translation>
    </message>
    <message>
        <source>{type} (suggested)</source>
        <translation>{type}（建议）</translation>
    </message>
    <message>
        <source>No product is on sale: add one on the Products page.</source>
        <translation>暂无在售产品：请先在“产品”页添加。</translation>
    </message>
    <message>
        <source>minimum ¥{amount}</source>
        <translation>起购金额 ¥{amount}</translation>
    </message>
    <message>
        <source>private: {hours}-hour cooling-off after signing</source>
        <translation>私募：签约后 {hours} 小时冷静期</translation>
    </message>
    <message>
        <source>the audio-video recording&apos;s reference</source>
        <translation>双录（录音录像）编号</translation>
    </message>
    <message>
        <source>not needed for this product</source>
        <translation>本产品无需双录</translation>
    </message>
    <message numerus="yes">
        <source>Not suitable: %n reason(s) above. The sale cannot be recorded; there is no override.</source>
        <translation>
            <numerusform>适当性不匹配：原因见上方（%n 项）。本笔销售不能登记，且不可强行通过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Suitable: the sale may be recorded.</source>
        <translation>适当性匹配：可以登记本笔销售。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Cancel in the cooling-off period</source>
        <translation>冷静期内撤销</translation>
    </message>
    <message>
        <source>Cancel the sale of {product} (¥{amount}) signed {signed}? The cooling-off period ends {end}; the client gets a full refund and the sale counts in no total.</source>
        <translation>撤销 {signed} 签约的 {product}（¥{amount}）吗？冷静期于 {end} 结束；客户将获得全额退款，本笔销售不计入任何统计。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>撤销销售</translation>
    </message>
    <message>
        <source>Keep the sale</source>
        <translation>保留销售</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>未取消</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Sales ({count})</source>
        <translation>销售（{count}）</translation>
    </message>
    <message>
        <source>Record a sale…</source>
        <translation>登记销售…</translation>
    </message>
    <message>
        <source>Cancel in cooling-off…</source>
        <translation>冷静期撤销…</translation>
    </message>
    <message>
        <source>A private product&apos;s sale may be cancelled within 24 hours of signing</source>
        <translation>私募产品签约后24小时内可撤销</translation>
    </message>
    <message>
        <source>No sale recorded for this client yet.</source>
        <translation>该客户尚无销售记录。</translation>
    </message>
    <message>
        <source>{count} sales, {cancelled} cancelled</source>
        <translation>共 {count} 笔销售，其中 {cancelled} 笔已撤销</translation>
    </message>
    <message>
        <source>Record a sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>Sale recorded.</source>
        <translation>销售已登记。</translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation>销售已撤销。</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to the branch server</source>
        <translation>连接网点服务器</translation>
    </message>
    <message>
        <source>Every desk, the lobby and the waiting-room display of a branch share one PostgreSQL server. The address is kept on this PC; the password is kept only in PostgreSQL&apos;s own password file, for this Windows or Linux user.</source>
        <translation>网点的所有理财室、大堂和等候区显示屏共用一台 PostgreSQL 服务器。服务器地址保存在本机；密码只保存在 PostgreSQL 自己的密码文件中，仅供当前 Windows 或 Linux 用户使用。</translation>
    </message>
    <message>
        <source>Keep the password in PostgreSQL&apos;s password file ({path})</source>
        <translation>将密码保存在 PostgreSQL 密码文件中（{path}）</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Use this server</source>
        <translation>使用此服务器(&amp;U)</translation>
    </message>
    <message>
        <source>Use this PC&apos;s &amp;own database</source>
        <translation>使用本机数据库(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type the password above and keep it in the password file, or ask the branch&apos;s administrator for it.</source>
        <translation>请在上方输入密码并保存到密码文件中，或向网点管理员索取密码。</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <translation>未连接：{reason}</translation>
    </message>
    <message>
        <source>an empty database: WealthDesk sets it up when first used</source>
        <translation>空数据库：WealthDesk 首次使用时会自动初始化</translation>
    </message>
    <message>
        <source>WealthDesk data of a newer release (schema {schema}): update this PC first</source>
        <translation>更新版本的 WealthDesk 数据（结构版本 {schema}）：请先升级本机程序</translation>
    </message>
    <message>
        <source>WealthDesk data, schema {schema}</source>
        <translation>WealthDesk 数据，结构版本 {schema}</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}; {found}.</source>
        <translation>已连接：PostgreSQL {version}；{found}。</translation>
    </message>
    <message>
        <source>The password was not kept</source>
        <translation>密码未保存</translation>
    </message>
    <message>
        <source>WealthDesk uses {where} from its next start. Close it and start it again.</source>
        <translation>WealthDesk 下次启动时将使用 {where}。请关闭程序后重新启动。</translation>
    </message>
    <message>
        <source>the database on this PC</source>
        <translation>本机数据库</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>Nobody is being served. Call the next visitor on the Queue page ({key}); their record opens here.</source>
        <translation>当前没有正在服务的客户。请在“叫号”页叫下一位（{key}），客户资料会在此打开。</translation>
    </message>
    <message>
        <source>Find the visitor in the client book: name, pinyin, mobile</source>
        <translation>在客户档案中查找访客：姓名、拼音、手机号</translation>
    </message>
    <message>
        <source>This is the client</source>
        <translation>就是这位客户</translation>
    </message>
    <message>
        <source>Complaint…</source>
        <translation>投诉…</translation>
    </message>
    <message>
        <source>Put a complaint from this visitor in the register</source>
        <translation>将此访客的投诉记入投诉登记簿</translation>
    </message>
    <message>
        <source>Add as a new client</source>
        <translation>新建为客户</translation>
    </message>
    <message>
        <source>Cannot open the client</source>
        <translation>无法打开客户</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Earlier visits ({count})</source>
        <translation>以往到访（{count}）</translation>
    </message>
    <message>
        <source>Client screen</source>
        <translation>客户界面</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>（未留姓名）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Called {duration} ago</source>
        <translation>{duration}前叫号</translation>
    </message>
    <message>
        <source>In service for {duration}</source>
        <translation>已服务 {duration}</translation>
    </message>
    <message>
        <source>{ticket} is not linked to a client yet (they gave: {gave}). Find them in the client book, add them as a new client, or just serve them.</source>
        <translation>{ticket} 尚未关联客户（访客留下：{gave}）。请在客户档案中查找、新建为客户，或直接为其服务。</translation>
    </message>
    <message>
        <source>No client matches: add them as a new client, or just serve them.</source>
        <translation>没有符合的客户：可以新建为客户，或直接为其服务。</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>{ticket} linked to the client.</source>
        <translation>{ticket} 已关联客户。</translation>
    </message>
</context>
<context>
    <name>ServiceSession</name>
    <message>
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <source>Call selected</source>
        <translation>叫所选访客</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>No-show…</source>
        <translation>过号…</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <source>Pass to another desk…</source>
        <translation>转至其他理财室…</translation>
    </message>
    <message>
        <source>Start service</source>
        <translation>开始服务</translation>
    </message>
    <message>
        <source>Finish service…</source>
        <translation>结束服务…</translation>
    </message>
    <message>
        <source>Client screen</source>
        <translation>客户界面</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>Return to queue</source>
        <translation>恢复排队</translation>
    </message>
    <message>
        <source>Left…</source>
        <translation>已离开…</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>目前无人等候。</translation>
    </message>
    <message>
        <source>A visitor is called to your desk</source>
        <translation>已有访客被叫到您的工作台</translation>
    </message>
    <message>
        <source>{ticket} is called to your desk. Start the service, call them again, mark them as a no-show or send them back to the queue first.</source>
        <translation>{ticket} 已被叫到您的工作台。请先开始服务、重呼、标记过号或退回队列。</translation>
    </message>
    <message>
        <source>{ticket} called to desk {desk}.</source>
        <translation>已叫 {ticket} 到 {desk} 号理财室。</translation>
    </message>
    <message>
        <source>{ticket} called again.</source>
        <translation>已重呼 {ticket}。</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>{ticket} did not come after being called. Close the visit as a no-show?</source>
        <translation>{ticket} 叫号后未到。按过号结束本次到访吗？</translation>
    </message>
    <message>
        <source>{ticket} is back in the queue.</source>
        <translation>{ticket} 已回到队列。</translation>
    </message>
    <message>
        <source>Not passed on</source>
        <translation>未转出</translation>
    </message>
    <message>
        <source>Pass to another desk</source>
        <translation>转至其他理财室</translation>
    </message>
    <message>
        <source>No other desk is at work today.</source>
        <translation>今天没有其他理财室在岗。</translation>
    </message>
    <message>
        <source>Which desk takes {ticket}?</source>
        <translation>将 {ticket} 转至哪个理财室？</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>{ticket} passed to desk {desk}.</source>
        <translation>{ticket} 已转至 {desk} 号理财室。</translation>
    </message>
    <message>
        <source>{ticket} parked.</source>
        <translation>{ticket} 已暂挂。</translation>
    </message>
    <message>
        <source>Visitor left</source>
        <translation>访客已离开</translation>
    </message>
    <message>
        <source>{ticket} gave up waiting and left? The visit will be closed.</source>
        <translation>{ticket} 放弃等候离开了吗？本次到访将结束。</translation>
    </message>
    <message>
        <source>Close the visit</source>
        <translation>结束到访</translation>
    </message>
    <message>
        <source>The queue was not changed</source>
        <translation>队列未更改</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Branch (shared by every desk)</source>
        <translation>网点（所有理财室共用）</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>本理财室</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Desk and manager</source>
        <translation>理财室与理财经理</translation>
    </message>
    <message>
        <source>Branch and office hours</source>
        <translation>网点与营业时间</translation>
    </message>
    <message>
        <source>Appointments and care</source>
        <translation>预约与客户关怀</translation>
    </message>
    <message>
        <source>Complaints and care messages</source>
        <translation>投诉与关怀短信</translation>
    </message>
    <message>
        <source>Lobby and waiting room</source>
        <translation>大堂与候客区</translation>
    </message>
    <message>
        <source>Suitability and sales</source>
        <translation>适当性与销售</translation>
    </message>
    <message>
        <source>Door notices</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>Day close and documents</source>
        <translation>日清日结与文档</translation>
    </message>
    <message>
        <source>Financial plans</source>
        <translation>理财规划</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>The new PIN is stored when you press OK.</source>
        <translation>按“确定”后保存新PIN码。</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>修改PIN码…</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>设置PIN码…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Default: {folder}</source>
        <translation>默认：{folder}</translation>
    </message>
    <message>
        <source>Found automatically (WenQuanYi, YaHei, SimSun…)</source>
        <translation>自动查找（文泉驿、微软雅黑、宋体…）</translation>
    </message>
    <message>
        <source>The default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>Print a test slip</source>
        <translation>打印测试小票</translation>
    </message>
    <message>
        <source>Printing a test slip…</source>
        <translation>正在打印测试小票…</translation>
    </message>
    <message>
        <source>Empty: the model as shipped</source>
        <translation>留空：使用系统自带的配置模型</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Model allocation for plans</source>
        <translation>理财规划的资产配置模型</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Folder for day-close reports</source>
        <translation>日清日结报表文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Font file for PDFs</source>
        <translation>PDF 使用的字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <source>Queue slip {ticket}</source>
        <translation>排队小票 {ticket}</translation>
    </message>
    <message>
        <source>Queue slip for {ticket} printed.</source>
        <translation>{ticket} 的排队小票已打印。</translation>
    </message>
    <message>
        <source>Queue slip for {ticket} not printed: {reason}</source>
        <translation>{ticket} 的排队小票未打印：{reason}</translation>
    </message>
    <message>
        <source>The test slip was not printed: {reason}</source>
        <translation>测试小票未打印：{reason}</translation>
    </message>
    <message>
        <source>The test slip is printed on {printer} (job {job}).</source>
        <translation>测试小票已在 {printer} 打印（任务 {job}）。</translation>
    </message>
    <message>
        <source>The print service has the test slip for {printer} (job {job}); it prints in turn.</source>
        <translation>打印服务已收到发往 {printer} 的测试小票（任务 {job}），将依次打印。</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>Colleague support</source>
        <translation>协同支持</translation>
    </message>
    <message>
        <source>Time spent backing a colleague&apos;s sale counts towards your time on client work.</source>
        <translation>协助同事销售所用的时间，计入您的客户工作时间。</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>支持内容</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>A sale followed</source>
        <translation>已促成销售</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The support was not logged</source>
        <translation>协同支持未登记</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>{total} of {target}: services {services}, calls {calls}, support {support}</source>
        <translation>{total} / {target}：客户服务 {services}，电话回访 {calls}，协同支持 {support}</translation>
    </message>
    <message>
        <source>Today&apos;s appointments</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <source>No appointments today.</source>
        <translation>今天没有预约。</translation>
    </message>
    <message>
        <source>Care list</source>
        <translation>客户维护清单</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>致电…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Message…</source>
        <translation>短信…</translation>
    </message>
    <message>
        <source>The branch&apos;s message for this task, to copy or send by SMS</source>
        <translation>本网点为此任务准备的短信，可复制或通过短信发送</translation>
    </message>
    <message>
        <source>Time on client work</source>
        <translation>客户工作时间</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <source>Risk assessments expiring</source>
        <translation>风险测评即将到期</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Colleague support…</source>
        <translation>协同支持…</translation>
    </message>
    <message>
        <source>All ({count})</source>
        <translation>全部（{count}）</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} 人等候</translation>
    </message>
    <message>
        <source>{served} served today, {arrived} arrived</source>
        <translation>今日已服务 {served} 人，到店 {arrived} 人</translation>
    </message>
    <message>
        <source>Nothing to call about today.</source>
        <translation>今天没有需要联系的客户。</translation>
    </message>
    <message>
        <source>The first {shown} of {total}, the most urgent first.</source>
        <translation>共 {total} 项，按紧急程度显示前 {shown} 项。</translation>
    </message>
    <message>
        <source>{count} to do, {overdue} overdue</source>
        <translation>待办 {count} 项，已逾期 {overdue} 项</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>{left} to go</source>
        <translation>还差 {left}</translation>
    </message>
    <message>
        <source>Call logged: {outcome}</source>
        <translation>回访已登记：{outcome}</translation>
    </message>
    <message>
        <source>Message logged: {channel}</source>
        <translation>已记录短信：{channel}</translation>
    </message>
    <message>
        <source>Export SMS file… ({count})</source>
        <translation>导出短信文件…（{count}）</translation>
    </message>
    <message>
        <source>Export SMS file</source>
        <translation>导出短信文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The SMS file was not written</source>
        <translation>短信文件未写入</translation>
    </message>
    <message>
        <source>{count} messages written to {file}</source>
        <translation>已将 {count} 条短信写入 {file}</translation>
    </message>
    <message>
        <source>The task was not closed</source>
        <translation>任务未关闭</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>任务已完成</translation>
    </message>
    <message>
        <source>Event created; {count} invitations on the care list</source>
        <translation>活动已创建；已在客户维护清单中加入 {count} 条邀约</translation>
    </message>
    <message>
        <source>Colleague support logged</source>
        <translation>协同支持已登记</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访目的</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>WaitingSurveyDialog</name>
    <message>
        <source>Survey while waiting</source>
        <translation>等候期间问卷调查</translation>
    </message>
    <message>
        <source>While the client waits, and only with their consent, record their risk tolerance, investment preferences, training needs and personal and family information. Ask the client first.</source>
        <translation>客户等候期间，仅在客户同意的前提下，记录其风险承受能力、投资偏好、理财知识培训需求以及个人和家庭信息。请先征得客户同意。</translation>
    </message>
    <message>
        <source>The client agrees that we record this information (the consent is kept with the date)</source>
        <translation>客户同意我行记录上述信息（同意情况连同日期一并保存）</translation>
    </message>
    <message>
        <source>Answer every question, or leave the questionnaire empty to do it later.</source>
        <translation>请回答全部题目，或将问卷留空以后再填。</translation>
    </message>
    <message>
        <source>Risk questionnaire</source>
        <translation>风险测评问卷</translation>
    </message>
    <message>
        <source>Personal and family</source>
        <translation>个人与家庭</translation>
    </message>
    <message>
        <source>Clear the answers</source>
        <translation>清空答案</translation>
    </message>
    <message>
        <source>Save survey</source>
        <translation>保存问卷</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Survey of {name}</source>
        <translation>{name} 的问卷调查</translation>
    </message>
    <message>
        <source>Tick the client&apos;s consent to begin.</source>
        <translation>请先勾选客户同意，再开始填写。</translation>
    </message>
    <message>
        <source>Questions still to answer: {count} (or clear the questionnaire)</source>
        <translation>还有 {count} 题未答（或清空问卷）</translation>
    </message>
    <message>
        <source>The survey was not saved</source>
        <translation>问卷未保存</translation>
    </message>
    <message>
        <source>Discard the survey?</source>
        <translation>放弃本次问卷？</translation>
    </message>
    <message>
        <source>What was filled in is not saved. Close anyway?</source>
        <translation>已填写的内容尚未保存。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to WealthDesk</source>
        <translation>欢迎使用 WealthDesk</translation>
    </message>
    <message>
        <source>The client book is empty. How would you like to start?</source>
        <translation>客户名册还是空的。您想如何开始？</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>使用演示数据试用</translation>
    </message>
    <message>
        <source>300 invented clients with Chinese names, to explore every screen. Not for real work.</source>
        <translation>生成300位虚构客户，便于熟悉各个界面。请勿用于实际业务。</translation>
    </message>
    <message>
        <source>Import a client list</source>
        <translation>导入客户名单</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8 or GBK) with columns such as 姓名, 手机号码, 身份证号码, 客户等级.</source>
        <translation>CSV 文件（UTF-8 或 GBK 编码），包含姓名、手机号码、身份证号码、客户等级等列。</translation>
    </message>
    <message>
        <source>Start with an empty book</source>
        <translation>从空白名册开始</translation>
    </message>
    <message>
        <source>Add clients one by one as they come to the desk.</source>
        <translation>客户到访时逐一建档。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{value} is not between 1 and 2000000</source>
        <translation>{value} 不在 1 到 2000000 之间</translation>
    </message>
    <message>
        <source>{value} is not between 0 and 366</source>
        <translation>{value} 不在 0 到 366 之间</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} 不是整数</translation>
    </message>
    <message>
        <source>sqlite:///path or postgresql://user@host:port/dbname</source>
        <translation>sqlite:///文件路径 或 postgresql://用户@主机:端口/数据库名</translation>
    </message>
    <message>
        <source>language of messages (zh_CN or en)</source>
        <translation>提示信息的语言（zh_CN 或 en）</translation>
    </message>
    <message>
        <source>WealthDesk: the wealth-management room&apos;s desk application. Without a command it starts the window.</source>
        <translation>WealthDesk：理财室桌面工作平台。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <source>database address (default: the SQLite file in your data folder)</source>
        <translation>数据库地址（默认：数据文件夹中的 SQLite 文件）</translation>
    </message>
    <message>
        <source>language of the window and messages (zh_CN or en)</source>
        <translation>界面和提示信息的语言（zh_CN 或 en）</translation>
    </message>
    <message>
        <source>this desk&apos;s number</source>
        <translation>本理财室编号</translation>
    </message>
    <message>
        <source>desk: a manager&apos;s desk (default); lobby: the lobby&apos;s check-in screen; display: the waiting-room board (full screen)</source>
        <translation>desk：理财经理工作台（默认）；lobby：大堂签到屏；display：等候区显示屏（全屏）</translation>
    </message>
    <message>
        <source>fill a database with demo data</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>how many demo clients (default 300)</source>
        <translation>演示客户数量（默认 300）</translation>
    </message>
    <message>
        <source>the same seed gives the same data (default 1)</source>
        <translation>相同的种子生成相同的数据（默认 1）</translation>
    </message>
    <message>
        <source>visits on the working days of the last D days and today (default 30)</source>
        <translation>生成最近 D 天工作日和今天的到访记录（默认 30）</translation>
    </message>
    <message>
        <source>import clients from a CSV file</source>
        <translation>从 CSV 文件导入客户</translation>
    </message>
    <message>
        <source>import products into the catalogue from a CSV file</source>
        <translation>从 CSV 文件导入产品到产品目录</translation>
    </message>
    <message>
        <source>en: an English line under the Chinese, and messages in English; zh: Chinese only (default: as set for notices)</source>
        <translation>en：中文下方加英文，提示信息用英文；zh：仅中文（默认：按告示设置）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的PDF文件</translation>
    </message>
    <message>
        <source>{text} is not a month (YYYY-MM)</source>
        <translation>{text} 不是月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>copy this PC&apos;s database safely into the backups folder</source>
        <translation>将本机数据库安全复制到备份文件夹</translation>
    </message>
    <message>
        <source>the folder for the copy (default: the backups folder)</source>
        <translation>备份存放的文件夹（默认：备份文件夹）</translation>
    </message>
    <message>
        <source>replace this PC&apos;s database with a backup, checked first (the old one is kept)</source>
        <translation>用备份替换本机数据库（先检查备份，原数据库会保留）</translation>
    </message>
    <message>
        <source>write the audit log as CSV for an inspection</source>
        <translation>将审计日志导出为 CSV 以备检查</translation>
    </message>
    <message>
        <source>the first day (default: the log&apos;s beginning)</source>
        <translation>起始日期（默认：日志开头）</translation>
    </message>
    <message>
        <source>the last day (default: today)</source>
        <translation>截止日期（默认：今天）</translation>
    </message>
    <message>
        <source>the CSV file to write</source>
        <translation>要写入的 CSV 文件</translation>
    </message>
    <message>
        <source>check that no audit entry was changed, removed or slipped in since it was written (exit 1 names the first that was)</source>
        <translation>检查审计日志自写入后没有记录被改动、删除或插入（退出码 1 时指出第一条问题记录）</translation>
    </message>
    <message>
        <source>write the day-close summary (PDF), and the day&apos;s CSV files</source>
        <translation>生成日清日结报告（PDF）及当天的 CSV 文件</translation>
    </message>
    <message>
        <source>the day to close (default: today)</source>
        <translation>要日清日结的日期（默认：今天）</translation>
    </message>
    <message>
        <source>instead, the summary of this day&apos;s week (Monday to Sunday)</source>
        <translation>改为输出该日所在周（周一至周日）的汇总</translation>
    </message>
    <message>
        <source>instead, the summary of a calendar month</source>
        <translation>改为输出一个自然月的汇总</translation>
    </message>
    <message>
        <source>the PDF file to write (optional with --print)</source>
        <translation>要写入的 PDF 文件（与 --print 同用时可省略）</translation>
    </message>
    <message>
        <source>also write the day&apos;s visits and sales as CSV files into DIR</source>
        <translation>同时将当天的到访和销售明细以 CSV 文件写入 DIR</translation>
    </message>
    <message>
        <source>write a client&apos;s financial plan (PDF)</source>
        <translation>生成客户的理财规划方案（PDF）</translation>
    </message>
    <message>
        <source>the client&apos;s number in the book</source>
        <translation>客户在客户簿中的编号</translation>
    </message>
    <message>
        <source>write the plan&apos;s summary in large print (one or two pages)</source>
        <translation>输出大字版方案摘要（一至两页）</translation>
    </message>
    <message>
        <source>the branch&apos;s work on a desk</source>
        <translation>网点对席位的管理操作</translation>
    </message>
    <message>
        <source>give a desk a new PIN (asked twice; audited): for a PIN forgotten or removed</source>
        <translation>为席位设置新的 PIN（输入两次；记入审计日志）：用于 PIN 遗忘或被删除时</translation>
    </message>
    <message>
        <source>the desk&apos;s number</source>
        <translation>席位号</translation>
    </message>
    <message>
        <source>print it through the system&apos;s print service; exit status 0 only when the printer took the job, 1 when it refused it</source>
        <translation>通过系统的打印服务打印；仅当打印机接受了打印任务时退出状态为 0，被拒绝时为 1</translation>
    </message>
    <message>
        <source>the printer to print on (default: the system&apos;s default printer)</source>
        <translation>用于打印的打印机（默认：系统的默认打印机）</translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation>文件名为空</translation>
    </message>
    <message>
        <source>give --out F.pdf, --print or both</source>
        <translation>请给出 --out F.pdf、--print 或两者</translation>
    </message>
    <message>
        <source>--printer goes with --print</source>
        <translation>--printer 须与 --print 一起使用</translation>
    </message>
    <message>
        <source>printed on {printer} (job {job}, {state})</source>
        <translation>已在 {printer} 打印（任务 {job}，{state}）</translation>
    </message>
    <message>
        <source>not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>show a month&apos;s working days, or load the State Council&apos;s holiday schedule</source>
        <translation>显示某月的工作日，或载入国务院放假安排</translation>
    </message>
    <message>
        <source>the month to show (default: this month)</source>
        <translation>要显示的月份（默认：本月）</translation>
    </message>
    <message>
        <source>load a year&apos;s schedule from a CSV file (date,kind,name; kind holiday or workday): it replaces the year&apos;s schedule loaded before</source>
        <translation>从 CSV 文件载入一年的放假安排（date,kind,name；kind 为 holiday 或 workday），替换此前载入的该年安排</translation>
    </message>
    <message>
        <source>check a risk questionnaire file, or score answers on it</source>
        <translation>检查风险评估问卷文件，或按问卷计算答案得分</translation>
    </message>
    <message>
        <source>validate the form; print its questions, modules, bands, knock-outs, age rules</source>
        <translation>检查问卷；输出题目、模块、分数段、一票否决项和年龄规则</translation>
    </message>
    <message>
        <source>print the points, the knock-outs that applied and the level</source>
        <translation>输出得分、适用的一票否决项及风险等级</translation>
    </message>
    <message>
        <source>each question&apos;s number (as printed) and answer letter</source>
        <translation>每题的题号（按打印顺序）及答案字母</translation>
    </message>
    <message>
        <source>the client&apos;s birth date, for the age rules</source>
        <translation>客户出生日期，用于年龄规则</translation>
    </message>
    <message>
        <source>the desk phone to call (default: the desk&apos;s phone in the settings)</source>
        <translation>联系电话（默认：设置中的工作台电话）</translation>
    </message>
    <message>
        <source>a QR code for the phone or the link set for notices (default: as set)</source>
        <translation>加电话或告示链接的二维码（默认：按设置）</translation>
    </message>
    <message>
        <source>an upright page (default: as set for notices, else landscape)</source>
        <translation>纵向页面（默认：按告示设置，否则横向）</translation>
    </message>
    <message>
        <source>a page wider than tall</source>
        <translation>横向页面</translation>
    </message>
    <message>
        <source>write a door notice (PDF): lunch, away, closed or text</source>
        <translation>生成门口告示（PDF）：午休、暂时离开、暂停服务或自定义文字</translation>
    </message>
    <message>
        <source>lunch break: where to go meanwhile</source>
        <translation>午休：告知客户期间到哪里办理</translation>
    </message>
    <message>
        <source>start of the break (default: the office hours&apos; lunch break)</source>
        <translation>休息开始时间（默认：营业时间中的午休）</translation>
    </message>
    <message>
        <source>when the desk opens again (default: the office hours&apos;)</source>
        <translation>恢复营业时间（默认：按营业时间）</translation>
    </message>
    <message>
        <source>temporarily away: wait or call</source>
        <translation>暂时离开：请稍候或致电</translation>
    </message>
    <message>
        <source>closed, in training or in a meeting</source>
        <translation>暂停服务、培训中或开会中</translation>
    </message>
    <message>
        <source>培训 (training), 会议 (meeting) or the reason in words; without it: closed for today (已下班), or until --back</source>
        <translation>培训、会议，或直接写明原因；不写：今日已下班，或暂停到 --back 的时间</translation>
    </message>
    <message>
        <source>when you expect to be back</source>
        <translation>预计返回的时间</translation>
    </message>
    <message>
        <source>your own words, line by line</source>
        <translation>自拟文字，逐行填写</translation>
    </message>
    <message>
        <source>a line of the notice; give --text again for the next line</source>
        <translation>告示的一行文字；下一行再给一个 --text</translation>
    </message>
    <message>
        <source>{key}: {questions} questions in {modules} modules, {total} points</source>
        <translation>{key}：{modules} 个模块共 {questions} 题，满分 {total} 分</translation>
    </message>
    <message>
        <source>bands: {bands}</source>
        <translation>分数段：{bands}</translation>
    </message>
    <message>
        <source>knock-outs: {items}</source>
        <translation>一票否决项：{items}</translation>
    </message>
    <message>
        <source>age rules: {items}</source>
        <translation>年龄规则：{items}</translation>
    </message>
    <message>
        <source>required content: {items}</source>
        <translation>必备内容：{items}</translation>
    </message>
    <message>
        <source>points: {points} of {total} ({band})</source>
        <translation>得分：{points}／{total}（{band}）</translation>
    </message>
    <message>
        <source>age rule: {rule}</source>
        <translation>年龄规则：{rule}</translation>
    </message>
    <message>
        <source>level: {level}</source>
        <translation>风险等级：{level}</translation>
    </message>
    <message>
        <source>backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>--from {first} is after --to {last}</source>
        <translation>--from {first} 晚于 --to {last}</translation>
    </message>
    <message>
        <source>audit entries exported: {count}</source>
        <translation>已导出审计记录：{count}</translation>
    </message>
    <message>
        <source>the branch server is restored on the server by its administrator, not here</source>
        <translation>网点服务器的恢复由其管理员在服务器上进行，不能在此恢复</translation>
    </message>
    <message>
        <source>restored from {source}; the database it replaced: {kept}</source>
        <translation>已从 {source} 恢复；被替换的数据库保存在：{kept}</translation>
    </message>
    <message>
        <source>demo visits created: {count}</source>
        <translation>已生成演示到访：{count}</translation>
    </message>
    <message>
        <source>demo appointments created: {count}</source>
        <translation>已生成演示预约：{count}</translation>
    </message>
    <message>
        <source>demo profiles created: {assessments} risk assessments, {products} products, {holdings} holdings, {sales} sales, {calls} care calls</source>
        <translation>已生成演示资料：风险测评 {assessments} 份，产品 {products} 个，持仓 {holdings} 笔，销售 {sales} 笔，回访 {calls} 次</translation>
    </message>
    <message>
        <source>demo clients created: {count}</source>
        <translation>已生成演示客户：{count}</translation>
    </message>
    <message>
        <source>{count} demo clients of seed {seed} were already in the book; run demo with another seed (for example --seed {other}) to add new ones.</source>
        <translation>种子 {seed} 的 {count} 位演示客户已在名册中；如需添加新的演示客户，请换一个种子（例如 --seed {other}）。</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 等另外 {count} 项</translation>
    </message>
    <message>
        <source>ignored columns: {columns}</source>
        <translation>忽略的列：{columns}</translation>
    </message>
    <message>
        <source>lines read as {encoding}, unlike the rest of the file: {lines}</source>
        <translation>以下各行按 {encoding} 读取（与文件其余部分不同）：{lines}</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>notice saved: {path}</source>
        <translation>告示已保存：{path}</translation>
    </message>
    <message>
        <source>Door notice</source>
        <translation>门口告示</translation>
    </message>
    <message>
        <source>--csv writes one day&apos;s visits and sales: give --date with it</source>
        <translation>--csv 导出一天的到访和销售：请同时给出 --date</translation>
    </message>
    <message>
        <source>Day close {date}</source>
        <translation>{date} 日清日结报告</translation>
    </message>
    <message>
        <source>day close saved: {path}</source>
        <translation>日清日结报告已保存：{path}</translation>
    </message>
    <message>
        <source>CSV saved: {path}</source>
        <translation>CSV 已保存：{path}</translation>
    </message>
    <message>
        <source>plan saved: {path}</source>
        <translation>规划方案已保存：{path}</translation>
    </message>
    <message>
        <source>the State Council&apos;s schedule, loaded {day} by {actor}</source>
        <translation>国务院放假安排，{actor} 于 {day} 载入</translation>
    </message>
    <message>
        <source>nothing loaded: {count} lines are wrong</source>
        <translation>未载入任何内容：{count} 行有误</translation>
    </message>
    <message>
        <source>schedule for {year} loaded: {days} days (replacing {replaced}); {changed} changed</source>
        <translation>已载入 {year} 年放假安排：{days} 天（替换 {replaced} 天）；{changed} 天有变化</translation>
    </message>
    <message>
        <source>--desk: a desk&apos;s number</source>
        <translation>--desk：席位号</translation>
    </message>
    <message>
        <source>New PIN for desk {desk}: </source>
        <translation>{desk} 号席位的新 PIN：</translation>
    </message>
    <message>
        <source>The new PIN again: </source>
        <translation>再次输入新 PIN：</translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>desk {desk}: the PIN was reset (recorded in the audit log); the new PIN opens its lock</source>
        <translation>{desk} 号席位：PIN 已重置（已记入审计日志）；用新 PIN 可解锁</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Client created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <source>Client&apos;s personal data erased on request</source>
        <translation>应客户要求删除个人信息</translation>
    </message>
    <message>
        <source>Full mobile number shown</source>
        <translation>查看完整手机号码</translation>
    </message>
    <message>
        <source>Full ID number shown</source>
        <translation>查看完整身份证号码</translation>
    </message>
    <message>
        <source>Full document number shown</source>
        <translation>已查看完整证件号码</translation>
    </message>
    <message>
        <source>Clients imported</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>Demo data removed</source>
        <translation>删除演示数据</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Visitor checked in</source>
        <translation>客户签到</translation>
    </message>
    <message>
        <source>Visitor called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Visitor identified as a client</source>
        <translation>到访者关联客户</translation>
    </message>
    <message>
        <source>Service finished</source>
        <translation>服务结束</translation>
    </message>
    <message>
        <source>Visitor passed to another desk</source>
        <translation>访客转至其他理财室</translation>
    </message>
    <message>
        <source>Queue closed for the day</source>
        <translation>当日排队结束</translation>
    </message>
    <message>
        <source>Desk state changed</source>
        <translation>工作台状态变更</translation>
    </message>
    <message>
        <source>Desk unlocked</source>
        <translation>工作台解锁</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>席位已锁定</translation>
    </message>
    <message>
        <source>Wrong PIN at the locked desk</source>
        <translation>锁定的席位输入了错误的 PIN</translation>
    </message>
    <message>
        <source>The locked desk&apos;s PIN was found removed (tampering)</source>
        <translation>发现锁定席位的 PIN 被删除（篡改）</translation>
    </message>
    <message>
        <source>Desk PIN reset by the branch</source>
        <translation>网点已重置席位 PIN</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>已登记预约</translation>
    </message>
    <message>
        <source>Appointment changed</source>
        <translation>预约已修改</translation>
    </message>
    <message>
        <source>Appointment confirmed</source>
        <translation>预约已确认</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <source>Appointment rescheduled</source>
        <translation>预约已改期</translation>
    </message>
    <message>
        <source>Appointment marked no-show</source>
        <translation>预约标记为爽约</translation>
    </message>
    <message>
        <source>Appointment checked in</source>
        <translation>预约客户已到店</translation>
    </message>
    <message>
        <source>Appointment completed</source>
        <translation>预约已完成</translation>
    </message>
    <message>
        <source>Door notice printed</source>
        <translation>门口告示已打印</translation>
    </message>
    <message>
        <source>Door notice saved</source>
        <translation>门口告示已保存</translation>
    </message>
    <message>
        <source>Product added to the catalogue</source>
        <translation>新增产品</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>修改产品</translation>
    </message>
    <message>
        <source>Products imported</source>
        <translation>导入产品</translation>
    </message>
    <message>
        <source>Holding added</source>
        <translation>新增持仓</translation>
    </message>
    <message>
        <source>Holding closed</source>
        <translation>结清持仓</translation>
    </message>
    <message>
        <source>Sale recorded</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>Sale cancelled in the cooling-off period</source>
        <translation>冷静期内撤销销售</translation>
    </message>
    <message>
        <source>Sale refused by the suitability rules</source>
        <translation>销售因适当性规则被拒绝</translation>
    </message>
    <message>
        <source>Risk profile assessed</source>
        <translation>完成风险测评</translation>
    </message>
    <message>
        <source>Signed risk questionnaire received</source>
        <translation>已收到客户签字的风险评估问卷</translation>
    </message>
    <message>
        <source>Qualified-investor proof recorded</source>
        <translation>已登记合格投资者证明</translation>
    </message>
    <message>
        <source>Identity document recorded</source>
        <translation>已登记身份证件</translation>
    </message>
    <message>
        <source>Sales recording (双录) marked quality-checked</source>
        <translation>销售双录已标记质检</translation>
    </message>
    <message>
        <source>Client consent recorded</source>
        <translation>登记客户授权</translation>
    </message>
    <message>
        <source>Care call logged</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Care task closed</source>
        <translation>关闭维护任务</translation>
    </message>
    <message>
        <source>Client event created</source>
        <translation>创建客户活动</translation>
    </message>
    <message>
        <source>Colleague support logged</source>
        <translation>登记协同支持</translation>
    </message>
    <message>
        <source>Day closed (日清日结)</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>Day close&apos;s visits and sales exported</source>
        <translation>导出日清日结到访及销售明细</translation>
    </message>
    <message>
        <source>Day-close summary printed</source>
        <translation>日清日结报告已打印</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>审计日志已导出</translation>
    </message>
    <message>
        <source>Holiday schedule loaded</source>
        <translation>已载入放假安排</translation>
    </message>
    <message>
        <source>The audit log&apos;s protections were missing and were put back</source>
        <translation>审计日志的保护措施曾缺失，已重新设置</translation>
    </message>
    <message>
        <source>Financial plan saved</source>
        <translation>理财规划方案已保存</translation>
    </message>
    <message>
        <source>Financial plan printed</source>
        <translation>理财规划方案已打印</translation>
    </message>
    <message>
        <source>Financial plan saved as a file</source>
        <translation>理财规划方案已另存为文件</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <source>Complaint changed</source>
        <translation>投诉已修改</translation>
    </message>
    <message>
        <source>Complaint resolved</source>
        <translation>投诉已办结</translation>
    </message>
    <message>
        <source>Complaint reopened</source>
        <translation>投诉已重新处理</translation>
    </message>
    <message>
        <source>Care message sent</source>
        <translation>已发送关怀短信</translation>
    </message>
    <message>
        <source>Care messages exported for the SMS platform</source>
        <translation>已导出关怀短信给短信平台</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <source>Private banking</source>
        <translation>私人银行</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>丧偶</translation>
    </message>
    <message>
        <source>Under ¥100,000 a year</source>
        <translation>年收入10万元以下</translation>
    </message>
    <message>
        <source>¥100,000–300,000 a year</source>
        <translation>年收入10万–30万元</translation>
    </message>
    <message>
        <source>¥300,000–500,000 a year</source>
        <translation>年收入30万–50万元</translation>
    </message>
    <message>
        <source>¥500,000–1,000,000 a year</source>
        <translation>年收入50万–100万元</translation>
    </message>
    <message>
        <source>Over ¥1,000,000 a year</source>
        <translation>年收入100万元以上</translation>
    </message>
    <message>
        <source>Under 1 year</source>
        <translation>1年以内</translation>
    </message>
    <message>
        <source>1 to 3 years</source>
        <translation>1至3年</translation>
    </message>
    <message>
        <source>Over 3 years</source>
        <translation>3年以上</translation>
    </message>
    <message>
        <source>Needs money at short notice</source>
        <translation>随时可能支取</translation>
    </message>
    <message>
        <source>Some money at short notice</source>
        <translation>部分资金需随时支取</translation>
    </message>
    <message>
        <source>Can lock money away</source>
        <translation>资金可长期不动</translation>
    </message>
    <message>
        <source>Wealth products</source>
        <translation>理财产品</translation>
    </message>
    <message>
        <source>Retail loans</source>
        <translation>零售贷款</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>存款（负债业务）</translation>
    </message>
    <message>
        <source>Funds, insurance, gold</source>
        <translation>基金、保险、贵金属（中间业务）</translation>
    </message>
    <message>
        <source>Bank cards</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>姓名不能超过 {max} 个字。</translation>
    </message>
    <message>
        <source>The name may hold only Chinese characters, letters, · and spaces.</source>
        <translation>姓名只能包含汉字、字母、“·”和空格。</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation>出生日期不能早于1900年。</translation>
    </message>
    <message>
        <source>Dependants must be a number from 0 to 20.</source>
        <translation>供养人数应为0至20之间的数字。</translation>
    </message>
    <message>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Maturity notice and offer</source>
        <translation>到期提醒与产品推荐</translation>
    </message>
    <message>
        <source>Follow-up after a visit</source>
        <translation>到访后跟进</translation>
    </message>
    <message>
        <source>SMS (the bank&apos;s platform)</source>
        <translation>短信（银行短信平台）</translation>
    </message>
    <message>
        <source>WeCom / WeChat</source>
        <translation>企业微信 / 微信</translation>
    </message>
    <message>
        <source>Other (copied)</source>
        <translation>其他（复制）</translation>
    </message>
    <message>
        <source>A message template cannot be empty.</source>
        <translation>短信模板不能为空。</translation>
    </message>
    <message>
        <source>This text is longer than {max} characters.</source>
        <translation>内容不能超过 {max} 个字。</translation>
    </message>
    <message>
        <source>A brace is left open: write each blank like {example}.</source>
        <translation>有未闭合的花括号：每个空位请写成 {example} 的形式。</translation>
    </message>
    <message>
        <source>“{field}” cannot be filled in; a template may use: {known}.</source>
        <translation>无法填写“{field}”；模板可用：{known}。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>短信内容为空。</translation>
    </message>
    <message>
        <source>This client has not consented to marketing: an offer or an invitation cannot be sent to them. Call them about the task instead.</source>
        <translation>该客户未同意接收营销信息，不能发送产品推荐或活动邀约。请就此任务致电客户。</translation>
    </message>
    <message>
        <source>A consent cannot be dated in the future.</source>
        <translation>授权日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Residence permit for HK, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or GBK/GB18030; save it as CSV UTF-8.</source>
        <translation>文件不是 UTF-8 或 GBK/GB18030 编码的文本，请另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>The first line must name the columns, with at least 姓名 (name).</source>
        <translation>第一行须为列名，且至少包含“姓名”。</translation>
    </message>
    <message>
        <source>The line is neither UTF-8 nor GBK/GB18030 text; save the file as CSV UTF-8.</source>
        <translation>此行既不是 UTF-8 也不是 GBK/GB18030 编码的文本，请将文件另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>The line reads as different text in UTF-8 and in GBK; save the file as CSV UTF-8 and import it again.</source>
        <translation>此行按 UTF-8 和按 GBK 读出的文字不同，请将文件另存为“CSV UTF-8”格式后重新导入。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The quote opened on line {line} is not closed; the row runs to line {end}.</source>
        <translation>第 {line} 行的引号没有闭合，该行一直延续到第 {end} 行。</translation>
    </message>
    <message>
        <source>The line has {count} cells but the first line names {columns} columns; a cell that holds the separator needs quotes around it.</source>
        <translation>此行有 {count} 个单元格，但首行只有 {columns} 列；含有分隔符的单元格需要用引号括起来。</translation>
    </message>
    <message>
        <source>The line cannot be read: {error}</source>
        <translation>此行无法读取：{error}</translation>
    </message>
    <message>
        <source>The cell under {column} holds a line break; it must be on one line.</source>
        <translation>“{column}”列的单元格含有换行，须写在一行内。</translation>
    </message>
    <message>
        <source>Name the document whose number is given: {choices}.</source>
        <translation>请注明所填号码的证件类型：{choices}。</translation>
    </message>
    <message>
        <source>A resident ID&apos;s number goes in the ID number column (身份证号码).</source>
        <translation>居民身份证号码请填在“身份证号码”列。</translation>
    </message>
    <message>
        <source>The date {value} is not a date like 1980-05-17.</source>
        <translation>“{value}”不是有效日期，应写作 1980-05-17。</translation>
    </message>
    <message>
        <source>There is no such date: {value}.</source>
        <translation>日期 {value} 不存在。</translation>
    </message>
    <message>
        <source>A consent is 是 or 否 (yes or no), not {value}.</source>
        <translation>授权只能填“是”或“否”，不能是“{value}”。</translation>
    </message>
    <message>
        <source>a cell is longer than the 131,072 characters allowed</source>
        <translation>单元格超过允许的 131,072 个字符</translation>
    </message>
    <message>
        <source>Unknown value {value}; use one of: {choices}.</source>
        <translation>无法识别“{value}”，请使用：{choices}。</translation>
    </message>
    <message>
        <source>The ID number must have 18 characters (it has {count}).</source>
        <translation>身份证号码应为18位（现有 {count} 位）。</translation>
    </message>
    <message>
        <source>The ID number must be 17 digits followed by a digit or X.</source>
        <translation>身份证号码应为17位数字加1位数字或X。</translation>
    </message>
    <message>
        <source>The ID number holds an impossible birth date {date}.</source>
        <translation>身份证号码中的出生日期 {date} 不存在。</translation>
    </message>
    <message>
        <source>The ID number holds a birth date in the future ({date}).</source>
        <translation>身份证号码中的出生日期（{date}）晚于今天。</translation>
    </message>
    <message>
        <source>The ID number holds an implausible birth year {year}.</source>
        <translation>身份证号码中的出生年份 {year} 不合理。</translation>
    </message>
    <message>
        <source>The ID number&apos;s check character is wrong: it should be {expected}, not {actual}.</source>
        <translation>身份证号码校验位错误：应为 {expected}，而不是 {actual}。</translation>
    </message>
    <message>
        <source>The ID number&apos;s area code {area} is no administrative division code (GB/T 2260), now or in the past.</source>
        <translation>身份证号码的地址码 {area} 不是现行或曾用的行政区划代码（GB/T 2260）。</translation>
    </message>
    <message>
        <source>Enter the document&apos;s number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <source>This number (area {area}) is a residence permit&apos;s, not a resident ID&apos;s: choose the residence permit for HK, Macao and Taiwan residents.</source>
        <translation>该号码（地址码 {area}）属于居住证而非居民身份证：请选择“港澳台居民居住证”。</translation>
    </message>
    <message>
        <source>A residence permit&apos;s number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).</source>
        <translation>港澳台居民居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头。</translation>
    </message>
    <message>
        <source>A permanent residence ID number of 15 characters (the 2017 card) is 3 letters followed by 12 digits.</source>
        <translation>15 位的永久居留身份证号码（2017 版）为 3 位字母加 12 位数字。</translation>
    </message>
    <message>
        <source>A permanent residence ID number of 18 characters (the 2023 card) starts with 9 and is 17 digits followed by a digit or X.</source>
        <translation>18 位的永久居留身份证号码（2023 版）以 9 开头，为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <source>A permanent residence ID number has 15 characters (the 2017 card) or 18 (the 2023 card); this has {count}.</source>
        <translation>永久居留身份证号码为 15 位（2017 版）或 18 位（2023 版），本号码为 {count} 位。</translation>
    </message>
    <message>
        <source>A passport number has only letters and digits.</source>
        <translation>护照号码只能包含字母和数字。</translation>
    </message>
    <message>
        <source>“{number}” is not a passport number: type the number printed in the passport.</source>
        <translation>“{number}”不是护照号码：请输入护照上印制的号码。</translation>
    </message>
    <message>
        <source>A passport number has {min} to {max} letters and digits (this has {count}).</source>
        <translation>护照号码为 {min} 至 {max} 位字母和数字（本号码为 {count} 位）。</translation>
    </message>
    <message>
        <source>A mobile number has only digits.</source>
        <translation>手机号码只能包含数字。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits (this has {count}).</source>
        <translation>手机号码应为11位（现有 {count} 位）。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19.</source>
        <translation>手机号码应以13至19开头。</translation>
    </message>
    <message>
        <source>A desk phone is a mobile number or a landline with its area code, like 0571-88888888 or 0571-88888888-123.</source>
        <translation>理财室电话应为手机号码或带区号的固定电话，如 0571-88888888 或 0571-88888888-123。</translation>
    </message>
    <message>
        <source>A bank card number has 13 to 19 digits.</source>
        <translation>银行卡号应为13至19位数字。</translation>
    </message>
    <message>
        <source>The bank card number fails its check digit (Luhn).</source>
        <translation>银行卡号校验位（Luhn）不正确。</translation>
    </message>
    <message>
        <source>The client&apos;s identity document expired on {date}: see the renewed document and record it before any sale.</source>
        <translation>客户身份证件已于 {date} 过期：请核验并登记新证件后再办理销售。</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>营业开始</translation>
    </message>
    <message>
        <source>Lunch break from</source>
        <translation>午休开始</translation>
    </message>
    <message>
        <source>Lunch break until</source>
        <translation>午休结束</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>营业结束</translation>
    </message>
    <message>
        <source>Branch closed days (YYYY-MM-DD, comma-separated)</source>
        <translation>网点自定休息日（YYYY-MM-DD，逗号分隔）</translation>
    </message>
    <message>
        <source>Branch open days (YYYY-MM-DD, comma-separated)</source>
        <translation>网点营业日（YYYY-MM-DD，逗号分隔）</translation>
    </message>
    <message>
        <source>Appointment reminder, minutes before (0: none)</source>
        <translation>预约提醒提前分钟数（0：不提醒）</translation>
    </message>
    <message>
        <source>Appointment unresolved, minutes after its end</source>
        <translation>预约结束后多少分钟列为待处理</translation>
    </message>
    <message>
        <source>Link for the QR code on door notices (empty: the phone)</source>
        <translation>门口告示二维码链接（留空则用电话）</translation>
    </message>
    <message>
        <source>Door notices: an English line under the Chinese</source>
        <translation>门口告示：中文下方加英文</translation>
    </message>
    <message>
        <source>Door notices: a QR code for the phone or the link</source>
        <translation>门口告示：加电话或链接的二维码</translation>
    </message>
    <message>
        <source>Door notices: portrait pages (otherwise landscape)</source>
        <translation>门口告示：纵向页面（否则横向）</translation>
    </message>
    <message>
        <source>Care list: holdings maturing within days</source>
        <translation>客户维护清单：持仓到期提前提醒天数</translation>
    </message>
    <message>
        <source>Care list: clients not contacted for days</source>
        <translation>客户维护清单：久未联系天数</translation>
    </message>
    <message>
        <source>Target: hours a day on client work</source>
        <translation>目标：每天客户工作小时数</translation>
    </message>
    <message>
        <source>Working hours a day</source>
        <translation>每天工作小时数</translation>
    </message>
    <message>
        <source>Welcome shown</source>
        <translation>已显示欢迎页</translation>
    </message>
    <message>
        <source>Day close: target wait, minutes</source>
        <translation>日清日结：目标等候时间（分钟）</translation>
    </message>
    <message>
        <source>Day close: checklist items (one a line, or ; between)</source>
        <translation>日清日结：检查事项（每行一项，或用 ; 分隔）</translation>
    </message>
    <message>
        <source>Plans: model allocation (empty: as shipped)</source>
        <translation>规划：资产配置模型（留空：系统自带）</translation>
    </message>
    <message>
        <source>Plans: emergency reserve, fewest months of spending</source>
        <translation>规划：应急备用金最少月数（按月支出）</translation>
    </message>
    <message>
        <source>Plans: emergency reserve, most months of spending</source>
        <translation>规划：应急备用金最多月数（按月支出）</translation>
    </message>
    <message>
        <source>Plans: risk disclosure (empty: as shipped)</source>
        <translation>规划：风险揭示（留空：系统自带）</translation>
    </message>
    <message>
        <source>Recording (双录) reference format (a pattern)</source>
        <translation>双录编号格式（正则表达式）</translation>
    </message>
    <message>
        <source>Risk assessments a client may take a day</source>
        <translation>每位客户每天可做风险评估的次数</translation>
    </message>
    <message>
        <source>Clients 65+: call back within working days of an R4/R5 sale</source>
        <translation>65岁以上客户：购买R4/R5产品后在几个工作日内回访</translation>
    </message>
    <message>
        <source>Clients 65+: second confirmation above this % of their assets</source>
        <translation>65岁以上客户：单笔超过资产的百分之几需再次确认</translation>
    </message>
    <message>
        <source>Queue: visitors aged 65 or over or needing assistance called first</source>
        <translation>排队：65岁及以上或需要协助的访客优先叫号</translation>
    </message>
    <message>
        <source>Complaints: days to answer</source>
        <translation>投诉：答复期限（天）</translation>
    </message>
    <message>
        <source>Complaints: count working days (otherwise calendar days)</source>
        <translation>投诉：按工作日计算（否则按自然日）</translation>
    </message>
    <message>
        <source>Waiting-room display: say each call aloud</source>
        <translation>候客区显示屏：语音播报叫号</translation>
    </message>
    <message>
        <source>Waiting-room display: volume of the calls (%)</source>
        <translation>候客区显示屏：叫号音量（%）</translation>
    </message>
    <message>
        <source>Waiting-room display: say each call in English too</source>
        <translation>候客区显示屏：叫号后再用英语播报</translation>
    </message>
    <message>
        <source>Lobby check-in: print a queue slip</source>
        <translation>大堂取号：打印排队小票</translation>
    </message>
    <message>
        <source>Lobby: receipt printer (empty: the default printer)</source>
        <translation>大堂：小票打印机（留空为默认打印机）</translation>
    </message>
    <message>
        <source>Message: birthday</source>
        <translation>短信：生日</translation>
    </message>
    <message>
        <source>Message: maturity offer</source>
        <translation>短信：到期推荐</translation>
    </message>
    <message>
        <source>Message: risk assessment expiring</source>
        <translation>短信：风评到期</translation>
    </message>
    <message>
        <source>Message: event invitation</source>
        <translation>短信：活动邀约</translation>
    </message>
    <message>
        <source>Message: follow-up</source>
        <translation>短信：跟进</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>理财经理姓名</translation>
    </message>
    <message>
        <source>Desk phone</source>
        <translation>理财室电话</translation>
    </message>
    <message>
        <source>Qualified to sell wealth products (from to)</source>
        <translation>理财销售资格（起止日期）</translation>
    </message>
    <message>
        <source>Qualified to sell funds (from to)</source>
        <translation>基金销售资格（起止日期）</translation>
    </message>
    <message>
        <source>Qualified to sell insurance (from to)</source>
        <translation>保险销售资格（起止日期）</translation>
    </message>
    <message>
        <source>Clear the client screen after idle minutes</source>
        <translation>无操作自动清屏（分钟）</translation>
    </message>
    <message>
        <source>At closing time, close visits still waiting as left</source>
        <translation>营业结束时，将仍在等候的到访按“已离开”结束</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>Desk number</source>
        <translation>理财室编号</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Folder for day-close reports</source>
        <translation>日清日结报表文件夹</translation>
    </message>
    <message>
        <source>Font file for PDFs</source>
        <translation>PDF 使用的字体文件</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write each day YYYY-MM-DD, like 2026-10-01.</source>
        <translation>“{value}”不是日期；每天请写成 YYYY-MM-DD，例如 2026-10-01。</translation>
    </message>
    <message>
        <source>There is no setting called {key}.</source>
        <translation>没有名为 {key} 的设置项。</translation>
    </message>
    <message>
        <source>This must be a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>This must be from {min} to {max}.</source>
        <translation>取值范围为 {min} 至 {max}。</translation>
    </message>
    <message>
        <source>{date} is both a closed day and an open day.</source>
        <translation>{date} 同时是休息日和营业日。</translation>
    </message>
    <message>
        <source>The target ({target} h) cannot be more than the working day ({hours} h).</source>
        <translation>目标（{target} 小时）不能超过每天工作时长（{hours} 小时）。</translation>
    </message>
    <message>
        <source>There is no such time: {value}.</source>
        <translation>时间 {value} 不存在。</translation>
    </message>
    <message>
        <source>A link starts with https:// or http://, like https://www.example.com/booking, and has no spaces or Chinese characters.</source>
        <translation>链接应以 https:// 或 http:// 开头，例如 https://www.example.com/booking，且不含空格或中文字符。</translation>
    </message>
    <message>
        <source>Records reviewed</source>
        <translation>当日记录已核对</translation>
    </message>
    <message>
        <source>Computer cleared</source>
        <translation>电脑已清屏退出</translation>
    </message>
    <message>
        <source>Materials locked away</source>
        <translation>资料已入柜上锁</translation>
    </message>
    <message>
        <source>Follow-ups set for tomorrow</source>
        <translation>明日跟进事项已安排</translation>
    </message>
    <message>
        <source>Give at least one checklist item.</source>
        <translation>请至少填写一项检查事项。</translation>
    </message>
    <message>
        <source>A checklist item has at most {max} characters.</source>
        <translation>每项检查事项最多 {max} 个字。</translation>
    </message>
    <message>
        <source>Write the first and the last valid day, like 2024-03-01 2027-02-28, or leave it empty when the manager holds none.</source>
        <translation>请填写起止有效日期，如 2024-03-01 2027-02-28；客户经理无此资格则留空。</translation>
    </message>
    <message>
        <source>A time is written HH:MM, like 14:00.</source>
        <translation>时间格式为 HH:MM，如 14:00。</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The office day must run: opens, lunch from, lunch until, closes.</source>
        <translation>时间顺序应为：营业开始、午休开始、午休结束、营业结束。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>无法读取文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>A client with this ID number is already in the book.</source>
        <translation>已有客户使用此身份证号码。</translation>
    </message>
    <message>
        <source>A client with this name and mobile number is already in the book.</source>
        <translation>已有同名且手机号码相同的客户。</translation>
    </message>
    <message>
        <source>The same ID number is on line {line}.</source>
        <translation>与第 {line} 行的身份证号码重复。</translation>
    </message>
    <message>
        <source>The same name and mobile number are on line {line}.</source>
        <translation>与第 {line} 行的姓名和手机号码相同。</translation>
    </message>
    <message>
        <source>Only a booked or confirmed appointment can be changed; this one is “{status}”.</source>
        <translation>只有已预约或已确认的预约可以修改；该预约为“{status}”。</translation>
    </message>
    <message>
        <source>This client is in the queue now. Finish or close their visit first, then erase their data.</source>
        <translation>该客户正在排队。请先结束或关闭其到访，再删除其信息。</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>This client&apos;s personal data was erased at their request.</source>
        <translation>该客户的个人信息已应其要求删除。</translation>
    </message>
    <message>
        <source>A new prospect&apos;s mobile number is required.</source>
        <translation>新的潜在客户必须填写手机号码。</translation>
    </message>
    <message>
        <source>This appointment is on {date}; only today&apos;s appointments are checked in.</source>
        <translation>该预约在 {date}；只能为今天的预约签到。</translation>
    </message>
    <message>
        <source>Say what to prepare.</source>
        <translation>请写明需要准备的内容。</translation>
    </message>
    <message>
        <source>This checklist item no longer exists.</source>
        <translation>该准备事项已不存在。</translation>
    </message>
    <message>
        <source>This appointment no longer exists.</source>
        <translation>该预约已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this appointment a moment ago; nothing was changed. Look at it again.</source>
        <translation>其他人刚刚修改了该预约，本次未作更改。请重新查看。</translation>
    </message>
    <message>
        <source>Someone else saved this client after you opened it. Your changes were not saved; reopen the client to see theirs.</source>
        <translation>您打开此客户后，其他人已保存了该客户资料。您的修改未保存，请重新打开客户查看最新内容。</translation>
    </message>
    <message>
        <source>There is no font file at this path.</source>
        <translation>该路径下没有字体文件。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>part of the path is a file, not a folder</source>
        <translation>路径中有一部分是文件而不是文件夹</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>a file is where a folder should be</source>
        <translation>应为文件夹的位置是一个文件</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已下班</translation>
    </message>
    <message>
        <source>A return time is written HH:MM, like 15:30.</source>
        <translation>返回时间请写成 HH:MM，例如 15:30。</translation>
    </message>
    <message>
        <source>The return time {time} has already passed.</source>
        <translation>返回时间 {time} 已经过了。</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回电</translation>
    </message>
    <message>
        <source>After-sale call (65+)</source>
        <translation>售后回访（65岁以上）</translation>
    </message>
    <message>
        <source>Risk assessment to renew</source>
        <translation>风险评估待重评</translation>
    </message>
    <message>
        <source>Holdings above the risk level</source>
        <translation>持仓高于风险等级</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Risk assessment expiring</source>
        <translation>风险测评到期</translation>
    </message>
    <message>
        <source>Maturing holding</source>
        <translation>产品到期</translation>
    </message>
    <message>
        <source>Financial plan review</source>
        <translation>理财规划复核</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Event invitation</source>
        <translation>活动邀约</translation>
    </message>
    <message>
        <source>No contact for a while</source>
        <translation>久未联系</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>约定回电</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Asset allocation</source>
        <translation>资产配置</translation>
    </message>
    <message>
        <source>Risk-return analysis</source>
        <translation>风险收益分析</translation>
    </message>
    <message>
        <source>Family financial planning</source>
        <translation>家庭财务规划</translation>
    </message>
    <message>
        <source>Birthday {due}: turns {detail}</source>
        <translation>{due} 生日，满 {detail} 岁</translation>
    </message>
    <message>
        <source>Matures {due}: {detail}</source>
        <translation>{due} 到期：{detail}</translation>
    </message>
    <message>
        <source>Risk assessment {detail} valid until {due}</source>
        <translation>风险测评 {detail}，有效期至 {due}</translation>
    </message>
    <message>
        <source>Follow up by {due} on the visit of {detail}</source>
        <translation>{detail} 到访，请于 {due} 前跟进</translation>
    </message>
    <message>
        <source>Call back {due} {detail}</source>
        <translation>约定 {due} {detail} 回电</translation>
    </message>
    <message>
        <source>Call back by {due} after the sale of {detail} to a client aged 65+</source>
        <translation>{due} 前回访：向65岁以上客户销售了 {detail}</translation>
    </message>
    <message>
        <source>Assess again: the record changed ({detail})</source>
        <translation>请重新评估：客户信息已变更（{detail}）</translation>
    </message>
    <message>
        <source>Remind of the risk: holdings above the new level {detail}</source>
        <translation>风险提示：持仓高于新的风险等级 {detail}</translation>
    </message>
    <message>
        <source>Invite to {detail} on {due}</source>
        <translation>邀请参加 {due} 的{detail}</translation>
    </message>
    <message>
        <source>Last contact: {detail}</source>
        <translation>上次联系：{detail}</translation>
    </message>
    <message>
        <source>Review the financial plan ({detail})</source>
        <translation>复核理财规划方案（{detail}）</translation>
    </message>
    <message>
        <source>Risk assessment {detail} expired on {due}</source>
        <translation>风险测评 {detail} 已于 {due} 过期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Choose how the call ended.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <source>Say when to call back.</source>
        <translation>请填写回电时间。</translation>
    </message>
    <message>
        <source>The call-back must be later than now.</source>
        <translation>回电时间必须晚于现在。</translation>
    </message>
    <message>
        <source>A call-back must be within a year.</source>
        <translation>回电时间须在一年之内。</translation>
    </message>
    <message>
        <source>Name the colleague you supported.</source>
        <translation>请填写您协助的同事。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字。</translation>
    </message>
    <message>
        <source>Choose what kind of support it was.</source>
        <translation>请选择支持内容。</translation>
    </message>
    <message>
        <source>Give the event a name.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>Choose the day.</source>
        <translation>请选择日期。</translation>
    </message>
    <message>
        <source>The event&apos;s day has passed; choose a later one.</source>
        <translation>活动日期已过，请另选日期。</translation>
    </message>
    <message>
        <source>Minutes from {least} to {most}.</source>
        <translation>分钟数应为 {least} 至 {most}。</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号未到</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>An appointment that is “{current}” cannot become “{wanted}”; it was left as it was.</source>
        <translation>状态为“{current}”的预约不能改为“{wanted}”，预约未作更改。</translation>
    </message>
    <message>
        <source>This appointment is closed (“{current}”) and cannot become “{wanted}”.</source>
        <translation>该预约已结束（“{current}”），不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>Product brochure</source>
        <translation>产品说明书</translation>
    </message>
    <message>
        <source>Risk disclosure statement</source>
        <translation>风险揭示书</translation>
    </message>
    <message>
        <source>Product contract forms</source>
        <translation>产品合同文本</translation>
    </message>
    <message>
        <source>Audio-video recording room booked</source>
        <translation>已预订双录室</translation>
    </message>
    <message>
        <source>Risk questionnaire (blank)</source>
        <translation>风险测评问卷（空白）</translation>
    </message>
    <message>
        <source>Previous risk assessment</source>
        <translation>上次风险测评结果</translation>
    </message>
    <message>
        <source>Portfolio statement</source>
        <translation>持仓对账单</translation>
    </message>
    <message>
        <source>Market outlook</source>
        <translation>市场展望资料</translation>
    </message>
    <message>
        <source>Holdings statement</source>
        <translation>持仓明细</translation>
    </message>
    <message>
        <source>Redemption form</source>
        <translation>赎回申请书</translation>
    </message>
    <message>
        <source>Account opening forms</source>
        <translation>开户申请表</translation>
    </message>
    <message>
        <source>ID documents checklist</source>
        <translation>身份证件核对清单</translation>
    </message>
    <message>
        <source>Complaint register form</source>
        <translation>投诉登记表</translation>
    </message>
    <message>
        <source>Notes of earlier contacts</source>
        <translation>以往联系记录</translation>
    </message>
    <message>
        <source>An appointment lasts from {min} to {max} minutes.</source>
        <translation>预约时长应为 {min} 至 {max} 分钟。</translation>
    </message>
    <message>
        <source>{when} has already passed.</source>
        <translation>{when} 已经过去。</translation>
    </message>
    <message>
        <source>{date} is not a working day: {reason}.</source>
        <translation>{date} 不是工作日：{reason}。</translation>
    </message>
    <message>
        <source>The branch opens at {open}; {start} is too early.</source>
        <translation>网点 {open} 开门；{start} 太早。</translation>
    </message>
    <message>
        <source>The branch closes at {close}; {start} is too late.</source>
        <translation>网点 {close} 关门；{start} 太晚。</translation>
    </message>
    <message>
        <source>The branch closes at {close}; this appointment would end at {end}.</source>
        <translation>网点 {close} 关门；该预约将于 {end} 结束。</translation>
    </message>
    <message>
        <source>{start}–{end} falls in the lunch break ({lunch_start}–{lunch_end}); give a reason to book it.</source>
        <translation>{start}–{end} 在午休时间（{lunch_start}–{lunch_end}）内；如需预约请填写原因。</translation>
    </message>
    <message>
        <source>This time overlaps {other} ({other_start}–{other_end}).</source>
        <translation>该时间与 {other}（{other_start}–{other_end}）冲突。</translation>
    </message>
    <message>
        <source>This time overlaps {other} ({other_start}–{other_end}) and {more} more.</source>
        <translation>该时间与 {other}（{other_start}–{other_end}）等另外 {more} 个预约冲突。</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买产品</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>赎回</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <source>Account service</source>
        <translation>账户服务</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>In person at the branch</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter or e-mail</source>
        <translation>信函或邮件</translation>
    </message>
    <message>
        <source>Online (app, WeChat)</source>
        <translation>线上（App、微信）</translation>
    </message>
    <message>
        <source>Passed on by the regulator or head office</source>
        <translation>监管或上级转办</translation>
    </message>
    <message>
        <source>Service and attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>等候时间</translation>
    </message>
    <message>
        <source>How a product was sold</source>
        <translation>销售行为</translation>
    </message>
    <message>
        <source>A product&apos;s returns or terms</source>
        <translation>产品收益或条款</translation>
    </message>
    <message>
        <source>Fees and charges</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Accounts and transactions</source>
        <translation>账户与交易</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>期限内</translation>
    </message>
    <message>
        <source>Choose the client, or give the visitor&apos;s name or a phone number to answer them on.</source>
        <translation>请选择客户，或填写访客姓名或用于回复的电话。</translation>
    </message>
    <message>
        <source>A phone number has 7 to {max} digits.</source>
        <translation>电话号码应为 7 至 {max} 位数字。</translation>
    </message>
    <message>
        <source>Choose how the complaint was made.</source>
        <translation>请选择投诉渠道。</translation>
    </message>
    <message>
        <source>Choose what the complaint is about.</source>
        <translation>请选择投诉类别。</translation>
    </message>
    <message>
        <source>Write down what happened, as told.</source>
        <translation>请按客户所述填写投诉内容。</translation>
    </message>
    <message>
        <source>Name who handles the complaint.</source>
        <translation>请填写投诉处理人。</translation>
    </message>
    <message>
        <source>Write down how the complaint was resolved.</source>
        <translation>请填写投诉处理结果。</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场到访</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>已提供咨询建议</translation>
    </message>
    <message>
        <source>Product sold</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <source>Request handled</source>
        <translation>业务已办结</translation>
    </message>
    <message>
        <source>Referred to a colleague</source>
        <translation>已转介同事</translation>
    </message>
    <message>
        <source>Not filed (the day ended first)</source>
        <translation>未归档（当天已结束）</translation>
    </message>
    <message>
        <source>Papers and vouchers filed</source>
        <translation>资料和凭证已归档</translation>
    </message>
    <message>
        <source>Follow-up set (or none needed)</source>
        <translation>已安排跟进（或无需跟进）</translation>
    </message>
    <message>
        <source>Desk tidy, client documents put away</source>
        <translation>桌面已整理，客户资料已收好</translation>
    </message>
    <message>
        <source>A visit that is “{current}” cannot become “{wanted}”; it was left as it was.</source>
        <translation>状态为“{current}”的到访不能改为“{wanted}”，未作任何更改。</translation>
    </message>
    <message>
        <source>This visit is closed (“{current}”) and cannot become “{wanted}”.</source>
        <translation>此到访已结束（“{current}”），不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>This visit is “{current}”, not “{needed}”; it was left as it was.</source>
        <translation>此到访的状态是“{current}”，不是“{needed}”，未作任何更改。</translation>
    </message>
    <message>
        <source>Aged 65 or over</source>
        <translation>65岁及以上</translation>
    </message>
    <message>
        <source>Needs assistance</source>
        <translation>需要协助</translation>
    </message>
    <message>
        <source>Choose a client, or give the visitor&apos;s name or phone number.</source>
        <translation>请选择客户，或填写来访者的姓名或电话。</translation>
    </message>
    <message>
        <source>A name has at most {max} characters.</source>
        <translation>姓名最多 {max} 个字。</translation>
    </message>
    <message>
        <source>A phone number has at most {max} digits.</source>
        <translation>电话号码最多 {max} 位。</translation>
    </message>
    <message>
        <source>This client is already in today&apos;s queue as {ticket}.</source>
        <translation>该客户今天已在排队，号码为 {ticket}。</translation>
    </message>
    <message>
        <source>This visit already belongs to another client; nothing was changed.</source>
        <translation>此到访已关联其他客户，未作任何更改。</translation>
    </message>
    <message>
        <source>Only a visitor called to or served at a desk can be passed on; {ticket} is “{state}”.</source>
        <translation>只有已被叫号或正在接受服务的访客才能转出；{ticket} 当前为“{state}”。</translation>
    </message>
    <message>
        <source>{ticket} is at desk {desk} already.</source>
        <translation>{ticket} 已在 {desk} 号理财室。</translation>
    </message>
    <message>
        <source>Only a visitor still waiting can be sent elsewhere; {ticket} is “{state}”.</source>
        <translation>只有仍在等候的访客才能改派；{ticket} 当前为“{state}”。</translation>
    </message>
    <message>
        <source>Name the desk the visitor is called to.</source>
        <translation>请指明叫号到哪个理财室。</translation>
    </message>
    <message>
        <source>Recording risk tolerance, preferences, needs and family information</source>
        <translation>记录风险承受能力、投资偏好、需求及家庭信息</translation>
    </message>
    <message>
        <source>This visit no longer exists.</source>
        <translation>该到访记录已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this visit a moment ago; nothing was changed. Look at the queue again.</source>
        <translation>其他人刚刚更改了此到访，未作任何更改。请重新查看排队情况。</translation>
    </message>
    <message>
        <source>Enter a PIN of {min} to {max} digits.</source>
        <translation>请输入 {min} 至 {max} 位数字的PIN码。</translation>
    </message>
    <message>
        <source>A PIN has only the digits 0 to 9.</source>
        <translation>PIN码只能包含数字 0 到 9。</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits; this one has {count}.</source>
        <translation>PIN码应为 {min} 至 {max} 位，这个是 {count} 位。</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated (like 1111) is too easy to guess.</source>
        <translation>同一数字重复的PIN码（如1111）太容易被猜到。</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234 or 4321) is too easy to guess.</source>
        <translation>连续数字的PIN码（如1234或4321）太容易被猜到。</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的PIN码不一致。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {seconds} s.</source>
        <translation>PIN码错误次数过多：请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>This is not the present PIN.</source>
        <translation>这不是当前的PIN码。</translation>
    </message>
    <message>
        <source>the State Council&apos;s schedule (bundled)</source>
        <translation>国务院放假安排（内置）</translation>
    </message>
    <message>
        <source>the State Council&apos;s schedule (loaded)</source>
        <translation>国务院放假安排（已载入）</translation>
    </message>
    <message>
        <source>statutory holidays computed by rule (provisional)</source>
        <translation>按规定推算的法定假日（暂定）</translation>
    </message>
    <message>
        <source>no holiday data: weekends only</source>
        <translation>无假日数据：仅周末</translation>
    </message>
    <message>
        <source>New Year&apos;s Day holiday</source>
        <translation>元旦假期</translation>
    </message>
    <message>
        <source>Spring Festival holiday</source>
        <translation>春节假期</translation>
    </message>
    <message>
        <source>Tomb-sweeping Day holiday</source>
        <translation>清明节假期</translation>
    </message>
    <message>
        <source>Labour Day holiday</source>
        <translation>劳动节假期</translation>
    </message>
    <message>
        <source>Dragon Boat Festival holiday</source>
        <translation>端午节假期</translation>
    </message>
    <message>
        <source>National Day holiday</source>
        <translation>国庆节假期</translation>
    </message>
    <message>
        <source>Mid-autumn Festival holiday</source>
        <translation>中秋节假期</translation>
    </message>
    <message>
        <source>Victory Day holiday</source>
        <translation>抗战胜利纪念日假期</translation>
    </message>
    <message>
        <source>New Year&apos;s Day holiday (provisional)</source>
        <translation>元旦假期（暂定）</translation>
    </message>
    <message>
        <source>Spring Festival holiday (provisional)</source>
        <translation>春节假期（暂定）</translation>
    </message>
    <message>
        <source>Tomb-sweeping Day holiday (provisional)</source>
        <translation>清明节假期（暂定）</translation>
    </message>
    <message>
        <source>Labour Day holiday (provisional)</source>
        <translation>劳动节假期（暂定）</translation>
    </message>
    <message>
        <source>Dragon Boat Festival holiday (provisional)</source>
        <translation>端午节假期（暂定）</translation>
    </message>
    <message>
        <source>National Day holiday (provisional)</source>
        <translation>国庆节假期（暂定）</translation>
    </message>
    <message>
        <source>Mid-autumn Festival holiday (provisional)</source>
        <translation>中秋节假期（暂定）</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>The branch is closed</source>
        <translation>网点休息</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Branch open day</source>
        <translation>网点营业日</translation>
    </message>
    <message>
        <source>The holiday calendar has no data for {year}: only weekends and the branch&apos;s own closed days are known.</source>
        <translation>节假日日历没有 {year} 年的数据：只能按周末和网点自定休息日判断。</translation>
    </message>
    <message>
        <source>The holidays of {year} are provisional: computed by the holiday regulations until the State Council&apos;s schedule is loaded (Settings → Working calendar); days in lieu and make-up working days are not known yet.</source>
        <translation>{year} 年的假日是暂定的：在载入国务院放假安排（设置 → 工作日历）之前按《全国年节及纪念日放假办法》推算；补休和调休上班日尚不可知。</translation>
    </message>
    <message>
        <source>No Chinese font that PDFs can embed was found. Install the WenQuanYi fonts (fonts-wqy-microhei) or choose a TrueType font file (.ttf or .ttc) in Settings, Font file for PDFs.</source>
        <translation>没有找到可嵌入PDF的中文字体。请安装文泉驿字体（fonts-wqy-microhei），或在“设置”的“PDF字体文件”中选择一个TrueType字体文件（.ttf 或 .ttc）。</translation>
    </message>
    <message>
        <source>The font file set in Settings does not exist: {path}. Choose another one.</source>
        <translation>设置中的字体文件不存在：{path}。请另选一个。</translation>
    </message>
    <message>
        <source>The font {path} cannot be embedded in a PDF ({reason}). Choose a TrueType font (.ttf or .ttc) such as WenQuanYi Micro Hei, Microsoft YaHei or SimSun.</source>
        <translation>字体 {path} 无法嵌入PDF（{reason}）。请选择TrueType字体（.ttf 或 .ttc），如文泉驿微米黑、微软雅黑或宋体。</translation>
    </message>
    <message>
        <source>The font {path} has no Chinese characters. Choose a Chinese TrueType font.</source>
        <translation>字体 {path} 不含中文字符。请选择中文TrueType字体。</translation>
    </message>
    <message>
        <source>The font {name} cannot show these characters: {characters}. Change the text or choose another font in Settings.</source>
        <translation>字体 {name} 无法显示这些字符：{characters}。请修改文字，或在设置中另选字体。</translation>
    </message>
    <message>
        <source>Temporarily away</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>自定义文字</translation>
    </message>
    <message>
        <source>In training</source>
        <translation>培训中</translation>
    </message>
    <message>
        <source>In a meeting</source>
        <translation>开会中</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Give the time the desk opens again.</source>
        <translation>请填写重新营业的时间。</translation>
    </message>
    <message>
        <source>The end of the break ({until}) must be later than its start ({start}).</source>
        <translation>休息结束时间（{until}）必须晚于开始时间（{start}）。</translation>
    </message>
    <message>
        <source>Write the text of the notice.</source>
        <translation>请填写告示内容。</translation>
    </message>
    <message>
        <source>This text must fit on one line.</source>
        <translation>这段文字必须在一行之内。</translation>
    </message>
    <message>
        <source>A notice holds at most {max} lines of text (this has {count}).</source>
        <translation>一张告示最多 {max} 行文字（现在有 {count} 行）。</translation>
    </message>
    <message>
        <source>Line {line} is longer than {max} characters; break it into shorter lines so that it stays readable from afar.</source>
        <translation>第 {line} 行超过 {max} 个字；请分成较短的几行，以便远处也能看清。</translation>
    </message>
    <message>
        <source>A QR code needs the desk phone or a link for the QR code on door notices in Settings.</source>
        <translation>二维码需要在“设置”中填写工作台电话或门口告示二维码链接。</translation>
    </message>
    <message>
        <source>R1 low risk</source>
        <translation>R1 低风险</translation>
    </message>
    <message>
        <source>R2 medium-low risk</source>
        <translation>R2 中低风险</translation>
    </message>
    <message>
        <source>R3 medium risk</source>
        <translation>R3 中风险</translation>
    </message>
    <message>
        <source>R4 medium-high risk</source>
        <translation>R4 中高风险</translation>
    </message>
    <message>
        <source>R5 high risk</source>
        <translation>R5 高风险</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Investment-type insurance</source>
        <translation>投资型保险</translation>
    </message>
    <message>
        <source>Protection insurance</source>
        <translation>保障型保险</translation>
    </message>
    <message>
        <source>Structured deposit</source>
        <translation>结构性存款</translation>
    </message>
    <message>
        <source>Precious-metal investment</source>
        <translation>贵金属投资</translation>
    </message>
    <message>
        <source>Fixed income</source>
        <translation>固定收益类</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合类</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>权益类</translation>
    </message>
    <message>
        <source>Commodity and derivatives</source>
        <translation>商品及金融衍生品类</translation>
    </message>
    <message>
        <source>The product code is required.</source>
        <translation>请填写产品代码。</translation>
    </message>
    <message>
        <source>A product code is up to {max} letters and digits, with . - _ between them (like ZY2026-001).</source>
        <translation>产品代码最多 {max} 个字母和数字，中间可用 . - _ 连接（如 ZY2026-001）。</translation>
    </message>
    <message>
        <source>The product name is required.</source>
        <translation>请填写产品名称。</translation>
    </message>
    <message>
        <source>A risk rating is R1 to R5.</source>
        <translation>产品风险等级应为 R1 至 R5。</translation>
    </message>
    <message>
        <source>A wealth product must be rated R1 to R5.</source>
        <translation>理财产品必须评定 R1 至 R5 风险等级。</translation>
    </message>
    <message>
        <source>An investment product (fund, insurance, precious metal, structured deposit, private product) must be rated R1 to R5.</source>
        <translation>投资类产品（基金、保险、贵金属、结构性存款、私募产品）必须评定 R1 至 R5 风险等级。</translation>
    </message>
    <message>
        <source>A loan or a bank card has no risk rating.</source>
        <translation>贷款和银行卡产品没有风险等级。</translation>
    </message>
    <message>
        <source>Only a wealth product or a fund (intermediary product) is private.</source>
        <translation>只有理财产品或基金（中间业务产品）可以是私募产品。</translation>
    </message>
    <message>
        <source>The minimum amount is from 0 to {max} yuan.</source>
        <translation>起购金额应为 0 至 {max} 元。</translation>
    </message>
    <message>
        <source>The term is from 1 to {max} days, or empty for none.</source>
        <translation>期限应为 1 至 {max} 天；无固定期限请留空。</translation>
    </message>
    <message>
        <source>Unknown product kind {kind}.</source>
        <translation>未知的产品类型 {kind}。</translation>
    </message>
    <message>
        <source>A structured deposit is a deposit product; a fund, an insurance or a precious-metal investment is an intermediary product.</source>
        <translation>结构性存款属于存款类产品；基金、保险和贵金属投资属于中间业务产品。</translation>
    </message>
    <message>
        <source>A private product names its asset class: fixed income, mixed, equity, or commodity and derivatives.</source>
        <translation>私募产品须注明资产类别：固定收益类、混合类、权益类或商品及金融衍生品类。</translation>
    </message>
    <message>
        <source>A private {asset_class} product&apos;s minimum is at least ¥{floor} (资管新规 第五条).</source>
        <translation>{asset_class}私募产品的起购金额不得低于 ¥{floor}（资管新规 第五条）。</translation>
    </message>
    <message>
        <source>The cooling-off period is from {min} to {max} hours.</source>
        <translation>冷静期为 {min} 至 {max} 小时。</translation>
    </message>
    <message>
        <source>{value} is not an amount of yuan like 50000, 50,000.00 or 5万.</source>
        <translation>“{value}”不是有效金额，应写作 50000、50,000.00 或 5万。</translation>
    </message>
    <message>
        <source>The amount is more than {max} yuan.</source>
        <translation>金额超过 {max} 元。</translation>
    </message>
    <message>
        <source>The first line must name the columns, with at least 产品代码 (code), 产品名称 (name) and 产品类别 (family).</source>
        <translation>第一行须为列名，且至少包含“产品代码”“产品名称”和“产品类别”。</translation>
    </message>
    <message>
        <source>The term {value} is not a number of days like 90, 6个月 or 1年.</source>
        <translation>期限“{value}”无法识别，应写作天数（如 90）或 6个月、1年。</translation>
    </message>
    <message>
        <source>This cell is empty; use one of: {choices}.</source>
        <translation>此单元格为空，请填写以下之一：{choices}。</translation>
    </message>
    <message>
        <source>Conservative</source>
        <translation>保守型</translation>
    </message>
    <message>
        <source>Cautious</source>
        <translation>稳健型</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>平衡型</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长型</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>进取型</translation>
    </message>
    <message>
        <source>Financial status</source>
        <translation>财务状况</translation>
    </message>
    <message>
        <source>Investment experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>Investment style</source>
        <translation>投资风格</translation>
    </message>
    <message>
        <source>Investment objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Loss tolerance</source>
        <translation>风险承受能力</translation>
    </message>
    <message>
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>financial status</source>
        <translation>财务状况</translation>
    </message>
    <message>
        <source>investment experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>investment objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>expected return</source>
        <translation>预期收益</translation>
    </message>
    <message>
        <source>risk preference</source>
        <translation>风险偏好</translation>
    </message>
    <message>
        <source>liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>risk knowledge</source>
        <translation>风险认知</translation>
    </message>
    <message>
        <source>loss tolerance</source>
        <translation>风险承受能力</translation>
    </message>
    <message>
        <source>The questionnaire {file} cannot be read: {reason}.</source>
        <translation>无法读取问卷 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The questionnaire {file} is not UTF-8 text.</source>
        <translation>问卷 {file} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The questionnaire {file} is not valid JSON (nested too deeply).</source>
        <translation>问卷 {file} 不是有效的 JSON（嵌套层数过多）。</translation>
    </message>
    <message>
        <source>The questionnaire {file} is not valid JSON (line {line}: {reason}).</source>
        <translation>问卷 {file} 不是有效的 JSON（第 {line} 行：{reason}）。</translation>
    </message>
    <message>
        <source>The questionnaire {file} is not a file.</source>
        <translation>问卷 {file} 不是普通文件。</translation>
    </message>
    <message>
        <source>The questionnaire {file} is too large ({limit} MB at most).</source>
        <translation>问卷 {file} 过大（最多 {limit} MB）。</translation>
    </message>
    <message>
        <source>The questionnaire is not a JSON object.</source>
        <translation>问卷不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The questionnaire needs an id and a version.</source>
        <translation>问卷须包含编号（id）和版本（version）。</translation>
    </message>
    <message>
        <source>The questionnaire&apos;s id and version are longer than {max} characters.</source>
        <translation>问卷的编号和版本合计超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>A module has no id.</source>
        <translation>有模块缺少 id。</translation>
    </message>
    <message>
        <source>The questionnaire has no question.</source>
        <translation>问卷没有题目。</translation>
    </message>
    <message>
        <source>No question covers what the rules require: {content} (declare it in a question&apos;s &quot;covers&quot;).</source>
        <translation>没有题目涵盖规定的必备内容：{content}（请在题目的 &quot;covers&quot; 中声明）。</translation>
    </message>
    <message>
        <source>The highest answers add up to {total} points; the form says {max}.</source>
        <translation>各题最高分合计 {total} 分，与问卷写明的 {max} 分不符。</translation>
    </message>
    <message>
        <source>A form of {total} points states its bands (the shipped ones are for 100 points).</source>
        <translation>满分 {total} 分的问卷须写明分数段（内置分数段适用于100分制）。</translation>
    </message>
    <message>
        <source>A band is written {&quot;level&quot;: &quot;C1&quot;, &quot;max&quot;: 20}.</source>
        <translation>分数段的写法为 {&quot;level&quot;: &quot;C1&quot;, &quot;max&quot;: 20}。</translation>
    </message>
    <message>
        <source>The bands give every level C1 to C5 its highest score.</source>
        <translation>分数段须为 C1 至 C5 每个等级写明最高分。</translation>
    </message>
    <message>
        <source>The bands&apos; highest scores must rise from C1 to C5.</source>
        <translation>分数段的最高分须从 C1 到 C5 逐级递增。</translation>
    </message>
    <message>
        <source>The C5 band ends at {top}, not at the form&apos;s total {total}.</source>
        <translation>C5 分数段止于 {top}，与问卷满分 {total} 不符。</translation>
    </message>
    <message>
        <source>An age rule is written {&quot;from&quot;: 70, &quot;to&quot;: 79, &quot;cap&quot;: &quot;C3&quot;}.</source>
        <translation>年龄规则的写法为 {&quot;from&quot;: 70, &quot;to&quot;: 79, &quot;cap&quot;: &quot;C3&quot;}。</translation>
    </message>
    <message>
        <source>The module {module} is listed twice.</source>
        <translation>模块 {module} 重复列出。</translation>
    </message>
    <message>
        <source>No question belongs to the module(s) {modules}.</source>
        <translation>模块 {modules} 下没有题目。</translation>
    </message>
    <message>
        <source>Question {number} is not a JSON object.</source>
        <translation>第 {number} 题不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Question {number} has no id.</source>
        <translation>第 {number} 题缺少编号（id）。</translation>
    </message>
    <message>
        <source>The question id {question} is used twice.</source>
        <translation>题目编号 {question} 重复使用。</translation>
    </message>
    <message>
        <source>Question {question} names no module of the questionnaire.</source>
        <translation>题目 {question} 未指定问卷中的模块。</translation>
    </message>
    <message>
        <source>Question {question} has no Chinese text.</source>
        <translation>题目 {question} 缺少中文内容。</translation>
    </message>
    <message>
        <source>Question {question} covers unknown content: {content}.</source>
        <translation>第 {question} 题声明了未知的内容：{content}。</translation>
    </message>
    <message>
        <source>An answer of question {question} has no id or no Chinese text.</source>
        <translation>题目 {question} 有选项缺少编号或中文内容。</translation>
    </message>
    <message>
        <source>Question {question} has the answer id {option} twice.</source>
        <translation>题目 {question} 的选项编号 {option} 重复。</translation>
    </message>
    <message>
        <source>Answer {option} of question {question} needs whole points, 0 or more.</source>
        <translation>题目 {question} 的选项 {option} 分值须为 0 或正整数。</translation>
    </message>
    <message>
        <source>Answer {option} of question {question} caps the level at C1 to C5, not {cap}.</source>
        <translation>第 {question} 题的答案 {option} 只能将等级封顶为 C1 至 C5，不能是 {cap}。</translation>
    </message>
    <message>
        <source>Question {question} needs at least two answers.</source>
        <translation>题目 {question} 至少需要两个选项。</translation>
    </message>
    <message>
        <source>There is no question {question}.</source>
        <translation>没有题目 {question}。</translation>
    </message>
    <message>
        <source>Question {number} has no answer {option}.</source>
        <translation>第 {number} 题没有选项 {option}。</translation>
    </message>
    <message>
        <source>Question {number} is not answered.</source>
        <translation>第 {number} 题未作答。</translation>
    </message>
    <message>
        <source>“{pair}” is not a question&apos;s number and answer, like 3=B.</source>
        <translation>“{pair}”不是题号和答案，应写作 3=B 这样的形式。</translation>
    </message>
    <message>
        <source>Question {number} is answered more than once.</source>
        <translation>第 {number} 题选择了多个答案。</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>No assessment</source>
        <translation>未测评</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增销售</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>升级销售</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>交叉销售</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复销售</translation>
    </message>
    <message>
        <source>This sale is already cancelled.</source>
        <translation>该笔销售已撤销。</translation>
    </message>
    <message>
        <source>Only the sale of a private product is cancelled here, in its cooling-off period; this one has none.</source>
        <translation>此处只能在冷静期内撤销私募产品的销售；该笔销售没有冷静期。</translation>
    </message>
    <message>
        <source>The cooling-off period ended at {end}; the sale can no longer be cancelled.</source>
        <translation>冷静期已于 {end} 结束，该笔销售不能再撤销。</translation>
    </message>
    <message>
        <source>Say why the client cancels.</source>
        <translation>请填写客户撤销的原因。</translation>
    </message>
    <message>
        <source>The client has no risk assessment: a rated product is sold only after one.</source>
        <translation>客户未做风险测评：有风险等级的产品须在测评后才能销售。</translation>
    </message>
    <message>
        <source>The client&apos;s risk assessment expired on {date}: assess the client again before selling a rated product.</source>
        <translation>客户的风险测评已于 {date} 过期：销售有风险等级的产品前，请为客户重新测评。</translation>
    </message>
    <message>
        <source>The product is rated R{rating}, above the client&apos;s risk level C{level}: a C{level} client may buy products rated up to R{level}.</source>
        <translation>该产品风险等级为 R{rating}，高于客户风险等级 C{level}：C{level} 客户只能购买 R{level} 及以下等级的产品。</translation>
    </message>
    <message>
        <source>The client is {age}: a product rated R{rating} needs the client&apos;s explicit confirmation, recorded with the sale.</source>
        <translation>客户现年 {age} 岁：购买 R{rating} 产品须经客户明确确认，并随销售一并记录。</translation>
    </message>
    <message>
        <source>The client&apos;s birth date is not on record: a product rated R{rating} needs the client&apos;s explicit confirmation, as for a client aged 65 or over.</source>
        <translation>客户出生日期未登记：按 65 周岁及以上客户处理，购买 R{rating} 产品须经客户明确确认。</translation>
    </message>
    <message>
        <source>A wealth or intermediary product or a structured deposit sold in the branch needs the reference of its audio-video recording (双录); without a recording it cannot be sold.</source>
        <translation>在网点销售理财、中间业务产品或结构性存款须填写录音录像（双录）编号；未双录不得销售。</translation>
    </message>
    <message>
        <source>“{ref}” is not a recording reference: type the reference of the sale&apos;s audio-video recording (双录).</source>
        <translation>“{ref}”不是双录编号：请填写本笔销售的录音录像编号。</translation>
    </message>
    <message>
        <source>The recording reference “{ref}” is not in the bank&apos;s format (by default at least 8 letters and digits).</source>
        <translation>双录编号“{ref}”不符合本行格式（默认为至少8位字母和数字）。</translation>
    </message>
    <message>
        <source>This investment product has no risk rating: it is sold only once the catalogue rates it R1 to R5.</source>
        <translation>该投资类产品没有风险等级：须在产品目录中评定为 R1 至 R5 后方可销售。</translation>
    </message>
    <message>
        <source>The client&apos;s birth date is not on record: record their identity document before selling an investment product.</source>
        <translation>未登记客户出生日期：销售投资类产品前请先登记其身份证件。</translation>
    </message>
    <message>
        <source>The client&apos;s birth date is not on record, and only a resident ID&apos;s number gives it: record the birth date shown on their document in the client&apos;s profile before selling an investment product.</source>
        <translation>客户出生日期未登记，且只有居民身份证号码能给出出生日期：销售投资类产品前，请按其证件上的出生日期在客户资料中登记。</translation>
    </message>
    <message>
        <source>The client is {age}, under 18: record the guardian who acts for them in this sale (民法典 第19–20条).</source>
        <translation>客户 {age} 岁，未满18周岁：请登记代理本次交易的监护人（民法典 第19–20条）。</translation>
    </message>
    <message>
        <source>The client is {age}, under 18: record the guardian who acts for them, or the proof that they live on their own labour income (民法典 第18条).</source>
        <translation>客户 {age} 岁，未满18周岁：请登记代理交易的监护人，或其以自己劳动收入为主要生活来源的证明（民法典 第18条）。</translation>
    </message>
    <message>
        <source>The client is {age} and this sale is more than {percent}% of the assets on record (¥{assets}): ask the client to confirm the amount a second time.</source>
        <translation>客户 {age} 岁，本笔购买超过已登记资产（¥{assets}）的 {percent}%：请客户再次确认金额。</translation>
    </message>
    <message>
        <source>The client is {age} and no assets are on record to weigh this sale against: ask the client to confirm the amount a second time (and record their assets on the document tab).</source>
        <translation>客户 {age} 岁，且没有登记资产可供衡量此笔销售：请客户再次确认金额（并在证件页登记其资产）。</translation>
    </message>
    <message>
        <source>This desk&apos;s manager holds no sales qualification for {family}: record it in the settings, or ask a qualified colleague to sell it.</source>
        <translation>本柜台客户经理没有{family}销售资格：请在设置中登记，或请有资格的同事办理。</translation>
    </message>
    <message>
        <source>This desk&apos;s manager&apos;s sales qualification for {family} is valid from {start} to {end}: not today.</source>
        <translation>本柜台客户经理的{family}销售资格有效期为 {start} 至 {end}，今天不在有效期内。</translation>
    </message>
    <message>
        <source>The client is {age}: explain the risks of a product rated R{rating} with care, and make sure they understand them.</source>
        <translation>客户 {age} 岁：请耐心讲解 R{rating} 产品的风险，并确认客户已理解。</translation>
    </message>
    <message>
        <source>wealth products</source>
        <translation>理财产品</translation>
    </message>
    <message>
        <source>funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>This is not a valid pattern: {reason}.</source>
        <translation>不是有效的正则表达式：{reason}。</translation>
    </message>
    <message>
        <source>This pattern lets a placeholder such as “-” or “无” through.</source>
        <translation>该格式会放行“-”或“无”之类的占位符。</translation>
    </message>
    <message>
        <source>This plan is a suggestion made from the information the client gave and the risk profile they confirmed; it is not a promise of any return. Wealth management products are not deposits, and investment involves risk: the value of a product may fall as well as rise, and past performance does not guarantee future results. Before buying, read each product&apos;s prospectus and risk disclosure, and buy only what suits your risk profile. Every purchase is made separately, with its own suitability check and audio-video recording.</source>
        <translation>本方案依据客户提供的信息及其本人确认的风险承受能力评估结果制定，仅为配置建议，不构成任何收益承诺。理财非存款，产品有风险，投资须谨慎：产品净值可能上涨也可能下跌，过往业绩不代表未来表现。购买前请仔细阅读产品说明书和风险揭示书，仅购买与本人风险承受能力相匹配的产品。每笔购买均单独办理，并单独进行适当性审核和录音录像（双录）。</translation>
    </message>
    <message>
        <source>Cash and deposits</source>
        <translation>现金及存款</translation>
    </message>
    <message>
        <source>Fixed-income products</source>
        <translation>固收类产品</translation>
    </message>
    <message>
        <source>Mixed and equity products</source>
        <translation>混合及权益类产品</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Precious metals</source>
        <translation>贵金属</translation>
    </message>
    <message>
        <source>Line {line}: C{level} {name} is given twice.</source>
        <translation>第 {line} 行：C{level} {name} 重复给出。</translation>
    </message>
    <message>
        <source>The model gives no allocation for C{level}.</source>
        <translation>配置模型缺少 C{level} 的配置。</translation>
    </message>
    <message>
        <source>For C{level} the low ends add up to {lows}% and the high ends to {highs}%: an allocation of 100% must fit between them.</source>
        <translation>C{level} 各类别下限合计 {lows}%，上限合计 {highs}%：100% 的配置必须落在两者之间。</translation>
    </message>
    <message>
        <source>Line {line}: write level, class, low %, high % (like C3,equity,10,30).</source>
        <translation>第 {line} 行：请写风险等级、资产类别、下限%、上限%（如 C3,equity,10,30）。</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not a risk level C1 to C5.</source>
        <translation>第 {line} 行：“{value}”不是 C1 至 C5 的风险等级。</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not an asset class.</source>
        <translation>第 {line} 行：“{value}”不是资产类别。</translation>
    </message>
    <message>
        <source>Line {line}: the range is two whole percents, low ≤ high ≤ 100.</source>
        <translation>第 {line} 行：区间为两个整数百分比，下限 ≤ 上限 ≤ 100。</translation>
    </message>
    <message>
        <source>Children&apos;s education</source>
        <translation>子女教育</translation>
    </message>
    <message>
        <source>Retirement</source>
        <translation>养老</translation>
    </message>
    <message>
        <source>Buying a home</source>
        <translation>购房</translation>
    </message>
    <message>
        <source>Other goal</source>
        <translation>其他目标</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>The year is from {first} to {last}.</source>
        <translation>年份须在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <source>An emergency reserve of {months} months&apos; spending (¥{amount}) is kept in cash and deposits.</source>
        <translation>预留 {months} 个月支出作为应急备用金（¥{amount}），配置于现金及存款。</translation>
    </message>
    <message>
        <source>A short horizon or a high liquidity need: the risk classes are kept at the low end of the model&apos;s range, the rest in cash and deposits.</source>
        <translation>投资期限短或流动性需求高：风险类资产按模型区间下限配置，其余配置于现金及存款。</translation>
    </message>
    <message>
        <source>Money that can stay invested for over three years: the equity and metals shares are towards the high end of the model&apos;s range.</source>
        <translation>资金可长期投资三年以上：权益类和贵金属的比例靠近模型区间上限。</translation>
    </message>
    <message>
        <source>{goal} in {year}: ¥{amount} set aside in {place}.</source>
        <translation>{year} 年{goal}：¥{amount} 预留于{place}。</translation>
    </message>
    <message>
        <source>The reserve and the goals due within three years need ¥{amount} more than the money planned.</source>
        <translation>应急备用金和三年内到期的目标所需资金比规划资金多 ¥{amount}。</translation>
    </message>
    <message>
        <source>A private product is not proposed in a plan: the qualified-investor check belongs to the sale.</source>
        <translation>规划方案不推荐私募产品：合格投资者认定在销售环节进行。</translation>
    </message>
    <message>
        <source>A loan or a bank card has no place in a plan.</source>
        <translation>贷款和银行卡不纳入规划方案。</translation>
    </message>
    <message>
        <source>Enter an amount above zero, like 50000 or 5万.</source>
        <translation>请输入大于零的金额，如 50000 或 5万。</translation>
    </message>
    <message>
        <source>{code} is bought from ¥{minimum}: ¥{amount} is below its minimum.</source>
        <translation>{code} 的起购金额为 ¥{minimum}：¥{amount} 低于起购金额。</translation>
    </message>
    <message>
        <source>{code}: ¥{amount} is ¥{over} more than {place} still lacks (¥{room}); kept, but the plan now puts more there than it suggests.</source>
        <translation>{code}：¥{amount} 比{place}尚缺的 ¥{room} 多出 ¥{over}；已保留，但该类资产的配置已超出方案建议。</translation>
    </message>
    <message>
        <source>The client has no risk assessment: a plan is made from a valid one.</source>
        <translation>客户尚无风险测评：理财规划须依据有效的测评制定。</translation>
    </message>
    <message>
        <source>The client&apos;s risk assessment expired on {date}: assess the client again before making a plan.</source>
        <translation>客户的风险测评已于 {date} 过期：请重新测评后再制定理财规划。</translation>
    </message>
    <message>
        <source>The minimum for this product is ¥{minimum}.</source>
        <translation>该产品起购金额为 ¥{minimum}。</translation>
    </message>
    <message>
        <source>The recording reference is longer than {max} characters.</source>
        <translation>双录编号不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Give the server&apos;s name or address.</source>
        <translation>请填写服务器名称或地址。</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535.</source>
        <translation>端口应为 1 至 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Give the database&apos;s name.</source>
        <translation>请填写数据库名称。</translation>
    </message>
    <message>
        <source>Give the user name on the server.</source>
        <translation>请填写服务器上的用户名。</translation>
    </message>
    <message>
        <source>Choose the client or task the call is for.</source>
        <translation>请选择本次通话对应的客户或任务。</translation>
    </message>
    <message>
        <source>The client has not agreed to marketing: a call or message may not carry product information. Log the call without it.</source>
        <translation>客户未同意接收营销信息：电话或消息不得包含产品信息。请不勾选产品信息后记录本次通话。</translation>
    </message>
    <message>
        <source>Choose a tier.</source>
        <translation>请选择客户等级。</translation>
    </message>
    <message>
        <source>This event no longer exists.</source>
        <translation>该活动已不存在。</translation>
    </message>
    <message>
        <source>This care task no longer exists.</source>
        <translation>该维护任务已不存在。</translation>
    </message>
    <message>
        <source>This care task was closed a moment ago (at another desk?); nothing was logged.</source>
        <translation>该维护任务刚刚已被关闭（可能在其他理财室），本次未作登记。</translation>
    </message>
    <message>
        <source>The same product code is on line {line}.</source>
        <translation>与第 {line} 行的产品代码重复。</translation>
    </message>
    <message>
        <source>The amount is more than 0 and at most {max} yuan.</source>
        <translation>金额应大于 0 且不超过 {max} 元。</translation>
    </message>
    <message>
        <source>The maturity is before the start.</source>
        <translation>到期日早于起始日。</translation>
    </message>
    <message>
        <source>A holding cannot close before it started.</source>
        <translation>持仓结清日期不能早于起始日。</translation>
    </message>
    <message>
        <source>This holding is already closed.</source>
        <translation>该持仓已结清。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>该产品已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this product a moment ago; nothing was changed. Look at it again.</source>
        <translation>其他人刚刚修改了该产品，本次未作更改。请重新查看。</translation>
    </message>
    <message>
        <source>A product with the code {code} is already in the catalogue.</source>
        <translation>产品目录中已有代码为 {code} 的产品。</translation>
    </message>
    <message>
        <source>This holding no longer exists.</source>
        <translation>该持仓已不存在。</translation>
    </message>
    <message>
        <source>This product is no longer on sale.</source>
        <translation>该产品已下架。</translation>
    </message>
    <message>
        <source>The signing time is today, and not later than now.</source>
        <translation>签约时间须为今天，且不晚于现在。</translation>
    </message>
    <message>
        <source>The recording cannot be later than now.</source>
        <translation>录音录像时间不能晚于现在。</translation>
    </message>
    <message>
        <source>This sale no longer exists.</source>
        <translation>该笔销售已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this sale a moment ago; nothing was changed. Look at it again.</source>
        <translation>其他人刚刚修改了该笔销售，本次未作更改。请重新查看。</translation>
    </message>
    <message>
        <source>Add the product to the catalogue first.</source>
        <translation>请先将该产品添加到产品目录。</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>请选择产品。</translation>
    </message>
    <message>
        <source>The branch server is backed up on the server (pg_dump) by its administrator; this PC backs up only its own database.</source>
        <translation>网点服务器由其管理员在服务器上备份（pg_dump）；本机只备份自己的数据库。</translation>
    </message>
    <message>
        <source>The database is damaged ({reason}): no backup was made, and every backup already in {folder} was kept. Restore the newest of them.</source>
        <translation>数据库已损坏（{reason}）：未进行备份，{folder} 中已有的备份全部保留。请用其中最新的一份恢复。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a WealthDesk database ({reason}).</source>
        <translation>{path} 不是 WealthDesk 数据库（{reason}）。</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>{desk} 号席位</translation>
    </message>
    <message>
        <source>the lobby&apos;s check-in screen</source>
        <translation>大堂签到屏</translation>
    </message>
    <message>
        <source>the waiting-room display</source>
        <translation>等候区显示屏</translation>
    </message>
    <message>
        <source>{path} is open in another WealthDesk window ({who}). Close it first, then restore; nothing was changed.</source>
        <translation>{path} 正在另一个 WealthDesk 窗口中打开（{who}）。请先关闭它再恢复；未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is open in another program. Close every WealthDesk window and command on this PC first, then restore; nothing was changed.</source>
        <translation>{path} 正被另一个程序打开。请先关闭本机上所有 WealthDesk 窗口和命令，再进行恢复；未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}.</source>
        <translation>{path} 已损坏：{reason}。</translation>
    </message>
    <message>
        <source>{path} is from a newer WealthDesk (schema {schema}); update this PC first.</source>
        <translation>{path} 来自更新版本的 WealthDesk（架构 {schema}）；请先升级本机。</translation>
    </message>
    <message>
        <source>The file has no lines.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The first line names the columns: date,kind,name (or 日期,类型,名称).</source>
        <translation>首行应为列名：日期,类型,名称（或 date,kind,name）。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of day: write holiday or workday.</source>
        <translation>“{value}”不是日期类型：请写 休（holiday）或 班（workday）。</translation>
    </message>
    <message>
        <source>A holiday&apos;s name has at most {max} characters.</source>
        <translation>节日名称最多 {max} 个字。</translation>
    </message>
    <message>
        <source>{date} is a weekday: a make-up working day falls on a Saturday or Sunday.</source>
        <translation>{date} 是工作日：调休上班日只能是周六或周日。</translation>
    </message>
    <message>
        <source>{date} is already on line {line}.</source>
        <translation>{date} 已在第 {line} 行。</translation>
    </message>
    <message>
        <source>{date} is not in {year}: a schedule is for one year (with the December before it).</source>
        <translation>{date} 不在 {year} 年：一个文件只含一年的安排（可含上一年 12 月）。</translation>
    </message>
    <message>
        <source>The file has no days under its first line.</source>
        <translation>文件首行之下没有日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it YYYY-MM-DD, like 2027-02-06.</source>
        <translation>“{value}”不是日期；请写成 YYYY-MM-DD，如 2027-02-06。</translation>
    </message>
    <message>
        <source>{value} is not a year from 2000 to 2100.</source>
        <translation>{value} 不在 2000 至 2100 年之间。</translation>
    </message>
    <message>
        <source>There is no official holiday schedule for {year} yet: its holidays are computed by rule and marked provisional, without days in lieu or make-up working days. When the State Council publishes it, load it in Settings → Working calendar → Load schedule… (or: wealthdesk calendar import FILE.csv).</source>
        <translation>尚无 {year} 年的官方放假安排：其假日按规定推算并标为“暂定”，不含补休和调休上班日。国务院公布后，请在 设置 → 工作日历 → 载入放假安排… 中载入（或：wealthdesk calendar import 文件.csv）。</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分钟</translation>
    </message>
    <message>
        <source>{day} has not begun yet; a day close is for today or an earlier day.</source>
        <translation>{day} 还没有开始；日结只能针对今天或之前的日期。</translation>
    </message>
    <message>
        <source>The period {first} to {last} has not begun yet; a summary covers days up to today.</source>
        <translation>{first} 至 {last} 这段时间还没有开始；汇总只涵盖截至今天的日期。</translation>
    </message>
    <message>
        <source>Desk {desk} is already open in another WealthDesk window on this computer (process {pid}, since {since}). Use that window, or start this one with another desk number.</source>
        <translation>{desk} 号理财室已在本机另一个 WealthDesk 窗口中打开（进程 {pid}，自 {since} 起）。请使用那个窗口，或用其他理财室编号启动本窗口。</translation>
    </message>
    <message>
        <source>Desk {desk} is already open on the computer {host} (since {since}). Close WealthDesk there first, or start this one with another desk number.</source>
        <translation>{desk} 号理财室已在计算机 {host} 上打开（自 {since} 起）。请先关闭那里的 WealthDesk，或用其他理财室编号启动本窗口。</translation>
    </message>
    <message>
        <source>Financial assets certificate</source>
        <translation>金融资产证明</translation>
    </message>
    <message>
        <source>Income certificate</source>
        <translation>收入证明</translation>
    </message>
    <message>
        <source>Personal income tax record</source>
        <translation>个人所得税纳税记录</translation>
    </message>
    <message>
        <source>Investment account statements</source>
        <translation>投资账户对账单</translation>
    </message>
    <message>
        <source>Household net financial assets of ¥3,000,000 or more</source>
        <translation>家庭金融净资产不低于300万元</translation>
    </message>
    <message>
        <source>Household financial assets of ¥5,000,000 or more</source>
        <translation>家庭金融资产不低于500万元</translation>
    </message>
    <message>
        <source>Average income of ¥400,000 a year or more over 3 years</source>
        <translation>近3年本人年均收入不低于40万元</translation>
    </message>
    <message>
        <source>Years of investment experience: 0 to {max}.</source>
        <translation>投资经历年数：0 至 {max}。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Net financial assets cannot be more than the financial assets.</source>
        <translation>金融净资产不能高于金融资产。</translation>
    </message>
    <message>
        <source>Say what the client showed as proof.</source>
        <translation>请注明客户提供的证明材料。</translation>
    </message>
    <message>
        <source>Give the date of the proof.</source>
        <translation>请填写证明日期。</translation>
    </message>
    <message>
        <source>The proof&apos;s date {date} is in the future.</source>
        <translation>证明日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>A proof dated {date} is more than a year old: ask for a new one.</source>
        <translation>证明日期为 {date}，已超过一年：请客户提供新的证明。</translation>
    </message>
    <message>
        <source>Not a qualified investor (资管新规 第五条): at least 2 years of investment experience and household net financial assets of ¥3,000,000, household financial assets of ¥5,000,000, or an average income of ¥400,000 a year over 3 years.</source>
        <translation>不符合合格投资者条件（资管新规 第五条）：须具有2年以上投资经历，且家庭金融净资产不低于300万元、家庭金融资产不低于500万元或近3年本人年均收入不低于40万元。</translation>
    </message>
    <message>
        <source>A private product is sold only to a qualified investor: record the client&apos;s qualification and its proof first (资管新规 第五条).</source>
        <translation>私募产品只销售给合格投资者：请先登记客户的合格投资者认定及证明材料（资管新规 第五条）。</translation>
    </message>
    <message>
        <source>The client&apos;s qualified-investor proof was valid until {date}: record a new proof before selling a private product.</source>
        <translation>客户的合格投资者证明有效期至 {date}：销售私募产品前请登记新的证明。</translation>
    </message>
    <message>
        <source>The product is private (私募): an offer of it goes only to a qualified investor, and this client has no valid qualified-investor record (资管新规 第五条). Tell them of the maturity in a call, without the offer.</source>
        <translation>该产品为私募产品：只能向合格投资者推介，而该客户没有有效的合格投资者认定（资管新规 第五条）。请致电告知到期事宜，不作产品推介。</translation>
    </message>
    <message>
        <source>entry {entry} no longer matches what was written (it was changed)</source>
        <translation>第 {entry} 条与写入时不符（已被改动）</translation>
    </message>
    <message>
        <source>entry {entry} does not follow entry {after}: an entry between them was removed or rewritten</source>
        <translation>第 {entry} 条与第 {after} 条接不上：两者之间的记录被删除或改写</translation>
    </message>
    <message>
        <source>entries {first} to {last} are missing, before entry {entry}</source>
        <translation>第 {entry} 条之前缺少第 {first} 至 {last} 条</translation>
    </message>
    <message>
        <source>the entries after entry {after} are missing (the log had reached entry {entry})</source>
        <translation>第 {after} 条之后的记录缺失（日志曾写到第 {entry} 条）</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} entries, each chained to the one before.</source>
        <translation>审计日志完整：共 {count} 条，每条都与前一条相链接。</translation>
    </message>
    <message>
        <source>The audit log is broken at entry {entry}: {problem}.</source>
        <translation>审计日志在第 {entry} 条处断开：{problem}。</translation>
    </message>
    <message>
        <source>This plan no longer exists.</source>
        <translation>该规划方案已不存在。</translation>
    </message>
    <message>
        <source>The client&apos;s assessments today ({count}) reach the most a day allows: assess again tomorrow.</source>
        <translation>客户今天已评估 {count} 次，已达每日上限：请明天再评估。</translation>
    </message>
    <message>
        <source>This risk assessment no longer exists.</source>
        <translation>该风险评估已不存在。</translation>
    </message>
    <message>
        <source>Choose the document: resident ID card, residence permit, permanent residence ID or passport.</source>
        <translation>请选择证件：居民身份证、港澳台居民居住证、外国人永久居留身份证或护照。</translation>
    </message>
    <message>
        <source>The financial assets are from 0 to {max} yuan.</source>
        <translation>金融资产为 0 至 {max} 元。</translation>
    </message>
    <message>
        <source>There is no message for this task: call the client instead.</source>
        <translation>此任务没有短信模板，请致电客户。</translation>
    </message>
    <message>
        <source>This task was dealt with meanwhile.</source>
        <translation>此任务已被处理。</translation>
    </message>
    <message>
        <source>This client has no mobile number for an SMS; copy the text.</source>
        <translation>该客户没有可发短信的手机号，请复制文字。</translation>
    </message>
    <message>
        <source>This complaint is resolved already.</source>
        <translation>这件投诉已办结。</translation>
    </message>
    <message>
        <source>This complaint is being handled.</source>
        <translation>这件投诉正在处理中。</translation>
    </message>
    <message>
        <source>This complaint no longer exists.</source>
        <translation>这件投诉已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this complaint a moment ago; nothing was changed. Open it again.</source>
        <translation>刚才有人修改了这件投诉，本次未作更改。请重新打开。</translation>
    </message>
</context>
<context>
    <name>interaction</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>This client has changes that are not saved yet.</source>
        <translation>此客户资料有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before you go on?</source>
        <translation>继续之前是否保存？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>This computer has no print service that takes PDF files (CUPS).</source>
        <translation>这台电脑没有可接收 PDF 文件的打印服务（CUPS）。</translation>
    </message>
    <message>
        <source>The print service (CUPS at {server}) is not running: nothing can be printed until it is started.</source>
        <translation>打印服务（CUPS，{server}）没有运行：启动之前无法打印。</translation>
    </message>
    <message>
        <source>No printer is set up, and there is no default printer.</source>
        <translation>没有设置打印机，也没有默认打印机。</translation>
    </message>
    <message>
        <source>There is no printer called {printer}.</source>
        <translation>没有名为 {printer} 的打印机。</translation>
    </message>
    <message>
        <source>The printer {printer} refused the job: {reason}</source>
        <translation>打印机 {printer} 拒绝了打印任务：{reason}</translation>
    </message>
    <message>
        <source>The printer {printer} is stopped: {reason}. The job was withdrawn.</source>
        <translation>打印机 {printer} 已停止：{reason}。该打印任务已撤回。</translation>
    </message>
    <message>
        <source>The print service holds the job on {printer}: {reason}. It was withdrawn.</source>
        <translation>打印服务暂扣了 {printer} 上的打印任务：{reason}。该任务已撤回。</translation>
    </message>
    <message>
        <source>The job on {printer} was cancelled: {reason}</source>
        <translation>{printer} 上的打印任务已被取消：{reason}</translation>
    </message>
    <message>
        <source>The print service gave up the job on {printer}: {reason}</source>
        <translation>打印服务放弃了 {printer} 上的打印任务：{reason}</translation>
    </message>
    <message>
        <source>The print service does not answer: {reason}</source>
        <translation>打印服务没有响应：{reason}</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Agenda for {date} ({weekday})</source>
        <translation>{date}（{weekday}）预约日程</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访目的</translation>
    </message>
    <message>
        <source>To prepare</source>
        <translation>需准备</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No appointments on this day.</source>
        <translation>当天没有预约。</translation>
    </message>
    <message>
        <source>Made {time}</source>
        <translation>生成于 {time}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Tick one answer to each question. The points of the answers add up to the score, which gives the risk profile below.</source>
        <translation>每题请勾选一个答案。各题得分相加即为总分，按下表确定风险等级。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>1. The client</source>
        <translation>一、客户信息</translation>
    </message>
    <message>
        <source>2. Allocation</source>
        <translation>二、资产配置</translation>
    </message>
    <message>
        <source>3. Products proposed</source>
        <translation>三、推荐产品</translation>
    </message>
    <message>
        <source>4. Notes</source>
        <translation>四、备注</translation>
    </message>
    <message>
        <source>5. Risk disclosure</source>
        <translation>五、风险揭示</translation>
    </message>
    <message>
        <source>Financial plan</source>
        <translation>理财规划方案</translation>
    </message>
    <message>
        <source>Version of {time}, No. {number}</source>
        <translation>{time} 版本，编号 {number}</translation>
    </message>
    <message>
        <source>Suggestion of {time}, not saved</source>
        <translation>{time} 的建议，未保存</translation>
    </message>
    <message>
        <source>Client No.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Risk profile</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>测评日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Liquidity need</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>Money planned</source>
        <translation>规划资金</translation>
    </message>
    <message>
        <source>Emergency reserve</source>
        <translation>应急备用金</translation>
    </message>
    <message>
        <source>¥{amount} ({months} months)</source>
        <translation>¥{amount}（{months} 个月）</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>理财目标</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Current allocation</source>
        <translation>现有配置</translation>
    </message>
    <message>
        <source>Suggested allocation</source>
        <translation>建议配置</translation>
    </message>
    <message>
        <source>Nothing held yet</source>
        <translation>暂无持仓</translation>
    </message>
    <message>
        <source>Asset class</source>
        <translation>资产类别</translation>
    </message>
    <message>
        <source>Model range</source>
        <translation>模型区间</translation>
    </message>
    <message>
        <source>Current (¥)</source>
        <translation>现有（元）</translation>
    </message>
    <message>
        <source>Suggested (¥)</source>
        <translation>建议（元）</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Gap (¥)</source>
        <translation>差额（元）</translation>
    </message>
    <message>
        <source>A positive gap is what to add to the class, a negative one what to move out of it.</source>
        <translation>差额为正表示该类别需增配的金额，为负表示需调出的金额。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Risk rating</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Each product is bought separately, after its own suitability check and audio-video recording (双录); this plan records no purchase.</source>
        <translation>每只产品均单独购买，并单独进行适当性审核和录音录像（双录）；本方案不构成任何购买记录。</translation>
    </message>
    <message>
        <source>No products proposed.</source>
        <translation>未推荐产品。</translation>
    </message>
    <message>
        <source>Client&apos;s signature: {line}    Date: {line}</source>
        <translation>客户签字：{line}    日期：{line}</translation>
    </message>
    <message>
        <source>Financial plan summary (large print)</source>
        <translation>理财规划方案摘要（大字版）</translation>
    </message>
    <message>
        <source>Products proposed</source>
        <translation>拟配置产品</translation>
    </message>
    <message>
        <source>This summary goes with the full plan, which carries the risk disclosure and the signatures.</source>
        <translation>本摘要随完整方案一并提供，风险揭示及签字见完整方案。</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <source>Score and risk profile</source>
        <translation>得分与风险等级对照</translation>
    </message>
    <message>
        <source>Client&apos;s signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <source>Relationship manager&apos;s signature</source>
        <translation>理财经理签名</translation>
    </message>
    <message>
        <source>I have answered these questions truthfully and understand the risk profile they give. It is valid for one year, and is to be redone when my situation changes.</source>
        <translation>本人已如实填写以上问卷，并知晓据此得出的风险等级。测评结果有效期为一年；本人情况发生变化时，应重新测评。</translation>
    </message>
    <message>
        <source>1. Visitors</source>
        <translation>一、访客接待</translation>
    </message>
    <message>
        <source>2. Charts</source>
        <translation>二、图表</translation>
    </message>
    <message>
        <source>3. Appointments</source>
        <translation>三、预约</translation>
    </message>
    <message>
        <source>4. Care</source>
        <translation>四、客户维护</translation>
    </message>
    <message>
        <source>5. Sales</source>
        <translation>五、销售</translation>
    </message>
    <message>
        <source>6. Colleague support</source>
        <translation>六、协同支持</translation>
    </message>
    <message>
        <source>7. Visits</source>
        <translation>七、到访明细</translation>
    </message>
    <message>
        <source>8. Open for tomorrow</source>
        <translation>八、明日待办</translation>
    </message>
    <message>
        <source>9. End of day</source>
        <translation>九、日终检查</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Day close {date}</source>
        <translation>{date} 日清日结报告</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>{desk} 号理财室</translation>
    </message>
    <message>
        <source>Generated {time}</source>
        <translation>生成于 {time}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Version {version}: the day was closed before at {time} (version {previous}, kept).</source>
        <translation>第 {version} 版：当天已于 {time} 做过日清日结（第 {previous} 版，已保留）。</translation>
    </message>
    <message>
        <source>Records of the day were changed since: this is an amendment.</source>
        <translation>此后当天记录有变动：本版为更正版。</translation>
    </message>
    <message>
        <source>Nothing was recorded on this day: no visitors, appointments, sales, calls or colleague support.</source>
        <translation>当天没有任何记录：无访客、预约、销售、电话回访或协同支持。</translation>
    </message>
    <message>
        <source>{count} of {known} ({share})</source>
        <translation>{count} / {known}（{share}）</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Left without service</source>
        <translation>未服务离开</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Waited longer than {minutes} min</source>
        <translation>等候超过 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Average service time</source>
        <translation>平均服务时长</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>仍在等候</translation>
    </message>
    <message>
        <source>Arrivals by hour</source>
        <translation>各时段到店人数</translation>
    </message>
    <message>
        <source>Average wait by hour (minutes)</source>
        <translation>各时段平均等候（分钟）</translation>
    </message>
    <message>
        <source>target {minutes} min</source>
        <translation>目标 {minutes} 分钟</translation>
    </message>
    <message>
        <source>No visitors</source>
        <translation>无访客</translation>
    </message>
    <message>
        <source>Time on client work against the target</source>
        <translation>客户工作时间与目标对比</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>协同支持</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Time on client work: {total} of {target} ({share}); services {services}, calls {calls}, support {support}</source>
        <translation>客户工作时间：{total} / {target}（{share}）；客户服务 {services}，电话回访 {calls}，协同支持 {support}</translation>
    </message>
    <message>
        <source>Arrivals by day</source>
        <translation>每日到店人数</translation>
    </message>
    <message>
        <source>Average wait by day (minutes)</source>
        <translation>每日平均等候（分钟）</translation>
    </message>
    <message>
        <source>Time on client work by day (minutes)</source>
        <translation>每日客户工作时间（分钟）</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>如约到店</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Tasks planned</source>
        <translation>计划任务</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Information sent</source>
        <translation>已发送资料</translation>
    </message>
    <message>
        <source>Invitations made</source>
        <translation>已邀约</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Sales signed (cancelled ones included)</source>
        <translation>签约笔数（含已撤销）</translation>
    </message>
    <message>
        <source>Cooling-off cancellations</source>
        <translation>冷静期撤销笔数</translation>
    </message>
    <message>
        <source>Amount cancelled</source>
        <translation>撤销金额</translation>
    </message>
    <message>
        <source>65+ confirmations</source>
        <translation>65 周岁以上客户确认</translation>
    </message>
    <message>
        <source>Cancelled in the cooling-off</source>
        <translation>冷静期内撤销</translation>
    </message>
    <message>
        <source>{count} sales without a recording reference (双录): there must be none. Record the references before the day is closed.</source>
        <translation>{count} 笔销售缺少双录编号：不得有此类销售。请在日清日结前补录双录编号。</translation>
    </message>
    <message>
        <source>Sales without a recording reference: 0</source>
        <translation>缺少双录编号的销售：0</translation>
    </message>
    <message>
        <source>Times supported</source>
        <translation>支持次数</translation>
    </message>
    <message>
        <source>Support time</source>
        <translation>支持时长</translation>
    </message>
    <message>
        <source>Followed by a sale</source>
        <translation>促成销售</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <source>Resolved today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>客户接受</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>客户未接受</translation>
    </message>
    <message>
        <source>answer not known</source>
        <translation>客户意见不详</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>About</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Sale followed</source>
        <translation>促成销售</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>理财室</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>服务结果</translation>
    </message>
    <message>
        <source>No visitors on this day.</source>
        <translation>当天无访客。</translation>
    </message>
    <message>
        <source>Follow-ups and call-backs</source>
        <translation>跟进与回电</translation>
    </message>
    <message>
        <source>Unresolved appointments</source>
        <translation>待处理预约</translation>
    </message>
    <message>
        <source>Visitors still open</source>
        <translation>未结束的到访</translation>
    </message>
    <message>
        <source>Care tasks due by tomorrow</source>
        <translation>明日前到期的维护任务</translation>
    </message>
    <message>
        <source>Door notices printed or saved</source>
        <translation>已打印或保存的门口告示</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>No door notices printed or saved.</source>
        <translation>当天未打印或保存门口告示。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>{ticked} of {total} ticked</source>
        <translation>已勾选 {ticked}/{total} 项</translation>
    </message>
    <message>
        <source>Manager&apos;s signature: {line}    Date: {line}</source>
        <translation>理财经理签名：{line}    日期：{line}</translation>
    </message>
    <message>
        <source>Time on client work: {total} (no target: not a working day); services {services}, calls {calls}, support {support}</source>
        <translation>客户工作时间：{total}（非工作日，无目标）；客户服务 {services}，电话回访 {calls}，协同支持 {support}</translation>
    </message>
    <message>
        <source>Time on client work to date: {total} of {target} ({share}); services {services}, calls {calls}, support {support}</source>
        <translation>截至目前客户工作时间：{total} / {target}（{share}）；客户服务 {services}，电话回访 {calls}，协同支持 {support}</translation>
    </message>
    <message>
        <source>No waits recorded</source>
        <translation>无等候记录</translation>
    </message>
    <message>
        <source>No client work recorded</source>
        <translation>无客户工作记录</translation>
    </message>
    <message>
        <source>Refused by the suitability rules: {reasons}</source>
        <translation>适当性规则拒绝：{reasons}</translation>
    </message>
    <message>
        <source>Last entry&apos;s hash: {hash}</source>
        <translation>最后一条的哈希值：{hash}</translation>
    </message>
    <message>
        <source>Run wealthdesk audit-verify and report it to compliance.</source>
        <translation>请运行 wealthdesk audit-verify 并报告合规部门。</translation>
    </message>
    <message>
        <source>Financial plans made: {count}</source>
        <translation>制定理财规划方案：{count} 份</translation>
    </message>
    <message>
        <source>7. Days</source>
        <translation>七、每日明细</translation>
    </message>
    <message>
        <source>8. Still open</source>
        <translation>八、未完成事项</translation>
    </message>
    <message>
        <source>9. Sign-off</source>
        <translation>九、签字确认</translation>
    </message>
    <message>
        <source>Week summary {first} – {last}</source>
        <translation>周汇总 {first} – {last}</translation>
    </message>
    <message>
        <source>Month summary {month}</source>
        <translation>{month} 月汇总</translation>
    </message>
    <message>
        <source>Summary {first} – {last}</source>
        <translation>汇总 {first} – {last}</translation>
    </message>
    <message>
        <source>{first} to {last}: {working} working days, {closed} days closed.</source>
        <translation>{first} 至 {last}：工作日 {working} 天，已日结 {closed} 天。</translation>
    </message>
    <message>
        <source>The period is not over: figures up to {date}.</source>
        <translation>期间尚未结束：数据截至 {date}。</translation>
    </message>
    <message>
        <source>Nothing was recorded in this period: no visitors, appointments, sales, calls or colleague support.</source>
        <translation>本期间没有任何记录：无访客、预约、销售、电话或协同支持。</translation>
    </message>
    <message>
        <source>target {minutes} min a day</source>
        <translation>目标每天 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Per working day: {average} against {target} a day ({share})</source>
        <translation>每个工作日：{average}，目标每天 {target}（{share}）</translation>
    </message>
    <message>
        <source>Per working day to date ({days} of {working}): {average} against {target} a day ({share})</source>
        <translation>截至目前每个工作日（{working} 天中的 {days} 天）：{average}，目标每天 {target}（{share}）</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Client work</source>
        <translation>客户工作</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已下班</translation>
    </message>
    <message>
        <source>{count} of {working}</source>
        <translation>{count}/{working}</translation>
    </message>
    <message>
        <source>(closed day)</source>
        <translation>（已日结）</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Days closed</source>
        <translation>已日结天数</translation>
    </message>
    <message>
        <source>no valid risk assessment</source>
        <translation>无有效风险测评</translation>
    </message>
    <message>
        <source>above the client&apos;s risk level</source>
        <translation>产品风险高于客户等级</translation>
    </message>
    <message>
        <source>65+ confirmation not given</source>
        <translation>65周岁以上客户未确认</translation>
    </message>
    <message>
        <source>amount below the minimum</source>
        <translation>金额低于起购金额</translation>
    </message>
    <message>
        <source>no recording (双录) reference</source>
        <translation>缺少双录编号</translation>
    </message>
    <message>
        <source>identity document expired or missing</source>
        <translation>身份证件过期或缺失</translation>
    </message>
    <message>
        <source>minor without a guardian</source>
        <translation>未成年人无监护人</translation>
    </message>
    <message>
        <source>not a qualified investor</source>
        <translation>非合格投资者</translation>
    </message>
    <message>
        <source>65+ large sale not confirmed</source>
        <translation>65岁以上大额购买未再次确认</translation>
    </message>
    <message>
        <source>manager not qualified</source>
        <translation>客户经理无销售资格</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Compliance checks</source>
        <translation>合规检查</translation>
    </message>
    <message>
        <source>Level raised, sold above the old level</source>
        <translation>等级上调后超原等级销售</translation>
    </message>
    <message>
        <source>Recordings (双录) not yet checked</source>
        <translation>双录未质检</translation>
    </message>
    <message>
        <source>Risk level raised and sold above the old level the same day</source>
        <translation>同日风险等级上调后购买高于原等级的产品</translation>
    </message>
    <message>
        <source>Level before</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>Level after</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>产品风险等级</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售编号</translation>
    </message>
    <message>
        <source>Review each with compliance: was the client&apos;s new answer true, and was the sale suitable?</source>
        <translation>请与合规部门逐笔复核：客户新的作答是否属实，销售是否适当？</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期没有。</translation>
    </message>
    <message>
        <source>None on this day.</source>
        <translation>当日无。</translation>
    </message>
    <message>
        <source>Sales of this period whose recording (双录) is not yet quality-checked</source>
        <translation>本期双录尚未质检的销售</translation>
    </message>
    <message>
        <source>Sales recordings (双录) not yet quality-checked</source>
        <translation>双录尚未质检的销售</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>双录编号</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>{count} more not listed: see the day close page.</source>
        <translation>另有 {count} 笔未列出：请在日清日结页面查看。</translation>
    </message>
    <message>
        <source>Every recording of this period is checked.</source>
        <translation>本期的双录均已质检。</translation>
    </message>
    <message>
        <source>Every recording is checked.</source>
        <translation>所有双录均已质检。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Wait (min)</source>
        <translation>等候（分钟）</translation>
    </message>
    <message>
        <source>Service (min)</source>
        <translation>服务（分钟）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Sale type</source>
        <translation>销售类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>65+ confirmed</source>
        <translation>65 周岁以上已确认</translation>
    </message>
    <message>
        <source>Please wait for desk {desk}</source>
        <translation>请到 {desk} 号理财室等候叫号</translation>
    </message>
    <message>
        <source>The first free desk will call you</source>
        <translation>请留意叫号，空闲的理财经理会为您服务</translation>
    </message>
    <message>
        <source>Wealth management</source>
        <translation>理财室</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>People ahead of you: {count}</source>
        <translation>您前面还有 {count} 位</translation>
    </message>
    <message>
        <source>Taken at {time}</source>
        <translation>取号时间 {time}</translation>
    </message>
    <message>
        <source>Please keep this slip and listen for your number. If you miss your call, ask the lobby manager.</source>
        <translation>请保留此小票并留意叫号。如错过叫号，请联系大堂经理。</translation>
    </message>
    <message>
        <source>Queue slip {ticket}</source>
        <translation>排队小票 {ticket}</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The database cannot be used: {detail}</source>
        <translation>数据库无法使用：{detail}</translation>
    </message>
    <message>
        <source>{location} is not a database address; use sqlite:///path/to/file.sqlite3 or postgresql://user@host:port/dbname.</source>
        <translation>{location} 不是有效的数据库地址；请使用 sqlite:///文件路径.sqlite3 或 postgresql://用户@主机:端口/数据库名。</translation>
    </message>
    <message>
        <source>{location} is not a WealthDesk database (it may be damaged). It was left untouched; restore a backup or choose another file.</source>
        <translation>{location} 不是 WealthDesk 数据库（可能已损坏）。文件未被改动；请从备份恢复或选择其他文件。</translation>
    </message>
    <message>
        <source>{location} belongs to another program: it holds tables, but not WealthDesk&apos;s. It was left untouched; choose WealthDesk&apos;s own database file.</source>
        <translation>{location} 属于其他程序：其中有数据表，但不是 WealthDesk 的。该文件未被改动；请选择 WealthDesk 自己的数据库文件。</translation>
    </message>
    <message>
        <source>{location} is damaged ({detail}). Nothing was written to it and it was not backed up; restore a backup.</source>
        <translation>{location} 已损坏（{detail}）。未向其写入任何内容，也未备份它；请从备份恢复。</translation>
    </message>
    <message>
        <source>The disk that holds {location} is full. What was being saved was not kept, and nothing was half-written; free some space on that disk, then try again.</source>
        <translation>存放 {location} 的磁盘已满。正在保存的内容未被保留，也没有写入一半的数据；请在该磁盘上腾出空间后重试。</translation>
    </message>
    <message>
        <source>{location} cannot be opened for reading and writing ({detail}). Check the file&apos;s permissions and that its folder exists.</source>
        <translation>无法读写 {location}（{detail}）。请检查文件权限以及所在文件夹是否存在。</translation>
    </message>
    <message>
        <source>{location} is locked by another program. Close the other program (or the other WealthDesk window) and try again.</source>
        <translation>{location} 被其他程序锁定。请关闭该程序（或另一个 WealthDesk 窗口）后重试。</translation>
    </message>
    <message>
        <source>{location} was written by a newer WealthDesk (schema {detail}). It was left untouched; install the newer version to open it.</source>
        <translation>{location} 由更新版本的 WealthDesk 创建（结构版本 {detail}）。文件未被改动；请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{location} needs an upgrade, but the backup made before it could not be written into {folder} ({detail}). The database was left untouched; free some disk space there or check that folder&apos;s permissions.</source>
        <translation>{location} 需要升级，但升级前的备份无法写入 {folder}（{detail}）。数据库未被改动；请在该处腾出磁盘空间，或检查该文件夹的权限。</translation>
    </message>
    <message>
        <source>The database server at {location} cannot be reached: {detail}</source>
        <translation>无法连接数据库服务器 {location}：{detail}</translation>
    </message>
    <message>
        <source>The branch server cannot be reached; nothing was changed. WealthDesk reconnects by itself: try again when the status bar no longer says offline.</source>
        <translation>无法连接网点服务器，未做任何更改。WealthDesk 会自动重新连接：等状态栏不再显示离线后再试。</translation>
    </message>
    <message>
        <source>The database server at {location} refused the work: {detail}. Ask whoever runs the branch&apos;s database to check this desk&apos;s access.</source>
        <translation>数据库服务器 {location} 拒绝了此操作：{detail}。请联系网点数据库管理员检查本理财室的访问权限。</translation>
    </message>
    <message>
        <source>PostgreSQL support is not installed; install it with: pip install &apos;wealthdesk[postgres]&apos;</source>
        <translation>未安装 PostgreSQL 支持，请运行：pip install &apos;wealthdesk[postgres]&apos;</translation>
    </message>
    <message>
        <source>This copy of WealthDesk lacks PostgreSQL support, so it cannot join the branch server at {location}. Ask IT to install the WealthDesk package again.</source>
        <translation>此 WealthDesk 副本缺少 PostgreSQL 支持，无法连接 {location} 的网点服务器。请联系信息科技部门重新安装 WealthDesk 安装包。</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation>文件夹不可写入</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>文件无法打开</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>文件为只读</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>磁盘无法读写</translation>
    </message>
</context>
</TS>
