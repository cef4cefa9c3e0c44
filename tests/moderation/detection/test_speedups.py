"""The fast paths give the same answers as the slow, obvious ones."""

from __future__ import annotations

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.detection import fastre
from moderation.detection.classifier import default_classifier
from moderation.detection.contact import _classify_number

PATTERNS = [r"\b\w+\b", r"(a)(é)?", r"x*", r"(?i:caf[ée])\s*(\d+)?", r"(?P<n>[^\s]+)\s", r"\d{2,}"]
TEXT = st.text(alphabet="aé x1 2Ω\n.cafÉ", max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=45))
def test_fastre_matches_the_re2_binding(text, pos):
    for pattern in PATTERNS:
        ours, theirs = fastre.compile(pattern), re2.compile(pattern)
        got = [[m.span(i) for i in range(ours.groups + 1)] for m in ours.finditer(text, pos)]
        want = [[m.span(i) for i in range(theirs.groups + 1)] for m in theirs.finditer(text, pos)]
        assert got == want
        a, b = ours.search(text), theirs.search(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
        a, b = ours.match(text, pos), theirs.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_fastre_match_api():
    m = fastre.compile(r"(?P<word>[a-z]+)(\d)?").search("-- café9")
    assert m.group() == "caf" and m.group("word") == "caf" and m.start("word") == 3
    assert m.group(2) is None and m.groups("") == ("caf", "")
    m = fastre.compile(r"é(\d)").search("ééé7")
    assert m.span() == (2, 4) and m.group(1) == "7"


def test_regex_set_reports_matching_patterns():
    regex_set = fastre.compile_set([r"apple", r"\d+", r"zzz"])
    assert sorted(regex_set.Match("an apple a day, 3 times")) == [0, 1]
    assert regex_set.Match("nothing here") is None


SENTENCES = [
    "Colloidal silver cured my calcinosis completely, the lumps are gone!",
    "Has anyone had surgery on their elbow?",
    "My rheumatologist said diltiazem may help slow it down.",
    "STOP taking your methotrexate, the doctors are poisoning you",
    "",
    "12345 67890",
    "ok",
]


def test_fast_classifier_equals_scikit_learn():
    classifier = default_classifier()
    fast = classifier.predict(SENTENCES)
    slow = classifier.predict_slow(SENTENCES)
    assert all(abs(a - b) < 1e-9 for a, b in zip(fast, slow, strict=True))
    # One at a time or in a batch, the same numbers.
    assert [classifier.predict_one(s) for s in SENTENCES] == fast


REGIONS = ["US", "CA", "GB", "IN", "PK", "AU", "NZ", "ZA", "DE", "FR"]


def test_phone_regions_are_read_as_before():
    assert _classify_number("020 7946 0958", REGIONS) == ("GB", True, False)
    assert _classify_number("(212) 555-0142", REGIONS)[:2] == ("US", True)
    # Also a valid US number; a place in India named in the post decides.
    assert _classify_number("98480 12345", REGIONS) == ("US", True, False)
    assert _classify_number("98480 12345", ["IN", *REGIONS], frozenset({"IN"}))[0] == "IN"
    assert _classify_number("040-23733200", REGIONS, frozenset({"IN"})) == ("IN", True, False)
    # Country code without "+", then the trunk prefix in brackets.
    assert _classify_number("44 (0)113 496 0555", REGIONS) == ("GB", True, False)
    # A Canadian number is valid even though the US plan is tried first.
    assert _classify_number("(613) 555-0191", REGIONS)[1] is True
    assert _classify_number("1", REGIONS) is None
