"""Everything that writes moderation data."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forum.models import Post, User
from moderation.models import FlagRule, Report, ReportReason, RulesetVersion, Treatment

ALREADY_REPORTED = "You have already reported this post. Thank you: a moderator will look at it."


def report_create(*, post: Post, reporter: User, reason: str, note: str = "") -> Report:
    """Store a reader's report. Raises ValidationError naming the field for an unknown reason, a
    report on one's own post, or a second report on the same post."""
    if reason not in ReportReason.values:
        choices = ", ".join(ReportReason.values)
        raise ValidationError({"reason": f"Choose one of the reasons: {choices}."})
    if post.author_id == reporter.pk:
        raise ValidationError(
            {"post": "You can't report your own post; edit or delete it instead."}
        )
    report = Report(post=post, reporter=reporter, reason=reason, note=(note or "").strip())
    report.full_clean(exclude=["post", "reporter"], validate_constraints=False)
    if Report.objects.filter(post=post, reporter=reporter).exists():
        raise ValidationError({"post": ALREADY_REPORTED})
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # the same reader, twice at the same moment
        raise ValidationError({"post": ALREADY_REPORTED}) from error
    return report


def _ruleset_bump(*, user: User | None, reason: str) -> RulesetVersion:
    return RulesetVersion.objects.create(created_by=user, reason=reason[:300])


@transaction.atomic
def rule_save(*, rule: FlagRule, user: User | None) -> FlagRule:
    """Create or change a rule. A pattern RE2 cannot compile, or one that matches the empty
    string, is refused with a message naming it; every change makes a new ruleset version."""
    created = rule.pk is None
    rule.updated_by = user
    rule.full_clean()
    rule.save()
    _ruleset_bump(user=user, reason=f"{'Added' if created else 'Changed'} rule {rule.name}")
    return rule


@transaction.atomic
def rule_delete(*, rule: FlagRule, user: User | None) -> None:
    name = rule.name
    rule.delete()
    _ruleset_bump(user=user, reason=f"Deleted rule {name}")


@transaction.atomic
def treatment_save(*, treatment: Treatment, user: User | None) -> Treatment:
    """Create or change a lexicon entry; a new ruleset version."""
    created = treatment.pk is None
    treatment.full_clean()
    treatment.save()
    _ruleset_bump(
        user=user, reason=f"{'Added' if created else 'Changed'} treatment {treatment.name}"
    )
    return treatment


@transaction.atomic
def treatment_delete(*, treatment: Treatment, user: User | None) -> None:
    name = treatment.name
    treatment.delete()
    _ruleset_bump(user=user, reason=f"Deleted treatment {name}")
