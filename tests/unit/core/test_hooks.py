"""Ticket hooks in subjects: the recorded help desks' own rules, and properties of the parser."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.hooks import HookStyle, clean_subject, follow_up_subject, strip_reply_prefixes

OTRS = HookStyle("otrs")
RT = HookStyle("rt", "rt.example.test")
TN = "2026112510000035"


@pytest.mark.parametrize(
    ("subject", "number"),
    [
        # OTOBO's own mails and the customer's replies (../shared/fixtures/otobo/postmaster)
        (f"[Ticket#{TN}] RE: Laptop battery swells", TN),
        (f"Re: [Ticket#{TN}] RE: Laptop battery swells", TN),
        (f"Re: [Ticket#{TN}] Re: Laptop battery swells", TN),
        # GetTNByString: brackets optional, "Ticket#:" with up to two blanks, any case
        (f"Ticket#{TN} without brackets", TN),
        (f"ticket#:  {TN} colon form", TN),
        (f"Ticket#   {TN} three blanks", None),
        ("Ticket# 2026 a blank without the colon", None),
        ("Laptop battery swells", None),
    ],
)
def test_otrs_style_finds_what_otrs_finds(subject: str, number: str | None) -> None:
    assert OTRS.find(subject) == number


@pytest.mark.parametrize(
    ("subject", "number"),
    [
        # RT 5.0.3's mail gateway (../shared/fixtures/rt/mailgate): 03 and 04 threaded onto #3,
        # 05 (another rtname) and 06 (no blank before #) opened new tickets.
        ("Re: [rt.example.test #3] AutoReply: VPN broken (via email)", "3"),
        ("[RT.EXAMPLE.TEST  #3 ]no space, upper case, extra blanks", "3"),
        ("Re: VPN broken [other.tag #3]", None),
        ("Re: VPN broken [rt.example.test#3]", None),
        ("Re: VPN broken [xrt.example.test #3]", None),
    ],
)
def test_rt_style_finds_what_rt_finds(subject: str, number: str | None) -> None:
    assert RT.find(subject) == number


def test_the_otrs_hook_divider_is_honoured() -> None:
    style = HookStyle("otrs", "Ticket#", ": ")
    assert style.tag("123") == "[Ticket#: 123]"
    assert style.find("Re: [Ticket#: 123] x") == "123"


def test_follow_up_subjects_look_like_the_help_desks_own() -> None:
    assert (
        follow_up_subject("Scanner drops pages", OTRS, TN)
        == f"Re: [Ticket#{TN}] Scanner drops pages"
    )
    # answering the auto-reply keeps its tag once (OTOBO threaded exactly this, fixture 42)
    assert (
        follow_up_subject(f"[Ticket#{TN}] RE: Laptop battery swells", OTRS, TN)
        == f"Re: [Ticket#{TN}] RE: Laptop battery swells"
    )
    assert follow_up_subject("VPN broken", RT, "3") == "Re: [rt.example.test #3] VPN broken"
    assert follow_up_subject("AW: Re: VPN broken", RT, "3") == "Re: [rt.example.test #3] VPN broken"


def test_clean_subject_is_the_title() -> None:
    assert clean_subject(f"Re: [Ticket#{TN}] RE: Laptop battery swells", OTRS) == (
        "Laptop battery swells"
    )
    assert clean_subject("[RT.EXAMPLE.TEST  #3 ]no space", RT) == "no space"
    assert clean_subject("  Re:   Fwd:  spaced   out ", OTRS) == "spaced out"


# -- properties ---------------------------------------------------------------------------------

numbers = st.from_regex(r"\A[0-9]{1,20}\Z")
subjects = st.text(max_size=120)
hooks = st.text(alphabet=string.ascii_letters + "#-_.", min_size=1, max_size=12)
dividers = st.sampled_from(["", ": ", "-", " "])
rtnames = st.text(alphabet=string.ascii_lowercase + string.digits + ".-_", min_size=1, max_size=30)


@given(subject=subjects, number=numbers)
def test_otrs_round_trip(subject: str, number: str) -> None:
    assert OTRS.find(follow_up_subject(subject, OTRS, number)) == number


@given(subject=subjects, number=numbers, hook=hooks, divider=dividers)
def test_otrs_round_trip_any_hook(subject: str, number: str, hook: str, divider: str) -> None:
    style = HookStyle("otrs", hook, divider)
    assert style.find(follow_up_subject(subject, style, number)) == number


@given(subject=subjects, number=numbers, rtname=rtnames)
def test_rt_round_trip(subject: str, number: str, rtname: str) -> None:
    style = HookStyle("rt", rtname)
    assert style.find(follow_up_subject(subject, style, number)) == number


@given(subject=subjects, number=numbers, ours=rtnames, theirs=rtnames)
def test_another_rtnames_tag_is_not_ours(subject: str, number: str, ours: str, theirs: str) -> None:
    if ours.casefold() == theirs.casefold():
        return
    foreign = f"{subject} [{theirs} #{number}]"
    mine = HookStyle("rt", ours)
    assert mine.find(foreign) == mine.find(subject)


@given(subject=subjects, number=numbers, rtname=rtnames)
def test_an_rt_tag_without_the_blank_is_not_matched(subject: str, number: str, rtname: str) -> None:
    style = HookStyle("rt", rtname)
    assert style.find(f"{subject} [{rtname}#{number}]") == style.find(subject)


@given(subject=st.text(max_size=300), hook=hooks, divider=dividers)
def test_random_subjects_never_crash(subject: str, hook: str, divider: str) -> None:
    for style in (HookStyle("otrs", hook, divider), HookStyle("rt", hook)):
        found = style.find(subject)
        assert found is None or found.isdigit()
        assert isinstance(clean_subject(subject, style), str)
        assert isinstance(strip_reply_prefixes(subject), str)


@given(subject=subjects, number=numbers)
def test_a_follow_up_subject_is_stable(subject: str, number: str) -> None:
    """Answering a follow-up again does not pile up prefixes or tags."""
    once = follow_up_subject(subject, OTRS, number)
    assert follow_up_subject(once, OTRS, number) == once
