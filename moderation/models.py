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
    case = models.ForeignKey(
        "Case", null=True, blank=True, related_name="reports", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_reader"),
        ]
        indexes = [models.Index(fields=["reporter", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.post} by {self.reporter}"


class Severity(models.IntegerChoices):
    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class Action(models.TextChoices):
    """What a rule does to a post it flags."""

    FLAG = "flag", "Flag for review (post stays visible)"
    HOLD = "hold", "Hold for approval (hidden until a moderator approves)"
    REDACT = "redact", "Redact contact details (original kept for moderators)"
    AUTO_HIDE = "auto_hide", "Flag, and hide after N member reports"


# How strongly each action restricts a post: when several rules fire, the strongest wins.
ACTION_STRENGTH = {Action.FLAG: 0, Action.AUTO_HIDE: 1, Action.REDACT: 2, Action.HOLD: 3}


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
    severity = models.PositiveSmallIntegerField(choices=Severity.choices, default=Severity.MEDIUM)
    action = models.CharField(max_length=16, choices=Action.choices, default=Action.FLAG)
    new_member_action = models.CharField(
        max_length=16,
        choices=Action.choices,
        blank=True,
        help_text="What the rule does to posts of new members, if different.",
    )
    hide_after_reports = models.PositiveSmallIntegerField(
        default=3, help_text="For “hide after N reports”: how many distinct members."
    )
    scope_categories = models.ManyToManyField(
        "forum.Category",
        blank=True,
        related_name="+",
        help_text="Only posts in these forum categories. Leave empty (and the box below "
        "unticked) for the whole site.",
    )
    scope_article = models.BooleanField(
        default=False, help_text="Comments under the article (with or without categories)."
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

    def action_for(self, *, new_member: bool) -> str:
        return (self.new_member_action or self.action) if new_member else self.action

    @property
    def region_list(self) -> list[str]:
        return [code.strip().upper() for code in self.regions.split(",") if code.strip()]

    def clean(self) -> None:
        from moderation.detection import PatternError, validate_pattern

        errors: dict[str, str] = {}
        if not 0 <= self.threshold <= 1:
            errors["threshold"] = "Use a number from 0 to 1."
        if self.action == Action.AUTO_HIDE and not self.hide_after_reports:
            errors["hide_after_reports"] = "Hide after at least one report."
        if self.matcher == self.Matcher.DETECTOR and not self.detector:
            errors["detector"] = "Choose which built-in detector this rule tunes."
        elif (
            self.matcher == self.Matcher.DETECTOR
            and FlagRule.objects.filter(matcher=self.Matcher.DETECTOR, detector=self.detector)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["detector"] = "This detector already has a rule; change that one instead."
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


class Scan(models.Model):
    """One scan of one revision of a post under one ruleset version. Its uniqueness is what makes
    a retried or duplicated task a no-op. `verdict_*` is what the rules alone make of the post;
    it is what readers see unless a moderator's decision covers this revision."""

    post = models.ForeignKey("forum.Post", related_name="scans", on_delete=models.CASCADE)
    revision = models.PositiveIntegerField()
    ruleset_version = models.PositiveIntegerField()
    finding_count = models.PositiveIntegerField(default=0)
    verdict_state = models.CharField(max_length=16, blank=True)
    verdict_public_body = models.TextField(blank=True)
    # Masking can make a title longer than it was written ("[contact details removed]").
    verdict_public_title = models.TextField(blank=True)
    # What the post is written in, as the detectors read it: "en", "es", "pt", "fr", "hi",
    # "hi-Latn" (Hindi in Latin letters), "ur", "ar", or "und" when too short to tell.
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "revision", "ruleset_version"], name="one_scan_per_key"
            ),
        ]
        indexes = [models.Index(fields=["post", "revision"])]

    def __str__(self) -> str:
        return f"scan of {self.post_id} r{self.revision} v{self.ruleset_version}"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    ESCALATED = "escalated", "Escalated to admins"
    DECIDED = "decided", "Decided"


class Case(models.Model):
    """Everything about one post that needs a moderator: its automatic flags and its reports.
    One case per post, ever: a decided case reopens when the post is flagged or reported again."""

    post = models.OneToOneField("forum.Post", related_name="case", on_delete=models.CASCADE)
    status = models.CharField(
        max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN, db_index=True
    )
    priority = models.IntegerField(default=0)
    severity = models.PositiveSmallIntegerField(choices=Severity.choices, default=Severity.LOW)
    reporter_count = models.PositiveIntegerField(default=0)
    has_flags = models.BooleanField(default=False)
    has_reports = models.BooleanField(default=False)
    categories = models.JSONField(default=list, help_text="Flag categories and report reasons.")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="claimed_cases",
        on_delete=models.SET_NULL,
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    last_decision = models.CharField(max_length=16, blank=True)
    # The revision of the post the standing decision covers (None: no decision stands). While it
    # equals the post's revision, scans and rule changes never change what readers see.
    decided_revision = models.PositiveIntegerField(null=True, blank=True)
    # Once escalated, only administrators decide or reopen the case.
    escalated = models.BooleanField(default=False)
    # Raised by every change of status; a decision made on an older version is refused (409).
    version = models.PositiveIntegerField(default=0)
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-priority", "opened_at"]
        indexes = [
            # The queue: open cases, worst first.
            models.Index(fields=["status", "-priority", "opened_at"], name="case_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"case {self.pk} on post {self.post_id}"

    @property
    def is_open(self) -> bool:
        return self.status != CaseStatus.DECIDED


class Flag(models.Model):
    """One finding of one rule on one revision of a post, with its span in what the author wrote."""

    case = models.ForeignKey(Case, related_name="flags", on_delete=models.CASCADE)
    post = models.ForeignKey("forum.Post", related_name="flags", on_delete=models.CASCADE)
    revision = models.PositiveIntegerField()
    rule = models.ForeignKey(
        FlagRule, null=True, blank=True, related_name="flags", on_delete=models.SET_NULL
    )
    rule_name = models.CharField(max_length=80, help_text="The rule or detector that fired.")
    category = models.CharField(max_length=40)
    kind = models.CharField(max_length=40)
    field = models.CharField(
        max_length=8,
        choices=[("body", "Post text"), ("title", "Topic title")],
        default="body",
        help_text="Where the span is: the post's text or its topic's title (first posts only).",
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # Further places the same finding occurs (merged so one post cannot make hundreds of flags):
    # [[start, end], ...] in the same field; redaction masks all of them.
    more_spans = models.JSONField(default=list, blank=True)
    text = models.TextField()
    score = models.FloatField()
    explanation = models.CharField(max_length=300)
    severity = models.PositiveSmallIntegerField(choices=Severity.choices)
    action = models.CharField(max_length=16, choices=Action.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "revision", "rule_name", "field", "start", "end"],
                name="one_flag_per_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}/{self.kind} on post {self.post_id}: {self.text[:40]}"


class DecisionAction(models.TextChoices):
    APPROVE = "approve", "Approve (dismiss the flags)"
    REDACT = "redact", "Redact contact details"
    EDIT = "edit", "Edit the text"
    REMOVE = "remove", "Remove the post"
    WARN = "warn", "Warn the author"
    SUSPEND = "suspend", "Suspend the author"
    ESCALATE = "escalate", "Escalate to admins"
    REOPEN = "reopen", "Reopen (undo the decision)"


class Decision(models.Model):
    """One moderator action on a case. `details` holds the revision it covers and, for a decision
    on the post, the state and public text it gave the post (`state`, `public_body`)."""

    case = models.ForeignKey(Case, related_name="decisions", on_delete=models.CASCADE)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=16, choices=DecisionAction.choices)
    reason = models.CharField(max_length=500)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} on {self.case} by {self.moderator}"


class AuditEntry(models.Model):
    """Who did what, when, with the state before and after. Written in the same transaction as
    the action; never changed or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=40)
    target_id = models.CharField(max_length=40)
    reason = models.CharField(max_length=500, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
