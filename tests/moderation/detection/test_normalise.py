"""Normalisation and the offset map back to what the user wrote."""

from __future__ import annotations

import pytest

from moderation.detection import normalise, scan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ph: ０４０-２３７３３２００", "ph: 040-23733200"),
        ("call O4O-237332OO now", "call 040-23733200 now"),
        ("four zero two three seven three three two double oh", "4023733200"),
        ("4 0 2 3 7 3 3 2 0 0", "4023733200"),
        ("me at gmаil dot com", "me at gmail dot com"),  # Cyrillic "а"
        ("a\u200bb", "ab"),
    ],
)
def test_normalised_text(text, expected):
    assert normalise(text).text == expected


@pytest.mark.parametrize("text", ["one or two things", "I said oh well", "lol 10 lbs", ""])
def test_ordinary_words_are_left_alone(text):
    assert normalise(text).text == text


def test_span_maps_back_over_a_replaced_run():
    text = "call four zero two three seven three three two double oh today"
    norm = normalise(text)
    start = norm.text.index("4023733200")
    s, e = norm.to_original(start, start + len("4023733200"))
    assert text[s:e] == "four zero two three seven three three two double oh"


def test_span_maps_back_through_single_character_edits():
    text = "x ０４０-２３７３３２００ y"
    norm = normalise(text)
    s, e = norm.to_original(2, 14)
    assert text[s:e] == "０４０-２３７３３２００"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("please call ０４０-２３７３３２００ after 6", "０４０-２３７３３２００"),
        ("ring me on four zero two three seven three three two double oh", None),
        ("whatsapp +91 98480\u200b12345 anytime", "+91 98480\u200b12345"),
        ("mail me: vikram [at] example [dot] com", "vikram [at] example [dot] com"),
    ],
)
def test_obfuscated_contact_spans_point_at_what_the_user_wrote(text, written):
    findings = [f for f in scan(text) if f.kind in ("phone", "email")]
    assert findings, text
    f = findings[0]
    assert text[f.start : f.end] == f.text
    if written is not None:
        assert f.text == written
