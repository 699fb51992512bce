<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Marketing SMS</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <source>Notification SMS</source>
        <translation>通知短信</translation>
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
        <source>Mini program name</source>
        <translation>小程序名称</translation>
    </message>
    <message>
        <source>Mini program short name</source>
        <translation>小程序简称</translation>
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
        <source>Pre-flight checks, the test send and the batch sending are not built yet in this version. Use the Content page to write and check the message, and Recipients to check the list.</source>
        <translation>本版本还没有发送前检查、测试发送和分批发送。请先在“内容”页编写并检查短信，在“收件人”页检查号码名单。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>发送记录</translation>
    </message>
    <message>
        <source>Past campaigns and their results will be listed here. This page is not built yet.</source>
        <translation>以往的群发任务和结果将列在这里。本页面尚未完成。</translation>
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
        <source>Keyring: checking…</source>
        <translation>密钥环：检查中…</translation>
    </message>
    <message>
        <source>The recipients import is not available.</source>
        <translation>收件人导入功能不可用。</translation>
    </message>
    <message>
        <source>The settings are not available.</source>
        <translation>设置功能不可用。</translation>
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
        <source>Keyring: {0}</source>
        <translation>密钥环：{0}</translation>
    </message>
    <message>
        <source>Keyring: not available</source>
        <translation>密钥环：不可用</translation>
    </message>
</context>
<context>
    <name>MarketingForm</name>
    <message>
        <source>What you want to say, at most 30 characters</source>
        <translation>想告诉客户的话，最多 30 个字</translation>
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
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview on the phone</source>
        <translation>手机上的样子</translation>
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
        <source>The file could not be read ({0}). Check that it is a spreadsheet or text file.</source>
        <translation>无法读取这个文件（{0}）。请确认它是表格或文本文件。</translation>
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
        <source>The phone column was guessed; check that it is the right one.</source>
        <translation>手机号列是自动识别的，请确认是否正确。</translation>
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
</TS>
