"""Treatment-claim detector: lexicon + patterns + sentence classifier.

Catches, per sentence:
  * cure claims and testimonials: an efficacy assertion ("cured", "dissolved", "reversed",
    "completely stopped", "got rid of", "deposits disappeared", "melted away") about an
    unproven or investigational treatment named in the sentence or in the few sentences
    before it ("He gave some homeopathy pills ... it has completely stopped now");
  * guarantees ("guaranteed", "100% cure", "works for everyone", "never fails");
  * advice to stop medical care ("stop taking your methotrexate", "throw away your meds",
    "you don't need your rheumatologist");
  * sales pitches ("order from", "buy now", "discount code", "DM me for", "I sell") in a
    post about a treatment;
  * recommendations of an unproven treatment ("you should try colloidal silver").
Must not catch: negated or failed treatments ("homeopathy didn't help"), questions ("is
chelation safe?"), warnings ("beware of miracle cures", "there is no cure"), hedged or
reported advice ("my doctor said sodium thiosulfate may help"), established care reported
as experience ("surgical excision removed the deposit on my finger"), and advice not to stop
medication ("don't stop your meds without asking your doctor").

Every finding covers the sentence that makes the claim; its rule says what fired
("claims.pattern", "claims.pattern+classifier", "claims.classifier") and its explanation
names the treatment and its evidence status.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import fastre
from .contact import RawFinding
from .types import CLAIMS, TreatmentEntry

if TYPE_CHECKING:  # scikit-learn is imported only when the classifier is first needed
    from .classifier import ClaimsClassifier

# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

# Sentence ends: a run of . ! ? (then closing quotes or brackets) before whitespace, or a
# newline.  Written to start with a character class, which Python's ``re`` scans for fast.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"')\]]*(?=\s))")
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "vs",
        "etc",
        "eg",
        "e.g",
        "ie",
        "i.e",
        "approx",
        "no",
        "fig",
        "dept",
        "mt",
        "jr",
        "sr",
        "ph",
        "tel",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.]*$")


_ABBREVIATION_ENDS = frozenset(a[-2:] for a in _ABBREVIATIONS)


def split_sentences(text: str, limit: int = 400) -> list[tuple[int, int]]:
    """Sentence spans (stripped).  Sentences longer than ``limit`` are cut into pieces so a
    wall of text without punctuation cannot make a single huge classifier input."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        j = m.start()
        if text[j] == "." and (
            not text[j - 1 : j].isalpha() or text[j - 2 : j].lower() in _ABBREVIATION_ENDS
        ):
            # "Dr. Rao" and "e.g. this" do not end a sentence.
            word = text[max(start, j - 8) : j].rsplit(None, 1)[-1:] or [""]
            if word[0].lower().lstrip("(\"'").rstrip(".") in _ABBREVIATIONS:
                continue
        end = m.end()
        if end - start > 1 or not text[start].isspace():
            _add_span(text, start, end, spans, limit)
        start = end
    _add_span(text, start, len(text), spans, limit)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]], limit: int):
    piece = text[start:end]
    body = piece.strip()
    if not body:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(body)
    while end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        cut = cut if cut > start else start + limit
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


# --------------------------------------------------------------------------------------
# Patterns (fixed, so plain Python ``re``)
# --------------------------------------------------------------------------------------

_I = re.IGNORECASE
_STRONG_EFFICACY = fastre.compile(
    r"\b(?:cured|cures|curing|cure\s+(?:my|her|his|their|your|you|it|me|him|them|calcinosis|"
    r"scleroderma|crest|the\s+disease)|healed\s+(?:my|her|his|me|it|the|completely)|"
    r"heals|reversed|reverses|reverse\s+(?:your|the|my|calcinosis|scleroderma)|"
    r"dissolved|dissolves|dissolve\s+(?:the|your|my|all|calcium|deposits)|"
    r"melt(?:ed|s)?\s+(?:away|out|the\s+(?:calcium|deposits))|melted|"
    r"got\s+rid\s+of|get\s+rid\s+of|gets\s+rid\s+of|getting\s+rid\s+of|"
    r"eliminat(?:ed|es)\s+(?:the|my|her|all|calcium|deposits)|"
    r"(?:completely|totally|fully|entirely)\s+(?:stopped|gone|healed|cleared|disappeared|"
    r"dissolved|cured|free|vanished|reversed)|stopped\s+(?:completely|for\s+good)|"
    r"no\s+more\s+(?:calcium|deposits?|lumps?|calcinosis|bumps|flare)|"
    r"(?:worked|works|work)\s+(?:wonders|like\s+magic|miracles)|miracle|like\s+magic|"
    r"saved\s+my\s+life|(?:hasn'?t|has\s+not|haven'?t|never)\s+(?:come|came)\s+back|not\s+(?:a\s+)?single\s+new|"
    r"(?:deposit|calcinosis|calcium|lump)[\s\-]free|free\s+of\s+(?:calcinosis|deposits|calcium)|"
    r"dr[ae]w\s+(?:out|the\s+calcium)|draws?\s+(?:out|the\s+calcium)|"
    r"pull(?:s|ed)?\s+(?:the\s+)?calcium\s+(?:right\s+)?out|pull(?:s|ed)?\s+out\s+(?:the\s+)?calcium|"
    r"flush(?:es|ed)?\s+(?:the\s+calcium\s+)?out|broke\s+down\s+the|breaks?\s+down\s+the|"
    r"(?:is|was|found|it'?s|'s|be)\s+(?:the|a)\s+(?:real\s+|only\s+|natural\s+|permanent\s+)?"
    r"cure|cure\s+for\s+(?:calcinosis|scleroderma|crest|it)|"
    r"did\s+what\s+the\s+doctors\s+could\s*(?:n[o']?t)|100\s?%\s+better|"
    r"(?:complete|full)\s+remission|went\s+into\s+remission|"
    r"(?:it|this|they)\s+(?:really\s+)?works|stop(?:ped|s)?\s+(?:the\s+)?(?:calcium|deposits?|"
    r"calcinosis)(?:\s+(?:from|growing|forming|flowing|coming|oozing|in\s+its))|"
    r"cleared\s+(?:my|her|his|their|the|all|up)|clears\s+(?:the|calcium|deposits)|"
    r"(?:is|was|got|been|are|were)\s+(?:completely\s+)?healed|healed\s+(?:me|him|them)|"
    r"(?:has|have|found|there'?s|there\s+is|so\s+there\s+is)\s+(?:the|a)\s+cure|"
    r"stops\s+it|it\s+stops|fixes|removed\s+all\s+the\s+calcium|breaks?\s+down\s+calcium|"
    r"dissolve[sd]?|pulls?\s+calcium|"
    r"make\s+(?:the\s+)?calcium\s+(?:stop|disappear)|made\s+(?:the\s+)?calcium\s+"
    r"(?:stop|disappear)|(?:will|can)\s+(?:cure|dissolve|reverse|heal|fix)|fix(?:ed)?\s+it)\b",
    True,
)
_WEAK_EFFICACY = fastre.compile(
    r"\b(?:calcium|calcinosis|deposits?|lumps?|bumps?|nodules?|growths?|ulcers?|sores?|"
    r"wounds?|fingers?|hands?|skin|it|they|them|all|everything|scleroderma|crest|disease)\b"
    r"[^.!?\n]{0,40}?\b(?:gone|disappeared|vanished|went\s+away|go(?:es)?\s+away|"
    r"cleared(?:\s+up)?|clearing|healed|shr[au]nk|shrinking|stopped|dissolv\w*|reversed|clear|"
    r"smooth|flattened|smaller|half\s+the\s+size|closed|improved|"
    r"dropped\s+out|fell\s+off)\b",
    True,
)
_DEATH = fastre.compile(
    r"\b(?:she|he|mum|mom|mother|father|dad|husband|wife|sister|brother|grandma|grandmother|"
    r"aunt|uncle)\s+(?:is|was|has|had)\s+(?:\w+\s+)?gone\b",
    True,
)
_NEGATION = fastre.compile(
    r"\b(?:not|no|never|nothing|neither|nor|without|none|cannot|hardly|barely|"
    r"\w+n't|didnt|doesnt|dont|wont|cant|isnt|wasnt|hasnt|havent|couldnt|wouldnt|"
    r"failed\s+to|unable\s+to|instead\s+of|despite|still)\b",
    True,
)
_GENERALISED = fastre.compile(
    r"\b(?:cures|dissolves|reverses|heals|removes|melts|eliminates|works\s+for|"
    r"will\s+(?:cure|dissolve|reverse|heal|stop|get\s+rid|melt|disappear|be\s+gone)|"
    r"can\s+(?:cure|dissolve|reverse|heal)|is\s+the\s+(?:only\s+)?cure|cure\s+for|"
    r"you\s+will|guarantee)\b",
    True,
)
_QUESTION_START = fastre.compile(
    r"^\W*(?:does|did|do|has|have|had|is|are|was|were|can|could|would|will|should|shall|"
    r"anyone|any\s+one|anybody|what|how|why|where|which|who|whether)\b",
    True,
)
_WARNING = fastre.compile(
    r"\b(?:beware|scams?|scammers?|quacks?|quackery|careful|wary|fall\s+for|don'?t\s+believe|"
    r"do\s+not\s+believe|don'?t\s+trust|not\s+convinced|snake\s+oil|no\s+(?:real\s+|good\s+|"
    r"strong\s+|scientific\s+)?evidence|no\s+(?:studies|proof|research)|not\s+proven|"
    r"unproven|claims?|claiming|claimed|supposedly|so[\s\-]called|allegedly|waste\s+of|"
    r"wasted|rip[\s\-]?off|dangerous|too\s+good\s+to\s+be\s+true|advert\w*|adverts?|spam|"
    r"reported|lying|liars?|myths?|old\s+wives|misleading|false\s+hope|prey\s+on|"
    r"not\s+a\s+cure|no\s+cure|no\s+known\s+cure|sugar\s+pills?|placebo|useless|"
    r"dodgy|shady|terrible\s+advice|bad\s+advice|don'?t\s+listen|ignore\s+(?:them|him|her))\b",
    True,
)
_HEDGE = fastre.compile(
    r"\b(?:may|might|could|possibly|perhaps|maybe|hope|hoping|hopefully|wonder|wondering|"
    r"wish|not\s+sure|unsure|i\s+think|seems?\s+to|a\s+(?:little|bit)|slightly|"
    r"some\s+people\s+say|i\s+read|i\s+heard|studies|study|trials?|research|researchers|"
    r"evidence|ask\s+(?:your|a)|talk\s+to\s+your|check\s+with|speak\s+to\s+your|"
    r"under\s+(?:a\s+|the\s+)?specialist|"
    r"(?:doctor|rheumatologist|dermatologist|specialist|gp|surgeon|consultant|nurse|team)\s+"
    r"(?:said|says|suggested|thinks|told|recommended|explained|mentioned|wants|offered|"
    r"is\s+trying|tried|prescribed|put\s+(?:me|her|him))|"
    r"(?:said|says|told\s+(?:me|us|her|him))\s+(?:that\s+)?(?:it|this|they|the)|"
    r"don'?t\s+know\s+(?:whether|if))\b",
    True,
)
_MEDICAL_CARE = (
    r"meds|medications?|medicines?|drugs|pills|tablets|prescriptions?|pharmaceuticals|"
    r"immunosuppressants?|rheumatologists?|rheums?|doctors?|specialists?|surgeons?|surgery|"
    r"surgeries|operations?|hospitals?|nephrologists?|dermatologists?|chemo|steroids|"
    r"prednisone|prednisolone|methotrexate|mtx|mycophenolate|cellcept|diltiazem|plaquenil|"
    r"hydroxychloroquine|nifedipine|amlodipine|infusions?|treatments?|bisphosphonates|"
    r"thiosulfate|thiosulphate|sts|dialysis|warfarin|colchicine|rituximab|ivig|"
    r"calcium\s+channel\s+blockers|blood\s+pressure\s+(?:tablets|pills|meds)|calcium\s+tablets"
)
_STOP_MED = fastre.compile(
    r"\b(?:(?:stop|quit|ditch|drop|bin|skip|cancel|avoid|refuse)\s+(?:taking\s+|using\s+|"
    r"seeing\s+|all\s+)?|throw\s+(?:away|out)\s+|"
    r"come\s+off\s+|get\s+off\s+|give\s+up\s+|forget\s+(?:about\s+)?|"
    r"don'?t\s+(?:take|bother\s+with|waste\s+(?:your\s+)?(?:time|money)\s+on)\s+|"
    r"you\s+(?:can|should)\s+(?:throw\s+away|stop|quit|ditch)\s+|no\s+need\s+for\s+(?:an?\s+)?|"
    r"(?:i|we)\s+(?:stopped|quit|ditched|dropped|binned|came\s+off|gave\s+up|threw\s+(?:away|out))"
    r"\s+(?:giving\s+(?:\w+\s+){1,2}|taking\s+|all\s+)?)"
    r"(?:all\s+)?(?:of\s+)?(?:your|the|those|these|that|their|my|any|our|her|his)?\s*"
    rf"(?:\w+\s+){{0,2}}?(?:{_MEDICAL_CARE})\b|"
    rf"\byou\s+don'?t\s+need\s+(?:your|a|any|the|to\s+see\s+(?:a|the|your))\s+(?:{_MEDICAL_CARE})\b|"
    r"\bnobody\s+needs\s+(?:surgery|drugs|meds|medication|doctors)\b|"
    r"\bstop\s+listening\s+to\s+(?:your\s+)?doctors?\b|"
    r"\bdon'?t\s+let\s+them\s+put\s+you\s+on\b|"
    r"\bdoctors?\s+(?:don'?t|do\s+not|won'?t)\s+want\s+you\s+to\s+know\b|"
    r"\bdoctors\s+are\s+(?:just\s+)?(?:selling|pushing|poisoning|lying|making\s+it\s+worse)\b|"
    r"\b(?:rheumatologists|doctors)\s+know\s+nothing\b|"
    r"\bi\s+don'?t\s+(?:go\s+to|see|need)\s+(?:the\s+)?(?:doctors?|rheumatologists?|hospitals?)\b|"
    r"\bthrew\s+(?:all\s+)?(?:mine|them|it\s+all)\s+(?:in|into)\s+the\s+bin\b|"
    r"\b(?:i'?m|i\s+am)\s+off\s+all\s+(?:my\s+)?(?:\w+\s+)?(?:meds|medications?|drugs|pills)\b|"
    r"\binstead\s+of\s+(?:the\s+)?(?:thiosulfate|surgery|meds|medication|drugs|steroids)\b",
    True,
)
_STOP_MED_NEGATED = fastre.compile(
    r"\b(?:don'?t|do\s+not|never|not|shouldn'?t|should\s+not|without|before|"
    r"told\s+(?:me|us|her|him)\s+to|said\s+to|advised\s+(?:me|us|her|him)\s+to|"
    r"wanted\s+(?:me|us|her|him)\s+to|suggested\s+(?:i|we|she|he)|would|wouldn'?t|"
    r"doctor\s+(?:had\s+)?(?:told|advised))\s*(?:\w+\s+){0,2}$",
    True,
)
_PITCH = fastre.compile(
    r"\b(?:order\s+(?:from|now|online|today|yours|it|them|here|through)|"
    r"buy\s+(?:now|it\s+(?:from|here|online)|them\s+(?:from|here|online)|from|online|here|yours)|"
    r"discount\s+code|promo\s+code|coupon|use\s+code|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text|contact|email|e-mail)\s+me\s+(?:for|to\s+(?:order|"
    r"buy|get)|if\s+you\s+(?:want|need)|and\s+i)|"
    r"i\s+(?:sell|make\s+and\s+sell|supply|distribute|ship|can\s+send\s+you)|"
    r"we\s+(?:sell|ship|supply|deliver|stock)|free\s+(?:shipping|delivery)|"
    r"ship(?:ping)?\s+worldwide|limited\s+(?:offer|time|stock)|while\s+stocks?\s+last|"
    r"special\s+(?:price|offer)|money\s+back|link\s+in\s+(?:my\s+)?(?:bio|profile)|"
    r"check\s+out\s+(?:my|our)\s+(?:website|site|shop|store|page)|"
    r"visit\s+(?:my|our)\s+(?:website|site|shop|store|page)|for\s+orders|to\s+place\s+an\s+order|"
    r"i\s+am\s+an?\s+(?:distributor|seller|supplier|rep|agent)|distributor\s+for|"
    r"get\s+your\s+(?:bottle|jar|kit|supply|pack)|say\s+goodbye\s+to|in\s+stock|"
    r"(?:per|a)\s+(?:bottle|jar|pack)|(?:costs?|price\s+is|only|it'?s)\s+(?:only\s+)?[$£€₹]\d+|"
    r"(?:a|get\s+a)\s+discount|half\s+price|price\s+list|(?:very\s+)?affordable|"
    r"message\s+me\s+(?:here|through|on|via)|i'?ll\s+(?:post|send|ship)\s+you|"
    r"sends?\s+(?:the\s+)?(?:medicine|remedy|powder|oil|pills)|i\s+buy\s+(?:mine|it|them)\s+"
    r"(?:here|from|at)|order\s+it|i'?m\s+selling|selling\s+(?:my|our|the)|"
    r"(?:home\s+)?delivery|livraison|je\s+vends|contactez|best\s+[$£€]\d+|"
    r"(?:do|offer|run)\s+(?:online\s+)?(?:sessions|consults?|consultations)|"
    r"online\s+consults?|posts?\s+(?:the\s+)?medicine)\b",
    True,
)
_GUARANTEE = fastre.compile(
    r"\b(?:guarantee[ds]?|100\s?%\s*(?:cure[ds]?|success|results?|effective|guaranteed|natural|"
    r"safe|works?|of\s+(?:cases|people|patients))|cured?\s+(?:me\s+)?100\s?%|"
    r"(?:works|worked)\s+for\s+(?:everyone|everybody|all|every\s+one)|never\s+fails|"
    r"works\s+every\s+time|it\s+works\s+every|no\s+side[\s\-]effects|permanent(?:ly)?\s+cure[sd]?|"
    r"cure[sd]?\s+(?:it\s+)?permanently|miracle\s+cure|proven\s+(?:to\s+)?(?:cure|dissolve|"
    r"reverse)|(?:cures?|cured)\s+(?:thousands|hundreds|everyone|many|every)|money\s+back|"
    r"i\s+promise|i\s+swear|living\s+proof|only\s+thing\s+that\s+(?:works|worked|cured)|"
    r"will\s+never\s+come\s+back|it\s+cured\s+me\s+and\s+it\s+will\s+cure\s+you|"
    r"all\s+(?:of\s+them\s+)?(?:are|were|got)\s+(?:cured|healed)|every\s+single\s+(?:one|patient|"
    r"person|client)|no\s+exceptions|\d{2}\s?%\s+success|success\s+rate|"
    r"(?:cured|healed)\s+(?:dozens|hundreds|thousands)|nobody\s+who\s+(?:\w+\s+){1,4}stays\s+sick|"
    r"(?:is|are)\s+the\s+cause\s+for\s+all\s+of\s+us|for\s+all\s+of\s+us)\b",
    True,
)
_RECOMMEND = fastre.compile(
    r"\b(?:you\s+(?:should|must|have\s+to|need\s+to|gotta|ought\s+to|got\s+to)\s+(?:\w+\s+)?"
    r"(?:try|use|take|start|do|get)|u\s+(?:should|must|have\s+to)\s+try|"
    r"(?:highly|strongly|really)\s+recommend|i\s+recommend|i\s+suggest|i\s+advise|"
    r"give\s+(?:it|them|this|that|the\s+[\w\s]{1,30}?|\w+(?:\s+\w+)?)\s+a\s+(?:try|go)|"
    r"(?:please|pls|plz|just|definitely|do|so)\s+try|^\W*try\s|"
    r"(?:everyone|everybody|anyone|people)\s+(?:with\s+[\w\s]{1,25}?\s+)?"
    r"(?:should|must|needs?\s+to)\s+(?:try|use|take|do)|must\s+try|swear\s+by|trust\s+me|"
    r"forget\s+(?:the\s+)?(?:doctors|surgery|hospital|what\s+the\s+doctors))\b",
    True,
)
_FIRST_PERSON = fastre.compile(
    r"\b(?:i|me|my|mine|we|our|us|mum|mom|mother|dad|father|husband|wife|son|daughter|"
    r"sister|brother|aunt|friend|she|he|her|his)\b",
    True,
)
_GENERIC_REMEDY = fastre.compile(
    r"\b(?:th(?:is|e|ese|ose)|his|her|my|our)\s+(?:\w+\s+)?(?:pills?|tea|oil|cream|balm|drops|"
    r"powder|remedy|remedies|tonic|tincture|capsules?|potion|protocol|product|formula|drink|"
    r"medicine|mixture|paste|soaks?|treatment|program(?:me)?|kit|supplement)\b",
    True,
)
_HEALTH_CONTEXT = fastre.compile(
    r"\b(?:calcinosis|calcium|deposits?|lumps?|scleroderma|crest|cure[ds]?|heal\w*|"
    r"dissolv\w*|treatment|remedy|remedies)\b",
    True,
)


# --------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    regex: re.Pattern[str]
    by_phrase: dict[str, TreatmentEntry]


def _phrase_key(phrase: str) -> str:
    return re.sub(r"[\s\-]+", " ", phrase.lower()).strip()


def compile_lexicon(treatments: Sequence[TreatmentEntry]) -> CompiledLexicon | None:
    by_phrase: dict[str, TreatmentEntry] = {}
    for entry in treatments:
        for phrase in (entry.name, *entry.synonyms):
            key = _phrase_key(phrase)
            if key and key not in by_phrase:
                by_phrase[key] = entry
    if not by_phrase:
        return None
    # Longest first, so "iv sodium thiosulfate" wins over "sodium thiosulfate".
    alternatives = sorted(by_phrase, key=len, reverse=True)
    body = "|".join(_lexicon_alternative(k) for k in alternatives)
    return CompiledLexicon(fastre.compile(f"(?:{body})", True), by_phrase)


def _lexicon_alternative(key: str) -> str:
    body = r"[\s\-]+".join(re.escape(part) for part in key.split(" "))
    # RE2's \b knows only ASCII word characters; add it only on such edges.
    left = r"\b" if fastre.is_word_char(key[0]) and key[0].isascii() else ""
    right = r"\b" if fastre.is_word_char(key[-1]) and key[-1].isascii() else ""
    return f"{left}{body}{right}"


_TRIGGER = fastre.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (_STRONG_EFFICACY, _WEAK_EFFICACY, _STOP_MED, _PITCH, _GUARANTEE, _RECOMMEND)
    ),
    True,
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_STATUS_WEIGHT = {"unproven": 0.85, "unspecified": 0.72, "investigational": 0.72}


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    treatments: list[TreatmentEntry]
    kind: str | None = None
    strength: float = 0.0
    explanation: str = ""
    needs_classifier_only: bool = False


def _negated_before(sentence: str, pos: int) -> bool:
    window = sentence[max(0, pos - 30) : pos]
    words = window.split()[-4:]
    return bool(_NEGATION.search(" ".join(words)))


def _efficacy(sentence: str) -> tuple[str, int] | None:
    """The first un-negated efficacy phrase and its position, if any."""
    for m in _STRONG_EFFICACY.finditer(sentence):
        if not _negated_before(sentence, m.start()):
            return m.group(), m.start()
    for m in _WEAK_EFFICACY.finditer(sentence):
        if _DEATH.search(sentence):
            continue
        inner = m.group()
        if _NEGATION.search(inner) or _negated_before(sentence, m.start()):
            continue
        return inner, m.start()
    return None


def _describe(entry: TreatmentEntry | None) -> tuple[str, str]:
    if entry is None:
        return "unspecified", "an unnamed remedy"
    return entry.status, entry.name


def analyse(
    text: str,
    lexicon: CompiledLexicon | None,
    classifier: ClaimsClassifier | Callable[[], ClaimsClassifier] | None,
    use_patterns: bool = True,
) -> list[RawFinding]:
    """Claim findings for ``text``; offsets are into ``text``.

    ``classifier`` may be a zero-argument callable, so the model is only built when a post
    actually has a candidate sentence.
    """
    # Same-length substitution keeps offsets valid while letting patterns see "didn't".
    if "\u2019" in text or "\u2018" in text or "\u02bc" in text:
        text = text.translate(_APOSTROPHES)
    hits = [m.start() for m in _TRIGGER.finditer(text)]
    mentions = list(lexicon.regex.finditer(text)) if lexicon is not None else []
    mentions = [m for m in mentions if not fastre.preceded_by(text, m.start(), "-")]
    if not hits and not mentions:
        return []
    spans = split_sentences(text)
    starts = [start for start, _ in spans]
    hit_sentences: set[int] = set()
    for pos in hits:
        i = bisect_right(starts, pos) - 1
        if i >= 0:
            hit_sentences.add(i)
    treatments: dict[int, list[TreatmentEntry]] = {}
    for m in mentions:
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            phrase = m.group()
            entry = lexicon.by_phrase.get(phrase.lower()) or lexicon.by_phrase[_phrase_key(phrase)]
            treatments.setdefault(i, []).append(entry)
            hit_sentences.add(i)

    # Pitches count only in posts about health, which on this forum is nearly all of them,
    # but not for "selling my old car" in an off-topic thread.
    post_has_treatment = (
        bool(treatments) or bool(_GENERIC_REMEDY.search(text)) or bool(_HEALTH_CONTEXT.search(text))
    )
    candidates: list[_Sentence] = []
    for i in sorted(hit_sentences):
        start, end = spans[i]
        s = _Sentence(start, end, text[start:end], treatments.get(i, []))
        previous = [treatments.get(j, ()) for j in range(max(0, i - 3), i)]
        _classify_sentence(s, previous, post_has_treatment)
        if s.kind is not None:
            candidates.append(s)

    out: list[RawFinding] = []
    if not candidates:
        return out
    if callable(classifier) and not hasattr(classifier, "predict"):
        classifier = classifier()
    probabilities = (
        classifier.predict([s.text for s in candidates]) if classifier is not None else None
    )
    for n, s in enumerate(candidates):
        prob = probabilities[n] if probabilities is not None else None
        if s.needs_classifier_only:
            if prob is None:
                continue
            out.append(
                RawFinding(
                    CLAIMS,
                    s.kind or "cure_claim",
                    s.start,
                    s.end,
                    prob,
                    "claims.classifier",
                    s.explanation,
                )
            )
            continue
        if not use_patterns:
            continue
        if prob is None:
            score, rule = s.strength, "claims.pattern"
        else:
            score, rule = s.strength * (0.5 + 0.5 * prob), "claims.pattern+classifier"
        out.append(
            RawFinding(
                CLAIMS, s.kind or "cure_claim", s.start, s.end, round(score, 4), rule, s.explanation
            )
        )
    return out


_FAMILY_PATTERNS = {
    "strong": _STRONG_EFFICACY,
    "weak": _WEAK_EFFICACY,
    "question": _QUESTION_START,
    "warning": _WARNING,
    "hedge": _HEDGE,
    "stop": _STOP_MED,
    "pitch": _PITCH,
    "guarantee": _GUARANTEE,
    "recommend": _RECOMMEND,
    "first_person": _FIRST_PERSON,
    "generic": _GENERIC_REMEDY,
    "health": _HEALTH_CONTEXT,
    "generalised": _GENERALISED,
}
_FAMILY_NAMES = tuple(_FAMILY_PATTERNS)


def _build_family_set():
    # One RE2 pass per sentence tells which families match; the individual patterns then
    # run only for the families present (the RE2 binding's per-call cost dominates here).
    family_set = fastre.compile_set([f"(?i:{p.pattern})" for p in _FAMILY_PATTERNS.values()])
    return family_set


_FAMILY_SET = _build_family_set()


def _families(sentence: str) -> frozenset[str]:
    return frozenset(_FAMILY_NAMES[i] for i in (_FAMILY_SET.Match(sentence) or ()))


def _classify_sentence(
    s: _Sentence, previous: list[Sequence[TreatmentEntry]], post_has_treatment: bool
):
    """Decide whether ``s`` is a candidate claim; fills kind/strength/explanation.
    ``previous`` holds the treatments named in each of the few sentences before it."""
    sentence = s.text
    fam = _families(sentence)
    question = "question" in fam or sentence.rstrip().endswith("?")
    warning = "warning" in fam
    hedged = "hedge" in fam

    own = [t for t in s.treatments if t.status != "established"]
    recent: list[TreatmentEntry] = []
    for named in reversed(previous):
        recent.extend(t for t in named if t.status != "established")
        if recent:
            break
    generic = "generic" in fam
    entry = (own or recent or [None])[0]
    established_only = bool(s.treatments) and not own
    status, name = _describe(entry)

    # 1. Advice to abandon medical care.
    if "stop" in fam and not question:
        stop = _STOP_MED.search(sentence)
        if (
            stop
            and not _STOP_MED_NEGATED.search(sentence[: stop.start()])
            and not (warning and not own)
        ):
            s.kind, s.strength = "stop_medication", 0.9
            s.explanation = f"tells readers to abandon medical care ('{stop.group().strip()}')"
            return

    if question or warning:
        return

    # 2. Selling something.
    if "pitch" in fam and (post_has_treatment or "health" in fam):
        pitch = _PITCH.search(sentence)
        if pitch:
            s.kind, s.strength = "product_pitch", 0.88
            what = f" ({name})" if entry is not None else ""
            s.explanation = f"sales pitch for a treatment{what}: '{pitch.group().strip()}'"
            return

    efficacy = _efficacy(sentence) if ("strong" in fam or "weak" in fam) else None
    has_remedy = bool(own or recent or generic)

    # 3. Guarantees.
    if "guarantee" in fam and (efficacy or own or generic):
        guarantee = _GUARANTEE.search(sentence)
        if guarantee and not _negated_before(sentence, guarantee.start()):
            s.kind, s.strength = "guarantee", 0.88
            s.explanation = f"guarantees results for {status} treatment ({name}): " + (
                f"'{guarantee.group().strip()}'"
            )
            return

    # 4. Efficacy assertions about a non-established treatment.
    if efficacy and not hedged:
        phrase = efficacy[0].strip()
        generalised = "generalised" in fam
        if not (established_only and not recent):
            told = "testimonial" if ("first_person" in fam and not generalised) else "claim"
            s.kind = "cure_claim"
            s.strength = _STATUS_WEIGHT.get(status, 0.72) if has_remedy else 0.66
            s.explanation = (
                f"{status} treatment ({name}) claimed to have '{phrase}' the disease ({told})"
            )
            return
        if established_only and re.search(r"\bcure", phrase, _I) and generalised:
            est = s.treatments[0].name
            s.kind, s.strength = "cure_claim", 0.6
            s.explanation = f"claims established treatment ({est}) '{phrase}' the disease"
            return

    # 5. Recommending an unproven treatment.
    if "recommend" in fam and own and not hedged:
        recommend = _RECOMMEND.search(sentence)
        if recommend:
            s.kind, s.strength = "cure_claim", 0.78
            s.explanation = f"recommends {status} treatment ({name}): '{recommend.group().strip()}'"
            return

    # 6. Nothing explicit, but a non-established treatment is named: let the classifier judge.
    if own and not hedged:
        s.kind = "cure_claim"
        s.needs_classifier_only = True
        s.explanation = f"{status} treatment ({name}) described as effective (classifier)"
