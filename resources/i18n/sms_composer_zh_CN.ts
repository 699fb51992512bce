<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AfterSendBar</name>
    <message>
        <source>View history</source>
        <translation>查看发送记录</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message>
        <source>Writing the results…</source>
        <translation>正在写入结果…</translation>
    </message>
    <message>
        <source>Results written to {0}</source>
        <translation>结果已写入 {0}</translation>
    </message>
    <message>
        <source>The results could not be written ({0}).</source>
        <translation>结果没能写入（{0}）。</translation>
    </message>
</context>
<context>
    <name>CampaignTabs</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Each number</source>
        <translation>逐个号码</translation>
    </message>
</context>
<context>
    <name>ComposeView</name>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Write the message once; the counters and the preview show exactly what is sent.</source>
        <translation>写好短信，计数和预览会准确显示实际发出的内容。</translation>
    </message>
    <message>
        <source>Shown in 【】 at the start of every message</source>
        <translation>显示在每条短信开头的【】里</translation>
    </message>
    <message>
        <source>Use the short name</source>
        <translation>使用简称</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Mini program name</source>
        <translation>小程序名称</translation>
    </message>
    <message>
        <source>Mini program short name</source>
        <translation>小程序简称</translation>
    </message>
    <message>
        <source>Row {0} · {1}</source>
        <translation>第 {0} 行 · {1}</translation>
    </message>
    <message>
        <source>Body {0}/{1}</source>
        <translation>正文 {0}/{1}</translation>
    </message>
    <message numerus="yes">
        <source>Whole message {0}/{1} · %n part(s)</source>
        <translation>
            <numerusform>整条 {0}/{1} · %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n billed part(s) per recipient</source>
        <translation>
            <numerusform>每个收件人计费 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved template, any time of day</source>
        <translation>审核通过的模板，全天可发</translation>
    </message>
    <message>
        <source>Up to 30 characters plus a link, 08:00–22:00 only</source>
        <translation>最多 30 个字加一个链接，仅 08:00–22:00 发送</translation>
    </message>
</context>
<context>
    <name>DetailsExpander</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>no permission: the file or folder is protected or open in another program</source>
        <translation>没有权限：文件或文件夹受保护，或正被其他程序打开</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the network did not answer</source>
        <translation>网络没有响应</translation>
    </message>
    <message>
        <source>the local records could not be read or written</source>
        <translation>本机的发送记录无法读取或写入</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>the file could not be read or written</source>
        <translation>文件无法读取或写入</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>意外的错误</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>发送记录</translation>
    </message>
    <message>
        <source>Every campaign is kept here. Open one to see each number&apos;s result; continue an interrupted one, retry the failed numbers or write the results into the workbook.</source>
        <translation>每次发送都记录在这里。选中一条查看每个号码的结果；可以继续发送已中断的、重试失败的号码，或把结果写回表格。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>Continue sending</source>
        <translation>继续发送</translation>
    </message>
    <message>
        <source>Change schedule…</source>
        <translation>更改预约…</translation>
    </message>
    <message>
        <source>Retry failed numbers</source>
        <translation>重试失败号码</translation>
    </message>
    <message>
        <source>Fetch receipts</source>
        <translation>获取送达回执</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message>
        <source>Copy as new draft</source>
        <translation>复制为新草稿</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>按名称搜索</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) queued again.</source>
        <translation>
            <numerusform>已重新排入 %n 个号码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching the delivery receipts…</source>
        <translation>正在获取送达回执…</translation>
    </message>
    <message>
        <source>Receipts: {0} checked · {1} delivered · {2} not delivered · {3} not known yet.</source>
        <translation>送达回执：核对 {0} 个 · 已送达 {1} · 未送达 {2} · 暂无回执 {3}。</translation>
    </message>
    <message>
        <source>Writing the results…</source>
        <translation>正在写入结果…</translation>
    </message>
    <message>
        <source>Results written to {0}</source>
        <translation>结果已写入 {0}</translation>
    </message>
    <message>
        <source>Loaded into Content as a new draft.</source>
        <translation>已作为新草稿载入“内容”。</translation>
    </message>
    <message>
        <source>That did not work ({0}).</source>
        <translation>操作没有成功（{0}）。</translation>
    </message>
</context>
<context>
    <name>LibraryBar</name>
    <message>
        <source>Save as template</source>
        <translation>保存为模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>删除选中的模板</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template “{0}”? This cannot be undone.</source>
        <translation>删除模板“{0}”？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The template library is not available: {0}</source>
        <translation>无法读取模板库：{0}</translation>
    </message>
    <message>
        <source>Load a template…</source>
        <translation>载入模板…</translation>
    </message>
    <message>
        <source>None saved yet</source>
        <translation>还没有保存的模板</translation>
    </message>
</context>
<context>
    <name>LimitsBox</name>
    <message>
        <source>Sending limits</source>
        <translation>发送限制</translation>
    </message>
    <message>
        <source> per number per day</source>
        <translation> 条/每个号码每天</translation>
    </message>
    <message>
        <source> per number per 7 days</source>
        <translation> 条/每个号码每 7 天</translation>
    </message>
    <message>
        <source> parts per campaign</source>
        <translation> 条/每次发送</translation>
    </message>
    <message>
        <source> parts per day</source>
        <translation> 条/每天</translation>
    </message>
    <message>
        <source>Add a pack</source>
        <translation>添加资源包</translation>
    </message>
    <message>
        <source>The SMS packs bought in the CloudBase console. Check and send shows what is left (billed parts from the platform&apos;s records when fetched, estimates otherwise) and warns when a campaign needs more.</source>
        <translation>在云开发控制台购买的短信资源包。检查并发送 页会显示资源包余量（取回送达回执后按平台记录的计费条数，否则按估算），这次发送需要的条数超过余量时会提醒。</translation>
    </message>
    <message>
        <source>One pack per line: parts, price, bought on, expires on — e.g. 1000, 50, 2026-11-01, 2026-11-30</source>
        <translation>每行一个资源包：条数, 价格, 购买日期, 到期日期，例如 1000, 50, 2026-11-01, 2026-11-30</translation>
    </message>
    <message>
        <source>Frequency cap</source>
        <translation>发送频率上限（防骚扰）</translation>
    </message>
    <message>
        <source>Marketing SMS only, counted over every campaign in History. Numbers over the cap are left out (listed with the rule) and checked again just before each batch. 0 switches a limit off.</source>
        <translation>只限营销短信，按 发送记录 中所有活动计算。超过上限的号码不发送（列出并注明规则），每一批发送前还会再检查一次。填 0 表示不限制。</translation>
    </message>
    <message>
        <source>Resource packs</source>
        <translation>短信资源包</translation>
    </message>
    <message>
        <source>Stop sending at</source>
        <translation>达到上限时停止发送</translation>
    </message>
    <message>
        <source>Sending stops before the batch that would go over; the rest stays pending. 0 means no limit.</source>
        <translation>在会超过上限的那一批之前停止发送，其余号码保持 待发送。填 0 表示不限制。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sandbox</source>
        <translation>练习模式</translation>
    </message>
    <message>
        <source>Check and send</source>
        <translation>检查并发送</translation>
    </message>
    <message>
        <source>History</source>
        <translation>发送记录</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sandbox: the built-in simulator answers; nothing is really sent and nothing is billed.</source>
        <translation>练习模式：由内置模拟器应答，不会真的发送短信，也不会产生费用。</translation>
    </message>
    <message>
        <source>No credentials yet. Try the sandbox first?</source>
        <translation>没有接口凭证，先用练习模式试试？</translation>
    </message>
    <message>
        <source>Use the sandbox</source>
        <translation>使用练习模式</translation>
    </message>
    <message>
        <source>Keyring: checking…</source>
        <translation>密钥环：检查中…</translation>
    </message>
    <message>
        <source>The send history could not be opened: {0}</source>
        <translation>无法打开发送记录：{0}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Sandbox · Environment ID {0}</source>
        <translation>练习模式 · 环境ID {0}</translation>
    </message>
    <message>
        <source>Live · Environment ID {0}</source>
        <translation>正式发送 · 环境ID {0}</translation>
    </message>
    <message>
        <source>Saved as template “{0}”.</source>
        <translation>已保存为模板“{0}”。</translation>
    </message>
    <message>
        <source>Keyring: {0}</source>
        <translation>密钥环：{0}</translation>
    </message>
    <message>
        <source>Keyring: not available</source>
        <translation>密钥环：不可用</translation>
    </message>
    <message>
        <source>The sandbox is not available: {0}</source>
        <translation>练习模式不可用：{0}</translation>
    </message>
    <message>
        <source>Scheduled campaign {0}: sending now.</source>
        <translation>定时发送 {0}：现在开始发送。</translation>
    </message>
    <message>
        <source>Another campaign is being sent; campaign {0} stays scheduled.</source>
        <translation>正在发送另一个活动；发送记录 {0} 仍然保持预约。</translation>
    </message>
    <message>
        <source>A send is in progress</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Stop sending and close? The batch being sent finishes first; the campaign can be continued later from History.</source>
        <translation>停止发送并关闭？正在发送的批次会先完成；之后可以在“发送记录”中继续发送。</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>继续发送</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>Columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>没有标题行</translation>
    </message>
    <message>
        <source>Import again</source>
        <translation>重新导入</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>标题行</translation>
    </message>
    <message>
        <source>Phone number column</source>
        <translation>手机号所在列</translation>
    </message>
    <message>
        <source>The phone column was guessed. Check the sheet, the header row and the column, then import again.</source>
        <translation>手机号所在列是推测的。请核对工作表、标题行和手机号列，然后重新导入。</translation>
    </message>
    <message>
        <source>Change the sheet, the header row or the phone column, then import again.</source>
        <translation>可更改工作表、标题行或手机号列，然后重新导入。</translation>
    </message>
</context>
<context>
    <name>MarketingForm</name>
    <message>
        <source>What you want to say, at most 30 characters</source>
        <translation>想告诉客户的话，最多 30 个字</translation>
    </message>
    <message>
        <source>Required, e.g. /index.html</source>
        <translation>必填，例如 /index.html（短链接打开的页面）</translation>
    </message>
    <message>
        <source>Custom content</source>
        <translation>自定义内容</translation>
    </message>
    <message>
        <source>Static-site path</source>
        <translation>静态网站路径</translation>
    </message>
    <message>
        <source>The page the short link opens; the platform makes the link.</source>
        <translation>短链接打开的页面；链接由平台生成。</translation>
    </message>
    <message>
        <source>Unsubscribe text</source>
        <translation>退订提示</translation>
    </message>
</context>
<context>
    <name>NotificationForm</name>
    <message>
        <source>e.g. 923584</source>
        <translation>例如 923584</translation>
    </message>
    <message>
        <source>The approved template text, with {1}, {2} … for the parameters</source>
        <translation>审核通过的模板原文，变量写作 {1}、{2} …</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>模板变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Import recipients to fill a parameter from a column, e.g. each person&apos;s name.</source>
        <translation>导入收件人后，模板变量可以取自表格的一列，例如每个人的姓名。</translation>
    </message>
    <message>
        <source>Template ID</source>
        <translation>模板ID</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Template parameters</source>
        <translation>模板变量</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Column: {0}</source>
        <translation>列：{0}</translation>
    </message>
    <message>
        <source>Each recipient&apos;s {0}</source>
        <translation>每位收件人的{0}</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste numbers</source>
        <translation>粘贴号码</translation>
    </message>
    <message>
        <source>One number per line (commas, semicolons and tabs also separate numbers).</source>
        <translation>每行一个号码（也可用逗号、分号或制表符分隔）。</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>The text passes every check.</source>
        <translation>短信内容通过全部检查。</translation>
    </message>
    <message>
        <source>No recipient is left to send to.</source>
        <translation>没有可发送的收件人。</translation>
    </message>
    <message>
        <source>Inside the Marketing send window (08:00–22:00 Beijing time).</source>
        <translation>现在在营销短信发送时段内（北京时间 08:00–22:00）。</translation>
    </message>
    <message>
        <source>Outside the Marketing send window (08:00–22:00): sending waits until {0}.</source>
        <translation>不在营销短信发送时段（08:00–22:00）：将等到 {0} 再发送。</translation>
    </message>
    <message>
        <source>Set the static-site domain in Settings to check the landing page.</source>
        <translation>在“设置”中填写静态网站域名后即可检查落地页。</translation>
    </message>
    <message>
        <source>Checking the landing page…</source>
        <translation>正在检查落地页…</translation>
    </message>
    <message>
        <source>Add your own numbers in Settings to send a test first.</source>
        <translation>在“设置”中填写自己的手机号，可先测试发送。</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview on the phone</source>
        <translation>手机上的样子</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Preview for recipient</source>
        <translation>预览的收件人</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Open an Excel, CSV or text file with the phone numbers, or drop it here. Invalid numbers and duplicates are set aside and listed below.</source>
        <translation>打开含有手机号的 Excel、CSV 或文本文件，或把文件拖到这里。无效号码和重复号码会被单独列出，不会发送。</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Paste numbers…</source>
        <translation>粘贴号码…</translation>
    </message>
    <message>
        <source>Adjust columns</source>
        <translation>调整列</translation>
    </message>
    <message>
        <source>Suppression list…</source>
        <translation>退订名单…</translation>
    </message>
    <message>
        <source>Sample workbook…</source>
        <translation>下载示例表格…</translation>
    </message>
    <message>
        <source>Practise with the sample workbook</source>
        <translation>用示例表格练习</translation>
    </message>
    <message>
        <source>No file imported yet.</source>
        <translation>还没有导入文件。</translation>
    </message>
    <message>
        <source>Invalid numbers</source>
        <translation>无效号码</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Cell value</source>
        <translation>原内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复号码</translation>
    </message>
    <message>
        <source>Repeats row</source>
        <translation>重复的是第几行</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Open recipients file</source>
        <translation>打开收件人文件</translation>
    </message>
    <message>
        <source>Spreadsheets and text (*.xlsx *.xlsm *.xls *.csv *.txt);;All files (*)</source>
        <translation>表格和文本 (*.xlsx *.xlsm *.xls *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Reading the pasted numbers…</source>
        <translation>正在读取粘贴的号码…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read…</source>
        <translation>
            <numerusform>已读取 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the sample workbook</source>
        <translation>保存示例表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Sample workbook saved to {0}</source>
        <translation>示例表格已保存到 {0}</translation>
    </message>
    <message>
        <source>The sample workbook could not be saved ({0}).</source>
        <translation>示例表格没能保存（{0}）。</translation>
    </message>
    <message>
        <source>Import stopped.</source>
        <translation>已停止导入。</translation>
    </message>
    <message>
        <source>The file could not be read ({0}). Check that it is a spreadsheet or text file.</source>
        <translation>无法读取这个文件（{0}）。请确认它是表格或文本文件。</translation>
    </message>
    <message>
        <source>the pasted numbers</source>
        <translation>粘贴的号码</translation>
    </message>
    <message>
        <source>Importing {0} failed; no recipients are loaded now.</source>
        <translation>导入 {0} 失败，现在没有载入任何收件人。</translation>
    </message>
    <message>
        <source>The list from {0} was removed.</source>
        <translation>之前载入的名单（{0}）已清除，不会发给其中的号码。</translation>
    </message>
    <message>
        <source>pasted numbers</source>
        <translation>粘贴的号码</translation>
    </message>
    <message>
        <source>Technical detail: {0}</source>
        <translation>技术细节：{0}</translation>
    </message>
    <message>
        <source>{0}: {1} numbers can be sent to.</source>
        <translation>{0}：可发送 {1} 个号码。</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>Invalid numbers: {0} · Duplicates: {1} · On the suppression list: {2} · Blank rows: {3}</source>
        <translation>无效号码 {0} 个 · 重复号码 {1} 个 · 在退订名单中 {2} 个 · 空行 {3} 行</translation>
    </message>
    <message>
        <source>Phone numbers taken from column “{0}”{1}.</source>
        <translation>手机号取自“{0}”列{1}。</translation>
    </message>
    <message>
        <source>, sheet “{0}”</source>
        <translation>，工作表“{0}”</translation>
    </message>
    <message>
        <source>This sheet is hidden in Excel; it was read because you chose it.</source>
        <translation>这个工作表在 Excel 里是隐藏的，按你的选择读取。</translation>
    </message>
    <message>
        <source>The phone column was guessed; check that it is the right one.</source>
        <translation>手机号列是自动识别的，请确认是否正确。</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>Nothing to show yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Delivery over time appears once the receipts are fetched.</source>
        <translation>获取送达回执后显示送达时间分布。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>送达率</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Pending / unknown</source>
        <translation>待发送 / 结果未知</translation>
    </message>
    <message>
        <source>Estimated parts</source>
        <translation>预计计费条数</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Billed parts (platform)</source>
        <translation>实际计费条数</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>发送报告</translation>
    </message>
    <message>
        <source>Price per part ¥{0} (Settings)</source>
        <translation>单价 ¥{0}（设置）</translation>
    </message>
    <message>
        <source>Delivered, by minutes after sending</source>
        <translation>送达时间分布（发送后分钟数）</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>按原因分组的失败号码</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Fetch receipts</source>
        <translation>获取送达回执</translation>
    </message>
    <message>
        <source>Save as PDF / PNG…</source>
        <translation>保存为 PDF / 图片…</translation>
    </message>
    <message>
        <source>Delivered, by minutes after sending</source>
        <translation>送达时间分布（发送后分钟数）</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>按原因分组的失败号码</translation>
    </message>
    <message>
        <source>Outcome of every row</source>
        <translation>每一行的结果</translation>
    </message>
    <message>
        <source>Scheduled {0} (Beijing time): the queued numbers go out then. Change or cancel it in History.</source>
        <translation>已预约 {0}（北京时间）：重新排队的号码届时发出。可在 发送记录 中更改或取消预约。</translation>
    </message>
    <message>
        <source>No delivery receipts yet: fetch them to see what was delivered and billed.</source>
        <translation>还没有送达回执：获取后可以看到送达情况和实际计费条数。</translation>
    </message>
    <message>
        <source>Receipts: {0} delivered · {1} not delivered · {2} not known yet.</source>
        <translation>送达回执：已送达 {0} · 未送达 {1} · 暂无回执 {2}</translation>
    </message>
    <message>
        <source>Show these numbers</source>
        <translation>查看这些号码</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Retry later…</source>
        <translation>稍后重试…</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) queued again; the campaign resumes at {0} (Beijing time).</source>
        <translation>
            <numerusform>%n 个号码已重新排队，将于 {0}（北京时间）继续发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>No number of this group can be retried; nothing was scheduled.</source>
        <translation>这一组没有可以重试的号码，没有预约任何发送。</translation>
    </message>
    <message>
        <source>Add to suppression list</source>
        <translation>加入退订名单</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <source>A campaign is being sent; try again when it has finished.</source>
        <translation>正在发送短信，请等发送结束后再试。</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) queued again; sending.</source>
        <translation>
            <numerusform>已重新排队 %n 个号码，正在发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) added to the suppression list.</source>
        <translation>
            <numerusform>已把 %n 个号码加入退订名单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching the delivery receipts…</source>
        <translation>正在获取送达回执…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>报告已保存到 {0}</translation>
    </message>
    <message>
        <source>That did not work ({0}).</source>
        <translation>操作没有成功（{0}）。</translation>
    </message>
</context>
<context>
    <name>ResultsFileDialog</name>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Close {0} in Excel first, then click Retry.</source>
        <translation>请先在 Excel 中关闭 {0}，再点重试。</translation>
    </message>
    <message>
        <source>The folder {0} does not allow saving files. Click Save as… to choose another folder.</source>
        <translation>文件夹 {0} 不允许保存文件。请点“另存为…”换一个文件夹。</translation>
    </message>
    <message>
        <source>The results were not written</source>
        <translation>结果没有写入</translation>
    </message>
    <message>
        <source>Every result is kept in History; nothing is lost.</source>
        <translation>每个号码的结果都保存在发送记录里，不会丢失。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>RetryLaterDialog</name>
    <message>
        <source>Retry later</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <source>In 30 minutes</source>
        <translation>30 分钟后</translation>
    </message>
    <message>
        <source>In 2 hours</source>
        <translation>2 小时后</translation>
    </message>
    <message>
        <source>Tomorrow 08:00</source>
        <translation>明天 08:00</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) will be queued again and sent at the chosen time (Beijing time), once. Nothing is sent before then; you can change or cancel it in History.</source>
        <translation>
            <numerusform>%n 个号码将重新排队，在选定的时间（北京时间）发送一次。到时间之前不会发出任何短信；可在 发送记录 中更改或取消预约。</numerusform>
        </translation>
    </message>
    <message>
        <source>Marketing SMS go out only between {0} and {1} (Beijing time): the choices below are inside it; another time outside it is refused.</source>
        <translation>营销短信只能在北京时间 {0}–{1} 之间发送：下面的选项都在发送时段内；发送时段以外的时间不能预约。</translation>
    </message>
    <message>
        <source>At this time:</source>
        <translation>指定时间：</translation>
    </message>
    <message>
        <source>Schedule the retry</source>
        <translation>预约重试</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check and send</source>
        <translation>检查并发送</translation>
    </message>
    <message>
        <source>Check the totals and the pre-flight checks, send a test to your own numbers, then send.</source>
        <translation>核对数量和费用、查看发送前检查，先测试发送到自己的手机，再正式发送。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>群发名称</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Recipients file</source>
        <translation>收件人文件</translation>
    </message>
    <message>
        <source>Parts per message</source>
        <translation>每人计费条数</translation>
    </message>
    <message>
        <source>Total billed parts</source>
        <translation>计费条数合计</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Pre-flight checks</source>
        <translation>发送前检查</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Send a test to my numbers</source>
        <translation>测试发送到我的手机</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <source>Import the recipients first (step Recipients).</source>
        <translation>请先导入收件人（“收件人”一步）。</translation>
    </message>
    <message>
        <source>Opening the send history…</source>
        <translation>正在打开发送记录…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Notification SMS</source>
        <translation>通知短信</translation>
    </message>
    <message>
        <source>Marketing SMS</source>
        <translation>营销短信</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>¥{0} (¥{1} per part)</source>
        <translation>¥{0}（每条 ¥{1}）</translation>
    </message>
    <message>
        <source>Suppression list {0} · invalid {1} · duplicates {2}</source>
        <translation>退订名单 {0} · 无效号码 {1} · 重复号码 {2}</translation>
    </message>
    <message>
        <source> · over the frequency cap {0} (listed in History with the rule, exportable)</source>
        <translation> · 超过发送频率上限 {0}（在 发送记录 中列出并注明规则，可导出）</translation>
    </message>
    <message>
        <source>Resource packs: {0} parts left; this campaign needs {1}.</source>
        <translation>资源包余量 {0} 条，这次需要 {1} 条。</translation>
    </message>
    <message>
        <source>The campaign could not be checked ({0}).</source>
        <translation>无法检查这次发送（{0}）。</translation>
    </message>
    <message>
        <source>Not confirmed; nothing was sent.</source>
        <translation>未确认，没有发出任何短信。</translation>
    </message>
    <message>
        <source>Not sent again; nothing was sent.</source>
        <translation>没有再发一次，没有发出任何短信。</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>定时发送…</translation>
    </message>
    <message>
        <source>Campaign {0} scheduled for {1}; it is listed in History as Scheduled.</source>
        <translation>发送记录 {0} 已预约在 {1} 发送，在 发送记录 中显示为 已预约。</translation>
    </message>
    <message>
        <source>No test numbers yet: add your own numbers in Settings first.</source>
        <translation>还没有测试号码：请先在“设置”中填写自己的手机号。</translation>
    </message>
    <message>
        <source>Test send</source>
        <translation>测试发送</translation>
    </message>
    <message>
        <source>Storing the campaign…</source>
        <translation>正在保存发送记录…</translation>
    </message>
    <message>
        <source>Campaign {0} stored; sending.</source>
        <translation>已保存发送记录 {0}，正在发送。</translation>
    </message>
    <message>
        <source>The campaign could not be stored ({0}).</source>
        <translation>无法保存这次发送（{0}）。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Scheduled send</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <source>Campaign {0} missed its scheduled time {1} (Beijing time): the app was closed or the computer was asleep. Nothing was sent.</source>
        <translation>发送记录 {0} 错过预约时间 {1}（北京时间）：当时程序没有打开，或电脑在睡眠。没有发出任何短信。</translation>
    </message>
    <message>
        <source>Campaign {0} is scheduled for {1} (Beijing time).</source>
        <translation>发送记录 {0} 已预约在 {1}（北京时间）发送。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Re-schedule</source>
        <translation>重新预约</translation>
    </message>
    <message>
        <source>Cancel the schedule</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>New time (Beijing):</source>
        <translation>新的时间（北京时间）：</translation>
    </message>
</context>
<context>
    <name>ScheduleOption</name>
    <message>
        <source>Scheduled send</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <source>Schedule this campaign for {0} (Beijing time)? Nothing is sent before then; you can change or cancel it in History until it starts.</source>
        <translation>预约在 {0}（北京时间）发送？到时间之前不会发出任何短信；开始发送之前，可以在 发送记录 中更改或取消预约。</translation>
    </message>
</context>
<context>
    <name>ScheduleWatcher</name>
    <message>
        <source>Campaign {0} scheduled for {1}.</source>
        <translation>发送记录 {0} 已预约在 {1}。</translation>
    </message>
    <message>
        <source>Schedule of campaign {0} cancelled; nothing was sent.</source>
        <translation>发送记录 {0} 的预约已取消，没有发出任何短信。</translation>
    </message>
</context>
<context>
    <name>SendConfirmation</name>
    <message>
        <source>pasted numbers</source>
        <translation>粘贴的号码</translation>
    </message>
    <message>
        <source>Send “{0}”?</source>
        <translation>发送「{0}」？</translation>
    </message>
    <message>
        <source>Recipients from {0}: {1} numbers in {2} batches.</source>
        <translation>收件人来自 {0}：{1} 个号码，分 {2} 批。</translation>
    </message>
    <message>
        <source>Billed in total: {0} parts, about ¥{1}.</source>
        <translation>计费条数合计 {0} 条，约 ¥{1}。</translation>
    </message>
    <message>
        <source>It is outside the Marketing send window (08:00–22:00 Beijing time): sending starts on {0} (Beijing time). Keep this app open until then.</source>
        <translation>现在不在营销短信发送时段（北京时间 08:00–22:00）：将在 {0}（北京时间）开始发送。在那之前请保持本软件打开。</translation>
    </message>
    <message>
        <source>This is the sandbox: nothing is really sent.</source>
        <translation>这是练习模式：不会真的发出短信。</translation>
    </message>
    <message>
        <source>This is a live send.</source>
        <translation>这是正式发送，会真实扣费。</translation>
    </message>
    <message>
        <source>Confirm sending</source>
        <translation>确认发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Do not send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>Send it again anyway?</source>
        <translation>仍然要再发一次吗？</translation>
    </message>
    <message>
        <source>Send the same messages again?</source>
        <translation>再发一次同样的短信？</translation>
    </message>
    <message>
        <source>Send again anyway</source>
        <translation>仍然再发一次</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>Progress</source>
        <translation>发送进度</translation>
    </message>
    <message>
        <source>Nothing is being sent.</source>
        <translation>当前没有发送任务。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stops after the batch being sent; the campaign can be resumed later.</source>
        <translation>正在发送的批次完成后停止；之后可以继续发送。</translation>
    </message>
    <message>
        <source>Preparing campaign {0}…</source>
        <translation>正在准备发送记录 {0}…</translation>
    </message>
    <message>
        <source>Could not read the campaign: {0}</source>
        <translation>无法读取发送记录：{0}</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pausing after the current batch…</source>
        <translation>当前批次完成后暂停…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>当前批次完成后取消…</translation>
    </message>
    <message>
        <source>Batches {0}/{1}</source>
        <translation>批次 {0}/{1}</translation>
    </message>
    <message>
        <source>waiting until {0}</source>
        <translation>等到 {0}</translation>
    </message>
    <message>
        <source>about {0}:{1:02d} left</source>
        <translation>约剩 {0}:{1:02d}</translation>
    </message>
    <message>
        <source>Checked {0} numbers with an unknown outcome: {1} found in the platform&apos;s records, {2} re-sent.</source>
        <translation>核对了 {0} 个结果未知的号码：平台记录中找到 {1} 个，重新发送 {2} 个。</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>The list imported last time ({0}) is no longer there (moved or deleted): no recipients are loaded. Open the file again.</source>
        <translation>上次导入的名单（{0}）已经找不到了（被移动或删除），现在没有载入收件人。请重新打开文件。</translation>
    </message>
    <message>
        <source>{0} changed since it was imported; it was read again as it is now.</source>
        <translation>{0} 在上次导入后被改过，已按现在的内容重新读取。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file</source>
        <translation>保存在系统密钥环中，不会写进设置文件</translation>
    </message>
    <message>
        <source>Save credentials</source>
        <translation>保存凭证</translation>
    </message>
    <message>
        <source>Test credentials</source>
        <translation>测试凭证</translation>
    </message>
    <message>
        <source>Keyring: checking…</source>
        <translation>密钥环：检查中…</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>接口凭证</translation>
    </message>
    <message>
        <source>Use the short name</source>
        <translation>使用简称</translation>
    </message>
    <message>
        <source>Only for third-party development</source>
        <translation>仅第三方代开发时填写</translation>
    </message>
    <message>
        <source>e.g. your-env-1234.tcloudbaseapp.com</source>
        <translation>例如 your-env-1234.tcloudbaseapp.com</translation>
    </message>
    <message>
        <source>Mini program and environment</source>
        <translation>小程序与环境</translation>
    </message>
    <message>
        <source>Environment ID</source>
        <translation>环境ID</translation>
    </message>
    <message>
        <source>Mini program name</source>
        <translation>小程序名称</translation>
    </message>
    <message>
        <source>Mini program short name</source>
        <translation>小程序简称</translation>
    </message>
    <message>
        <source>Resource mini program AppID</source>
        <translation>资源所属小程序 AppID</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <source>Static-site domain</source>
        <translation>静态网站域名</translation>
    </message>
    <message>
        <source>Your own numbers, separated by commas</source>
        <translation>你自己的手机号，用逗号分隔</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Unsubscribe text</source>
        <translation>退订提示</translation>
    </message>
    <message>
        <source>Resource pack price per part</source>
        <translation>短信资源包单价（每条）</translation>
    </message>
    <message>
        <source>Test numbers</source>
        <translation>测试号码</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Sandbox: the simulator&apos;s own credentials are used.</source>
        <translation>练习模式：使用模拟器自带的接口凭证。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Enter both the AppID and the AppSecret.</source>
        <translation>请同时填写 AppID 和 AppSecret。</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在向平台确认…</translation>
    </message>
    <message>
        <source>Keyring: {0}</source>
        <translation>密钥环：{0}</translation>
    </message>
    <message>
        <source>Keyring backend: {0}</source>
        <translation>密码库类型：{0}</translation>
    </message>
    <message>
        <source>Credentials saved in the keyring.</source>
        <translation>接口凭证已保存到系统密钥环。</translation>
    </message>
    <message>
        <source>(IP seen by the platform: {0})</source>
        <translation>（平台看到的 IP：{0}）</translation>
    </message>
    <message>
        <source>Something went wrong ({0}).</source>
        <translation>出了点问题（{0}）。</translation>
    </message>
</context>
<context>
    <name>StatusFilter</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Failed / retry later</source>
        <translation>发送失败 / 可稍后重试</translation>
    </message>
    <message>
        <source>Outcome unknown / reconciling</source>
        <translation>结果未知 / 核对中</translation>
    </message>
    <message>
        <source>Accepted, no receipt yet</source>
        <translation>已提交，暂无回执</translation>
    </message>
</context>
<context>
    <name>StatusModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送达状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>送达时间</translation>
    </message>
</context>
<context>
    <name>StatusTable</name>
    <message>
        <source>Search a number</source>
        <translation>搜索手机号</translation>
    </message>
</context>
<context>
    <name>SuppressionDialog</name>
    <message>
        <source>Suppression list</source>
        <translation>退订名单</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>Numbers to add, separated by commas</source>
        <translation>要加入的号码，用逗号分隔</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Import the suppression list</source>
        <translation>导入退订名单</translation>
    </message>
    <message>
        <source>Spreadsheets and text (*.xlsx *.xls *.csv *.txt)</source>
        <translation>表格或文本 (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) added.</source>
        <translation>
            <numerusform>已加入 %n 个号码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) removed.</source>
        <translation>
            <numerusform>已移除 %n 个号码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个号码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) on the suppression list.</source>
        <translation>
            <numerusform>退订名单共 %n 个号码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <source>Unsubscribed or blacklisted (reported by the platform)</source>
        <translation>平台退订/黑名单</translation>
    </message>
    <message>
        <source>Imported from {0}</source>
        <translation>导入自 {0}</translation>
    </message>
    <message>
        <source>That did not work ({0}).</source>
        <translation>操作没有成功（{0}）。</translation>
    </message>
</context>
<context>
    <name>TypeSwitch</name>
    <message>
        <source>Marketing SMS</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <source>Notification SMS</source>
        <translation>通知短信</translation>
    </message>
</context>
</TS>
