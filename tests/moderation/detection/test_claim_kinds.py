"""Kinds of treatment claim: each post gets the kinds it makes, and the look-alikes none.

The sentences here are written for these tests (not taken from the evaluation corpus): they
exercise constructions, not particular products or people.
"""

from __future__ import annotations

import pytest

from moderation.detection import CLAIMS, scan


def claim_kinds(text: str) -> set[str]:
    return {f.kind for f in scan(text) if f.category == CLAIMS}


# ------------------------------------------------------------- one sentence, several kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our herbal tea dissolves calcium deposits, 100% guaranteed, order now.",
            {"cure_claim", "guarantee", "product_pitch"},
        ),
        (
            "Ditch the rheumatologist, cupping got rid of my deposits.",
            {"cure_claim", "stop_medication"},
        ),
        (
            "My friend sells the drops that dissolved my calcium, ask her for a good price.",
            {"cure_claim", "product_pitch"},
        ),
    ],
)
def test_a_sentence_can_make_several_kinds_of_claim(text, expected):
    assert expected <= claim_kinds(text)


# ------------------------------------------------------------------------ stop medication


@pytest.mark.parametrize(
    "text",
    [
        "Stop wasting your time with rheumatologists, a cleanse is all you need.",
        "Don't go back to that specialist, they will only give you more pills.",
        "Don't let them operate on your dad, surgery just makes more lumps.",
        "If your doctor says surgery, run.",
        "There's no need to keep going to hospital for those infusions.",
        "Steroids are poison, get them out of your system.",
        "The pills only make the body weaker, throw them out.",
        "Don't listen to the doctors about diltiazem. Stop it and try the soaks instead.",
    ],
)
def test_advice_to_abandon_care(text):
    assert "stop_medication" in claim_kinds(text), scan(text)


def test_first_person_stop_counts_next_to_a_cure_claim():
    text = "The tablets made me sick. I came off them all and the vinegar soaks dissolved my lumps."
    assert {"stop_medication", "cure_claim"} <= claim_kinds(text)


def test_first_person_stop_alone_is_history():
    assert claim_kinds("I stopped my methotrexate because of side effects last spring.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Don't stop your meds without asking your doctor.",
        "My doctor stopped my methotrexate last month.",
        "Should I stop diltiazem?",
        "I'm wondering if I should stop my diltiazem before the operation.",
        "Beware of anyone who says stop your treatment.",
        "My aunt kept pushing me to stop my pills and go natural. I didn't.",
        "My rheumatologist said there is no need for surgery yet.",
        "The doctors don't want you to know how tired we all are of waiting rooms.",
        "Stop it, you're making me cry! Thank you all so much.",
    ],
)
def test_not_advice_to_abandon_care(text):
    assert "stop_medication" not in claim_kinds(text), scan(text)


# --------------------------------------------------------------------------- sales pitch


@pytest.mark.parametrize(
    "text",
    [
        "Colloidal silver cured my lumps. I sell it, text 07700 900456.",
        "My deposits are gone thanks to the clay. Email me at clay.lady22@example.com",
        "The balm melted my lumps. The woman who sells it does online consultations.",
        "The enzyme drops dissolved every deposit. I have a few kits left if anyone wants one.",
        "Castor oil packs cleared it completely. Sign up for my course, first session free.",
    ],
)
def test_sales_pitch(text):
    assert "product_pitch" in claim_kinds(text), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sign up for our charity walk for scleroderma research at www.walk.example.org",
        "My friend sells handmade gloves that keep my fingers warm.",
        "The hospital can post the cream to you if you ask the pharmacy.",
        "Our order from the hospital pharmacy for the thiosulfate cream took three weeks.",
        "mail me at jo.b1958@example.com and I will send the diet sheet the dietitian gave us.",
        # A cure claim with a named doctor's number is a referral, reported as practitioner.
        "Dr. Jane Roe's herbal remedy cured my calcinosis. Her clinic is on 020 7946 0958.",
    ],
)
def test_not_a_sales_pitch(text):
    assert "product_pitch" not in claim_kinds(text), scan(text)


# ----------------------------------------------------------------------------- guarantee


@pytest.mark.parametrize(
    "text",
    [
        "This balm works for everyone, guaranteed.",
        "Calcium deposits gone in 30 days or your money back.",
        "Everyone who tries the soaks gets cured, no exceptions.",
        "I've never seen a case of calcinosis the protocol didn't clear.",
    ],
)
def test_guarantee(text):
    assert "guarantee" in claim_kinds(text), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nothing works for everyone with calcinosis.",
        "There is no guarantee the surgery will stop the deposits coming back.",
        "The surgeon couldn't guarantee the lumps would not return.",
        "I would not trust any product that says it works for everyone.",
    ],
)
def test_not_a_guarantee(text):
    assert "guarantee" not in claim_kinds(text), scan(text)


# ------------------------------------------------------------------------------ efficacy


@pytest.mark.parametrize(
    "text",
    [
        "A good herbalist sorted me out in six months, the lumps are gone.",
        "A proper detox will clear it completely.",
        "The homeopathic remedy removes calcium from the body.",
        "Since the magnesium soaks my knuckles are back to normal.",
    ],
)
def test_cure_claims_in_other_words(text):
    assert "cure_claim" in claim_kinds(text), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "The surgeon removed the deposits from my thumb last year.",
        "I tried the vinegar soaks and the lumps are still there.",
        "Some people claim detox pads pull calcium out, but it's just sweat on the pad.",
    ],
)
def test_not_cure_claims(text):
    assert "cure_claim" not in claim_kinds(text), scan(text)
