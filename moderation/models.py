"""Moderation data: readers' reports (and, built on them, the triage queue)."""

from django.conf import settings
from django.core.exceptions import ValidationError
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


class RulesetVersion(models.Model):
    """Every change to the rules or the treatment lexicon makes a new version. Scans are keyed by
    the version they ran with, and workers rebuild their compiled rules when it moves."""

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"version {self.pk}: {self.reason}"


class FlagRule(models.Model):
    """What a rule matches: a built-in detector (with its threshold), a list of keywords or
    phrases, or an RE2 pattern written by an admin."""

    class Matcher(models.TextChoices):
        DETECTOR = "detector", "Built-in detector"
        KEYWORDS = "keywords", "Keywords or phrases"
        PATTERN = "pattern", "RE2 pattern"

    class Detector(models.TextChoices):
        PHONE = "phone", "Phone numbers"
        EMAIL = "email", "E-mail addresses"
        ADDRESS = "address", "Postal addresses"
        HANDLE = "handle", "Messaging handles"
        PRACTITIONER = "practitioner", "Named practitioner offered for contact"
        URL = "url", "Websites given for contact or sale"
        CLAIMS = "claims", "Treatment claims (patterns and lexicon)"
        CLAIMS_CLASSIFIER = "claims_classifier", "Treatment claims (trained classifier)"

    name = models.SlugField(
        max_length=80, unique=True, help_text="Short id, shown to moderators with each flag."
    )
    description = models.CharField(max_length=300, blank=True)
    matcher = models.CharField(max_length=16, choices=Matcher.choices)
    detector = models.CharField(
        max_length=32, choices=Detector.choices, blank=True, help_text="For built-in detectors."
    )
    phrases = models.TextField(
        blank=True, help_text="For keyword rules: one keyword or phrase per line."
    )
    pattern = models.TextField(blank=True, help_text="For pattern rules: an RE2 expression.")
    category = models.CharField(
        max_length=40, help_text="contact_details, treatment_claim, or a category of your own."
    )
    kind = models.CharField(max_length=40, blank=True, help_text="e.g. phone, cure_claim.")
    threshold = models.FloatField(
        default=0.5,
        help_text="Built-in detectors: findings scoring below this are ignored (0 to 1). "
        "Keyword and pattern rules: the score their matches get.",
    )
    regions = models.CharField(
        max_length=200,
        blank=True,
        help_text="Phone detector only: ISO region codes, comma-separated (e.g. US, GB, IN).",
    )
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["detector"],
                condition=models.Q(matcher="detector"),
                name="one_rule_per_detector",
            ),
            models.CheckConstraint(
                condition=models.Q(threshold__gte=0) & models.Q(threshold__lte=1),
                name="threshold_between_0_and_1",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def phrase_list(self) -> list[str]:
        return [line.strip() for line in self.phrases.splitlines() if line.strip()]

    @property
    def region_list(self) -> list[str]:
        return [code.strip().upper() for code in self.regions.split(",") if code.strip()]

    def clean(self) -> None:
        from moderation.detection import PatternError, validate_pattern

        errors: dict[str, str] = {}
        if not 0 <= self.threshold <= 1:
            errors["threshold"] = "Use a number from 0 to 1."
        if self.matcher == self.Matcher.DETECTOR and not self.detector:
            errors["detector"] = "Choose which built-in detector this rule tunes."
        if self.matcher == self.Matcher.KEYWORDS and not self.phrase_list:
            errors["phrases"] = "Give at least one keyword or phrase, one per line."
        if self.matcher == self.Matcher.PATTERN:
            try:
                validate_pattern(self.pattern)
            except PatternError as error:
                errors["pattern"] = str(error)
        if self.regions:
            import phonenumbers

            unknown = [
                code for code in self.region_list if code not in phonenumbers.SUPPORTED_REGIONS
            ]
            if unknown:
                errors["regions"] = f"Unknown region code(s): {', '.join(unknown)}."
        if errors:
            raise ValidationError(errors)


class Treatment(models.Model):
    """One entry of the treatment lexicon the claim detector uses, with its evidence status."""

    class Status(models.TextChoices):
        ESTABLISHED = "established", "Established care"
        INVESTIGATIONAL = "investigational", "Investigational"
        UNPROVEN = "unproven", "Unproven"

    name = models.CharField(max_length=120, unique=True)
    synonyms = models.TextField(blank=True, help_text="Other names, one per line.")
    status = models.CharField(max_length=16, choices=Status.choices)
    note = models.CharField(max_length=300, blank=True)
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]
