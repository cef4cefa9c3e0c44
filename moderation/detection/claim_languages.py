"""The strongest kinds of treatment claim in the other languages members write in.

For Spanish, Portuguese, French, Hindi (Devanagari and romanised "Hinglish"), Urdu and
Arabic: a cure asserted as done or certain ("me curó", "fiquei curada", "il m'a guéri",
"पूरी तरह ठीक हो गया", "ٹھیک ہو گئی", "شفيت تماما", "bilkul theek ho gaya"), a guarantee
("resultados garantizados", "100% garantido", "गारंटी", "گارنٹی", "مضمون", "pakka ilaj") and
advice to drop medical care ("deja tus medicamentos", "pare de tomar os remédios", "arrêtez
vos médicaments", "अंग्रेजी दवा बंद करो", "دوائیں چھوڑ دیں", "توقف عن تناول الأدوية",
"dawai band kar do").

A phrase does not count after a negation a few words before it ("no me curó", "não cura",
"لم يشف", "कोई गारंटी नहीं"), with a negation right after it where the language puts it there
("दवा बंद न करें", "دوا بند نہ کریں", "dawai band mat karo"), or in a question ("¿alguien se
curó?", "क्या यह ठीक हो सकता है?", "هل يشفي").  The claims model judges everything else; these
patterns only make sure that the plain cases are found whatever the model says.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import fastre
from .language import NAMES


class Pattern(NamedTuple):
    kind: str
    language: str
    regex: re.Pattern[str]
    # Counts only in a sentence that names a disease or a remedy ("ठीक हो गया" is also "my
    # phone got fixed").
    needs_context: bool = False


def _p(kind: str, language: str, pattern: str, needs_context: bool = False) -> Pattern:
    return Pattern(kind, language, re.compile(pattern, re.IGNORECASE), needs_context)


_PATTERNS = (
    # Spanish
    _p(
        "cure_claim",
        "es",
        r"\b(?:me|la|lo|le|nos|les|se)\s+cur(?:ó|aron|ará|arán)\b|\b(?:me|nos|te)\s+cura\b|"
        r"\b(?:qued(?:é|ó|amos|aron)|estoy|está|están|fue|fueron)\s+(?:totalmente\s+|"
        r"completamente\s+)?curad[oa]s?\b|\bsan(?:ó|é|amos|aron)\b|"
        r"\bcura\s+(?:definitiva|total|completa|natural|garantizada)\b|"
        r"\b(?:elimina|eliminó|disuelve|disolvió)\s+(?:por\s+completo\s+)?(?:la|el|los|las|mi|sus?)\b|"
        r"\bse\s+(?:me|le|nos|les)\s+quitaron\b|\b(?:desaparecieron|desapareció)\s+(?:por\s+completo|"
        r"del\s+todo|las|los)\b|\bs[íi]\s+cura\b",
    ),
    _p(
        "guarantee",
        "es",
        r"\bgarantizad[oa]s?\b|\bgarant[íi]a\s+(?:de\s+)?(?:cura|resultados|100)|"
        r"\b(?:100|cien)\s*(?:%|por\s*ciento)\s+(?:garantizado|efectivo|eficaz|seguro)",
    ),
    _p(
        "stop_medication",
        "es",
        r"\b(?:deja|dejen|deje|abandona|abandone|suspende|suspenda)\s+(?:de\s+tomar\s+)?"
        r"(?:tus|sus|los|las|esos|esas)\s+(?:medicamentos|medicinas|pastillas|remedios\s+"
        r"químicos|tratamientos?)\b|\bno\s+(?:necesitas|necesita|necesitan)\s+(?:más\s+)?"
        r"(?:al\s+|el\s+|la\s+|de\s+)?(?:médicos?|medicamentos|operaci[óo]n|cirug[íi]a)\b|"
        r"\btira\s+(?:tus|las|esas)\s+pastillas\b",
    ),
    # Portuguese
    _p(
        "cure_claim",
        "pt",
        r"\b(?:me|a|o|nos|se)\s+cur(?:ou|aram|ará)\b|\b(?:me|nos|te)\s+cura\b|"
        r"\b(?:fiquei|ficou|ficamos|ficaram|"
        r"estou|está|foi|fui)\s+(?:totalmente\s+|completamente\s+)?curad[oa]s?\b|\bsarou\b|"
        r"\bcura\s+(?:definitiva|total|completa|natural|garantida)\b|"
        r"\b(?:elimina|eliminou|dissolve|dissolveu)\s+(?:por\s+completo\s+|totalmente\s+)?"
        r"(?:a|o|os|as|meu|minha|seus?|suas?)\b|\b(?:sumiram|desapareceram)\s+(?:por\s+completo|"
        r"totalmente|de\s+vez)\b",
    ),
    _p(
        "guarantee",
        "pt",
        r"\bgarantid[oa]s?\b|\bgarantia\s+(?:de\s+)?(?:cura|resultados?|100)|"
        r"\b(?:100|cem)\s*(?:%|por\s*cento)\s+(?:garantido|eficaz|efetivo|seguro)",
    ),
    _p(
        "stop_medication",
        "pt",
        r"\b(?:pare|parem|para|largue|larga|abandone|abandona|suspenda)\s+(?:de\s+tomar\s+)?"
        r"(?:os|as|seus|suas|esses|essas|teus|tuas)\s+(?:remédios|medicamentos|comprimidos|"
        r"tratamentos?)\b|\bnão\s+precisa(?:m)?\s+(?:mais\s+)?(?:de\s+)?(?:médicos?|remédios|"
        r"medicamentos|cirurgia|operação)\b|\bjogue\s+(?:fora\s+)?(?:os|seus)\s+remédios\b",
    ),
    # French
    _p(
        "cure_claim",
        "fr",
        r"\b(?:m'a|l'a|nous\s+a|les\s+a|a|ont|suis|est|sont|été)\s+(?:complètement\s+|"
        r"totalement\s+|définitivement\s+)?gu[ée]ri(?:e|s|es)?\b|\bgu[ée]rit\b|"
        r"\bgu[ée]rison\s+(?:totale|définitive|complète|naturelle|garantie)\b|"
        r"\b(?:élimine|dissout|a\s+éliminé|a\s+dissous)\s+(?:complètement\s+)?(?:la|le|les|mes|vos)\b|"
        r"\b(?:ont|sont)\s+(?:complètement\s+|totalement\s+)?(?:disparu|fondu)e?s?\b|"
        r"\ba\s+(?:complètement\s+|totalement\s+)disparu\b",
    ),
    _p(
        "guarantee",
        "fr",
        r"\bgaranti(?:e|s|es)?\b|\brésultats?\s+garanti|\b100\s*%\s+(?:efficace|garanti|naturel\s+et\s+efficace)",
    ),
    _p(
        "stop_medication",
        "fr",
        r"\barr[êe]te[zr]?\s+(?:de\s+prendre\s+)?(?:vos|les|tes|ces)\s+(?:médicaments|"
        r"traitements?|comprimés|cachets)\b|\bpas\s+besoin\s+(?:de|du|d')\s*(?:médecins?|"
        r"médicaments|chirurgie|opération)\b|\bjetez\s+(?:vos|les)\s+(?:médicaments|cachets)\b",
    ),
    # Hindi (Devanagari)
    _p(
        "cure_claim",
        "hi",
        r"(?:पूरी\s+तरह|बिल्कुल|जड़\s+से)\s+(?:से\s+)?(?:ठीक|खत्म|ख़त्म|समाप्त)|"
        r"ठीक\s+हो\s+(?:गया|गयी|गई|गए|गईं)|ठीक\s+कर\s+(?:दिया|दी|देगा|देते|देती)|"
        r"(?:रोग|बीमारी)\s+(?:खत्म|ख़त्म|गायब)|इलाज\s+संभव\s+है|चमत्कारी\s+इलाज|"
        r"(?:घोल|गला|पिघला|निकाल)\s+(?:देता|देती|देते|दिया|दी)|(?:गायब|खत्म)\s+हो\s+(?:गया|गई|गयी|गए)",
        needs_context=True,
    ),
    _p("guarantee", "hi", r"गारंटी|गैरंटी|100\s*%\s*(?:ठीक|इलाज|असर)|सौ\s+प्रतिशत"),
    _p(
        "stop_medication",
        "hi",
        r"(?:अंग्रेजी\s+|अंग्रेज़ी\s+|एलोपैथी\s+)?दवा(?:ई|इयां|इयाँ|एं|एँ|ओं)?\s+(?:को\s+)?"
        r"(?:बंद\s+कर|छोड़\s+द|छोड़)|डॉक्टर\s+(?:के\s+पास\s+)?(?:जाने\s+की\s+)?(?:कोई\s+)?"
        r"(?:जरूरत|ज़रूरत)\s+नहीं|ऑपरेशन\s+(?:की\s+)?(?:कोई\s+)?(?:जरूरत|ज़रूरत)\s+नहीं",
    ),
    # Urdu
    _p(
        "cure_claim",
        "ur",
        r"(?:مکمل\s+(?:طور\s+پر\s+)?|بالکل\s+|جڑ\s+سے\s+)(?:ٹھیک|ختم|شفا)|"
        r"ٹھیک\s+ہو\s*(?:گیا|گئی|گئے|گئیں)|شفا\s+(?:مل|ملی|یاب)|"
        r"(?:بیماری|مرض)\s+(?:ختم|غائب)|شفا\s+یقینی|شرطیہ\s+علاج|"
        r"(?:گھلا|گھول|پگھلا|نکال)\s+(?:دیتا|دیتی|دیتے|دیا|دی)|(?:غائب|ختم)\s+ہو\s*(?:گیا|گئی|گئے)",
        needs_context=True,
    ),
    _p("guarantee", "ur", r"گارنٹی|گارنتی|سو\s+فیصد|100\s*%\s*(?:علاج|شفا|ٹھیک)"),
    _p(
        "stop_medication",
        "ur",
        r"(?:انگریزی\s+|ایلوپیتھک\s+)?دوا(?:ئیں|ئی|یاں|ؤں)?\s+(?:کو\s+)?(?:بند\s+کر|چھوڑ)|"
        r"ڈاکٹر\s+(?:کے\s+پاس\s+جانے\s+)?(?:کی\s+)?(?:کوئی\s+)?ضرورت\s+نہیں|"
        r"آپریشن\s+(?:کی\s+)?(?:کوئی\s+)?ضرورت\s+نہیں",
    ),
    # Arabic
    _p(
        "cure_claim",
        "ar",
        r"شُ?فِ?ي(?:ت|نا|ت\s+تماما)|شفاء\s+(?:تام|نهائي|كامل|تاما|نهائيا)|"
        r"(?:يشفي|تشفي)\s+(?:تماما|نهائيا|من\s+جميع|كل)|تم\s+(?:ال)?شفاء|قضى\s+على|يقضي\s+على|"
        r"(?:اختف|زال)(?:ت|ى)?\s+(?:تماما|نهائيا)|(?:اختفت|زالت)\s+(?:حبيبات|ترسبات|الحبيبات|"
        r"الترسبات)|(?:يزيل|يذيب|تزيل|تذيب)\s+(?:\S+\s+){0,2}?(?:ترسبات|الترسبات|الكالسيوم|تكلس)",
    ),
    _p(
        "guarantee",
        "ar",
        r"(?:علاج|شفاء|نتائج|نتيجة)\s+مضمون(?:ة)?|مضمون(?:ة)?\s+100|ضمان\s+(?:الشفاء|النتيجة)",
    ),
    _p(
        "stop_medication",
        "ar",
        r"(?:توقف|توقفي|توقفوا|أوقف|اوقف|اترك|اتركي|اتركوا)\s+(?:عن\s+)?(?:تناول\s+)?"
        r"(?:الأدوية|الادوية|الدواء|أدويتك|ادويتك|العلاج)|لا\s+(?:حاجة|داعي)\s+"
        r"(?:إلى|الى|ل)\s*(?:ال)?(?:طبيب|أدوية|ادوية|عملية|جراحة)",
    ),
    # Hindi in Latin letters
    _p(
        "cure_claim",
        "hi-Latn",
        r"\b(?:theek|thik|thīk)\s+ho\s+(?:gaya|gayi|gai|gaye)\b|"
        r"\b(?:puri|poori|bilkul|jad|jadd)\s+(?:tarah\s+|se\s+)?(?:theek|thik|khatam|khatm)\b|"
        r"\b(?:bimari|rog)\s+(?:khatam|khatm|gayab|chali\s+gayi)\b|\bilaa?j\s+mil\s+gaya\b|"
        r"\bghul\s+(?:jaati|jati|jaata|jata|gayi|gaya|gai)\b|"
        r"\b(?:saaf|gayab|khatam)\s+ho\s+(?:gayi|gaya|gai|gaye|jaati|jati|jaata|jata)\b",
        needs_context=True,
    ),
    _p(
        "guarantee",
        "hi-Latn",
        r"\b(?:guarantee|gaaranti|garanti)\s+(?:ke\s+saath|hai|se)\b|\bpakka\s+ilaa?j\b|"
        r"\b100\s*%\s*(?:ilaa?j|theek|thik|result)",
    ),
    _p(
        "stop_medication",
        "hi-Latn",
        r"\b(?:angrezi\s+|english\s+|allopathic\s+)?(?:dawa|dawai|dawaiyan|dawaiyaan|medicine)\s+"
        r"(?:band\s+kar|chhod)\w*|\b(?:doctor|operation)\s+(?:ki|ke\s+paas\s+jane\s+ki)?\s*"
        r"(?:koi\s+)?(?:zarurat|zaroorat|jarurat)\s+nahi",
    ),
)

# Python's \b treats Devanagari vowel signs as non-word characters, and Arabic-script words
# contain the short negations ("لا" is inside "علاج"), so those words are bounded by script.
_DEV = "\u0900-\u097f"
_ARB = "\u0600-\u06ff"


def _words(script: str, *words: str) -> str:
    return "|".join(f"(?<![{script}]){w}(?![{script}])" for w in words)


# Negations a few words before a phrase, in each language.
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|nunca|jamás|ningún|ninguna|nada|sin|não|nao|nenhum|nenhuma|sem|n'|pas|"
    r"jamais|aucun|aucune|sans|nahi|nahin|nhi|na|mat|koi\s+bhi)\b|"
    + _words(_DEV, "नहीं", "न", "मत")
    + "|"
    + _words(_ARB, "نہیں", "نہ", "مت", "لا", "لم", "لن", "ليس", "ليست", "بدون", "غير")
    + r")[^.!?؟।]{0,25}$",
    re.IGNORECASE,
)
# Negations right after: Hindi and Urdu put them before the verb that ends the phrase.
_NEGATION_AFTER = re.compile(
    r"^\s*(?:"
    + _words(_DEV, "न", "मत", "नहीं")
    + "|"
    + _words(_ARB, "نہ", "مت", "نہیں")
    + r"|(?:na|mat|nahi|nahin|nhi)\b)",
    re.IGNORECASE,
)
# Warnings about claims, which use the claims' own words ("cuidado con quien promete una cura",
# "les médecins mettent en garde contre ...", "'चमत्कारी इलाज' से सावधान").
_WARNING = re.compile(
    r"\b(?:cuidado\s+con|desconf[íi][ea]|no\s+se\s+deje\s+engañar|advierten|estafa|"
    r"cuidado\s+com|alertam|golpe|charlatanismo|m[ée]fiez|mettent\s+en\s+garde|"
    r"attention\s+aux|arnaques?|charlatans?|savdhan|saavdhan|dhokha|dhoka|fraud|"
    r"bach\s*ke)\b|सावधान|धोखा|ठगी|बचें|ہوشیار|خبردار|دھوکہ|دھوکا|محتاط|احذر|"
    r"احذروا|تحذير|يحذر|احتيال|نصب",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"[?؟]\s*$|^\s*(?:¿|(?:क्या|کیا|هل|kya|kyaa|est-ce\s+que|alguém|alguien|quelqu'un)\b)",
    re.IGNORECASE,
)
_KIND_WORDS = {
    "cure_claim": "claims a cure",
    "guarantee": "guarantees results",
    "stop_medication": "tells readers to abandon medical care",
}


def warns(sentence: str) -> bool:
    """Whether ``sentence`` warns against claims or scams in one of the languages here."""
    return _WARNING.search(sentence) is not None


# Every pattern in one RE2 alternation, without its word boundaries (RE2's know only ASCII):
# most sentences match none of them, and one pass over the post's sentence says so.
_ANY = fastre.compile(
    "|".join(f"(?:{p.regex.pattern})".replace(r"\b", "") for p in _PATTERNS), True
)


# A disease or a remedy named, for the patterns that need one.
_CONTEXT = re.compile(
    r"\b(?:bimari|rog|ilaa?j|dawa\w*|churan|churna|tel|oil|jadi|ayurved\w*|calcium|gaa?nth\w*|"
    r"scleroderma|lupus|psoriasis|diabetes|sugar|hakeem|vaidya|baba|desi|skin|joint\w*|dard|"
    r"lumps?)\b|रोग|बीमारी|इलाज|दवा|चूर्ण|काढ़ा|तेल|जड़ी|आयुर्वेद|कैल्शियम|गांठ|गाँठ|स्क्लेरोडर्मा|"
    r"ल्यूपस|सोरायसिस|डायबिटीज|वैद्य|हकीम|त्वचा|जोड़|दर्द|بیماری|مرض|علاج|دوا|سفوف|تیل|جڑی|"
    r"حکیم|کیلشیم|گلٹی|سکلیروڈرما|شوگر|جلد|جوڑ|دیسی|درد",
    re.IGNORECASE,
)
# The patterns of each language apply to posts in that language; Devanagari and Arabic script
# say their language themselves, so theirs apply everywhere.
_BY_SCRIPT = frozenset(["hi", "ur", "ar"])
_HINGLISH_HINT = re.compile(
    r"\b(?:hai|hain|nahi|nahin|mera|meri|mere|aap|bhai|ho|gaya|gayi|karo|kar|theek|thik|"
    r"dawai|dawa|bimari|ilaa?j|mein|se|ko|ka|ki|ke)\b",
    re.IGNORECASE,
)


def languages_for(post_language: str) -> frozenset[str] | None:
    """Which languages' patterns apply to a post read as ``post_language`` (None: all)."""
    from .language import HINGLISH, UNDETERMINED

    if post_language == UNDETERMINED:
        return None
    if post_language in ("hi", HINGLISH):
        return _BY_SCRIPT | {HINGLISH}
    return _BY_SCRIPT | {post_language}


def kinds(sentence: str, languages: frozenset[str] | None = None) -> list[tuple[str, float, str]]:
    """(kind, strength, explanation) for each kind of claim ``sentence`` makes in one of the
    ``languages`` (None: any of them); empty for questions, warnings and phrases under a
    negation.  Hinglish patterns also apply to a sentence full of Hinglish words."""
    if _ANY.search(sentence) is None or _QUESTION.search(sentence) or _WARNING.search(sentence):
        return []
    hinglish_words = len({w.lower() for w in _HINGLISH_HINT.findall(sentence)})
    if languages is not None and "hi-Latn" not in languages and hinglish_words >= 3:
        languages = languages | {"hi-Latn"}
    context = None
    found: list[tuple[str, float, str]] = []
    for pattern in _PATTERNS:
        if languages is not None and pattern.language not in languages:
            continue
        if any(kind == pattern.kind for kind, _, _ in found):
            continue
        if pattern.needs_context:
            if context is None:
                context = _CONTEXT.search(sentence) is not None
            if not context:
                continue
        for m in pattern.regex.finditer(sentence):
            if _NEGATION_BEFORE.search(sentence[: m.start()]) and pattern.kind != "stop_medication":
                continue
            if pattern.kind == "stop_medication" and _negated_stop(sentence, m):
                continue
            if _NEGATION_AFTER.match(sentence[m.end() :]):
                continue
            phrase = " ".join(m.group().split())
            words = _KIND_WORDS[pattern.kind]
            language = NAMES[pattern.language]
            found.append(
                (
                    pattern.kind,
                    0.82,
                    f"{words} ({language}): '{phrase}'",
                )
            )
            break
    return found


def _negated_stop(sentence: str, m: re.Match) -> bool:
    """ "no dejes tus medicamentos", "não pare os remédios", "لا تتوقف عن": a warning, unless
    the phrase is itself the negative advice ("no necesitas médicos")."""
    own = m.group().lower()
    if own.startswith(("no ", "não ", "pas ", "لا ")) or "نہیں" in own or "नहीं" in own:
        return False
    if "nahi" in own:
        return False
    return bool(_NEGATION_BEFORE.search(sentence[: m.start()]))
