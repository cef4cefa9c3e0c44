"""Phone numbers side by side: each one is found, as a finding of its own (so a redaction
masks each), and the pre-check lets the post wait for its scan.  Examples are written for
this file, apart from the ones a hostile tester reported (first list)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.detection import CONTACT, scan
from moderation.detection.precheck import may_hold_contact


def phone_texts(text: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == "phone"]


def uncovered(text: str, numbers: list[tuple[int, int]]) -> list[str]:
    """The numbers (spans of ``text``) with a digit outside every phone finding."""
    spans = [(f.start, f.end) for f in scan(text) if f.kind == "phone"]
    return [
        text[start:end]
        for start, end in numbers
        if any(
            text[i].isdigit() and not any(s <= i < e for s, e in spans) for i in range(start, end)
        )
    ]


REPORTED = [
    (
        "Ring 0113 496 0321 / 0113 496 0322 any evening",
        ["0113 496 0321", "0113 496 0322"],
    ),
    ("(212) 555-0142 / (212) 555-0143", ["(212) 555-0142", "(212) 555-0143"]),
    ("ph 9848012345 9848012346", ["9848012345", "9848012346"]),
    ("0113 496 0321 0113 496 0322", ["0113 496 0321", "0113 496 0322"]),
    ("0113 496 0321\t0113 496 0322", ["0113 496 0321", "0113 496 0322"]),
    ("0113 496 0321 - 0113 496 0322", ["0113 496 0321", "0113 496 0322"]),
]

OWN = [
    # UK
    (
        "Evenings try 020 7946 0958 or 020 7946 0959, ask for Maureen",
        ["020 7946 0958", "020 7946 0959"],
    ),
    ("the two clinic lines are 0161 496 0000, 0161 496 0001", ["0161 496 0000", "0161 496 0001"]),
    ("0113 496 0555; 0113 496 0556 (the second is the fax)", ["0113 496 0555", "0113 496 0556"]),
    ("Freephone 0800 123 4567 - 0800 123 4568", ["0800 123 4567", "0800 123 4568"]),
    (
        "my aunt has two numbers 01904 960 123 01904 960 124 if you want the balm",
        ["01904 960 123", "01904 960 124"],
    ),
    ("Weekdays\t020 7946 0958\t020 7946 0959", ["020 7946 0958", "020 7946 0959"]),
    ("home and work:\n0113 496 0555\n0113 496 0556", ["0113 496 0555", "0113 496 0556"]),
    ("0113 496 05550113 496 0556", ["0113 496 0555", "0113 496 0556"]),
    # An old London grouping is no UK format, but after "ring" it is read anyway.
    ("Ring 0207 946 0958 0207 946 0959", ["0207 946 0958", "0207 946 0959"]),
    # US
    ("(312) 555-0142 / (312) 555-0199 either works", ["(312) 555-0142", "(312) 555-0199"]),
    ("212-555-0142 212-555-0188 ask for the nurse", ["212-555-0142", "212-555-0188"]),
    ("(212)555-0142(212)555-0143", ["(212)555-0142", "(212)555-0143"]),
    ("1-800-555-0199\t1-800-555-0188", ["1-800-555-0199", "1-800-555-0188"]),
    ("212.555.0142 - 212.555.0143", ["212.555.0142", "212.555.0143"]),
    # India
    ("ph 9848012345 9848067890 9848011111", ["9848012345", "9848067890", "9848011111"]),
    ("his mobiles 98480 12345 - 98480 67890", ["98480 12345", "98480 67890"]),
    ("Hyderabad clinic 040-23733200; 040-23733201", ["040-23733200", "040-23733201"]),
    ("+91 98480 12345+91 98480 67890", ["+91 98480 12345", "+91 98480 67890"]),
    ("98480123459848067890", ["9848012345", "9848067890"]),
    # Mixed, and digits between the numbers that are none
    (
        "0113 496 0555 (212) 555-0142 98480 12345",
        ["0113 496 0555", "(212) 555-0142", "98480 12345"],
    ),
    ("+44 113 496 0555 +1 416 555 0199", ["+44 113 496 0555", "+1 416 555 0199"]),
    ("ph 9848012345 9848012346 1", ["9848012345", "9848012346"]),
    (
        "0113 496 0555 0113 496 0556 12345678 0113 496 0557 0113 496 0558",
        ["0113 496 0555", "0113 496 0556", "0113 496 0557", "0113 496 0558"],
    ),
]


@pytest.mark.parametrize(("text", "numbers"), REPORTED + OWN)
def test_each_number_side_by_side_is_a_finding_of_its_own(text, numbers):
    assert phone_texts(text) == numbers
    assert may_hold_contact(text)


def test_every_repeat_in_a_title_is_found():
    title = " ".join(["0113 496 0321"] * 14)
    found = [(f.start, f.end) for f in scan(title) if f.kind == "phone"]
    assert [title[s:e] for s, e in found] == ["0113 496 0321"] * 14
    assert len(set(found)) == 14
    assert may_hold_contact(title)


@pytest.mark.parametrize(
    "text",
    [
        "Infusions on 12.03.2021 14.04.2022 15.05.2023 16.06.2024",
        "BP this week 120 80 72 118 79 70 125 82 75 130 85 78",
        "calcium 2.45 2.50 2.38 2.61 2.44 2.52 2.47",
        "on MTX 2010 2011 2012 2013 2014 2015 2016 2017",
        "eGFR went 45 42 40 38 35 33 30 28 25 22 20 18 15",
        "PTH 65.3 70.1 82.4 90.2 101.5 99.8 110.2",
        "my card 4111 1111 1111 1111 was charged twice",
        "order no 4412345678 4412345679 never came",
    ],
)
def test_long_runs_of_other_numbers_are_not_phone_numbers(text):
    assert [f for f in scan(text) if f.category == CONTACT] == []


# ----------------------------------------------------------------------------- long runs

_RUN = [f"0113 496 {i:04d}" for i in range(1428)]


def _readings(text: str) -> int:
    """How many candidate numbers the phone detector parses while scanning ``text``: the work
    it does, counted rather than timed, so a busy machine cannot change the answer."""
    import phonenumbers

    calls = 0
    original = phonenumbers.parse

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    phonenumbers.parse = counting
    try:
        scan(text)
    finally:
        phonenumbers.parse = original
    return calls


@pytest.mark.parametrize("sep", [" ", "\t", " - "])
def test_a_20000_character_run_is_found_number_by_number(sep):
    text = sep.join(_RUN)
    assert len(text) >= 19_990
    assert phone_texts(text) == _RUN
    assert may_hold_contact(text)


def test_a_run_written_with_nothing_between_is_covered():
    text = "".join(_RUN)
    starts = range(0, len(text), len(_RUN[0]))
    assert uncovered(text, [(s, s + len(_RUN[0])) for s in starts]) == []


def test_a_run_side_by_side_costs_about_as_much_as_one_with_commas():
    # The same 1,428 numbers a comma apart are separate clusters, each read once: the work
    # for a run written side by side is bounded relative to that.
    commas = _readings(", ".join(_RUN))
    assert commas >= len(_RUN)
    assert _readings(" ".join(_RUN)) <= 2 * commas
    # With nothing between them, digit runs are cut inside too: a few readings a number.
    assert _readings("".join(_RUN)) <= 3 * commas


# ----------------------------------------------------------------------------- property

# Numbers in the formats of the other detection tests' data (each found on its own).
_NUMBERS = [
    "040-23733200",
    "+91 98480 12345",
    "(212) 555-0142",
    "020 7946 0958",
    "0300 1234567",
    "03 9555 1234",
    "02079460958",
    "9848012345",
    "2125550148",
    "0412555019",
    "0412 345 678",
    "082 555 1234",
    "98480 12345",
    "(312) 555-0142",
    "+49 30 1234567",
    "083 456 7890",
    "0800 123 4567",
    "0161 496 0000",
    "031 456 7890",
    "044-2345 6789",
    "+1 416 555 0199",
    "01904 960 123",
    "072 345 6789",
    "0113 496 0321",
    "0412 555 019",
]
_SEPARATORS = [" / ", " or ", ", ", "; ", " - ", "\t", "\n", " ", ""]


@st.composite
def _runs(draw):
    numbers = draw(st.lists(st.sampled_from(_NUMBERS), min_size=2, max_size=5))
    text = draw(st.sampled_from(["", "call ", "Ring ", "numbers: ", "my two lines "]))
    spans = []
    for i, number in enumerate(numbers):
        if i:
            text += draw(st.sampled_from(_SEPARATORS))
        spans.append((len(text), len(text) + len(number)))
        text += number
    return text + draw(st.sampled_from(["", " any evening", ".", " thanks"])), spans


def test_every_number_of_the_property_is_found_alone():
    for number in _NUMBERS:
        assert phone_texts(number) == [number]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_runs())
def test_numbers_joined_by_any_separator_are_all_covered(case):
    text, spans = case
    assert uncovered(text, spans) == [], (text, phone_texts(text))
    assert may_hold_contact(text)
