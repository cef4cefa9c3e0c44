from django import forms
from django.conf import settings

from moderation.models import CaseStatus, DecisionAction, FlagRule, ReportReason, Treatment


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this post?",
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a reason."},
    )
    note = forms.CharField(
        label="Anything the moderators should know? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- The queue ---------------------------------------------------------------------------------

STATUS_CHOICES = [
    ("open", "Open"),
    (CaseStatus.ESCALATED, "Escalated"),
    (CaseStatus.DECIDED, "Decided"),
    ("all", "All"),
]
CATEGORY_CHOICES = [
    ("", "Any"),
    ("contact_details", "Contact details"),
    ("treatment_claim", "Treatment claim"),
    ("spam", "Spam (reported)"),
    ("abuse", "Abuse (reported)"),
    ("other", "Other (reported)"),
]


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string. Every field is optional; an unknown value
    is ignored rather than refused, so an old bookmark still opens the queue."""

    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    category = forms.ChoiceField(label="Category", choices=CATEGORY_CHOICES, required=False)
    reason = forms.ChoiceField(
        label="Report reason",
        choices=[
            ("", "Any"),
            (ReportReason.CONTACT_DETAILS, "Contact details"),
            (ReportReason.TREATMENT_CLAIM, "Treatment claim"),
            (ReportReason.SPAM, "Spam or advertising"),
            (ReportReason.ABUSE, "Abuse"),
            (ReportReason.OTHER, "Something else"),
        ],
        required=False,
    )
    source = forms.ChoiceField(
        label="Source",
        choices=[("", "Any"), ("detector", "Detector"), ("reader", "Reader")],
        required=False,
    )
    age = forms.ChoiceField(
        label="Opened",
        choices=[
            ("", "Any time"),
            ("24h", "In the last 24 hours"),
            ("7d", "In the last 7 days"),
            ("older", "More than 7 days ago"),
        ],
        required=False,
    )
    assignee = forms.ChoiceField(
        label="Assigned to",
        choices=[("", "Anyone"), ("me", "Me"), ("unassigned", "Nobody")],
        required=False,
    )

    def filters(self) -> dict[str, str]:
        """The valid filters, as keyword arguments for selectors.case_queue."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        data["status"] = data["status"] or "open"
        return data


# --- Decisions ---------------------------------------------------------------------------------

OTHER = "other"
OTHER_LABEL = "Other (write below)"

# Ready reasons per action. The author reads the reason in their notification, so it is written
# to them. Which ones a case offers, and which is preselected, depends on the case (see
# ready_reasons): one click decides the common case, with a reason that fits it.
READY_REASONS: dict[str, list[str]] = {
    DecisionAction.APPROVE: [
        "Nothing wrong: the post follows the community rules",
        "The flagged details are not contact details",
        "A personal experience, not a treatment claim",
    ],
    DecisionAction.REDACT: [
        "Phone numbers and addresses are not allowed, for everyone's safety",
        "E-mail addresses and messaging handles are not allowed, for everyone's safety",
        "Contact details of practitioners are not allowed; name the treatment, not the clinic",
    ],
    DecisionAction.EDIT: [
        "Contact details and an unverified treatment claim were removed",
        "An unverified treatment claim was removed",
        "Personal details were removed",
    ],
    DecisionAction.REMOVE: [
        "Unverified treatment claim",
        "Spam or advertising",
        "Abusive",
        "Advertising a practitioner or clinic with their contact details",
    ],
    DecisionAction.WARN: [
        "Please don't share contact details on the forum",
        "Please don't promote treatments without evidence",
        "Please be kind to other members",
        "Please don't advertise on the forum",
    ],
    DecisionAction.SUSPEND: [
        "Advertising a practitioner or product to patients",
        "Promoting unproven treatments to patients",
        "Abusive behaviour",
        "Repeated advertising after a warning",
        "Repeated unverified treatment claims after a warning",
    ],
    DecisionAction.ESCALATE: [
        "Needs an administrator's decision",
        "Possible medical emergency or risk of harm",
        "Possible legal issue",
    ],
    DecisionAction.REOPEN: [
        "The decision was a mistake",
        "The author explained the post",
        "Decide again with what is new",
    ],
}

# Reasons that only make sense for an author who was warned before.
AFTER_WARNING = {r for r in READY_REASONS[DecisionAction.SUSPEND] if r.endswith("after a warning")}

# The reason that fits a case's main category best, per action (the first fitting one is
# preselected).
FITTING: dict[str, dict[str, str]] = {
    DecisionAction.APPROVE: {
        "contact_details": "The flagged details are not contact details",
        "treatment_claim": "A personal experience, not a treatment claim",
    },
    DecisionAction.REDACT: {
        "contact_details": "Phone numbers and addresses are not allowed, for everyone's safety",
    },
    DecisionAction.REMOVE: {
        "contact_details": "Advertising a practitioner or clinic with their contact details",
        "treatment_claim": "Unverified treatment claim",
        "spam": "Spam or advertising",
        "abuse": "Abusive",
    },
    DecisionAction.WARN: {
        "contact_details": "Please don't share contact details on the forum",
        "treatment_claim": "Please don't promote treatments without evidence",
        "spam": "Please don't advertise on the forum",
        "abuse": "Please be kind to other members",
    },
    DecisionAction.SUSPEND: {
        "contact_details": "Advertising a practitioner or product to patients",
        "spam": "Advertising a practitioner or product to patients",
        "treatment_claim": "Promoting unproven treatments to patients",
        "abuse": "Abusive behaviour",
    },
}
FITTING_AFTER_WARNING = {
    "contact_details": "Repeated advertising after a warning",
    "spam": "Repeated advertising after a warning",
    "treatment_claim": "Repeated unverified treatment claims after a warning",
}


def ready_reasons(action: str, *, category: str = "", warned: bool = False) -> list[str]:
    """The ready reasons a case offers for `action`, the best fitting first: `category` is the
    case's main one (its worst flag's, or its first report's reason); "after a warning" reasons
    are offered only when the author was warned before."""
    reasons = list(READY_REASONS.get(action, []))
    if action == DecisionAction.SUSPEND and not warned:
        reasons = [r for r in reasons if r not in AFTER_WARNING]
    best = FITTING.get(action, {}).get(category)
    if action == DecisionAction.SUSPEND and warned:
        best = FITTING_AFTER_WARNING.get(category, best)
    if best in reasons:
        reasons.remove(best)
        reasons.insert(0, best)
    return reasons


# Words on each action's button, and a line saying what it does.
ACTION_BUTTONS: dict[str, tuple[str, str]] = {
    DecisionAction.APPROVE: ("Approve", "Publish the post as written and dismiss the flags."),
    DecisionAction.REDACT: (
        "Redact contact details",
        "Readers see the post with the flagged contact details masked; the original is kept.",
    ),
    DecisionAction.EDIT: (
        "Publish edited text",
        "Readers see the text below instead of the original (kept for moderators).",
    ),
    DecisionAction.REMOVE: ("Remove post", "Hide the post from everyone but its author."),
    DecisionAction.WARN: (
        "Warn author",
        "Send the author a warning. A post readers can see stays as it is; a post they cannot "
        "see yet stays hidden (removed).",
    ),
    DecisionAction.SUSPEND: (
        "Suspend author",
        "Remove the post and stop the author writing for the number of days below.",
    ),
    DecisionAction.ESCALATE: (
        "Escalate",
        "Hand the case to the administrators; from then on only they decide it.",
    ),
    DecisionAction.REOPEN: (
        "Reopen case",
        "Undo the decision: the post goes back to what the rules make of it until someone "
        "decides again.",
    ),
}


def reason_choices(reasons: list[str]) -> list[tuple[str, str]]:
    return [(text, text) for text in reasons] + [(OTHER, OTHER_LABEL)]


class DecisionForm(forms.Form):
    """One decision on a case. The reason is a ready one, or "other" with the note as the reason;
    a note given with a ready reason is added to it."""

    action = forms.ChoiceField(choices=DecisionAction.choices, widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label="Reason",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a reason for this decision."},
    )
    note = forms.CharField(
        label="Note to the author (optional; required for “Other”)",
        required=False,
        max_length=400,
        widget=forms.TextInput,
    )
    body = forms.CharField(
        label="Text readers will see",
        required=False,
        max_length=settings.FORUM_POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    days = forms.IntegerField(label="Days", required=False, min_value=1, max_value=365)
    # The case's version when the page was drawn: a decision on a case that changed since is
    # refused with a message instead of overwriting what someone else did.
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    # The post's revision the moderator read: a decision on a text the author changed since is
    # refused, so that nothing is approved unseen.
    revision = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        action: str | None = None,
        category: str = "",
        warned: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        action = action or self.data.get(self.add_prefix("action")) or ""
        self.action = action
        # A case page holds one form per action: keep their ids apart.
        self.auto_id = f"decide-{action}-%s"
        ready = ready_reasons(action, category=category, warned=warned)
        # A posted form accepts any ready reason of its action (the page may be older than the
        # case's last change); a drawn one offers those that fit the case.
        offered = READY_REASONS.get(action, []) if self.is_bound else ready
        self.fields["reason"].choices = reason_choices(offered)
        self.fields["action"].initial = action
        if ready:
            self.fields["reason"].initial = ready[0]
        if action == DecisionAction.SUSPEND:
            self.fields["days"].initial = 7
        label, help_text = ACTION_BUTTONS.get(action, (action, ""))
        self.button_label, self.help_text = label, help_text

    def clean(self):
        data = super().clean()
        reason, note = data.get("reason"), (data.get("note") or "").strip()
        if reason == OTHER:
            if not note:
                self.add_error("note", "Write the reason here, or choose a ready one above.")
            data["full_reason"] = note
        elif reason:
            data["full_reason"] = f"{reason}. {note}" if note else reason
        return data


BULK_REASONS: dict[str, list[str]] = {
    DecisionAction.APPROVE: READY_REASONS[DecisionAction.APPROVE],
    DecisionAction.REMOVE: READY_REASONS[DecisionAction.REMOVE],
}


class BulkDecisionForm(forms.Form):
    """Approve or remove the cases ticked in the queue, with one reason for all of them."""

    cases = forms.TypedMultipleChoiceField(
        coerce=int, error_messages={"required": "Tick at least one case first."}
    )
    action = forms.ChoiceField(
        label="Decision",
        choices=[(DecisionAction.APPROVE, "Approve"), (DecisionAction.REMOVE, "Remove")],
        initial=DecisionAction.REMOVE,
    )
    reason = forms.ChoiceField(
        label="Reason",
        choices=[
            ("Approve", [(r, r) for r in BULK_REASONS[DecisionAction.APPROVE]]),
            ("Remove", [(r, r) for r in BULK_REASONS[DecisionAction.REMOVE]]),
            ("", [(OTHER, OTHER_LABEL)]),
        ],
        initial=READY_REASONS[DecisionAction.REMOVE][1],
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(label="Other reason or note", required=False, max_length=400)

    def __init__(self, *args, case_ids=(), **kwargs):
        # The queue page also holds the filter form, whose fields share these names.
        kwargs.setdefault("auto_id", "bulk-%s")
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [(pk, pk) for pk in case_ids]

    def clean_cases(self):
        return [int(pk) for pk in self.cleaned_data["cases"]]

    def clean(self):
        data = super().clean()
        reason, note = data.get("reason"), (data.get("note") or "").strip()
        if reason == OTHER:
            if not note:
                self.add_error("note", "Write the reason, or choose a ready one.")
            data["full_reason"] = note
        elif reason:
            action = data.get("action")
            if action and reason not in BULK_REASONS[action]:
                self.add_error("reason", "Choose a reason that fits the decision.")
            data["full_reason"] = f"{reason}. {note}" if note else reason
        return data


# --- Rules and treatments ----------------------------------------------------------------------


class FlagRuleForm(forms.ModelForm):
    """Create or change a rule. Saved only through services.rule_save, which validates it (an RE2
    pattern that does not compile is refused on the pattern field)."""

    dry_run_posts = forms.IntegerField(
        label="Test on this many recent posts",
        min_value=1,
        max_value=5000,
        initial=500,
        required=False,
    )

    class Meta:
        model = FlagRule
        fields = [
            "name",
            "description",
            "matcher",
            "detector",
            "phrases",
            "pattern",
            "regions",
            "category",
            "kind",
            "threshold",
            "severity",
            "action",
            "new_member_action",
            "hide_after_reports",
            "scope_categories",
            "scope_article",
            "enabled",
        ]
        widgets = {
            "phrases": forms.Textarea(attrs={"rows": 4}),
            "pattern": forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
            "description": forms.TextInput,
            "scope_categories": forms.CheckboxSelectMultiple,
            "threshold": forms.NumberInput(attrs={"step": "0.05", "min": 0, "max": 1}),
        }
        labels = {
            "description": "Explanation shown to moderators",
            "new_member_action": "Action for new members",
            "scope_categories": "Only in these forum categories",
            "scope_article": "Also in comments under the article",
        }

    FIELDSETS = (
        ("The rule", ("name", "description", "enabled")),
        ("What it matches", ("matcher", "detector", "phrases", "pattern", "regions", "threshold")),
        (
            "What it does",
            ("category", "kind", "severity", "action", "new_member_action", "hide_after_reports"),
        ),
        ("Where it applies", ("scope_categories", "scope_article")),
    )

    def fields_with_errors(self) -> list:
        return [field for field in self if field.errors]

    def fieldsets(self) -> list[tuple[str, list]]:
        """The fields in groups, so a long form reads as four short ones."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]


class TreatmentForm(forms.ModelForm):
    class Meta:
        model = Treatment
        fields = ["name", "synonyms", "status", "note", "enabled"]
        widgets = {"synonyms": forms.Textarea(attrs={"rows": 3}), "note": forms.TextInput}


# --- The audit log -----------------------------------------------------------------------------

AUDIT_PREFIXES = [
    ("", "Everything"),
    ("case.", "Cases (decisions, claims)"),
    ("post.", "Posts (state changes)"),
    ("rule.", "Rules"),
    ("treatment.", "Treatments"),
    ("report.", "Reports"),
    ("user.", "Members (suspensions)"),
]


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label="Show", choices=AUDIT_PREFIXES, required=False)

    def action_prefix(self) -> str:
        self.is_valid()
        return self.cleaned_data.get("action") or ""
