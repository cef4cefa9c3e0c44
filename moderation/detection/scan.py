"""The entry point: run every enabled detector, map spans back, apply thresholds, dedupe."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import phonenumbers

from . import address, claims, email, fastre, handle, phone, practitioner, rules, website
from .findings import RawFinding
from .lexicon import DEFAULT_TREATMENTS
from .normalise import normalise
from .types import CLAIMS, CONTACT, DETECTOR_NAMES, Finding, Ruleset

logger = logging.getLogger(__name__)

_RULE_TO_DETECTOR = {
    "contact.phone": "phone",
    "contact.email": "email",
    "contact.address": "address",
    "contact.handle": "handle",
    "contact.practitioner": "practitioner",
    "contact.url": "url",
    "claims.pattern": "claims",
    "claims.pattern+classifier": "claims",
    "claims.classifier": "claims_classifier",
}

_OFFERED_KINDS = frozenset(["phone", "email", "url", "handle"])
# A doctor named in the post: contact details next to a cure claim are then more likely a
# referral (a practitioner finding, when solicited) than a sales pitch.
_TITLED_DOCTOR = fastre.compile(r"\b(?:Dr|Doctor|Prof|Professor)\b\.?\s{0,2}[A-Z]")

_CONTACT_DETECTORS: tuple[tuple[str, Callable], ...] = (
    ("email", email.find_emails),
    ("url", website.find_urls),
    ("handle", handle.find_handles),
    ("address", address.find_addresses),
)


@dataclass(frozen=True, slots=True)
class CompiledRuleset:
    ruleset: Ruleset
    regions: tuple[str, ...]
    lexicon: claims.CompiledLexicon | None
    rules: rules.CompiledRules
    enabled: frozenset[str]
    thresholds: dict[str, float]


def _compile(ruleset: Ruleset) -> CompiledRuleset:
    supported = phonenumbers.SUPPORTED_REGIONS
    regions = tuple(r.upper() for r in ruleset.regions if r and r.upper() in supported)
    treatments = ruleset.treatments or DEFAULT_TREATMENTS
    return CompiledRuleset(
        ruleset=ruleset,
        regions=regions,
        lexicon=claims.compile_lexicon(treatments),
        rules=rules.compile_rules(ruleset.keyword_rules, ruleset.pattern_rules),
        enabled=frozenset(n for n in DETECTOR_NAMES if ruleset.enabled(n)),
        thresholds={n: float(ruleset.threshold(n)) for n in DETECTOR_NAMES},
    )


# Two-level cache: by identity first (no hashing of a large ruleset on every post), then
# by value so an equal ruleset rebuilt from the database reuses the compiled form.
_BY_ID: OrderedDict[int, tuple[Ruleset, CompiledRuleset]] = OrderedDict()
_BY_VALUE: OrderedDict[Ruleset, CompiledRuleset] = OrderedDict()
_CACHE_SIZE = 8
_LOCK = threading.Lock()


def compiled(ruleset: Ruleset) -> CompiledRuleset:
    """The compiled form of ``ruleset``, built once and cached."""
    hit = _BY_ID.get(id(ruleset))
    if hit is not None and hit[0] is ruleset:
        return hit[1]
    with _LOCK:
        result = _BY_VALUE.get(ruleset)
        if result is None:
            result = _compile(ruleset)
            _BY_VALUE[ruleset] = result
            while len(_BY_VALUE) > _CACHE_SIZE:
                _BY_VALUE.popitem(last=False)
        _BY_ID[id(ruleset)] = (ruleset, result)
        while len(_BY_ID) > _CACHE_SIZE:
            _BY_ID.popitem(last=False)
    return result


@lru_cache(maxsize=1)
def default_ruleset() -> Ruleset:
    """All detectors on with default thresholds, the default treatment lexicon, no admin
    rules.  The same object is returned every time, so its compiled form is reused."""
    return Ruleset(treatments=DEFAULT_TREATMENTS)


def _classifier():
    from .classifier import default_classifier

    return default_classifier()


def warm_up() -> None:
    """Build the default ruleset, load the claims classifier (and the sentence encoder it
    uses) and the language model now rather than on the first post."""
    from . import language

    compiled(default_ruleset())
    _classifier()
    language.warm_up()


def _dedupe(findings: list[Finding], text: str) -> list[Finding]:
    """Among overlapping findings of the same category and kind keep the highest score.

    A contact detail is what gets redacted, so overlapping contact findings of one kind
    become one finding over their union (with the best score and its explanation):
    keeping only the best-scored span would leave the rest of the detail readable."""
    kept: list[Finding] = []
    by_key: dict[tuple[str, str], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (-f.score, f.start, f.end)):
        same = by_key.setdefault((f.category, f.kind), [])
        overlapping = [k for k in same if f.start < k.end and k.start < f.end]
        if not overlapping:
            same.append(f)
            kept.append(f)
            continue
        if f.category != CONTACT:
            continue
        best = overlapping[0]
        start = min(f.start, *(k.start for k in overlapping))
        end = max(f.end, *(k.end for k in overlapping))
        if (start, end) == (best.start, best.end) and len(overlapping) == 1:
            continue
        merged = replace(best, start=start, end=end, text=text[start:end])
        for k in overlapping:
            same.remove(k)
            kept.remove(k)
        same.append(merged)
        kept.append(merged)
    kept.sort(key=lambda f: (f.start, f.end, f.category, f.kind))
    return kept


def _to_finding(raw: RawFinding, original: str, span: tuple[int, int]) -> Finding | None:
    start, end = span
    if not 0 <= start < end <= len(original):
        return None
    score = min(1.0, max(0.0, float(raw.score)))
    return Finding(
        raw.category, raw.kind, start, end, original[start:end], score, raw.rule, raw.explanation
    )


def _run(name: str, func: Callable, *args) -> list:
    try:
        return func(*args)
    except Exception:
        # One broken detector must not hide what the others found.
        logger.exception("detector %s failed", name)
        return []


def scan(text: str, ruleset: Ruleset | None = None) -> list[Finding]:
    """Scan one post.  Returns findings sorted by start; never raises."""
    try:
        return _scan(text, ruleset)
    except Exception:
        logger.exception("scan failed")
        return []


def _scan(text: str, ruleset: Ruleset | None) -> list[Finding]:
    if not isinstance(text, str) or not text:
        return []
    cr = compiled(ruleset if ruleset is not None else default_ruleset())
    enabled = cr.enabled
    findings: list[Finding] = []

    def keep(raw: RawFinding, span: tuple[int, int], detector: str) -> None:
        if raw.score < cr.thresholds.get(detector, 0.0):
            return
        finding = _to_finding(raw, text, span)
        if finding is not None:
            findings.append(finding)

    # Contact details: on the normalised text, mapped back to what the user wrote.
    contact_names = {"phone", "email", "url", "handle", "address", "practitioner"}
    if enabled & contact_names:
        norm = normalise(text)
        raws: list[RawFinding] = []
        if "phone" in enabled:
            raws += _run("phone", phone.find_phones, norm.text, cr.regions)
        for name, func in _CONTACT_DETECTORS:
            if name in enabled:
                raws += _run(name, func, norm.text)
        if "practitioner" in enabled:
            # Runs last: a named practitioner next to a contact detail is offered for contact.
            near = [(r.start, r.end) for r in raws if r.score >= cr.thresholds.get(r.kind, 0.5)]
            raws += _run("practitioner", practitioner.find_practitioners, norm.text, near)
        raws = _drop_contained(raws)
        for raw in raws:
            keep(raw, norm.to_original(raw.start, raw.end), _RULE_TO_DETECTOR[raw.rule])

    # Treatment claims: on the original text (their spans are whole sentences).
    use_patterns = "claims" in enabled
    use_classifier = "claims_classifier" in enabled
    if use_patterns or use_classifier:
        # Contact details kept so far, for the pitch made by offering them (see below).
        offered = [(f.start, f.end) for f in findings if f.kind in _OFFERED_KINDS]
        referral = any(f.kind == "practitioner" for f in findings) or bool(
            _TITLED_DOCTOR.search(text)
        )
        classifier = _classifier if use_classifier else None
        for raw in _run("claims", claims.analyse, text, cr.lexicon, classifier, use_patterns):
            keep(raw, (raw.start, raw.end), _RULE_TO_DETECTOR[raw.rule])
        if use_patterns and offered and not referral:
            # A post that claims a cure and gives a phone number, e-mail, website or handle
            # is selling; with a named practitioner it is a referral, reported as such.
            # The classifier alone is not enough to call a contact detail a sales pitch.
            made = [
                (f.kind, f.start, f.end)
                for f in findings
                if f.category == CLAIMS and f.rule != "claims.classifier"
            ]
            raw = claims.pitch_from_contacts(text, made, offered)
            if raw is not None:
                keep(raw, (raw.start, raw.end), "claims")

    if "keyword_rules" in enabled:
        for raw in _run("keyword_rules", rules.run_keyword_rules, text, cr.rules):
            keep(raw, (raw.start, raw.end), "keyword_rules")
    if "pattern_rules" in enabled:
        for raw in _run("pattern_rules", rules.run_pattern_rules, text, cr.rules):
            keep(raw, (raw.start, raw.end), "pattern_rules")

    return _dedupe(findings, text)


def _drop_contained(raws: list[RawFinding]) -> list[RawFinding]:
    """Drop a URL that is the domain of an email or a messaging link, and a phone number
    inside a messaging link ("wa.me/9198..."): the larger finding already covers it."""
    covers = [
        r
        for r in raws
        if r.kind == "email" or (r.kind == "handle" and r.explanation != handle.MESSENGER_NUMBER)
    ]
    if not covers:
        return raws
    out = []
    for r in raws:
        if r.kind in ("url", "phone") and any(
            c.start <= r.start and r.end <= c.end and c is not r for c in covers
        ):
            continue
        if r.kind == "url" and any(
            c.kind == "email" and c.start < r.end and r.start < c.end for c in covers
        ):
            continue
        out.append(r)
    return out
