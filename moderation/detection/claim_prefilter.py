"""Which sentences are worth the claims model's time.

A sentence goes to the model only if it names something a claim is made of: a treatment or
remedy, a disease, a cure-like verb or an offer to sell or to be contacted, in any language
the detectors know.  One RE2 pass per post finds them all (a DFA over one alternation), so
the model, at about a tenth of a millisecond a sentence, runs on the few sentences that could
make a claim rather than on every "thank you all, see you at the meeting".

Terms in English and romanised Hindi are whole words (an RE2 ``\\b``); Spanish, Portuguese
and French stems start a word; terms in Devanagari and Arabic script are matched as they
stand, since RE2's word boundary knows only ASCII letters.
"""

from __future__ import annotations

from . import fastre

# Cure-like verbs and nouns, with their everyday forms.
_CURE_EN = (
    r"cur(?:e[sd]?|ing|ative)|heal(?:s|ed|ing|er|ers)?|remed(?:y|ies)|revers(?:e[sd]?|ing)|"
    r"dissolv(?:e[sd]?|ing)|eliminat(?:e[sd]?|ing)|eradicat(?:e[sd]?|ing)|got\s+rid|"
    r"free\s+(?:from|of)|recover(?:ed|y)?|tested\s+negative|negative\s+now|"
    r"miracle|wonder|work(?:s|ed)?\s+(?:better|wonders|like)|effective|"
    r"better\s+than|instead\s+of|no\s+more|gone|disappear(?:ed|s)?|clear(?:s|ed)?\s+(?:it|up|them)|"
    r"succe(?:ed|eds|ss|ssful)|defeat(?:s|ed)?|beat(?:s)?|permanent(?:ly)?|guarantee[sd]?|"
    r"100\s*%|myth|lie|stop(?:ped|s)?|quit|throw|ditch|cancel"
)
_TREATMENT_EN = (
    r"herb(?:s|al|alist)?|root(?:s)?|spiritual|traditional|natural|homeopath\w*|ayurved\w*|"
    r"naturopath\w*|supplement\w*|capsules?|pills?|tablets?|powder|tea|oil|paste|cream|"
    r"tincture|drops|protocol|detox|cleanse|diet|juice|vinegar|turmeric|magnesium|vitamin\w*|"
    r"medicine|medication|meds|drugs?|treatment|therapy|doctor|dr|hakee?m|vaidya|"
    r"curandero|healer|sangoma|spell|prayer|product"
)
_DISEASE_EN = (
    r"calcinosis|scleroderma|sclerosis|crest|lupus|dermatomyositis|myositis|calciphylaxis|"
    r"raynaud'?s?|arthritis|fibrosis|hiv|aids|herpes|hsv|diabetes|diabetic|cancer|tumou?rs?|"
    r"covid(?:-?19)?|psoriasis|eczema|hepatitis|hpv|fibroids?|kidney|ckd|als|parkinson'?s?|"
    r"copd|asthma|epilepsy|infertility|disease|illness|condition|deposits?|lumps?"
)
_OFFER_EN = (
    r"call|whats\s*app|contact|e-?mail|order|buy|sell(?:s|ing)?|price|deliver(?:y|ed)?|"
    r"shipping|visit|dm|inbox|text\s+(?:me|him|her)|reach"
)
# Spanish, Portuguese and French share many stems; listed together.
_ROMANCE = (
    r"cur(?:a|ar|ado|ada|ó|ou|ou-se|e|é|ée|i|ir|ación|ação|aci[oó]n)|san(?:ar|ó|ou|ado)|"
    r"gu[ée]ri(?:r|t|e|son)?|remed(?:io|ios)|rem[ée]dio|rem[èe]des?|tratamiento|tratamento|"
    r"traitement|hierbas|ervas|plantes|natural(?:es)?|naturel(?:le)?s?|enfermedad|doen[çc]a|"
    r"maladie|garantizad[oa]|garantid[oa]|garanti[e]?|medicamentos?|m[ée]dicaments?|"
    r"rem[ée]dios|deje|dejar|pare|parar|arr[êe]tez|arr[êe]ter|llame|ligue|appelez|"
    r"escleroderm\w*|esclerodermia|sclérodermie|lupus|diabetes|diab[èe]te|c[áa]ncer|sida|vih|"
    r"quitaron|desaparec\w*|sumiram|disparu|fondu|jogue|jetez|tira|largue|deja|dejen|suspend\w*|"
    r"élimin\w*|elimin\w*|dissol\w*|disuelv\w*|garant\w*|100\s*%"
)
_HINGLISH = (
    r"ilaa?j|theek|thik|dawa(?:i|ai|yan|iyan)?|bimari|rog|jadi\s*buti|desi|ayurvedic|hakeem|"
    r"guarantee|gaaranti|band\s+kar\w*|chhod\w*|pakka|shifa|ghul\w*|saaf|gayab|khatam|khatm"
)
# Hindi (Devanagari), Urdu and Arabic: cure, treatment, medicine, disease, guarantee, stop,
# call / contact, herbs.
_NON_LATIN = (
    "इलाज|उपचार|ठीक|दवा|दवाई|रोग|बीमारी|जड़ी|आयुर्वेद|गारंटी|बंद|छोड़|संपर्क|कॉल|व्हाट्सएप|"
    "चमत्कार|घोल|गला|पिघल|निकाल|गायब|खत्म|ख़त्म|कैल्शियम|प्रतिशत|"
    "علاج|شفا|ٹھیک|دوا|بیماری|مرض|حکیم|گارنٹی|رابطہ|بند|چھوڑ|جڑی|دیسی|گھلا|گھول|پگھل|نکال|غائب|"
    "ختم|کیلشیم|شرطیہ|فیصد|"
    "شفاء|شفي|يشفي|دواء|أدوية|الأدوية|أعشاب|مضمون|توقف|اتصل|واتساب|تواصل|معجزة|يزيل|يذيب|تزيل|"
    "تذيب|ترسبات|الكالسيوم|اختف|زال|قضى|يقضي|ضمان|أوقف|اوقف|اترك"
)

_PATTERN = fastre.compile(
    r"(?i:\b(?:"
    + "|".join([_CURE_EN, _TREATMENT_EN, _DISEASE_EN, _OFFER_EN, _HINGLISH])
    + r")\b)|"
    # RE2's \b sees "ó" as a non-word character, so these stems end where they end.
    + r"(?i:\b(?:"
    + _ROMANCE
    + r"))|"
    + _NON_LATIN
)


# What a claim asserts: a cure-like verb or noun in any of the languages.  A sentence the model
# judges without any pattern must have one of these; a disease or an offer alone ("call me on
# ...", "lumps on my elbows since 1996") is what everybody on the forum writes.
# Efficacy in everyday words ("shrank them to nothing", "pulled the calcium out").
_EFFECT_EN = (
    r"shr[aiu]nk\w*|melt\w*|took\s+away|takes?\s+away|pull(?:s|ed)?|draw(?:s|n)?|drew|"
    r"knock(?:s|ed)?|ate|eats?\s+(?:away|up)|sort(?:s|ed)|fix(?:es|ed)|saved|soften(?:s|ed)|"
    r"vanish\w*|went\s+away|to\s+nothing|nothing\s+left|no\s+(?:lumps|deposits)|"
    r"work(?:s|ed)?|help(?:s|ed)?|whole\s+again"
)
_CORE = fastre.compile(
    r"(?i:\b(?:"
    + _CURE_EN
    + "|"
    + _EFFECT_EN
    + r"|ilaa?j|theek|thik|shifa|pakka|guarantee|gaaranti|ghul\w*|saaf|gayab)\b)|"
    + r"(?i:\b(?:cur[aeoóé]|san[aoó]|gu[ée]ri|garant|rem[ée]d|milagr|miracul))|"
    + "इलाज|ठीक|गारंटी|चमत्कार|घोल|गायब|علاج|شفا|ٹھیک|گارنٹی|شفاء|شفي|يشفي|مضمون|معجزة|گھلا|"
    + "گھول|غائب|يزيل|يذيب|اختف"
)


_IN_AN_ADDRESS = ".@_/"


def assertion(sentence: str) -> int | None:
    """Where ``sentence`` has its first cure-like word (needed for a finding by the model
    alone), or None.  A word inside an e-mail address or a link ("sclero.help@...") says
    nothing."""
    for m in _CORE.finditer(sentence):
        start, end = m.start(), m.end()
        glued_before = start > 0 and sentence[start - 1] in _IN_AN_ADDRESS
        glued_after = (
            sentence[end : end + 1] in _IN_AN_ADDRESS and sentence[end + 1 : end + 2].isalnum()
        )
        if not (glued_before or glued_after):
            return start
    return None


def selects(sentence: str) -> bool:
    """Whether ``sentence`` names anything a treatment claim is made of."""
    return _PATTERN.search(sentence) is not None


def selected(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the ``spans`` of ``text`` that :func:`selects` keeps, found in one pass."""
    starts = [start for start, _ in spans]
    chosen: list[int] = []
    i = 0
    for m in _PATTERN.finditer(text):
        pos = m.start()
        while i + 1 < len(starts) and starts[i + 1] <= pos:
            i += 1
        if spans[i][0] <= pos < spans[i][1] and (not chosen or chosen[-1] != i):
            chosen.append(i)
    return chosen
