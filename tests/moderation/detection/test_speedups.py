"""The fast paths give the same answers as the slow, obvious ones."""

from __future__ import annotations

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.detection import fastre
from moderation.detection.classifier import default_classifier, train_claims_classifier
from moderation.detection.phone import _classify_number

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
    # Freshly trained: a model loaded from its file has no scikit-learn pipeline to compare.
    classifier = train_claims_classifier()
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


ASCII_TEXT = st.text(alphabet="ab x1 2\n.caf-_'", max_size=40)


@settings(max_examples=300, deadline=None)
@given(ASCII_TEXT, st.integers(min_value=-2, max_value=45), st.integers(min_value=0, max_value=45))
def test_fastre_ascii_paths_match_the_re2_binding(text, pos, endpos):
    for pattern in PATTERNS:
        ours, theirs = fastre.compile(pattern), re2.compile(pattern)
        got = [[m.span(i) for i in range(ours.groups + 1)] for m in ours.finditer(text)]
        want = [[m.span(i) for i in range(theirs.groups + 1)] for m in theirs.finditer(text)]
        assert got == want
        first = next(ours._iter(fastre._UNANCHORED, text, pos, endpos), None)
        a = ours.search(text, pos, endpos)
        assert (a and a._spans) == (first and first._spans)
        first = next(ours._iter(fastre._ANCHOR_START, text, pos, None), None)
        a = ours.match(text, pos)
        assert (a and a._spans) == (first and first._spans)


WINDOW = st.text(alphabet="ab ref no. call me on: #$\n\t\x0b\x1céK-)(", max_size=45)


@settings(max_examples=400, deadline=None)
@given(WINDOW)
def test_py_compatible_patterns_agree_with_python_re(text):
    from moderation.detection.phone import _CURRENCY_BEFORE, _NOT_PHONE_BEFORE, _PHONE_CONTEXT

    for regex in (_PHONE_CONTEXT, _NOT_PHONE_BEFORE, _CURRENCY_BEFORE):
        assert bool(regex.search(text)) == bool(regex.python.search(text))
        assert bool(regex.search(text + "\n")) == bool(regex.python.search(text + "\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 2'_\t\n.,É٣-", max_size=40))
def test_classifier_text_preparation_and_tokens_match_the_regular_expressions(text):
    import re
    from itertools import pairwise

    from moderation.detection import classifier

    prepared = classifier._prepare(text)
    expected = classifier._SPACES.sub(" ", classifier._DIGITS.sub("0", text.lower())).strip()
    assert prepared == expected
    clf = default_classifier()
    words, _ = clf._features(prepared)
    tokens = re.findall(classifier._TOKEN_PATTERN, prepared)
    grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
    assert words == [clf._word_ids[g] for g in grams if g in clf._word_ids]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ()-+٣", max_size=20))
def test_digit_count_matches_the_regular_expression(text):
    from moderation.detection.phone import _DIGIT, _count_digits

    assert _count_digits(text) == len(_DIGIT.findall(text))


def test_validity_check_matches_phonenumbers():
    import contextlib
    import random

    import phonenumbers

    from moderation.detection.phone import _valid_for_region

    regions = [*REGIONS, "IE", "AE", "SG", "JE", "IM", "BR"]
    numbers = []
    for region in regions:
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                numbers.append(example)
    rng = random.Random(7)
    for _ in range(3000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 13)))
        with contextlib.suppress(phonenumbers.NumberParseException):
            numbers.append(phonenumbers.parse(digits, rng.choice(regions)))
    # Near misses of valid numbers: the last digit changed, one digit more or fewer.
    for example in list(numbers[:200]):
        nsn = phonenumbers.national_significant_number(example)
        for variant in (nsn[:-1] + str((int(nsn[-1]) + 1) % 10), nsn + "5", nsn[:-1]):
            numbers.append(phonenumbers.parse(f"+{example.country_code}{variant}"))
    valid = 0
    for number in numbers:
        for region in regions:
            expected = phonenumbers.is_valid_number_for_region(number, region)
            assert _valid_for_region(number, region) == expected, (number, region)
            valid += expected
    assert valid > 100  # both answers were exercised
