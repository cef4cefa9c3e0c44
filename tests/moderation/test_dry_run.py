"""Dry runs: one rule, as written and unsaved, over recent posts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from moderation import detection, dry_run
from moderation.models import Flag, FlagRule, RulesetVersion
from tests.factories import CategoryFactory, PostFactory, ThreadFactory
from tests.moderation.conftest import COMMENT_1, COMMENT_2

pytestmark = pytest.mark.django_db


def _rule(**fields) -> FlagRule:
    defaults = {"name": "test-rule", "category": "spam", "kind": "", "threshold": 0.9}
    return FlagRule(**{**defaults, **fields})


def _posts(*bodies, thread=None, start=None):
    """Posts written one minute apart, the last body the newest."""
    thread = thread or ThreadFactory()
    start = start or timezone.now() - timedelta(hours=1)
    return [
        PostFactory(thread=thread, body=body, created_at=start + timedelta(minutes=n))
        for n, body in enumerate(bodies)
    ]


def test_a_keyword_rule_counts_the_posts_it_would_flag_with_the_matches():
    _posts("Buy cheap pills here", "My hands are cold", "CHEAP PILLS and more cheap pills")
    rule = _rule(matcher="keywords", phrases="cheap pills\n")

    result = dry_run.rule_dry_run(rule=rule)

    assert (result.scanned, result.flagged, result.matches) == (3, 2, 3)
    assert result.share == pytest.approx(2 / 3)
    newest, older = result.examples
    assert [f.text for f in newest.findings] == ["CHEAP PILLS", "cheap pills"]
    assert [f.text for f in older.findings] == ["cheap pills"]
    assert [piece["text"] for piece in older.pieces if piece["flags"]] == ["cheap pills"]
    assert "".join(piece["text"] for piece in older.pieces) == "Buy cheap pills here"


def test_a_pattern_rule_runs_on_re2():
    _posts("order 12 boxes now", "I waited 3 months", "order 7 boxes")
    rule = _rule(matcher="pattern", pattern=r"order \d+ boxes")

    result = dry_run.rule_dry_run(rule=rule)

    assert result.flagged == 2
    assert sorted(f.text for e in result.examples for f in e.findings) == [
        "order 12 boxes",
        "order 7 boxes",
    ]


def test_a_detector_rule_runs_alone_at_its_threshold():
    _posts(COMMENT_1, COMMENT_2)
    phone = _rule(matcher="detector", detector="phone", threshold=0.5, regions="IN")

    result = dry_run.rule_dry_run(rule=phone)

    assert result.flagged == 1
    (example,) = result.examples
    assert {(f.kind, f.text) for f in example.findings} == {("phone", "040-23733200")}
    strict = dry_run.rule_dry_run(rule=_rule(matcher="detector", detector="phone", threshold=1.0))
    assert strict.flagged == 0


def test_the_ruleset_switches_off_every_other_detector():
    keywords = dry_run.ruleset_for_rule(_rule(matcher="keywords", phrases="x"))
    address = dry_run.ruleset_for_rule(_rule(matcher="detector", detector="address", threshold=0.7))

    assert {n for n in detection.DETECTOR_NAMES if keywords.enabled(n)} == {"keyword_rules"}
    assert {n for n in detection.DETECTOR_NAMES if address.enabled(n)} == {"address"}
    assert address.threshold("address") == 0.7
    assert len(keywords.keyword_rules) == 1 and not keywords.pattern_rules


def test_a_disabled_rule_still_runs_and_nothing_is_saved():
    _posts("cheap pills")
    versions, flags = RulesetVersion.objects.count(), Flag.objects.count()

    result = dry_run.rule_dry_run(
        rule=_rule(matcher="keywords", phrases="cheap pills", enabled=False)
    )

    assert result.flagged == 1
    assert RulesetVersion.objects.count() == versions and Flag.objects.count() == flags
    assert not FlagRule.objects.filter(name="test-rule").exists()


def test_only_the_last_n_posts_not_deleted_are_scanned():
    old, *_ = _posts("cheap pills (old)", "nothing", "cheap pills (new)")
    gone = PostFactory(body="cheap pills (deleted)", deleted_at=timezone.now())
    rule = _rule(matcher="keywords", phrases="cheap pills")

    last_two = dry_run.rule_dry_run(rule=rule, limit=2)
    every = dry_run.rule_dry_run(rule=rule)

    assert (last_two.scanned, last_two.flagged) == (2, 1)
    assert (every.scanned, every.flagged) == (3, 2)
    assert gone.pk not in {e.post.pk for e in every.examples}
    assert old.pk in {e.post.pk for e in every.examples}


def test_examples_are_capped_but_the_count_is_not():
    _posts(*[f"cheap pills {n}" for n in range(5)])

    result = dry_run.rule_dry_run(rule=_rule(matcher="keywords", phrases="cheap pills"), examples=2)

    assert result.flagged == 5 and len(result.examples) == 2
    assert [e.post.body for e in result.examples] == ["cheap pills 4", "cheap pills 3"]


def test_a_scoped_rule_looks_only_where_it_applies(article):
    support = CategoryFactory(slug="support")
    (in_support,) = _posts("cheap pills", thread=ThreadFactory(category=support))
    _posts("cheap pills", thread=ThreadFactory())
    (under_article,) = _posts("cheap pills", thread=article.thread)
    rule = _rule(matcher="keywords", phrases="cheap pills")

    only_support = dry_run.rule_dry_run(rule=rule, scope_categories=[support])
    support_and_article = dry_run.rule_dry_run(
        rule=rule, scope_categories=[support.pk], scope_article=True
    )
    everywhere = dry_run.rule_dry_run(rule=rule)

    assert [e.post.pk for e in only_support.examples] == [in_support.pk]
    assert {e.post.pk for e in support_and_article.examples} == {in_support.pk, under_article.pk}
    assert everywhere.flagged == 3
