<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>e.g. 张敏</source>
        <translation>例如：张敏</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name (printed as handler)</source>
        <translation>姓名（印在证明的经办人处）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Name of {name}</source>
        <translation>账号 {name} 的姓名</translation>
    </message>
    <message>
        <source>The person&apos;s own name, printed as the handler on the certificates this account issues from now on. The user name to log in with stays “{name}”.</source>
        <translation>本人姓名，今后此账号出具的志愿服务证明上印为经办人。登录用的用户名仍为“{name}”。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>新增账号…</translation>
    </message>
    <message>
        <source>Change name…</source>
        <translation>修改姓名…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Disable the account “{name}”? It can no longer log in; its entries in the log stay.</source>
        <translation>停用账号“{name}”？停用后不能再登录，其操作记录仍保留在日志中。</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
    <message>
        <source>Change my password ({name})</source>
        <translation>修改我的密码（{name}）</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password has been changed. Use the new one from the next login.</source>
        <translation>密码已修改，下次登录请使用新密码。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This register was written by a newer version of the program. Please install the newer version to open it.</source>
        <translation>这个登记库是由更新版本的程序写入的，请安装新版程序后再打开。</translation>
    </message>
    <message>
        <source>The register could not be opened.</source>
        <translation>无法打开登记库。</translation>
    </message>
    <message>
        <source>Street Office Registry</source>
        <translation>街道社会工作登记台</translation>
    </message>
    <message>
        <source>Creating demonstration data…</source>
        <translation>正在生成演示数据……</translation>
    </message>
    <message>
        <source>The register is not empty; no demonstration data added.</source>
        <translation>登记库不是空的，没有添加演示数据。</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>Approve hours</source>
        <translation>审核时长</translation>
    </message>
    <message>
        <source>{count} of the lines chosen you recorded yourself: another clerk or an administrator approves them.</source>
        <translation>有 {count} 条是您本人登记的，需要由其他办事员或管理员审核。</translation>
    </message>
    <message>
        <source>{count} were approved before.</source>
        <translation>有 {count} 条此前已经审核过。</translation>
    </message>
    <message>
        <source>{count} are no longer in the register.</source>
        <translation>有 {count} 条已不在登记库中（可能已被删除）。</translation>
    </message>
    <message>
        <source>Approve {lines} lines of hours for {people} people, {hours} hours in all?</source>
        <translation>将审核 {lines} 条时长记录，涉及 {people} 人，合计 {hours} 小时。确定审核吗？</translation>
    </message>
    <message>
        <source>Approved hours count in the volunteers&apos; totals and can no longer be edited, only corrected.</source>
        <translation>审核后计入志愿者的累计时长，不能再修改，只能更正。</translation>
    </message>
    <message>
        <source>Not approved:</source>
        <translation>不会审核的记录：</translation>
    </message>
    <message>
        <source>Approved {lines} lines of hours for {people} people, {hours} hours in all.</source>
        <translation>已审核 {lines} 条时长记录，涉及 {people} 人，合计 {hours} 小时，已计入累计时长。</translation>
    </message>
    <message>
        <source>Nothing was approved.</source>
        <translation>没有可以由您审核的记录，这次没有审核任何记录。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Select the lines to approve in the list first (Ctrl or Shift and a click select several).</source>
        <translation>请先在列表中选择要审核的时长记录（按住 Ctrl 或 Shift 点击可以多选）。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Code (administrative division)</source>
        <translation>代码（行政区划代码）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Area settings</source>
        <translation>区划设置</translation>
    </message>
    <message>
        <source>Population of the year</source>
        <translation>人口年份</translation>
    </message>
    <message>
        <source>Street / community</source>
        <translation>街道 / 社区</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>人口来源</translation>
    </message>
    <message>
        <source>Add street…</source>
        <translation>添加街道…</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>添加社区…</translation>
    </message>
    <message>
        <source>Edit name and population…</source>
        <translation>修改名称和人口…</translation>
    </message>
    <message>
        <source>This is our street</source>
        <translation>设为本街道</translation>
    </message>
    <message>
        <source>A year without its own figure uses the latest earlier year&apos;s, or the district file&apos;s. Every change is recorded in the operation log.</source>
        <translation>某年没有单独填写人口时，沿用此前最近一年的数字，再没有则用区县配置文件中的数字。每一项修改都记入操作日志。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No district yet</source>
        <translation>还没有区县</translation>
    </message>
    <message>
        <source> (this office)</source>
        <translation>（本街道）</translation>
    </message>
    <message>
        <source>district file</source>
        <translation>区县配置文件</translation>
    </message>
    <message>
        <source>{year}&apos;s own</source>
        <translation>{year} 年数字</translation>
    </message>
    <message>
        <source>as in {year}</source>
        <translation>沿用 {year} 年</translation>
    </message>
    <message>
        <source>The register has no district yet: an administrator applies the district file (set-up at first start, or the command “district apply”).</source>
        <translation>登记库中还没有区县：请管理员套用区县配置文件（首次启动时的设置，或命令“district apply”）。</translation>
    </message>
    <message>
        <source>Add street</source>
        <translation>添加街道</translation>
    </message>
    <message>
        <source>Street {name} added.</source>
        <translation>已添加街道“{name}”。</translation>
    </message>
    <message>
        <source>Add community</source>
        <translation>添加社区</translation>
    </message>
    <message>
        <source>Residents in {year}</source>
        <translation>{year} 年常住人口</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>已添加社区“{name}”。</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>修改“{name}”</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>This office&apos;s street is now {name}: certificates name it as issuer.</source>
        <translation>本街道已设为“{name}”：志愿服务证明以它为出具单位。</translation>
    </message>
</context>
<context>
    <name>Attendees</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>“{name}” is {count} volunteers: tick the one who took part</source>
        <translation>“{name}”有 {count} 位同名志愿者，没有自动勾选：请勾选参加活动的那一位</translation>
    </message>
    <message>
        <source>Nobody is named “{name}”; {count} names contain it: tick the one who took part</source>
        <translation>没有名叫“{name}”的在册志愿者，名字相近的有 {count} 位，没有自动勾选：请勾选参加活动的那一位</translation>
    </message>
    <message>
        <source> (only the first {count} are listed: paste the ID number instead)</source>
        <translation>（只列出前 {count} 位，请改为粘贴证件号码）</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <source>change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>search by number</source>
        <translation>按号码查找</translation>
    </message>
    <message>
        <source>create</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deactivate</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>export with full numbers</source>
        <translation>导出完整号码</translation>
    </message>
    <message>
        <source>show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>培训签到</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>年检</translation>
    </message>
    <message>
        <source>issue certificate</source>
        <translation>出具证明</translation>
    </message>
    <message>
        <source>reprint certificate</source>
        <translation>补打证明</translation>
    </message>
    <message>
        <source>extend registration</source>
        <translation>延续注册</translation>
    </message>
    <message>
        <source>extend evaluation grades</source>
        <translation>延长评估等级</translation>
    </message>
    <message>
        <source>merge person records</source>
        <translation>合并人员记录</translation>
    </message>
    <message>
        <source>set preset</source>
        <translation>设置标准</translation>
    </message>
    <message>
        <source>apply district file</source>
        <translation>套用区县配置</translation>
    </message>
    <message>
        <source>area settings</source>
        <translation>区划设置</translation>
    </message>
    <message>
        <source>erase after retention period</source>
        <translation>到期删除个人信息</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>copy the register</source>
        <translation>复制登记库</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>set up server rights</source>
        <translation>设置服务器权限</translation>
    </message>
    <message>
        <source>add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>disable account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>change account&apos;s name</source>
        <translation>修改账号姓名</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>social worker</source>
        <translation>持证社工</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>annual inspection</source>
        <translation>年检</translation>
    </message>
    <message>
        <source>evaluation grade</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <source>service project</source>
        <translation>购买服务项目</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>community&apos;s population of a year</source>
        <translation>社区年度人口</translation>
    </message>
    <message>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>rule preset</source>
        <translation>规则标准</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>volunteer&apos;s organization</source>
        <translation>志愿者所属组织</translation>
    </message>
    <message>
        <source>register</source>
        <translation>登记库</translation>
    </message>
    <message>
        <source>search index</source>
        <translation>查找索引</translation>
    </message>
    <message>
        <source>yearly hours</source>
        <translation>年度时长</translation>
    </message>
    <message>
        <source>community&apos;s yearly hours</source>
        <translation>社区年度时长</translation>
    </message>
    <message>
        <source>organization&apos;s yearly hours</source>
        <translation>组织年度时长</translation>
    </message>
    <message>
        <source>monthly hours by category</source>
        <translation>分类月度时长</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>服务证明</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>关闭程序时</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Encrypted backups (*.enc)</source>
        <translation>加密备份 (*.enc)</translation>
    </message>
    <message>
        <source>Backups (*.zst *.sqlite3 *.enc);;All files (*)</source>
        <translation>备份文件 (*.zst *.sqlite3 *.enc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>not named (an older backup)</source>
        <translation>未注明（旧备份）</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Of the register</source>
        <translation>所属登记库</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Export an encrypted backup…</source>
        <translation>导出加密备份…</translation>
    </message>
    <message>
        <source>For a USB stick or the district: a backup no one can read without its passphrase.</source>
        <translation>用于拷到U盘或交给区里：没有口令，谁也读不了这份备份。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This register is kept on a shared database server (PostgreSQL). The server&apos;s administrator backs it up; this program makes no file backups of it.</source>
        <translation>本登记库保存在共享数据库服务器（PostgreSQL）上，由服务器管理员负责备份，本程序不做文件备份。</translation>
    </message>
    <message>
        <source>Backups are made every 30 minutes while data changes, when the program closes and before every import. Each is compressed and checked; all of the last 24 hours are kept, then one a day, a week and a month, within the room on the disk.
Register: {register}
Backups folder: {folder}</source>
        <translation>数据有改动时每 30 分钟自动备份一次，关闭程序时和每次导入前也会备份。每份备份都经过压缩和校验；最近 24 小时的备份全部保留，更早的按天、按周、按月各留一份，总量不超过磁盘空间允许的限度。
登记库：{register}
备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>正在备份登记库…</translation>
    </message>
    <message>
        <source>Replace ALL the data of the register
{register}
with the backup made at {when} ({name})?

Everything entered after that backup will be gone from the register. What is replaced is backed up first, so this can be undone.</source>
        <translation>用 {when} 的备份（{name}）替换登记库
{register}
中的全部数据？

该备份之后录入的所有内容都将从登记库中消失。替换前会先自动备份当前数据，必要时可以还原。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>{name}-{when}-encrypted.enc</source>
        <translation>{name}-{when}-加密备份.enc</translation>
    </message>
    <message>
        <source>Export an encrypted backup</source>
        <translation>导出加密备份</translation>
    </message>
    <message>
        <source>Encrypted backup exported</source>
        <translation>已导出加密备份</translation>
    </message>
    <message>
        <source>The encrypted backup was saved as
{path}

Keep its passphrase apart from the file: without it the backup cannot be restored.</source>
        <translation>加密备份已保存为
{path}

请把口令与文件分开保管：没有口令，这份备份无法恢复。</translation>
    </message>
    <message>
        <source>Exporting an encrypted backup…</source>
        <translation>正在导出加密备份…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Replace ALL the data of the register
{register}
with the backup in
{name}?

Everything entered after that backup will be gone from the register. What is replaced is backed up first, so this can be undone.</source>
        <translation>用备份文件
{name}
替换登记库
{register}
中的全部数据？

该备份之后录入的内容将从登记库中消失。替换前会先自动备份当前数据，必要时可以还原。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The register was restored from {name}. The data it replaced was backed up to {saved}.</source>
        <translation>已从 {name} 恢复登记库。被替换的数据已备份到 {saved}。</translation>
    </message>
    <message>
        <source>Restoring the register…</source>
        <translation>正在恢复登记库…</translation>
    </message>
    <message>
        <source>Passphrase of the encrypted backup</source>
        <translation>加密备份的口令</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters, for example a sentence no one would guess. Keep it apart from the file (not on the same USB stick): without it no one, not even this program, can restore the backup.</source>
        <translation>请设定至少 10 个字符的口令，例如一句别人猜不到的话。口令要与文件分开保管（不要写在同一个U盘上）：没有口令，任何人（包括本程序）都无法恢复这份备份。</translation>
    </message>
    <message>
        <source>This backup is encrypted. Type the passphrase it was exported with.</source>
        <translation>这是一份加密备份。请输入导出时设定的口令。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Save the certificate as</source>
        <translation>证明保存为</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>正在生成证明…</translation>
    </message>
    <message>
        <source>Certificate saved</source>
        <translation>证明已保存</translation>
    </message>
    <message>
        <source>The certificate was saved to
{path}

Open it now to print?</source>
        <translation>证明已保存到
{path}

现在打开并打印吗？</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>累计时长</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>证书等级</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>取得年份</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>登记有效期至</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>CE hours</source>
        <translation>继续教育学时</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织名称</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>继续教育</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Activity / content</source>
        <translation>活动/服务内容</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>详细情况已写入日志文件：
{path}</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>日志文件无法写入。</translation>
    </message>
    <message>
        <source> (in the background database work)</source>
        <translation>（在后台数据库处理中）</translation>
    </message>
    <message>
        <source>The program met an unexpected error{place} and could not finish what it was doing:

{error}

Your register was not changed by the unfinished step. Please save your work, restart the program if it misbehaves, and send the log file to whoever looks after the program.

{where}</source>
        <translation>程序遇到意外错误{place}，没能完成刚才的操作：

{error}

未完成的这一步没有改动登记库。请保存手头的工作；如程序运行不正常，请重新启动，并把日志文件发给负责维护本程序的人员。

{where}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出现错误：{error}</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Full ID and phone numbers (the export is logged)</source>
        <translation>导出完整身份证号和电话（将记入操作日志）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Rosters are written as Excel workbooks with Chinese headers; ID and phone numbers are masked unless you choose otherwise.</source>
        <translation>花名册导出为 Excel 工作簿，表头为中文；除非特别选择，身份证号和电话号码均做遮挡处理。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Roster export</source>
        <translation>花名册导出</translation>
    </message>
    <message>
        <source>Choose a training</source>
        <translation>请选择培训</translation>
    </message>
    <message>
        <source>(applies to: {what})</source>
        <translation>（按{what}）</translation>
    </message>
    <message>
        <source>Save roster as</source>
        <translation>花名册保存为</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>Export full ID and phone numbers? This is personal information; the export will be recorded in the audit log.</source>
        <translation>确定导出完整的身份证号和电话号码吗？这些是个人信息，本次导出将记入操作日志。</translation>
    </message>
    <message>
        <source>Writing {title}…</source>
        <translation>正在导出{title}……</translation>
    </message>
    <message>
        <source>Written {rows} rows to {path}</source>
        <translation>已导出 {rows} 行到 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，没有生成文件。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Hours for an activity</source>
        <translation>按活动登记时长</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Type part of a date or name to find it</source>
        <translation>输入日期或活动名称的一部分查找</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>新建活动……</translation>
    </message>
    <message>
        <source>Hours per attendee</source>
        <translation>每人时长</translation>
    </message>
    <message>
        <source>Paste ID numbers or type names, one a line</source>
        <translation>粘贴身份证号或输入姓名，每行一个</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Not ticked, as these name more than one volunteer: {items}. Tick in the list who took part.</source>
        <translation>这些名字对应不止一位志愿者，没有自动勾选：{items}。请在列表中勾选实际参加的人。</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count} 位）</translation>
    </message>
    <message>
        <source>Not found among active volunteers (left in the box above): {items}</source>
        <translation>在册志愿者中找不到（已留在上面的框中，请核对）：{items}</translation>
    </message>
    <message>
        <source>Nobody is ticked for {names}: they get no hours. Save anyway?</source>
        <translation>{names} 还没有勾选是哪一位，这些名字不会登记时长。仍然保存吗？</translation>
    </message>
    <message>
        <source>Choose an activity first.</source>
        <translation>请先选择活动。</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Activity name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Travel (minutes, not credited)</source>
        <translation>路途时间（分钟，不计入时长）</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Served group</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Attendance: {title}</source>
        <translation>培训签到：{title}</translation>
    </message>
    <message>
        <source>Name or start of the ID number</source>
        <translation>姓名或身份证号开头</translation>
    </message>
    <message>
        <source>One ID number per line</source>
        <translation>每行一个身份证号</translation>
    </message>
    <message>
        <source>Tick from the list</source>
        <translation>从名单勾选</translation>
    </message>
    <message>
        <source>Paste ID numbers</source>
        <translation>粘贴身份证号</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>考核合格</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>认定学时</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>the training&apos;s {hours} h</source>
        <translation>默认为培训学时 {hours}</translation>
    </message>
    <message>
        <source>{count} people ticked</source>
        <translation>已勾选 {count} 人</translation>
    </message>
    <message>
        <source>Tick people or paste ID numbers first.</source>
        <translation>请先勾选人员或粘贴身份证号。</translation>
    </message>
    <message>
        <source>These ID numbers are not in the register; nothing was saved. Correct or remove them, or register the people first:</source>
        <translation>以下身份证号不在登记库中，签到没有保存。请改正或删去这些号码，或先登记这些人员：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved with reminders</source>
        <translation>已保存（有提醒）</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>放弃填写的内容？</translation>
    </message>
    <message>
        <source>What you typed in this form has not been saved. Discard it and close the form?</source>
        <translation>这张表里填写的内容还没有保存。要放弃这些内容并关闭吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>Record hours for {name}</source>
        <translation>为{name}登记服务时长</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Correct entry {number}</source>
        <translation>更正第 {number} 条记录</translation>
    </message>
    <message>
        <source>Approved entries are never changed: the correction is a new entry that replaces this one once approved.</source>
        <translation>已审核的记录不会被修改：更正是一条新记录，审核通过后取代原记录。</translation>
    </message>
    <message>
        <source>Correct hours</source>
        <translation>更正后时长</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新增社会组织</translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation>修改社会组织</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>组织名称</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>From the USCC</source>
        <translation>代码信息</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>Recognized as a charity</source>
        <translation>已认定为慈善组织</translation>
    </message>
    <message>
        <source>Recognized as a charity on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Registration authority</source>
        <translation>登记管理机关</translation>
    </message>
    <message>
        <source>Supervising unit</source>
        <translation>业务主管单位</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>业务范围</translation>
    </message>
    <message>
        <source>Service fields</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Registered capital (yuan)</source>
        <translation>注册资金（元）</translation>
    </message>
    <message>
        <source>Filed on (community organizations)</source>
        <translation>备案日期（社区社会组织）</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>活动场所</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>not a civil-affairs code</source>
        <translation>非民政部门登记代码</translation>
    </message>
    <message>
        <source>Registered by: {dept}; type: {kind}</source>
        <translation>登记管理部门：{dept}；机构类别：{kind}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>打开已有记录</translation>
    </message>
    <message>
        <source>Required for this document</source>
        <translation>此证件须填写</translation>
    </message>
    <message>
        <source>unknown region</source>
        <translation>未知地区</translation>
    </message>
    <message>
        <source>Born {date}, {sex}, {region}</source>
        <translation>出生日期 {date}，{sex}，{region}</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>From the document number</source>
        <translation>证件信息</translation>
    </message>
    <message>
        <source>Already in the register: {name}</source>
        <translation>已在登记库中：{name}</translation>
    </message>
    <message>
        <source>New social worker</source>
        <translation>新增持证社工</translation>
    </message>
    <message>
        <source>Edit social worker</source>
        <translation>修改持证社工</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>证书等级</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>取得年份</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>登记证书编号</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Registration valid until</source>
        <translation>登记有效期至</translation>
    </message>
    <message>
        <source>empty: 3 years after registration</source>
        <translation>不填：登记日期后 3 年</translation>
    </message>
    <message>
        <source>Employer (registered)</source>
        <translation>工作单位（已登记组织）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>{name} is already registered as a social worker: open the existing record.</source>
        <translation>{name}已登记为持证社工，请打开已有记录。</translation>
    </message>
    <message>
        <source>{name} is already in the register; saving adds the social worker role to the same person.</source>
        <translation>{name}已在登记库中，保存后为其增加持证社工身份，不会重复建档。</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>新增培训</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Annual inspection: {name}</source>
        <translation>年检结果：{name}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>年检结论</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Evaluation grade: {name}</source>
        <translation>评估等级：{name}</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <source>Awarded on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Purchased-service project: {name}</source>
        <translation>购买服务项目：{name}</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>购买方</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Project status</source>
        <translation>项目状态</translation>
    </message>
    <message>
        <source>Deregister organization</source>
        <translation>注销/撤销社会组织</translation>
    </message>
    <message>
        <source>Mark “{name}” as deregistered (注销) or revoked (撤销)? It stays in the register with its history, but can no longer be chosen for new records.</source>
        <translation>将“{name}”标记为注销或撤销？该组织及其历史记录仍保留在登记库中，但不能再用于新的记录。</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>新状态：</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <source>Counts as continuing education</source>
        <translation>计入继续教育</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit volunteer</source>
        <translation>修改志愿者</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>National system number</source>
        <translation>全国志愿服务信息系统编号</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Service categories</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>May be contacted</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Name may be published</source>
        <translation>同意公示姓名</translation>
    </message>
    <message>
        <source>{name} is already a volunteer: open the existing record instead of creating a second one.</source>
        <translation>{name}已是志愿者，请打开已有记录，不要重复建档。</translation>
    </message>
    <message>
        <source>{name} is already in the register; saving adds the volunteer role to the same person.</source>
        <translation>{name}已在登记库中，保存后为其增加志愿者身份，不会重复建档。</translation>
    </message>
    <message>
        <source>Service certificate for {name}</source>
        <translation>出具志愿服务证明：{name}</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service from</source>
        <translation>服务起始日期</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>服务截止日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>the street office</source>
        <translation>街道办事处</translation>
    </message>
    <message>
        <source>Issuer&apos;s name as printed</source>
        <translation>出具单位名称（打印）</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Print the full ID number (logged)</source>
        <translation>证明上印完整证件号码（记入操作日志）</translation>
    </message>
    <message>
        <source>Extend registrations</source>
        <translation>批量延长登记有效期</translation>
    </message>
    <message>
        <source>Every registered social worker whose registration expires between the two dates is extended by the months given. Use this only after a policy change, and name it as the reason.</source>
        <translation>登记有效期在这两个日期之间到期的所有在册社工，都将延长所填的月数。仅在政策调整后使用，并把政策文件写作依据。</translation>
    </message>
    <message>
        <source>Expiring from</source>
        <translation>到期起始日期</translation>
    </message>
    <message>
        <source>Expiring until</source>
        <translation>到期截止日期</translation>
    </message>
    <message>
        <source>Extend by (months)</source>
        <translation>延长月数</translation>
    </message>
    <message>
        <source>Policy (reason)</source>
        <translation>延长依据</translation>
    </message>
    <message>
        <source>Registrations extended</source>
        <translation>已延长登记有效期</translation>
    </message>
    <message>
        <source>{count} registrations were extended.</source>
        <translation>已延长 {count} 人的登记有效期。</translation>
    </message>
    <message>
        <source>Community *</source>
        <translation>所在社区 *</translation>
    </message>
    <message>
        <source>(choose the community)</source>
        <translation>（请选择社区）</translation>
    </message>
    <message>
        <source>The register has no communities yet. An administrator adds them in System → Area settings; until then a person is saved without one.</source>
        <translation>登记库中还没有社区。请管理员在“系统 → 区划设置”中添加社区；在此之前可以不选社区保存。</translation>
    </message>
    <message>
        <source>Extend evaluation grades</source>
        <translation>延长评估等级有效期</translation>
    </message>
    <message>
        <source>The evaluation grades of the {count} selected organizations ({names}) are extended to the date given; a grade already running longer stays as it is.</source>
        <translation>所选 {count} 家社会组织（{names}）的评估等级有效期延长至所填日期；有效期本已更长的保持不变。</translation>
    </message>
    <message>
        <source>The registrations of the {count} selected social workers ({names}) are extended by the months given.</source>
        <translation>所选 {count} 名社工（{names}）的登记有效期延长所填月数。</translation>
    </message>
    <message>
        <source>{what} {when}</source>
        <translation>{what}{when}</translation>
    </message>
    <message>
        <source>Use this only after a policy change, and name it as the reason.</source>
        <translation>仅在政策调整后使用，并填写政策依据。</translation>
    </message>
    <message>
        <source>Extend to</source>
        <translation>延长至</translation>
    </message>
    <message>
        <source>{count} evaluation grades were extended.</source>
        <translation>已延长 {count} 家组织的评估等级有效期。</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>已延长</translation>
    </message>
    <message>
        <source>Merge person records</source>
        <translation>合并人员记录</translation>
    </message>
    <message>
        <source>The record of {name} is kept. Find the other record of the same person: its roles, hours, trainings and certificates move here, and it stays only as a pointer to this record, so its document number and old certificates still lead here. A merge cannot be undone.</source>
        <translation>保留 {name} 的这条记录。请查找同一个人的另一条记录：它的志愿者、社工身份、服务时长、培训和证明都将转到这里，它本身只保留为指向这条记录的标记，原证件号码和以前出具的证明仍能找到这里。合并后不能撤销。</translation>
    </message>
    <message>
        <source>No record chosen yet.</source>
        <translation>还没有选择记录。</translation>
    </message>
    <message>
        <source>The records were merged into {name}.</source>
        <translation>已合并到 {name} 的记录。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>That is the record being kept: choose the other one.</source>
        <translation>这就是要保留的记录，请选择另一条。</translation>
    </message>
    <message>
        <source>To merge into it: {record}</source>
        <translation>将并入这里：{record}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>replaced by entry {number}</source>
        <translation>已被第 {number} 条更正</translation>
    </message>
    <message>
        <source>corrects entry {number}</source>
        <translation>更正第 {number} 条</translation>
    </message>
    <message>
        <source>Service record (newest first)</source>
        <translation>服务记录（最新在前）</translation>
    </message>
    <message>
        <source>No service hours recorded yet.</source>
        <translation>尚无服务时长记录。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>期初结转</translation>
    </message>
    <message>
        <source>Of the hours overall, {hours} h are carried over from the records kept before this register (opening balance, in italics): they count toward the total and the stars but were not served and recorded here.</source>
        <translation>累计时长中有 {hours} 小时是从登记库建立前的记录结转来的（期初结转，以斜体显示）：计入累计时长和星级，但不是在本登记库中登记的服务。</translation>
    </message>
    <message>
        <source>Showing the latest {shown} of {total} entries; the Service hours section lists them all.</source>
        <translation>仅显示最近 {shown} 条（共 {total} 条），全部记录请到“服务时长”栏目查看。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Data import</source>
        <translation>数据导入</translation>
    </message>
    <message>
        <source>Step 1 of 3: choose the spreadsheet</source>
        <translation>第 1 步（共 3 步）：选择表格</translation>
    </message>
    <message>
        <source>Step 2 of 3: check every row</source>
        <translation>第 2 步（共 3 步）：逐行检查</translation>
    </message>
    <message>
        <source>Step 3 of 3: done</source>
        <translation>第 3 步（共 3 步）：完成</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <source>What the spreadsheet holds</source>
        <translation>表格内容</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>表格文件</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>保存空白模板……</translation>
    </message>
    <message>
        <source>Import the rosters you already keep in Excel (.xlsx, .xls) or CSV. Nothing is written until you have seen every row and chosen to import. People are merged on their ID number, never entered twice.</source>
        <translation>导入您已有的 Excel（.xlsx、.xls）或 CSV 花名册。在您看过每一行并确认导入之前，不会写入任何数据。人员按身份证号合并，不会重复登记。</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>选择表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Save template as</source>
        <translation>模板保存为</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>模板已保存：{path}</translation>
    </message>
    <message>
        <source>Choose an existing spreadsheet first.</source>
        <translation>请先选择一个存在的表格文件。</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>正在读取并检查各行……</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Point at a cell to read all of it. The rejected rows, each with its reasons in full, are also in the workbook that “Save the rejected rows…” writes.</source>
        <translation>把鼠标停在单元格上可看到完整内容。被拒绝的行及其全部原因，也都写在“保存错误清单……”保存的工作簿里。</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>保存错误清单……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{rows} rows read: {new} new, {update} to update, {same} unchanged, {reject} rejected. {problems} problems listed below (rejected rows in red).</source>
        <translation>共读取 {rows} 行：新增 {new}，更新 {update}，无变化 {same}，拒绝 {reject}。下面列出 {problems} 个问题（被拒绝的行标为红色）。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Save rejected rows as</source>
        <translation>错误清单保存为</translation>
    </message>
    <message>
        <source>{count} rejected rows saved to {path}</source>
        <translation>已将 {count} 行被拒绝的数据保存到 {path}</translation>
    </message>
    <message>
        <source>Backing up the register before the import…</source>
        <translation>导入前正在备份登记库…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <source>Import another spreadsheet</source>
        <translation>导入另一个表格</translation>
    </message>
    <message>
        <source>Read {read} rows: {created} added, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
        <translation>读取 {read} 行：新增 {created}，更新 {updated}，无变化 {unchanged}，拒绝 {rejected}。</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Log in — Street Office Registry</source>
        <translation>登录 — 街道社会工作登记台</translation>
    </message>
    <message>
        <source>This register is protected by accounts. Please log in.</source>
        <translation>本登记库已启用账号，请登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter the user name and the password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>This needs an administrator&apos;s account.</source>
        <translation>此操作需要管理员账号。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Street Office Registry</source>
        <translation>街道社会工作登记台</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>账号管理…</translation>
    </message>
    <message>
        <source>Backup and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>Register settings…</source>
        <translation>登记库设置…</translation>
    </message>
    <message>
        <source>Area settings…</source>
        <translation>区划设置…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>About…</source>
        <translation>关于…</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>{actor} ({role})</source>
        <translation>{actor}（{role}）</translation>
    </message>
    <message>
        <source>User: {actor}    Register: {db}</source>
        <translation>操作人：{actor}    登记库：{db}</translation>
    </message>
    <message>
        <source>Log in as another account. The current one ({actor}) stays logged in if you cancel.</source>
        <translation>请用另一个账号登录。如果取消，仍由当前账号（{actor}）继续使用。</translation>
    </message>
    <message>
        <source>About Street Office Registry</source>
        <translation>关于街道社会工作登记台</translation>
    </message>
    <message>
        <source>The register is empty</source>
        <translation>登记库还是空的</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>This person holds no volunteer or social worker role yet.</source>
        <translation>此人还没有志愿者或持证社工身份。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>The register did not pass its integrity check. The program was probably not closed properly (a power cut or a crash), and the file may be damaged. Nothing will be written to it.</source>
        <translation>登记库没有通过完整性校验。上次程序可能没有正常关闭（停电或崩溃），文件可能已损坏。程序不会再写入它。</translation>
    </message>
    <message>
        <source>No good backup was found. Please ask whoever looks after the program for help.</source>
        <translation>没有找到完好的备份。请联系负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>The latest good backup is “{name}”. Restore it now? Whatever was entered after that backup will be missing; the damaged file is kept beside the register under a new name.</source>
        <translation>最近一份完好的备份是“{name}”。现在用它恢复吗？该备份之后录入的内容将会缺失；损坏的文件会改名后保留在登记库旁边。</translation>
    </message>
    <message>
        <source>The register may be damaged</source>
        <translation>登记库可能已损坏</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restoring needs an administrator. Log in with an administrator&apos;s account of the backup.</source>
        <translation>恢复需要管理员权限。请用备份中的管理员账号登录。</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Find a person: name, initials, ID number, phone (Ctrl+F)</source>
        <translation>查找人员：姓名、拼音首字母、身份证号、电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>social worker</source>
        <translation>持证社工</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Select a row in the list first.</source>
        <translation>请先在列表中选中一行。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>正在统计行数……</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <source>{count}; filters: {filters}</source>
        <translation>{count}；筛选：{filters}</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>选择一行查看详细信息。</translation>
    </message>
    <message>
        <source>No star</source>
        <translation>无星级</translation>
    </message>
    <message>
        <source>highest level reached</source>
        <translation>已达最高星级</translation>
    </message>
    <message>
        <source>{hours} h to the next star</source>
        <translation>距下一星级还差 {hours} 小时</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Certificate {number}</source>
        <translation>证明 {number}</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>补打证明…</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证明登记</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hours this year</source>
        <translation>本年时长</translation>
    </message>
    <message>
        <source>Hours overall</source>
        <translation>累计时长</translation>
    </message>
    <message>
        <source>Star level</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Next star</source>
        <translation>下一星级</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Service categories</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Merge person records…</source>
        <translation>合并人员…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Record hours</source>
        <translation>登记时长</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Service certificate…</source>
        <translation>出具志愿服务证明…</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Deactivate volunteer</source>
        <translation>注销志愿者</translation>
    </message>
    <message>
        <source>Deactivate the selected volunteer? The record stays in the register with its hours.</source>
        <translation>确定注销所选志愿者吗？记录及其服务时长仍保留在登记库中。</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>证书等级</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>取得年份</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>登记证书编号</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>登记有效期至</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>CE hours this cycle</source>
        <translation>本周期继续教育学时</translation>
    </message>
    <message>
        <source>CE cycle</source>
        <translation>继续教育周期</translation>
    </message>
    <message>
        <source>CE hours required</source>
        <translation>要求学时</translation>
    </message>
    <message>
        <source>CE shortfall</source>
        <translation>尚差学时</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CE due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>New social worker</source>
        <translation>新增持证社工</translation>
    </message>
    <message>
        <source>Extend registrations…</source>
        <translation>批量延长登记有效期…</translation>
    </message>
    <message>
        <source>Social workers</source>
        <translation>持证社工</translation>
    </message>
    <message>
        <source>Deactivate social worker</source>
        <translation>注销持证社工</translation>
    </message>
    <message>
        <source>Deactivate the selected social worker?</source>
        <translation>确定注销所选持证社工吗？</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Registration authority</source>
        <translation>登记管理机关</translation>
    </message>
    <message>
        <source>Supervising unit</source>
        <translation>业务主管单位</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Service fields</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Annual inspections</source>
        <translation>年检结果</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Evaluation grades</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Charity</source>
        <translation>慈善组织</translation>
    </message>
    <message>
        <source>not recognized</source>
        <translation>未认定</translation>
    </message>
    <message>
        <source>recognized on {day}</source>
        <translation>{day} 认定</translation>
    </message>
    <message>
        <source>recognized on {day}; files the charity annual report from {year}</source>
        <translation>{day} 认定；自 {year} 年起报送慈善组织年报</translation>
    </message>
    <message>
        <source>{name}; bought by {buyer}; {amount} yuan; {start} – {end}; {status}</source>
        <translation>{name}；购买方：{buyer}；{amount} 元；{start} 至 {end}；{status}</translation>
    </message>
    <message>
        <source>Purchased-service projects</source>
        <translation>购买服务项目</translation>
    </message>
    <message>
        <source>Year founded</source>
        <translation>成立年份</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新增社会组织</translation>
    </message>
    <message>
        <source>Deregister</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Inspection…</source>
        <translation>年检结果…</translation>
    </message>
    <message>
        <source>Grade…</source>
        <translation>评估等级…</translation>
    </message>
    <message>
        <source>Project…</source>
        <translation>服务项目…</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>计入继续教育</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>新增培训</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>签到情况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>认定学时</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>培训签到…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Corrects entry</source>
        <translation>更正的记录</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>第 {number} 条记录</translation>
    </message>
    <message>
        <source>Hours for an activity</source>
        <translation>按活动登记时长</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>审核所选</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
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
        <source>Last year</source>
        <translation>最近一年</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>操作内容</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Log entry {number}</source>
        <translation>日志第 {number} 条</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Hide full numbers</source>
        <translation>隐藏完整号码</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Source: {source}; in force from: unknown</source>
        <translation>依据：{source}；施行日期：不详</translation>
    </message>
    <message>
        <source>Source: {source}; in force from {date}</source>
        <translation>依据：{source}；施行日期：{date}</translation>
    </message>
    <message>
        <source>Defined by the district file. {text}</source>
        <translation>区县配置文件定义的规则。{text}</translation>
    </message>
    <message>
        <source>Register settings</source>
        <translation>登记库设置</translation>
    </message>
    <message>
        <source>Volunteer star levels</source>
        <translation>志愿者星级标准</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>继续教育标准</translation>
    </message>
    <message>
        <source>Rounding of service hours</source>
        <translation>服务时长取整规则</translation>
    </message>
    <message>
        <source>A new star standard recomputes every volunteer&apos;s star level; a new continuing-education standard recounts every social worker&apos;s hours.</source>
        <translation>更换星级标准会重新计算每位志愿者的星级；更换继续教育标准会重新统计每位社工的学时。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>计算规则</translation>
    </message>
    <message>
        <source>Deactivated volunteers</source>
        <translation>已注销的志愿者</translation>
    </message>
    <message>
        <source>Deactivated social workers</source>
        <translation>已注销的持证社工</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation>永久保存</translation>
    </message>
    <message>
        <source>After these years their name, ID number, phone and address are erased; their service hours stay. Someone who still holds another role is kept.</source>
        <translation>注销满上述年限后，删除其姓名、证件号码、联系电话和住址，服务时长保留。仍担任其他身份的人员不删除。</translation>
    </message>
    <message>
        <source>Apply now…</source>
        <translation>立即执行…</translation>
    </message>
    <message>
        <source>Keeping personal data</source>
        <translation>个人信息保存期限</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>设置没有变化。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saving the settings…</source>
        <translation>正在保存设置…</translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation>永久保存</translation>
    </message>
    <message>
        <source>erased {years} years after deactivation</source>
        <translation>注销满 {years} 年后删除</translation>
    </message>
    <message>
        <source>No retention period is set; nothing is erased.</source>
        <translation>没有设置保存期限，不删除任何信息。</translation>
    </message>
    <message>
        <source>Erase now the personal data that is due?

Volunteers: {volunteer}
Social workers: {social_worker}

Service hours stay. Unsaved changes in this dialog are saved first. This cannot be undone.</source>
        <translation>现在删除已到保存期限的个人信息吗？

志愿者：{volunteer}
持证社工：{social_worker}

服务时长保留。本窗口中尚未保存的修改会先保存。删除后无法恢复。</translation>
    </message>
    <message>
        <source>Apply retention</source>
        <translation>执行保存期限</translation>
    </message>
    <message>
        <source>Erasing personal data…</source>
        <translation>正在删除个人信息…</translation>
    </message>
    <message>
        <source>Erased: {volunteers} volunteers, {workers} social workers; kept because they hold another role: {kept}.</source>
        <translation>已删除：志愿者 {volunteers} 人，持证社工 {workers} 人；因仍担任其他身份而保留：{kept} 人。</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Your district</source>
        <translation>所在区县</translation>
    </message>
    <message>
        <source>The district file lists the district&apos;s streets and communities with their populations, and the rules the district uses.</source>
        <translation>区县配置文件列出本区的街道、社区及其常住人口，以及本区采用的规则。</translation>
    </message>
    <message>
        <source>Another district file…</source>
        <translation>选择其他配置文件…</translation>
    </message>
    <message>
        <source>{file} (has problems)</source>
        <translation>{file}（有问题，不能使用）</translation>
    </message>
    <message>
        <source>Choose the district file</source>
        <translation>选择区县配置文件</translation>
    </message>
    <message>
        <source>District files (*.toml)</source>
        <translation>区县配置文件 (*.toml)</translation>
    </message>
    <message>
        <source>No district file came with the program. You can go on and add the streets and communities later in System → Area settings.</source>
        <translation>程序没有附带区县配置文件。可以继续，以后在“系统 → 区划设置”中添加街道和社区。</translation>
    </message>
    <message>
        <source>This file cannot be used:</source>
        <translation>这个文件不能使用：</translation>
    </message>
    <message>
        <source>{district}: {streets} streets, {communities} communities.</source>
        <translation>{district}：{streets} 个街道，{communities} 个社区。</translation>
    </message>
    <message>
        <source>This office&apos;s street</source>
        <translation>本街道</translation>
    </message>
    <message>
        <source>One installer serves the whole district: choose the street this office works for. It issues the certificates and heads the window.</source>
        <translation>同一个安装程序供全区使用：请选择本办事处所在的街道。志愿服务证明以它的名义出具，窗口标题也显示它。</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Certificates are issued by</source>
        <translation>证明的出具单位</translation>
    </message>
    <message>
        <source>Who uses the program</source>
        <translation>谁使用本程序</translation>
    </message>
    <message>
        <source>The administrator adds the clerks&apos; accounts later (System → Accounts). Each account&apos;s name is printed as the handler on certificates.</source>
        <translation>管理员以后可在“系统 → 账号管理”中为办事员添加账号。志愿服务证明上的经办人印的是账号的姓名。</translation>
    </message>
    <message>
        <source>Set up an administrator account (recommended)</source>
        <translation>设立管理员账号（推荐）</translation>
    </message>
    <message>
        <source>Work without accounts: everyone at this computer may do everything, and the handler on a certificate is typed each time</source>
        <translation>不设账号：在这台电脑上使用程序的人都可以做所有操作，证明上的经办人每次手工填写</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Your name (printed as handler)</source>
        <translation>姓名（印在证明的经办人处）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再输入一次密码</translation>
    </message>
    <message>
        <source>Enter a user name for the administrator.</source>
        <translation>请填写管理员的用户名。</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s own name: it is printed as the handler.</source>
        <translation>请填写管理员本人的姓名：它会印在证明的经办人处。</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Where the register lives</source>
        <translation>登记库保存位置</translation>
    </message>
    <message>
        <source>Finish creates the register here and opens the program.</source>
        <translation>点“完成”后在这里建立登记库并打开程序。</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>The register is already in this file; it stays there.</source>
        <translation>登记库已在这个文件中，保持不变。</translation>
    </message>
    <message>
        <source>The register is one file on this computer. Choose a folder that is backed up and that only this office&apos;s staff can read. The program remembers it.</source>
        <translation>登记库是这台电脑上的一个文件。请选择有备份、并且只有本办事处工作人员能读取的文件夹。程序会记住这个位置。</translation>
    </message>
    <message>
        <source>Where to keep the register</source>
        <translation>登记库保存到</translation>
    </message>
    <message>
        <source>Registers (*.sqlite3)</source>
        <translation>登记库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>A file of this name is already there. Choose another name, or open that register with the --db option.</source>
        <translation>这里已经有同名文件。请换一个名称，或用 --db 选项打开那个登记库。</translation>
    </message>
    <message>
        <source>The program may not write in this folder. Choose another one.</source>
        <translation>程序无权在这个文件夹中写入，请换一个文件夹。</translation>
    </message>
    <message>
        <source>Setting up the Street Office Registry</source>
        <translation>设置街道社会工作登记台</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>District file “{name}”: {problem}</source>
        <translation>区县配置文件“{name}”：{problem}</translation>
    </message>
    <message>
        <source>District file “{name}” was not applied: {error}</source>
        <translation>区县配置文件“{name}”没有套用：{error}</translation>
    </message>
    <message>
        <source>For the administrator</source>
        <translation>给管理员的提示</translation>
    </message>
    <message>
        <source>The checks at start found the following. The register can be used as usual; this notice is shown once.</source>
        <translation>启动时的检查发现了以下情况。登记库可以照常使用；这条提示只显示一次。</translation>
    </message>
    <message>
        <source>The district file has problems</source>
        <translation>区县配置文件有问题</translation>
    </message>
    <message>
        <source>The bundled district file was not applied; the program works without it.</source>
        <translation>随程序附带的区县配置文件没有套用；没有它程序也能正常使用。</translation>
    </message>
    <message>
        <source>Could not log in as {user}: {reason}</source>
        <translation>无法以“{user}”登录：{reason}</translation>
    </message>
    <message>
        <source>This register has accounts. Without a window to log in, give the user name with --user NAME and the password in the environment variable REGISTRY_PASSWORD.</source>
        <translation>此登记库设有账号。不显示登录窗口时，请用 --user 账号名 指定用户名，并在环境变量 REGISTRY_PASSWORD 中提供密码。</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Social workers</source>
        <translation>持证社工</translation>
    </message>
    <message>
        <source>Per 1,000</source>
        <translation>每千人</translation>
    </message>
    <message>
        <source>1‰ aim</source>
        <translation>1‰目标</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Double-click to open the organization or social worker</source>
        <translation>双击打开对应的社会组织或社工</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Extend selected…</source>
        <translation>延长所选…</translation>
    </message>
    <message>
        <source>After a policy change: extend the selected registrations or evaluation grades</source>
        <translation>政策调整后：延长所选社工登记或评估等级的有效期</translation>
    </message>
    <message>
        <source>Upcoming deadlines within</source>
        <translation>即将到期事项：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>{count} kinds</source>
        <translation>{count} 类事项</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>Select registrations expiring, or evaluation grades expiring (one kind at a time).</source>
        <translation>请选择到期的社工登记或到期的评估等级（一次只选一类）。</translation>
    </message>
    <message>
        <source>Approved hours by month, {year}</source>
        <translation>{year} 年各月已审核服务时长</translation>
    </message>
    <message>
        <source>Approved hours by service category, {year}</source>
        <translation>{year} 年各服务类别已审核服务时长</translation>
    </message>
    <message>
        <source>Indicators by community</source>
        <translation>各社区指标</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Residents {pop}; volunteers {vol} ({share:.1f}%); social workers {sw} ({pm:.2f} per 1,000, aim 1‰)</source>
        <translation>常住人口 {pop}；志愿者 {vol}（占 {share:.1f}%）；持证社工 {sw}（每千人 {pm:.2f} 名，目标 1‰）</translation>
    </message>
    <message>
        <source>{count} communities</source>
        <translation>共 {count} 个社区</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>The register is empty</source>
        <translation>登记库还是空的</translation>
    </message>
    <message>
        <source>Start by importing the rosters you already keep in Excel: volunteers, social workers, organizations, hours and training. Or enter the first record by hand.</source>
        <translation>可以先导入您已有的 Excel 花名册：志愿者、持证社工、社会组织、服务时长和培训；也可以手工录入第一条记录。</translation>
    </message>
    <message>
        <source>Import existing rosters…</source>
        <translation>导入已有花名册……</translation>
    </message>
    <message>
        <source>Add the first volunteer…</source>
        <translation>新增第一位志愿者……</translation>
    </message>
    <message>
        <source>Add the first organization…</source>
        <translation>新增第一个社会组织……</translation>
    </message>
</context>
</TS>
