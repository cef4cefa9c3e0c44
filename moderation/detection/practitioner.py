"""Named practitioner offered for contact.

Catches: a titled name together with a solicitation in the imperative or addressed to the
reader: "pls call him Dr.P.Krishna Choudary", "contact Dr. Rao", "you should visit Dr Shah
at his clinic", "ask for Dr Mehta", "I highly recommend you see Prof. Denton", and pronoun
forms ("you can reach him", "contact her") when a titled name is close by, a solicitation
after the name ("Doctor Mehta in Andheri is the one you should consult"), and "try Dr X",
"look up Dr X", "I'd recommend Prof. Y".

Also catches a practitioner named without a title in a solicitation that starts a clause,
when the rest of the sentence says who they are and that they treat: "go and see Rekha at
the Ayurveda centre, she sorted my hands", "ask for Vijay, he's the owner of the herbal
shop", "book in with Sarah Mitchell, a naturopath in Bondi".

Also catches a named practitioner next to a contact detail found by the other detectors
("Dr. Nowak's clinic line is 020 ...", "our healer Mama Nandi ... call 072 ...", "ring her
on ..., her name is Gwen" when the words around speak of treating).

Must not catch: a doctor's name alone ("Dr Smith said my calcium was normal"), past or
first-person reports ("I called Dr Patel", "we went to see Dr Lee"), or generic advice
with no name ("call your doctor", "see a dermatologist", "ask your rheumatologist").
Without a title it must not catch family ("call Mum, she knows a healer"), places ("visit
Kerala, the Ayurveda centres are great"), first-person reports ("I went to see Rekha at the
centre"), people with no treating role ("ask for Jo, she runs the support group"), products
("try Dr Bronner's soap") or a practitioner the post warns against.
Next to a contact detail, it must not catch an addressee ("Mrs Edna Price, 14 Mill Lane"), a
group organiser or the poster ("ask for Jo"), or a practitioner the post warns against.

What a finding covers, so that redacting it leaves nothing to go on: the name with its title
("Vaidya R. Menon", "Dr. S. K. Verma") and the request to contact, as one span when they are
in the same sentence ("Dr Rao is wonderful, ask for him"), else as two findings; and every
other titled mention of the same practitioner ("Prof. Hartmann ... call Dr Hartmann").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import fastre
from .findings import RawFinding
from .types import CONTACT

_TITLE = (
    r"(?:Dr|Doctor|Doc|Prof|Professor|Vaidya|Vaid|Hakim|Hakeem|Swami|Acharya|Guruji|Guru|"
    r"Mr|Mrs|Ms|Mama|Baba|Pir|Sheikh|Shaykh|Maulana|Pastor|Prophet|Sangoma|"
    r"Heilpraktiker|Heilpraktikerin)"
)
# Titles that are also ordinary words ("my mama", "Doc Martens" aside): these need a
# capitalised name after them wherever they are used.
_WORD_TITLES = frozenset(["mama", "baba", "guru", "pastor", "prophet", "mr", "mrs", "ms", "pir"])
_NAME_TOKEN = r"(?:\pL\.\s?){0,3}\pL[\pL'\-]{1,20}"  # \pL: any letter, "Élise"
_TITLED_NAME = fastre.compile(
    rf"\b{_TITLE}\b\.?\s{{0,2}}(?P<name>{_NAME_TOKEN}(?:[ \t]{{1,2}}{_NAME_TOKEN}){{0,2}})",
    True,
)
_LEAD = (
    r"(?:(?:pls|plz|please|kindly|just|so|then|do|and|or|definitely|must|"
    r"you\s+(?:can|could|should|must|may|might\s+want\s+to|need\s+to|have\s+to|ought\s+to)|"
    r"u\s+(?:can|could|should|must)|"
    r"i\s+(?:would\s+)?(?:highly\s+|strongly\s+|really\s+)?(?:recommend|suggest|advise|urge)"
    r"(?:\s+(?:that\s+)?(?:you|u|everyone|anyone))?(?:\s+to)?|"
    r"(?:everyone|anyone|any\s+one|people)\s+(?:can|should|could|must)|"
    r"feel\s+free\s+to|try\s+(?:and|to)|go\s+and|better)\s+){0,2}"
)
_VERB = (
    r"(?:call|contact|consult|visit|see|ring|phone|reach(?:\s+out\s+to)?|ask\s+for|email|"
    r"e-mail|write\s+to|message|text|whatsapp|get\s+in\s+touch\s+with|meet|"
    r"book\s+(?:an\s+appointment\s+)?with|make\s+an\s+appointment\s+with|go\s+to|"
    r"book\s+in\s+with|look\s+up|try|recommend|speak\s+(?:to|with)|talk\s+to)"
)
_SOLICIT = fastre.compile(rf"{_LEAD}\b{_VERB}\b", True)
_PRONOUN = re.compile(r"^[ \t,:\-]{0,3}(?:him|her|them)\b", re.IGNORECASE)
# A solicitation aimed at someone: a pronoun or a title right after it ("call him", "see
# Dr ...").  Every solicitation find_practitioners acts on has one; the pre-check uses it.
# The gap class is _GAP's: Python's \s, which also holds Unicode spaces RE2's does not.
_PY_SPACE = (
    r"\s\x0b\x1c-\x1f\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
SOLICIT_AIMED = fastre.compile(
    rf"\b{_VERB}\b(?:[ \t,:\-]{{0,3}}(?:him|her|them)\b|[{_PY_SPACE},:\-]{{0,4}}\b{_TITLE}\b)",
    True,
)
_CLAUSE_START = re.compile(
    r"(?:^|[.!?;:,()\n\-]|\b(?:and|so|then|or|pls|please|plz|kindly|just|must|if\s+you|"
    r"who\s+can|definitely|(?:advice|suggestion|tip)\s+(?:is|would\s+be)(?:\s+to)?|"
    r"if\s+you'?(?:re|\s+are)\s+(?:anywhere\s+)?(?:in|near|around|from)\s+\w+(?:\s+\w+)?))\s*$",
    re.IGNORECASE,
)
_GAP = re.compile(r"^[\s,:\-]{0,4}")
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "your",
        "my",
        "his",
        "her",
        "our",
        "their",
        "this",
        "that",
        "who",
        "which",
        "about",
        "and",
        "or",
        "if",
        "to",
        "for",
        "at",
        "in",
        "on",
        "of",
        "or",
        "is",
        "was",
        "says",
        "said",
        "told",
        "who's",
        "today",
        "tomorrow",
        "again",
        "soon",
        "first",
        "immediately",
        "asap",
        "yourself",
        "itself",
        "right",
        "now",
        "there",
        "here",
        "someone",
        "anyone",
        "specialist",
        "visit",
        "appointment",
        "office",
        "immediately",
        "before",
        "after",
        "when",
        "because",
        "since",
        "him",
        "them",
        "it",
        "me",
        "us",
        "you",
    ]
)


_INITIALS = re.compile(r"^(?:[a-z]\.\s?)+")


_TOKENS = re.compile(r"\S+")


def _valid_name(name: str) -> tuple[str, int] | None:
    """Trim a candidate name to words that can be part of a name: the name, and how many
    characters of ``name`` it takes as written ("S. K. Verma" is 11, not "S K Verma"'s 9);
    None if nothing is left."""
    kept: list[str] = []
    length = 0
    for tok_match in _TOKENS.finditer(name):
        tok = tok_match.group()
        bare = tok.strip(".,").lower()
        letters = _INITIALS.sub("", bare)
        if bare in _NOT_NAMES or letters in _NOT_NAMES:
            break
        if kept and tok[0].islower():
            break
        kept.append(tok.rstrip(",."))
        length = tok_match.start() + len(tok.rstrip(",."))
    if not kept:
        return None
    if all(t[0].islower() for t in kept) and len(kept[0]) < 3:
        return None
    return " ".join(kept), length


def find_practitioners(text: str, contacts: Sequence[tuple[int, int]] = ()) -> list[RawFinding]:
    """Named practitioners offered for contact; see the module docstring.

    ``contacts`` are the spans of contact details other detectors found in ``text`` (phone,
    e-mail, website, address, handle): a named practitioner close to one of them is being
    offered for contact even without a solicitation verb ("Dr Shah's clinic, 079 ...").
    """
    names = []
    for m in _TITLED_NAME.finditer(text):
        valid = _valid_name(m.group(1))
        name, length = valid if valid else (None, 0)
        title = text[m.start() : m.start(1)].strip(" .\t\n").lower()
        # An all-lowercase "name" is only trusted after "dr": "visit doctor regularly" is
        # not a name, "call dr chaudry" is.
        if name and name[0].islower() and title != "dr":
            continue
        if name and title in _WORD_TITLES and not text[m.start()].isupper():
            continue
        if name and title in _LAY_TITLES and not _practice_near(text, m.start()):
            continue
        if name:
            names.append((m.start(), m.start(1) + length, name))
    untitled = []
    # "name" must occur for _UNTITLED_NAME to match; testing that first skips a slow scan
    # (Python's re cannot skip ahead to a case-insensitive alternation).
    if contacts and "name" in text.lower():
        for m in _UNTITLED_NAME.finditer(text):
            name = m.group(1)
            if name.split()[0].lower() not in _NOT_NAMES and _practice_near(text, m.start(1)):
                untitled.append((m.start(1), m.start(1) + len(name), name))
    out = _near_contacts(text, names + untitled, contacts) if contacts else []
    out += _untitled_solicited(text)
    out += _other_language_solicited(text)
    if not names:
        return out
    for start, end, name in names:
        after = _SOLICIT_AFTER.match(text, end, min(len(text), end + 90))
        if after and not _WARNED.search(text[max(0, start - 60) : end]):
            out.append(
                RawFinding(
                    CONTACT,
                    "practitioner",
                    start,
                    after.end(),
                    0.85,
                    "contact.practitioner",
                    f"asks readers to contact a named practitioner ({name})",
                )
            )
    name_starts = {n[0] for n in names}
    for m in _SOLICIT.finditer(text):
        # Cheapest test first: a solicitation matters only before a name or a pronoun.
        after = text[m.end() : m.end() + 80]
        pronoun = _PRONOUN.match(after)
        rest_start = m.end() + (pronoun.end() if pronoun else 0)
        gap = _GAP.match(text[rest_start : rest_start + 6])
        name_start = rest_start + (gap.end() if gap else 0)
        if not pronoun and name_start not in name_starts:
            continue
        first = m.group().lower().split()[0]
        lead_is_empty = first in _VERB_FIRST_WORDS
        prefix = text[max(0, m.start() - 45) : m.start()]
        if (
            lead_is_empty
            and not _CLAUSE_START.search(prefix)
            and (first != "recommend" or not _I_RECOMMEND.search(prefix))
        ):
            continue
        following = next((n for n in names if n[0] == name_start), None)
        if following is not None and first in ("try", "look") and following[2].endswith("'s"):
            continue  # "try Dr Bronner's soap", "look up Dr Chen's paper": not the person
        if following is not None:
            out.append(
                RawFinding(
                    CONTACT,
                    "practitioner",
                    m.start(),
                    following[1],
                    0.9,
                    "contact.practitioner",
                    f"asks readers to contact a named practitioner ({following[2]})",
                )
            )
            continue
        if pronoun:
            nearby = [n for n in names if m.start() - 300 <= n[0] <= m.end() + 80]
            if nearby:
                out += _pronoun_findings(text, m.start(), rest_start, nearby[-1], out)
    return out + _named_again(text, names, out)


# A name this close to "ask for him" (in the same sentence) is one detail with it: "Dr Rao is
# wonderful, ask for him" is redacted whole.  Further away, the name gets its own finding, so
# the text in between stays readable and the name still goes.
_JOIN_GAP = 120
_SENTENCE_GAP = re.compile(r"[.!?]\s|\n\s*\n")


def _pronoun_findings(
    text: str, start: int, end: int, name: tuple[int, int, str], found: list[RawFinding]
) -> list[RawFinding]:
    n_start, n_end, n_text = name
    explanation = f"asks readers to contact a named practitioner ({n_text})"
    if any(f.start <= n_start and n_end <= f.end for f in found):
        # "Ask for Dr Nguyen, she is brilliant ..., go and see her": the name is covered.
        return [
            RawFinding(
                CONTACT, "practitioner", start, end, 0.8, "contact.practitioner", explanation
            )
        ]
    if n_end <= start:
        gap = text[n_end:start]
    elif n_start >= end:
        gap = text[end:n_start]
    else:
        gap = ""
    if len(gap) <= _JOIN_GAP and not _SENTENCE_GAP.search(gap):
        s, e = min(start, n_start), max(end, n_end)
        return [RawFinding(CONTACT, "practitioner", s, e, 0.8, "contact.practitioner", explanation)]
    return [
        RawFinding(CONTACT, "practitioner", start, end, 0.8, "contact.practitioner", explanation),
        RawFinding(
            CONTACT, "practitioner", n_start, n_end, 0.8, "contact.practitioner", explanation
        ),
    ]


def _surname(name: str) -> str:
    return name.replace(".", " ").split()[-1].lower().removesuffix("'s")


def _named_again(
    text: str, names: list[tuple[int, int, str]], found: list[RawFinding]
) -> list[RawFinding]:
    """Other mentions of a practitioner the post offers for contact ("Dr Rao is kind ... I
    saw Dr Rao for years ... call him"): the name must go wherever it is written."""
    if not found or len(names) < 2:
        return []
    covered = [(f.start, f.end) for f in found]
    offered = {_surname(n[2]) for n in names if any(s <= n[0] and n[1] <= e for s, e in covered)}
    out = []
    for start, end, name in names:
        if _surname(name) not in offered or any(s < end and start < e for s, e in covered):
            continue
        out.append(
            RawFinding(
                CONTACT,
                "practitioner",
                start,
                end,
                0.75,
                "contact.practitioner",
                f"the practitioner offered for contact, named again ({name})",
            )
        )
    return out


# A person named without a title by the poster who offers them: "call her on ..., her name
# is Gwen".  Only used next to a contact detail and words about treating ("ask for Jo" is
# as often the poster herself, so it is not used).
_UNTITLED_NAME = re.compile(
    r"\b(?i:his|her|their)\s+(?i:name)\s+(?i:is)\s+"
    r"([A-Z][a-z'\-]{1,20}(?:[ \t][A-Z][a-z'\-]{1,20})?)"
)
# Titles anyone has ("Mrs Okoro runs our meet-up", a pen pal's address): such a person is
# a practitioner only when the words around speak of treating or consulting.
_LAY_TITLES = frozenset(["mr", "mrs", "ms", "mama", "baba"])
_PRACTICE = re.compile(
    r"\b(?:clinic|rooms|practi[cs]e|practitioner|surgeon|doctor|consult\w*|appointments?|"
    r"secretary|healer|heal\w*|treat\w*|patients?|privately|private|therap\w+|herbalist|"
    r"homo?eopath\w*|naturopath\w*|ayurved\w*|unani|siddha|specialist|nurse|remed\w*|"
    r"medicine|cure[ds]?|programme|program|protocol|dermatologist|rheumatologist)\b",
    re.IGNORECASE,
)
_NEAR_BEFORE = 220  # name up to this many characters before a contact detail
_NEAR_AFTER = 120  # or this many after it
_PARAGRAPH = re.compile(r"\n\s*\n")
_WARNED = re.compile(
    r"\b(?:beware|avoid|stay\s+away|scam|scammer|fraud|quack|charlatan|don'?t\s+(?:go|trust|"
    r"contact|call))\b",
    re.IGNORECASE,
)


def _practice_near(text: str, pos: int) -> bool:
    return bool(_PRACTICE.search(text[max(0, pos - 200) : pos + 200]))


def _near_contacts(
    text: str, names: list[tuple[int, int, str]], contacts: Sequence[tuple[int, int]]
) -> list[RawFinding]:
    out: list[RawFinding] = []
    for start, end, name in names:
        if not name[0].isupper():
            continue
        for c_start, c_end in contacts:
            if c_start >= end:
                gap = text[end:c_start]
                if len(gap) > _NEAR_BEFORE:
                    continue
            elif c_end <= start:
                gap = text[c_end:start]
                if len(gap) > _NEAR_AFTER:
                    continue
            else:
                continue  # the name is inside the contact detail (an e-mail, an address)
            if _PARAGRAPH.search(gap):
                continue
            if _WARNED.search(text[max(0, start - 60) : end]):
                continue
            out.append(
                RawFinding(
                    CONTACT,
                    "practitioner",
                    start,
                    end,
                    0.75,
                    "contact.practitioner",
                    f"named practitioner ({name}) given with contact details",
                )
            )
            break
    return out


_VERB_FIRST_WORDS = frozenset(
    [
        "call",
        "contact",
        "consult",
        "visit",
        "see",
        "ring",
        "phone",
        "reach",
        "ask",
        "email",
        "e-mail",
        "write",
        "message",
        "text",
        "whatsapp",
        "get",
        "meet",
        "book",
        "make",
        "go",
        "look",
        "try",
        "recommend",
        "speak",
        "talk",
    ]
)


# "I would recommend Prof. Denton", "I'd definitely recommend Dr Rao": first person present.
_I_RECOMMEND = re.compile(
    r"\b(?:i|we)(?:\s+would|'d)?(?:\s+(?:highly|strongly|really|definitely|totally))?\s*$",
    re.IGNORECASE,
)
# After a titled name, in the same sentence: "Doctor Mehta in Andheri is the one you should
# consult", "Dr Chen at the Royal, you must see him".
_SOLICIT_AFTER = fastre.compile(
    r"[^.!?\n]{0,60}?\b(?:(?:is|'s)\s+the\s+(?:one|man|woman|person|doctor|guy|lady)\s+"
    r"(?:you\s+(?:should|must|need\s+to|have\s+to)\s+|to\s+)(?:go\s+(?:and\s+)?)?"
    r"(?:see|consult|visit|call|contact)|(?:you|u)\s+(?:should|must|need\s+to|have\s+to)\s+"
    r"(?:go\s+(?:and\s+)?)?(?:see|consult|visit|call|contact)\s+(?:him|her|them)|"
    r"[,;:\-]\s*(?:(?:go|do|just|pls|please)\s+(?:and\s+)?)?(?:see|visit|consult|call|contact)\s+"
    r"(?:him|her))\b",
    True,
)
# An untitled name after a solicitation at the start of a clause: "go and see Rekha at the
# Ayurveda centre", "ask for Vijay, he's the owner of the herbal shop", "book in with Sarah
# Mitchell, a naturopath", "see a lady called Thandi at the market, she treats this".
_UNTITLED_SOLICIT = fastre.compile(
    r"(?:^|[.!?,;:(\n]\s*|\b(?i:and|so|just|pls|plz|please|kindly|must|definitely|then|"
    r"(?:you|u)\s+(?:should|must|can|could|need\s+to|have\s+to))\s+)"
    r"(?:(?:go|come|pop)\s+(?:and\s+|n\s+)?)?(?:[Ss]ee|[Vv]isit|[Cc]onsult|[Cc]ontact|[Cc]all|"
    r"[Rr]ing|[Aa]sk\s+for|[Bb]ook\s+(?:in\s+)?with|[Gg]et\s+in\s+touch\s+with|[Ll]ook\s+up)"
    r"\s+(?:(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:called|named)\s+)?"
    r"([A-Z][a-z]{2,20}(?:[ \t][A-Z][a-z]{2,20})?)\b"
)
# What must follow such a name in the same sentence: a person ("she", "he's", "who") and
# words about treating or a practice ("at the Ayurveda centre", "a naturopath").
_PERSON_AFTER = re.compile(
    r"\b(?:she|he|her|his|him|who)\b|^,?\s+(?:an?|our)\s+(?:\w+\s+)?(?:naturopath|"
    r"homo?eopath|healer|herbalist|therapist|doctor|vaid\w*|practitioner|acupuncturist|"
    r"chiropractor|nurse|specialist|lady|man|woman|guy)",
    re.I,
)
_PRACTICE_AFTER = fastre.compile(
    r"\b(?:clinic|centre|center|practi[cs]e|practitioner|surgery|shop|store|herbal\w*|"
    r"naturopath\w*|homo?eopath\w*|healer|heal\w*|ayurved\w*|vaid\w*|owner|treats?|"
    r"treated|treating|sorted|cured?|remed\w*|therapist|acupuncturist|chiropractor|"
    r"massage|doctor|specialist|medicine|herbs|patients)\b",
    True,
)
# Capitalised words after "see"/"call" that are not people: family, days, months, places of
# care, treatments and the like.
_NOT_PERSON = frozenset(
    [
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "nan",
        "nana",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "papa",
        "mama",
        "baba",
        "aunty",
        "auntie",
        "uncle",
        "sister",
        "brother",
        "son",
        "daughter",
        "husband",
        "wife",
        "hubby",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "this",
        "that",
        "what",
        "how",
        "why",
        "there",
        "here",
        "which",
        "your",
        "my",
        "our",
        "his",
        "her",
        "their",
        "it",
        "its",
        "you",
        "someone",
        "anyone",
        "everyone",
        "ayurveda",
        "homeopathy",
        "god",
        "jesus",
        "allah",
        "google",
        "youtube",
        "facebook",
        "amazon",
        "nhs",
        "boots",
        "holland",
    ]
)


def _untitled_solicited(text: str) -> list[RawFinding]:
    """A practitioner named without a title, in a solicitation followed by who they are."""
    out: list[RawFinding] = []
    if not _PRACTICE_AFTER.search(text) or not _UNTITLED_VERB_WORDS.search(text):
        return out
    for m in _UNTITLED_SOLICIT.finditer(text):
        name = m.group(1)
        if name.split()[0].lower() in _NOT_PERSON or name.split()[0].lower() in _NOT_NAMES:
            continue
        stop = _SENTENCE_END.search(text, m.end(1), m.end(1) + 120)
        after = text[m.end(1) : stop.start() if stop else m.end(1) + 120]
        if not (_PERSON_AFTER.search(after) and _PRACTICE_AFTER.search(after)):
            continue
        if _WARNED.search(text[max(0, m.start() - 60) : m.end()]):
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip(".!?,;:(\n \t"))
        out.append(
            RawFinding(
                CONTACT,
                "practitioner",
                start,
                m.end(1),
                0.8,
                "contact.practitioner",
                f"asks readers to contact a named practitioner ({name})",
            )
        )
    return out


_SENTENCE_END = re.compile(r"[.!?\n]")
_UNTITLED_VERB_WORDS = fastre.compile(
    r"\b(?:see|visit|consult|contact|call|ring|ask|book|touch|up)\b", True
)


# --------------------------------------------------------------------------------------
# Other languages: "Procurem a Dra. Campos", "allez voir le Dr Martin", "راجعوا الدكتورة ريم",
# and, where the verb comes last, "डॉ. अनीता राव से मिलिए", "ڈاکٹر فرحان سے ملیں",
# "Dr. Kulkarni se milo".
# --------------------------------------------------------------------------------------

# A name token: anything up to a space or punctuation (Python's \w leaves out the vowel signs
# of Devanagari), one to three of them.
_OTHER_NAME = (
    r"(?:[A-ZÀ-Ý][\w'\-]*\.?(?:\s+[A-ZÀ-Ý][\w'\-]*){0,2}|"
    r"[\u0600-\u06ff]+(?:\s+(?!(?:في|من|على|إلى|عند|میں|سے|کو)\s)[\u0600-\u06ff]+){0,2}|"
    r"[\u0900-\u097f]+(?:\s+(?!(?:से|को|ने|में)\s)[\u0900-\u097f]+){0,2})"
)
_OTHER_TITLE = (
    r"(?:\b(?:Dra?|Doctora?|Docteur|Dre|Drs)\b|डॉक्टर|डॉ|वैद्य|हकीम|ڈاکٹر|حکیم|"
    r"الدكتورة|الدكتور|الطبيبة|الطبيب|الشيخ|الحكيم)"
)
_VERB_BEFORE = re.compile(
    r"(?i:\b(?:busquen?|consulten?|llamen?\s+a|vayan?\s+(?:con|a\s+ver\s+a)|contacten?\s+(?:a|con)|"
    r"visiten?\s+a|pidan?\s+cita\s+con|procurem?|consultem?|liguem?\s+para|marquem?\s+(?:consulta\s+)?com|"
    r"allez\s+voir|consultez|contactez|appelez|voyez|prenez\s+rendez-vous\s+avec)\b"
    r"|راجعوا|راجعي|راجع|اتصلوا\s+ب|اتصل\s+ب|تواصلوا\s+مع|تواصل\s+مع|زوروا)"
    r"\s+(?i:(?:a|al|à|o|la|le|el)\s+)?(?P<title>(?i:"
    + _OTHER_TITLE
    + r"))(?:\.\s*|\s+)(?P<name>"
    + _OTHER_NAME
    + r")(?=[\s,.;:!?\u060c\u06d4\u0964()]|$)"
)
_VERB_AFTER = re.compile(
    r"(?P<title>(?i:"
    + _OTHER_TITLE
    + r"))(?:\.\s*|\s+)(?P<name>"
    + _OTHER_NAME
    + r")\s+(?i:से\s+(?:मिलिए|मिलें|मिलो|मिल\s+लें|संपर्क\s+करें|बात\s+करें)|को\s+(?:दिखाएं|दिखाइए|दिखाओ)|"
    r"سے\s+(?:ملیں|ملئے|ملو|رابطہ\s+کریں)|کو\s+(?:دکھائیں|دکھائیے)|"
    r"se\s+(?:milo|milen|milein|miliye|mil\s+lo|contact\s+karo|baat\s+karo)\b|"
    r"ko\s+(?:dikhao|dikhayen|dikhaiye)\b)"
)


# One RE2 pass for a title of these languages; most posts have none and skip the rest.
_OTHER_TITLE_GATE = fastre.compile(
    r"\b(?:Dra?|Doctora?|Docteur|Dre|Drs)\b|डॉ|वैद्य|हकीम|ڈاکٹر|حکیم|الدكتور|الطبيب|الشيخ|الحكيم",
    True,
)


def _other_language_solicited(text: str) -> list[RawFinding]:
    """A titled practitioner the reader is asked to see, in Spanish, Portuguese, French,
    Arabic (verb first), Hindi, Urdu or Hindi in Latin letters (verb last)."""
    if _OTHER_TITLE_GATE.search(text) is None:
        return []
    out = []
    for regex in (_VERB_BEFORE, _VERB_AFTER):
        for m in regex.finditer(text):
            if _WARNED.search(text[max(0, m.start() - 60) : m.end()]):
                continue
            name = " ".join(m.group("name").split())
            out.append(
                RawFinding(
                    CONTACT,
                    "practitioner",
                    m.start(),
                    m.end(),
                    0.85,
                    "contact.practitioner",
                    f"asks readers to contact a named practitioner ({m.group('title')} {name})",
                )
            )
    return out
