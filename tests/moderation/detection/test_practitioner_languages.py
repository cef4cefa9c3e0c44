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
