"""Treatment-claim detector: lexicon + patterns + sentence classifier.

Catches, per sentence (one sentence can make several kinds of claim, each reported):
  * cure claims and testimonials: an efficacy assertion ("cured", "dissolved", "reversed",
    "completely stopped", "got rid of", "removes calcium", "will clear it", "sorted me out",
    "is all you need", "not one lump left", "works a treat") about an unproven or
    investigational treatment named in the sentence or in the few sentences before it ("He
    gave some homeopathy pills ... it has completely stopped now");
  * guarantees ("guaranteed", "100% cure", "works for everyone", "or your money back",
    "never seen a case it didn't clear", "works for 99% of people", "will 100% clear",
    "results assured", "if it doesn't work, full refund");
  * advice to stop medical care ("stop taking your methotrexate", "throw away your meds",
    "you don't need your rheumatologist", "don't let them operate", "no need to keep going to
    hospital", "steroids are poison", "stop it and try the soaks instead" after a named drug,
    "chuck your pills in the bin", "say no to the surgery", "don't go for the operation",
    "doctors just want to sell you drugs", "the rheumy is only after your money");
    a first-person report of stopping ("I came off them all") only in a post that also
    claims a cure;
  * sales pitches ("order from", "buy now", "discount code", "DM me for", "I sell", "DM for
    price", "if you want to buy", "available at our store", "I'm a rep", "cash on delivery")
    in a post about a treatment; softer offers ("sign up", "book online", "I can post it", "my
    friend sells it") only next to a cure claim or a named unproven remedy; and contact
    details offered in a post that claims a cure (see :func:`pitch_from_contacts`);
  * recommendations of an unproven treatment ("you should try colloidal silver").
Must not catch: negated or failed treatments ("homeopathy didn't help"), questions ("is
chelation safe?", "should I stop diltiazem?"), warnings ("beware of miracle cures", "beware
of anyone who says stop your treatment", "there is no cure", "I wouldn't trust anything that
works for everyone"), hedged or reported advice ("my doctor said sodium thiosulfate may
help"), a clinician's own decision ("my doctor stopped my methotrexate"), someone else's
pressure the poster resisted ("my aunt kept pushing me to stop my pills"), established care
reported as experience ("surgical excision removed the deposit on my finger"), advice not to
stop medication ("don't stop your meds without asking your doctor", "don't chuck your pills,
talk to the rheumy"), a report or rebuttal of the profiteering line ("someone told me doctors
just want to sell drugs, which is rubbish"), a scam quoted in disbelief ("30 days or your
money back? sounds like a scam"), and ordinary offers in
posts without a claim (a fundraiser's "sign up", "I will send you the diet sheet", "our order
from the hospital pharmacy").

Every finding covers the sentence that makes the claim; its rule says what fired
("claims.pattern", "claims.pattern+classifier", "claims.classifier") and its explanation
names the treatment and its evidence status in plain words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import fastre
from .findings import RawFinding
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
            # _add_span, inlined for the usual sentence that needs no cutting.
            piece = text[start:end]
            rest = piece.lstrip()
            if rest:
                first = start + len(piece) - len(rest)
                last = first + len(rest.rstrip())
                if last - first > limit:
                    _add_span(text, first, last, spans, limit)
                else:
                    spans.append((first, last))
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
    r"(?:stop|disappear)|(?:will|can)\s+(?:cure|dissolve|reverse|heal|fix)|fix(?:ed)?\s+it|"
    # Removing or clearing the deposits themselves ("removes calcium from the body", "will
    # clear it completely", "melt calcium"): surgery also removes deposits, which is why an
    # established treatment alone never makes these a claim (see _classify_sentence).
    r"remov(?:e|es|ed|ing)\s+(?:all\s+)?(?:the\s+|their\s+|my\s+|your\s+|her\s+|his\s+)?"
    r"(?:calcium|calcinosis|deposits?|lumps?)|"
    r"(?:will|can|would)\s+(?:clear|remove|melt|eliminate|shrink|absorb)|"
    r"clear(?:s|ed)?\s+(?:it|them)\s+(?:completely|totally|up|away|for\s+good)|"
    r"melts?\s+(?:the\s+)?calcium|(?:completely|totally|fully)\s+(?:re)?absorbed|"
    r"sort(?:ed|s)?\s+(?:me|her|him|them|it)\s+out|(?:i'?m|am|is|was|are|now)\s+free\s+of\s+"
    r"(?:it|them)|(?:is|are)\s+all\s+you\s+need|(?:is|are)\s+the\s+only\s+(?:way|answer|thing)|"
    r"(?:is|was)\s+the\s+answer|dissout|gu[ée]ri[t]?|"
    # "not one lump left", "no deposits left"; "works, period", "works a treat".
    r"(?:not\s+(?:one|a\s+single)|no)\s+(?:lumps?|deposits?|bumps?|nodules?|calcium)\s+left|"
    r"(?:works|worked)\s*[,.!]*\s*(?:period|full\s+stop|a\s+treat))\b",
    True,
)
_WEAK_EFFICACY = fastre.compile(
    r"\b(?:calcium|calcinosis|deposits?|lumps?|bumps?|nodules?|growths?|ulcers?|sores?|"
    r"wounds?|fingers?|fingertips?|knuckles?|elbows?|knees?|toes?|feet|legs?|arms?|joints?|"
    r"hands?|skin|it|they|them|all|everything|scleroderma|crest|disease)\b"
    r"[^.!?\n]{0,40}?\b(?:gone|disappeared|vanished|went\s+away|go(?:es)?\s+away|"
    r"(?:will|would)\s+(?:go|vanish|disappear|dissolve|fall\s+off)|back\s+to\s+normal|"
    r"shrinks?|absorbed|"
    r"cleared(?:\s+up)?|clearing|healed|shr[au]nk|shrinking|stopped|dissolv\w*|reversed|clear|"
    r"smooth|flattened|smaller|half\s+the\s+size|closed|improved|"
    r"dropped\s+out|fell\s+off|crumbled(?:\s+away)?|fell\s+away|faded(?:\s+away)?|"
    r"dried\s+up|softened)\b",
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
    r"dodgy|shady|terrible\s+advice|bad\s+advice|don'?t\s+listen|ignore\s+(?:them|him|her)|"
    r"(?:would|will|could)(?:\s+not|n'?t)\s+trust|suspicious\s+of|distrust)\b",
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
    r"immunosuppressants?|rheumatologists?|rheums?|rheumy|rheumies|doctors?|specialists?|surgeons?|surgery|"
    r"surgeries|operations?|hospitals?|nephrologists?|dermatologists?|chemo|steroids|"
    r"prednisone|prednisolone|methotrexate|mtx|mycophenolate|cellcept|diltiazem|plaquenil|"
    r"hydroxychloroquine|nifedipine|amlodipine|infusions?|treatments?|bisphosphonates|"
    r"thiosulfate|thiosulphate|sts|dialysis|warfarin|colchicine|rituximab|ivig|"
    r"calcium\s+channel\s+blockers|blood\s+pressure\s+(?:tablets|pills|meds)|calcium\s+tablets|"
    r"allopath\w*\s+(?:medicines?|drugs|tablets|treatment)|english\s+medicines?|"
    r"hospital\s+(?:drugs|medicines?|meds|tablets)"
)
_STOP_MED = fastre.compile(
    r"\b(?:(?:stop|quit|ditch|drop|bin|chuck|dump|flush|skip|cancel|avoid|refuse|"
    r"get\s+rid\s+of)\s+"
    r"(?:taking\s+|using\s+|"
    r"seeing\s+|all\s+)?|throw\s+(?:away|out)\s+|"
    r"come\s+off\s+|get\s+off\s+|give\s+up\s+|forget\s+(?:about\s+)?|"
    r"don'?t\s+(?:take|bother\s+with|waste\s+(?:your\s+)?(?:time|money)\s+on)\s+|"
    r"you\s+(?:can|should)\s+(?:throw\s+away|stop|quit|ditch)\s+|no\s+need\s+for\s+(?:an?\s+)?|"
    r"(?:i|we)\s+(?:stopped|quit|ditched|dropped|binned|came\s+off|gave\s+up|threw\s+(?:away|out))"
    r"\s+(?:giving\s+(?:\w+\s+){1,2}|taking\s+|all\s+)?)"
    r"(?:all\s+)?(?:of\s+)?(?:your|the|those|these|that|their|my|any|our|her|his)?\s*"
    rf"(?:\w+\s+){{0,2}}?(?:{_MEDICAL_CARE})\b|"
    rf"\byou\s+(?:don'?t|do\s+not)\s+need\s+(?:(?:your|a|any|the|to\s+see\s+(?:a|the|your))\s+)?"
    rf"(?:of\s+(?:those|these|the|your)\s+)?(?:\w+\s+)?(?:{_MEDICAL_CARE})\b|"
    # "throw your medicines in the dustbin", "flush your meds down the toilet".
    r"\b(?:throw|chuck|toss|put|flush|dump)\s+(?:all\s+)?(?:your|the|those|these)\s+(?:\w+\s+)?"
    rf"(?:{_MEDICAL_CARE})\s+(?:in|into|down|away|out)\b|"
    r"\bleave\s+(?:the\s+|all\s+|your\s+)?(?:allopath\w*|english)\s+(?:medicines?|drugs|"
    r"tablets|treatment)\b|"
    rf"\bsay\s+no\s+to\s+(?:the\s+|your\s+|any\s+|all\s+)?(?:\w+\s+)?(?:{_MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:go\s+for|agree\s+to|consent\s+to)\s+(?:the|that|an?|any|"
    rf"your)\s+(?:\w+\s+)?(?:{_MEDICAL_CARE})\b|"
    # Casting doctors as profiteers: "doctors just want to sell you drugs".
    r"\b(?:doctors?|rheumatologists?|rheumy|rheums?|specialists?|hospitals?|they|pharma|"
    r"big\s+pharma)\s+(?:is\s+|are\s+)?(?:just|only)\s+(?:want\s+(?:to\s+sell\s+you|your\s+money|"
    r"to\s+make\s+money)|after\s+(?:your\s+)?money|in\s+it\s+for\s+(?:the\s+)?money)\b|"
    r"\bnobody\s+needs\s+(?:surgery|drugs|meds|medication|doctors)\b|"
    r"\bstop\s+listening\s+to\s+(?:your\s+)?doctors?\b|"
    r"\bdon'?t\s+let\s+them\s+put\s+you\s+on\b|"
    r"\bdoctors\s+are\s+(?:just\s+)?(?:poisoning|making\s+it\s+worse)\b|"
    r"\b(?:rheumatologists|doctors)\s+know\s+nothing\b|"
    r"\bi\s+don'?t\s+(?:go\s+to|see|need)\s+(?:the\s+)?(?:doctors?|rheumatologists?|hospitals?)\b|"
    r"\bthrew\s+(?:all\s+)?(?:mine|them|it\s+all)\s+(?:in|into)\s+the\s+bin\b|"
    r"\b(?:i'?m|i\s+am)\s+off\s+all\s+(?:my\s+)?(?:\w+\s+)?(?:meds|medications?|drugs|pills)\b|"
    r"\binstead\s+of\s+(?:the\s+)?(?:thiosulfate|surgery|meds|medication|drugs|steroids)\b|"
    # Turning readers away from their doctors or treatment without naming a drug.
    r"\b(?:stop|quit)\s+wasting\s+(?:your\s+)?(?:time|money)\s+(?:with|on)\s+(?:the\s+|your\s+)?"
    rf"(?:\w+\s+)?(?:{_MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:go\s+back\s+to|listen\s+to|trust(?:ed)?|waste\s+(?:your\s+)?"
    r"(?:time|money)\s+(?:with|on))\s+(?:that|the|your|those|these|any)?\s*(?:\w+\s+)?"
    rf"(?:{_MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+let\s+(?:them|the\s+(?:doctors?|surgeons?|hospital))\s+"
    r"(?:amputate|operate|cut|put\s+(?:you|her|him)\s+on|give\s+(?:you|her|him)|"
    r"talk\s+you\s+into)\b|"
    r"\bif\s+(?:your|the)\s+(?:doctor|rheumatologist|specialist|surgeon|gp)\s+"
    r"(?:says|suggests|recommends|wants)\b[^.!?\n]{0,30}?\b(?:run|refuse|say\s+no|walk\s+away)\b|"
    r"\bno\s+need\s+(?:for|to)\s+(?:keep\s+)?(?:going\s+to\s+|seeing\s+|taking\s+|having\s+|"
    r"see\s+|take\s+|have\s+)?(?:an?\s+|the\s+|your\s+|any\s+|those\s+|more\s+)?"
    rf"(?:\w+\s+){{0,2}}?(?:{_MEDICAL_CARE})\b|"
    rf"\b(?:{_MEDICAL_CARE}|allopathy|pharma)\s+(?:is|are)\s+(?:just\s+|pure\s+|basically\s+)?"
    r"(?:slow\s+)?(?:poison|poisonous|toxic)\b|"
    r"\b(?:they|the\s+(?:drugs|meds|pills|tablets|medicines?))\s+(?:only|just)\s+make\s+"
    r"(?:you|the\s+body|it|things|her|him)\s+(?:weak|weaker|worse|sicker)\b",
    True,
)
# "Stop it and try the soaks instead", "I came off them all": the drug is named only in
# the sentences before, so these count only when medical care is mentioned nearby.
_STOP_PRONOUN = fastre.compile(
    r"\b(?:(?:stop|quit|ditch|bin|come\s+off|get\s+off|throw\s+away|"
    r"(?:don'?t|do\s+not|never)\s+bother\s+with)\s+(?:taking\s+|using\s+)?|"
    r"(?:i|we|she|he)\s+(?:stopped|quit|ditched|binned|came\s+off|got\s+off|threw\s+away)\s+"
    r"(?:taking\s+)?)(?:it|them|those|these)(?:\s+all)?\b(?:\s+(?:and|&)\s+(?:try|use|take|do))?",
    True,
)
_CARE_MENTION = fastre.compile(rf"\b(?:{_MEDICAL_CARE}|drug|pill|tablet|medicine)\b", True)
# A clinician's own decision or advice, reported: "my doctor stopped my methotrexate",
# "the rheumatologist said to come off the steroids".
_CLINICIAN_REPORT = fastre.compile(
    r"\b(?:doctor|doc|rheumatologist|rheum|dermatologist|specialist|consultant|gp|surgeon|"
    r"nurse|nephrologist|team|hospital)s?\s+(?:has\s+|had\s+|have\s+)?(?:stopped|said|says|"
    r"told|advised|agreed|decided|wanted|wants|suggested|took|switched|reduced|tapered|"
    r"weaned)\b",
    True,
)
_STOP_MED_NEGATED = fastre.compile(
    r"\b(?:don'?t|do\s+not|never|not|shouldn'?t|should\s+not|without|before|"
    r"told\s+(?:me|us|her|him)\s+to|said\s+to|advised\s+(?:me|us|her|him)\s+to|"
    r"wanted\s+(?:me|us|her|him)\s+to|suggested\s+(?:i|we|she|he)|would|wouldn'?t|"
    r"doctor\s+(?:had\s+)?(?:told|advised)|"
    # Someone else pushing the poster ("kept pushing me to stop my pills"), or the poster
    # asking or weighing it ("should I stop", "thinking about coming off").
    r"(?:pushing|pushed|urging|urged|telling|pressur\w+|nagging|begging|wants|want)\s+"
    r"(?:me|us|her|him|them)\s+to|(?:should|can|could|shall|must)\s+(?:i|we|she|he|they)|"
    r"whether\s+(?:to|i|we)|if\s+(?:i|we)\s+(?:should|can|could)|thinking\s+(?:of|about)|"
    r"considering|wondering|afraid\s+to|scared\s+to)\s*(?:\w+\s+){0,2}$",
    True,
)
_PITCH = fastre.compile(
    r"\b(?:order\s+(?:from|now|online|today|yours|it|them|here|through|via|direct)|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text|call|email)\s+(?:me\s+|us\s+)?for\s+(?:the\s+)?"
    r"(?:price|prices|pricing|rates|cost|orders?)|"
    r"if\s+(?:you|anyone|u)\s+(?:want|wants|would\s+like|wish)\s+to\s+(?:buy|order|purchase)|"
    r"available\s+(?:at|from|in)\s+(?:our|my)\s+(?:store|shop|outlet|pharmacy|website|site)|"
    r"(?:i'?m|i\s+am)\s+an?\s+(?:independent\s+)?(?:distributor|seller|supplier|rep|agent|"
    r"ambassador)|cash\s+on\s+delivery|"
    # A price and an invitation to message in one sentence; buying "on our website".
    r"(?:for|at|only|just|costs?|price|is)\s+[$£€₹]\s?\d+[^.!?\n]{0,40}\b(?:dm|pm|inbox|message|"
    r"msg|whatsapp|text)\s+me|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text)\s+me\b[^.!?\n]{0,40}[$£€₹]\s?\d+|"
    r"(?:order|buy|purchase)\b[^.!?\n]{0,40}\b(?:on|from|via|through|at)\s+(?:our|my)\s+"
    r"(?:website|site|shop|store|page)|"
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
# Offers that are a sales pitch only in a post that also claims a cure: "sign up", "book
# online", "I will send you" and "a good price" are as often a fundraiser, a clinic's
# booking page or a diet sheet between patients.
_PITCH_SOFT = fastre.compile(
    r"\b(?:"
    r"(?:who|he|she|they|friend|man|woman|lady|guy|seller)\s+sells?|"
    r"sells?\s+(?:it|them|these|those|the\s+\w+)|"
    r"(?:will|can|'ll|could)\s+(?:courier|post|ship|deliver|send)\s+(?:it|them|you|the)|"
    r"(?:does|offers|runs)\s+(?:online\s+)?(?:sessions|consults?|consultations|zoom|video)|"
    r"book\s+(?:at|now|online|here|your|a\s+(?:free\s+)?(?:consult\w*|session|appointment))|"
    r"sign\s+up|register\s+(?:at|here|now|today)|free\s+(?:consult\w*|sessions?|samples?|"
    r"trial)|first\s+(?:session|consult\w*)\s+(?:is\s+)?free|(?:my|our|the)\s+fees|pricing|"
    r"(?:a|the|big|special|good)\s+discount|(?:good|great|best|low|special)\s+price|"
    r"(?:i|we)\s+have\s+(?:a|some)\s+(?:\w+\s+)?(?:kits?|supplier|supply|stock|bottles)|"
    r"if\s+(?:anyone|anybody|you)\s+wants?\s+(?:one|some|any)|"
    r"tell\s+you\s+(?:where|how)\s+to\s+(?:get|buy|order)|"
    r"you\s+can\s+(?:get|buy|order)\s+(?:it|them|one|some)|"
    r"(?:on|from)\s+(?:amazon|ebay|etsy|aliexpress)|happy\s+customers|(?:my|our)\s+customers|"
    r"(?:i|we)\s+(?:now\s+)?(?:coach|mentor)|not\s+available\s+in\s+(?:stores|shops))\b",
    True,
)
# Promises explicit enough to stand without the treatment named in the same sentence.
_EXPLICIT_GUARANTEE = fastre.compile(
    r"\b(?:guarantee[ds]?|refund|money[\s\-]back|money\s+(?:returned|refunded)|"
    r"works?\s+(?:for|on)\s+(?:everyone|everybody|anyone|anybody|all|every\s+single))\b",
    True,
)
# "Our order from the pharmacy": "order" as a noun is a report, not an invitation to buy.
_ORDER_NOUN = re.compile(r"\b(?:my|our|the|an?|her|his|their|your|first|last)\s*$", re.I)
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
    r"(?:is|are)\s+the\s+cause\s+for\s+all\s+of\s+us|for\s+all\s+of\s+us|"
    r"(?:works?|worked)\s+for\s+(?:anyone|anybody|every\s+single)|"
    r"(?:all|everyone|everybody)\s+(?:gets?|got|get\s+better|are|were)\s+(?:cured|healed|better)|"
    r"(?:full|money[\s\-]back)\s+refund|or\s+(?:your\s+)?money\s+back|100\s?%\s+sure|"
    r"never\s+seen\s+(?:a|one)\s+(?:case|patient|person)\s+(?:\w+\s+){0,4}(?:didn'?t|did\s+not|"
    r"that\s+didn'?t|it\s+didn'?t|couldn'?t)|(?:always|every\s+time)\s+works|"
    r"works?\s+(?:for|on|in)\s+(?:9\d|100)\s?(?:%|percent|per\s+cent)|"
    r"(?:9\d|100)\s?(?:%|percent|per\s+cent)\s+of\s+(?:people|patients|cases|users|sufferers)|"
    r"(?:will\s+)?100\s?(?:%|percent|per\s+cent)\s+(?:clear|cure|dissolve|work|remove|heal|fix)|"
    r"works?\s+(?:on|with)\s+(?:everyone|everybody|anyone|anybody)|"
    r"works\s+every\s+(?:single\s+)?time|never\s+(?:failed|let\s+(?:anyone|anybody|me)\s+down)|"
    r"(?:no\s*one|nobody|not\s+one\s+person)\s+has\s+(?:ever\s+)?(?:failed|been\s+disappointed)|"
    r"(?:results?|success|recovery|cure)\s+(?:is\s+|are\s+)?(?:assured|certain)|"
    r"(?:assured|certain)\s+(?:results?|cure|success)|money\s+(?:returned|refunded)|"
    r"or\s+(?:we|i)\s+(?:will\s+)?refund|refund\s+(?:you|your))\b",
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
    r"mix|blend|spray|salve|ointment|gel|lotion|herbs|juice|course|cleanse|"
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


_SEPARATORS = re.compile(r"[\s\-]+")
_CURE_WORD = re.compile(r"\bcure", _I)


def _phrase_key(phrase: str) -> str:
    return _SEPARATORS.sub(" ", phrase.lower()).strip()


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
        for p in (
            _STRONG_EFFICACY,
            _WEAK_EFFICACY,
            _STOP_MED,
            _STOP_PRONOUN,
            _PITCH,
            _PITCH_SOFT,
            _GUARANTEE,
            _RECOMMEND,
        )
    ),
    True,
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_STATUS_WEIGHT = {"unproven": 0.85, "unspecified": 0.72, "investigational": 0.72}
# Kinds that assert the treatment works; a post making one turns nearby reports of
# stopping care, and contact details offered without a named practitioner, into claims too.
_EFFICACY_KINDS = frozenset(["cure_claim", "guarantee"])


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    treatments: list[TreatmentEntry]
    # (kind, strength, explanation) for each kind of claim the patterns found here.
    kinds: list[tuple[str, float, str]] = field(default_factory=list)
    # Readings that count only if the post also claims a cure (see analyse).
    conditional: list[tuple[str, float, str]] = field(default_factory=list)
    # Set when no pattern fired but an unproven treatment is named: the classifier judges.
    classifier_only: str = ""


# "if it doesn't work, full refund": the negation is the condition of a promise.
_IF_FAILS = re.compile(
    r"\b(?:if|unless)\s+(?:\w+\s+){0,3}?(?:doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|"
    r"fails?\s+to|won'?t|isn'?t)\s+(?:\w+\s*){0,3}[,;\-\u2013]?\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)


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


def _quote(phrase: str) -> str:
    """The words that fired, on one line, for an explanation."""
    return " ".join(phrase.split())


def _describe(entry: TreatmentEntry | None) -> str:
    """How a moderator reads the treatment: "homeopathy (an unproven treatment)"."""
    if entry is None:
        return "an unnamed remedy"
    return f"{entry.name} (an {entry.status} treatment)"


def analyse(
    text: str,
    lexicon: CompiledLexicon | None,
    classifier: ClaimsClassifier | Callable[[], ClaimsClassifier] | None,
    use_patterns: bool = True,
) -> list[RawFinding]:
    """Claim findings for ``text``; offsets are into ``text``.

    ``classifier`` may be a zero-argument callable, so the model is only built when a post
    actually has a candidate sentence.  One sentence can make several kinds of claim ("our
    tea dissolves deposits, 100% guaranteed, order now"); each kind is its own finding.
    """
    # Same-length substitution keeps offsets valid while letting patterns see "didn't".
    if "\u2019" in text or "\u2018" in text or "\u02bc" in text:
        text = text.translate(_APOSTROPHES)
    hits = [m.span() for m in _TRIGGER.finditer(text)]
    mentions = list(lexicon.regex.finditer(text)) if lexicon is not None else []
    mentions = [m for m in mentions if not fastre.preceded_by(text, m.start(), "-")]
    if not hits and not mentions:
        return []
    spans = split_sentences(text)
    starts = [start for start, _ in spans]
    hit_sentences: set[int] = set()
    # Sentences under a trigger match: where it starts, and any it runs on into (over a
    # newline), since that match may hide one that starts there.
    covered: set[int] = set()
    last = len(spans) - 1
    for pos, end in hits:
        i = bisect_right(starts, pos) - 1
        if i >= 0:
            hit_sentences.add(i)
            covered.add(i)
            while i < last and end > spans[i][1] and spans[i + 1][0] < end:
                i += 1
                covered.add(i)
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
        if i not in covered and all(t.status == "established" for t in treatments[i]):
            # Only established treatments named and no claim wording: every kind needs a
            # trigger match or a non-established treatment, so there is nothing to find.
            continue
        start, end = spans[i]
        s = _Sentence(start, end, text[start:end], treatments.get(i, []))
        previous = [treatments.get(j, ()) for j in range(max(0, i - 3), i)]
        before = text[spans[max(0, i - 2)][0] : start]
        _classify_sentence(s, previous, post_has_treatment, before)
        if s.kinds or s.conditional or s.classifier_only:
            candidates.append(s)
    if not candidates:
        return []
    # A report of stopping care ("I came off them all") or a soft offer ("sign up", "I can
    # send it") is a claim only in a post that also credits a treatment with a cure; on its
    # own it is someone's history or an ordinary offer of help.
    claims_cure = any(k[0] in _EFFICACY_KINDS for s in candidates for k in s.kinds)
    for s in candidates:
        if s.conditional and claims_cure:
            have = {k[0] for k in s.kinds}
            s.kinds.extend(k for k in s.conditional if k[0] not in have)
    candidates = [s for s in candidates if s.kinds or s.classifier_only]

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
        if not s.kinds:
            if prob is not None:
                out.append(
                    RawFinding(
                        CLAIMS,
                        "cure_claim",
                        s.start,
                        s.end,
                        prob,
                        "claims.classifier",
                        s.classifier_only,
                    )
                )
            continue
        if not use_patterns:
            continue
        for kind, strength, explanation in s.kinds:
            if prob is None:
                score, rule = strength, "claims.pattern"
            else:
                score, rule = strength * (0.5 + 0.5 * prob), "claims.pattern+classifier"
            out.append(RawFinding(CLAIMS, kind, s.start, s.end, round(score, 4), rule, explanation))
    return out


def pitch_from_contacts(
    text: str, claims: Sequence[tuple[str, int, int]], contacts: Sequence[tuple[int, int]]
) -> RawFinding | None:
    """A sales pitch made by giving contact details in a post that claims a cure.

    ``claims`` are the (kind, start, end) of the claim findings kept for ``text`` and
    ``contacts`` the spans of the phone numbers, e-mails, websites and handles found in it.
    Someone who credits a remedy with a cure and adds "text me on 07..." or a shop address
    is selling it.  The caller leaves out posts that name a practitioner for contact: a
    recommended doctor's phone number is a referral (reported as such), not a pitch.
    Returns one finding covering the sentence that holds the first contact detail, or None.
    """
    if not contacts or not any(kind in _EFFICACY_KINDS for kind, _, _ in claims):
        return None
    if any(kind == "product_pitch" for kind, _, _ in claims):
        return None
    c_start = min(start for start, _ in contacts)
    for start, end in split_sentences(text):
        if start <= c_start < end:
            return RawFinding(
                CLAIMS,
                "product_pitch",
                start,
                end,
                0.75,
                "claims.pattern",
                "sales pitch: contact details offered in a post claiming a cure",
            )
    return None


_FAMILY_PATTERNS = {
    "strong": _STRONG_EFFICACY,
    "weak": _WEAK_EFFICACY,
    "question": _QUESTION_START,
    "warning": _WARNING,
    "hedge": _HEDGE,
    "stop": _STOP_MED,
    "stop_pronoun": _STOP_PRONOUN,
    "pitch": _PITCH,
    "pitch_soft": _PITCH_SOFT,
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
_FIRST_PERSON_STOP = re.compile(r"^(?:i|we|she|he)(?:'m|\s+am)?\s", re.IGNORECASE)


def _families(sentence: str) -> frozenset[str]:
    return frozenset(_FAMILY_NAMES[i] for i in (_FAMILY_SET.Match(sentence) or ()))


def _stop_advice(sentence: str, before: str) -> tuple[str, bool] | None:
    """The first phrase telling readers to drop medical care that is not negated, asked or
    reported from a clinician, and whether it is only a first-person report ("I stopped my
    meds"), which is a claim only in a post that also claims a cure."""
    for regex in (_STOP_MED, _STOP_PRONOUN):
        for m in regex.finditer(sentence):
            prefix = sentence[: m.start()]
            if _STOP_MED_NEGATED.search(prefix) or _CLINICIAN_REPORT.search(prefix):
                continue
            phrase = _quote(m.group())
            if regex is _STOP_PRONOUN and not (
                _CARE_MENTION.search(before) or _CARE_MENTION.search(prefix)
            ):
                continue
            if _NEGATIVE_IMPERATIVE.match(phrase) and _SUBJECT_END.search(prefix):
                # "I don't take any meds now": a report about oneself, not an instruction.
                return phrase, True
            return phrase, bool(_FIRST_PERSON_STOP.match(phrase))
    return None


_NEGATIVE_IMPERATIVE = re.compile(r"^(?:don'?t|do\s+not|never)\b", re.IGNORECASE)
_SUBJECT_END = re.compile(
    r"\b(?:i|we|she|he|they|mum|mom|dad|(?:my|our)\s+\w+)(?:\s+(?:just|now|still|also|"
    r"really|honestly))?\s*$",
    re.IGNORECASE,
)


def _classify_sentence(
    s: _Sentence,
    previous: list[Sequence[TreatmentEntry]],
    post_has_treatment: bool,
    before: str = "",
):
    """Decide which kinds of claim ``s`` makes; fills kinds / conditional_stop /
    classifier_only.  ``previous`` holds the treatments named in each of the few sentences
    before it and ``before`` is the text of the two sentences before it."""
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
    desc = _describe(entry)
    kinds = s.kinds

    # 1. Advice to abandon medical care.  A warning about such advice ("beware of anyone
    # who says stop your treatment") is not advice, unless the sentence also pushes a remedy.
    if ("stop" in fam or "stop_pronoun" in fam) and not question and not (warning and not own):
        stop = _stop_advice(sentence, before)
        if stop is not None:
            phrase, report_only = stop
            found = ("stop_medication", 0.9, f"tells readers to abandon medical care: '{phrase}'")
            if report_only:
                s.conditional.append(
                    (
                        "stop_medication",
                        0.85,
                        f"reports abandoning medical care while crediting a remedy: '{phrase}'",
                    )
                )
            else:
                kinds.append(found)

    if question or warning:
        return

    # 2. Selling something.
    what = desc if entry is not None else "a treatment"
    if "pitch" in fam and (post_has_treatment or "health" in fam):
        for pitch in _PITCH.finditer(sentence):
            if pitch.group()[:5].lower() == "order" and _ORDER_NOUN.search(
                sentence[: pitch.start()]
            ):
                continue
            kinds.append(
                ("product_pitch", 0.88, f"sales pitch for {what}: '{_quote(pitch.group())}'")
            )
            break
    if "pitch_soft" in fam and not any(k[0] == "product_pitch" for k in kinds):
        pitch = _PITCH_SOFT.search(sentence)
        if pitch:
            offer = ("product_pitch", 0.85, f"sales pitch for {what}: '{_quote(pitch.group())}'")
            # Selling a named unproven remedy is a pitch by itself; otherwise only next
            # to a cure claim.
            (kinds if own else s.conditional).append(offer)

    efficacy = _efficacy(sentence) if ("strong" in fam or "weak" in fam) else None
    has_remedy = bool(own or recent or generic)

    # 3. Guarantees: in a post about a treatment, "works for everyone", "guaranteed" and
    # "100% results" promise results even in a sentence that does not repeat its name.
    if "guarantee" in fam and (
        efficacy or own or generic or (post_has_treatment and _EXPLICIT_GUARANTEE.search(sentence))
    ):
        for guarantee in _GUARANTEE.finditer(sentence):
            prefix = sentence[: guarantee.start()]
            if not _negated_before(sentence, guarantee.start()) or _IF_FAILS.search(prefix):
                kinds.append(
                    (
                        "guarantee",
                        0.88,
                        f"guarantees results for {desc}: '{_quote(guarantee.group())}'",
                    )
                )
                break

    # 4. Efficacy assertions about a non-established treatment.
    if efficacy and not hedged:
        phrase = _quote(efficacy[0])
        generalised = "generalised" in fam
        if not (established_only and not recent):
            if "first_person" in fam and not generalised:
                explanation = f"testimonial crediting {desc} with a cure: '{phrase}'"
            else:
                explanation = f"claims {desc} cures or reverses the disease: '{phrase}'"
            strength = _STATUS_WEIGHT.get(entry.status if entry else "unspecified", 0.72)
            kinds.append(("cure_claim", strength if has_remedy else 0.66, explanation))
            return
        if established_only and _CURE_WORD.search(phrase) and generalised:
            est = s.treatments[0].name
            kinds.append(
                (
                    "cure_claim",
                    0.6,
                    f"claims that {est}, a standard treatment, cures the disease: '{phrase}'",
                )
            )
            return

    # 5. Recommending an unproven treatment.
    if "recommend" in fam and own and not hedged:
        recommend = _RECOMMEND.search(sentence)
        if recommend:
            kinds.append(("cure_claim", 0.78, f"recommends {desc}: '{_quote(recommend.group())}'"))
            return

    # 6. Nothing explicit, but a non-established treatment is named: let the classifier judge.
    if own and not hedged and not kinds:
        s.classifier_only = (
            f"describes {desc} as effective (no explicit claim wording; judged by the "
            "claims classifier)"
        )
