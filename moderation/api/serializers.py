"""Shapes of the moderation API. Serializers check shape (types, known choices, lists of
strings); the business rules (who may decide, what a decision needs, which patterns RE2 accepts,
uniqueness of rules) are enforced by moderation.services, so that pages and API refuse alike."""

from django.db.models import TextChoices
from django.utils.text import Truncator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from forum.models import Category, Post
from moderation import selectors
from moderation.models import (
    Action,
    AuditEntry,
    Case,
    CaseStatus,
    Decision,
    DecisionAction,
    Flag,
    FlagRule,
    Report,
    ReportReason,
    Treatment,
)

EXCERPT_CHARS = 160


def _choice_error(name: str, choices) -> dict:
    return {"invalid_choice": f"“{{input}}” is not a {name}; choose {', '.join(choices)}."}


def _named_choice_field(name: str, choices: list[tuple[str, str]], blank_means: str = ""):
    """A ChoiceField whose choice set is one named enum in the OpenAPI schema wherever it is
    used. Several choice sets share field names here (`action` of a rule and of a decision,
    `status` of a case and of a treatment), which drf-spectacular could only name by hash."""
    values = [value for value, _ in choices]
    lines = [f"* `{value}` - {label}" for value, label in choices]
    if blank_means:
        values.append("")
        lines.append(f"* `` (blank) - {blank_means}")
    schema = {"type": "string", "enum": values, "description": "\n".join(lines)}

    @extend_schema_field(schema, component_name=name)
    class NamedChoiceField(serializers.ChoiceField):
        def __init__(self, **kwargs):
            kwargs.setdefault("allow_blank", bool(blank_means))
            super().__init__(choices=choices, **kwargs)

    NamedChoiceField.__name__ = NamedChoiceField.__qualname__ = f"{name}Field"
    return NamedChoiceField


def _pairs(choices: type[TextChoices]) -> list[tuple[str, str]]:
    return list(choices.choices)


CaseStatusField = _named_choice_field("CaseStatusEnum", _pairs(CaseStatus))
DecisionActionField = _named_choice_field("DecisionActionEnum", _pairs(DecisionAction))
BulkActionField = _named_choice_field(
    "BulkDecisionActionEnum",
    [(a.value, a.label) for a in (DecisionAction.APPROVE, DecisionAction.REMOVE)],
)
RuleActionField = _named_choice_field("RuleActionEnum", _pairs(Action))
NewMemberActionField = _named_choice_field(
    "NewMemberActionEnum", _pairs(Action), blank_means="the same as `action`"
)
TreatmentStatusField = _named_choice_field("TreatmentStatusEnum", _pairs(Treatment.Status))


class LinesField(serializers.ListField):
    """A list of strings in the API, one line each in the model's text field."""

    child = serializers.CharField(max_length=200)

    def to_representation(self, value: str) -> list[str]:
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def to_internal_value(self, data) -> str:
        lines = super().to_internal_value(data)
        for line in lines:
            if "\n" in line or "\r" in line:
                raise serializers.ValidationError(
                    "Give one phrase per list item, without newlines."
                )
        return "\n".join(line.strip() for line in lines if line.strip())


# --- Reports (readers) -------------------------------------------------------------------------


class ReportCreateSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=ReportReason.choices,
        error_messages={
            "invalid_choice": "“{input}” is not a reason; choose "
            + ", ".join(ReportReason.values)
            + "."
        },
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "post", "reason", "note", "created_at"]


# --- The queue ---------------------------------------------------------------------------------

QUEUE_STATUSES = ["open", "escalated", "decided", "all"]
QUEUE_SOURCES = ["detector", "reader"]
QUEUE_AGES = ["24h", "7d", "older"]


class QueueFilterSerializer(serializers.Serializer):
    """The queue's query parameters. Unknown values of the closed lists are a 400 naming the
    parameter, rather than a silently unfiltered queue."""

    status = serializers.ChoiceField(
        choices=QUEUE_STATUSES,
        default="open",
        error_messages=_choice_error("status", QUEUE_STATUSES),
    )
    category = serializers.CharField(required=False, default="", max_length=40)
    reason = serializers.ChoiceField(
        choices=ReportReason.values,
        required=False,
        default="",
        allow_blank=True,
        error_messages=_choice_error("report reason", ReportReason.values),
    )
    source = serializers.ChoiceField(
        choices=QUEUE_SOURCES,
        required=False,
        default="",
        allow_blank=True,
        error_messages=_choice_error("source", QUEUE_SOURCES),
    )
    age = serializers.ChoiceField(
        choices=QUEUE_AGES,
        required=False,
        default="",
        allow_blank=True,
        error_messages=_choice_error("age", QUEUE_AGES),
    )
    assignee = serializers.CharField(required=False, default="", max_length=150)


class ThreadRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class PostSummarySerializer(serializers.ModelSerializer):
    thread = ThreadRefSerializer(read_only=True)
    author = serializers.CharField(source="author.username", read_only=True)
    excerpt = serializers.SerializerMethodField(help_text="The start of the text as written.")

    class Meta:
        model = Post
        fields = ["id", "number", "thread", "author", "moderation_state", "excerpt"]
        read_only_fields = fields

    def get_excerpt(self, post: Post) -> str:
        return Truncator(post.body).chars(EXCERPT_CHARS)


class CaseSerializer(serializers.ModelSerializer):
    status = CaseStatusField(read_only=True)
    severity_label = serializers.CharField(source="get_severity_display", read_only=True)
    categories = serializers.ListField(child=serializers.CharField(), read_only=True)
    assignee = serializers.CharField(source="assignee.username", read_only=True, allow_null=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "status",
            "priority",
            "severity",
            "severity_label",
            "categories",
            "reporter_count",
            "has_flags",
            "has_reports",
            "opened_at",
            "decided_at",
            "last_decision",
            "assignee",
            "claimed_at",
            "escalated",
            "decided_revision",
            "version",
        ]
        read_only_fields = fields


class QueueItemSerializer(CaseSerializer):
    post = PostSummarySerializer(read_only=True)
    reason = serializers.SerializerMethodField(
        help_text="Why the case is here, in short: the most severe flag's explanation, or else "
        "the first reader's report reason."
    )

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "post", "reason"]
        read_only_fields = fields

    def get_reason(self, case: Case) -> str:
        return selectors.case_reason(case)


class QueueCountsSerializer(serializers.Serializer):
    open = serializers.IntegerField(help_text="Open cases (not escalated).")
    escalated = serializers.IntegerField()
    decided = serializers.IntegerField()


# --- One case ----------------------------------------------------------------------------------


class CasePostSerializer(serializers.ModelSerializer):
    thread = ThreadRefSerializer(read_only=True)
    author = serializers.CharField(source="author.username", read_only=True)
    body = serializers.CharField(read_only=True, help_text="What the author wrote.")
    public_body = serializers.CharField(
        read_only=True, help_text="What readers see instead, when the post is redacted or edited."
    )

    class Meta:
        model = Post
        fields = [
            "id",
            "number",
            "thread",
            "author",
            "moderation_state",
            "body",
            "public_body",
            "revision",
            "created_at",
            "edited_at",
        ]
        read_only_fields = fields


class FlagSerializer(serializers.ModelSerializer):
    rule = serializers.CharField(source="rule_name", read_only=True)
    rule_id = serializers.IntegerField(read_only=True, allow_null=True)
    severity_label = serializers.CharField(source="get_severity_display", read_only=True)
    action = RuleActionField(read_only=True)

    class Meta:
        model = Flag
        fields = [
            "id",
            "revision",
            "category",
            "kind",
            "field",
            "start",
            "end",
            "more_spans",
            "text",
            "score",
            "rule",
            "rule_id",
            "explanation",
            "severity",
            "severity_label",
            "action",
        ]
        read_only_fields = fields


class CaseReportSerializer(serializers.ModelSerializer):
    reporter = serializers.CharField(source="reporter.username", read_only=True)
    reason_label = serializers.CharField(source="get_reason_display", read_only=True)

    class Meta:
        model = Report
        fields = ["id", "reason", "reason_label", "note", "reporter", "created_at"]
        read_only_fields = fields


class DecisionSerializer(serializers.ModelSerializer):
    action = DecisionActionField(read_only=True)
    moderator = serializers.CharField(source="moderator.username", read_only=True, allow_null=True)
    details = serializers.DictField(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "action", "reason", "moderator", "created_at", "details"]
        read_only_fields = fields


class EarlierCaseSerializer(serializers.ModelSerializer):
    status = CaseStatusField(read_only=True)
    post = serializers.IntegerField(source="post_id", read_only=True)

    class Meta:
        model = Case
        fields = ["id", "post", "status", "last_decision", "opened_at", "decided_at"]
        read_only_fields = fields


class AuthorHistorySerializer(serializers.Serializer):
    username = serializers.CharField(source="author.username")
    date_joined = serializers.DateTimeField(source="author.date_joined")
    post_count = serializers.IntegerField()
    suspended_until = serializers.DateTimeField(source="author.suspended_until", allow_null=True)
    cases = EarlierCaseSerializer(
        many=True, help_text="The author's other cases, newest first (at most 10)."
    )


class DiffPieceSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["same", "added", "removed"])
    text = serializers.CharField()


class RevisionSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    body = serializers.CharField(help_text="The text as the author wrote it in this revision.")
    written_at = serializers.DateTimeField()
    current = serializers.BooleanField()
    flags = FlagSerializer(many=True, help_text="What was flagged in this revision.")
    diff = DiffPieceSerializer(
        many=True, allow_null=True, help_text="Changes from the revision before (null: first)."
    )


class CaseDetailSerializer(CaseSerializer):
    """A case as the view assembles it from the selectors (see views._case_detail)."""

    post = CasePostSerializer(read_only=True)
    flags = FlagSerializer(
        source="current_flags", many=True, read_only=True, help_text="Flags on the current text."
    )
    reports = CaseReportSerializer(source="report_list", many=True, read_only=True)
    decisions = DecisionSerializer(
        source="decision_list", many=True, read_only=True, help_text="Newest first."
    )
    author_history = AuthorHistorySerializer(read_only=True)
    revisions = RevisionSerializer(
        source="revision_list",
        many=True,
        read_only=True,
        help_text="Every revision of the post, oldest first, with its flags and its diff.",
    )

    class Meta(CaseSerializer.Meta):
        fields = [
            *CaseSerializer.Meta.fields,
            "post",
            "flags",
            "revisions",
            "reports",
            "decisions",
            "author_history",
        ]
        read_only_fields = fields


class DecideSerializer(serializers.Serializer):
    action = DecisionActionField(error_messages=_choice_error("decision", DecisionAction.values))
    reason = serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        max_length=500,
        help_text="Required: the author (for most actions) and the audit log see it.",
    )
    body = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text="For edit: the text readers see instead of the original.",
    )
    days = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="For suspend: 1 to 365."
    )
    version = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="The case's `version` you decided on; if the case changed since, 409.",
    )
    revision = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        help_text="The post's `revision` you read; if the author edited it since, 409.",
    )


class BulkDecideSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), allow_empty=False, max_length=200
    )
    action = BulkActionField(error_messages=_choice_error("bulk action", ["approve", "remove"]))
    reason = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=500)
    versions = serializers.ListField(
        child=serializers.IntegerField(min_value=0),
        required=False,
        max_length=200,
        help_text="The `version` of each case in `ids`, in the same order, as you saw it: a "
        "case that changed since is skipped.",
    )

    def validate(self, data):
        versions = data.get("versions")
        if versions is not None and len(versions) != len(data["ids"]):
            raise serializers.ValidationError(
                {"versions": ["Give one version per id, in the same order, or none."]}
            )
        return data


class BulkDecidedSerializer(serializers.Serializer):
    decided = serializers.IntegerField(
        help_text="How many cases were decided; cases someone else decided first are skipped."
    )


# --- Rules and the lexicon ---------------------------------------------------------------------


class FlagRuleSerializer(serializers.ModelSerializer):
    phrases = LinesField(
        required=False, help_text="For keyword rules: the keywords or phrases, one per item."
    )
    scope_categories = serializers.SlugRelatedField(
        many=True,
        required=False,
        slug_field="slug",
        queryset=Category.objects.all(),
        help_text="Slugs of the forum categories the rule is limited to (empty: everywhere).",
    )
    action = RuleActionField(required=False, help_text="What the rule does to a post it flags.")
    new_member_action = NewMemberActionField(
        required=False, help_text="What it does to new members' posts, if different."
    )
    updated_by = serializers.CharField(
        source="updated_by.username", read_only=True, allow_null=True
    )
    # Statistics annotated by selectors.rule_stats.
    flagged_posts = serializers.IntegerField(read_only=True, help_text="Posts it has flagged.")
    approved = serializers.IntegerField(
        read_only=True, help_text="Of those, decided posts the moderators approved (false alarms)."
    )
    acted_on = serializers.IntegerField(
        read_only=True, help_text="Of those, decided posts the moderators acted on."
    )

    class Meta:
        model = FlagRule
        fields = [
            "id",
            "name",
            "description",
            "matcher",
            "detector",
            "phrases",
            "pattern",
            "category",
            "kind",
            "threshold",
            "regions",
            "severity",
            "action",
            "new_member_action",
            "hide_after_reports",
            "scope_categories",
            "scope_article",
            "enabled",
            "updated_at",
            "updated_by",
            "flagged_posts",
            "approved",
            "acted_on",
        ]
        read_only_fields = ["id", "updated_at"]
        # Uniqueness and the other constraints are checked once, by the service's full_clean.
        validators = []
        extra_kwargs = {"name": {"validators": []}}


class TreatmentSerializer(serializers.ModelSerializer):
    synonyms = LinesField(required=False, help_text="Other names, one per item.")
    status = TreatmentStatusField(help_text="The evidence for it.")

    class Meta:
        model = Treatment
        fields = ["id", "name", "synonyms", "status", "note", "enabled", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        validators = []
        extra_kwargs = {"name": {"validators": []}}


# --- The audit log -----------------------------------------------------------------------------


class AuditEntrySerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, allow_null=True)
    before = serializers.JSONField(read_only=True, allow_null=True)
    after = serializers.JSONField(read_only=True, allow_null=True)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "actor",
            "action",
            "target_type",
            "target_id",
            "reason",
            "before",
            "after",
            "created_at",
        ]
        read_only_fields = fields
