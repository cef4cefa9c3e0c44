import pytest
from django.core.exceptions import ValidationError

from moderation import detection, selectors, services
from moderation.models import FlagRule, RulesetVersion, Treatment

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_default_rules_for_every_detector_and_the_lexicon():
    detectors = set(FlagRule.objects.values_list("detector", flat=True))

    assert detectors == set(FlagRule.Detector.values)
    assert Treatment.objects.filter(name="homeopathy", status="unproven").exists()
    ruleset = selectors.active_ruleset()
    assert ruleset.version == RulesetVersion.objects.latest("pk").pk
    assert "IN" in ruleset.regions and len(ruleset.treatments) == Treatment.objects.count()


@pytest.mark.parametrize(
    ("pattern", "words"),
    [("(unclosed", "RE2"), ("", "empty"), ("a*", "empty"), ("x|", "empty")],
)
def test_a_bad_pattern_is_refused_with_a_message_naming_the_field(admin_user, pattern, words):
    rule = FlagRule(name="bad", matcher="pattern", pattern=pattern, category="spam")
    before = RulesetVersion.objects.count()

    with pytest.raises(ValidationError) as error:
        services.rule_save(rule=rule, user=admin_user)

    assert words.lower() in " ".join(error.value.message_dict["pattern"]).lower()
    assert RulesetVersion.objects.count() == before
    assert not FlagRule.objects.filter(name="bad").exists()


def test_every_change_makes_a_new_version_and_the_ruleset_follows(admin_user):
    version = selectors.active_ruleset().version

    treatment = services.treatment_save(
        treatment=Treatment(name="turmeric paste", status="unproven"), user=admin_user
    )
    after_add = selectors.active_ruleset()
    services.treatment_delete(treatment=treatment, user=admin_user)
    after_delete = selectors.active_ruleset()

    assert after_add.version > version
    assert "turmeric paste" in {t.name for t in after_add.treatments}
    assert after_delete.version > after_add.version
    assert "turmeric paste" not in {t.name for t in after_delete.treatments}
    assert RulesetVersion.objects.latest("pk").created_by == admin_user


def test_keyword_rules_reach_the_engine_as_one_rule_each(admin_user):
    services.rule_save(
        rule=FlagRule(
            name="spam-words",
            matcher="keywords",
            phrases="crypto\n  \nforex signals\n",
            category="spam",
            kind="spam",
            threshold=0.7,
        ),
        user=admin_user,
    )

    (rule,) = selectors.active_ruleset().keyword_rules
    findings = detection.scan("join my forex signals group", selectors.active_ruleset())

    assert rule.phrases == ("crypto", "forex signals")
    assert [(f.category, f.text, f.score) for f in findings] == [("spam", "forex signals", 0.7)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"matcher": "keywords", "phrases": "  "}, "phrases"),
        ({"matcher": "detector", "detector": ""}, "detector"),
        ({"matcher": "keywords", "phrases": "x", "threshold": 1.5}, "threshold"),
        ({"matcher": "keywords", "phrases": "x", "regions": "US, XX"}, "regions"),
    ],
)
def test_incomplete_rules_are_refused_naming_the_field(admin_user, changes, field):
    rule = FlagRule(name="incomplete", category="spam", **changes)

    with pytest.raises(ValidationError) as error:
        services.rule_save(rule=rule, user=admin_user)

    assert field in error.value.message_dict


def test_a_second_rule_for_the_same_detector_is_refused(admin_user):
    with pytest.raises(ValidationError):
        services.rule_save(
            rule=FlagRule(name="phones-2", matcher="detector", detector="phone", category="x"),
            user=admin_user,
        )
