"""Admin keyword rules, RE2 pattern rules and pattern validation."""

from __future__ import annotations

import time

import pytest

from moderation.detection import (
    KeywordRule,
    PatternError,
    PatternRule,
    Ruleset,
    default_ruleset,
    scan,
    validate_pattern,
)
from moderation.detection.lexicon import DEFAULT_TREATMENTS


def ruleset(**kwargs) -> Ruleset:
    return Ruleset(treatments=DEFAULT_TREATMENTS, **kwargs)


def test_keyword_rule_whole_word_case_insensitive():
    rules = ruleset(
        keyword_rules=(KeywordRule("miracle", "treatment_claim", "miracle", ("Miracle Cure",)),)
    )
    text = "They sell a MIRACLE   cure online; miraclecure is a different word."
    hits = [f for f in scan(text, rules) if f.rule == "rule:miracle"]
    assert [h.text for h in hits] == ["MIRACLE   cure"]
    assert hits[0].kind == "miracle"


def test_keyword_rule_substring_mode():
    rules = ruleset(
        keyword_rules=(KeywordRule("calci", "spam", "brand", ("calcifree",), whole_word=False),)
    )
    hits = [f for f in scan("Try SuperCalcifreeX now", rules) if f.category == "spam"]
    assert [h.text for h in hits] == ["Calcifree"]


def test_many_keyword_rules_compile_once_and_scan_fast():
    many = tuple(
        KeywordRule(f"r{i}", "spam", "kw", (f"zqword{i}", f"phrase number {i}"))
        for i in range(1000)
    )
    rules = ruleset(keyword_rules=many)
    text = "nothing here but phrase number 517 and zqword999. " * 20
    scan(text, rules)  # compile
    start = time.perf_counter()
    for _ in range(50):
        found = scan(text, rules)
    per_post = (time.perf_counter() - start) / 50
    names = {f.rule for f in found}
    assert names == {"rule:r517", "rule:r999"}
    assert per_post < 0.05


def test_pattern_rule_runs_on_re2():
    rules = ruleset(
        pattern_rules=(PatternRule("code", "treatment_claim", "promo", r"code\s+[A-Z]{4}\d{2}"),)
    )
    hits = [f for f in scan("use code CALC20 at checkout", rules) if f.rule == "rule:code"]
    assert [h.text for h in hits] == ["code CALC20"]


def test_catastrophic_pattern_is_linear_on_re2():
    validate_pattern(r"(a+)+$")
    rules = ruleset(pattern_rules=(PatternRule("aa", "spam", "aa", r"(a+)+$"),))
    text = "a" * 50_000 + "b"
    start = time.perf_counter()
    scan(text, rules)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("(unclosed", "not valid RE2"),
        (r"(?<=a)b", "not valid RE2"),
        (r"(a)\1", "not valid RE2"),
        ("a*", "empty string"),
        ("x?", "empty string"),
        (".", "too broad"),
        (r"\w", "too broad"),
        (r"[a-z]+", "too broad"),
    ],
)
def test_bad_patterns_raise_with_plain_message(pattern, words):
    with pytest.raises(PatternError) as info:
        validate_pattern(pattern)
    assert words in str(info.value)


def test_good_pattern_passes():
    validate_pattern(r"\bcalc(?:ium)?\s+dissolv\w*")


def test_invalid_admin_pattern_is_skipped_not_raised():
    rules = ruleset(pattern_rules=(PatternRule("bad", "spam", "x", "(unclosed"),))
    assert scan("anything at all", rules) == []


def test_default_ruleset_has_no_admin_rules_and_is_cached():
    assert default_ruleset() is default_ruleset()
    assert default_ruleset().keyword_rules == ()
    assert default_ruleset().pattern_rules == ()
    assert default_ruleset().treatments
