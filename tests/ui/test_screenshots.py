"""Screenshots in the composer: pasted and dropped images go through the annotator, the draft
keeps the redacted image plus the lossless original, and a thumbnail reopens the annotator."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.ui.annotator import AnnotatorDialog, Tool
from tests.ui.test_annotator import actual_size, drag, noise_image, wait_rendered


def annotator(qtbot, window) -> AnnotatorDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(AnnotatorDialog) is not None, timeout=3000)
    dialog = window.findChild(AnnotatorDialog)
    assert isinstance(dialog, AnnotatorDialog)
    wait_rendered(qtbot, dialog)
    return dialog


def test_paste_redact_attach_keeps_the_original_local(qtbot, make_window) -> None:
    window = make_window()
    original = noise_image(200, 120)
    QApplication.clipboard().setImage(original)
    window.composer.paste_button.click()
    dialog = annotator(qtbot, window)
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_X)
    assert dialog.tool() is Tool.REDACT
    drag(qtbot, dialog, QPoint(10, 20), QPoint(110, 70))
    wait_rendered(qtbot, dialog)
    dialog.attach_button.click()
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 1, timeout=5000)
    (ref,) = window.composer.draft.attachments
    assert ref.is_annotated and ref.mime == "image/png"
    sent = QImage.fromData(window._drafts.read_blob(ref.sha256))
    kept = QImage.fromData(window._drafts.read_blob(ref.original_sha256))
    black = QColor("#000000").rgb()
    assert {sent.pixel(x, y) for x in range(10, 110) for y in range(20, 70)} == {black}
    assert kept.convertToFormat(QImage.Format.Format_RGB32) == original.convertToFormat(
        QImage.Format.Format_RGB32
    )  # the original, losslessly: only this machine has it
    assert [op["kind"] for op in json.loads(ref.annotations)["operations"]] == ["redact"]


def test_a_thumbnail_reopens_the_marks_and_replaces_the_attachment(qtbot, make_window) -> None:
    window = make_window()
    QApplication.clipboard().setImage(noise_image(160, 100))
    window.composer.paste_button.click()
    dialog = annotator(qtbot, window)
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_R)
    drag(qtbot, dialog, QPoint(5, 5), QPoint(60, 40))
    wait_rendered(qtbot, dialog)
    dialog.attach_button.click()
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 1, timeout=5000)
    (first,) = window.composer.draft.attachments
    qtbot.waitUntil(lambda: window.findChild(AnnotatorDialog) is None, timeout=3000)

    item = window.composer.attachments.item(0)
    window.composer.attachments.itemActivated.emit(item)  # a double-click, or Enter
    again = annotator(qtbot, window)
    assert len(again.result_document().operations) == 1  # the rectangle, still editable
    actual_size(again)
    qtbot.keyClick(again, Qt.Key.Key_N)
    qtbot.mouseClick(again.canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 60))
    wait_rendered(qtbot, again)
    again.attach_button.click()
    qtbot.waitUntil(lambda: window.composer.draft.attachments != (first,), timeout=5000)
    (second,) = window.composer.draft.attachments  # replaced in place, not added
    assert second.original_sha256 == first.original_sha256
    kinds = [op["kind"] for op in json.loads(second.annotations)["operations"]]
    assert kinds == ["rectangle", "marker"]


def test_cancelling_the_annotator_attaches_nothing(qtbot, make_window) -> None:
    window = make_window()
    QApplication.clipboard().setImage(noise_image(50, 50))
    window.composer.paste_button.click()
    dialog = annotator(qtbot, window)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: window.findChild(AnnotatorDialog) is None, timeout=3000)
    assert window.composer.draft.attachments == ()
    assert not window.capture_flow.busy


def test_dropped_image_files_queue_through_the_annotator(
    qtbot, make_window, tmp_path: Path
) -> None:
    window = make_window()
    paths = []
    for n in range(2):
        path = tmp_path / f"shot{n}.png"
        noise_image(40 + n, 30).save(str(path))
        paths.append(str(path))
    log = tmp_path / "notes.txt"
    log.write_text("not an image")
    window.composer.attach_files([*paths, str(log)])
    for n in range(2):
        dialog = annotator(qtbot, window)
        assert dialog.result_image().width() == 40 + n  # one after the other, in order
        dialog.attach_button.click()
        qtbot.waitUntil(
            lambda n=n: (
                window.findChild(AnnotatorDialog) is None
                or window.findChild(AnnotatorDialog).result_image().width() != 40 + n
            ),
            timeout=5000,
        )
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 3, timeout=5000)
    names = sorted(a.name for a in window.composer.draft.attachments)
    assert names == ["notes.txt", "shot0.png", "shot1.png"]


def test_with_the_annotator_off_a_paste_attaches_at_once(qtbot, make_window) -> None:
    window = make_window()
    window._ctx.settings.values["capture_annotate"] = False
    QApplication.clipboard().setImage(noise_image(30, 20))
    window.composer.paste_button.click()
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 1, timeout=5000)
    assert window.findChild(AnnotatorDialog) is None
    assert not window.composer.draft.attachments[0].is_annotated


def test_settings_edit_the_global_key_and_say_why_it_failed(qtbot, make_window) -> None:
    window = make_window()
    window.hotkey_problem = "The shortcut Ctrl+Shift+F12 is already used."
    dialog = window.make_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.hotkey_status.isHidden()  # on the General tab
    assert "already used" in dialog.hotkey_status.text()
    from PySide6.QtGui import QKeySequence

    dialog.hotkey.setKeySequence(QKeySequence("Ctrl+Alt+P"))
    dialog.annotate_box.setChecked(False)
    dialog._on_close_clicked()
    assert dialog.general_values["capture_hotkey"] == "Ctrl+Alt+P"
    assert dialog.general_values["capture_annotate"] is False
