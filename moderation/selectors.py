"""Everything that reads moderation data."""

import threading

from moderation import detection
from moderation.models import FlagRule, RulesetVersion, Treatment

_cache = threading.local()


def ruleset_version() -> int:
    """The number of the rules now in force (0 before any version exists)."""
    return _current_version()[0]


def _current_version() -> tuple[int, object]:
    # (number, created_at): the time tells apart a number SQLite reused after a rollback.
    row = RulesetVersion.objects.order_by("-pk").values_list("pk", "created_at").first()
    return row or (0, None)


def ruleset_build(*, version: int) -> detection.Ruleset:
    """The rules and lexicon in the database as the detection engine's plain data."""
    rules = list(FlagRule.objects.all())
    detectors = tuple(
        detection.DetectorConfig(rule.detector, rule.enabled, rule.threshold)
        for rule in rules
        if rule.matcher == FlagRule.Matcher.DETECTOR
    )
    phone = next((r for r in rules if r.detector == FlagRule.Detector.PHONE), None)
    regions = tuple(phone.region_list) if phone and phone.region_list else None
    keyword_rules = tuple(
        detection.KeywordRule(
            name=rule.name,
            category=rule.category,
            kind=rule.kind or "keyword",
            phrases=tuple(rule.phrase_list),
            score=rule.threshold,
            explanation=rule.description,
        )
        for rule in rules
        if rule.enabled and rule.matcher == FlagRule.Matcher.KEYWORDS
    )
    pattern_rules = tuple(
        detection.PatternRule(
            name=rule.name,
            category=rule.category,
            kind=rule.kind or "pattern",
            pattern=rule.pattern,
            score=rule.threshold,
            explanation=rule.description,
        )
        for rule in rules
        if rule.enabled and rule.matcher == FlagRule.Matcher.PATTERN
    )
    treatments = tuple(
        detection.TreatmentEntry(t.name, tuple(t.synonym_list), t.status)
        for t in Treatment.objects.filter(enabled=True)
    )
    extra = {"regions": regions} if regions else {}
    return detection.Ruleset(
        version=version,
        detectors=detectors,
        keyword_rules=keyword_rules,
        pattern_rules=pattern_rules,
        treatments=treatments,
        **extra,
    )


def active_ruleset() -> detection.Ruleset:
    """The rules in force, built once per version per thread: one small query per call when
    nothing changed, so a worker picks up an admin's change on its next scan."""
    key = _current_version()
    if getattr(_cache, "key", None) != key:
        _cache.ruleset = ruleset_build(version=key[0])
        _cache.key = key
    return _cache.ruleset
