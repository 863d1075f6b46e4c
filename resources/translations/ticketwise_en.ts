<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotatorDialog</name>
    <message>
        <location filename="../../app/ui/annotator.py" line="592"/>
        <source>Annotate screenshot</source>
        <translation>Annotate screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="637"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="648"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="672"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="675"/>
        <source>&amp;Attach</source>
        <translation>&amp;Attach</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="676"/>
        <source>Attach the annotated screenshot (Ctrl+Enter)</source>
        <translation>Attach the annotated screenshot (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="708"/>
        <source>Select</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="708"/>
        <source>Select, move or delete an annotation</source>
        <translation>Select, move or delete an annotation</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="709"/>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="709"/>
        <source>Frame an area</source>
        <translation>Frame an area</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="710"/>
        <source>Arrow</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="710"/>
        <source>Point at something</source>
        <translation>Point at something</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="713"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="714"/>
        <source>Click, type, press Enter; click a text to change it</source>
        <translation>Click, type, press Enter; click a text to change it</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="717"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="717"/>
        <source>Numbered step marker: 1, 2, 3…</source>
        <translation>Numbered step marker: 1, 2, 3…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="720"/>
        <source>Highlight</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="721"/>
        <source>Drag a highlighter band over text</source>
        <translation>Drag a highlighter band over text</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="726"/>
        <source>Crop</source>
        <translation>Crop</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="727"/>
        <source>Keep only the dragged area (Undo brings it back)</source>
        <translation>Keep only the dragged area (Undo brings it back)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="732"/>
        <source>Redact</source>
        <translation>Redact</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="733"/>
        <source>Hide private data for good: the pixels are destroyed, not blurred</source>
        <translation>Hide private data for good: the pixels are destroyed, not blurred</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="751"/>
        <source>Solid fill</source>
        <translation>Solid fill</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="752"/>
        <source>Pixelate (with noise)</source>
        <translation>Pixelate (with noise)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="755"/>
        <source>How Redact hides an area. Both destroy the original pixels; the mosaic is random noise, so nothing can be recovered from it.</source>
        <translation>How Redact hides an area. Both destroy the original pixels; the mosaic is random noise, so nothing can be recovered from it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="759"/>
        <source>Redaction mode</source>
        <translation>Redaction mode</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="766"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="769"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="773"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="773"/>
        <source>Delete the selected annotation</source>
        <translation>Delete the selected annotation</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="784"/>
        <source>Colour:</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="788"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="789"/>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="790"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="791"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="792"/>
        <source>Black</source>
        <translation>Black</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="793"/>
        <source>White</source>
        <translation>White</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="808"/>
        <source>Other…</source>
        <translation>Other…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="812"/>
        <source>Pick any colour</source>
        <translation>Pick any colour</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="818"/>
        <source>Si&amp;ze:</source>
        <translation>Si&amp;ze:</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="824"/>
        <source>Line width; text, numbers and the highlighter grow with it</source>
        <translation>Line width; text, numbers and the highlighter grow with it</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="829"/>
        <location filename="../../app/ui/annotator.py" line="855"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="833"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="837"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="842"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="843"/>
        <source>Actual size: one screenshot pixel per screen pixel</source>
        <translation>Actual size: one screenshot pixel per screen pixel</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="848"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="848"/>
        <source>Fit the window</source>
        <translation>Fit the window</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="919"/>
        <source>Annotation colour</source>
        <translation>Annotation colour</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1127"/>
        <source>Type, then Enter</source>
        <translation>Type, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1128"/>
        <source>Annotation text</source>
        <translation>Annotation text</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1321"/>
        <source>%1 %</source>
        <comment>zoom</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1324"/>
        <source>Rendering…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1327"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1368"/>
        <source>Discard annotations?</source>
        <translation>Discard annotations?</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1369"/>
        <source>Close without attaching? Your annotations on this screenshot will be lost.</source>
        <translation>Close without attaching? Your annotations on this screenshot will be lost.</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../app/ui/attachments.py" line="93"/>
        <source>Drop files or screenshots here, or paste an image with Ctrl+Shift+V</source>
        <translation>Drop files or screenshots here, or paste an image with Ctrl+Shift+V</translation>
    </message>
    <message>
        <location filename="../../app/ui/attachments.py" line="114"/>
        <source>Double-click to annotate or redact</source>
        <translation>Double-click to annotate or redact</translation>
    </message>
</context>
<context>
    <name>CaptureFlow</name>
    <message>
        <location filename="../../app/ui/capture_flow.py" line="297"/>
        <source>Screenshot not taken</source>
        <translation>Screenshot not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/capture_flow.py" line="313"/>
        <source>Screenshot %1.png</source>
        <translation>Screenshot %1.png</translation>
    </message>
</context>
<context>
    <name>CaptureOverlay</name>
    <message>
        <location filename="../../app/ui/overlay.py" line="394"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="400"/>
        <source>Drag</source>
        <translation>Drag</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="400"/>
        <source>select</source>
        <translation>select</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="402"/>
        <location filename="../../app/ui/overlay.py" line="404"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="402"/>
        <source>full screen</source>
        <translation>full screen</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="404"/>
        <source>capture</source>
        <translation>capture</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="405"/>
        <source>Arrows</source>
        <translation>Arrows</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="405"/>
        <source>move (Shift: ×10)</source>
        <translation>move (Shift: ×10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="406"/>
        <source>Ctrl+arrows</source>
        <translation>Ctrl+arrows</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="406"/>
        <source>resize</source>
        <translation>resize</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="408"/>
        <source>window</source>
        <translation>window</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="409"/>
        <source>monitor</source>
        <translation>monitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="411"/>
        <source>last region</source>
        <translation>last region</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="413"/>
        <source>Right-click</source>
        <translation>Right-click</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="413"/>
        <source>clear</source>
        <translation>clear</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="414"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="414"/>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="658"/>
        <source>Select a region to capture</source>
        <translation>Select a region to capture</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="1066"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
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
        <location filename="../../app/ui/composer.py" line="191"/>
        <source>Help desk:</source>
        <translation>Help desk:</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="194"/>
        <source>not set up yet</source>
        <translation>not set up yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="210"/>
        <source>Make it a &amp;new ticket</source>
        <translation>Make it a &amp;new ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="224"/>
        <source>What fails, and where? e.g. “Invoice PDF export fails with error 500”</source>
        <translation>What fails, and where? e.g. “Invoice PDF export fails with error 500”</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="228"/>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="232"/>
        <source>Describe the problem: what were you doing, what did you see, since when?</source>
        <translation>Describe the problem: what were you doing, what did you see, since when?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="235"/>
        <source>1. Opened …
2. Clicked …
3. The error appeared</source>
        <translation>1. Opened …
2. Clicked …
3. The error appeared</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="237"/>
        <source>What should have happened?</source>
        <translation>What should have happened?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="238"/>
        <source>What happened instead? Quote any error message.</source>
        <translation>What happened instead? Quote any error message.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="242"/>
        <source>&amp;What happened</source>
        <translation>&amp;What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="257"/>
        <source>What you &amp;expected</source>
        <translation>What you &amp;expected</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="258"/>
        <source>What happened &amp;instead</source>
        <translation>What happened &amp;instead</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="269"/>
        <source>Which browser were you using? e.g. Firefox 128, Chrome 131</source>
        <translation>Which browser were you using? e.g. Firefox 128, Chrome 131</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="271"/>
        <location filename="../../app/ui/composer.py" line="520"/>
        <source>Not a browser problem</source>
        <translation>Not a browser problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="276"/>
        <source>&amp;Browser</source>
        <translation>&amp;Browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="286"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="245"/>
        <source>Steps that &amp;led to it</source>
        <translation>Steps that &amp;led to it</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="247"/>
        <source>Record steps…</source>
        <translation>Record steps…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="249"/>
        <source>Record your clicks with screenshots while you show the problem</source>
        <translation>Record your clicks with screenshots while you show the problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="290"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="292"/>
        <source>&amp;Paste image</source>
        <translation>&amp;Paste image</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="294"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="297"/>
        <source>S&amp;creenshot</source>
        <translation>S&amp;creenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="299"/>
        <source>Select part of the screen to attach (the global key works from anywhere)</source>
        <translation>Select part of the screen to attach (the global key works from anywhere)</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="305"/>
        <source>A region…</source>
        <translation>A region…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="308"/>
        <source>A window…</source>
        <translation>A window…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="311"/>
        <source>The whole desktop</source>
        <translation>The whole desktop</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="315"/>
        <source>Ann&amp;otate…</source>
        <translation>Ann&amp;otate…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="316"/>
        <source>Mark up or redact the selected screenshot</source>
        <translation>Mark up or redact the selected screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="330"/>
        <source>Drop files here, or paste a screenshot with Ctrl+Shift+V. Delete removes the selected ones.</source>
        <translation>Drop files here, or paste a screenshot with Ctrl+Shift+V. Delete removes the selected ones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="358"/>
        <source>&amp;Delete draft</source>
        <translation>&amp;Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="360"/>
        <source>Send &amp;ticket</source>
        <translation>Send &amp;ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="377"/>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="379"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="405"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="406"/>
        <source>Steps that led to it</source>
        <translation>Steps that led to it</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="407"/>
        <source>What I expected</source>
        <translation>What I expected</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="408"/>
        <source>What happened instead</source>
        <translation>What happened instead</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="409"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="410"/>
        <source>not a browser problem</source>
        <translation>not a browser problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="411"/>
        <source>System information</source>
        <translation>System information</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="421"/>
        <source>Set up a help desk…</source>
        <translation>Set up a help desk…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="456"/>
        <location filename="../../app/ui/composer.py" line="643"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="482"/>
        <source>Follow-up to ticket %1 at %2: it is added to that ticket.</source>
        <translation>Follow-up to ticket %1 at %2: it is added to that ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="631"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="650"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="654"/>
        <source>The draft could not be saved: %1 Your text stays in the window; Ticketwise keeps trying.</source>
        <translation>The draft could not be saved: %1 Your text stays in the window; Ticketwise keeps trying.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="697"/>
        <source>The screenshots of recorded steps %1 were not found: those steps were added without them.</source>
        <translation>The screenshots of recorded steps %1 were not found: those steps were added without them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="737"/>
        <source>Screenshot %1.png</source>
        <translation>Screenshot %1.png</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="751"/>
        <source>Adding %1…</source>
        <translation>Adding %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="777"/>
        <source>Attachment not added</source>
        <translation>Attachment not added</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="885"/>
        <source>Attachment not opened</source>
        <translation>Attachment not opened</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="907"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="919"/>
        <source>The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).</source>
        <translation>The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="988"/>
        <source>A subject and a description are needed before sending.</source>
        <translation>A subject and a description are needed before sending.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="999"/>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="1000"/>
        <source>Delete this draft? What you wrote and attached here will be gone.</source>
        <translation>Delete this draft? What you wrote and attached here will be gone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="1013"/>
        <source>Draft deleted.</source>
        <translation>Draft deleted.</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="588"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="615"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="632"/>
        <source>✔ Connected as %1</source>
        <translation>✔ Connected as %1</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/application.py" line="92"/>
        <source>Ticketwise hit a bug</source>
        <translation>Ticketwise hit a bug</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="94"/>
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
        <location filename="../../app/ui/lists.py" line="104"/>
        <source>%1 (follow-up to ticket %2)</source>
        <translation>%1 (follow-up to ticket %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="109"/>
        <source>%1 (open in the composer)</source>
        <translation>%1 (open in the composer)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>The help desk cannot check a password with characters such as € over its API.</source>
        <translation>The help desk cannot check a password with characters such as € over its API.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Create an auth token in Request Tracker (Settings, Auth Tokens) and paste it into the password field instead.</source>
        <translation>Create an auth token in Request Tracker (Settings, Auth Tokens) and paste it into the password field instead.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>The help desk refused the auth token (wrong, expired or revoked).</source>
        <translation>The help desk refused the auth token (wrong, expired or revoked).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Create a new token in Request Tracker (Settings, Auth Tokens) and paste it into the password field in Settings.</source>
        <translation>Create a new token in Request Tracker (Settings, Auth Tokens) and paste it into the password field in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>No password is stored for this help desk.</source>
        <translation>No password is stored for this help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="69"/>
        <source>Open Settings, select the profile and enter your password.</source>
        <translation>Open Settings, select the profile and enter your password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74"/>
        <source>The server refused your login name or password.</source>
        <translation>The server refused your login name or password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="75"/>
        <source>Check the login and password in Settings, then press Retry.</source>
        <translation>Check the login and password in Settings, then press Retry.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="79"/>
        <location filename="../../app/ui/errors.py" line="108"/>
        <location filename="../../app/ui/errors.py" line="435"/>
        <location filename="../../app/ui/errors.py" line="578"/>
        <source>The server said:</source>
        <translation>The server said:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>The server&apos;s certificate is not trusted, so the connection was not made.</source>
        <translation>The server&apos;s certificate is not trusted, so the connection was not made.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="89"/>
        <source>If your organisation uses its own certificate authority, add its CA file in Settings. Verification is never switched off.</source>
        <translation>If your organisation uses its own certificate authority, add its CA file in Settings. Verification is never switched off.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95"/>
        <location filename="../../app/ui/errors.py" line="201"/>
        <location filename="../../app/ui/errors.py" line="240"/>
        <location filename="../../app/ui/errors.py" line="267"/>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="102"/>
        <source>The mail server refused the help desk&apos;s address.</source>
        <translation>The mail server refused the help desk&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="105"/>
        <source>Check the support address in Settings.</source>
        <translation>Check the support address in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="118"/>
        <source>The ticket is too large: %1 MB, and the server accepts at most %2 MB.</source>
        <translation>The ticket is too large: %1 MB, and the server accepts at most %2 MB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="124"/>
        <location filename="../../app/ui/errors.py" line="132"/>
        <source>Remove or shrink some attachments, then send again.</source>
        <translation>Remove or shrink some attachments, then send again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="129"/>
        <source>The server refused the ticket because it is too large.</source>
        <translation>The server refused the ticket because it is too large.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="138"/>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="139"/>
        <source>The ticket stays in the outbox and is sent automatically later.</source>
        <translation>The ticket stays in the outbox and is sent automatically later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="145"/>
        <source>The server&apos;s name could not be found (no network, or a wrong name).</source>
        <translation>The server&apos;s name could not be found (no network, or a wrong name).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="148"/>
        <source>The server refused the connection (it is down, or the port is wrong).</source>
        <translation>The server refused the connection (it is down, or the port is wrong).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="151"/>
        <source>The server is busy or temporarily limited.</source>
        <translation>The server is busy or temporarily limited.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="154"/>
        <source>The help desk&apos;s server failed with an internal error.</source>
        <translation>The help desk&apos;s server failed with an internal error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="161"/>
        <source>The server cannot be reached right now.</source>
        <translation>The server cannot be reached right now.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="163"/>
        <source>The ticket stays in the outbox and is sent automatically when the server is back. Nothing is lost.</source>
        <translation>The ticket stays in the outbox and is sent automatically when the server is back. Nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="171"/>
        <source>The connection broke while the ticket was being handed over: the help desk may or may not have it.</source>
        <translation>The connection broke while the ticket was being handed over: the help desk may or may not have it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="176"/>
        <source>Check your mailbox for the help desk&apos;s confirmation. If it is not there, press Send again; if it is, press Mark as sent.</source>
        <translation>Check your mailbox for the help desk&apos;s confirmation. If it is not there, press Send again; if it is, press Mark as sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="184"/>
        <source>The server refused the ticket.</source>
        <translation>The server refused the ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="185"/>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="194"/>
        <source>Check the address in Settings: for OTRS, Znuny and OTOBO it is the help desk&apos;s address (https://…/otrs/) or the web service&apos;s URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>Check the address in Settings: for OTRS, Znuny and OTOBO it is the help desk&apos;s address (https://…/otrs/) or the web service&apos;s URL (…/nph-genericinterface.pl/Webservice/NAME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="208"/>
        <source>No help desk is set up yet.</source>
        <translation>No help desk is set up yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="209"/>
        <source>Several help desks are set up and none is the default.</source>
        <translation>Several help desks are set up and none is the default.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="212"/>
        <source>The server does not offer STARTTLS encryption.</source>
        <translation>The server does not offer STARTTLS encryption.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="215"/>
        <source>The server does not offer login on this connection.</source>
        <translation>The server does not offer login on this connection.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="218"/>
        <source>The encrypted connection could not be set up.</source>
        <translation>The encrypted connection could not be set up.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="221"/>
        <source>The CA file cannot be used.</source>
        <translation>The CA file cannot be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="193"/>
        <location filename="../../app/ui/errors.py" line="222"/>
        <source>There is no help-desk API at this address.</source>
        <translation>There is no help-desk API at this address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>Incoming mail (IMAP): %1</source>
        <translation>Incoming mail (IMAP): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>The web server (or a proxy in front of it) asks for a login before the help desk&apos;s web service.</source>
        <translation>The web server (or a proxy in front of it) asks for a login before the help desk&apos;s web service.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>Ask the help desk&apos;s administrators how the web service is reached from your network.</source>
        <translation>Ask the help desk&apos;s administrators how the web service is reached from your network.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="225"/>
        <source>This kind of help desk is not supported by this version.</source>
        <translation>This kind of help desk is not supported by this version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="232"/>
        <source>The help-desk settings are incomplete or wrong.</source>
        <translation>The help-desk settings are incomplete or wrong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="236"/>
        <source>Open Settings and check the profile (server, port and security).</source>
        <translation>Open Settings and check the profile (server, port and security).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="247"/>
        <source>The help desk reported an error: %1</source>
        <translation>The help desk reported an error: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="250"/>
        <source>Try again later. If the error stays, tell the help desk&apos;s administrators what it says.</source>
        <translation>Try again later. If the error stays, tell the help desk&apos;s administrators what it says.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="258"/>
        <source>The help desk answered something Ticketwise cannot read.</source>
        <translation>The help desk answered something Ticketwise cannot read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="261"/>
        <source>Check the address in Settings. If it is right, the help desk may be misconfigured: tell its administrators.</source>
        <translation>Check the address in Settings. If it is right, the help desk may be misconfigured: tell its administrators.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="274"/>
        <source>The system keyring (where passwords are kept) could not be used.</source>
        <translation>The system keyring (where passwords are kept) could not be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="277"/>
        <source>Unlock or set up your system keyring, then try again. Ticketwise never stores passwords anywhere else.</source>
        <translation>Unlock or set up your system keyring, then try again. Ticketwise never stores passwords anywhere else.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="286"/>
        <source>The disk is full: Ticketwise could not save.</source>
        <translation>The disk is full: Ticketwise could not save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="289"/>
        <source>Ticketwise&apos;s database is busy in another program.</source>
        <translation>Ticketwise&apos;s database is busy in another program.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="292"/>
        <source>Ticketwise&apos;s database is damaged.</source>
        <translation>Ticketwise&apos;s database is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="293"/>
        <source>Ticketwise&apos;s data folder is read-only.</source>
        <translation>Ticketwise&apos;s data folder is read-only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="296"/>
        <source>An attachment&apos;s stored copy could not be read.</source>
        <translation>An attachment&apos;s stored copy could not be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="299"/>
        <source>Ticketwise&apos;s data was written by a newer version of Ticketwise.</source>
        <translation>Ticketwise&apos;s data was written by a newer version of Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="306"/>
        <source>Start the newer version of Ticketwise again; this one cannot read its data without risking it.</source>
        <translation>Start the newer version of Ticketwise again; this one cannot read its data without risking it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="315"/>
        <source>Ticketwise could not read or write its data.</source>
        <translation>Ticketwise could not read or write its data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="319"/>
        <source>Free some disk space or check the data folder&apos;s permissions. What you typed is kept in the window until it can be saved.</source>
        <translation>Free some disk space or check the data folder&apos;s permissions. What you typed is kept in the window until it can be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="327"/>
        <source>The ticket needs a subject and a description.</source>
        <translation>The ticket needs a subject and a description.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="328"/>
        <source>Fill in the fields marked in the checklist.</source>
        <translation>Fill in the fields marked in the checklist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="332"/>
        <source>Sending was cancelled.</source>
        <translation>Sending was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="333"/>
        <source>The ticket is kept in the outbox: press Retry to send it.</source>
        <translation>The ticket is kept in the outbox: press Retry to send it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="339"/>
        <source>This desktop offers no screenshot service (xdg-desktop-portal).</source>
        <translation>This desktop offers no screenshot service (xdg-desktop-portal).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="342"/>
        <source>Install xdg-desktop-portal and the one for your desktop (for example xdg-desktop-portal-gnome, -kde or -wlr), then sign out and in again. You can still attach a screenshot taken with another tool.</source>
        <translation>Install xdg-desktop-portal and the one for your desktop (for example xdg-desktop-portal-gnome, -kde or -wlr), then sign out and in again. You can still attach a screenshot taken with another tool.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="351"/>
        <source>The desktop&apos;s screenshot service did not answer in time.</source>
        <translation>The desktop&apos;s screenshot service did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="354"/>
        <source>Try again; if a screenshot dialog is open, finish or close it first.</source>
        <translation>Try again; if a screenshot dialog is open, finish or close it first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="360"/>
        <source>The desktop could not take the screenshot.</source>
        <translation>The desktop could not take the screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="361"/>
        <source>Try again. If it keeps failing, check that screenshots are allowed for Ticketwise in your desktop&apos;s privacy settings.</source>
        <translation>Try again. If it keeps failing, check that screenshots are allowed for Ticketwise in your desktop&apos;s privacy settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="623"/>
        <source>You can still describe the steps yourself and attach screenshots.</source>
        <translation>You can still describe the steps yourself and attach screenshots.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="628"/>
        <source>This Wayland session does not let any program watch clicks in other windows, so Ticketwise cannot record steps.</source>
        <translation>This Wayland session does not let any program watch clicks in other windows, so Ticketwise cannot record steps.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="633"/>
        <source>Log in with an X11 (Xorg) session to record steps, or:</source>
        <translation>Log in with an X11 (Xorg) session to record steps, or:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="641"/>
        <source>Ticketwise cannot record steps on this system yet.</source>
        <translation>Ticketwise cannot record steps on this system yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="673"/>
        <source>Ticketwise cannot reach the X display to record steps.</source>
        <translation>Ticketwise cannot reach the X display to record steps.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="676"/>
        <source>Start Ticketwise from your desktop session (DISPLAY must be set).</source>
        <translation>Start Ticketwise from your desktop session (DISPLAY must be set).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="684"/>
        <source>The X server or its libraries lack the input extension (XInput 2.1) that recording steps needs.</source>
        <translation>The X server or its libraries lack the input extension (XInput 2.1) that recording steps needs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="689"/>
        <source>Install libxi6 and libx11-6, or ask your administrator.</source>
        <translation>Install libxi6 and libx11-6, or ask your administrator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="729"/>
        <source>The steps recorded until then are kept. Start a new recording to go on.</source>
        <translation>The steps recorded until then are kept. Start a new recording to go on.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="734"/>
        <source>This desktop session does not let Ticketwise record steps.</source>
        <translation>This desktop session does not let Ticketwise record steps.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="371"/>
        <source>Ticketwise hit an internal error while sending.</source>
        <translation>Ticketwise hit an internal error while sending.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="372"/>
        <source>The ticket is kept in the outbox. Press Retry; if it happens again, please report it with the log file.</source>
        <translation>The ticket is kept in the outbox. Press Retry; if it happens again, please report it with the log file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="382"/>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="383"/>
        <source>Please try again.</source>
        <translation>Please try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="389"/>
        <source>You can still capture from the tray menu, the composer or the command line.</source>
        <translation>You can still capture from the tray menu, the composer or the command line.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="394"/>
        <source>The shortcut %1 is already used by another application or the desktop.</source>
        <translation>The shortcut %1 is already used by another application or the desktop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="397"/>
        <source>Choose another shortcut in the settings, or free this one there.</source>
        <translation>Choose another shortcut in the settings, or free this one there.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="405"/>
        <source>The keyboard layout has no key for the shortcut %1.</source>
        <translation>The keyboard layout has no key for the shortcut %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="408"/>
        <source>Choose another shortcut in the settings.</source>
        <translation>Choose another shortcut in the settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="412"/>
        <source>This desktop session does not let Ticketwise register a global shortcut.</source>
        <translation>This desktop session does not let Ticketwise register a global shortcut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="419"/>
        <source>%1 is not a shortcut Ticketwise can use.</source>
        <translation>%1 is not a shortcut Ticketwise can use.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="422"/>
        <source>Combine Ctrl, Shift, Alt or Meta with a letter, a digit or a function key, e.g. Ctrl+Shift+F12 (F1-F24 and Print also work alone; F21-F24 not on a Mac).</source>
        <translation>Combine Ctrl, Shift, Alt or Meta with a letter, a digit or a function key, e.g. Ctrl+Shift+F12 (F1-F24 and Print also work alone; F21-F24 not on a Mac).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="441"/>
        <source>The mail server refused your login or password.</source>
        <translation>The mail server refused your login or password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="442"/>
        <source>Check the incoming mail login and password in Settings; left empty, they are the ones used for sending.</source>
        <translation>Check the incoming mail login and password in Settings; left empty, they are the ones used for sending.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="451"/>
        <source>The mail server allows login only over an encrypted connection.</source>
        <translation>The mail server allows login only over an encrypted connection.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="454"/>
        <source>Choose SSL/TLS or STARTTLS for incoming mail in Settings.</source>
        <translation>Choose SSL/TLS or STARTTLS for incoming mail in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="460"/>
        <source>Your mailbox has no folder “%1”.</source>
        <translation>Your mailbox has no folder “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="463"/>
        <source>Check the folder in Settings (empty means INBOX).</source>
        <translation>Check the folder in Settings (empty means INBOX).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="469"/>
        <source>No login is set for the incoming mail server.</source>
        <translation>No login is set for the incoming mail server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="470"/>
        <source>Enter the login in Settings.</source>
        <translation>Enter the login in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="475"/>
        <source>This help desk profile only sends mail, so its tickets and answers cannot be shown.</source>
        <translation>This help desk profile only sends mail, so its tickets and answers cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="480"/>
        <source>Add your incoming mail server (IMAP) to the profile in Settings: the help desk&apos;s answers are read from there.</source>
        <translation>Add your incoming mail server (IMAP) to the profile in Settings: the help desk&apos;s answers are read from there.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="487"/>
        <source>By e-mail, only your own tickets can be shown.</source>
        <translation>By e-mail, only your own tickets can be shown.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="490"/>
        <source>Your colleagues&apos; tickets are in the help desk&apos;s web portal.</source>
        <translation>Your colleagues&apos; tickets are in the help desk&apos;s web portal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="495"/>
        <source>The ticket&apos;s number is not known yet, so no follow-up can be sent.</source>
        <translation>The ticket&apos;s number is not known yet, so no follow-up can be sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="498"/>
        <source>Wait for the help desk&apos;s confirmation mail and sync, then answer again.</source>
        <translation>Wait for the help desk&apos;s confirmation mail and sync, then answer again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="507"/>
        <source>This help desk cannot do that.</source>
        <translation>This help desk cannot do that.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="508"/>
        <source>Check the profile in Settings.</source>
        <translation>Check the profile in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="513"/>
        <source>The attachment is no longer in your mailbox.</source>
        <translation>The attachment is no longer in your mailbox.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="514"/>
        <source>Another mail program may have moved or deleted the mail.</source>
        <translation>Another mail program may have moved or deleted the mail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="520"/>
        <source>The help desk has no ticket with this number, or does not show it to you.</source>
        <translation>The help desk has no ticket with this number, or does not show it to you.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="524"/>
        <source>Check the number; a colleague&apos;s ticket may need your company&apos;s access.</source>
        <translation>Check the number; a colleague&apos;s ticket may need your company&apos;s access.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="530"/>
        <source>Your mailbox has no mail about this ticket.</source>
        <translation>Your mailbox has no mail about this ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="531"/>
        <source>Sync again, or check the incoming mail folder in Settings.</source>
        <translation>Sync again, or check the incoming mail folder in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="544"/>
        <source>macOS does not let Ticketwise record the screen yet.</source>
        <translation>macOS does not let Ticketwise record the screen yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="547"/>
        <source>Open System Settings → Privacy &amp; Security → Screen Recording, turn Ticketwise on, then quit and reopen Ticketwise.</source>
        <translation>Open System Settings → Privacy &amp; Security → Screen Recording, turn Ticketwise on, then quit and reopen Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="555"/>
        <source>The screen could not be captured: %1</source>
        <translation>The screen could not be captured: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="558"/>
        <source>Try again. If it keeps failing, attach a screenshot taken with another tool (Paste image or drop the file).</source>
        <translation>Try again. If it keeps failing, attach a screenshot taken with another tool (Paste image or drop the file).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="566"/>
        <source>That part of the screen cannot be captured: %1</source>
        <translation>That part of the screen cannot be captured: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="569"/>
        <source>Choose a region inside the desktop.</source>
        <translation>Choose a region inside the desktop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="584"/>
        <source>The help desk&apos;s web service is not set up correctly.</source>
        <translation>The help desk&apos;s web service is not set up correctly.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="587"/>
        <source>Tell the help desk&apos;s administrators; nothing in Settings can fix it.</source>
        <translation>Tell the help desk&apos;s administrators; nothing in Settings can fix it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="593"/>
        <source>The help desk has no web service “%1” for tickets.</source>
        <translation>The help desk has no web service “%1” for tickets.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="596"/>
        <source>Check the web service name in Settings (usually GenericTicketConnectorREST); the help desk&apos;s administrators see it under Admin → Web Services.</source>
        <translation>Check the web service name in Settings (usually GenericTicketConnectorREST); the help desk&apos;s administrators see it under Admin → Web Services.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="612"/>
        <source>Ticketwise hit an internal error: %1</source>
        <translation>Ticketwise hit an internal error: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="615"/>
        <source>Your work is saved. Please report this with the log file.</source>
        <translation>Your work is saved. Please report this with the log file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="648"/>
        <source>macOS does not let Ticketwise see your clicks and key presses yet.</source>
        <translation>macOS does not let Ticketwise see your clicks and key presses yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="651"/>
        <source>Open System Settings → Privacy &amp; Security → Input Monitoring, allow Ticketwise, then start the recording again.</source>
        <translation>Open System Settings → Privacy &amp; Security → Input Monitoring, allow Ticketwise, then start the recording again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="659"/>
        <source>macOS refused to let Ticketwise watch clicks and key presses.</source>
        <translation>macOS refused to let Ticketwise watch clicks and key presses.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="662"/>
        <source>Check that Ticketwise is allowed in System Settings → Privacy &amp; Security → Input Monitoring (turn it off and on again if it is), then start the recording again, or:</source>
        <translation>Check that Ticketwise is allowed in System Settings → Privacy &amp; Security → Input Monitoring (turn it off and on again if it is), then start the recording again, or:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="697"/>
        <source>Ticketwise cannot load the Windows library (user32) that recording steps needs.</source>
        <translation>Ticketwise cannot load the Windows library (user32) that recording steps needs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="701"/>
        <source>Restart Ticketwise; if it happens again, please report it.</source>
        <translation>Restart Ticketwise; if it happens again, please report it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="709"/>
        <source>Windows did not let Ticketwise watch clicks and key presses, so steps cannot be recorded.</source>
        <translation>Windows did not let Ticketwise watch clicks and key presses, so steps cannot be recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="714"/>
        <source>Security software may block it: ask your administrator to allow Ticketwise, then start the recording again.</source>
        <translation>Security software may block it: ask your administrator to allow Ticketwise, then start the recording again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="724"/>
        <source>Ticketwise stopped receiving your clicks and key presses (the connection to the display was lost): the recording stopped.</source>
        <translation>Ticketwise stopped receiving your clicks and key presses (the connection to the display was lost): the recording stopped.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="737"/>
        <source>Steps can be recorded in an X11 session. You can still describe the steps yourself and attach screenshots.</source>
        <translation>Steps can be recorded in an X11 session. You can still describe the steps yourself and attach screenshots.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <location filename="../../app/ui/main_window.py" line="408"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>&amp;New ticket</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>Send &amp;outbox now</source>
        <translation>Send &amp;outbox now</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="215"/>
        <source>&amp;About Ticketwise</source>
        <translation>&amp;About Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="270"/>
        <source>Your last draft is back, as you left it.</source>
        <translation>Your last draft is back, as you left it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="287"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289"/>
        <source>New ticket – %1</source>
        <translation>New ticket – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="305"/>
        <source>Ticket %1 created: %2</source>
        <translation>Ticket %1 created: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>Sent to the help desk: %1</source>
        <translation>Sent to the help desk: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="309"/>
        <source>Ticket sent</source>
        <translation>Ticket sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="317"/>
        <source>A ticket needs checking</source>
        <translation>A ticket needs checking</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source>Ticketwise</source>
        <translation>Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="331"/>
        <source>Ticket#%1 created</source>
        <translation>Ticket#%1 created</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>New answer on %1</source>
        <translation>New answer on %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="336"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Ticket %1 changed</source>
        <translation>Ticket %1 changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>%1 is now closed</source>
        <translation>%1 is now closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="346"/>
        <source>%1 is open again</source>
        <translation>%1 is open again</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Drafts (%1)</source>
        <translation>Drafts (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="410"/>
        <source>Outbox (%1)</source>
        <translation>Outbox (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="442"/>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="442"/>
        <source>Delete this draft for good?</source>
        <translation>Delete this draft for good?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="462"/>
        <source>Not sent: no help desk is set up. Your ticket is kept as a draft.</source>
        <translation>Not sent: no help desk is set up. Your ticket is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="499"/>
        <location filename="../../app/ui/main_window.py" line="527"/>
        <source>Sending “%1”…</source>
        <translation>Sending “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="515"/>
        <source>Ticket not sent</source>
        <translation>Ticket not sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="516"/>
        <source>Your ticket is kept as a draft.</source>
        <translation>Your ticket is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="570"/>
        <source>The ticket is a draft again: edit it and send it.</source>
        <translation>The ticket is a draft again: edit it and send it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="599"/>
        <source>Delete from outbox</source>
        <translation>Delete from outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="600"/>
        <source>This ticket has not reached the help desk. Delete it anyway?</source>
        <translation>This ticket has not reached the help desk. Delete it anyway?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="618"/>
        <source>Ticketwise cannot use its data</source>
        <translation>Ticketwise cannot use its data</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="663"/>
        <source>About Ticketwise</source>
        <translation>About Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="665"/>
        <source>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;File support tickets a help desk can act on at once, and follow them to the end.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;File support tickets a help desk can act on at once, and follow them to the end.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="781"/>
        <source>Screenshot key not available</source>
        <translation>Screenshot key not available</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="797"/>
        <source>%1 attached to the ticket. Double-click it to annotate or redact.</source>
        <translation>%1 attached to the ticket. Double-click it to annotate or redact.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="802"/>
        <source>Screenshot attached</source>
        <translation>Screenshot attached</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="857"/>
        <source>Steps cannot be recorded</source>
        <translation>Steps cannot be recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="864"/>
        <source>Recording steps…</source>
        <translation>Recording steps…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="899"/>
        <source>%1 is already the screenshot key. Choose another key for recording.</source>
        <translation>%1 is already the screenshot key. Choose another key for recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="914"/>
        <source>Recording key not available</source>
        <translation>Recording key not available</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="936"/>
        <source>Recorded 1 step.</source>
        <translation>Recorded 1 step.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="938"/>
        <source>Recorded %1 steps.</source>
        <translation>Recorded %1 steps.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="951"/>
        <location filename="../../app/ui/main_window.py" line="959"/>
        <source>Steps recorder</source>
        <translation>Steps recorder</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="955"/>
        <source>Step limit reached (%1): stop, or raise it in Settings.</source>
        <translation>Step limit reached (%1): stop, or raise it in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="970"/>
        <source>Steps recording</source>
        <translation>Steps recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="971"/>
        <source>A steps recording was interrupted (%1 steps).</source>
        <translation>A steps recording was interrupted (%1 steps).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="976"/>
        <source>Review them to add them to a ticket, or discard them for good.</source>
        <translation>Review them to add them to a ticket, or discard them for good.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="978"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="979"/>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="980"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="849"/>
        <location filename="../../app/ui/main_window.py" line="1005"/>
        <source>Finish reviewing the recorded steps first.</source>
        <translation>Finish reviewing the recorded steps first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1041"/>
        <source>Adding the recorded steps to the ticket…</source>
        <translation>Adding the recorded steps to the ticket…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1064"/>
        <source>The recorded steps are in the ticket (%1 lines, %2 attachments).</source>
        <translation>The recorded steps are in the ticket (%1 lines, %2 attachments).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1079"/>
        <source>The recorded steps were discarded.</source>
        <translation>The recorded steps were discarded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1121"/>
        <source>Ticketwise is still running</source>
        <translation>Ticketwise is still running</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1122"/>
        <source>Tickets in the outbox keep going out. Quit from the tray icon&apos;s menu.</source>
        <translation>Tickets in the outbox keep going out. Quit from the tray icon&apos;s menu.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../app/ui/notice.py" line="30"/>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../app/ui/notice.py" line="33"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../app/ui/lists.py" line="169"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="174"/>
        <source>Tickets wait here until the help desk has them. When the server cannot be reached they are retried automatically.</source>
        <translation>Tickets wait here until the help desk has them. When the server cannot be reached they are retried automatically.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="191"/>
        <source>The outbox is empty.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="199"/>
        <source>&amp;Cancel sending</source>
        <translation>&amp;Cancel sending</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="205"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="207"/>
        <source>&amp;Edit as draft</source>
        <translation>&amp;Edit as draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="209"/>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Mark as sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="211"/>
        <location filename="../../app/ui/lists.py" line="308"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="213"/>
        <source>&amp;Send all now</source>
        <translation>&amp;Send all now</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="215"/>
        <source>&amp;Follow up…</source>
        <translation>&amp;Follow up…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="217"/>
        <source>Add a message to the ticket this created (it lands on the same ticket).</source>
        <translation>Add a message to the ticket this created (it lands on the same ticket).</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="236"/>
        <source>Sent · ticket %1</source>
        <translation>Sent · ticket %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="237"/>
        <source>Sent %1</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="239"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="242"/>
        <source>Waiting · next try %1</source>
        <translation>Waiting · next try %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="245"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="247"/>
        <source>Check needed</source>
        <translation>Check needed</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="249"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="250"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="288"/>
        <source>Sending “%1”…</source>
        <translation>Sending “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="308"/>
        <source>Send &amp;again</source>
        <translation>Send &amp;again</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="325"/>
        <source>Created %1 · %2 attachment(s) · %3 attempt(s)</source>
        <translation>Created %1 · %2 attachment(s) · %3 attempt(s)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="78"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="81"/>
        <source>e.g. ACME support</source>
        <translation>e.g. ACME support</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="83"/>
        <source>E-mail (any help desk)</source>
        <translation>E-mail (any help desk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="84"/>
        <source>OTRS · Znuny · OTOBO web service</source>
        <translation>OTRS · Znuny · OTOBO web service</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="85"/>
        <source>Request Tracker 5 (REST 2.0)</source>
        <translation>Request Tracker 5 (REST 2.0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="87"/>
        <source>the support address from your contract</source>
        <translation>the support address from your contract</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="89"/>
        <source>https://help.example.com/otrs/</source>
        <translation>https://help.example.com/otrs/</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="92"/>
        <source>The help desk&apos;s address, or the whole web service URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>The help desk&apos;s address, or the whole web service URL (…/nph-genericinterface.pl/Webservice/NAME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="99"/>
        <source>where new tickets go, e.g. Raw</source>
        <translation>where new tickets go, e.g. Raw</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="102"/>
        <source>optional: https://help.example.com/otrs/customer.pl</source>
        <translation>optional: https://help.example.com/otrs/customer.pl</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="104"/>
        <source>Profile &amp;name:</source>
        <translation>Profile &amp;name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="105"/>
        <source>Help-desk &amp;type:</source>
        <translation>Help-desk &amp;type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="106"/>
        <source>Support &amp;address:</source>
        <translation>Support &amp;address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="107"/>
        <source>Web service &amp;URL:</source>
        <translation>Web service &amp;URL:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="108"/>
        <source>Web ser&amp;vice name:</source>
        <translation>Web ser&amp;vice name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="109"/>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="110"/>
        <source>Customer p&amp;ortal:</source>
        <translation>Customer p&amp;ortal:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="114"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="117"/>
        <source>Jane Customer</source>
        <translation>Jane Customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="119"/>
        <source>jane@example.com</source>
        <translation>jane@example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="120"/>
        <source>Your n&amp;ame:</source>
        <translation>Your n&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="121"/>
        <source>Your &amp;e-mail:</source>
        <translation>Your &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="125"/>
        <location filename="../../app/ui/profiles.py" line="494"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>Outgoing mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="130"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="135"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="136"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="137"/>
        <source>None – unencrypted (port 25)</source>
        <translation>None – unencrypted (port 25)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="140"/>
        <location filename="../../app/ui/profiles.py" line="207"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="144"/>
        <source>Se&amp;curity:</source>
        <translation>Se&amp;curity:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="146"/>
        <location filename="../../app/ui/profiles.py" line="497"/>
        <source>usually your e-mail address; empty: no login</source>
        <translation>usually your e-mail address; empty: no login</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="149"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="150"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="151"/>
        <source>Kept in your system keyring, never in a file.</source>
        <translation>Kept in your system keyring, never in a file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="157"/>
        <source>optional: your organisation&apos;s CA certificate (PEM)</source>
        <translation>optional: your organisation&apos;s CA certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="159"/>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="142"/>
        <source>S&amp;MTP server:</source>
        <translation>S&amp;MTP server:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="163"/>
        <source>E&amp;xtra CA file:</source>
        <translation>E&amp;xtra CA file:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="167"/>
        <source>Ticket &amp;hook:</source>
        <translation>Ticket &amp;hook:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="169"/>
        <source>Your RT password, or an auth token from RT (Settings, Auth Tokens).</source>
        <translation>Your RT password, or an auth token from RT (Settings, Auth Tokens).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="175"/>
        <source>OTRS · Znuny · OTOBO: [Ticket#N]</source>
        <translation>OTRS · Znuny · OTOBO: [Ticket#N]</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="176"/>
        <source>Request Tracker: [rtname #N]</source>
        <translation>Request Tracker: [rtname #N]</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="179"/>
        <source>How the help desk marks its ticket number in mail subjects. For Request Tracker, the ticket hook is the help desk&apos;s rtname.</source>
        <translation>How the help desk marks its ticket number in mail subjects. For Request Tracker, the ticket hook is the help desk&apos;s rtname.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="184"/>
        <source>Ticket hook st&amp;yle:</source>
        <translation>Ticket hook st&amp;yle:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="187"/>
        <source>Incoming mail (IMAP, optional)</source>
        <translation>Incoming mail (IMAP, optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="192"/>
        <source>Where the help desk&apos;s replies arrive. With it, Ticketwise shows your tickets and their answers, learns the ticket numbers and keeps a copy of what you send in your Sent folder. Nothing in the mailbox is marked read or deleted.</source>
        <translation>Where the help desk&apos;s replies arrive. With it, Ticketwise shows your tickets and their answers, learns the ticket numbers and keeps a copy of what you send in your Sent folder. Nothing in the mailbox is marked read or deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="201"/>
        <source>imap.example.com; empty: only send</source>
        <translation>imap.example.com; empty: only send</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="209"/>
        <source>IMAP ser&amp;ver:</source>
        <translation>IMAP ser&amp;ver:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="211"/>
        <source>SSL/TLS (port 993)</source>
        <translation>SSL/TLS (port 993)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="212"/>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="213"/>
        <source>None – unencrypted (port 143)</source>
        <translation>None – unencrypted (port 143)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="214"/>
        <source>Secur&amp;ity:</source>
        <translation>Secur&amp;ity:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="216"/>
        <source>empty: the same login as for sending</source>
        <translation>empty: the same login as for sending</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="217"/>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="220"/>
        <source>empty: the same password as for sending</source>
        <translation>empty: the same password as for sending</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="221"/>
        <source>Passwo&amp;rd:</source>
        <translation>Passwo&amp;rd:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="224"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="228"/>
        <source>New tickets</source>
        <translation>New tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="230"/>
        <source>Include the system &amp;information by default</source>
        <translation>Include the system &amp;information by default</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="234"/>
        <source>Operating system, screens, locale, app version and whether the help desk can be reached. You see every line in the ticket and can remove any of them.</source>
        <translation>Operating system, screens, locale, app version and whether the help desk can be reached. You see every line in the ticket and can remove any of them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="344"/>
        <source>stored in the keyring – type to replace</source>
        <translation>stored in the keyring – type to replace</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="417"/>
        <source>Give the profile a name (letters, digits, spaces, . @ + -).</source>
        <translation>Give the profile a name (letters, digits, spaces, . @ + -).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="418"/>
        <source>The support address is not a valid e-mail address.</source>
        <translation>The support address is not a valid e-mail address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="419"/>
        <source>Your e-mail address is not valid.</source>
        <translation>Your e-mail address is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="420"/>
        <source>Enter the SMTP server&apos;s name.</source>
        <translation>Enter the SMTP server&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="421"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>The port must be between 1 and 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="422"/>
        <source>The CA file does not exist.</source>
        <translation>The CA file does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="423"/>
        <source>This kind of help desk is not supported yet.</source>
        <translation>This kind of help desk is not supported yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="424"/>
        <source>Enter the web service&apos;s address (starting with https://).</source>
        <translation>Enter the web service&apos;s address (starting with https://).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="425"/>
        <source>Enter your login name.</source>
        <translation>Enter your login name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="426"/>
        <source>Enter the queue that new tickets go to.</source>
        <translation>Enter the queue that new tickets go to.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="427"/>
        <source>Enter the IMAP server&apos;s name (or leave it empty).</source>
        <translation>Enter the IMAP server&apos;s name (or leave it empty).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="428"/>
        <source>The IMAP port must be between 1 and 65535.</source>
        <translation>The IMAP port must be between 1 and 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="429"/>
        <source>Enter the login for the IMAP server.</source>
        <translation>Enter the login for the IMAP server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="430"/>
        <source>Enter the help desk&apos;s rtname as its ticket hook.</source>
        <translation>Enter the help desk&apos;s rtname as its ticket hook.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="434"/>
        <source>Enter the password for the login.</source>
        <translation>Enter the password for the login.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="494"/>
        <source>Your login</source>
        <translation>Your login</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="499"/>
        <source>your login for the help desk&apos;s customer portal</source>
        <translation>your login for the help desk&apos;s customer portal</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="520"/>
        <source>the rtname, e.g. rt.example.com</source>
        <translation>the rtname, e.g. rt.example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="562"/>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="564"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ProfileSetupDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="937"/>
        <source>Set up your help desk</source>
        <translation>Set up your help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="944"/>
        <source>&lt;b&gt;Where should your tickets go?&lt;/b&gt;&lt;br&gt;Enter the help desk&apos;s support address and the mail account Ticketwise sends from. You do this once; your ticket is kept meanwhile.</source>
        <translation>&lt;b&gt;Where should your tickets go?&lt;/b&gt;&lt;br&gt;Enter the help desk&apos;s support address and the mail account Ticketwise sends from. You do this once; your ticket is kept meanwhile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="953"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="959"/>
        <source>Save and &amp;send</source>
        <translation>Save and &amp;send</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="988"/>
        <source>Profile not saved</source>
        <translation>Profile not saved</translation>
    </message>
</context>
<context>
    <name>RecorderControl</name>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="73"/>
        <source>Ticketwise – recording steps</source>
        <translation>Ticketwise – recording steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="85"/>
        <location filename="../../app/ui/recorder_control.py" line="151"/>
        <source>Recording · %1 · %2</source>
        <translation>Recording · %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="85"/>
        <location filename="../../app/ui/recorder_control.py" line="144"/>
        <source>%1 steps</source>
        <translation>%1 steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="92"/>
        <location filename="../../app/ui/recorder_control.py" line="156"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="93"/>
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="94"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="95"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="96"/>
        <source>Stop recording clicks and typing for a while</source>
        <translation>Stop recording clicks and typing for a while</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="97"/>
        <source>Add a step in your own words</source>
        <translation>Add a step in your own words</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="98"/>
        <source>Add a screenshot of the active window</source>
        <translation>Add a screenshot of the active window</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="99"/>
        <source>End the recording and review the steps</source>
        <translation>End the recording and review the steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="144"/>
        <source>1 step</source>
        <translation>1 step</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="146"/>
        <source>Paused · %1</source>
        <translation>Paused · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="148"/>
        <source>Saving %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="156"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="207"/>
        <source>Step limit reached (%1): stop, or raise it in Settings.</source>
        <translation>Step limit reached (%1): stop, or raise it in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="245"/>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="246"/>
        <source>What should the help desk know at this step?</source>
        <translation>What should the help desk know at this step?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="653"/>
        <source>Ticketwise – Settings</source>
        <translation>Ticketwise – Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="660"/>
        <source>Help desks</source>
        <translation>Help desks</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="661"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="679"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="677"/>
        <source>A&amp;dd</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="689"/>
        <source>Ma&amp;ke this the default for new tickets</source>
        <translation>Ma&amp;ke this the default for new tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="696"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="708"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="714"/>
        <source>Show an icon in the system tray</source>
        <translation>Show an icon in the system tray</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="716"/>
        <source>Closing the window keeps Ticketwise in the tray</source>
        <translation>Closing the window keeps Ticketwise in the tray</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="718"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="719"/>
        <source>A new language applies the next time Ticketwise starts.</source>
        <translation>A new language applies the next time Ticketwise starts.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="725"/>
        <source>Screenshots</source>
        <translation>Screenshots</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="732"/>
        <source>Global &amp;key:</source>
        <translation>Global &amp;key:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="735"/>
        <source>Starts a screenshot from any program while Ticketwise runs. Clear it to use none.</source>
        <translation>Starts a screenshot from any program while Ticketwise runs. Clear it to use none.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="746"/>
        <source>Open the &amp;annotator before attaching a screenshot</source>
        <translation>Open the &amp;annotator before attaching a screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="749"/>
        <source>&amp;Hide this window while a screenshot is taken</source>
        <translation>&amp;Hide this window while a screenshot is taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="753"/>
        <source>Steps recorder</source>
        <translation>Steps recorder</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="759"/>
        <source> steps</source>
        <translation> steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="762"/>
        <source>999 steps</source>
        <translation>999 steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="764"/>
        <source>&amp;Most steps per recording:</source>
        <translation>&amp;Most steps per recording:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="771"/>
        <source>Recording &amp;key:</source>
        <translation>Recording &amp;key:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="774"/>
        <source>Starts a steps recording from any program; pressed again, stops it. Clear it to use none.</source>
        <translation>Starts a steps recording from any program; pressed again, stops it. Clear it to use none.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="805"/>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="858"/>
        <source>Remove profile</source>
        <translation>Remove profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="859"/>
        <source>Remove the profile “%1” and its stored password?</source>
        <translation>Remove the profile “%1” and its stored password?</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="869"/>
        <source>Profile not removed</source>
        <translation>Profile not removed</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="884"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="902"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="909"/>
        <source>Profile not saved</source>
        <translation>Profile not saved</translation>
    </message>
</context>
<context>
    <name>StepCaptions</name>
    <message>
        <location filename="../../app/ui/step_captions.py" line="19"/>
        <source>button</source>
        <translation>button</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="20"/>
        <source>toggle button</source>
        <translation>toggle button</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="21"/>
        <source>check box</source>
        <translation>check box</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="22"/>
        <source>radio button</source>
        <translation>radio button</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="23"/>
        <source>menu item</source>
        <translation>menu item</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="24"/>
        <source>menu</source>
        <translation>menu</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="25"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="26"/>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="27"/>
        <source>list item</source>
        <translation>list item</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="28"/>
        <source>tree item</source>
        <translation>tree item</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="29"/>
        <source>cell</source>
        <translation>cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="30"/>
        <source>icon</source>
        <translation>icon</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="31"/>
        <source>slider</source>
        <translation>slider</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="43"/>
        <source>an untitled window</source>
        <translation>an untitled window</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="49"/>
        <source>Right-clicked %3 &apos;%1&apos; in %2</source>
        <translation>Right-clicked %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="50"/>
        <source>Middle-clicked %3 &apos;%1&apos; in %2</source>
        <translation>Middle-clicked %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="53"/>
        <source>Clicked %3 &apos;%1&apos; in %2</source>
        <translation>Clicked %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="57"/>
        <source>Right-clicked &apos;%1&apos; in %2</source>
        <translation>Right-clicked &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="58"/>
        <source>Middle-clicked &apos;%1&apos; in %2</source>
        <translation>Middle-clicked &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="59"/>
        <source>Clicked &apos;%1&apos; in %2</source>
        <translation>Clicked &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="62"/>
        <source>Right-clicked in %2</source>
        <translation>Right-clicked in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="63"/>
        <source>Middle-clicked in %2</source>
        <translation>Middle-clicked in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="64"/>
        <source>Clicked in %2</source>
        <translation>Clicked in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="68"/>
        <source>Typed 1 character in %2</source>
        <translation>Typed 1 character in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="72"/>
        <source>Typed %1 characters in %2</source>
        <translation>Typed %1 characters in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="78"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="79"/>
        <source>Screenshot of %2</source>
        <translation>Screenshot of %2</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="330"/>
        <location filename="../../app/ui/steps_editor.py" line="362"/>
        <source>Recorded steps</source>
        <translation>Recorded steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="363"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="364"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="365"/>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="366"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="367"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="368"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="369"/>
        <location filename="../../app/ui/steps_editor.py" line="435"/>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="370"/>
        <source>Report made</source>
        <translation>Report made</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="371"/>
        <location filename="../../app/ui/steps_editor.py" line="636"/>
        <source>(untitled window)</source>
        <translation>(untitled window)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="372"/>
        <source>en</source>
        <comment>the language code of this translation, for the HTML report</comment>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="415"/>
        <source>Drag a step, or use Alt+Up and Alt+Down, to change the order. F2 or a double-click edits a caption.</source>
        <translation>Drag a step, or use Alt+Up and Alt+Down, to change the order. F2 or a double-click edits a caption.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="440"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="441"/>
        <source>Move the step up (Alt+Up)</source>
        <translation>Move the step up (Alt+Up)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="442"/>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="443"/>
        <source>Move the step down (Alt+Down)</source>
        <translation>Move the step down (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="444"/>
        <source>&amp;Edit caption</source>
        <translation>&amp;Edit caption</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="445"/>
        <source>Rewrite the step&apos;s caption (F2)</source>
        <translation>Rewrite the step&apos;s caption (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="446"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="447"/>
        <source>Delete the step (Del)</source>
        <translation>Delete the step (Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="459"/>
        <source>Screenshot of the step</source>
        <translation>Screenshot of the step</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="468"/>
        <source>&amp;Annotate…</source>
        <translation>&amp;Annotate…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="470"/>
        <source>Mark up or black out parts of this step&apos;s screenshot</source>
        <translation>Mark up or black out parts of this step&apos;s screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="480"/>
        <source>No steps were recorded.</source>
        <translation>No steps were recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="492"/>
        <source>Also attach an &amp;HTML report of the recording</source>
        <translation>Also attach an &amp;HTML report of the recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="495"/>
        <source>One web page with every step and its screenshot, for the help desk to view or print</source>
        <translation>One web page with every step and its screenshot, for the help desk to view or print</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="512"/>
        <source>Disca&amp;rd recording</source>
        <translation>Disca&amp;rd recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="514"/>
        <source>Add to &amp;ticket</source>
        <translation>Add to &amp;ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="533"/>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="535"/>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="590"/>
        <source>(empty note)</source>
        <translation>(empty note)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="598"/>
        <source>1 step</source>
        <translation>1 step</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="598"/>
        <source>%1 steps</source>
        <translation>%1 steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="631"/>
        <source>Time: %1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="635"/>
        <source>Window: %1</source>
        <translation>Window: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="640"/>
        <source>Application: %1</source>
        <translation>Application: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="643"/>
        <source>Position: %1, %2</source>
        <translation>Position: %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="649"/>
        <source>Typing is recorded as a count of key presses, never the keys.</source>
        <translation>Typing is recorded as a count of key presses, never the keys.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="651"/>
        <source>This step has no screenshot.</source>
        <translation>This step has no screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="657"/>
        <source>Loading the screenshot…</source>
        <translation>Loading the screenshot…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="690"/>
        <source>This screenshot cannot be shown. %1</source>
        <translation>This screenshot cannot be shown. %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="790"/>
        <source>Saving the annotated screenshot…</source>
        <translation>Saving the annotated screenshot…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="877"/>
        <source>Screenshot not annotated</source>
        <translation>Screenshot not annotated</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="918"/>
        <source>Screenshots %1; the report adds about %2.</source>
        <translation>Screenshots %1; the report adds about %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="923"/>
        <source>Screenshots %1.</source>
        <translation>Screenshots %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="929"/>
        <source>With the ticket&apos;s other attachments that is over the %1 it may carry: leave out the report or some screenshots.</source>
        <translation>With the ticket&apos;s other attachments that is over the %1 it may carry: leave out the report or some screenshots.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="961"/>
        <source>Discard recording?</source>
        <translation>Discard recording?</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="962"/>
        <source>Discard the recorded steps? They will not be added to the ticket.</source>
        <translation>Discard the recorded steps? They will not be added to the ticket.</translation>
    </message>
</context>
<context>
    <name>SysinfoPanel</name>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="47"/>
        <source>Send system &amp;information</source>
        <translation>Send system &amp;information</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="58"/>
        <location filename="../../app/ui/sysinfo_panel.py" line="165"/>
        <source>Exactly these lines are added to the ticket. Untick a line to leave it out.</source>
        <translation>Exactly these lines are added to the ticket. Untick a line to leave it out.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="63"/>
        <source>Refres&amp;h</source>
        <translation>Refres&amp;h</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="64"/>
        <source>Collect the system information again</source>
        <translation>Collect the system information again</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="124"/>
        <source>Not collected: %1. Hover for why.</source>
        <translation>Not collected: %1. Hover for why.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="161"/>
        <source>Collecting the system information…</source>
        <translation>Collecting the system information…</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/application.py" line="187"/>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="189"/>
        <source>Take a screenshot…</source>
        <translation>Take a screenshot…</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="192"/>
        <location filename="../../app/ui/application.py" line="199"/>
        <source>Record steps…</source>
        <translation>Record steps…</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="197"/>
        <source>Stop recording</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="203"/>
        <source>Show Ticketwise</source>
        <translation>Show Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>Send outbox now</source>
        <translation>Send outbox now</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="209"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>
