"""The composer's checks, readiness and ticket body: pure functions over a Draft."""

from __future__ import annotations

import pytest

from app.core.composer import (
    BodyLabels,
    Check,
    CheckId,
    Level,
    blockers,
    browser_check,
    check_draft,
    description_check,
    expected_actual_check,
    images_check,
    numbered_steps,
    readiness,
    render_body,
    step_lines,
    steps_check,
    subject_check,
    words,
)
from app.core.model import NOT_A_BROWSER_PROBLEM, AttachmentRef

PNG = AttachmentRef(name="error.png", sha256="a" * 64, size=10, mime="image/png")
LOG = AttachmentRef(name="server.log", sha256="b" * 64, size=10, mime="text/plain")


def _subject(reason: str) -> Check:
    level = {"": Level.OK, "empty": Level.BLOCKER}.get(reason, Level.ADVICE)
    return Check(CheckId.SUBJECT, level, reason)


# -- subject ----------------------------------------------------------------------------------


@pytest.mark.parametrize("subject", ["", "   ", "\t\n"])
def test_subject_empty_blocks(subject):
    assert subject_check(subject) == _subject("empty")


@pytest.mark.parametrize(
    "subject",
    [
        "Help",
        "URGENT problem!!!",
        "Error",
        "Ticket: it is not working, please help",
        "Help! It doesn't work",
        "It doesn\u2019t work, please help",  # typographic apostrophe, as phones type it
        "Can't",
        # Italian filler words
        "Problema urgente",
        "Aiuto, non funziona!",
        "Ciao, richiesta di assistenza",
        "Errore urgente, segnalazione problema",
        "Non funziona l'applicazione",
    ],
)
def test_subject_made_of_filler_words_is_generic(subject):
    assert subject_check(subject) == _subject("generic")


@pytest.mark.parametrize(
    "subject",
    [
        "VPN drops",  # two meaningful words, but fewer than three words
        "VPN SSO down",  # three words, fewer than 15 characters
        "Fattura PDF",
    ],
)
def test_subject_too_short(subject):
    assert subject_check(subject) == _subject("too_short")


@pytest.mark.parametrize(
    "subject", ["INVOICE EXPORT CRASHES ON SAVE", "ERRORE NELL'INVIO DELLA FATTURA DI MARZO"]
)
def test_subject_all_caps(subject):
    assert subject_check(subject) == _subject("all_caps")


@pytest.mark.parametrize(
    "subject",
    [
        "Invoice PDF export fails with error 500",
        "PDF export of invoice 2024-03 fails",  # capitals in an acronym are fine
        "Errore nell'invio della fattura",
        "La fattura PDF non si genera dopo il salvataggio",
        "Stampa etichette: il pulsante \u00abConferma\u00bb non risponde",
        "  Invoice PDF export fails with error 500  ",  # surrounding blanks are not content
    ],
)
def test_subject_ok(subject):
    assert subject_check(subject) == _subject("")


def test_words_keep_apostrophes_and_any_script():
    assert words("Non funziona l'app, perch\u00e9? doesn\u2019t_work 42") == [
        "Non",
        "funziona",
        "l'app",
        "perch\u00e9",
        "doesn\u2019t",
        "work",
        "42",
    ]


# -- description ------------------------------------------------------------------------------


def test_description_empty_blocks(make_draft):
    draft = make_draft(what_happened=" ", steps="\n", expected="", actual="")
    assert description_check(draft) == Check(CheckId.DESCRIPTION, Level.BLOCKER, "empty")


def test_description_without_what_happened(make_draft):
    draft = make_draft(what_happened="")
    assert description_check(draft) == Check(CheckId.DESCRIPTION, Level.ADVICE, "no_what_happened")


def test_description_too_short_counts_words_of_every_section(make_draft):
    # 14 words in all: one short of the minimum.
    draft = make_draft(
        what_happened="Export fails.",  # 2
        steps="Open invoices\nClick export",  # 4
        expected="A PDF file arrives",  # 4
        actual="An error page appears",  # 4
    )
    assert description_check(draft) == Check(CheckId.DESCRIPTION, Level.ADVICE, "too_short")
    assert description_check(draft.with_changes(actual="An error page appears now")) == Check(
        CheckId.DESCRIPTION, Level.OK
    )


def test_description_ok(make_draft):
    assert description_check(make_draft()) == Check(CheckId.DESCRIPTION, Level.OK)


# -- steps ------------------------------------------------------------------------------------


@pytest.mark.parametrize("steps", ["", "   \n\n", "1.\n2)\n-\n"])
def test_steps_missing(steps):
    assert steps_check(steps) == Check(CheckId.STEPS, Level.ADVICE, "missing")


@pytest.mark.parametrize("steps", ["Click export", "1. Open the invoice list"])
def test_steps_too_few(steps):
    assert steps_check(steps) == Check(CheckId.STEPS, Level.ADVICE, "too_few")


@pytest.mark.parametrize(
    "steps",
    [
        "Open the invoice list and click Export",  # one line, but a whole sentence
        "1. Open\n2. Save",
        "- Open\n* Save",
        "\u2022 Apri le fatture\n\u2022 Clicca Esporta",
    ],
)
def test_steps_ok(steps):
    assert steps_check(steps) == Check(CheckId.STEPS, Level.OK)


def test_step_lines_drop_the_users_numbering_and_bullets():
    text = "1) Open the app\n  2. Click Export\n\n- Save\n* Close\n\u2022 Reopen\n10.Done\n"
    assert step_lines(text) == ["Open the app", "Click Export", "Save", "Close", "Reopen", "Done"]


def test_numbered_steps_renumbers_whatever_the_user_typed():
    assert numbered_steps("  3) Apri\n\n- Salva\n 10. Chiudi") == "1. Apri\n2. Salva\n3. Chiudi"
    assert numbered_steps("") == ""


# -- expected / actual, images, browser -------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "actual", "level", "reason"),
    [
        ("A PDF", "Error 500", Level.OK, ""),
        ("", " ", Level.ADVICE, "missing"),
        ("", "Error 500", Level.ADVICE, "no_expected"),
        ("A PDF", "", Level.ADVICE, "no_actual"),
    ],
)
def test_expected_actual(expected, actual, level, reason):
    assert expected_actual_check(expected, actual) == Check(CheckId.EXPECTED_ACTUAL, level, reason)


@pytest.mark.parametrize(
    ("attachments", "level", "reason"),
    [((), Level.ADVICE, "missing"), ((LOG,), Level.ADVICE, "missing"), ((LOG, PNG), Level.OK, "")],
)
def test_images(make_draft, attachments, level, reason):
    assert images_check(make_draft(attachments=attachments)) == Check(CheckId.IMAGES, level, reason)


@pytest.mark.parametrize(
    ("browser", "level", "reason"),
    [
        ("", Level.ADVICE, "missing"),
        ("  ", Level.ADVICE, "missing"),
        ("Firefox 128", Level.OK, ""),
        (NOT_A_BROWSER_PROBLEM, Level.OK, ""),
    ],
)
def test_browser(browser, level, reason):
    assert browser_check(browser) == Check(CheckId.BROWSER, level, reason)


# -- the checklist as a whole -----------------------------------------------------------------


def test_check_draft_lists_every_check_in_display_order(make_draft):
    checks = check_draft(make_draft(attachments=(PNG,)))
    assert [c.id for c in checks] == list(CheckId)
    assert all(c.level is Level.OK for c in checks)
    assert readiness(checks) == (6, 6)
    assert blockers(checks) == []


def test_blockers_and_readiness_of_an_empty_draft(make_draft):
    draft = make_draft(subject="", what_happened="", steps="", expected="", actual="", browser="")
    checks = check_draft(draft)
    assert blockers(checks) == [
        Check(CheckId.SUBJECT, Level.BLOCKER, "empty"),
        Check(CheckId.DESCRIPTION, Level.BLOCKER, "empty"),
    ]
    assert readiness(checks) == (0, 6)


def test_readiness_counts_advice_as_not_passed(make_draft):
    checks = check_draft(make_draft(browser="", attachments=()))
    assert blockers(checks) == []
    assert readiness(checks) == (4, 6)
    assert readiness(iter(checks)) == (4, 6)  # any iterable, consumed once


# -- the ticket body --------------------------------------------------------------------------


def test_render_body_full(make_draft):
    draft = make_draft(
        what_happened="  The export shows error 500.\nSince Monday.  ",
        steps="1) Open Invoices\n- Select March\n\n3. Click Export PDF",
        expected="A PDF is downloaded.",
        actual="Error 500 page.",
        browser=" Firefox 128 ",
    )
    assert render_body(draft) == (
        "What happened:\nThe export shows error 500.\nSince Monday.\n\n"
        "Steps that led to it:\n1. Open Invoices\n2. Select March\n3. Click Export PDF\n\n"
        "What I expected:\nA PDF is downloaded.\n\n"
        "What happened instead:\nError 500 page.\n\n"
        "Browser: Firefox 128\n"
    )


def test_render_body_skips_empty_sections_and_translates_labels(make_draft):
    labels = BodyLabels(
        what_happened="Cosa \u00e8 successo",
        steps="Passi",
        expected="Cosa mi aspettavo",
        actual="Cosa \u00e8 successo invece",
        browser="Browser",
        not_a_browser_problem="non \u00e8 un problema del browser",
    )
    draft = make_draft(
        what_happened="La stampa si blocca.",
        steps="",
        expected="",
        actual="Nessuna stampa.",
        browser=NOT_A_BROWSER_PROBLEM,
    )
    assert render_body(draft, labels) == (
        "Cosa \u00e8 successo:\nLa stampa si blocca.\n\n"
        "Cosa \u00e8 successo invece:\nNessuna stampa.\n\n"
        "Browser: non \u00e8 un problema del browser\n"
    )


def test_render_body_without_browser_has_no_browser_line(make_draft):
    body = render_body(make_draft(browser="", steps="", expected="", actual=""))
    assert body == (
        "What happened:\nWhen I export the March invoice as PDF the page shows error 500 "
        "and no file is downloaded.\n"
    )
