"""English and Italian: the .ts files are complete and current, and Italian fits the widgets.

The .qm files are built (dev.py compiles them), never committed: these tests compile their own
Italian .qm with the venv's pyside6-lrelease and install it the way the app does.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from app.core.model import OutboxItem, OutboxState, Submission, utc_now
from app.ui.errors import describe
from app.ui.main_window import PAGE_COMPOSE, PAGE_DRAFTS, PAGE_OUTBOX, MainWindow
from app.ui.profiles import ProfileSetupDialog
from tests.conftest import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = {language: TRANSLATIONS / f"ticketwise_{language}.ts" for language in ("it", "en")}
PLACEHOLDER = re.compile(r"%\d+")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# A mnemonic: one "&" before a character that is neither a space nor another "&".
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def venv_tool(name: str) -> Path | None:
    """A console script installed next to the interpreter running the tests."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    return None


def devtool() -> ModuleType:
    """installer/devtool.py, the driver whose ``lupdate`` command made the .ts files."""
    if "devtool" in sys.modules:
        return sys.modules["devtool"]
    spec = importlib.util.spec_from_file_location("devtool", ROOT / "installer" / "devtool.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["devtool"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts.name}: {name}: no <translation> element"
            found.append((name, message.findtext("source", ""), translation))
    return found


# -- (a) the .ts files are complete -----------------------------------------------------------


@pytest.mark.parametrize("language", sorted(TS_FILES))
def test_every_message_is_translated_and_keeps_its_placeholders(language: str) -> None:
    ts = TS_FILES[language]
    root = ET.parse(ts).getroot()
    assert root.get("language") == language
    assert root.get("sourcelanguage") == "en"
    found = messages(ts)
    assert len(found) > 200, "lupdate found too few strings: is app/ui scanned?"
    problems = []
    for context, source, translation in found:
        text = translation.text or ""
        where = f"{context}: {source!r}"
        if translation.get("type") is not None:
            problems.append(f"{where} is {translation.get('type')}")
        if not text.strip():
            problems.append(f"{where} has an empty translation")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: placeholders differ in {text!r}")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
            problems.append(f"{where}: HTML tags differ in {text!r}")
        if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
            problems.append(f"{where}: the accelerator (&) is lost or doubled in {text!r}")
        if source.endswith("\u2026") != text.endswith("\u2026"):
            problems.append(f"{where}: the ellipsis is lost or added in {text!r}")
        if language == "en" and text != source:
            problems.append(f"{where}: English must equal its source, not {text!r}")
    assert not problems, "\n".join(problems)


def test_errors_crash_and_tray_texts_are_extracted() -> None:
    """Texts built with QCoreApplication.translate, outside any class, reach the .ts too."""
    contexts = {context for context, _source, _translation in messages(TS_FILES["it"])}
    assert {"Errors", "Crash", "Tray", "MainWindow", "ComposerWidget"} <= contexts


# -- (d) the .ts files are current ------------------------------------------------------------


def test_every_message_has_the_context_it_is_looked_up_in() -> None:
    """lupdate files ``tr = self.tr; tr("...")`` under an empty context, where the running app
    never looks: those strings would stay English whatever the .ts says."""
    for language, path in TS_FILES.items():
        root = ET.parse(path).getroot()
        empty = [
            m.findtext("source")
            for c in root.iter("context")
            if not (c.findtext("name") or "").strip()
            for m in c.iter("message")
        ]
        assert not empty, f"{language}: no context for {empty[:5]} (call self.tr(...) directly)"


def test_ts_files_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    lupdate = venv_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip(f"no pyside6-lupdate next to {sys.executable}")
    driver = devtool()
    for language, committed in TS_FILES.items():
        copy = tmp_path / committed.name
        shutil.copyfile(committed, copy)
        result = subprocess.run(
            [str(a) for a in driver.lupdate_argv(lupdate, language, copy)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        want = {(context, source) for context, source, _t in messages(copy)}
        have = {(context, source) for context, source, _t in messages(committed)}
        assert have == want, (
            f"{committed.name} is out of date: run `python3 installer/dev.py lupdate` and "
            f"translate the new strings.\nnew in the code: {sorted(want - have)}\n"
            f"gone from the code: {sorted(have - want)}"
        )


# -- (b) the window in Italian ----------------------------------------------------------------


@pytest.fixture(scope="module")
def italian_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ticketwise_it.ts compiled by the venv's pyside6-lrelease."""
    lrelease = venv_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip(f"no pyside6-lrelease next to {sys.executable}")
    qm = tmp_path_factory.mktemp("qm") / "ticketwise_it.qm"
    result = subprocess.run(
        [str(lrelease), str(TS_FILES["it"]), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and qm.is_file(), result.stdout + result.stderr
    assert "0 unfinished" in result.stdout, result.stdout
    return qm


@pytest.fixture
def italian(qapp: QApplication, italian_qm: Path) -> Iterator[None]:
    """Ticketwise's and Qt's own Italian installed, as the app does for language "it"."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("ticketwise", str(italian_qm.parent))):
        translator = QTranslator()
        loaded = translator.load(QLocale("it"), name, "_", folder)
        assert loaded or name == "qtbase", f"{italian_qm} does not load"
        if loaded:
            qapp.installTranslator(translator)
            installed.append(translator)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_window_speaks_italian(italian, make_window) -> None:
    window = make_window()
    composer = window.composer
    assert composer.send_button.text() == "Invia &ticket"
    assert composer.discard_button.text() == "&Elimina bozza"
    assert [window.nav.item(row).text() for row in range(3)] == [
        "Nuovo ticket",
        "Bozze",
        "Posta in uscita",
    ]
    title = composer.checklist.findChild(QLabel, "checklistTitle")
    assert title is not None and title.text() == "Cosa serve all'assistenza"
    assert composer.checklist._summary.text() == "0 su 6 completati"
    assert window.windowTitle() == "Nuovo ticket \u2013 Ticketwise"
    assert [menu.title() for menu in (a.menu() for a in window.menuBar().actions())] == [
        "&File",
        "&Aiuto",
    ]
    assert composer.subject.placeholderText().startswith("Cosa non funziona, e dove?")
    assert composer.body_labels().steps == "Sequenza di operazioni effettuate"
    assert window.outbox_view.send_now_button.text() == "Invia &tutto ora"


# -- (c) Italian fits -------------------------------------------------------------------------


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, button and check box under ``root`` narrower than its text needs
    (labels that wrap their words are fine at any width)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QPushButton | QCheckBox) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        need, have = widget.sizeHint().width(), widget.width()
        if need > have:
            text = widget.text().replace("\n", " ")
            problems.append(f"{type(widget).__name__} {text!r}: needs {need} px, has {have}")
    return problems


def nav_cut_off(window: MainWindow, texts: list[str]) -> list[str]:
    """Navigation entries too long for the navigation list. A list item never elides: a long
    one widens every row past the list's edge, so compare with the rows of a short text."""
    nav = window.nav

    def widest(labels: list[str]) -> int:
        for row, label in enumerate(labels):
            nav.item(row).setText(label)
        QApplication.processEvents()
        return max(nav.visualItemRect(nav.item(row)).width() for row in range(nav.count()))

    room = widest(["x"] * nav.count())
    need = widest(texts)
    return [f"navigation {texts}: the rows need {need} px, have {room}"] if need > room else []


def settle(window: MainWindow) -> None:
    """Let the window's background loads finish and deliver their results."""
    assert window._runner.wait_all(5000)
    QApplication.processEvents()


def outbox_items() -> list[OutboxItem]:
    """One item in each state, with the long texts (counts, errors) they can show."""
    now = utc_now()

    def item(number: int, state: OutboxState, **extra: object) -> OutboxItem:
        submission = Submission(
            submission_key=f"key-{number}",
            profile="Assistenza ACME",
            subject=f"Esportazione PDF fatture: errore 500 ({number})",
            body="",
        )
        return OutboxItem(id=number, submission=submission, state=state, **extra)

    return [
        item(1, OutboxState.UNKNOWN, attempts=3, error_kind="outcome_unknown"),
        item(2, OutboxState.QUEUED, attempts=12, next_attempt_at=now + timedelta(days=2)),
        item(3, OutboxState.FAILED, error_kind="not_reachable", error_reason="refused"),
        item(4, OutboxState.SENT, ticket_number="2026112510000123", sent_at=now),
    ]


def show_page(qtbot, window: MainWindow, page: int) -> None:
    """Switch pages and let the lists the switch reloads arrive."""
    window.show_page(page)
    qtbot.waitUntil(lambda: window.stack.currentWidget().isVisible())
    settle(window)


def fill_outbox(window: MainWindow) -> None:
    """Show :func:`outbox_items`, one of them being sent and the one needing a check selected:
    every button and the progress row are visible then."""
    items = outbox_items()
    view = window.outbox_view
    view.set_items(items)
    view.set_sending(items[1])
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    QApplication.processEvents()


def test_italian_fits_the_main_window(qtbot, italian, make_window) -> None:
    window = make_window()
    settle(window)
    assert (window.width(), window.height()) == (1120, 760)
    show_page(qtbot, window, PAGE_COMPOSE)
    problems = cut_off(window.composer)  # the checklist and the Send button are inside

    show_page(qtbot, window, PAGE_OUTBOX)
    fill_outbox(window)
    assert window.outbox_view.mark_sent_button.isVisible()
    assert window.outbox_view.cancel_button.isVisible()
    problems += cut_off(window.outbox_view)
    show_page(qtbot, window, PAGE_DRAFTS)
    problems += cut_off(window.drafts_view)

    longest = [
        window.tr("New ticket"),
        window.tr("Drafts (%1)").replace("%1", "99"),
        window.tr("Outbox (%1)").replace("%1", "99") + " \u26a0",
    ]
    problems += nav_cut_off(window, longest)
    assert not problems, "\n".join(problems)


def test_a_long_status_ends_in_an_ellipsis(qtbot, italian, make_window) -> None:
    """The status bar shows errors on one line: too long, they end in "\u2026", never cut."""
    window = make_window()
    settle(window)
    what, todo = describe("not_reachable", {"reason": "refused"})
    window.show_status(f"{what} {todo}")
    label = window.status_label
    assert label.text().endswith("\u2026"), "the Italian error should not fit in one line"
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert label.toolTip() == f"{what} {todo}"
    window.show_status(window.tr("Ticket sent"))
    assert label.text() == "Ticket inviato"
    assert label.toolTip() == ""


def check_dialog(qtbot, dialog: QDialog) -> list[str]:
    """Show ``dialog`` at its default size and look at every page of its tabs."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = []
    tabs = dialog.findChildren(QTabWidget)
    pages = [(tab, index) for tab in tabs for index in range(tab.count())] or [(None, 0)]
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
            QApplication.processEvents()
        problems += cut_off(dialog)
    return problems


def test_italian_fits_the_settings_dialog(qtbot, italian, make_window) -> None:
    window = make_window()
    dialog = window.make_settings_dialog()
    width = dialog.width()
    problems = check_dialog(qtbot, dialog)
    assert dialog.width() == width, "Italian made the dialog wider than its default size"
    dialog.tester.result.setText("\u2716 Il server non ha risposto in tempo.")
    dialog.form.validate()  # the empty form lists its problems under the fields
    QApplication.processEvents()
    problems += cut_off(dialog)
    assert not problems, "\n".join(problems)


def test_italian_fits_the_first_send_setup(qtbot, italian, make_window) -> None:
    window = make_window()
    dialog = ProfileSetupDialog(window._profiles, window._runner, window)
    problems = check_dialog(qtbot, dialog)
    assert not problems, "\n".join(problems)


def test_italian_accelerators_are_unique_on_each_screen(qtbot, italian, make_window) -> None:
    """Alt+letter must reach one widget: within each page and dialog, with the menu bar."""

    def letters(root: QWidget, menu_bar: bool) -> list[str]:
        texts = [a.text() for a in root.menuBar().actions()] if menu_bar else []
        for widget in root.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
                texts.append(widget.text())
        return [m.lower() for text in texts for m in MNEMONIC.findall(text)]

    def duplicates(found: list[str]) -> list[str]:
        return sorted({letter for letter in found if found.count(letter) > 1})

    window = make_window()
    settle(window)
    problems = {}
    for page in (PAGE_COMPOSE, PAGE_DRAFTS, PAGE_OUTBOX):
        show_page(qtbot, window, page)
        if page == PAGE_OUTBOX:
            fill_outbox(window)
        found = letters(window, menu_bar=True)
        problems[f"page {page}"] = duplicates(found)
    for name, dialog in (
        ("settings", window.make_settings_dialog()),
        ("setup", ProfileSetupDialog(window._profiles, window._runner, window)),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        problems[name] = duplicates(letters(dialog, menu_bar=False))
    for menu in (action.menu() for action in window.menuBar().actions()):
        problems[menu.title()] = duplicates(
            [m.lower() for a in menu.actions() for m in MNEMONIC.findall(a.text())]
        )
    assert not {k: v for k, v in problems.items() if v}
