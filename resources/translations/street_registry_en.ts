<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Accounts</name>
    <message>
        <source>e.g. 张敏</source>
        <translation>e.g. 张敏</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name (printed as handler)</source>
        <translation>Name (printed as handler)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Name of {name}</source>
        <translation>Name of {name}</translation>
    </message>
    <message>
        <source>The person&apos;s own name, printed as the handler on the certificates this account issues from now on. The user name to log in with stays “{name}”.</source>
        <translation>The person&apos;s own name, printed as the handler on the certificates this account issues from now on. The user name to log in with stays “{name}”.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>Change name…</source>
        <translation>Change name…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Disable the account “{name}”? It can no longer log in; its entries in the log stay.</source>
        <translation>Disable the account “{name}”? It can no longer log in; its entries in the log stay.</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>New password for {name}</translation>
    </message>
    <message>
        <source>Change my password ({name})</source>
        <translation>Change my password ({name})</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Your password has been changed. Use the new one from the next login.</source>
        <translation>Your password has been changed. Use the new one from the next login.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This register was written by a newer version of the program. Please install the newer version to open it.</source>
        <translation>This register was written by a newer version of the program. Please install the newer version to open it.</translation>
    </message>
    <message>
        <source>The register could not be opened.</source>
        <translation>The register could not be opened.</translation>
    </message>
    <message>
        <source>Street Office Registry</source>
        <translation>Street Office Registry</translation>
    </message>
    <message>
        <source>Creating demonstration data…</source>
        <translation>Creating demonstration data…</translation>
    </message>
    <message>
        <source>The register is not empty; no demonstration data added.</source>
        <translation>The register is not empty; no demonstration data added.</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>Approve hours</source>
        <translation>Approve hours</translation>
    </message>
    <message>
        <source>{count} of the lines chosen you recorded yourself: another clerk or an administrator approves them.</source>
        <translation>{count} of the lines chosen you recorded yourself: another clerk or an administrator approves them.</translation>
    </message>
    <message>
        <source>{count} were approved before.</source>
        <translation>{count} were approved before.</translation>
    </message>
    <message>
        <source>{count} are no longer in the register.</source>
        <translation>{count} are no longer in the register.</translation>
    </message>
    <message>
        <source>Approve {lines} lines of hours for {people} people, {hours} hours in all?</source>
        <translation>Approve {lines} lines of hours for {people} people, {hours} hours in all?</translation>
    </message>
    <message>
        <source>Approved hours count in the volunteers&apos; totals and can no longer be edited, only corrected.</source>
        <translation>Approved hours count in the volunteers&apos; totals and can no longer be edited, only corrected.</translation>
    </message>
    <message>
        <source>Not approved:</source>
        <translation>Not approved:</translation>
    </message>
    <message>
        <source>Approved {lines} lines of hours for {people} people, {hours} hours in all.</source>
        <translation>Approved {lines} lines of hours for {people} people, {hours} hours in all.</translation>
    </message>
    <message>
        <source>Nothing was approved.</source>
        <translation>Nothing was approved.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Select the lines to approve in the list first (Ctrl or Shift and a click select several).</source>
        <translation>Select the lines to approve in the list first (Ctrl or Shift and a click select several).</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Code (administrative division)</source>
        <translation>Code (administrative division)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Area settings</source>
        <translation>Area settings</translation>
    </message>
    <message>
        <source>Population of the year</source>
        <translation>Population of the year</translation>
    </message>
    <message>
        <source>Street / community</source>
        <translation>Street / community</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Add street…</source>
        <translation>Add street…</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>Add community…</translation>
    </message>
    <message>
        <source>Edit name and population…</source>
        <translation>Edit name and population…</translation>
    </message>
    <message>
        <source>This is our street</source>
        <translation>This is our street</translation>
    </message>
    <message>
        <source>A year without its own figure uses the latest earlier year&apos;s, or the district file&apos;s. Every change is recorded in the operation log.</source>
        <translation>A year without its own figure uses the latest earlier year&apos;s, or the district file&apos;s. Every change is recorded in the operation log.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>No district yet</source>
        <translation>No district yet</translation>
    </message>
    <message>
        <source> (this office)</source>
        <translation> (this office)</translation>
    </message>
    <message>
        <source>district file</source>
        <translation>district file</translation>
    </message>
    <message>
        <source>{year}&apos;s own</source>
        <translation>{year}&apos;s own</translation>
    </message>
    <message>
        <source>as in {year}</source>
        <translation>as in {year}</translation>
    </message>
    <message>
        <source>The register has no district yet: an administrator applies the district file (set-up at first start, or the command “district apply”).</source>
        <translation>The register has no district yet: an administrator applies the district file (set-up at first start, or the command “district apply”).</translation>
    </message>
    <message>
        <source>Add street</source>
        <translation>Add street</translation>
    </message>
    <message>
        <source>Street {name} added.</source>
        <translation>Street {name} added.</translation>
    </message>
    <message>
        <source>Add community</source>
        <translation>Add community</translation>
    </message>
    <message>
        <source>Residents in {year}</source>
        <translation>Residents in {year}</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>Community {name} added.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Edit {name}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>This office&apos;s street is now {name}: certificates name it as issuer.</source>
        <translation>This office&apos;s street is now {name}: certificates name it as issuer.</translation>
    </message>
</context>
<context>
    <name>Attendees</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>“{name}” is {count} volunteers: tick the one who took part</source>
        <translation>“{name}” is {count} volunteers: tick the one who took part</translation>
    </message>
    <message>
        <source>Nobody is named “{name}”; {count} names contain it: tick the one who took part</source>
        <translation>Nobody is named “{name}”; {count} names contain it: tick the one who took part</translation>
    </message>
    <message>
        <source> (only the first {count} are listed: paste the ID number instead)</source>
        <translation> (only the first {count} are listed: paste the ID number instead)</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>log in</source>
        <translation>log in</translation>
    </message>
    <message>
        <source>failed login</source>
        <translation>failed login</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>account locked</translation>
    </message>
    <message>
        <source>change password</source>
        <translation>change password</translation>
    </message>
    <message>
        <source>view</source>
        <translation>view</translation>
    </message>
    <message>
        <source>search by number</source>
        <translation>search by number</translation>
    </message>
    <message>
        <source>create</source>
        <translation>create</translation>
    </message>
    <message>
        <source>update</source>
        <translation>update</translation>
    </message>
    <message>
        <source>deactivate</source>
        <translation>deactivate</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>correct</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>export with full numbers</source>
        <translation>export with full numbers</translation>
    </message>
    <message>
        <source>show full numbers</source>
        <translation>show full numbers</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>attendance</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>inspection</translation>
    </message>
    <message>
        <source>issue certificate</source>
        <translation>issue certificate</translation>
    </message>
    <message>
        <source>reprint certificate</source>
        <translation>reprint certificate</translation>
    </message>
    <message>
        <source>extend registration</source>
        <translation>extend registration</translation>
    </message>
    <message>
        <source>extend evaluation grades</source>
        <translation>extend evaluation grades</translation>
    </message>
    <message>
        <source>merge person records</source>
        <translation>merge person records</translation>
    </message>
    <message>
        <source>set preset</source>
        <translation>set preset</translation>
    </message>
    <message>
        <source>apply district file</source>
        <translation>apply district file</translation>
    </message>
    <message>
        <source>area settings</source>
        <translation>area settings</translation>
    </message>
    <message>
        <source>erase after retention period</source>
        <translation>erase after retention period</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>back up</translation>
    </message>
    <message>
        <source>copy the register</source>
        <translation>copy the register</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>restore</translation>
    </message>
    <message>
        <source>set up server rights</source>
        <translation>set up server rights</translation>
    </message>
    <message>
        <source>add account</source>
        <translation>add account</translation>
    </message>
    <message>
        <source>disable account</source>
        <translation>disable account</translation>
    </message>
    <message>
        <source>reset password</source>
        <translation>reset password</translation>
    </message>
    <message>
        <source>change account&apos;s name</source>
        <translation>change account&apos;s name</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>demo data</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>social worker</source>
        <translation>social worker</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>organization</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>activity</translation>
    </message>
    <message>
        <source>service hours</source>
        <translation>service hours</translation>
    </message>
    <message>
        <source>annual inspection</source>
        <translation>annual inspection</translation>
    </message>
    <message>
        <source>evaluation grade</source>
        <translation>evaluation grade</translation>
    </message>
    <message>
        <source>service project</source>
        <translation>service project</translation>
    </message>
    <message>
        <source>community</source>
        <translation>community</translation>
    </message>
    <message>
        <source>community&apos;s population of a year</source>
        <translation>community&apos;s population of a year</translation>
    </message>
    <message>
        <source>street</source>
        <translation>street</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>rule preset</source>
        <translation>rule preset</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>volunteer&apos;s organization</source>
        <translation>volunteer&apos;s organization</translation>
    </message>
    <message>
        <source>register</source>
        <translation>register</translation>
    </message>
    <message>
        <source>search index</source>
        <translation>search index</translation>
    </message>
    <message>
        <source>yearly hours</source>
        <translation>yearly hours</translation>
    </message>
    <message>
        <source>community&apos;s yearly hours</source>
        <translation>community&apos;s yearly hours</translation>
    </message>
    <message>
        <source>organization&apos;s yearly hours</source>
        <translation>organization&apos;s yearly hours</translation>
    </message>
    <message>
        <source>monthly hours by category</source>
        <translation>monthly hours by category</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>audit log</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>roster</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificate</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>On closing</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>By hand</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Encrypted backups (*.enc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups (*.zst *.sqlite3 *.enc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not named (an older backup)</source>
        <translation>not named (an older backup)</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Of the register</source>
        <translation>Of the register</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an encrypted backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a USB stick or the district: a backup no one can read without its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>This register is kept on a shared database server (PostgreSQL). The server&apos;s administrator backs it up; this program makes no file backups of it.</source>
        <translation>This register is kept on a shared database server (PostgreSQL). The server&apos;s administrator backs it up; this program makes no file backups of it.</translation>
    </message>
    <message>
        <source>Backups are made every 30 minutes while data changes, when the program closes and before every import. Each is compressed and checked; all of the last 24 hours are kept, then one a day, a week and a month, within the room on the disk.
Register: {register}
Backups folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>Backing up the register…</translation>
    </message>
    <message>
        <source>Replace ALL the data of the register
{register}
with the backup made at {when} ({name})?

Everything entered after that backup will be gone from the register. What is replaced is backed up first, so this can be undone.</source>
        <translation>Replace ALL the data of the register
{register}
with the backup made at {when} ({name})?

Everything entered after that backup will be gone from the register. What is replaced is backed up first, so this can be undone.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>{name}-{when}-encrypted.enc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an encrypted backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted backup exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted backup was saved as
{path}

Keep its passphrase apart from the file: without it the backup cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting an encrypted backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace ALL the data of the register
{register}
with the backup in
{name}?

Everything entered after that backup will be gone from the register. What is replaced is backed up first, so this can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>The register was restored from {name}. The data it replaced was backed up to {saved}.</source>
        <translation>The register was restored from {name}. The data it replaced was backed up to {saved}.</translation>
    </message>
    <message>
        <source>Restoring the register…</source>
        <translation>Restoring the register…</translation>
    </message>
    <message>
        <source>Passphrase of the encrypted backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters, for example a sentence no one would guess. Keep it apart from the file (not on the same USB stick): without it no one, not even this program, can restore the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is encrypted. Type the passphrase it was exported with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Save the certificate as</source>
        <translation>Save the certificate as</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>Writing the certificate…</translation>
    </message>
    <message>
        <source>Certificate saved</source>
        <translation>Certificate saved</translation>
    </message>
    <message>
        <source>The certificate was saved to
{path}

Open it now to print?</source>
        <translation>The certificate was saved to
{path}

Open it now to print?</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Volunteer no.</source>
        <translation>Volunteer no.</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>Certificate level</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>Year obtained</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Registered until</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>CE hours</source>
        <translation>CE hours</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>Continuing education</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Activity / content</source>
        <translation>Activity / content</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>Corrects</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>The details were written to the log file:
{path}</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>The log file could not be written.</translation>
    </message>
    <message>
        <source> (in the background database work)</source>
        <translation> (in the background database work)</translation>
    </message>
    <message>
        <source>The program met an unexpected error{place} and could not finish what it was doing:

{error}

Your register was not changed by the unfinished step. Please save your work, restart the program if it misbehaves, and send the log file to whoever looks after the program.

{where}</source>
        <translation>The program met an unexpected error{place} and could not finish what it was doing:

{error}

Your register was not changed by the unfinished step. Please save your work, restart the program if it misbehaves, and send the log file to whoever looks after the program.

{where}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>Could not finish</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Full ID and phone numbers (the export is logged)</source>
        <translation>Full ID and phone numbers (the export is logged)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Group by</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Rosters are written as Excel workbooks with Chinese headers; ID and phone numbers are masked unless you choose otherwise.</source>
        <translation>Rosters are written as Excel workbooks with Chinese headers; ID and phone numbers are masked unless you choose otherwise.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Roster export</source>
        <translation>Roster export</translation>
    </message>
    <message>
        <source>Choose a training</source>
        <translation>Choose a training</translation>
    </message>
    <message>
        <source>(applies to: {what})</source>
        <translation>(applies to: {what})</translation>
    </message>
    <message>
        <source>Save roster as</source>
        <translation>Save roster as</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>Full numbers</translation>
    </message>
    <message>
        <source>Export full ID and phone numbers? This is personal information; the export will be recorded in the audit log.</source>
        <translation>Export full ID and phone numbers? This is personal information; the export will be recorded in the audit log.</translation>
    </message>
    <message>
        <source>Writing {title}…</source>
        <translation>Writing {title}…</translation>
    </message>
    <message>
        <source>Written {rows} rows to {path}</source>
        <translation>Written {rows} rows to {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Hours for an activity</source>
        <translation>Hours for an activity</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Type part of a date or name to find it</source>
        <translation>Type part of a date or name to find it</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <source>Hours per attendee</source>
        <translation>Hours per attendee</translation>
    </message>
    <message>
        <source>Paste ID numbers or type names, one a line</source>
        <translation>Paste ID numbers or type names, one a line</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Not ticked, as these name more than one volunteer: {items}. Tick in the list who took part.</source>
        <translation>Not ticked, as these name more than one volunteer: {items}. Tick in the list who took part.</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>Not found among active volunteers (left in the box above): {items}</source>
        <translation>Not found among active volunteers (left in the box above): {items}</translation>
    </message>
    <message>
        <source>Nobody is ticked for {names}: they get no hours. Save anyway?</source>
        <translation>Nobody is ticked for {names}: they get no hours. Save anyway?</translation>
    </message>
    <message>
        <source>Choose an activity first.</source>
        <translation>Choose an activity first.</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Activity name</source>
        <translation>Activity name</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Starts at</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Ends at</translation>
    </message>
    <message>
        <source>Travel (minutes, not credited)</source>
        <translation>Travel (minutes, not credited)</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>Service category</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Served group</source>
        <translation>Served group</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Attendance: {title}</source>
        <translation>Attendance: {title}</translation>
    </message>
    <message>
        <source>Name or start of the ID number</source>
        <translation>Name or start of the ID number</translation>
    </message>
    <message>
        <source>One ID number per line</source>
        <translation>One ID number per line</translation>
    </message>
    <message>
        <source>Tick from the list</source>
        <translation>Tick from the list</translation>
    </message>
    <message>
        <source>Paste ID numbers</source>
        <translation>Paste ID numbers</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>Hours credited</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>the training&apos;s {hours} h</source>
        <translation>the training&apos;s {hours} h</translation>
    </message>
    <message>
        <source>{count} people ticked</source>
        <translation>{count} people ticked</translation>
    </message>
    <message>
        <source>Tick people or paste ID numbers first.</source>
        <translation>Tick people or paste ID numbers first.</translation>
    </message>
    <message>
        <source>These ID numbers are not in the register; nothing was saved. Correct or remove them, or register the people first:</source>
        <translation>These ID numbers are not in the register; nothing was saved. Correct or remove them, or register the people first:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Saved with reminders</source>
        <translation>Saved with reminders</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Discard your changes?</translation>
    </message>
    <message>
        <source>What you typed in this form has not been saved. Discard it and close the form?</source>
        <translation>What you typed in this form has not been saved. Discard it and close the form?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Record hours for {name}</source>
        <translation>Record hours for {name}</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Correct entry {number}</source>
        <translation>Correct entry {number}</translation>
    </message>
    <message>
        <source>Approved entries are never changed: the correction is a new entry that replaces this one once approved.</source>
        <translation>Approved entries are never changed: the correction is a new entry that replaces this one once approved.</translation>
    </message>
    <message>
        <source>Correct hours</source>
        <translation>Correct hours</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>New organization</translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation>Edit organization</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <source>From the USCC</source>
        <translation>From the USCC</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Recognized as a charity</source>
        <translation>Recognized as a charity</translation>
    </message>
    <message>
        <source>Recognized as a charity on</source>
        <translation>Recognized as a charity on</translation>
    </message>
    <message>
        <source>Registration authority</source>
        <translation>Registration authority</translation>
    </message>
    <message>
        <source>Supervising unit</source>
        <translation>Supervising unit</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>Business scope</translation>
    </message>
    <message>
        <source>Service fields</source>
        <translation>Service fields</translation>
    </message>
    <message>
        <source>Registered capital (yuan)</source>
        <translation>Registered capital (yuan)</translation>
    </message>
    <message>
        <source>Filed on (community organizations)</source>
        <translation>Filed on (community organizations)</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>not a civil-affairs code</source>
        <translation>not a civil-affairs code</translation>
    </message>
    <message>
        <source>Registered by: {dept}; type: {kind}</source>
        <translation>Registered by: {dept}; type: {kind}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <source>Required for this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown region</source>
        <translation>unknown region</translation>
    </message>
    <message>
        <source>Born {date}, {sex}, {region}</source>
        <translation>Born {date}, {sex}, {region}</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>From the document number</source>
        <translation>From the document number</translation>
    </message>
    <message>
        <source>Already in the register: {name}</source>
        <translation>Already in the register: {name}</translation>
    </message>
    <message>
        <source>New social worker</source>
        <translation>New social worker</translation>
    </message>
    <message>
        <source>Edit social worker</source>
        <translation>Edit social worker</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>Certificate level</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>Year obtained</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Registration valid until</source>
        <translation>Registration valid until</translation>
    </message>
    <message>
        <source>empty: 3 years after registration</source>
        <translation>empty: 3 years after registration</translation>
    </message>
    <message>
        <source>Employer (registered)</source>
        <translation>Employer (registered)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>{name} is already registered as a social worker: open the existing record.</source>
        <translation>{name} is already registered as a social worker: open the existing record.</translation>
    </message>
    <message>
        <source>{name} is already in the register; saving adds the social worker role to the same person.</source>
        <translation>{name} is already in the register; saving adds the social worker role to the same person.</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>New training</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <source>Annual inspection: {name}</source>
        <translation>Annual inspection: {name}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Evaluation grade: {name}</source>
        <translation>Evaluation grade: {name}</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Awarded on</source>
        <translation>Awarded on</translation>
    </message>
    <message>
        <source>Purchased-service project: {name}</source>
        <translation>Purchased-service project: {name}</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Project status</source>
        <translation>Project status</translation>
    </message>
    <message>
        <source>Deregister organization</source>
        <translation>Deregister organization</translation>
    </message>
    <message>
        <source>Mark “{name}” as deregistered (注销) or revoked (撤销)? It stays in the register with its history, but can no longer be chosen for new records.</source>
        <translation>Mark “{name}” as deregistered (注销) or revoked (撤销)? It stays in the register with its history, but can no longer be chosen for new records.</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>New status:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Counts as continuing education</source>
        <translation>Counts as continuing education</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>New volunteer</translation>
    </message>
    <message>
        <source>Edit volunteer</source>
        <translation>Edit volunteer</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>Volunteer number</translation>
    </message>
    <message>
        <source>National system number</source>
        <translation>National system number</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Service categories</source>
        <translation>Service categories</translation>
    </message>
    <message>
        <source>May be contacted</source>
        <translation>May be contacted</translation>
    </message>
    <message>
        <source>Name may be published</source>
        <translation>Name may be published</translation>
    </message>
    <message>
        <source>{name} is already a volunteer: open the existing record instead of creating a second one.</source>
        <translation>{name} is already a volunteer: open the existing record instead of creating a second one.</translation>
    </message>
    <message>
        <source>{name} is already in the register; saving adds the volunteer role to the same person.</source>
        <translation>{name} is already in the register; saving adds the volunteer role to the same person.</translation>
    </message>
    <message>
        <source>Service certificate for {name}</source>
        <translation>Service certificate for {name}</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Service from</source>
        <translation>Service from</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>Service until</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>the street office</source>
        <translation>the street office</translation>
    </message>
    <message>
        <source>Issuer&apos;s name as printed</source>
        <translation>Issuer&apos;s name as printed</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Print the full ID number (logged)</source>
        <translation>Print the full ID number (logged)</translation>
    </message>
    <message>
        <source>Extend registrations</source>
        <translation>Extend registrations</translation>
    </message>
    <message>
        <source>Every registered social worker whose registration expires between the two dates is extended by the months given. Use this only after a policy change, and name it as the reason.</source>
        <translation>Every registered social worker whose registration expires between the two dates is extended by the months given. Use this only after a policy change, and name it as the reason.</translation>
    </message>
    <message>
        <source>Expiring from</source>
        <translation>Expiring from</translation>
    </message>
    <message>
        <source>Expiring until</source>
        <translation>Expiring until</translation>
    </message>
    <message>
        <source>Extend by (months)</source>
        <translation>Extend by (months)</translation>
    </message>
    <message>
        <source>Policy (reason)</source>
        <translation>Policy (reason)</translation>
    </message>
    <message>
        <source>Registrations extended</source>
        <translation>Registrations extended</translation>
    </message>
    <message>
        <source>{count} registrations were extended.</source>
        <translation>{count} registrations were extended.</translation>
    </message>
    <message>
        <source>Community *</source>
        <translation>Community *</translation>
    </message>
    <message>
        <source>(choose the community)</source>
        <translation>(choose the community)</translation>
    </message>
    <message>
        <source>The register has no communities yet. An administrator adds them in System → Area settings; until then a person is saved without one.</source>
        <translation>The register has no communities yet. An administrator adds them in System → Area settings; until then a person is saved without one.</translation>
    </message>
    <message>
        <source>Extend evaluation grades</source>
        <translation>Extend evaluation grades</translation>
    </message>
    <message>
        <source>The evaluation grades of the {count} selected organizations ({names}) are extended to the date given; a grade already running longer stays as it is.</source>
        <translation>The evaluation grades of the {count} selected organizations ({names}) are extended to the date given; a grade already running longer stays as it is.</translation>
    </message>
    <message>
        <source>The registrations of the {count} selected social workers ({names}) are extended by the months given.</source>
        <translation>The registrations of the {count} selected social workers ({names}) are extended by the months given.</translation>
    </message>
    <message>
        <source>{what} {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this only after a policy change, and name it as the reason.</source>
        <translation>Use this only after a policy change, and name it as the reason.</translation>
    </message>
    <message>
        <source>Extend to</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>{count} evaluation grades were extended.</source>
        <translation>{count} evaluation grades were extended.</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Merge person records</source>
        <translation>Merge person records</translation>
    </message>
    <message>
        <source>The record of {name} is kept. Find the other record of the same person: its roles, hours, trainings and certificates move here, and it stays only as a pointer to this record, so its document number and old certificates still lead here. A merge cannot be undone.</source>
        <translation>The record of {name} is kept. Find the other record of the same person: its roles, hours, trainings and certificates move here, and it stays only as a pointer to this record, so its document number and old certificates still lead here. A merge cannot be undone.</translation>
    </message>
    <message>
        <source>No record chosen yet.</source>
        <translation>No record chosen yet.</translation>
    </message>
    <message>
        <source>The records were merged into {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>That is the record being kept: choose the other one.</source>
        <translation>That is the record being kept: choose the other one.</translation>
    </message>
    <message>
        <source>To merge into it: {record}</source>
        <translation>To merge into it: {record}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>replaced by entry {number}</source>
        <translation>replaced by entry {number}</translation>
    </message>
    <message>
        <source>corrects entry {number}</source>
        <translation>corrects entry {number}</translation>
    </message>
    <message>
        <source>Service record (newest first)</source>
        <translation>Service record (newest first)</translation>
    </message>
    <message>
        <source>No service hours recorded yet.</source>
        <translation>No service hours recorded yet.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>Of the hours overall, {hours} h are carried over from the records kept before this register (opening balance, in italics): they count toward the total and the stars but were not served and recorded here.</source>
        <translation>Of the hours overall, {hours} h are carried over from the records kept before this register (opening balance, in italics): they count toward the total and the stars but were not served and recorded here.</translation>
    </message>
    <message>
        <source>Showing the latest {shown} of {total} entries; the Service hours section lists them all.</source>
        <translation>Showing the latest {shown} of {total} entries; the Service hours section lists them all.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Data import</source>
        <translation>Data import</translation>
    </message>
    <message>
        <source>Step 1 of 3: choose the spreadsheet</source>
        <translation>Step 1 of 3: choose the spreadsheet</translation>
    </message>
    <message>
        <source>Step 2 of 3: check every row</source>
        <translation>Step 2 of 3: check every row</translation>
    </message>
    <message>
        <source>Step 3 of 3: done</source>
        <translation>Step 3 of 3: done</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>What the spreadsheet holds</source>
        <translation>What the spreadsheet holds</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Spreadsheet</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Check the rows</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>Save an empty template…</translation>
    </message>
    <message>
        <source>Import the rosters you already keep in Excel (.xlsx, .xls) or CSV. Nothing is written until you have seen every row and chosen to import. People are merged on their ID number, never entered twice.</source>
        <translation>Import the rosters you already keep in Excel (.xlsx, .xls) or CSV. Nothing is written until you have seen every row and chosen to import. People are merged on their ID number, never entered twice.</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Save template as</source>
        <translation>Save template as</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
    <message>
        <source>Choose an existing spreadsheet first.</source>
        <translation>Choose an existing spreadsheet first.</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>Reading and checking the rows…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Point at a cell to read all of it. The rejected rows, each with its reasons in full, are also in the workbook that “Save the rejected rows…” writes.</source>
        <translation>Point at a cell to read all of it. The rejected rows, each with its reasons in full, are also in the workbook that “Save the rejected rows…” writes.</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>Import the valid rows</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>Save the rejected rows…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{rows} rows read: {new} new, {update} to update, {same} unchanged, {reject} rejected. {problems} problems listed below (rejected rows in red).</source>
        <translation>{rows} rows read: {new} new, {update} to update, {same} unchanged, {reject} rejected. {problems} problems listed below (rejected rows in red).</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>reminder</translation>
    </message>
    <message>
        <source>Save rejected rows as</source>
        <translation>Save rejected rows as</translation>
    </message>
    <message>
        <source>{count} rejected rows saved to {path}</source>
        <translation>{count} rejected rows saved to {path}</translation>
    </message>
    <message>
        <source>Backing up the register before the import…</source>
        <translation>Backing up the register before the import…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import another spreadsheet</source>
        <translation>Import another spreadsheet</translation>
    </message>
    <message>
        <source>Read {read} rows: {created} added, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
        <translation>Read {read} rows: {created} added, {updated} updated, {unchanged} unchanged, {rejected} rejected.</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Log in — Street Office Registry</source>
        <translation>Log in — Street Office Registry</translation>
    </message>
    <message>
        <source>This register is protected by accounts. Please log in.</source>
        <translation>This register is protected by accounts. Please log in.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Please enter the user name and the password.</source>
        <translation>Please enter the user name and the password.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>This needs an administrator&apos;s account.</source>
        <translation>This needs an administrator&apos;s account.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Street Office Registry</source>
        <translation>Street Office Registry</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <source>Backup and restore…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>Register settings…</source>
        <translation>Register settings…</translation>
    </message>
    <message>
        <source>Area settings…</source>
        <translation>Area settings…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>About…</source>
        <translation>About…</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{actor} ({role})</source>
        <translation>{actor} ({role})</translation>
    </message>
    <message>
        <source>User: {actor}    Register: {db}</source>
        <translation>User: {actor}    Register: {db}</translation>
    </message>
    <message>
        <source>Log in as another account. The current one ({actor}) stays logged in if you cancel.</source>
        <translation>Log in as another account. The current one ({actor}) stays logged in if you cancel.</translation>
    </message>
    <message>
        <source>About Street Office Registry</source>
        <translation>About Street Office Registry</translation>
    </message>
    <message>
        <source>The register is empty</source>
        <translation>The register is empty</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>This person holds no volunteer or social worker role yet.</source>
        <translation>This person holds no volunteer or social worker role yet.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>The register did not pass its integrity check. The program was probably not closed properly (a power cut or a crash), and the file may be damaged. Nothing will be written to it.</source>
        <translation>The register did not pass its integrity check. The program was probably not closed properly (a power cut or a crash), and the file may be damaged. Nothing will be written to it.</translation>
    </message>
    <message>
        <source>No good backup was found. Please ask whoever looks after the program for help.</source>
        <translation>No good backup was found. Please ask whoever looks after the program for help.</translation>
    </message>
    <message>
        <source>The latest good backup is “{name}”. Restore it now? Whatever was entered after that backup will be missing; the damaged file is kept beside the register under a new name.</source>
        <translation>The latest good backup is “{name}”. Restore it now? Whatever was entered after that backup will be missing; the damaged file is kept beside the register under a new name.</translation>
    </message>
    <message>
        <source>The register may be damaged</source>
        <translation>The register may be damaged</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Restoring needs an administrator. Log in with an administrator&apos;s account of the backup.</source>
        <translation>Restoring needs an administrator. Log in with an administrator&apos;s account of the backup.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Find a person: name, initials, ID number, phone (Ctrl+F)</source>
        <translation>Find a person: name, initials, ID number, phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Nobody found</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>social worker</source>
        <translation>social worker</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Select a row in the list first.</source>
        <translation>Select a row in the list first.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Counting rows…</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} rows</translation>
    </message>
    <message>
        <source>{count}; filters: {filters}</source>
        <translation>{count}; filters: {filters}</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Select a row to see its details.</translation>
    </message>
    <message>
        <source>No star</source>
        <translation>No star</translation>
    </message>
    <message>
        <source>highest level reached</source>
        <translation>highest level reached</translation>
    </message>
    <message>
        <source>{hours} h to the next star</source>
        <translation>{hours} h to the next star</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Certificate {number}</source>
        <translation>Certificate {number}</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Volunteer no.</source>
        <translation>Volunteer no.</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours this year</source>
        <translation>Hours this year</translation>
    </message>
    <message>
        <source>Hours overall</source>
        <translation>Hours overall</translation>
    </message>
    <message>
        <source>Star level</source>
        <translation>Star level</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Next star</source>
        <translation>Next star</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Service categories</source>
        <translation>Service categories</translation>
    </message>
    <message>
        <source>Merge person records…</source>
        <translation>Merge person records…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>New volunteer</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Record hours</source>
        <translation>Record hours</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Service certificate…</source>
        <translation>Service certificate…</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Deactivate volunteer</source>
        <translation>Deactivate volunteer</translation>
    </message>
    <message>
        <source>Deactivate the selected volunteer? The record stays in the register with its hours.</source>
        <translation>Deactivate the selected volunteer? The record stays in the register with its hours.</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>Certificate level</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>Year obtained</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Registered until</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>CE hours this cycle</source>
        <translation>CE hours this cycle</translation>
    </message>
    <message>
        <source>CE cycle</source>
        <translation>CE cycle</translation>
    </message>
    <message>
        <source>CE hours required</source>
        <translation>CE hours required</translation>
    </message>
    <message>
        <source>CE shortfall</source>
        <translation>CE shortfall</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>CE due by</source>
        <translation>CE due by</translation>
    </message>
    <message>
        <source>New social worker</source>
        <translation>New social worker</translation>
    </message>
    <message>
        <source>Extend registrations…</source>
        <translation>Extend registrations…</translation>
    </message>
    <message>
        <source>Social workers</source>
        <translation>Social workers</translation>
    </message>
    <message>
        <source>Deactivate social worker</source>
        <translation>Deactivate social worker</translation>
    </message>
    <message>
        <source>Deactivate the selected social worker?</source>
        <translation>Deactivate the selected social worker?</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Registration authority</source>
        <translation>Registration authority</translation>
    </message>
    <message>
        <source>Supervising unit</source>
        <translation>Supervising unit</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Service fields</source>
        <translation>Service fields</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Annual inspections</source>
        <translation>Annual inspections</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Evaluation grades</source>
        <translation>Evaluation grades</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>Awarded</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Charity</source>
        <translation>Charity</translation>
    </message>
    <message>
        <source>not recognized</source>
        <translation>not recognized</translation>
    </message>
    <message>
        <source>recognized on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recognized on {day}; files the charity annual report from {year}</source>
        <translation>recognized on {day}; files the charity annual report from {year}</translation>
    </message>
    <message>
        <source>{name}; bought by {buyer}; {amount} yuan; {start} – {end}; {status}</source>
        <translation>{name}; bought by {buyer}; {amount} yuan; {start} – {end}; {status}</translation>
    </message>
    <message>
        <source>Purchased-service projects</source>
        <translation>Purchased-service projects</translation>
    </message>
    <message>
        <source>Year founded</source>
        <translation>Year founded</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>New organization</translation>
    </message>
    <message>
        <source>Deregister</source>
        <translation>Deregister</translation>
    </message>
    <message>
        <source>Inspection…</source>
        <translation>Inspection…</translation>
    </message>
    <message>
        <source>Grade…</source>
        <translation>Grade…</translation>
    </message>
    <message>
        <source>Project…</source>
        <translation>Project…</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>Continuing education</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>New training</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>Hours credited</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>Attendance…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Corrects entry</source>
        <translation>Corrects entry</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>Entry {number}</translation>
    </message>
    <message>
        <source>Hours for an activity</source>
        <translation>Hours for an activity</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>Approve selected</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log entry {number}</source>
        <translation>Log entry {number}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>Hide full numbers</source>
        <translation>Hide full numbers</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Source: {source}; in force from: unknown</source>
        <translation>Source: {source}; in force from: unknown</translation>
    </message>
    <message>
        <source>Source: {source}; in force from {date}</source>
        <translation>Source: {source}; in force from {date}</translation>
    </message>
    <message>
        <source>Defined by the district file. {text}</source>
        <translation>Defined by the district file. {text}</translation>
    </message>
    <message>
        <source>Register settings</source>
        <translation>Register settings</translation>
    </message>
    <message>
        <source>Volunteer star levels</source>
        <translation>Volunteer star levels</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>Continuing education</translation>
    </message>
    <message>
        <source>Rounding of service hours</source>
        <translation>Rounding of service hours</translation>
    </message>
    <message>
        <source>A new star standard recomputes every volunteer&apos;s star level; a new continuing-education standard recounts every social worker&apos;s hours.</source>
        <translation>A new star standard recomputes every volunteer&apos;s star level; a new continuing-education standard recounts every social worker&apos;s hours.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Deactivated volunteers</source>
        <translation>Deactivated volunteers</translation>
    </message>
    <message>
        <source>Deactivated social workers</source>
        <translation>Deactivated social workers</translation>
    </message>
    <message>
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation>Keep for ever</translation>
    </message>
    <message>
        <source>After these years their name, ID number, phone and address are erased; their service hours stay. Someone who still holds another role is kept.</source>
        <translation>After these years their name, ID number, phone and address are erased; their service hours stay. Someone who still holds another role is kept.</translation>
    </message>
    <message>
        <source>Apply now…</source>
        <translation>Apply now…</translation>
    </message>
    <message>
        <source>Keeping personal data</source>
        <translation>Keeping personal data</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Saving the settings…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation>kept for ever</translation>
    </message>
    <message>
        <source>erased {years} years after deactivation</source>
        <translation>erased {years} years after deactivation</translation>
    </message>
    <message>
        <source>No retention period is set; nothing is erased.</source>
        <translation>No retention period is set; nothing is erased.</translation>
    </message>
    <message>
        <source>Erase now the personal data that is due?

Volunteers: {volunteer}
Social workers: {social_worker}

Service hours stay. Unsaved changes in this dialog are saved first. This cannot be undone.</source>
        <translation>Erase now the personal data that is due?

Volunteers: {volunteer}
Social workers: {social_worker}

Service hours stay. Unsaved changes in this dialog are saved first. This cannot be undone.</translation>
    </message>
    <message>
        <source>Apply retention</source>
        <translation>Apply retention</translation>
    </message>
    <message>
        <source>Erasing personal data…</source>
        <translation>Erasing personal data…</translation>
    </message>
    <message>
        <source>Erased: {volunteers} volunteers, {workers} social workers; kept because they hold another role: {kept}.</source>
        <translation>Erased: {volunteers} volunteers, {workers} social workers; kept because they hold another role: {kept}.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Your district</source>
        <translation>Your district</translation>
    </message>
    <message>
        <source>The district file lists the district&apos;s streets and communities with their populations, and the rules the district uses.</source>
        <translation>The district file lists the district&apos;s streets and communities with their populations, and the rules the district uses.</translation>
    </message>
    <message>
        <source>Another district file…</source>
        <translation>Another district file…</translation>
    </message>
    <message>
        <source>{file} (has problems)</source>
        <translation>{file} (has problems)</translation>
    </message>
    <message>
        <source>Choose the district file</source>
        <translation>Choose the district file</translation>
    </message>
    <message>
        <source>District files (*.toml)</source>
        <translation>District files (*.toml)</translation>
    </message>
    <message>
        <source>No district file came with the program. You can go on and add the streets and communities later in System → Area settings.</source>
        <translation>No district file came with the program. You can go on and add the streets and communities later in System → Area settings.</translation>
    </message>
    <message>
        <source>This file cannot be used:</source>
        <translation>This file cannot be used:</translation>
    </message>
    <message>
        <source>{district}: {streets} streets, {communities} communities.</source>
        <translation>{district}: {streets} streets, {communities} communities.</translation>
    </message>
    <message>
        <source>This office&apos;s street</source>
        <translation>This office&apos;s street</translation>
    </message>
    <message>
        <source>One installer serves the whole district: choose the street this office works for. It issues the certificates and heads the window.</source>
        <translation>One installer serves the whole district: choose the street this office works for. It issues the certificates and heads the window.</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Certificates are issued by</source>
        <translation>Certificates are issued by</translation>
    </message>
    <message>
        <source>Who uses the program</source>
        <translation>Who uses the program</translation>
    </message>
    <message>
        <source>The administrator adds the clerks&apos; accounts later (System → Accounts). Each account&apos;s name is printed as the handler on certificates.</source>
        <translation>The administrator adds the clerks&apos; accounts later (System → Accounts). Each account&apos;s name is printed as the handler on certificates.</translation>
    </message>
    <message>
        <source>Set up an administrator account (recommended)</source>
        <translation>Set up an administrator account (recommended)</translation>
    </message>
    <message>
        <source>Work without accounts: everyone at this computer may do everything, and the handler on a certificate is typed each time</source>
        <translation>Work without accounts: everyone at this computer may do everything, and the handler on a certificate is typed each time</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>e.g. 王芳</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Your name (printed as handler)</source>
        <translation>Your name (printed as handler)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Enter a user name for the administrator.</source>
        <translation>Enter a user name for the administrator.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s own name: it is printed as the handler.</source>
        <translation>Enter the administrator&apos;s own name: it is printed as the handler.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Where the register lives</source>
        <translation>Where the register lives</translation>
    </message>
    <message>
        <source>Finish creates the register here and opens the program.</source>
        <translation>Finish creates the register here and opens the program.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>The register is already in this file; it stays there.</source>
        <translation>The register is already in this file; it stays there.</translation>
    </message>
    <message>
        <source>The register is one file on this computer. Choose a folder that is backed up and that only this office&apos;s staff can read. The program remembers it.</source>
        <translation>The register is one file on this computer. Choose a folder that is backed up and that only this office&apos;s staff can read. The program remembers it.</translation>
    </message>
    <message>
        <source>Where to keep the register</source>
        <translation>Where to keep the register</translation>
    </message>
    <message>
        <source>Registers (*.sqlite3)</source>
        <translation>Registers (*.sqlite3)</translation>
    </message>
    <message>
        <source>A file of this name is already there. Choose another name, or open that register with the --db option.</source>
        <translation>A file of this name is already there. Choose another name, or open that register with the --db option.</translation>
    </message>
    <message>
        <source>The program may not write in this folder. Choose another one.</source>
        <translation>The program may not write in this folder. Choose another one.</translation>
    </message>
    <message>
        <source>Setting up the Street Office Registry</source>
        <translation>Setting up the Street Office Registry</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>District file “{name}”: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District file “{name}” was not applied: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the administrator</source>
        <translation>For the administrator</translation>
    </message>
    <message>
        <source>The checks at start found the following. The register can be used as usual; this notice is shown once.</source>
        <translation>The checks at start found the following. The register can be used as usual; this notice is shown once.</translation>
    </message>
    <message>
        <source>The district file has problems</source>
        <translation>The district file has problems</translation>
    </message>
    <message>
        <source>The bundled district file was not applied; the program works without it.</source>
        <translation>The bundled district file was not applied; the program works without it.</translation>
    </message>
    <message>
        <source>Could not log in as {user}: {reason}</source>
        <translation>Could not log in as {user}: {reason}</translation>
    </message>
    <message>
        <source>This register has accounts. Without a window to log in, give the user name with --user NAME and the password in the environment variable REGISTRY_PASSWORD.</source>
        <translation>This register has accounts. Without a window to log in, give the user name with --user NAME and the password in the environment variable REGISTRY_PASSWORD.</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Social workers</source>
        <translation>Social workers</translation>
    </message>
    <message>
        <source>Per 1,000</source>
        <translation>Per 1,000</translation>
    </message>
    <message>
        <source>1‰ aim</source>
        <translation>1‰ aim</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>Whose</translation>
    </message>
    <message>
        <source>Double-click to open the organization or social worker</source>
        <translation>Double-click to open the organization or social worker</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Extend selected…</source>
        <translation>Extend selected…</translation>
    </message>
    <message>
        <source>After a policy change: extend the selected registrations or evaluation grades</source>
        <translation>After a policy change: extend the selected registrations or evaluation grades</translation>
    </message>
    <message>
        <source>Upcoming deadlines within</source>
        <translation>Upcoming deadlines within</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>All streets</source>
        <translation>All streets</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>All communities</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>{count} kinds</source>
        <translation>{count} kinds</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>Select registrations expiring, or evaluation grades expiring (one kind at a time).</source>
        <translation>Select registrations expiring, or evaluation grades expiring (one kind at a time).</translation>
    </message>
    <message>
        <source>Approved hours by month, {year}</source>
        <translation>Approved hours by month, {year}</translation>
    </message>
    <message>
        <source>Approved hours by service category, {year}</source>
        <translation>Approved hours by service category, {year}</translation>
    </message>
    <message>
        <source>Indicators by community</source>
        <translation>Indicators by community</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>Residents {pop}; volunteers {vol} ({share:.1f}%); social workers {sw} ({pm:.2f} per 1,000, aim 1‰)</source>
        <translation>Residents {pop}; volunteers {vol} ({share:.1f}%); social workers {sw} ({pm:.2f} per 1,000, aim 1‰)</translation>
    </message>
    <message>
        <source>{count} communities</source>
        <translation>{count} communities</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>The register is empty</source>
        <translation>The register is empty</translation>
    </message>
    <message>
        <source>Start by importing the rosters you already keep in Excel: volunteers, social workers, organizations, hours and training. Or enter the first record by hand.</source>
        <translation>Start by importing the rosters you already keep in Excel: volunteers, social workers, organizations, hours and training. Or enter the first record by hand.</translation>
    </message>
    <message>
        <source>Import existing rosters…</source>
        <translation>Import existing rosters…</translation>
    </message>
    <message>
        <source>Add the first volunteer…</source>
        <translation>Add the first volunteer…</translation>
    </message>
    <message>
        <source>Add the first organization…</source>
        <translation>Add the first organization…</translation>
    </message>
</context>
</TS>
