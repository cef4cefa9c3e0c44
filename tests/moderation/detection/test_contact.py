"""Contact-detail detectors: what each must catch and, above all, what it must not."""

from __future__ import annotations

import pytest

from moderation.detection import CONTACT, scan


def kinds(text: str) -> set[str]:
    return {f.kind for f in scan(text) if f.category == CONTACT}


# ----------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("text", "number", "region"),
    [
        ("ph# 040-23733200", "040-23733200", "India"),
        ("call me on +91 98480 12345 after 6", "+91 98480 12345", "India"),
        ("Our helpline is (212) 555-0142.", "(212) 555-0142", "US/Canada"),
        ("Ring 020 7946 0958 any weekday", "020 7946 0958", "UK"),
        ("Mobile: 0300 1234567 (Lahore)", "0300 1234567", "Pakistan"),
        ("tel 03 9555 1234, Melbourne", "03 9555 1234", "Australia"),
    ],
)
def test_phone_numbers(text, number, region):
    phones = [f for f in scan(text) if f.kind == "phone"]
    assert [f.text for f in phones] == [number]
    assert region in phones[0].explanation
    assert phones[0].rule == "contact.phone"


@pytest.mark.parametrize(
    "text",
    [
        "She was diagnosed on 12/03/2021 and again on 2021-04-05.",  # dates
        "Appointment at 10:30 on 05.04.2023, then 14:45.",  # dates and times
        "I had calcinosis from 1998-2004 and again 2010 - 2015.",  # year ranges
        "Calcium 10.2 mg/dL, phosphate 4.5 mg/dL, PTH 65.3 pg/mL, vitamin D 32.",  # labs
        "Diltiazem 240 mg twice daily and 1200 mg calcium carbonate.",  # dosages
        "BP was 120/80 this morning, 135/85 last week.",  # blood pressure
        "The surgery cost $1,200 and the infusions £3,450.50 in total.",  # money
        "The lump is 3 cm, the other one 2x3 mm, and 12345678 mm is silly.",  # measurements
        "She's 88 and it took 45 days; my son is 12.",  # ages and durations
        "Coded as M34.1 and L94.2 on the letter.",  # ICD codes
        "The trial is NCT01234567 if you want to look it up.",  # trial id
        "See PMID 12345678 and PMID: 23456789 for the review.",  # PubMed ids
        "ISBN 978-0-12-345678-9 is the textbook.",  # ISBN
        "My order number is 4412345678 and order #99887766 never came.",  # order numbers
        "It is on page 1234 and she is in room 4501, ward 12.",  # page, room numbers
        "See point #2 and #15 in my earlier post.",  # "#2" references
        "Dr Patel was very kind and explained everything.",  # doctor's name alone
        "Claim no. 20231145678 was finally paid by the insurer.",  # claim numbers
    ],
)
def test_not_contact_details(text):
    assert kinds(text) == set(), scan(text)


# ----------------------------------------------------------------------------- email


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Write to vikram.sharma@example.com anytime", "vikram.sharma@example.com"),
        ("email: rita [at] yahoo [dot] com", "rita [at] yahoo [dot] com"),
        ("it's drsharma at gmail dot com", "drsharma at gmail dot com"),
        ("mail me ravi(at)rediffmail(dot)com", "ravi(at)rediffmail(dot)com"),
        ("reach me at rita-DOT-menon-AT-example-DOT-in please", None),
    ],
)
def test_emails(text, written):
    emails = [f for f in scan(text) if f.kind == "email"]
    assert emails, text
    if written:
        assert emails[0].text == written


@pytest.mark.parametrize(
    "text",
    [
        "Look at the picture and tell me what you think.",
        "We arrived at hospital. The nurse was great.",
        "@Liz thank you so much for sharing this.",
    ],
)
def test_not_emails(text):
    assert "email" not in kinds(text)


# ----------------------------------------------------------------------------- url


def test_selling_website_is_flagged():
    text = "Order the drops from www.cure-calcinosis.com today."
    urls = [f for f in scan(text) if f.kind == "url"]
    assert [f.text for f in urls] == ["www.cure-calcinosis.com"]


@pytest.mark.parametrize(
    "text",
    [
        "There's a good page at https://www.niams.nih.gov/health-topics/scleroderma",
        "The NHS page www.nhs.uk/conditions/scleroderma explains it.",
        "e.g. ask your GP, i.e. the family doctor.",
        "sclero.org has patient stories.",
    ],
)
def test_reputable_or_non_links_are_not_flagged(text):
    assert "url" not in kinds(text)


# ----------------------------------------------------------------------------- handle


@pytest.mark.parametrize(
    "text",
    [
        "Message me on WhatsApp: cure_lady77",
        "Telegram @calcinosis_healer for details",
        "follow me @dissolve.naturally for updates",
        "my skype id is live:healer.anna",
        "join t.me/calcifree_group",
    ],
)
def test_handles(text):
    assert "handle" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "@Margaret I am so sorry about your mum.",
        "There is a Facebook group for us, ask the moderators.",
        "I saw it on Instagram but it looked fake.",
    ],
)
def test_not_handles(text):
    assert "handle" not in kinds(text)


# ----------------------------------------------------------------------------- address


@pytest.mark.parametrize(
    "text",
    [
        "The clinic is at 200 First St SW, Rochester, MN 55905.",
        "Send it to 221B Baker Street, London NW1 6XE.",
        "PO Box 1234, Springfield",
        "Visit us: 45 Queen Street, Bondi NSW 2026",
        "H.No. 1-2-34, Ameerpet, Hyderabad 500016",
        "12 rue de la Paix, 75002 Paris",
        "Hauptstraße 5, 10115 Berlin",
    ],
)
def test_addresses(text):
    assert "address" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I walked down Main Street to the pharmacy.",
        "We had appointments on 12-03-2021 and 14-05-2021.",
        "After 45 days the deposit was smaller.",
    ],
)
def test_not_addresses(text):
    assert "address" not in kinds(text)


# ----------------------------------------------------------------------------- practitioner


@pytest.mark.parametrize(
    "text",
    [
        "Contact Dr. Rao for an appointment.",
        "you should visit Dr Shah at his clinic in Pune",
        "Ask for Dr Mehta when you ring.",
        "Dr Smith is brilliant. You can reach him through the clinic.",
    ],
)
def test_practitioner_with_solicitation(text):
    assert "practitioner" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dr Smith said my calcium was normal.",
        "I called Dr Patel yesterday and she was lovely.",
        "We went to see Dr Lee last spring.",
        "Call your doctor if the lump gets red or hot.",
        "See a dermatologist, they know calcinosis.",
    ],
)
def test_practitioner_not_flagged(text):
    assert "practitioner" not in kinds(text)
