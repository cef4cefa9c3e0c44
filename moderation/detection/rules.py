"""Admin-written keyword and pattern rules.

Keyword rules are phrases matched case-insensitively, as whole words unless a rule says
otherwise.  All phrases of all rules are compiled into at most two RE2 alternations (one
for whole-word phrases, one for substrings), so a post is scanned once however many rules
there are; a match is mapped back to its rules through a dict keyed by the normalised
phrase.  Matches do not overlap: where two phrases overlap, the leftmost-longest wins.

Pattern rules are RE2 expressions (linear time, no backtracking), compiled once per
ruleset.  An ``re2.Set`` first tells which patterns match at all, so only those are run
again to find their spans.  :func:`validate_pattern` is what the admin form should call
before saving a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import re2

from .findings import RawFinding
from .types import KeywordRule, PatternRule

MAX_PATTERN_LENGTH = 2000
_PROGRAM_MEMORY = 8 << 20

# Ordinary forum sentences: a pattern matching most of them would flag almost every post.
_BENIGN_SAMPLES = (
    "My mother has had scleroderma for ten years and the calcinosis is in her fingers.",
    "Thank you everyone for the kind replies, it helps to know we are not alone.",
    "The rheumatologist increased her diltiazem and we go back in three months.",
    "Does anyone have tips for keeping hands warm in winter?",
    "She is 88 now and still enjoys her garden.",
    "I was diagnosed in 2015 after a biopsy at the hospital.",
    "Sending love to you and your family.",
    "The wound healed slowly but it is fine now.",
)


class PatternError(ValueError):
    """An admin pattern that cannot or should not be used; the message says why."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = _PROGRAM_MEMORY
    return options


def validate_pattern(pattern: str) -> None:
    """Raise :class:`PatternError` unless ``pattern`` is a usable RE2 pattern.

    Rejected: empty patterns, patterns RE2 cannot compile (including look-behind and
    back-references, which RE2 does not support), patterns that match the empty string,
    and over-broad patterns that match a single character or most ordinary sentences.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("The pattern is empty.")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(
            f"The pattern is too long ({len(pattern)} characters; the limit is "
            f"{MAX_PATTERN_LENGTH})."
        )
    try:
        compiled = re2.compile(pattern, _options())
    except re2.error as exc:
        detail = exc.args[0] if exc.args else str(exc)
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise PatternError(f"The pattern is not valid RE2 syntax: {detail}.") from None
    except Exception as exc:  # pragma: no cover - defensive: bindings may raise other types
        raise PatternError(f"The pattern could not be compiled: {exc}.") from None
    if compiled.search("") is not None:
        raise PatternError(
            "The pattern matches the empty string, so it would match every post; "
            "make at least one part of it required."
        )
    single = [m for s in _BENIGN_SAMPLES for m in compiled.finditer(s) if m.end() - m.start() < 2]
    if single:
        raise PatternError(
            "The pattern is too broad: it matches single characters of ordinary text "
            f"(for example {single[0].group()!r})."
        )
    hits = sum(1 for s in _BENIGN_SAMPLES if compiled.search(s) is not None)
    if hits > len(_BENIGN_SAMPLES) // 2:
        raise PatternError(
            f"The pattern is too broad: it matches {hits} of {len(_BENIGN_SAMPLES)} ordinary "
            "sample sentences."
        )


@dataclass(frozen=True, slots=True)
class _Alternation:
    regex: object  # re2 compiled pattern
    rules_by_phrase: dict[str, tuple[KeywordRule, ...]]


@dataclass(frozen=True, slots=True)
class CompiledRules:
    keyword_alternations: tuple[_Alternation, ...]
    pattern_set: object | None  # re2.Set
    patterns: tuple[tuple[PatternRule, object], ...]  # (rule, compiled re2) by Set index
    errors: tuple[str, ...]  # rules skipped because they did not validate


_SPACE = re.compile(r"\s+")


def _phrase_key(phrase: str) -> str:
    return _SPACE.sub(" ", phrase.strip().lower())


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _phrase_regex(key: str, whole_word: bool) -> str:
    body = r"\s+".join(re2.escape(part) for part in key.split(" "))
    if not whole_word:
        return body
    # RE2's \b only knows ASCII word characters, so it is added only on ASCII-word edges.
    left = r"\b" if _is_ascii_word(key[0]) else ""
    right = r"\b" if _is_ascii_word(key[-1]) else ""
    return f"{left}{body}{right}"


def compile_rules(
    keyword_rules: Sequence[KeywordRule], pattern_rules: Sequence[PatternRule]
) -> CompiledRules:
    errors: list[str] = []
    alternations = []
    for whole_word in (True, False):
        by_phrase: dict[str, list[KeywordRule]] = {}
        for rule in keyword_rules:
            if bool(rule.whole_word) != whole_word:
                continue
            for phrase in rule.phrases:
                key = _phrase_key(phrase)
                if key:
                    by_phrase.setdefault(key, []).append(rule)
        if not by_phrase:
            continue
        ordered = sorted(by_phrase, key=len, reverse=True)
        body = "|".join(_phrase_regex(k, whole_word) for k in ordered)
        source = f"(?i)(?:{body})"
        options = _options()
        options.max_mem = 256 << 20
        options.longest_match = True
        try:
            regex = re2.compile(source, options)
        except re2.error:
            errors.append("keyword rules could not be compiled together")
            continue
        alternations.append(_Alternation(regex, {k: tuple(v) for k, v in by_phrase.items()}))

    compiled_patterns: list[tuple[PatternRule, object]] = []
    pattern_set = None
    usable = []
    for rule in pattern_rules:
        try:
            validate_pattern(rule.pattern)
        except PatternError as exc:
            errors.append(f"{rule.name}: {exc}")
            continue
        source = f"(?i){rule.pattern}" if rule.case_insensitive else rule.pattern
        try:
            compiled_patterns.append((rule, re2.compile(source, _options())))
            usable.append(source)
        except re2.error:
            errors.append(f"{rule.name}: could not be compiled")
    if usable:
        pattern_set = re2.Set.SearchSet(_options())
        for source in usable:
            pattern_set.Add(source)
        pattern_set.Compile()
    return CompiledRules(tuple(alternations), pattern_set, tuple(compiled_patterns), tuple(errors))


def run_keyword_rules(text: str, compiled: CompiledRules) -> list[RawFinding]:
    out: list[RawFinding] = []
    for alternation in compiled.keyword_alternations:
        for m in alternation.regex.finditer(text):
            key = _phrase_key(m.group())
            for rule in alternation.rules_by_phrase.get(key, ()):
                explanation = rule.explanation or f"matches keyword rule '{rule.name}'"
                out.append(
                    RawFinding(
                        rule.category,
                        rule.kind,
                        m.start(),
                        m.end(),
                        float(rule.score),
                        f"rule:{rule.name}",
                        explanation,
                    )
                )
    return out


def run_pattern_rules(text: str, compiled: CompiledRules) -> list[RawFinding]:
    if compiled.pattern_set is None:
        return []
    out: list[RawFinding] = []
    for index in compiled.pattern_set.Match(text) or ():
        rule, regex = compiled.patterns[index]
        for n, m in enumerate(regex.finditer(text)):
            if n >= 100:
                break
            if m.end() <= m.start():
                continue
            explanation = rule.explanation or f"matches pattern rule '{rule.name}'"
            out.append(
                RawFinding(
                    rule.category,
                    rule.kind,
                    m.start(),
                    m.end(),
                    float(rule.score),
                    f"rule:{rule.name}",
                    explanation,
                )
            )
    return out
