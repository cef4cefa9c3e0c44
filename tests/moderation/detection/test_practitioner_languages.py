"""A named practitioner offered for contact in the other languages members write in, and
two things that only look like contact details."""

import pytest

from moderation import detection


def contact_kinds(text: str) -> set[str]:
    return {f.kind for f in detection.scan(text) if f.category == detection.CONTACT}


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("Procurem a Dra. Helena Prado no ambulatório do hospital.", "Dra. Helena Prado"),
        ("Consulte al Dr. Ramírez en el hospital de la ciudad.", "Dr. Ramírez"),
        ("Allez voir le Dr Martin à Lyon, il connaît bien la maladie.", "Dr Martin"),
        ("मुंबई में डॉ. सुनीता मेहरा से मिलिए, वे बहुत अच्छी हैं।", "डॉ. सुनीता मेहरा"),
        ("لاہور میں ڈاکٹر عمران ملک سے ملیں، وہ بہت اچھے ہیں۔", "ڈاکٹر عمران ملک"),
        ("راجعوا الدكتورة سلمى في قسم الروماتيزم.", "الدكتورة سلمى"),
        ("Pune mein Dr. Joshi se milo, bahut acche hain.", "Dr. Joshi"),
        ("If you're anywhere near Leeds go and see Dr Anna Price at the infirmary.", "Dr Anna"),
    ],
)
def test_a_practitioner_offered_in_other_languages(text, covered):
    found = [f for f in detection.scan(text) if f.kind == "practitioner"]
    assert found, detection.scan(text)
    assert any(covered in f.text for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "पहले अपने डॉक्टर से बात करें।",  # "talk to your doctor first": nobody named
        "Mi doctora me dijo que es normal.",
        "Le Dr Martin m'a dit que tout allait bien.",
        "Fibrosis was induced in C57BL/6 mice by daily injections.",
        "I'm running 10 km for the charity, sponsor page: www.sponsor-my-run.example.org",
    ],
)
def test_what_is_not_contact_details(text):
    assert not contact_kinds(text), detection.scan(text)


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("Consultas en Calle Hidalgo 214, Col. Centro, Oaxaca.", "Calle Hidalgo 214"),
        ("Atendo na Rua das Palmeiras, 318, Centro, CEP 39400-001", "Rua das Palmeiras, 318"),
        ("Dirección: Calle del Pez Volador 31, 28007 Madrid.", "Calle del Pez Volador 31"),
        ("पता: दुकान नं. 7, सदर बाज़ार, जयपुर", "दुकान नं. 7"),
        ("پتہ: مکان نمبر 12، گلی نمبر 4، لاہور", "مکان نمبر 12"),
    ],
)
def test_addresses_in_spanish_portuguese_hindi_and_urdu(text, covered):
    found = [f for f in detection.scan(text) if f.kind == "address"]
    assert any(covered in f.text for f in found), detection.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "La calle Mayor estaba llena de gente en 2019.",
        "Fui a la avenida principal 3 veces esta semana.",
        "A rua estava cheia, esperei 20 minutos.",
    ],
)
def test_a_street_mentioned_is_not_an_address(text):
    assert "address" not in contact_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My sister moved to Alameda County 2 years ago.",
        "We had dinner at Paseo Verde 12 times.",
        "I take 2 Vitamin Compound tablets daily.",
    ],
)
def test_a_count_after_a_street_word_is_not_an_address(text):
    assert "address" not in contact_kinds(text)


def test_a_long_run_of_glued_cues_is_read_cue_by_cue():
    import importlib

    normalise = importlib.import_module("moderation.detection.normalise")
    # Each cue looks at most 64 characters on: the work grows with the text, not its square.
    text = "at1+" * 5000
    assert len(normalise._glued_cue_replacements(text)) == 5000
