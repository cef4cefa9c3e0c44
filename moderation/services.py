"""Everything that writes moderation data."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forum.models import Post, User
from moderation.models import Report, ReportReason

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
