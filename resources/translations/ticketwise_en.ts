<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../app/ui/attachments.py" line="93"/>
        <source>Drop files or screenshots here, or paste an image with Ctrl+Shift+V</source>
        <translation>Drop files or screenshots here, or paste an image with Ctrl+Shift+V</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../app/ui/checklist.py" line="38"/>
        <source>What the help desk needs</source>
        <translation>What the help desk needs</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="75"/>
        <source>Only the subject and the description are required. The rest is advice: tickets with it get solved faster.</source>
        <translation>Only the subject and the description are required. The rest is advice: tickets with it get solved faster.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="87"/>
        <source>A specific subject</source>
        <translation>A specific subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="88"/>
        <source>A detailed description</source>
        <translation>A detailed description</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="89"/>
        <source>The steps that led to it</source>
        <translation>The steps that led to it</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="90"/>
        <source>What you expected, what happened</source>
        <translation>What you expected, what happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="91"/>
        <source>Screenshots of the problem</source>
        <translation>Screenshots of the problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="92"/>
        <source>The browser you used</source>
        <translation>The browser you used</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="99"/>
        <source>Required: write a subject.</source>
        <translation>Required: write a subject.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="101"/>
        <source>Say what fails and where, e.g. “Invoice PDF export fails with error 500”.</source>
        <translation>Say what fails and where, e.g. “Invoice PDF export fails with error 500”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="105"/>
        <source>A few more words help the help desk triage it.</source>
        <translation>A few more words help the help desk triage it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="107"/>
        <source>Avoid writing the subject in capitals.</source>
        <translation>Avoid writing the subject in capitals.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="108"/>
        <source>Required: describe what happened.</source>
        <translation>Required: describe what happened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="110"/>
        <source>Say in your own words what happened.</source>
        <translation>Say in your own words what happened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="113"/>
        <source>Add some detail: what were you doing, what did you see?</source>
        <translation>Add some detail: what were you doing, what did you see?</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="115"/>
        <source>List what you did, one step per line.</source>
        <translation>List what you did, one step per line.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="116"/>
        <source>Add each step up to the error, one per line.</source>
        <translation>Add each step up to the error, one per line.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="118"/>
        <source>Say what you expected and what happened instead.</source>
        <translation>Say what you expected and what happened instead.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="120"/>
        <source>Say what you expected to happen.</source>
        <translation>Say what you expected to happen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="121"/>
        <source>Say what happened instead.</source>
        <translation>Say what happened instead.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="123"/>
        <source>Attach, paste or drop a screenshot of the error.</source>
        <translation>Attach, paste or drop a screenshot of the error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="126"/>
        <source>Pick the browser, or say it is not a browser problem.</source>
        <translation>Pick the browser, or say it is not a browser problem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="147"/>
        <source>%1 of %2 ready</source>
        <translation>%1 of %2 ready</translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <location filename="../../app/ui/composer.py" line="139"/>
        <source>Help desk:</source>
        <translation>Help desk:</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="142"/>
        <source>not set up yet</source>
        <translation>not set up yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="158"/>
        <source>What fails, and where? e.g. “Invoice PDF export fails with error 500”</source>
        <translation>What fails, and where? e.g. “Invoice PDF export fails with error 500”</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="162"/>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="166"/>
        <source>Describe the problem: what were you doing, what did you see, since when?</source>
        <translation>Describe the problem: what were you doing, what did you see, since when?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="169"/>
        <source>1. Opened …
2. Clicked …
3. The error appeared</source>
        <translation>1. Opened …
2. Clicked …
3. The error appeared</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="171"/>
        <source>What should have happened?</source>
        <translation>What should have happened?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="172"/>
        <source>What happened instead? Quote any error message.</source>
        <translation>What happened instead? Quote any error message.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="176"/>
        <source>&amp;What happened</source>
        <translation>&amp;What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="178"/>
        <source>S&amp;teps that led to it</source>
        <translation>S&amp;teps that led to it</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="182"/>
        <source>What you &amp;expected</source>
        <translation>What you &amp;expected</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="183"/>
        <source>What happened &amp;instead</source>
        <translation>What happened &amp;instead</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="194"/>
        <source>Which browser were you using? e.g. Firefox 128, Chrome 131</source>
        <translation>Which browser were you using? e.g. Firefox 128, Chrome 131</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="196"/>
        <source>Not a browser problem</source>
        <translation>Not a browser problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="200"/>
        <source>&amp;Browser</source>
        <translation>&amp;Browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="204"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="208"/>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="210"/>
        <source>&amp;Paste image</source>
        <translation>&amp;Paste image</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="212"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="220"/>
        <source>Drop files here, or paste a screenshot with Ctrl+Shift+V. Delete removes the selected ones.</source>
        <translation>Drop files here, or paste a screenshot with Ctrl+Shift+V. Delete removes the selected ones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="247"/>
        <source>&amp;Delete draft</source>
        <translation>&amp;Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="249"/>
        <source>Send &amp;ticket</source>
        <translation>Send &amp;ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="266"/>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="268"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="294"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="295"/>
        <source>Steps that led to it</source>
        <translation>Steps that led to it</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="296"/>
        <source>What I expected</source>
        <translation>What I expected</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="297"/>
        <source>What happened instead</source>
        <translation>What happened instead</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="298"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="299"/>
        <source>not a browser problem</source>
        <translation>not a browser problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="309"/>
        <source>Set up a help desk…</source>
        <translation>Set up a help desk…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="336"/>
        <location filename="../../app/ui/composer.py" line="438"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="426"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="445"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="449"/>
        <source>The draft could not be saved: %1 Your text stays in the window; Ticketwise keeps trying.</source>
        <translation>The draft could not be saved: %1 Your text stays in the window; Ticketwise keeps trying.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="488"/>
        <source>Screenshot %1.png</source>
        <translation>Screenshot %1.png</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="499"/>
        <source>Adding %1…</source>
        <translation>Adding %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="525"/>
        <source>Attachment not added</source>
        <translation>Attachment not added</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="553"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="565"/>
        <source>The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).</source>
        <translation>The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="631"/>
        <source>A subject and a description are needed before sending.</source>
        <translation>A subject and a description are needed before sending.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="642"/>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="643"/>
        <source>Delete this draft? What you wrote and attached here will be gone.</source>
        <translation>Delete this draft? What you wrote and attached here will be gone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="656"/>
        <source>Draft deleted.</source>
        <translation>Draft deleted.</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="436"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="462"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="479"/>
        <source>✔ Connected as %1</source>
        <translation>✔ Connected as %1</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/application.py" line="91"/>
        <source>Ticketwise hit a bug</source>
        <translation>Ticketwise hit a bug</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="93"/>
        <source>Something went wrong inside Ticketwise. Your draft is saved and nothing in the outbox is lost. Please report this, with the details below.</source>
        <translation>Something went wrong inside Ticketwise. Your draft is saved and nothing in the outbox is lost. Please report this, with the details below.</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <location filename="../../app/ui/lists.py" line="64"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="67"/>
        <source>Everything you type is saved as you go. Pick a draft to carry on.</source>
        <translation>Everything you type is saved as you go. Pick a draft to carry on.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="72"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="73"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="74"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="75"/>
        <source>Last edited</source>
        <translation>Last edited</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="81"/>
        <source>No drafts. A new ticket becomes a draft as soon as you type.</source>
        <translation>No drafts. A new ticket becomes a draft as soon as you type.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="88"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="90"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="101"/>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="103"/>
        <source>%1 (open in the composer)</source>
        <translation>%1 (open in the composer)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>The help desk cannot check a password with characters such as € over its API.</source>
        <translation>The help desk cannot check a password with characters such as € over its API.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>Create an auth token in Request Tracker (Settings, Auth Tokens) and paste it into the password field instead.</source>
        <translation>Create an auth token in Request Tracker (Settings, Auth Tokens) and paste it into the password field instead.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="46"/>
        <source>The help desk refused the auth token (wrong, expired or revoked).</source>
        <translation>The help desk refused the auth token (wrong, expired or revoked).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Create a new token in Request Tracker (Settings, Auth Tokens) and paste it into the password field in Settings.</source>
        <translation>Create a new token in Request Tracker (Settings, Auth Tokens) and paste it into the password field in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>No password is stored for this help desk.</source>
        <translation>No password is stored for this help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="58"/>
        <source>Open Settings, select the profile and enter your password.</source>
        <translation>Open Settings, select the profile and enter your password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="63"/>
        <source>The server refused your login name or password.</source>
        <translation>The server refused your login name or password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>Check the login and password in Settings, then press Retry.</source>
        <translation>Check the login and password in Settings, then press Retry.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <location filename="../../app/ui/errors.py" line="97"/>
        <location filename="../../app/ui/errors.py" line="345"/>
        <source>The server said:</source>
        <translation>The server said:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="75"/>
        <source>The server&apos;s certificate is not trusted, so the connection was not made.</source>
        <translation>The server&apos;s certificate is not trusted, so the connection was not made.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="78"/>
        <source>If your organisation uses its own certificate authority, add its CA file in Settings. Verification is never switched off.</source>
        <translation>If your organisation uses its own certificate authority, add its CA file in Settings. Verification is never switched off.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="84"/>
        <location filename="../../app/ui/errors.py" line="190"/>
        <location filename="../../app/ui/errors.py" line="229"/>
        <location filename="../../app/ui/errors.py" line="256"/>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="91"/>
        <source>The mail server refused the help desk&apos;s address.</source>
        <translation>The mail server refused the help desk&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="94"/>
        <source>Check the support address in Settings.</source>
        <translation>Check the support address in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="107"/>
        <source>The ticket is too large: %1 MB, and the server accepts at most %2 MB.</source>
        <translation>The ticket is too large: %1 MB, and the server accepts at most %2 MB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="113"/>
        <location filename="../../app/ui/errors.py" line="121"/>
        <source>Remove or shrink some attachments, then send again.</source>
        <translation>Remove or shrink some attachments, then send again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="118"/>
        <source>The server refused the ticket because it is too large.</source>
        <translation>The server refused the ticket because it is too large.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="127"/>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="128"/>
        <source>The ticket stays in the outbox and is sent automatically later.</source>
        <translation>The ticket stays in the outbox and is sent automatically later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="134"/>
        <source>The server&apos;s name could not be found (no network, or a wrong name).</source>
        <translation>The server&apos;s name could not be found (no network, or a wrong name).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="137"/>
        <source>The server refused the connection (it is down, or the port is wrong).</source>
        <translation>The server refused the connection (it is down, or the port is wrong).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="140"/>
        <source>The server is busy or temporarily limited.</source>
        <translation>The server is busy or temporarily limited.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="143"/>
        <source>The help desk&apos;s server failed with an internal error.</source>
        <translation>The help desk&apos;s server failed with an internal error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="150"/>
        <source>The server cannot be reached right now.</source>
        <translation>The server cannot be reached right now.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="152"/>
        <source>The ticket stays in the outbox and is sent automatically when the server is back. Nothing is lost.</source>
        <translation>The ticket stays in the outbox and is sent automatically when the server is back. Nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="160"/>
        <source>The connection broke while the ticket was being handed over: the help desk may or may not have it.</source>
        <translation>The connection broke while the ticket was being handed over: the help desk may or may not have it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="165"/>
        <source>Check your mailbox for the help desk&apos;s confirmation. If it is not there, press Send again; if it is, press Mark as sent.</source>
        <translation>Check your mailbox for the help desk&apos;s confirmation. If it is not there, press Send again; if it is, press Mark as sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="173"/>
        <source>The server refused the ticket.</source>
        <translation>The server refused the ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="174"/>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="183"/>
        <source>Check the address in Settings: for OTRS, Znuny and OTOBO it is the help desk&apos;s address (https://…/otrs/) or the web service&apos;s URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>Check the address in Settings: for OTRS, Znuny and OTOBO it is the help desk&apos;s address (https://…/otrs/) or the web service&apos;s URL (…/nph-genericinterface.pl/Webservice/NAME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="197"/>
        <source>No help desk is set up yet.</source>
        <translation>No help desk is set up yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="198"/>
        <source>Several help desks are set up and none is the default.</source>
        <translation>Several help desks are set up and none is the default.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="201"/>
        <source>The server does not offer STARTTLS encryption.</source>
        <translation>The server does not offer STARTTLS encryption.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="204"/>
        <source>The server does not offer login on this connection.</source>
        <translation>The server does not offer login on this connection.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="207"/>
        <source>The encrypted connection could not be set up.</source>
        <translation>The encrypted connection could not be set up.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="210"/>
        <source>The CA file cannot be used.</source>
        <translation>The CA file cannot be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="182"/>
        <location filename="../../app/ui/errors.py" line="211"/>
        <source>There is no help-desk API at this address.</source>
        <translation>There is no help-desk API at this address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="20"/>
        <source>The web server (or a proxy in front of it) asks for a login before the help desk&apos;s web service.</source>
        <translation>The web server (or a proxy in front of it) asks for a login before the help desk&apos;s web service.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="25"/>
        <source>Ask the help desk&apos;s administrators how the web service is reached from your network.</source>
        <translation>Ask the help desk&apos;s administrators how the web service is reached from your network.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="214"/>
        <source>This kind of help desk is not supported by this version.</source>
        <translation>This kind of help desk is not supported by this version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="221"/>
        <source>The help-desk settings are incomplete or wrong.</source>
        <translation>The help-desk settings are incomplete or wrong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="225"/>
        <source>Open Settings and check the profile (server, port and security).</source>
        <translation>Open Settings and check the profile (server, port and security).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="236"/>
        <source>The help desk reported an error: %1</source>
        <translation>The help desk reported an error: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="239"/>
        <source>Try again later. If the error stays, tell the help desk&apos;s administrators what it says.</source>
        <translation>Try again later. If the error stays, tell the help desk&apos;s administrators what it says.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="247"/>
        <source>The help desk answered something Ticketwise cannot read.</source>
        <translation>The help desk answered something Ticketwise cannot read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="250"/>
        <source>Check the address in Settings. If it is right, the help desk may be misconfigured: tell its administrators.</source>
        <translation>Check the address in Settings. If it is right, the help desk may be misconfigured: tell its administrators.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="263"/>
        <source>The system keyring (where passwords are kept) could not be used.</source>
        <translation>The system keyring (where passwords are kept) could not be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="266"/>
        <source>Unlock or set up your system keyring, then try again. Ticketwise never stores passwords anywhere else.</source>
        <translation>Unlock or set up your system keyring, then try again. Ticketwise never stores passwords anywhere else.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="275"/>
        <source>The disk is full: Ticketwise could not save.</source>
        <translation>The disk is full: Ticketwise could not save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="278"/>
        <source>Ticketwise&apos;s database is busy in another program.</source>
        <translation>Ticketwise&apos;s database is busy in another program.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="281"/>
        <source>Ticketwise&apos;s database is damaged.</source>
        <translation>Ticketwise&apos;s database is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="282"/>
        <source>Ticketwise&apos;s data folder is read-only.</source>
        <translation>Ticketwise&apos;s data folder is read-only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="285"/>
        <source>An attachment&apos;s stored copy could not be read.</source>
        <translation>An attachment&apos;s stored copy could not be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="288"/>
        <source>Ticketwise&apos;s data was written by a newer version of Ticketwise.</source>
        <translation>Ticketwise&apos;s data was written by a newer version of Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="295"/>
        <source>Start the newer version of Ticketwise again; this one cannot read its data without risking it.</source>
        <translation>Start the newer version of Ticketwise again; this one cannot read its data without risking it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="304"/>
        <source>Ticketwise could not read or write its data.</source>
        <translation>Ticketwise could not read or write its data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="308"/>
        <source>Free some disk space or check the data folder&apos;s permissions. What you typed is kept in the window until it can be saved.</source>
        <translation>Free some disk space or check the data folder&apos;s permissions. What you typed is kept in the window until it can be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="316"/>
        <source>The ticket needs a subject and a description.</source>
        <translation>The ticket needs a subject and a description.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="317"/>
        <source>Fill in the fields marked in the checklist.</source>
        <translation>Fill in the fields marked in the checklist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="321"/>
        <source>Sending was cancelled.</source>
        <translation>Sending was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="322"/>
        <source>The ticket is kept in the outbox: press Retry to send it.</source>
        <translation>The ticket is kept in the outbox: press Retry to send it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="328"/>
        <source>Ticketwise hit an internal error while sending.</source>
        <translation>Ticketwise hit an internal error while sending.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="329"/>
        <source>The ticket is kept in the outbox. Press Retry; if it happens again, please report it with the log file.</source>
        <translation>The ticket is kept in the outbox. Press Retry; if it happens again, please report it with the log file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="336"/>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="337"/>
        <source>Please try again.</source>
        <translation>Please try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="351"/>
        <source>The help desk&apos;s web service is not set up correctly.</source>
        <translation>The help desk&apos;s web service is not set up correctly.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="354"/>
        <source>Tell the help desk&apos;s administrators; nothing in Settings can fix it.</source>
        <translation>Tell the help desk&apos;s administrators; nothing in Settings can fix it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="360"/>
        <source>The help desk has no web service “%1” for tickets.</source>
        <translation>The help desk has no web service “%1” for tickets.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="363"/>
        <source>Check the web service name in Settings (usually GenericTicketConnectorREST); the help desk&apos;s administrators see it under Admin → Web Services.</source>
        <translation>Check the web service name in Settings (usually GenericTicketConnectorREST); the help desk&apos;s administrators see it under Admin → Web Services.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="379"/>
        <source>Ticketwise hit an internal error: %1</source>
        <translation>Ticketwise hit an internal error: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="382"/>
        <source>Your work is saved. Please report this with the log file.</source>
        <translation>Your work is saved. Please report this with the log file.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="112"/>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="113"/>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="114"/>
        <location filename="../../app/ui/main_window.py" line="305"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="146"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147"/>
        <source>&amp;New ticket</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Send &amp;outbox now</source>
        <translation>Send &amp;outbox now</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;About Ticketwise</source>
        <translation>&amp;About Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>Your last draft is back, as you left it.</source>
        <translation>Your last draft is back, as you left it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>New ticket – %1</source>
        <translation>New ticket – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="230"/>
        <source>Ticket %1 created: %2</source>
        <translation>Ticket %1 created: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="232"/>
        <source>Sent to the help desk: %1</source>
        <translation>Sent to the help desk: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>Ticket sent</source>
        <translation>Ticket sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>A ticket needs checking</source>
        <translation>A ticket needs checking</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>Ticketwise</source>
        <translation>Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>Drafts (%1)</source>
        <translation>Drafts (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>Outbox (%1)</source>
        <translation>Outbox (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <source>Delete this draft for good?</source>
        <translation>Delete this draft for good?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="358"/>
        <source>Not sent: no help desk is set up. Your ticket is kept as a draft.</source>
        <translation>Not sent: no help desk is set up. Your ticket is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="395"/>
        <location filename="../../app/ui/main_window.py" line="423"/>
        <source>Sending “%1”…</source>
        <translation>Sending “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="411"/>
        <source>Ticket not sent</source>
        <translation>Ticket not sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="412"/>
        <source>Your ticket is kept as a draft.</source>
        <translation>Your ticket is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="466"/>
        <source>The ticket is a draft again: edit it and send it.</source>
        <translation>The ticket is a draft again: edit it and send it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="482"/>
        <source>Delete from outbox</source>
        <translation>Delete from outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="483"/>
        <source>This ticket has not reached the help desk. Delete it anyway?</source>
        <translation>This ticket has not reached the help desk. Delete it anyway?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="501"/>
        <source>Ticketwise cannot use its data</source>
        <translation>Ticketwise cannot use its data</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="541"/>
        <source>About Ticketwise</source>
        <translation>About Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="543"/>
        <source>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;File support tickets a help desk can act on at once, and follow them to the end.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;File support tickets a help desk can act on at once, and follow them to the end.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="563"/>
        <source>Ticketwise is still running</source>
        <translation>Ticketwise is still running</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="564"/>
        <source>Tickets in the outbox keep going out. Quit from the tray icon&apos;s menu.</source>
        <translation>Tickets in the outbox keep going out. Quit from the tray icon&apos;s menu.</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../app/ui/lists.py" line="161"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="166"/>
        <source>Tickets wait here until the help desk has them. When the server cannot be reached they are retried automatically.</source>
        <translation>Tickets wait here until the help desk has them. When the server cannot be reached they are retried automatically.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="173"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="173"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="173"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="183"/>
        <source>The outbox is empty.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="191"/>
        <source>&amp;Cancel sending</source>
        <translation>&amp;Cancel sending</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="197"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="199"/>
        <source>&amp;Edit as draft</source>
        <translation>&amp;Edit as draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="201"/>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Mark as sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="203"/>
        <location filename="../../app/ui/lists.py" line="294"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="205"/>
        <source>&amp;Send all now</source>
        <translation>&amp;Send all now</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="222"/>
        <source>Sent · ticket %1</source>
        <translation>Sent · ticket %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="223"/>
        <source>Sent %1</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="225"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="228"/>
        <source>Waiting · next try %1</source>
        <translation>Waiting · next try %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="231"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="233"/>
        <source>Check needed</source>
        <translation>Check needed</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="235"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="236"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="274"/>
        <source>Sending “%1”…</source>
        <translation>Sending “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="294"/>
        <source>Send &amp;again</source>
        <translation>Send &amp;again</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="306"/>
        <source>Created %1 · %2 attachment(s) · %3 attempt(s)</source>
        <translation>Created %1 · %2 attachment(s) · %3 attempt(s)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="57"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="60"/>
        <source>e.g. ACME support</source>
        <translation>e.g. ACME support</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="62"/>
        <source>E-mail (any help desk)</source>
        <translation>E-mail (any help desk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="63"/>
        <source>OTRS · Znuny · OTOBO web service</source>
        <translation>OTRS · Znuny · OTOBO web service</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="64"/>
        <source>Request Tracker 5 (REST 2.0)</source>
        <translation>Request Tracker 5 (REST 2.0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="66"/>
        <source>the support address from your contract</source>
        <translation>the support address from your contract</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="68"/>
        <source>https://help.example.com/otrs/</source>
        <translation>https://help.example.com/otrs/</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="71"/>
        <source>The help desk&apos;s address, or the whole web service URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>The help desk&apos;s address, or the whole web service URL (…/nph-genericinterface.pl/Webservice/NAME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="78"/>
        <source>where new tickets go, e.g. Raw</source>
        <translation>where new tickets go, e.g. Raw</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="81"/>
        <source>optional: https://help.example.com/otrs/customer.pl</source>
        <translation>optional: https://help.example.com/otrs/customer.pl</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="83"/>
        <source>Profile &amp;name:</source>
        <translation>Profile &amp;name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="84"/>
        <source>Help-desk &amp;type:</source>
        <translation>Help-desk &amp;type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="85"/>
        <source>Support &amp;address:</source>
        <translation>Support &amp;address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="86"/>
        <source>Web service &amp;URL:</source>
        <translation>Web service &amp;URL:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="87"/>
        <source>Web ser&amp;vice name:</source>
        <translation>Web ser&amp;vice name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="88"/>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="89"/>
        <source>Customer p&amp;ortal:</source>
        <translation>Customer p&amp;ortal:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="93"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="96"/>
        <source>Jane Customer</source>
        <translation>Jane Customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="98"/>
        <source>jane@example.com</source>
        <translation>jane@example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="99"/>
        <source>Your n&amp;ame:</source>
        <translation>Your n&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="100"/>
        <source>Your &amp;e-mail:</source>
        <translation>Your &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="104"/>
        <location filename="../../app/ui/profiles.py" line="359"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>Outgoing mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="109"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="114"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="115"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="116"/>
        <source>None – unencrypted (port 25)</source>
        <translation>None – unencrypted (port 25)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="119"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="121"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="123"/>
        <source>Se&amp;curity:</source>
        <translation>Se&amp;curity:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="125"/>
        <location filename="../../app/ui/profiles.py" line="362"/>
        <source>usually your e-mail address; empty: no login</source>
        <translation>usually your e-mail address; empty: no login</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="128"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="129"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="130"/>
        <source>Kept in your system keyring, never in a file.</source>
        <translation>Kept in your system keyring, never in a file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="136"/>
        <source>optional: your organisation&apos;s CA certificate (PEM)</source>
        <translation>optional: your organisation&apos;s CA certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="138"/>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="142"/>
        <source>Extra &amp;CA file:</source>
        <translation>Extra &amp;CA file:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="146"/>
        <source>Ticket &amp;hook:</source>
        <translation>Ticket &amp;hook:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="148"/>
        <source>Your RT password, or an auth token from RT (Settings, Auth Tokens).</source>
        <translation>Your RT password, or an auth token from RT (Settings, Auth Tokens).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="232"/>
        <source>stored in the keyring – type to replace</source>
        <translation>stored in the keyring – type to replace</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="288"/>
        <source>Give the profile a name (letters, digits, spaces, . @ + -).</source>
        <translation>Give the profile a name (letters, digits, spaces, . @ + -).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="289"/>
        <source>The support address is not a valid e-mail address.</source>
        <translation>The support address is not a valid e-mail address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="290"/>
        <source>Your e-mail address is not valid.</source>
        <translation>Your e-mail address is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="291"/>
        <source>Enter the SMTP server&apos;s name.</source>
        <translation>Enter the SMTP server&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="292"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>The port must be between 1 and 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="293"/>
        <source>The CA file does not exist.</source>
        <translation>The CA file does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="294"/>
        <source>This kind of help desk is not supported yet.</source>
        <translation>This kind of help desk is not supported yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="295"/>
        <source>Enter the web service&apos;s address (starting with https://).</source>
        <translation>Enter the web service&apos;s address (starting with https://).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="296"/>
        <source>Enter your login name.</source>
        <translation>Enter your login name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="297"/>
        <source>Enter the queue that new tickets go to.</source>
        <translation>Enter the queue that new tickets go to.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="301"/>
        <source>Enter the password for the login.</source>
        <translation>Enter the password for the login.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="359"/>
        <source>Your login</source>
        <translation>Your login</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="364"/>
        <source>your login for the help desk&apos;s customer portal</source>
        <translation>your login for the help desk&apos;s customer portal</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="410"/>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="412"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ProfileSetupDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="700"/>
        <source>Set up your help desk</source>
        <translation>Set up your help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="707"/>
        <source>&lt;b&gt;Where should your tickets go?&lt;/b&gt;&lt;br&gt;Enter the help desk&apos;s support address and the mail account Ticketwise sends from. You do this once; your ticket is kept meanwhile.</source>
        <translation>&lt;b&gt;Where should your tickets go?&lt;/b&gt;&lt;br&gt;Enter the help desk&apos;s support address and the mail account Ticketwise sends from. You do this once; your ticket is kept meanwhile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="716"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="722"/>
        <source>Save and &amp;send</source>
        <translation>Save and &amp;send</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="751"/>
        <source>Profile not saved</source>
        <translation>Profile not saved</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="500"/>
        <source>Ticketwise – Settings</source>
        <translation>Ticketwise – Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="507"/>
        <source>Help desks</source>
        <translation>Help desks</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="508"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="524"/>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="526"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="536"/>
        <source>New tickets go to this help desk by &amp;default</source>
        <translation>New tickets go to this help desk by &amp;default</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="543"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="555"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="561"/>
        <source>Show an icon in the system tray</source>
        <translation>Show an icon in the system tray</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="563"/>
        <source>Closing the window keeps Ticketwise in the tray</source>
        <translation>Closing the window keeps Ticketwise in the tray</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="565"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="566"/>
        <source>A new language applies the next time Ticketwise starts.</source>
        <translation>A new language applies the next time Ticketwise starts.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="580"/>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="633"/>
        <source>Remove profile</source>
        <translation>Remove profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="634"/>
        <source>Remove the profile “%1” and its stored password?</source>
        <translation>Remove the profile “%1” and its stored password?</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="644"/>
        <source>Profile not removed</source>
        <translation>Profile not removed</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="658"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="674"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="681"/>
        <source>Profile not saved</source>
        <translation>Profile not saved</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/application.py" line="161"/>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="162"/>
        <source>Show Ticketwise</source>
        <translation>Show Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="164"/>
        <source>Send outbox now</source>
        <translation>Send outbox now</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="168"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>
