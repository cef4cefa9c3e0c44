"""Posts in the other languages members write in: the language is told, and the strongest
kinds of claim (a cure, a guarantee, advice to drop medical care) are found in each."""

import pytest

from moderation import detection
from moderation.detection import claim_languages, language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My mum has scleroderma and the lumps on her fingers hurt in winter.", "en"),
        ("Mi madre tiene esclerodermia y le duelen mucho los dedos.", "es"),
        ("Minha mãe tem esclerodermia e as mãos doem muito no frio.", "pt"),
        ("Ma mère a une sclérodermie et ses doigts lui font mal.", "fr"),
        ("मेरी माँ को स्क्लेरोडर्मा है और उँगलियों में दर्द रहता है।", "hi"),
        ("میری امی کو سکلیروڈرما ہے اور انگلیوں میں درد رہتا ہے۔", "ur"),
        ("أمي مصابة بتصلب الجلد وأصابعها تؤلمها كثيرا.", "ar"),
        ("meri mummy ko scleroderma hai aur ungliyon mein bahut dard hota hai", "hi-Latn"),
        ("ok 👍", "und"),
        ("+44 7700 900123", "und"),
    ],
)
def test_the_language_of_a_post(text, expected):
    assert language.detect(text) == expected


CLAIMS = [
    ("es", "cure_claim", "Mi madre se curó por completo con estas hierbas."),
    ("es", "guarantee", "Resultados garantizados en 30 días o le devolvemos su dinero."),
    ("es", "stop_medication", "Deja tus medicamentos y toma solo el té."),
    ("pt", "cure_claim", "Fiquei curada em dois meses com a garrafada."),
    ("pt", "guarantee", "Tratamento 100% garantido, sem efeitos colaterais."),
    ("pt", "stop_medication", "Pare de tomar os remédios do médico e use as ervas."),
    ("fr", "cure_claim", "Le marabout m'a complètement guéri de la sclérodermie."),
    ("fr", "guarantee", "Résultats garantis en trois semaines."),
    ("fr", "stop_medication", "Arrêtez vos médicaments, les plantes suffisent."),
    ("hi", "cure_claim", "इस चूर्ण से मेरी माँ पूरी तरह ठीक हो गई।"),
    ("hi", "guarantee", "सौ प्रतिशत गारंटी के साथ इलाज।"),
    ("hi", "stop_medication", "अंग्रेजी दवा बंद कर दो और यह काढ़ा पियो।"),
    ("hi-Latn", "cure_claim", "is desi dawai se meri behen bilkul theek ho gayi"),
    ("hi-Latn", "guarantee", "pakka ilaj, 100% result milega"),
    ("hi-Latn", "stop_medication", "angrezi dawai band kar do, sirf yeh churan lo"),
    ("ur", "cure_claim", "اس دوا سے میری امی بالکل ٹھیک ہو گئیں۔"),
    ("ur", "guarantee", "حکیم صاحب کا شرطیہ علاج، سو فیصد نتیجہ۔"),
    ("ur", "stop_medication", "انگریزی دوائیں چھوڑ دیں اور یہ سفوف کھائیں۔"),
    ("ar", "cure_claim", "شفيت تماما بفضل هذا العلاج العشبي."),
    ("ar", "guarantee", "علاج مضمون ونتائج مضمونة."),
    ("ar", "stop_medication", "توقف عن تناول الأدوية واشرب هذا المزيج."),
]


CLAIMS += [
    ("hi", "cure_claim", "यह चूर्ण जमा कैल्शियम को घोल देता है।"),
    ("ur", "cure_claim", "یہ سفوف جمع کیلشیم کو گھلا دیتا ہے۔"),
    ("ar", "cure_claim", "هذا الكريم يزيل ترسبات الكالسيوم من الجلد."),
    ("hi-Latn", "cure_claim", "ye tel lagao, calcium ki gaanth ghul jaati hai"),
    ("es", "cure_claim", "Con el jugo de limón se me quitaron las bolitas de calcio."),
    ("fr", "cure_claim", "Grâce aux tisanes mes dépôts de calcium ont disparu."),
]


@pytest.mark.parametrize(("lang", "kind", "text"), CLAIMS)
def test_the_prefilter_selects_every_claim_the_patterns_know(lang, kind, text):
    from moderation.detection import claim_prefilter

    assert claim_prefilter.selects(text)


@pytest.mark.parametrize(("lang", "kind", "text"), CLAIMS)
def test_the_strongest_claims_in_each_language(lang, kind, text):
    found = {f.kind for f in detection.scan(text) if f.category == detection.CLAIMS}
    assert kind in found, detection.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "No me curó nada, perdí el dinero.",
        "No dejes tus medicamentos sin hablar con tu médico.",
        "¿Alguien se curó con esto?",
        "Não pare os remédios sem falar com o reumatologista.",
        "Les médecins mettent en garde contre ceux qui conseillent d'arrêter vos médicaments.",
        "दवा बंद न करें, डॉक्टर से पूछें।",
        "'चमत्कारी इलाज' के दावों से सावधान रहें।",
        "دوا بند نہ کریں، ڈاکٹر سے مشورہ کریں۔",
        "لا تتوقف عن تناول الأدوية دون استشارة الطبيب.",
        "احذروا من يعد بعلاج مضمون.",
        "dawai band mat karo, doctor se baat karo",
    ],
)
def test_warnings_negations_and_questions_in_each_language(text):
    assert claim_languages.kinds(text) == []
    assert not [f for f in detection.scan(text) if f.category == detection.CLAIMS]


def test_the_explanation_names_the_language():
    findings = detection.scan("Mi madre se curó con hierbas.")
    (finding,) = [f for f in findings if f.category == "treatment_claim"]
    assert finding.explanation == "claims a cure (Spanish): 'se curó'"


def test_sentences_end_at_the_danda_and_the_arabic_question_mark():
    from moderation.detection.claims import split_sentences

    text = "यह दवा है। वह नहीं। هل هذا صحيح؟ نعم"
    assert len(split_sentences(text)) == 4


@pytest.mark.parametrize(
    "text",
    [
        "I'm 100% sure the cold makes mine worse.",  # English "100%" is not an Arabic guarantee
        "We made a fondue for my birthday and it was lovely.",
        "My GP said to dissolve a soluble paracetamol in water.",
        "Rezo para que encontrem a cura.",  # "that they find the cure"
        "दीदी, सब ठीक हो जाएगा।",  # "it will all be alright"
        "मेरा फोन ठीक हो गया",  # "my phone got fixed"
        "Behen, sab theek ho jayega.",
        "قرأت مضمون المقال وهو مفيد",  # مضمون is also "content"
        "أتمنى أن يجد العلماء دواء يشفي من المرض",  # "I hope scientists find a cure"
    ],
)
def test_everyday_words_that_look_like_claims_in_another_language(text):
    assert not [f for f in detection.scan(text) if f.category == detection.CLAIMS]


def test_the_hinglish_agent_marker_is_not_a_negation():
    assert claim_languages.kinds("Is dawai ne mujhe bilkul theek kar diya, bhai.")
