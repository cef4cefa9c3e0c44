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

from . import claim_languages, claim_prefilter, fastre
from .claim_patterns import (
    CARE_MENTION,
    CLINICIAN_REPORT,
    DEATH,
    EXPLICIT_GUARANTEE,
    FAMILY_NAMES,
    FAMILY_SET,
    FIRST_PERSON_STOP,
    GENERIC_REMEDY,
    GUARANTEE,
    HEALTH_CONTEXT,
    IF_FAILS,
    NEGATION,
    NEGATIVE_IMPERATIVE,
    ORDER_NOUN,
    PITCH,
    PITCH_SOFT,
    PLAIN_CURE,
    RECOMMEND,
    REPORTED_ADVICE,
    STOP_MED,
    STOP_MED_NEGATED,
    STOP_PRONOUN,
    STRONG_EFFICACY,
    SUBJECT_END,
    TRIGGER,
    WEAK_EFFICACY,
)
from .findings import RawFinding
from .language import detect as language_of
from .types import CLAIMS, TreatmentEntry

if TYPE_CHECKING:  # scikit-learn is imported only when the classifier is first needed
    from .classifier import ClaimsClassifier

# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

# Sentence ends: a run of . ! ? (then closing quotes or brackets) before whitespace, or a
# newline.  Written to start with a character class, which Python's ``re`` scans for fast.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"')\]]*(?=\s))|[\u0964\u06d4\u061f]")
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
# Lexicon
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    regex: re.Pattern[str]
    by_phrase: dict[str, TreatmentEntry]


_SEPARATORS = re.compile(r"[\s\-]+")
_CURE_WORD = re.compile(r"\bcure", re.IGNORECASE)


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


# How far the classifier can lower a pattern's score: a sentence it calls no claim keeps this
# share of its pattern's strength.  Guarantees and advice to stop care are worded specifically
# enough to keep more; cure and pitch wording is what warnings and care reports share.
_FLOOR = 0.55
_FLOOR_SPECIFIC = 0.6
_UNREAD = object()
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
    # Set when no pattern fired but an unproven treatment is named, or the sentence names
    # what claims are made of (see :mod:`.claim_prefilter`): the classifier judges.
    classifier_only: str = ""
    # Which pattern families the sentence matches (see _families), once it has been asked.
    families: frozenset[str] | None = None
    # The kind a classifier-only finding reports.
    model_kind: str = "cure_claim"
    # Kinds that stand without the classifier's agreement: found by the patterns of another
    # language (:mod:`.claim_languages`), or given meaning by a cure claimed elsewhere.
    pattern_only: bool = False


def _negated_before(sentence: str, pos: int) -> bool:
    window = sentence[max(0, pos - 30) : pos]
    words = window.split()[-4:]
    return bool(NEGATION.search(" ".join(words)))


def _efficacy(sentence: str) -> tuple[str, int] | None:
    """The first un-negated efficacy phrase and its position, if any."""
    for m in STRONG_EFFICACY.finditer(sentence):
        if not _negated_before(sentence, m.start()) and not _quoted(sentence, m.start()):
            return m.group(), m.start()
    for m in WEAK_EFFICACY.finditer(sentence):
        if DEATH.search(sentence):
            continue
        inner = m.group()
        if NEGATION.search(inner) or _negated_before(sentence, m.start()):
            continue
        if _quoted(sentence, m.start()):
            continue  # I've seen "cures" come and go
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
    hits = [m.span() for m in TRIGGER.finditer(text)]
    mentions = list(lexicon.regex.finditer(text)) if lexicon is not None else []
    mentions = [m for m in mentions if not fastre.preceded_by(text, m.start(), "-")]
    if not hits and not mentions and not claim_prefilter.selects(text):
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
        bool(treatments) or bool(GENERIC_REMEDY.search(text)) or bool(HEALTH_CONTEXT.search(text))
    )
    # Sentences the model may judge: those the pre-filter selects, when there is a model.
    for_model = set(claim_prefilter.selected(text, spans)) if classifier is not None else set()
    candidates: list[_Sentence] = []
    languages = _UNREAD  # the post's language, read when a sentence needs it
    for i in sorted(hit_sentences | for_model):
        start, end = spans[i]
        s = _Sentence(start, end, text[start:end], treatments.get(i, []))
        if i in hit_sentences and (
            i in covered or not all(t.status == "established" for t in treatments[i])
        ):
            # (With only established treatments named and no claim wording, every pattern
            # kind needs a trigger match or a non-established treatment: nothing to find.)
            previous = [treatments.get(j, ()) for j in range(max(0, i - 3), i)]
            before = text[spans[max(0, i - 2)][0] : start]
            _classify_sentence(s, previous, post_has_treatment, before)
        if not s.kinds and not s.conditional:
            if languages is _UNREAD:
                languages = claim_languages.languages_for(language_of(text))
            s.kinds.extend(claim_languages.kinds(s.text, languages))
            s.pattern_only = bool(s.kinds)
        if i in for_model and not (s.kinds or s.conditional or s.classifier_only):
            _for_the_model(s, post_has_treatment)
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
            # Its meaning comes from the cure claimed elsewhere in the post, which the
            # classifier, reading one sentence, cannot see: the pattern's score stands.
            s.pattern_only = s.pattern_only or not have
    _drop_warned_against(text, spans, candidates)
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
                        s.model_kind,
                        s.start,
                        s.end,
                        prob,
                        "claims.classifier",
                        # (Not str.format: the text holds admin-written treatment names.)
                        s.classifier_only.replace("{score}", f"{prob:.2f}"),
                    )
                )
            continue
        if not use_patterns:
            continue
        for kind, strength, explanation in s.kinds:
            if prob is None or s.pattern_only:
                score, rule = strength, "claims.pattern"
            else:
                floor = _FLOOR if kind in ("cure_claim", "product_pitch") else _FLOOR_SPECIFIC
                score, rule = strength * (floor + (1 - floor) * prob), "claims.pattern+classifier"
                explanation = f"{explanation} (pattern; claims model score {prob:.2f})"
            out.append(RawFinding(CLAIMS, kind, s.start, s.end, round(score, 4), rule, explanation))
    return out


_QUOTES = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"


def _quoted(sentence: str, pos: int) -> bool:
    """Whether ``pos`` is inside quotation marks that open after a space or the start (an
    apostrophe inside a word, as in "mum's", opens nothing)."""
    depth = 0
    for i, ch in enumerate(sentence[:pos]):
        if ch in _QUOTES and (i == 0 or not sentence[i - 1].isalnum() or depth):
            if depth and (i + 1 >= len(sentence) or not sentence[i + 1].isalnum()):
                depth = 0
            elif not depth:
                depth = 1
    return bool(depth)


_DENIES_INCURABLE = re.compile(r"(?:myth|lie|not\s+true|nonsense|rubbish)\b", re.IGNORECASE)
# Someone else's claim, reported: "someone at church told me", "the seller says his tea ...".
_TOLD = re.compile(
    r"\b(?:told\s+(?:me|us|my\s+\w+)|claim(?:s|ed)?\s+(?:that|to)|"
    r"says?\s+(?:that\s+)?(?:their|his|her|we|you)|said\s+(?:that\s+)?(?:their|his|her)|"
    r"advert\w*\s+(?:say|said|claim)\w*)",
    re.IGNORECASE,
)
# The next sentence rejecting it: "Don't fall for it.", "It's a scam."
_REJECTED = re.compile(
    r"\b(?:don'?t\s+(?:fall\s+for|believe|buy)|do\s+not\s+(?:fall\s+for|believe|buy)|scam|"
    r"rip-?off|fraud|rubbish|nonsense|lies|lying|fake|beware|quack\w*|snake\s+oil)\b",
    re.IGNORECASE,
)


def _drop_warned_against(text: str, spans, candidates: list[_Sentence]) -> None:
    """ "Someone at church told me their paste removes calcium 100%. Don't fall for it.": a
    claim reported from someone else and warned against in the next sentence is a warning."""
    if not candidates:
        return
    starts = [start for start, _ in spans]
    for s in candidates:
        if not _TOLD.search(s.text):
            continue
        i = bisect_right(starts, s.start) - 1
        if i + 1 < len(spans):
            start, end = spans[i + 1]
            following = text[start:end]
            if _REJECTED.search(following) or claim_languages.warns(following):
                s.kinds.clear()
                s.conditional.clear()
                s.classifier_only = ""


def _asserts(sentence: str) -> bool:
    """Whether ``sentence`` has a cure-like word that is neither denied ("none of them
    dissolved anything") nor quoted to be questioned ("'works better than medicine' is what
    they all say"): what the classifier needs before it may judge a sentence alone."""
    at = claim_prefilter.assertion(sentence)
    if at is None or _negated_before(sentence, at) or _quoted(sentence, at):
        return False
    # "None of them contained anything capable of dissolving calcium"; "the podiatrist who
    # sorted my heel": denied as a whole, or the work of a clinician.
    return not (_DENIED.match(sentence) or _CLINICIAN_DID.search(sentence[:at]))


_DENIED = re.compile(r"\s*(?:none|nothing|no\s+one|nobody|neither)\b", re.IGNORECASE)
_CLINICIAN_DID = re.compile(
    r"\b(?:podiatrist|surgeon|dermatologist|rheumatologist|rheumy|nurse|consultant|specialist|"
    r"physio\w*|hand\s+therapist|nephrologist|gp|hospital|clinic\s+team)s?\s+(?:who|that|which)\b",
    re.IGNORECASE,
)


def _for_the_model(s: _Sentence, post_has_treatment: bool) -> None:
    """Hand a sentence that no pattern decided to the classifier, unless it asks, warns or
    hedges; say which kind of claim a finding would report, from the words it uses."""
    sentence = s.text
    fam = _sentence_families(s)
    if "question" in fam or "warning" in fam or "hedge" in fam:
        return
    if sentence.rstrip().endswith(("?", "\u061f")) or claim_languages.warns(sentence):
        return
    if not _asserts(sentence):
        return
    if "pitch" in fam or ("pitch_soft" in fam and post_has_treatment):
        s.model_kind = "product_pitch"
    elif "guarantee" in fam:
        s.model_kind = "guarantee"
    elif "stop" in fam:
        s.model_kind = "stop_medication"
    about = f" about {_describe(s.treatments[0])}" if s.treatments else ""
    s.classifier_only = (
        "the claims model reads this sentence as a treatment claim"
        + about
        + " (score {score}; no claim pattern matched)"
    )


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


def _sentence_families(s: _Sentence) -> frozenset[str]:
    """The families of ``s``, worked out once whoever asks first."""
    if s.families is None:
        s.families = _families(s.text)
    return s.families


def _families(sentence: str) -> frozenset[str]:
    return frozenset(FAMILY_NAMES[i] for i in (FAMILY_SET.Match(sentence) or ()))


def _stop_advice(sentence: str, before: str) -> tuple[str, bool] | None:
    """The first phrase telling readers to drop medical care that is not negated, asked or
    reported from a clinician, and whether it is only a first-person report ("I stopped my
    meds"), which is a claim only in a post that also claims a cure."""
    for regex in (STOP_MED, STOP_PRONOUN):
        for m in regex.finditer(sentence):
            prefix = sentence[: m.start()]
            if STOP_MED_NEGATED.search(prefix) or CLINICIAN_REPORT.search(prefix):
                continue
            if REPORTED_ADVICE.search(prefix) or _quoted(sentence, m.start()):
                continue  # someone else's advice, reported or quoted to be warned against
            phrase = _quote(m.group())
            if regex is STOP_PRONOUN and not (
                CARE_MENTION.search(before) or CARE_MENTION.search(prefix)
            ):
                continue
            if NEGATIVE_IMPERATIVE.match(phrase) and SUBJECT_END.search(prefix):
                # "I don't take any meds now": a report about oneself, not an instruction.
                return phrase, True
            return phrase, bool(FIRST_PERSON_STOP.match(phrase))
    return None


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
    fam = _sentence_families(s)
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

    plain = PLAIN_CURE.search(sentence) if not question else None
    if plain is not None and warning and not _DENIES_INCURABLE.match(plain.group()):
        plain = None  # "Beware of anyone who says we are healed by his tea"
    if (
        plain is not None
        and not (s.treatments and not own)
        and not _quoted(sentence, plain.start())
        and not REPORTED_ADVICE.search(sentence[: plain.start()])
        and not _TOLD.search(sentence[: plain.start()])
    ):
        # (Unless only established care is named: "I'm cured since the surgery".)
        phrase = _quote(plain.group())
        kinds.append(("cure_claim", 0.85, f"asserts a cure in plain words: '{phrase}'"))
        return
    if question or warning:
        return

    # 2. Selling something.
    what = desc if entry is not None else "a treatment"
    if "pitch" in fam and (post_has_treatment or "health" in fam):
        for pitch in PITCH.finditer(sentence):
            if pitch.group()[:5].lower() == "order" and ORDER_NOUN.search(
                sentence[: pitch.start()]
            ):
                continue
            kinds.append(
                ("product_pitch", 0.88, f"sales pitch for {what}: '{_quote(pitch.group())}'")
            )
            break
    if "pitch_soft" in fam and not any(k[0] == "product_pitch" for k in kinds):
        pitch = PITCH_SOFT.search(sentence)
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
        efficacy or own or generic or (post_has_treatment and EXPLICIT_GUARANTEE.search(sentence))
    ):
        for guarantee in GUARANTEE.finditer(sentence):
            prefix = sentence[: guarantee.start()]
            # (Only the words just before it: a condition is short, and a long prefix would
            # cost the pattern time on a hostile run of letters.)
            condition = prefix[-80:]
            if not _negated_before(sentence, guarantee.start()) or IF_FAILS.search(condition):
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
            kinds.append(("cure_claim", strength if has_remedy else 0.6, explanation))
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
        recommend = RECOMMEND.search(sentence)
        if recommend:
            kinds.append(("cure_claim", 0.78, f"recommends {desc}: '{_quote(recommend.group())}'"))
            return

    # 6. Nothing explicit, but a non-established treatment is named: let the classifier judge,
    # if the sentence asserts anything at all (prices and orders of a cream assert nothing).
    if own and not hedged and not kinds and _asserts(sentence):
        s.classifier_only = (
            f"describes {desc} as effective (no explicit claim wording; judged by the "
            "claims classifier, score {score})"
        )
