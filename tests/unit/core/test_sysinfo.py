"""SystemInfo: the text that is previewed is the text that is sent, line for line."""

from __future__ import annotations

import json

from app.core.composer import BodyLabels, render_body, sysinfo_block
from app.core.model import Draft
from app.core.sysinfo import FACT_KEYS, FACT_LABELS, Fact, SystemInfo

INFO = SystemInfo(
    facts=[
        Fact.of("os", "Debian GNU/Linux 12 (bookworm), Linux kernel 6.1.0-18-amd64"),
        Fact.of("arch", "x86_64, 64-bit"),
        Fact.of("timezone", "Europe/Rome (CET, UTC+01:00)"),
        Fact.of("screens", "1920×1080 @1x, 2560×1440 @2x"),
    ],
    errors=[("disk", "the data folder is not known here")],
)


def test_render_text_is_one_label_value_line_per_fact_in_order():
    assert INFO.render_text() == (
        "Operating system: Debian GNU/Linux 12 (bookworm), Linux kernel 6.1.0-18-amd64\n"
        "Architecture: x86_64, 64-bit\n"
        "Time zone: Europe/Rome (CET, UTC+01:00)\n"
        "Screens: 1920×1080 @1x, 2560×1440 @2x"
    )
    assert INFO.render_text() == INFO.render_text()  # no clock, no randomness inside


def test_removed_lines_are_left_out_and_errors_are_never_sent():
    assert INFO.render_text({"arch", "screens"}) == (
        "Operating system: Debian GNU/Linux 12 (bookworm), Linux kernel 6.1.0-18-amd64\n"
        "Time zone: Europe/Rome (CET, UTC+01:00)"
    )
    assert INFO.without(["arch", "screens"]).render_text() == INFO.render_text({"arch", "screens"})
    assert INFO.without(["arch"]).errors == INFO.errors
    assert INFO.render_text(FACT_KEYS) == ""
    assert "data folder" not in INFO.render_text()


def test_a_value_is_always_one_line():
    fact = Fact.of("os", "  Evil\nLabel: injected\r\n  line ")
    assert fact.line == "Operating system: Evil Label: injected line"
    assert SystemInfo([fact]).render_text().count("\n") == 0


def test_every_key_has_a_label():
    assert set(FACT_LABELS) == set(FACT_KEYS)


def test_dict_round_trip_through_json():
    back = SystemInfo.from_dict(json.loads(json.dumps(INFO.to_dict())))
    assert back == INFO
    assert back.render_text() == INFO.render_text()


def test_from_dict_skips_what_is_not_well_formed():
    data = {
        "facts": [{"key": "os", "value": "Linux"}, "junk", {"value": "no key"}, {"key": 3}],
        "errors": [{"key": "disk"}, None],
    }
    assert SystemInfo.from_dict(data) == SystemInfo(
        [Fact("os", "Operating system", "Linux")], [("disk", "")]
    )
    assert SystemInfo.from_dict({}) == SystemInfo()


def test_the_body_carries_the_approved_text_unchanged(make_draft):
    draft: Draft = make_draft(sysinfo=INFO.render_text({"arch"}))
    body = render_body(draft)
    assert body.endswith("\n\nSystem information:\n" + INFO.render_text({"arch"}) + "\n")
    assert sysinfo_block(INFO.render_text({"arch"})) in body
    translated = render_body(draft, BodyLabels(system_info="Informazioni di sistema"))
    assert "\n\nInformazioni di sistema:\n" + INFO.render_text({"arch"}) + "\n" in translated


def test_no_sysinfo_no_heading(make_draft):
    assert "System information" not in render_body(make_draft(sysinfo=""))
    assert sysinfo_block("  \n") == ""


def test_collected_text_alone_does_not_make_a_draft_non_empty():
    assert Draft(sysinfo=INFO.render_text()).is_empty
