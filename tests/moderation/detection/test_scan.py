"""Thresholds, disabled detectors, dedupe and the Finding API."""

from __future__ import annotations

import dataclasses

import pytest

from moderation.detection import (
    DetectorConfig,
    Finding,
    KeywordRule,
    Ruleset,
    default_ruleset,
    scan,
)
from moderation.detection.lexicon import DEFAULT_TREATMENTS

TEXT = "Call 040-23733200. Colloidal silver cured my calcinosis completely."


def with_detectors(*configs: DetectorConfig) -> Ruleset:
    return Ruleset(treatments=DEFAULT_TREATMENTS, detectors=configs)


def test_default_finds_both_categories():
    kinds = {f.kind for f in scan(TEXT)}
    assert {"phone", "cure_claim"} <= kinds


def test_disabled_detector_does_not_run():
    rules = with_detectors(DetectorConfig("phone", enabled=False))
    assert "phone" not in {f.kind for f in scan(TEXT, rules)}
    assert "cure_claim" in {f.kind for f in scan(TEXT, rules)}


def test_disabling_both_claim_detectors_removes_claims():
    rules = with_detectors(
        DetectorConfig("claims", enabled=False), DetectorConfig("claims_classifier", enabled=False)
    )
    assert {f.category for f in scan(TEXT, rules)} == {"contact_details"}


def test_classifier_disabled_gives_pattern_only_rule():
    rules = with_detectors(DetectorConfig("claims_classifier", enabled=False))
    claims = [f for f in scan(TEXT, rules) if f.category == "treatment_claim"]
    assert claims and all(f.rule == "claims.pattern" for f in claims)


def test_threshold_drops_low_scores():
    rules = with_detectors(DetectorConfig("phone", threshold=1.0))
    assert "phone" not in {f.kind for f in scan(TEXT, rules)}


def test_threshold_decides_borderline_findings():
    # No context word before the number, so it scores below 0.9 but above the default.
    text = "0113 496 0123 is the helpline"
    strict = {f.kind for f in scan(text, with_detectors(DetectorConfig("phone", threshold=0.95)))}
    default = {f.kind for f in scan(text)}
    assert "phone" not in strict
    assert "phone" in default


def test_detectors_as_mapping():
    rules = Ruleset(
        treatments=DEFAULT_TREATMENTS, detectors={"phone": DetectorConfig("phone", False)}
    )
    assert hash(rules)
    assert "phone" not in {f.kind for f in scan(TEXT, rules)}


def test_overlapping_same_kind_keeps_highest_score():
    rules = Ruleset(
        treatments=DEFAULT_TREATMENTS,
        keyword_rules=(
            KeywordRule("low", "spam", "word", ("silver",), score=0.3),
            KeywordRule("high", "spam", "word", ("silver",), score=0.8),
        ),
    )
    spam = [f for f in scan(TEXT, rules) if f.category == "spam"]
    assert len(spam) == 1 and spam[0].score == 0.8


def test_finding_to_dict_keys():
    f = scan(TEXT)[0]
    assert list(f.to_dict()) == [
        "category",
        "kind",
        "start",
        "end",
        "text",
        "score",
        "rule",
        "explanation",
    ]
    assert dataclasses.is_dataclass(Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.score = 0.1  # type: ignore[misc]


def test_ruleset_is_hashable_and_equal_rulesets_share_cache():
    from moderation.detection import compiled

    a = Ruleset(version=3, treatments=DEFAULT_TREATMENTS)
    b = Ruleset(version=3, treatments=DEFAULT_TREATMENTS)
    assert a == b and hash(a) == hash(b)
    assert compiled(a) is compiled(b)
    assert compiled(default_ruleset()) is compiled(default_ruleset())


@pytest.mark.parametrize("bad", [None, 123, b"bytes", ""])
def test_non_text_or_empty_input(bad):
    assert scan(bad) == []  # type: ignore[arg-type]
