<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>AnnotatorDialog</name>
    <message>
        <location filename="../../app/ui/annotator.py" line="592"/>
        <source>Annotate screenshot</source>
        <translation>Annota lo screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="637"/>
        <source>Options</source>
        <translation>Opzioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="648"/>
        <source>Tools</source>
        <translation>Strumenti</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="672"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="675"/>
        <source>&amp;Attach</source>
        <translation>&amp;Allega</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="676"/>
        <source>Attach the annotated screenshot (Ctrl+Enter)</source>
        <translation>Allega lo screenshot annotato (Ctrl+Invio)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="708"/>
        <source>Select</source>
        <translation>Seleziona</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="708"/>
        <source>Select, move or delete an annotation</source>
        <translation>Seleziona, sposta o elimina un&apos;annotazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="709"/>
        <source>Rectangle</source>
        <translation>Rettangolo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="709"/>
        <source>Frame an area</source>
        <translation>Incornicia un&apos;area</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="710"/>
        <source>Arrow</source>
        <translation>Freccia</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="710"/>
        <source>Point at something</source>
        <translation>Indica qualcosa</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="713"/>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="714"/>
        <source>Click, type, press Enter; click a text to change it</source>
        <translation>Fai clic, scrivi, premi Invio; fai clic su un testo per cambiarlo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="717"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="717"/>
        <source>Numbered step marker: 1, 2, 3…</source>
        <translation>Indicatore numerato dei passaggi: 1, 2, 3…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="720"/>
        <source>Highlight</source>
        <translation>Evidenzia</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="721"/>
        <source>Drag a highlighter band over text</source>
        <translation>Trascina un evidenziatore sul testo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="726"/>
        <source>Crop</source>
        <translation>Ritaglia</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="727"/>
        <source>Keep only the dragged area (Undo brings it back)</source>
        <translation>Tiene solo l&apos;area trascinata (Annulla la ripristina)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="732"/>
        <source>Redact</source>
        <translation>Oscura</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="733"/>
        <source>Hide private data for good: the pixels are destroyed, not blurred</source>
        <translation>Nasconde per sempre i dati riservati: i pixel vengono distrutti, non sfocati</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="751"/>
        <source>Solid fill</source>
        <translation>Riempimento pieno</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="752"/>
        <source>Pixelate (with noise)</source>
        <translation>Pixel (con rumore)</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="755"/>
        <source>How Redact hides an area. Both destroy the original pixels; the mosaic is random noise, so nothing can be recovered from it.</source>
        <translation>Come Oscura nasconde un&apos;area. Entrambi distruggono i pixel originali; il mosaico è rumore casuale, quindi non se ne può recuperare nulla.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="759"/>
        <source>Redaction mode</source>
        <translation>Modo di oscuramento</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="766"/>
        <source>Undo</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="769"/>
        <source>Redo</source>
        <translation>Ripeti</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="773"/>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="773"/>
        <source>Delete the selected annotation</source>
        <translation>Elimina l&apos;annotazione selezionata</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="784"/>
        <source>Colour:</source>
        <translation>Colore:</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="788"/>
        <source>Red</source>
        <translation>Rosso</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="789"/>
        <source>Yellow</source>
        <translation>Giallo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="790"/>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="791"/>
        <source>Blue</source>
        <translation>Blu</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="792"/>
        <source>Black</source>
        <translation>Nero</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="793"/>
        <source>White</source>
        <translation>Bianco</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="808"/>
        <source>Other…</source>
        <translation>Altro…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="812"/>
        <source>Pick any colour</source>
        <translation>Scegli un colore qualsiasi</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="818"/>
        <source>Si&amp;ze:</source>
        <translation>&amp;Dimensione:</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="824"/>
        <source>Line width; text, numbers and the highlighter grow with it</source>
        <translation>Spessore della linea; testo, numeri ed evidenziatore crescono con esso</translation>
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
        <translation>Riduci</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="837"/>
        <source>Zoom in</source>
        <translation>Ingrandisci</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="842"/>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="843"/>
        <source>Actual size: one screenshot pixel per screen pixel</source>
        <translation>Dimensione reale: un pixel dello screenshot per pixel dello schermo</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="848"/>
        <source>Fit</source>
        <translation>Adatta</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="848"/>
        <source>Fit the window</source>
        <translation>Adatta alla finestra</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="919"/>
        <source>Annotation colour</source>
        <translation>Colore dell&apos;annotazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1127"/>
        <source>Type, then Enter</source>
        <translation>Scrivi, poi Invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1128"/>
        <source>Annotation text</source>
        <translation>Testo dell&apos;annotazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1321"/>
        <source>%1 %</source>
        <comment>zoom</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1324"/>
        <source>Rendering…</source>
        <translation>Elaborazione…</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1327"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixel</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1368"/>
        <source>Discard annotations?</source>
        <translation>Scartare le annotazioni?</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotator.py" line="1369"/>
        <source>Close without attaching? Your annotations on this screenshot will be lost.</source>
        <translation>Chiudere senza allegare? Le annotazioni su questo screenshot andranno perse.</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../app/ui/attachments.py" line="93"/>
        <source>Drop files or screenshots here, or paste an image with Ctrl+Shift+V</source>
        <translation>Trascina qui file o screenshot, oppure incolla un&apos;immagine con Ctrl+Maiusc+V</translation>
    </message>
    <message>
        <location filename="../../app/ui/attachments.py" line="114"/>
        <source>Double-click to annotate or redact</source>
        <translation>Doppio clic per annotare o oscurare</translation>
    </message>
</context>
<context>
    <name>CaptureFlow</name>
    <message>
        <location filename="../../app/ui/capture_flow.py" line="297"/>
        <source>Screenshot not taken</source>
        <translation>Screenshot non acquisito</translation>
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
        <translation>Trascina</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="400"/>
        <source>select</source>
        <translation>seleziona</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="402"/>
        <location filename="../../app/ui/overlay.py" line="404"/>
        <source>Enter</source>
        <translation>Invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="402"/>
        <source>full screen</source>
        <translation>tutto lo schermo</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="404"/>
        <source>capture</source>
        <translation>acquisisci</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="405"/>
        <source>Arrows</source>
        <translation>Frecce</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="405"/>
        <source>move (Shift: ×10)</source>
        <translation>sposta (Maiusc: ×10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="406"/>
        <source>Ctrl+arrows</source>
        <translation>Ctrl+frecce</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="406"/>
        <source>resize</source>
        <translation>ridimensiona</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="408"/>
        <source>window</source>
        <translation>finestra</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="409"/>
        <source>monitor</source>
        <translation>monitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="411"/>
        <source>last region</source>
        <translation>ultima area</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="413"/>
        <source>Right-click</source>
        <translation>Clic destro</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="413"/>
        <source>clear</source>
        <translation>deseleziona</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="414"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="414"/>
        <source>cancel</source>
        <translation>annulla</translation>
    </message>
    <message>
        <location filename="../../app/ui/overlay.py" line="658"/>
        <source>Select a region to capture</source>
        <translation>Seleziona l&apos;area da acquisire</translation>
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
        <translation>Cosa serve all&apos;assistenza</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="75"/>
        <source>Only the subject and the description are required. The rest is advice: tickets with it get solved faster.</source>
        <translation>Sono obbligatori solo l&apos;oggetto e la descrizione. Il resto è un consiglio: i ticket completi vengono risolti prima.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="87"/>
        <source>A specific subject</source>
        <translation>Un oggetto preciso</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="88"/>
        <source>A detailed description</source>
        <translation>Una descrizione dettagliata</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="89"/>
        <source>The steps that led to it</source>
        <translation>La sequenza di operazioni effettuate</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="90"/>
        <source>What you expected, what happened</source>
        <translation>Cosa ti aspettavi e cosa è successo</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="91"/>
        <source>Screenshots of the problem</source>
        <translation>Screenshot del problema</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="92"/>
        <source>The browser you used</source>
        <translation>Il browser di navigazione usato</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="99"/>
        <source>Required: write a subject.</source>
        <translation>Obbligatorio: scrivi l&apos;oggetto.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="101"/>
        <source>Say what fails and where, e.g. “Invoice PDF export fails with error 500”.</source>
        <translation>Indica cosa non funziona e dove, ad es. “Esportazione PDF fatture: errore 500”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="105"/>
        <source>A few more words help the help desk triage it.</source>
        <translation>Qualche parola in più aiuta l&apos;assistenza a smistare il ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="107"/>
        <source>Avoid writing the subject in capitals.</source>
        <translation>Evita di scrivere l&apos;oggetto in maiuscolo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="108"/>
        <source>Required: describe what happened.</source>
        <translation>Obbligatorio: descrivi cosa è successo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="110"/>
        <source>Say in your own words what happened.</source>
        <translation>Racconta con parole tue cosa è successo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="113"/>
        <source>Add some detail: what were you doing, what did you see?</source>
        <translation>Aggiungi qualche dettaglio: cosa stavi facendo, cosa hai visto?</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="115"/>
        <source>List what you did, one step per line.</source>
        <translation>Elenca le operazioni effettuate, una per riga.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="116"/>
        <source>Add each step up to the error, one per line.</source>
        <translation>Aggiungi ogni operazione fino all&apos;errore, una per riga.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="118"/>
        <source>Say what you expected and what happened instead.</source>
        <translation>Indica cosa ti aspettavi e cosa è successo invece.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="120"/>
        <source>Say what you expected to happen.</source>
        <translation>Indica cosa ti aspettavi che succedesse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="121"/>
        <source>Say what happened instead.</source>
        <translation>Indica cosa è successo invece.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="123"/>
        <source>Attach, paste or drop a screenshot of the error.</source>
        <translation>Allega, incolla o trascina uno screenshot dell&apos;errore.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="126"/>
        <source>Pick the browser, or say it is not a browser problem.</source>
        <translation>Scegli il browser, oppure indica che non è un problema del browser.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklist.py" line="147"/>
        <source>%1 of %2 ready</source>
        <translation>%1 su %2 completati</translation>
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
        <translation>non ancora configurato</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="210"/>
        <source>Make it a &amp;new ticket</source>
        <translation>Rendilo un &amp;nuovo ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="224"/>
        <source>What fails, and where? e.g. “Invoice PDF export fails with error 500”</source>
        <translation>Cosa non funziona, e dove? Ad es. “Esportazione PDF fatture: errore 500”</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="228"/>
        <source>&amp;Subject</source>
        <translation>&amp;Oggetto</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="232"/>
        <source>Describe the problem: what were you doing, what did you see, since when?</source>
        <translation>Descrivi il problema: cosa stavi facendo, cosa hai visto, da quando succede?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="235"/>
        <source>1. Opened …
2. Clicked …
3. The error appeared</source>
        <translation>1. Ho aperto …
2. Ho cliccato su …
3. È comparso l&apos;errore</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="237"/>
        <source>What should have happened?</source>
        <translation>Cosa sarebbe dovuto succedere?</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="238"/>
        <source>What happened instead? Quote any error message.</source>
        <translation>Cosa è successo invece? Riporta l&apos;eventuale messaggio di errore.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="242"/>
        <source>&amp;What happened</source>
        <translation>&amp;Cosa è successo</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="257"/>
        <source>What you &amp;expected</source>
        <translation>Cosa ti as&amp;pettavi</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="258"/>
        <source>What happened &amp;instead</source>
        <translation>Cosa è successo in&amp;vece</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="269"/>
        <source>Which browser were you using? e.g. Firefox 128, Chrome 131</source>
        <translation>Quale browser stavi usando? Ad es. Firefox 128, Chrome 131</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="271"/>
        <location filename="../../app/ui/composer.py" line="520"/>
        <source>Not a browser problem</source>
        <translation>Non è un problema del browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="276"/>
        <source>&amp;Browser</source>
        <translation>&amp;Browser di navigazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="286"/>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="245"/>
        <source>Steps that &amp;led to it</source>
        <translation>&amp;Sequenza di operazioni effettuate</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="247"/>
        <source>Record steps…</source>
        <translation>Registra le operazioni…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="249"/>
        <source>Record your clicks with screenshots while you show the problem</source>
        <translation>Registra i tuoi clic, con gli screenshot, mentre mostri il problema</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="290"/>
        <source>&amp;Add files…</source>
        <translation>A&amp;llega file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="292"/>
        <source>&amp;Paste image</source>
        <translation>&amp;Incolla immagine</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="294"/>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="297"/>
        <source>S&amp;creenshot</source>
        <translation>Screens&amp;hot</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="299"/>
        <source>Select part of the screen to attach (the global key works from anywhere)</source>
        <translation>Seleziona una parte dello schermo da allegare (il tasto globale funziona ovunque)</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="305"/>
        <source>A region…</source>
        <translation>Un&apos;area…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="308"/>
        <source>A window…</source>
        <translation>Una finestra…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="311"/>
        <source>The whole desktop</source>
        <translation>Tutto il desktop</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="315"/>
        <source>Ann&amp;otate…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="316"/>
        <source>Mark up or redact the selected screenshot</source>
        <translation>Annota o oscura lo screenshot selezionato</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="330"/>
        <source>Drop files here, or paste a screenshot with Ctrl+Shift+V. Delete removes the selected ones.</source>
        <translation>Trascina qui i file, oppure incolla uno screenshot con Ctrl+Maiusc+V. Canc rimuove quelli selezionati.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="358"/>
        <source>&amp;Delete draft</source>
        <translation>&amp;Elimina bozza</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="360"/>
        <source>Send &amp;ticket</source>
        <translation>Invia &amp;ticket</translation>
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
        <translation>Cosa è successo</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="406"/>
        <source>Steps that led to it</source>
        <translation>Sequenza di operazioni effettuate</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="407"/>
        <source>What I expected</source>
        <translation>Cosa mi aspettavo</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="408"/>
        <source>What happened instead</source>
        <translation>Cosa è successo invece</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="409"/>
        <source>Browser</source>
        <translation>Browser di navigazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="410"/>
        <source>not a browser problem</source>
        <translation>non è un problema del browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="411"/>
        <source>System information</source>
        <translation>Informazioni di sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="421"/>
        <source>Set up a help desk…</source>
        <translation>Configura un help desk…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="456"/>
        <location filename="../../app/ui/composer.py" line="643"/>
        <source>Saved</source>
        <translation>Salvato</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="482"/>
        <source>Follow-up to ticket %1 at %2: it is added to that ticket.</source>
        <translation>Seguito del ticket %1 presso %2: viene aggiunto a quel ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="631"/>
        <source>Saving…</source>
        <translation>Salvataggio…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="650"/>
        <source>Not saved</source>
        <translation>Non salvato</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="654"/>
        <source>The draft could not be saved: %1 Your text stays in the window; Ticketwise keeps trying.</source>
        <translation>Impossibile salvare la bozza: %1 Il testo resta nella finestra; Ticketwise continua a riprovare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="697"/>
        <source>The screenshots of recorded steps %1 were not found: those steps were added without them.</source>
        <translation>Gli screenshot delle operazioni registrate %1 non sono stati trovati: quelle operazioni sono state aggiunte senza.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="737"/>
        <source>Screenshot %1.png</source>
        <translation>Screenshot %1.png</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="751"/>
        <source>Adding %1…</source>
        <translation>Aggiunta di %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="777"/>
        <source>Attachment not added</source>
        <translation>Allegato non aggiunto</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="885"/>
        <source>Attachment not opened</source>
        <translation>Allegato non aperto</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="907"/>
        <source>Attach files</source>
        <translation>Allega file</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="919"/>
        <source>The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).</source>
        <translation>Gli appunti non contengono immagini. Copia prima uno screenshot (ad es. con Stamp).</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="988"/>
        <source>A subject and a description are needed before sending.</source>
        <translation>Prima di inviare servono un oggetto e una descrizione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="999"/>
        <source>Delete draft</source>
        <translation>Elimina bozza</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="1000"/>
        <source>Delete this draft? What you wrote and attached here will be gone.</source>
        <translation>Eliminare questa bozza? Il testo e gli allegati andranno persi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="1013"/>
        <source>Draft deleted.</source>
        <translation>Bozza eliminata.</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="588"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Verifica connessione</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="615"/>
        <source>Connecting to %1…</source>
        <translation>Connessione a %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="632"/>
        <source>✔ Connected as %1</source>
        <translation>✔ Connesso come %1</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/application.py" line="92"/>
        <source>Ticketwise hit a bug</source>
        <translation>Errore interno di Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="94"/>
        <source>Something went wrong inside Ticketwise. Your draft is saved and nothing in the outbox is lost. Please report this, with the details below.</source>
        <translation>Qualcosa non ha funzionato all&apos;interno di Ticketwise. La bozza è salvata e nella posta in uscita non si è perso nulla. Segnala il problema, includendo i dettagli qui sotto.</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <location filename="../../app/ui/lists.py" line="64"/>
        <source>Drafts</source>
        <translation>Bozze</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="67"/>
        <source>Everything you type is saved as you go. Pick a draft to carry on.</source>
        <translation>Quello che scrivi viene salvato automaticamente. Scegli una bozza per continuare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="72"/>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="73"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="74"/>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="75"/>
        <source>Last edited</source>
        <translation>Ultima modifica</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="81"/>
        <source>No drafts. A new ticket becomes a draft as soon as you type.</source>
        <translation>Nessuna bozza. Un nuovo ticket diventa una bozza appena inizi a scrivere.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="88"/>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="90"/>
        <source>&amp;Open</source>
        <translation>A&amp;pri</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="101"/>
        <source>(no subject)</source>
        <translation>(senza oggetto)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="104"/>
        <source>%1 (follow-up to ticket %2)</source>
        <translation>%1 (seguito del ticket %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="109"/>
        <source>%1 (open in the composer)</source>
        <translation>%1 (aperta nell&apos;editor)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>The help desk cannot check a password with characters such as € over its API.</source>
        <translation>L’help desk non può verificare tramite la sua API una password con caratteri come €.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Create an auth token in Request Tracker (Settings, Auth Tokens) and paste it into the password field instead.</source>
        <translation>Crea un token di autenticazione in Request Tracker (Impostazioni, Auth Tokens) e incollalo nel campo della password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>The help desk refused the auth token (wrong, expired or revoked).</source>
        <translation>L’help desk ha rifiutato il token di autenticazione (errato, scaduto o revocato).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Create a new token in Request Tracker (Settings, Auth Tokens) and paste it into the password field in Settings.</source>
        <translation>Crea un nuovo token in Request Tracker (Impostazioni, Auth Tokens) e incollalo nel campo della password nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>No password is stored for this help desk.</source>
        <translation>Per questo help desk non è salvata alcuna password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="69"/>
        <source>Open Settings, select the profile and enter your password.</source>
        <translation>Apri Impostazioni, seleziona il profilo e inserisci la password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74"/>
        <source>The server refused your login name or password.</source>
        <translation>Il server ha rifiutato il nome utente o la password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="75"/>
        <source>Check the login and password in Settings, then press Retry.</source>
        <translation>Controlla nome utente e password in Impostazioni, poi premi Riprova.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="79"/>
        <location filename="../../app/ui/errors.py" line="108"/>
        <location filename="../../app/ui/errors.py" line="435"/>
        <location filename="../../app/ui/errors.py" line="578"/>
        <source>The server said:</source>
        <translation>Risposta del server:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>The server&apos;s certificate is not trusted, so the connection was not made.</source>
        <translation>Il certificato del server non è attendibile, quindi la connessione non è stata stabilita.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="89"/>
        <source>If your organisation uses its own certificate authority, add its CA file in Settings. Verification is never switched off.</source>
        <translation>Se la tua organizzazione usa una propria autorità di certificazione, aggiungi il suo file CA in Impostazioni. La verifica non viene mai disattivata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95"/>
        <location filename="../../app/ui/errors.py" line="201"/>
        <location filename="../../app/ui/errors.py" line="240"/>
        <location filename="../../app/ui/errors.py" line="267"/>
        <source>Details:</source>
        <translation>Dettagli:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="102"/>
        <source>The mail server refused the help desk&apos;s address.</source>
        <translation>Il server di posta ha rifiutato l&apos;indirizzo dell&apos;help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="105"/>
        <source>Check the support address in Settings.</source>
        <translation>Controlla l&apos;indirizzo di assistenza in Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="118"/>
        <source>The ticket is too large: %1 MB, and the server accepts at most %2 MB.</source>
        <translation>Il ticket è troppo grande: %1 MB, mentre il server accetta al massimo %2 MB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="124"/>
        <location filename="../../app/ui/errors.py" line="132"/>
        <source>Remove or shrink some attachments, then send again.</source>
        <translation>Rimuovi o riduci alcuni allegati, poi invia di nuovo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="129"/>
        <source>The server refused the ticket because it is too large.</source>
        <translation>Il server ha rifiutato il ticket perché è troppo grande.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="138"/>
        <source>The server did not answer in time.</source>
        <translation>Il server non ha risposto in tempo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="139"/>
        <source>The ticket stays in the outbox and is sent automatically later.</source>
        <translation>Il ticket resta nella posta in uscita e verrà inviato automaticamente più tardi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="145"/>
        <source>The server&apos;s name could not be found (no network, or a wrong name).</source>
        <translation>Impossibile trovare il nome del server (rete assente o nome errato).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="148"/>
        <source>The server refused the connection (it is down, or the port is wrong).</source>
        <translation>Il server ha rifiutato la connessione (non è attivo, oppure la porta è errata).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="151"/>
        <source>The server is busy or temporarily limited.</source>
        <translation>Il server è occupato o temporaneamente limitato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="154"/>
        <source>The help desk&apos;s server failed with an internal error.</source>
        <translation>Il server dell’help desk ha avuto un errore interno.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="161"/>
        <source>The server cannot be reached right now.</source>
        <translation>Al momento il server non è raggiungibile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="163"/>
        <source>The ticket stays in the outbox and is sent automatically when the server is back. Nothing is lost.</source>
        <translation>Il ticket resta nella posta in uscita e verrà inviato automaticamente appena il server torna disponibile. Non si perde nulla.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="171"/>
        <source>The connection broke while the ticket was being handed over: the help desk may or may not have it.</source>
        <translation>La connessione si è interrotta durante la consegna del ticket: l&apos;help desk potrebbe averlo ricevuto oppure no.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="176"/>
        <source>Check your mailbox for the help desk&apos;s confirmation. If it is not there, press Send again; if it is, press Mark as sent.</source>
        <translation>Cerca nella tua casella di posta la conferma dell&apos;help desk. Se non c&apos;è, premi Invia di nuovo; se c&apos;è, premi Segna come inviato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="184"/>
        <source>The server refused the ticket.</source>
        <translation>Il server ha rifiutato il ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="185"/>
        <source>The server said: %1</source>
        <translation>Risposta del server: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="194"/>
        <source>Check the address in Settings: for OTRS, Znuny and OTOBO it is the help desk&apos;s address (https://…/otrs/) or the web service&apos;s URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>Controlla l&apos;indirizzo nelle Impostazioni: per OTRS, Znuny e OTOBO è l&apos;indirizzo dell&apos;help desk (https://…/otrs/) oppure l&apos;URL del servizio web (…/nph-genericinterface.pl/Webservice/NOME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="208"/>
        <source>No help desk is set up yet.</source>
        <translation>Non è ancora configurato alcun help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="209"/>
        <source>Several help desks are set up and none is the default.</source>
        <translation>Sono configurati più help desk e nessuno è quello predefinito.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="212"/>
        <source>The server does not offer STARTTLS encryption.</source>
        <translation>Il server non offre la cifratura STARTTLS.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="215"/>
        <source>The server does not offer login on this connection.</source>
        <translation>Il server non consente l&apos;accesso su questa connessione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="218"/>
        <source>The encrypted connection could not be set up.</source>
        <translation>Impossibile stabilire la connessione cifrata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="221"/>
        <source>The CA file cannot be used.</source>
        <translation>Il file CA non è utilizzabile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="193"/>
        <location filename="../../app/ui/errors.py" line="222"/>
        <source>There is no help-desk API at this address.</source>
        <translation>A questo indirizzo non c’è l’API di un help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>Incoming mail (IMAP): %1</source>
        <translation>Posta in arrivo (IMAP): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>The web server (or a proxy in front of it) asks for a login before the help desk&apos;s web service.</source>
        <translation>Il server web (o un proxy davanti a esso) chiede un accesso prima del servizio web dell&apos;help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>Ask the help desk&apos;s administrators how the web service is reached from your network.</source>
        <translation>Chiedi agli amministratori dell&apos;help desk come si raggiunge il servizio web dalla tua rete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="225"/>
        <source>This kind of help desk is not supported by this version.</source>
        <translation>Questo tipo di help desk non è supportato da questa versione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="232"/>
        <source>The help-desk settings are incomplete or wrong.</source>
        <translation>Le impostazioni dell&apos;help desk sono incomplete o errate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="236"/>
        <source>Open Settings and check the profile (server, port and security).</source>
        <translation>Apri Impostazioni e controlla il profilo (server, porta e sicurezza).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="247"/>
        <source>The help desk reported an error: %1</source>
        <translation>L&apos;help desk ha segnalato un errore: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="250"/>
        <source>Try again later. If the error stays, tell the help desk&apos;s administrators what it says.</source>
        <translation>Riprova più tardi. Se l&apos;errore resta, riferisci agli amministratori dell&apos;help desk che cosa dice.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="258"/>
        <source>The help desk answered something Ticketwise cannot read.</source>
        <translation>L’help desk ha risposto qualcosa che Ticketwise non sa leggere.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="261"/>
        <source>Check the address in Settings. If it is right, the help desk may be misconfigured: tell its administrators.</source>
        <translation>Controlla l’indirizzo nelle Impostazioni. Se è giusto, l’help desk potrebbe essere configurato male: avvisa chi lo amministra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="274"/>
        <source>The system keyring (where passwords are kept) could not be used.</source>
        <translation>Impossibile usare il portachiavi di sistema (dove sono conservate le password).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="277"/>
        <source>Unlock or set up your system keyring, then try again. Ticketwise never stores passwords anywhere else.</source>
        <translation>Sblocca o configura il portachiavi di sistema, poi riprova. Ticketwise non salva mai le password altrove.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="286"/>
        <source>The disk is full: Ticketwise could not save.</source>
        <translation>Il disco è pieno: Ticketwise non ha potuto salvare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="289"/>
        <source>Ticketwise&apos;s database is busy in another program.</source>
        <translation>Il database di Ticketwise è in uso da parte di un altro programma.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="292"/>
        <source>Ticketwise&apos;s database is damaged.</source>
        <translation>Il database di Ticketwise è danneggiato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="293"/>
        <source>Ticketwise&apos;s data folder is read-only.</source>
        <translation>La cartella dei dati di Ticketwise è di sola lettura.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="296"/>
        <source>An attachment&apos;s stored copy could not be read.</source>
        <translation>Impossibile leggere la copia salvata di un allegato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="299"/>
        <source>Ticketwise&apos;s data was written by a newer version of Ticketwise.</source>
        <translation>I dati di Ticketwise sono stati scritti da una versione più recente di Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="306"/>
        <source>Start the newer version of Ticketwise again; this one cannot read its data without risking it.</source>
        <translation>Avvia di nuovo la versione più recente di Ticketwise: questa non può leggerne i dati senza rischiare di danneggiarli.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="315"/>
        <source>Ticketwise could not read or write its data.</source>
        <translation>Ticketwise non è riuscito a leggere o scrivere i propri dati.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="319"/>
        <source>Free some disk space or check the data folder&apos;s permissions. What you typed is kept in the window until it can be saved.</source>
        <translation>Libera spazio su disco o controlla i permessi della cartella dei dati. Quello che hai scritto resta nella finestra finché non si potrà salvare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="327"/>
        <source>The ticket needs a subject and a description.</source>
        <translation>Il ticket deve avere un oggetto e una descrizione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="328"/>
        <source>Fill in the fields marked in the checklist.</source>
        <translation>Compila i campi segnalati nella lista di controllo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="332"/>
        <source>Sending was cancelled.</source>
        <translation>L&apos;invio è stato annullato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="333"/>
        <source>The ticket is kept in the outbox: press Retry to send it.</source>
        <translation>Il ticket resta nella posta in uscita: premi Riprova per inviarlo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="339"/>
        <source>This desktop offers no screenshot service (xdg-desktop-portal).</source>
        <translation>Questo desktop non offre un servizio per gli screenshot (xdg-desktop-portal).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="342"/>
        <source>Install xdg-desktop-portal and the one for your desktop (for example xdg-desktop-portal-gnome, -kde or -wlr), then sign out and in again. You can still attach a screenshot taken with another tool.</source>
        <translation>Installa xdg-desktop-portal e quello del tuo desktop (per esempio xdg-desktop-portal-gnome, -kde o -wlr), poi esci e rientra nella sessione. Puoi comunque allegare uno screenshot fatto con un altro programma.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="351"/>
        <source>The desktop&apos;s screenshot service did not answer in time.</source>
        <translation>Il servizio screenshot del desktop non ha risposto in tempo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="354"/>
        <source>Try again; if a screenshot dialog is open, finish or close it first.</source>
        <translation>Riprova; se è aperta una finestra per gli screenshot, completala o chiudila prima.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="360"/>
        <source>The desktop could not take the screenshot.</source>
        <translation>Il desktop non è riuscito a fare lo screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="361"/>
        <source>Try again. If it keeps failing, check that screenshots are allowed for Ticketwise in your desktop&apos;s privacy settings.</source>
        <translation>Riprova. Se continua a non riuscire, controlla che gli screenshot siano permessi a Ticketwise nelle impostazioni sulla privacy del desktop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="623"/>
        <source>You can still describe the steps yourself and attach screenshots.</source>
        <translation>Puoi comunque descrivere tu le operazioni e allegare degli screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="628"/>
        <source>This Wayland session does not let any program watch clicks in other windows, so Ticketwise cannot record steps.</source>
        <translation>Questa sessione Wayland non permette a nessun programma di osservare i clic nelle altre finestre, quindi Ticketwise non può registrare le operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="633"/>
        <source>Log in with an X11 (Xorg) session to record steps, or:</source>
        <translation>Per registrare le operazioni accedi con una sessione X11 (Xorg), oppure:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="641"/>
        <source>Ticketwise cannot record steps on this system yet.</source>
        <translation>Ticketwise non può ancora registrare le operazioni su questo sistema.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="673"/>
        <source>Ticketwise cannot reach the X display to record steps.</source>
        <translation>Ticketwise non riesce a raggiungere il display X per registrare le operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="676"/>
        <source>Start Ticketwise from your desktop session (DISPLAY must be set).</source>
        <translation>Avvia Ticketwise dalla tua sessione del desktop (DISPLAY deve essere impostato).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="684"/>
        <source>The X server or its libraries lack the input extension (XInput 2.1) that recording steps needs.</source>
        <translation>Al server X o alle sue librerie manca l&apos;estensione di input (XInput 2.1) necessaria per registrare le operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="689"/>
        <source>Install libxi6 and libx11-6, or ask your administrator.</source>
        <translation>Installa libxi6 e libx11-6, oppure chiedi al tuo amministratore.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="729"/>
        <source>The steps recorded until then are kept. Start a new recording to go on.</source>
        <translation>Le operazioni registrate fin lì sono conservate. Avvia una nuova registrazione per continuare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="734"/>
        <source>This desktop session does not let Ticketwise record steps.</source>
        <translation>Questa sessione del desktop non permette a Ticketwise di registrare le operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="371"/>
        <source>Ticketwise hit an internal error while sending.</source>
        <translation>Durante l&apos;invio si è verificato un errore interno di Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="372"/>
        <source>The ticket is kept in the outbox. Press Retry; if it happens again, please report it with the log file.</source>
        <translation>Il ticket resta nella posta in uscita. Premi Riprova; se succede di nuovo, segnala il problema allegando il file di log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="382"/>
        <source>Something went wrong.</source>
        <translation>Qualcosa non ha funzionato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="383"/>
        <source>Please try again.</source>
        <translation>Riprova.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="389"/>
        <source>You can still capture from the tray menu, the composer or the command line.</source>
        <translation>Puoi comunque fare screenshot dal menu dell&apos;area di notifica, dalla finestra del ticket o dalla riga di comando.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="394"/>
        <source>The shortcut %1 is already used by another application or the desktop.</source>
        <translation>La scorciatoia %1 è già usata da un&apos;altra applicazione o dal desktop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="397"/>
        <source>Choose another shortcut in the settings, or free this one there.</source>
        <translation>Scegli un&apos;altra scorciatoia nelle impostazioni, oppure libera questa dove è usata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="405"/>
        <source>The keyboard layout has no key for the shortcut %1.</source>
        <translation>La disposizione della tastiera non ha un tasto per la scorciatoia %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="408"/>
        <source>Choose another shortcut in the settings.</source>
        <translation>Scegli un&apos;altra scorciatoia nelle impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="412"/>
        <source>This desktop session does not let Ticketwise register a global shortcut.</source>
        <translation>Questa sessione del desktop non permette a Ticketwise di registrare una scorciatoia globale.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="419"/>
        <source>%1 is not a shortcut Ticketwise can use.</source>
        <translation>%1 non è una scorciatoia che Ticketwise può usare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="422"/>
        <source>Combine Ctrl, Shift, Alt or Meta with a letter, a digit or a function key, e.g. Ctrl+Shift+F12 (F1-F24 and Print also work alone; F21-F24 not on a Mac).</source>
        <translation>Combina Ctrl, Shift, Alt o Meta con una lettera, una cifra o un tasto funzione, per esempio Ctrl+Shift+F12 (F1-F24 e Stamp funzionano anche da soli; F21-F24 non su Mac).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="441"/>
        <source>The mail server refused your login or password.</source>
        <translation>Il server di posta ha rifiutato il nome utente o la password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="442"/>
        <source>Check the incoming mail login and password in Settings; left empty, they are the ones used for sending.</source>
        <translation>Controlla nome utente e password della posta in arrivo nelle Impostazioni; se vuoti, valgono quelli usati per l&apos;invio.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="451"/>
        <source>The mail server allows login only over an encrypted connection.</source>
        <translation>Il server di posta consente l&apos;accesso solo su una connessione cifrata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="454"/>
        <source>Choose SSL/TLS or STARTTLS for incoming mail in Settings.</source>
        <translation>Scegli SSL/TLS o STARTTLS per la posta in arrivo nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="460"/>
        <source>Your mailbox has no folder “%1”.</source>
        <translation>La tua casella di posta non ha la cartella “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="463"/>
        <source>Check the folder in Settings (empty means INBOX).</source>
        <translation>Controlla la cartella nelle Impostazioni (vuota significa INBOX).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="469"/>
        <source>No login is set for the incoming mail server.</source>
        <translation>Non è impostato un nome utente per il server di posta in arrivo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="470"/>
        <source>Enter the login in Settings.</source>
        <translation>Inserisci il nome utente nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="475"/>
        <source>This help desk profile only sends mail, so its tickets and answers cannot be shown.</source>
        <translation>Questo profilo invia soltanto posta, quindi i suoi ticket e le risposte non si possono mostrare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="480"/>
        <source>Add your incoming mail server (IMAP) to the profile in Settings: the help desk&apos;s answers are read from there.</source>
        <translation>Aggiungi al profilo il server di posta in arrivo (IMAP) nelle Impostazioni: le risposte dell&apos;help desk si leggono da lì.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="487"/>
        <source>By e-mail, only your own tickets can be shown.</source>
        <translation>Via e-mail si possono mostrare solo i tuoi ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="490"/>
        <source>Your colleagues&apos; tickets are in the help desk&apos;s web portal.</source>
        <translation>I ticket dei colleghi sono nel portale web dell&apos;help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="495"/>
        <source>The ticket&apos;s number is not known yet, so no follow-up can be sent.</source>
        <translation>Il numero del ticket non è ancora noto, quindi non si può inviare un seguito.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="498"/>
        <source>Wait for the help desk&apos;s confirmation mail and sync, then answer again.</source>
        <translation>Attendi la mail di conferma dell&apos;help desk e sincronizza, poi rispondi di nuovo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="507"/>
        <source>This help desk cannot do that.</source>
        <translation>Questo help desk non lo consente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="508"/>
        <source>Check the profile in Settings.</source>
        <translation>Controlla il profilo nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="513"/>
        <source>The attachment is no longer in your mailbox.</source>
        <translation>L&apos;allegato non è più nella tua casella di posta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="514"/>
        <source>Another mail program may have moved or deleted the mail.</source>
        <translation>Un altro programma di posta potrebbe aver spostato o cancellato il messaggio.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="520"/>
        <source>The help desk has no ticket with this number, or does not show it to you.</source>
        <translation>L&apos;help desk non ha un ticket con questo numero, oppure non te lo mostra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="524"/>
        <source>Check the number; a colleague&apos;s ticket may need your company&apos;s access.</source>
        <translation>Controlla il numero; per il ticket di un collega può servire l&apos;accesso della tua azienda.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="530"/>
        <source>Your mailbox has no mail about this ticket.</source>
        <translation>Nella tua casella non c&apos;è posta su questo ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="531"/>
        <source>Sync again, or check the incoming mail folder in Settings.</source>
        <translation>Sincronizza di nuovo, oppure controlla la cartella della posta in arrivo nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="544"/>
        <source>macOS does not let Ticketwise record the screen yet.</source>
        <translation>macOS non permette ancora a Ticketwise di registrare lo schermo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="547"/>
        <source>Open System Settings → Privacy &amp; Security → Screen Recording, turn Ticketwise on, then quit and reopen Ticketwise.</source>
        <translation>Apri Impostazioni di Sistema → Privacy e sicurezza → Registrazione schermo, attiva Ticketwise, poi chiudi e riapri Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="555"/>
        <source>The screen could not be captured: %1</source>
        <translation>Non è stato possibile acquisire lo schermo: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="558"/>
        <source>Try again. If it keeps failing, attach a screenshot taken with another tool (Paste image or drop the file).</source>
        <translation>Riprova. Se continua a non riuscire, allega uno screenshot fatto con un altro programma (Incolla immagine o trascina il file).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="566"/>
        <source>That part of the screen cannot be captured: %1</source>
        <translation>Quella parte dello schermo non si può acquisire: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="569"/>
        <source>Choose a region inside the desktop.</source>
        <translation>Scegli un&apos;area all&apos;interno del desktop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="584"/>
        <source>The help desk&apos;s web service is not set up correctly.</source>
        <translation>Il servizio web dell&apos;help desk non è configurato correttamente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="587"/>
        <source>Tell the help desk&apos;s administrators; nothing in Settings can fix it.</source>
        <translation>Avvisa gli amministratori dell&apos;help desk: nelle Impostazioni non si può correggere.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="593"/>
        <source>The help desk has no web service “%1” for tickets.</source>
        <translation>L&apos;help desk non ha un servizio web “%1” per i ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="596"/>
        <source>Check the web service name in Settings (usually GenericTicketConnectorREST); the help desk&apos;s administrators see it under Admin → Web Services.</source>
        <translation>Controlla il nome del servizio web nelle Impostazioni (di solito GenericTicketConnectorREST); gli amministratori dell&apos;help desk lo vedono in Admin → Web Services.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="612"/>
        <source>Ticketwise hit an internal error: %1</source>
        <translation>Si è verificato un errore interno di Ticketwise: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="615"/>
        <source>Your work is saved. Please report this with the log file.</source>
        <translation>Il tuo lavoro è salvato. Segnala il problema allegando il file di log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="648"/>
        <source>macOS does not let Ticketwise see your clicks and key presses yet.</source>
        <translation>macOS non permette ancora a Ticketwise di vedere i tuoi clic e i tasti premuti.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="651"/>
        <source>Open System Settings → Privacy &amp; Security → Input Monitoring, allow Ticketwise, then start the recording again.</source>
        <translation>Apri Impostazioni di Sistema → Privacy e sicurezza → Monitoraggio input, consenti Ticketwise, poi avvia di nuovo la registrazione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="659"/>
        <source>macOS refused to let Ticketwise watch clicks and key presses.</source>
        <translation>macOS ha rifiutato di far osservare a Ticketwise i clic e i tasti premuti.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="662"/>
        <source>Check that Ticketwise is allowed in System Settings → Privacy &amp; Security → Input Monitoring (turn it off and on again if it is), then start the recording again, or:</source>
        <translation>Controlla che Ticketwise sia consentito in Impostazioni di Sistema → Privacy e sicurezza → Monitoraggio input (se lo è, disattivalo e riattivalo), poi avvia di nuovo la registrazione, oppure:</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="697"/>
        <source>Ticketwise cannot load the Windows library (user32) that recording steps needs.</source>
        <translation>Ticketwise non riesce a caricare la libreria di Windows (user32) necessaria per registrare le operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="701"/>
        <source>Restart Ticketwise; if it happens again, please report it.</source>
        <translation>Riavvia Ticketwise; se succede di nuovo, segnalalo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="709"/>
        <source>Windows did not let Ticketwise watch clicks and key presses, so steps cannot be recorded.</source>
        <translation>Windows non ha permesso a Ticketwise di osservare i clic e i tasti premuti, quindi le operazioni non si possono registrare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="714"/>
        <source>Security software may block it: ask your administrator to allow Ticketwise, then start the recording again.</source>
        <translation>Può bloccarlo un software di sicurezza: chiedi al tuo amministratore di consentire Ticketwise, poi avvia di nuovo la registrazione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="724"/>
        <source>Ticketwise stopped receiving your clicks and key presses (the connection to the display was lost): the recording stopped.</source>
        <translation>Ticketwise ha smesso di ricevere i tuoi clic e i tasti premuti (la connessione al display si è interrotta): la registrazione si è fermata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="737"/>
        <source>Steps can be recorded in an X11 session. You can still describe the steps yourself and attach screenshots.</source>
        <translation>Le operazioni si possono registrare in una sessione X11. Puoi comunque descrivere tu le operazioni e allegare degli screenshot.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>New ticket</source>
        <translation>Nuovo ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Drafts</source>
        <translation>Bozze</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <location filename="../../app/ui/main_window.py" line="408"/>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>&amp;New ticket</source>
        <translation>&amp;Nuovo ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>Send &amp;outbox now</source>
        <translation>Invia ora la posta in &amp;uscita</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="215"/>
        <source>&amp;About Ticketwise</source>
        <translation>&amp;Informazioni su Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="270"/>
        <source>Your last draft is back, as you left it.</source>
        <translation>Ecco la tua ultima bozza, come l&apos;avevi lasciata.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="287"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289"/>
        <source>New ticket – %1</source>
        <translation>Nuovo ticket – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="305"/>
        <source>Ticket %1 created: %2</source>
        <translation>Ticket %1 creato: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>Sent to the help desk: %1</source>
        <translation>Inviato all&apos;help desk: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="309"/>
        <source>Ticket sent</source>
        <translation>Ticket inviato</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="317"/>
        <source>A ticket needs checking</source>
        <translation>Un ticket è da verificare</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source>Not sent: %1</source>
        <translation>Non inviato: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source>Ticketwise</source>
        <translation>Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="331"/>
        <source>Ticket#%1 created</source>
        <translation>Ticket#%1 creato</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>New answer on %1</source>
        <translation>Nuova risposta su %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="336"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Ticket %1 changed</source>
        <translation>Ticket %1 cambiato</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>%1 is now closed</source>
        <translation>%1 ora è chiuso</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="346"/>
        <source>%1 is open again</source>
        <translation>%1 è di nuovo aperto</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Drafts (%1)</source>
        <translation>Bozze (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="410"/>
        <source>Outbox (%1)</source>
        <translation>Posta in uscita (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="442"/>
        <source>Delete draft</source>
        <translation>Elimina bozza</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="442"/>
        <source>Delete this draft for good?</source>
        <translation>Eliminare definitivamente questa bozza?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="462"/>
        <source>Not sent: no help desk is set up. Your ticket is kept as a draft.</source>
        <translation>Non inviato: nessun help desk configurato. Il ticket resta salvato come bozza.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="499"/>
        <location filename="../../app/ui/main_window.py" line="527"/>
        <source>Sending “%1”…</source>
        <translation>Invio di “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="515"/>
        <source>Ticket not sent</source>
        <translation>Ticket non inviato</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="516"/>
        <source>Your ticket is kept as a draft.</source>
        <translation>Il ticket resta salvato come bozza.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="570"/>
        <source>The ticket is a draft again: edit it and send it.</source>
        <translation>Il ticket è di nuovo una bozza: modificalo e invialo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="599"/>
        <source>Delete from outbox</source>
        <translation>Elimina dalla posta in uscita</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="600"/>
        <source>This ticket has not reached the help desk. Delete it anyway?</source>
        <translation>Questo ticket non è ancora arrivato all&apos;help desk. Eliminarlo comunque?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="618"/>
        <source>Ticketwise cannot use its data</source>
        <translation>Ticketwise non può usare i propri dati</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="663"/>
        <source>About Ticketwise</source>
        <translation>Informazioni su Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="665"/>
        <source>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;File support tickets a help desk can act on at once, and follow them to the end.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ticketwise %1&lt;/h3&gt;&lt;p&gt;Apri ticket di assistenza su cui l&apos;help desk può intervenire subito, e seguili fino alla soluzione.&lt;/p&gt;&lt;p&gt;Cartella dei dati: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="781"/>
        <source>Screenshot key not available</source>
        <translation>Tasto per gli screenshot non disponibile</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="797"/>
        <source>%1 attached to the ticket. Double-click it to annotate or redact.</source>
        <translation>%1 allegato al ticket. Fai doppio clic per annotarlo o oscurarlo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="802"/>
        <source>Screenshot attached</source>
        <translation>Screenshot allegato</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="857"/>
        <source>Steps cannot be recorded</source>
        <translation>Impossibile registrare le operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="864"/>
        <source>Recording steps…</source>
        <translation>Registrazione delle operazioni…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="899"/>
        <source>%1 is already the screenshot key. Choose another key for recording.</source>
        <translation>%1 è già il tasto per gli screenshot. Scegli un altro tasto per la registrazione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="914"/>
        <source>Recording key not available</source>
        <translation>Tasto di registrazione non disponibile</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="936"/>
        <source>Recorded 1 step.</source>
        <translation>Registrata 1 operazione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="938"/>
        <source>Recorded %1 steps.</source>
        <translation>Registrate %1 operazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="951"/>
        <location filename="../../app/ui/main_window.py" line="959"/>
        <source>Steps recorder</source>
        <translation>Registratore di operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="955"/>
        <source>Step limit reached (%1): stop, or raise it in Settings.</source>
        <translation>Raggiunto il limite di operazioni (%1): ferma la registrazione, oppure alza il limite nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="970"/>
        <source>Steps recording</source>
        <translation>Registrazione delle operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="971"/>
        <source>A steps recording was interrupted (%1 steps).</source>
        <translation>Una registrazione delle operazioni è stata interrotta (%1 operazioni).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="976"/>
        <source>Review them to add them to a ticket, or discard them for good.</source>
        <translation>Rivedile per aggiungerle a un ticket, oppure scartale definitivamente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="978"/>
        <source>&amp;Review</source>
        <translation>&amp;Rivedi</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="979"/>
        <source>&amp;Discard</source>
        <translation>&amp;Scarta</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="980"/>
        <source>&amp;Later</source>
        <translation>&amp;Più tardi</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="849"/>
        <location filename="../../app/ui/main_window.py" line="1005"/>
        <source>Finish reviewing the recorded steps first.</source>
        <translation>Prima finisci di rivedere le operazioni registrate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1041"/>
        <source>Adding the recorded steps to the ticket…</source>
        <translation>Aggiunta delle operazioni registrate al ticket…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1064"/>
        <source>The recorded steps are in the ticket (%1 lines, %2 attachments).</source>
        <translation>Le operazioni registrate sono nel ticket (%1 righe, %2 allegati).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1079"/>
        <source>The recorded steps were discarded.</source>
        <translation>Le operazioni registrate sono state scartate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1121"/>
        <source>Ticketwise is still running</source>
        <translation>Ticketwise è ancora in esecuzione</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="1122"/>
        <source>Tickets in the outbox keep going out. Quit from the tray icon&apos;s menu.</source>
        <translation>I ticket nella posta in uscita continuano a essere inviati. Per uscire usa il menu dell&apos;icona nell&apos;area di notifica.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../app/ui/notice.py" line="30"/>
        <source>&amp;Discard</source>
        <translation>&amp;Scarta</translation>
    </message>
    <message>
        <location filename="../../app/ui/notice.py" line="33"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continua a modificare</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../app/ui/lists.py" line="169"/>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="174"/>
        <source>Tickets wait here until the help desk has them. When the server cannot be reached they are retried automatically.</source>
        <translation>I ticket restano qui finché l&apos;help desk non li riceve. Se il server non è raggiungibile, l&apos;invio viene ritentato automaticamente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="181"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="191"/>
        <source>The outbox is empty.</source>
        <translation>La posta in uscita è vuota.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="199"/>
        <source>&amp;Cancel sending</source>
        <translation>Annulla &amp;invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="205"/>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="207"/>
        <source>&amp;Edit as draft</source>
        <translation>&amp;Modifica come bozza</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="209"/>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Segna come inviato</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="211"/>
        <location filename="../../app/ui/lists.py" line="308"/>
        <source>&amp;Retry</source>
        <translation>&amp;Riprova</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="213"/>
        <source>&amp;Send all now</source>
        <translation>Invia &amp;tutto ora</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="215"/>
        <source>&amp;Follow up…</source>
        <translation>Aggiungi un seg&amp;uito…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="217"/>
        <source>Add a message to the ticket this created (it lands on the same ticket).</source>
        <translation>Aggiungi un messaggio al ticket creato (finisce sullo stesso ticket).</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="236"/>
        <source>Sent · ticket %1</source>
        <translation>Inviato · ticket %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="237"/>
        <source>Sent %1</source>
        <translation>Inviato %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="239"/>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="242"/>
        <source>Waiting · next try %1</source>
        <translation>In attesa · prossimo tentativo %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="245"/>
        <source>Queued</source>
        <translation>In coda</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="247"/>
        <source>Check needed</source>
        <translation>Da verificare</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="249"/>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="250"/>
        <source>Needs attention</source>
        <translation>Richiede attenzione</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="288"/>
        <source>Sending “%1”…</source>
        <translation>Invio di “%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="308"/>
        <source>Send &amp;again</source>
        <translation>Invia di &amp;nuovo</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists.py" line="325"/>
        <source>Created %1 · %2 attachment(s) · %3 attempt(s)</source>
        <translation>Creato %1 · allegati: %2 · tentativi: %3</translation>
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
        <translation>ad es. Assistenza ACME</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="83"/>
        <source>E-mail (any help desk)</source>
        <translation>E-mail (qualsiasi help desk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="84"/>
        <source>OTRS · Znuny · OTOBO web service</source>
        <translation>Servizio web OTRS · Znuny · OTOBO</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="85"/>
        <source>Request Tracker 5 (REST 2.0)</source>
        <translation>Request Tracker 5 (REST 2.0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="87"/>
        <source>the support address from your contract</source>
        <translation>l&apos;indirizzo di assistenza indicato nel contratto</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="89"/>
        <source>https://help.example.com/otrs/</source>
        <translation>https://help.example.com/otrs/</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="92"/>
        <source>The help desk&apos;s address, or the whole web service URL (…/nph-genericinterface.pl/Webservice/NAME).</source>
        <translation>L&apos;indirizzo dell&apos;help desk, oppure l&apos;URL completo del servizio web (…/nph-genericinterface.pl/Webservice/NOME).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="99"/>
        <source>where new tickets go, e.g. Raw</source>
        <translation>dove vanno i nuovi ticket, ad es. Raw</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="102"/>
        <source>optional: https://help.example.com/otrs/customer.pl</source>
        <translation>facoltativo: https://help.example.com/otrs/customer.pl</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="104"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nome profilo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="105"/>
        <source>Help-desk &amp;type:</source>
        <translation>Tipo di &amp;help desk:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="106"/>
        <source>Support &amp;address:</source>
        <translation>&amp;Indirizzo di assistenza:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="107"/>
        <source>Web service &amp;URL:</source>
        <translation>Indiri&amp;zzo del servizio web:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="108"/>
        <source>Web ser&amp;vice name:</source>
        <translation>Nome del servizio &amp;web:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="109"/>
        <source>&amp;Queue:</source>
        <translation>Coda dei tic&amp;ket:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="110"/>
        <source>Customer p&amp;ortal:</source>
        <translation>Portale we&amp;b dei clienti:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="114"/>
        <source>You</source>
        <translation>I tuoi dati</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="117"/>
        <source>Jane Customer</source>
        <translation>Mario Rossi</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="119"/>
        <source>jane@example.com</source>
        <translation>mario.rossi@example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="120"/>
        <source>Your n&amp;ame:</source>
        <translation>Il tuo n&amp;ome:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="121"/>
        <source>Your &amp;e-mail:</source>
        <translation>La tua &amp;e-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="125"/>
        <location filename="../../app/ui/profiles.py" line="494"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>Server di posta in uscita (SMTP)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="130"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="135"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (porta 587)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="136"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (porta 465)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="137"/>
        <source>None – unencrypted (port 25)</source>
        <translation>Nessuna – non cifrata (porta 25)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="140"/>
        <location filename="../../app/ui/profiles.py" line="207"/>
        <source>Port:</source>
        <translation>Porta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="144"/>
        <source>Se&amp;curity:</source>
        <translation>Si&amp;curezza:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="146"/>
        <location filename="../../app/ui/profiles.py" line="497"/>
        <source>usually your e-mail address; empty: no login</source>
        <translation>di solito il tuo indirizzo e-mail; vuoto: nessun accesso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="149"/>
        <source>&amp;Login:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="150"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="151"/>
        <source>Kept in your system keyring, never in a file.</source>
        <translation>Conservata nel portachiavi di sistema, mai in un file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="157"/>
        <source>optional: your organisation&apos;s CA certificate (PEM)</source>
        <translation>facoltativo: il certificato CA della tua organizzazione (PEM)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="159"/>
        <source>Bro&amp;wse…</source>
        <translation>Sfo&amp;glia…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="142"/>
        <source>S&amp;MTP server:</source>
        <translation>Se&amp;rver SMTP:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="163"/>
        <source>E&amp;xtra CA file:</source>
        <translation>&amp;File CA aggiuntivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="167"/>
        <source>Ticket &amp;hook:</source>
        <translation>Prefisso &amp;ticket:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="169"/>
        <source>Your RT password, or an auth token from RT (Settings, Auth Tokens).</source>
        <translation>La tua password di RT, oppure un token di autenticazione di RT (Impostazioni, Auth Tokens).</translation>
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
        <translation>Come l&apos;help desk indica il numero del ticket nell&apos;oggetto delle mail. Per Request Tracker il prefisso è il rtname dell&apos;help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="184"/>
        <source>Ticket hook st&amp;yle:</source>
        <translation>Formato del tic&amp;ket nell&apos;oggetto:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="187"/>
        <source>Incoming mail (IMAP, optional)</source>
        <translation>Posta in arrivo (IMAP, facoltativa)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="192"/>
        <source>Where the help desk&apos;s replies arrive. With it, Ticketwise shows your tickets and their answers, learns the ticket numbers and keeps a copy of what you send in your Sent folder. Nothing in the mailbox is marked read or deleted.</source>
        <translation>Dove arrivano le risposte dell&apos;help desk. Con essa Ticketwise mostra i tuoi ticket e le risposte, impara i numeri dei ticket e conserva una copia di ciò che invii nella cartella della posta inviata. Nella casella nulla viene segnato come letto o cancellato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="201"/>
        <source>imap.example.com; empty: only send</source>
        <translation>imap.example.com; vuoto: solo invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="209"/>
        <source>IMAP ser&amp;ver:</source>
        <translation>Indiri&amp;zzo del server IMAP:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="211"/>
        <source>SSL/TLS (port 993)</source>
        <translation>SSL/TLS (porta 993)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="212"/>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (porta 143)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="213"/>
        <source>None – unencrypted (port 143)</source>
        <translation>Nessuna – non cifrata (porta 143)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="214"/>
        <source>Secur&amp;ity:</source>
        <translation>&amp;Livello di sicurezza:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="216"/>
        <source>empty: the same login as for sending</source>
        <translation>vuoto: lo stesso nome utente dell&apos;invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="217"/>
        <source>Login:</source>
        <translation>Nome utente:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="220"/>
        <source>empty: the same password as for sending</source>
        <translation>vuota: la stessa password dell&apos;invio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="221"/>
        <source>Passwo&amp;rd:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="224"/>
        <source>Folder:</source>
        <translation>Cartella:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="228"/>
        <source>New tickets</source>
        <translation>Nuovi ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="230"/>
        <source>Include the system &amp;information by default</source>
        <translation>Di &amp;base, includi le informazioni di sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="234"/>
        <source>Operating system, screens, locale, app version and whether the help desk can be reached. You see every line in the ticket and can remove any of them.</source>
        <translation>Sistema operativo, schermi, impostazioni locali, versione dell&apos;app e raggiungibilità dell&apos;assistenza. Vedi ogni riga nel ticket e puoi toglierne qualunque.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="344"/>
        <source>stored in the keyring – type to replace</source>
        <translation>salvata nel portachiavi – digita per sostituirla</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="417"/>
        <source>Give the profile a name (letters, digits, spaces, . @ + -).</source>
        <translation>Dai un nome al profilo (lettere, cifre, spazi, . @ + -).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="418"/>
        <source>The support address is not a valid e-mail address.</source>
        <translation>L&apos;indirizzo di assistenza non è un indirizzo e-mail valido.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="419"/>
        <source>Your e-mail address is not valid.</source>
        <translation>Il tuo indirizzo e-mail non è valido.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="420"/>
        <source>Enter the SMTP server&apos;s name.</source>
        <translation>Inserisci il nome del server SMTP.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="421"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>La porta deve essere compresa tra 1 e 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="422"/>
        <source>The CA file does not exist.</source>
        <translation>Il file CA non esiste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="423"/>
        <source>This kind of help desk is not supported yet.</source>
        <translation>Questo tipo di help desk non è ancora supportato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="424"/>
        <source>Enter the web service&apos;s address (starting with https://).</source>
        <translation>Inserisci l&apos;indirizzo del servizio web (che inizia con https://).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="425"/>
        <source>Enter your login name.</source>
        <translation>Inserisci il tuo nome utente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="426"/>
        <source>Enter the queue that new tickets go to.</source>
        <translation>Inserisci la coda in cui vanno i nuovi ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="427"/>
        <source>Enter the IMAP server&apos;s name (or leave it empty).</source>
        <translation>Inserisci il nome del server IMAP (o lascialo vuoto).</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="428"/>
        <source>The IMAP port must be between 1 and 65535.</source>
        <translation>La porta IMAP deve essere tra 1 e 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="429"/>
        <source>Enter the login for the IMAP server.</source>
        <translation>Inserisci il nome utente per il server IMAP.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="430"/>
        <source>Enter the help desk&apos;s rtname as its ticket hook.</source>
        <translation>Inserisci come prefisso ticket il rtname dell&apos;help desk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="434"/>
        <source>Enter the password for the login.</source>
        <translation>Inserisci la password per l&apos;accesso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="494"/>
        <source>Your login</source>
        <translation>Il tuo accesso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="499"/>
        <source>your login for the help desk&apos;s customer portal</source>
        <translation>il tuo nome utente del portale clienti dell&apos;help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="520"/>
        <source>the rtname, e.g. rt.example.com</source>
        <translation>il rtname, p. es. rt.example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="562"/>
        <source>CA certificate file</source>
        <translation>File del certificato CA</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="564"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificati (*.pem *.crt *.cer);;Tutti i file (*)</translation>
    </message>
</context>
<context>
    <name>ProfileSetupDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="937"/>
        <source>Set up your help desk</source>
        <translation>Configura il tuo help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="944"/>
        <source>&lt;b&gt;Where should your tickets go?&lt;/b&gt;&lt;br&gt;Enter the help desk&apos;s support address and the mail account Ticketwise sends from. You do this once; your ticket is kept meanwhile.</source>
        <translation>&lt;b&gt;Dove devono arrivare i tuoi ticket?&lt;/b&gt;&lt;br&gt;Inserisci l&apos;indirizzo di assistenza dell&apos;help desk e l&apos;account di posta da cui Ticketwise invia. Basta farlo una volta; intanto il ticket resta salvato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="953"/>
        <source>Help desk</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="959"/>
        <source>Save and &amp;send</source>
        <translation>&amp;Salva e invia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="988"/>
        <source>Profile not saved</source>
        <translation>Profilo non salvato</translation>
    </message>
</context>
<context>
    <name>RecorderControl</name>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="73"/>
        <source>Ticketwise – recording steps</source>
        <translation>Ticketwise – registrazione delle operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="85"/>
        <location filename="../../app/ui/recorder_control.py" line="151"/>
        <source>Recording · %1 · %2</source>
        <translation>Registrazione · %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="85"/>
        <location filename="../../app/ui/recorder_control.py" line="144"/>
        <source>%1 steps</source>
        <translation>%1 operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="92"/>
        <location filename="../../app/ui/recorder_control.py" line="156"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="93"/>
        <source>Add note…</source>
        <translation>Aggiungi nota…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="94"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="95"/>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="96"/>
        <source>Stop recording clicks and typing for a while</source>
        <translation>Sospendi per un po&apos; la registrazione di clic e digitazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="97"/>
        <source>Add a step in your own words</source>
        <translation>Aggiungi un&apos;operazione descritta con parole tue</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="98"/>
        <source>Add a screenshot of the active window</source>
        <translation>Aggiungi uno screenshot della finestra attiva</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="99"/>
        <source>End the recording and review the steps</source>
        <translation>Termina la registrazione e rivedi le operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="144"/>
        <source>1 step</source>
        <translation>1 operazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="146"/>
        <source>Paused · %1</source>
        <translation>In pausa · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="148"/>
        <source>Saving %1…</source>
        <translation>Salvataggio di %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="156"/>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="207"/>
        <source>Step limit reached (%1): stop, or raise it in Settings.</source>
        <translation>Raggiunto il limite di operazioni (%1): ferma la registrazione, oppure alza il limite nelle Impostazioni.</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="245"/>
        <source>Add a note</source>
        <translation>Aggiungi una nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/recorder_control.py" line="246"/>
        <source>What should the help desk know at this step?</source>
        <translation>Cosa deve sapere l&apos;assistenza a questo punto?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/profiles.py" line="653"/>
        <source>Ticketwise – Settings</source>
        <translation>Ticketwise – Impostazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="660"/>
        <source>Help desks</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="661"/>
        <source>General</source>
        <translation>Generali</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="679"/>
        <source>Re&amp;move</source>
        <translation>Ri&amp;muovi</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="677"/>
        <source>A&amp;dd</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="689"/>
        <source>Ma&amp;ke this the default for new tickets</source>
        <translation>Usa come pre&amp;definito per i nuovi ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="696"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Salva profilo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="708"/>
        <source>System language</source>
        <translation>Lingua del sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="714"/>
        <source>Show an icon in the system tray</source>
        <translation>Mostra un&apos;icona nell&apos;area di notifica</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="716"/>
        <source>Closing the window keeps Ticketwise in the tray</source>
        <translation>Chiudendo la finestra, Ticketwise resta nell&apos;area di notifica</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="718"/>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="719"/>
        <source>A new language applies the next time Ticketwise starts.</source>
        <translation>La nuova lingua sarà attiva al prossimo avvio di Ticketwise.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="725"/>
        <source>Screenshots</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="732"/>
        <source>Global &amp;key:</source>
        <translation>Tasto &amp;globale:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="735"/>
        <source>Starts a screenshot from any program while Ticketwise runs. Clear it to use none.</source>
        <translation>Fa uno screenshot da qualsiasi programma mentre Ticketwise è in esecuzione. Cancellalo per non usarne nessuno.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="746"/>
        <source>Open the &amp;annotator before attaching a screenshot</source>
        <translation>Apri l&apos;&amp;annotatore prima di allegare uno screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="749"/>
        <source>&amp;Hide this window while a screenshot is taken</source>
        <translation>&amp;Nascondi questa finestra mentre si fa uno screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="753"/>
        <source>Steps recorder</source>
        <translation>Registratore di operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="759"/>
        <source> steps</source>
        <translation> operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="762"/>
        <source>999 steps</source>
        <translation>999 operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="764"/>
        <source>&amp;Most steps per recording:</source>
        <translation>&amp;Massimo di operazioni per registrazione:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="771"/>
        <source>Recording &amp;key:</source>
        <translation>Tasto di re&amp;gistrazione:</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="774"/>
        <source>Starts a steps recording from any program; pressed again, stops it. Clear it to use none.</source>
        <translation>Avvia una registrazione delle operazioni da qualunque programma; premuto di nuovo, la ferma. Cancellalo per non usarne nessuno.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="805"/>
        <source>%1 (default)</source>
        <translation>%1 (predefinito)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="858"/>
        <source>Remove profile</source>
        <translation>Rimuovi profilo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="859"/>
        <source>Remove the profile “%1” and its stored password?</source>
        <translation>Rimuovere il profilo “%1” e la relativa password salvata?</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="869"/>
        <source>Profile not removed</source>
        <translation>Profilo non rimosso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="884"/>
        <source>Saving…</source>
        <translation>Salvataggio…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="902"/>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profiles.py" line="909"/>
        <source>Profile not saved</source>
        <translation>Profilo non salvato</translation>
    </message>
</context>
<context>
    <name>StepCaptions</name>
    <message>
        <location filename="../../app/ui/step_captions.py" line="19"/>
        <source>button</source>
        <translation>pulsante</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="20"/>
        <source>toggle button</source>
        <translation>interruttore</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="21"/>
        <source>check box</source>
        <translation>casella di controllo</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="22"/>
        <source>radio button</source>
        <translation>pulsante di opzione</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="23"/>
        <source>menu item</source>
        <translation>voce di menu</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="24"/>
        <source>menu</source>
        <translation>menu</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="25"/>
        <source>tab</source>
        <translation>scheda</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="26"/>
        <source>link</source>
        <translation>collegamento</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="27"/>
        <source>list item</source>
        <translation>elemento dell&apos;elenco</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="28"/>
        <source>tree item</source>
        <translation>elemento dell&apos;albero</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="29"/>
        <source>cell</source>
        <translation>cella</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="30"/>
        <source>icon</source>
        <translation>icona</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="31"/>
        <source>slider</source>
        <translation>cursore</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="43"/>
        <source>an untitled window</source>
        <translation>una finestra senza titolo</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="49"/>
        <source>Right-clicked %3 &apos;%1&apos; in %2</source>
        <translation>Clic destro su %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="50"/>
        <source>Middle-clicked %3 &apos;%1&apos; in %2</source>
        <translation>Clic centrale su %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="53"/>
        <source>Clicked %3 &apos;%1&apos; in %2</source>
        <translation>Clic su %3 &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="57"/>
        <source>Right-clicked &apos;%1&apos; in %2</source>
        <translation>Clic destro su &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="58"/>
        <source>Middle-clicked &apos;%1&apos; in %2</source>
        <translation>Clic centrale su &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="59"/>
        <source>Clicked &apos;%1&apos; in %2</source>
        <translation>Clic su &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="62"/>
        <source>Right-clicked in %2</source>
        <translation>Clic destro in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="63"/>
        <source>Middle-clicked in %2</source>
        <translation>Clic centrale in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="64"/>
        <source>Clicked in %2</source>
        <translation>Clic in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="68"/>
        <source>Typed 1 character in %2</source>
        <translation>Digitato 1 carattere in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="72"/>
        <source>Typed %1 characters in %2</source>
        <translation>Digitati %1 caratteri in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="78"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/step_captions.py" line="79"/>
        <source>Screenshot of %2</source>
        <translation>Screenshot di %2</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="330"/>
        <location filename="../../app/ui/steps_editor.py" line="362"/>
        <source>Recorded steps</source>
        <translation>Operazioni registrate</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="363"/>
        <source>Step</source>
        <translation>Operazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="364"/>
        <source>Window</source>
        <translation>Finestra</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="365"/>
        <source>Application</source>
        <translation>Applicazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="366"/>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="367"/>
        <source>Position</source>
        <translation>Posizione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="368"/>
        <source>Recorded</source>
        <translation>Registrate</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="369"/>
        <location filename="../../app/ui/steps_editor.py" line="435"/>
        <source>Steps</source>
        <translation>Operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="370"/>
        <source>Report made</source>
        <translation>Resoconto creato</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="371"/>
        <location filename="../../app/ui/steps_editor.py" line="636"/>
        <source>(untitled window)</source>
        <translation>(finestra senza titolo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="372"/>
        <source>en</source>
        <comment>the language code of this translation, for the HTML report</comment>
        <translation>it</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="415"/>
        <source>Drag a step, or use Alt+Up and Alt+Down, to change the order. F2 or a double-click edits a caption.</source>
        <translation>Trascina un&apos;operazione, oppure usa Alt+Su e Alt+Giù, per cambiare l&apos;ordine. F2 o un doppio clic modificano una didascalia.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="440"/>
        <source>Move &amp;up</source>
        <translation>Sposta s&amp;u</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="441"/>
        <source>Move the step up (Alt+Up)</source>
        <translation>Sposta l&apos;operazione in su (Alt+Su)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="442"/>
        <source>Move do&amp;wn</source>
        <translation>Sposta &amp;giù</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="443"/>
        <source>Move the step down (Alt+Down)</source>
        <translation>Sposta l&apos;operazione in giù (Alt+Giù)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="444"/>
        <source>&amp;Edit caption</source>
        <translation>&amp;Modifica didascalia</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="445"/>
        <source>Rewrite the step&apos;s caption (F2)</source>
        <translation>Riscrivi la didascalia dell&apos;operazione (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="446"/>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="447"/>
        <source>Delete the step (Del)</source>
        <translation>Elimina l&apos;operazione (Canc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="459"/>
        <source>Screenshot of the step</source>
        <translation>Screenshot dell&apos;operazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="468"/>
        <source>&amp;Annotate…</source>
        <translation>&amp;Annota…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="470"/>
        <source>Mark up or black out parts of this step&apos;s screenshot</source>
        <translation>Evidenzia o oscura parti dello screenshot di questa operazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="480"/>
        <source>No steps were recorded.</source>
        <translation>Non è stata registrata nessuna operazione.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="492"/>
        <source>Also attach an &amp;HTML report of the recording</source>
        <translation>Allega anche un resoconto &amp;HTML della registrazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="495"/>
        <source>One web page with every step and its screenshot, for the help desk to view or print</source>
        <translation>Una pagina web con ogni operazione e il suo screenshot, che l&apos;assistenza può vedere o stampare</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="512"/>
        <source>Disca&amp;rd recording</source>
        <translation>Sca&amp;rta la registrazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="514"/>
        <source>Add to &amp;ticket</source>
        <translation>Aggiungi al &amp;ticket</translation>
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
        <translation>(nota vuota)</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="598"/>
        <source>1 step</source>
        <translation>1 operazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="598"/>
        <source>%1 steps</source>
        <translation>%1 operazioni</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="631"/>
        <source>Time: %1</source>
        <translation>Ora: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="635"/>
        <source>Window: %1</source>
        <translation>Finestra: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="640"/>
        <source>Application: %1</source>
        <translation>Applicazione: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="643"/>
        <source>Position: %1, %2</source>
        <translation>Posizione: %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="649"/>
        <source>Typing is recorded as a count of key presses, never the keys.</source>
        <translation>La digitazione viene registrata come numero di tasti premuti, mai i tasti stessi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="651"/>
        <source>This step has no screenshot.</source>
        <translation>Questa operazione non ha uno screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="657"/>
        <source>Loading the screenshot…</source>
        <translation>Caricamento dello screenshot…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="690"/>
        <source>This screenshot cannot be shown. %1</source>
        <translation>Impossibile mostrare questo screenshot. %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="790"/>
        <source>Saving the annotated screenshot…</source>
        <translation>Salvataggio dello screenshot annotato…</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="877"/>
        <source>Screenshot not annotated</source>
        <translation>Screenshot non annotato</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="918"/>
        <source>Screenshots %1; the report adds about %2.</source>
        <translation>Screenshot %1; il resoconto aggiunge circa %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="923"/>
        <source>Screenshots %1.</source>
        <translation>Screenshot %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="929"/>
        <source>With the ticket&apos;s other attachments that is over the %1 it may carry: leave out the report or some screenshots.</source>
        <translation>Con gli altri allegati del ticket si superano i %1 consentiti: togli il resoconto o qualche screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="961"/>
        <source>Discard recording?</source>
        <translation>Scartare la registrazione?</translation>
    </message>
    <message>
        <location filename="../../app/ui/steps_editor.py" line="962"/>
        <source>Discard the recorded steps? They will not be added to the ticket.</source>
        <translation>Scartare le operazioni registrate? Non verranno aggiunte al ticket.</translation>
    </message>
</context>
<context>
    <name>SysinfoPanel</name>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="47"/>
        <source>Send system &amp;information</source>
        <translation>Invia le &amp;informazioni di sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="58"/>
        <location filename="../../app/ui/sysinfo_panel.py" line="165"/>
        <source>Exactly these lines are added to the ticket. Untick a line to leave it out.</source>
        <translation>Al ticket vengono aggiunte esattamente queste righe. Togli la spunta a una riga per escluderla.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="63"/>
        <source>Refres&amp;h</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="64"/>
        <source>Collect the system information again</source>
        <translation>Raccogli di nuovo le informazioni di sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="124"/>
        <source>Not collected: %1. Hover for why.</source>
        <translation>Non raccolte: %1. Passa sopra col mouse per sapere perché.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sysinfo_panel.py" line="161"/>
        <source>Collecting the system information…</source>
        <translation>Raccolta delle informazioni di sistema…</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/application.py" line="187"/>
        <source>New ticket</source>
        <translation>Nuovo ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="189"/>
        <source>Take a screenshot…</source>
        <translation>Fai uno screenshot…</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="192"/>
        <location filename="../../app/ui/application.py" line="199"/>
        <source>Record steps…</source>
        <translation>Registra le operazioni…</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="197"/>
        <source>Stop recording</source>
        <translation>Ferma la registrazione</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="203"/>
        <source>Show Ticketwise</source>
        <translation>Mostra Ticketwise</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>Send outbox now</source>
        <translation>Invia ora la posta in uscita</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="209"/>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
</context>
</TS>
