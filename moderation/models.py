"""Moderation data: readers' reports (and, built on them, the triage queue)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReportReason(models.TextChoices):
    CONTACT_DETAILS = "contact_details", "It shares contact details (phone, address, e-mail)"
    TREATMENT_CLAIM = "treatment_claim", "It claims a treatment works without evidence"
    SPAM = "spam", "It is spam or advertising"
    ABUSE = "abuse", "It is abusive or unkind"
    OTHER = "other", "Something else"


class Report(models.Model):
    """A reader's "Report to administrator" on a post. One per reader and post."""

    post = models.ForeignKey("forum.Post", related_name="reports", on_delete=models.CASCADE)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="reports", on_delete=models.CASCADE
    )
    reason = models.CharField(max_length=32, choices=ReportReason.choices)
    note = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_reader"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.post} by {self.reporter}"
