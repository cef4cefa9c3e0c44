"""What a moderator reads: plain words, no region codes, rule ids or Python reprs."""

from __future__ import annotations

import re

import pytest

from moderation.detection import CLAIMS, scan
from moderation.detection.phone import phone_explanation

# Things that must never reach a moderator: ISO region codes in place of a name, rule ids,
# reprs of Python objects, jargon from the phone library.
_LEAKS = re.compile(
    r"\bZZ\b|\b001\b|contact\.\w+|claims\.\w+|rule:|None|<|>|\(possible number\)|"
    r"\bunspecified\b|\(classifier\)|RawFinding|TreatmentEntry"
)


def phones(text: str):
    return [f for f in scan(text) if f.kind == "phone"]


def test_unassigned_international_number_names_its_country():
    # +44 7700 900xxx is reserved for drama: not a valid range, still plainly a UK number.
    (f,) = phones("+44 7700 900123")
    assert f.explanation == "phone number, UK format"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("call +254 712 345678", "Kenya"),
        ("ring +263 77 123 4567", "Zimbabwe"),
        ("WhatsApp +33 6 39 98 12 34", "France"),
    ],
)
def test_international_numbers_name_the_country(text, country):
    (f,) = phones(text)
    assert f.explanation == f"phone number, {country} format"


def test_country_without_a_name_is_given_by_its_code():
    assert phone_explanation("+675", True, True) == (
        "phone number, international (country code +675)"
    )


def test_number_of_the_right_length_only_says_so_without_a_region():
    text = phone_explanation("GB", False, False)
    assert text.startswith("possibly a phone number")
    assert "UK" not in text and "GB" not in text


def test_unknown_region_is_just_a_phone_number():
    assert phone_explanation(None, True, False) == "phone number"
    assert phone_explanation("XX", True, False) == "phone number"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("insta: jo_b22", "Instagram handle"),
        ("ig id: kate.h", "Instagram handle"),
        ("fb id: rita.k", "Facebook handle"),
        ("whatsapp: cure_lady", "WhatsApp handle"),
    ],
)
def test_handle_platforms_are_named_properly(text, expected):
    (f,) = [f for f in scan(text) if f.kind == "handle"]
    assert f.explanation == expected


def test_claim_explanations_read_as_sentences():
    (f,) = [f for f in scan("Colloidal silver cured my calcinosis.") if f.category == CLAIMS]
    assert f.explanation.startswith(
        "testimonial crediting colloidal silver (an unproven treatment) with a cure: 'cured'"
    )
    # Pattern and model both: the moderator reads both.
    assert f.explanation.endswith(")") and "claims model score 0." in f.explanation
    (f,) = [f for f in scan("The deposits completely vanished.") if f.category == CLAIMS]
    assert "an unnamed remedy" in f.explanation


CORPUS_OF_KINDS = [
    "+44 7700 900123",
    "Call me on +91 98480 12345 or 040-23733200, Hyderabad.",
    "email rita.k [at] gmail [dot] com or visit www.cure-calcinosis.com",
    "WhatsApp me on 0412 555 019, telegram @healer_jo, insta: jo_b22",
    "Visit us at 12 Oak Street, Rochester, MN 55905.",
    "Please call Dr. Rao at his clinic.",
    "Colloidal silver cured my calcinosis. I sell it, text 07700 900456.",
    "Stop taking your methotrexate, it is poison.",
    "This balm works for everyone, guaranteed.",
    "The homeopathic pills made my lumps smaller and smoother.",
]


@pytest.mark.parametrize("text", CORPUS_OF_KINDS)
def test_no_internal_codes_in_any_explanation(text):
    findings = scan(text)
    assert findings
    for f in findings:
        assert f.explanation, f
        assert not _LEAKS.search(f.explanation), f.explanation
