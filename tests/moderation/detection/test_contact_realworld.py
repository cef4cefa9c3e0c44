"""Contact details as people really write them: a stray digit after a number, words run
together, West African directions, bare "www." sites, and posts in Spanish, Portuguese,
French, Hindi, Urdu and Arabic with their own digits.

The posts are made up; the numbers follow the real numbering plans (UK numbers from the
ranges set aside for drama where they can be) but belong to no one.
"""

from __future__ import annotations

import pytest

from moderation.detection import CONTACT, normalise, scan
from moderation.detection.precheck import may_hold_contact


def found(text: str, kind: str) -> list:
    return [f for f in scan(text) if f.category == CONTACT and f.kind == kind]


def contact_kinds(text: str) -> set[str]:
    return {f.kind for f in scan(text) if f.category == CONTACT}


def assert_found(text: str, kind: str, written: str, explanation: str | None = None) -> None:
    findings = found(text, kind)
    assert [f.text for f in findings] == [written], scan(text)
    if explanation is not None:
        assert explanation in findings[0].explanation
    assert may_hold_contact(text), text


# ------------------------------------------------------------------ stray digits after a number


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Ring the clinic on 020 7946 0321 4 and ask for the nurse", "020 7946 0321"),
        ("her mobile 07700 900 123 45 if you need her", None),  # drama range: not valid
        ("reach us at +44 20 7946 0958 12 before noon", "+44 20 7946 0958"),
        ("call 0161 496 0734 2 times if she doesn't answer", "0161 496 0734"),
        ("Tel 0113 496 0321 7", "0113 496 0321"),
    ],
)
def test_the_number_before_a_stray_digit_group_is_found(text, written):
    if written is None:
        # Cutting digits off never makes a number valid that is not: nothing invented.
        assert all("UK" not in f.explanation for f in found(text, "phone"))
        return
    assert_found(text, "phone", written, "UK")


@pytest.mark.parametrize(
    "text",
    [
        "Her readings were 120 80 72 118 5 over the week.",
        "Scores 1234 5678 901 2 in the last trial, then 3.",
        "The parcel weighed 2 kg and the box 3 kg, 4 in all.",
        "In 2019 2020 2021 2022 7 flares, then none.",
    ],
)
def test_cutting_stray_digits_makes_no_phone_of_other_numbers(text):
    assert found(text, "phone") == []


# ------------------------------------------------------------------ words run together


@pytest.mark.parametrize(
    ("text", "kind", "written"),
    [
        (
            "We are located at1500 S. Lake Park Avenue, Chicago, IL 60616",
            "address",
            "1500 S. Lake Park Avenue, Chicago, IL 60616",
        ),
        ("The herb shop is at22 Baker Street, come by", "address", "22 Baker Street"),
        ("call us on+44 20 7946 0958 any time", "phone", "+44 20 7946 0958"),
        ("Tel.0803 123 4567 for orders", "phone", "0803 123 4567"),
        ("tel:08031234567 for orders", "phone", "08031234567"),
        ("Mob.07911 123456 after six", "phone", "07911 123456"),
        ("visitwww.herbalhealing-centre.org for your cure", "url", "www.herbalhealing-centre.org"),
    ],
)
def test_a_cue_word_glued_to_the_detail(text, kind, written):
    assert_found(text, kind, written)


def test_the_space_put_after_a_glued_word_maps_back_to_what_was_written():
    text = "located at1500 S. Lake Park Avenue"
    norm = normalise(text)
    assert norm.text == "located at 1500 S. Lake Park Avenue"
    start = norm.text.index("1500")
    assert norm.to_original(start, start + 4) == (text.index("1500"), text.index("1500") + 4)


@pytest.mark.parametrize(
    ("text", "kind", "written"),
    [
        ("mail contact1234@gmail.com for the list", "email", "contact1234@gmail.com"),
        ("write to call4help@outlook.com", "email", "call4help@outlook.com"),
    ],
)
def test_a_glued_word_inside_an_address_stays_whole(text, kind, written):
    assert_found(text, kind, written)


@pytest.mark.parametrize(
    "text",
    [
        "My iPhone12 died at5pm so I missed the call.",
        "The pH7.4 buffer was on2 shelves.",
        "We met at10 and left on3 May.",
    ],
)
def test_glued_words_without_a_contact_detail(text):
    assert contact_kinds(text) == set()


# ------------------------------------------------------------------ West African addresses


@pytest.mark.parametrize(
    "text",
    [
        "House No. 14, behind the Presby church, off Tema road, Accra",
        "Plot 22, Alhaji Compound, Oke-Ado, Ibadan, Oyo State",
        "No 5 Ogunlana Drive, Surulere, Lagos",
        "Come to No. 9 Adebayo Compound, opposite Baptist church, Ogbomoso, Oyo State.",
    ],
)
def test_compound_and_landmark_addresses(text):
    addresses = found(text, "address")
    assert len(addresses) == 1, scan(text)
    written = text.rstrip(".").removeprefix("Come to ")
    assert addresses[0].text == written
    assert may_hold_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "we drove past the church off the main road in Accra to the hospital",
        "My aunt lives in Ibadan, Oyo State and has had calcinosis for 12 years.",
        "Behind the Methodist church in Kumasi there is a small pharmacy.",
        "I was born in Lagos, moved to Abuja in 2015 and then to Kano.",
        "The clinic is near the Central Mosque in Kano, ask anyone there.",
        "Off Tema road the traffic took 2 hours, then we reached Korle Bu, Accra.",
        "She prays at the church opposite the Total filling station, Lagos, every Sunday.",
    ],
)
def test_churches_and_roads_in_ordinary_sentences_are_no_address(text):
    assert found(text, "address") == []


# ------------------------------------------------------------------ bare "www." websites


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("visit www.herbalhealing-centre.org for your cure", "www.herbalhealing-centre.org"),
        ("check www.calcifree-shop.com, they post worldwide", "www.calcifree-shop.com"),
        ("Visit WWW.HerbalHealing-Centre.ORG.", "WWW.HerbalHealing-Centre.ORG"),
        ("order the balm at www.lumpfree.co.uk today", "www.lumpfree.co.uk"),
    ],
)
def test_a_bare_www_site_offered_for_contact_or_sale(text, written):
    assert_found(text, "url", written)


@pytest.mark.parametrize(
    "text",
    [
        "visit www.mayoclinic.org for information about calcinosis",
        "www.sclerodermauk.org has a helpline and good leaflets",
        "the page on www.nhs.uk explains the tests",
        "see www.ncbi.nlm.nih.gov for the review",
    ],
)
def test_a_reputable_information_site_is_no_url_finding(text):
    assert found(text, "url") == []


# ------------------------------------------------------------------ other languages, other digits


def test_digits_of_other_scripts_read_as_digits():
    text = "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२३४५६७८९"
    assert normalise(text).text == "0123456789 0123456789 0123456789"


def test_direction_marks_around_a_number_are_ignored():
    text = "اتصل على \u200f+971 50 123 4567\u200e الآن"
    (phone,) = found(text, "phone")
    assert phone.text.strip("\u200e\u200f") == "+971 50 123 4567"
    assert "UAE" in phone.explanation


@pytest.mark.parametrize(
    ("text", "written", "region"),
    [
        ("Para pedidos llame al 612 34 56 78, estamos en Madrid", "612 34 56 78", "Spain"),
        ("llame al +52 55 1234 5678 para la cura", "+52 55 1234 5678", "Mexico"),
        ("Si vive en México llame al 55 1234 5678", "55 1234 5678", "Mexico"),
        ("ligue para +55 11 98765-4321 e peça o chá", "+55 11 98765-4321", "Brazil"),
        ("Me chama no zap (11) 98765-4321, sou de São Paulo", "(11) 98765-4321", "Brazil"),
        ("ligue para o 912 345 678 em Lisboa", "912 345 678", "Portugal"),
        ("appelez le 06 12 34 56 78 pour le traitement", "06 12 34 56 78", "France"),
        ("संपर्क करें ९८४८० १२३४५", "९८४८० १२३४५", "India"),
        ("९८४८० १२३४५ पर कॉल करें", "९८४८० १२३४५", "India"),
        ("رابطہ کریں ۰۳۰۰ ۱۲۳۴۵۶۷", "۰۳۰۰ ۱۲۳۴۵۶۷", "Pakistan"),
        ("اتصل على ٠٥٠١٢٣٤٥٦٧ في دبي", "٠٥٠١٢٣٤٥٦٧", "UAE"),
        ("اتصل على +٩٧١ ٥٠ ١٢٣ ٤٥٦٧", "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", "UAE"),
    ],
)
def test_phone_numbers_in_other_languages(text, written, region):
    assert_found(text, "phone", written, region)


@pytest.mark.parametrize(
    ("number", "region"),
    [
        ("+234 803 123 4567", "Nigeria"),
        ("+233 24 412 3456", "Ghana"),
        ("+254 712 345 678", "Kenya"),
        ("+971 50 123 4567", "UAE"),
        ("+966 55 123 4567", "Saudi Arabia"),
        ("+52 55 1234 5678", "Mexico"),
        ("+55 11 98765-4321", "Brazil"),
        ("+34 612 34 56 78", "Spain"),
        ("+351 912 345 678", "Portugal"),
        ("+33 6 12 34 56 78", "France"),
    ],
)
def test_international_numbers_of_every_region_asked_for(number, region):
    assert_found(f"for the powder call {number} today", "phone", number, region)


@pytest.mark.parametrize(
    ("text", "written", "region"),
    [
        ("call 0803 123 4567 in Lagos", "0803 123 4567", "Nigeria"),
        ("call 024 412 3456, we are in Accra", "024 412 3456", "Ghana"),
        ("our Nairobi office: 0712 345 678", "0712 345 678", "Kenya"),
    ],
)
def test_a_national_number_is_read_where_the_post_places_it(text, written, region):
    assert_found(text, "phone", written, region)


def test_a_national_number_of_a_region_nothing_points_to_is_not_read_there():
    # Valid in Brazil, but nothing in the post says Brazil and the rules do not list it.
    assert all("Brazil" not in f.explanation for f in found("ring (11) 98765-4321", "phone"))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("escríbeme a maria.lopez arroba gmail punto com", "maria.lopez arroba gmail punto com"),
        ("escreva para joao.silva arroba hotmail ponto com", "joao.silva arroba hotmail ponto com"),
        ("mi correo: rosa_herbal (arroba) yahoo (punto) es", None),
        ("écrivez à marie.dupont arobase orange point fr", None),
        ("ईमेल करें: vaidya.sharma@gmail.com", "vaidya.sharma@gmail.com"),
        ("ای میل: hakeem.ashraf@yahoo.com پر رابطہ کریں", "hakeem.ashraf@yahoo.com"),
        ("راسلني على dr.amin@outlook.com للطلب", "dr.amin@outlook.com"),
    ],
)
def test_emails_in_other_languages(text, written):
    emails = found(text, "email")
    assert len(emails) == 1, scan(text)
    if written is not None:
        assert emails[0].text == written


@pytest.mark.parametrize(
    "text",
    [
        "WhatsApp karein +91 81234 67790",
        "डॉक्टर का व्हाट्सएप नंबर +91 70214 55832 है",
        "واٹس ایپ کریں: ۰۳۴۵ ۶۶۱۳۰۸۲",
        "للتواصل واتساب: ٠٠٩٦٦٥٥٣١٨٤٧٢٠",
        "Zap: (38) 99812-3456",
    ],
)
def test_whatsapp_numbers_in_other_languages_are_handles(text):
    assert "handle" in contact_kinds(text), scan(text)
    assert may_hold_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Me operaron el 12/03/2021 y el calcio estaba en 10,2 mg/dL.",
        "el calcio subió a 2 punto 4 y luego bajó",
        "vendemos el café por arroba, unos 15 kilos",
        "من ٢٠١٠ إلى ٢٠١٥ كانت الحبيبات تؤلمني",
        "تاريخ العملية ٢٠٢١/٠٣/١٢",
        "मेरी उम्र ४५ साल है और मैं २०१५ से बीमार हूँ",
        "PMID ٣٤٥٦٧٨٩٠ شرح هذا",
        "Sou de São Paulo e tenho calcinose há 12 anos, desde 2011.",
        "Appelez votre médecin si la douleur dure plus de 3 jours.",
    ],
)
def test_no_contact_detail_in_ordinary_posts_in_other_languages(text):
    assert contact_kinds(text) == set(), scan(text)
