"""The moderation REST API. Views parse input, call one service or selector, and serialise.

Everything under /api/moderation/ is for moderators and admins only (401 anonymous, 403
members); rules, treatments and the audit log are written (or, for the log, read) by admins.
Refusals from the services (a decided case, a claim held by someone else, a pattern RE2 rejects)
arrive as Django ValidationErrors naming the field and leave as 400s through
forum.api.errors.exception_handler."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from forum import selectors as forum_selectors
from moderation import selectors, services
from moderation.api import serializers as s
from moderation.models import Case, FlagRule, ReportReason, Treatment
from moderation.permissions import IsAdmin, IsModerator

TAGS = ["moderation"]

BAD_REQUEST = OpenApiResponse(
    description="Refused: the body names each field at fault, e.g. "
    '`{"reason": ["Give a reason: the author and the audit log see it."]}`.'
)
NOT_AUTHENTICATED = OpenApiResponse(description="Not logged in (with a WWW-Authenticate header).")
FORBIDDEN = OpenApiResponse(description="Logged in, but not a moderator (or not an admin).")
NOT_FOUND = OpenApiResponse(description="No such case.")
CONFLICT = OpenApiResponse(
    description="Someone changed the case first; nothing was changed: "
    '`{"case": ["This case is already decided. Reopen it first to change the decision."]}`.'
)
ERRORS = {401: NOT_AUTHENTICATED, 403: FORBIDDEN}


class ReportCreateApi(APIView):
    """Report a post to the moderators ("Report to administrator"). One report per member and
    post; a second one is a 400 naming `post`. Throttled per member."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "report"

    @extend_schema(request=s.ReportCreateSerializer, responses={201: s.ReportSerializer})
    def post(self, request, pk: int):
        post = forum_selectors.post_get(user=request.user, pk=pk)
        data = s.ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_create(post=post, reporter=request.user, **data.validated_data)
        return Response(s.ReportSerializer(report).data, status=status.HTTP_201_CREATED)


# --- The queue ---------------------------------------------------------------------------------


QUEUE_PARAMETERS = [
    OpenApiParameter(
        "status",
        enum=s.QUEUE_STATUSES,
        default="open",
        description="open: open and escalated cases (the default); escalated; decided; all.",
    ),
    OpenApiParameter(
        "category",
        description="A flag category or report reason the case carries, e.g. "
        "contact_details, treatment_claim, spam.",
    ),
    OpenApiParameter("reason", enum=ReportReason.values, description="A reader's report reason."),
    OpenApiParameter(
        "source",
        enum=s.QUEUE_SOURCES,
        description="detector: cases with automatic flags; reader: cases with readers' reports.",
    ),
    OpenApiParameter(
        "age",
        enum=s.QUEUE_AGES,
        description="Opened in the last 24 hours, the last 7 days, or earlier than 7 days ago.",
    ),
    OpenApiParameter(
        "assignee",
        description="me, unassigned, or the username of the moderator who claimed the case.",
    ),
]


@extend_schema(tags=TAGS)
class QueueApi(generics.GenericAPIView):
    permission_classes = [IsModerator]
    serializer_class = s.QueueItemSerializer

    @extend_schema(
        summary="The moderation queue, worst first",
        description="Cases (one per post) ordered by priority, highest first, then oldest first. "
        "An unknown value of status, reason, source or age is a 400 naming the parameter. "
        "Counts per status: GET /api/moderation/queue/counts/.",
        parameters=QUEUE_PARAMETERS,
        responses={200: s.QueueItemSerializer(many=True), 400: BAD_REQUEST, **ERRORS},
    )
    def get(self, request):
        filters = s.QueueFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        cases = selectors.case_queue(user=request.user, **filters.validated_data)
        page = self.paginate_queryset(selectors.case_queue_details(cases))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=TAGS)
class QueueCountsApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="How many cases there are per status",
        description="Not filtered. The queue's default `status=open` lists open and escalated "
        "cases together: open + escalated here.",
        responses={200: s.QueueCountsSerializer, **ERRORS},
    )
    def get(self, request):
        return Response(s.QueueCountsSerializer(selectors.case_counts()).data)


# --- One case ----------------------------------------------------------------------------------


def _case_detail(pk: int) -> Case:
    """The case with what its detail shows, read through the selectors."""
    case = selectors.case_detail(pk=pk)
    case.current_flags = list(selectors.case_flags(case=case))
    case.report_list = list(selectors.case_reports(case=case))
    case.decision_list = list(selectors.case_decisions(case=case))
    case.author_history = selectors.author_history(case=case)
    case.revision_list = selectors.case_revisions(case=case)
    return case


def _case_response(pk: int) -> Response:
    return Response(s.CaseDetailSerializer(_case_detail(pk)).data)


@extend_schema(tags=TAGS)
class CaseDetailApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="One case: the post as written, its flags, reports, decisions, author history",
        description="Flag offsets (`start`, `end`) index into `post.body` as the author wrote "
        "it: `post.body[start:end] == text`.",
        responses={200: s.CaseDetailSerializer, 404: NOT_FOUND, **ERRORS},
    )
    def get(self, request, pk: int):
        return _case_response(pk)


DECIDE_EXAMPLES = [
    OpenApiExample(
        "Approve", value={"action": "approve", "reason": "A personal story, no contact details."}
    ),
    OpenApiExample(
        "Redact contact details", value={"action": "redact", "reason": "Phone number in post."}
    ),
    OpenApiExample(
        "Edit",
        value={
            "action": "edit",
            "reason": "Unproven cure claim",
            "body": "My mother tried homeopathy; talk to your rheumatologist.",
        },
    ),
    OpenApiExample(
        "Suspend", value={"action": "suspend", "reason": "Repeated advertising", "days": 7}
    ),
]


@extend_schema(tags=TAGS)
class CaseDecideApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="Decide a case",
        description="approve: publish as written; redact: mask the flagged contact details; "
        "edit: readers see `body` instead (the original is kept); remove: hide the post; "
        "warn: warn the author, the post stays; suspend: remove the post and suspend the "
        "author for `days` (1–365); escalate: hand the case to the admins.\n\n"
        "400 naming the field: `action` (unknown, or redact without flagged contact details), "
        "`reason` (empty), `body` (empty for edit), `days` (missing or out of range for "
        "suspend).\n\n"
        "reopen: undo the decision of a decided case; the post goes back to what its rules "
        "make of it until someone decides again.\n\n"
        "Only administrators decide or reopen an escalated case (403 for moderators). One "
        "change of a case wins: deciding a case that is already decided, escalating one that "
        "is escalated, reopening an open one, or sending a `version` older than the case's is "
        '409 `{"case": ["…"]}`, and nothing changes.',
        request=s.DecideSerializer,
        responses={
            200: s.CaseDetailSerializer,
            400: BAD_REQUEST,
            404: NOT_FOUND,
            409: CONFLICT,
            **ERRORS,
        },
        examples=DECIDE_EXAMPLES,
    )
    def post(self, request, pk: int):
        case = selectors.case_detail(pk=pk)
        data = s.DecideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.case_decide(case=case, moderator=request.user, **data.validated_data)
        except services.CaseConflict as conflict:
            return Response(conflict.message_dict, status=status.HTTP_409_CONFLICT)
        return _case_response(pk)


@extend_schema(tags=TAGS)
class CaseClaimApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="Claim a case (others see you are on it)",
        description="A case another moderator claimed less than MODERATION_CLAIM_MINUTES ago is "
        'refused with 400 `{"case": ["<name> is working on this case."]}`; an older claim is '
        "taken over. Claiming your own case again renews the claim.",
        request=None,
        responses={200: s.CaseDetailSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, **ERRORS},
    )
    def post(self, request, pk: int):
        services.case_claim(case=selectors.case_detail(pk=pk), moderator=request.user)
        return _case_response(pk)


@extend_schema(tags=TAGS)
class CaseUnclaimApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="Release a claimed case",
        description="Only the moderator who claimed it (or an admin) can release it; anyone "
        'else gets 400 `{"case": [...]}`.',
        request=None,
        responses={200: s.CaseDetailSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, **ERRORS},
    )
    def post(self, request, pk: int):
        services.case_unclaim(case=selectors.case_detail(pk=pk), moderator=request.user)
        return _case_response(pk)


@extend_schema(tags=TAGS)
class CasesBulkDecideApi(APIView):
    permission_classes = [IsModerator]

    @extend_schema(
        summary="Approve or remove several cases at once",
        description="Cases someone else decided in the meantime, cases that changed since the "
        "`versions` you send, and cases you may not decide are skipped (not counted). An "
        "id with no case is a 400 naming `ids`.",
        request=s.BulkDecideSerializer,
        responses={200: s.BulkDecidedSerializer, 400: BAD_REQUEST, **ERRORS},
        examples=[
            OpenApiExample(
                "Approve three",
                value={"ids": [12, 15, 16], "action": "approve", "reason": "False alarms."},
                request_only=True,
            )
        ],
    )
    def post(self, request):
        data = s.BulkDecideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = data.validated_data["ids"]
        cases = list(selectors.case_queue(user=request.user, status="all").filter(pk__in=ids))
        missing = sorted(set(ids) - {case.pk for case in cases})
        if missing:
            raise ValidationError({"ids": [f"No case with id {', '.join(map(str, missing))}."]})
        versions = data.validated_data.get("versions")
        decided = services.cases_decide_bulk(
            cases=cases,
            moderator=request.user,
            action=data.validated_data["action"],
            reason=data.validated_data["reason"],
            versions=dict(zip(ids, versions, strict=True)) if versions is not None else None,
        )
        return Response({"decided": decided})


# --- Rules and the treatment lexicon -----------------------------------------------------------


class _AdminWritesMixin:
    """Moderators read; only admins write."""

    def get_permissions(self):
        if self.request.method in SAFE_METHODS:
            return [IsModerator()]
        return [IsAdmin()]


def _crud_schema(noun: str, serializer, *, create_examples=()):
    write_errors = {400: BAD_REQUEST, **ERRORS}
    return extend_schema_view(
        list=extend_schema(summary=f"List {noun}s (moderators and admins)"),
        retrieve=extend_schema(summary=f"One {noun}"),
        create=extend_schema(
            summary=f"Add a {noun} (admins); makes a new ruleset version",
            responses={201: serializer, **write_errors},
            examples=list(create_examples),
        ),
        update=extend_schema(
            summary=f"Change a {noun} (admins); makes a new ruleset version",
            responses={200: serializer, **write_errors},
        ),
        partial_update=extend_schema(
            summary=f"Change some fields of a {noun} (admins); makes a new ruleset version",
            responses={200: serializer, **write_errors},
        ),
        destroy=extend_schema(
            summary=f"Delete a {noun} (admins); makes a new ruleset version",
            responses={204: None, **ERRORS},
        ),
    )


RULE_EXAMPLES = [
    OpenApiExample(
        "Keyword rule",
        value={
            "name": "spam-words",
            "matcher": "keywords",
            "phrases": ["crypto", "forex signals"],
            "category": "spam",
            "kind": "spam",
            "severity": 1,
            "action": "flag",
        },
        request_only=True,
    ),
    OpenApiExample(
        "Pattern rule, forum categories only",
        value={
            "name": "whatsapp-numbers",
            "matcher": "pattern",
            "pattern": r"(?i)whats\s*app\s*\+?\d[\d ]{7,}",
            "category": "contact_details",
            "kind": "handle",
            "severity": 3,
            "action": "hold",
            "scope_categories": ["living-with-calcinosis"],
        },
        request_only=True,
    ),
]


@extend_schema(tags=TAGS)
@_crud_schema("rule", s.FlagRuleSerializer, create_examples=RULE_EXAMPLES)
class RuleViewSet(_AdminWritesMixin, viewsets.ModelViewSet):
    """Flag rules with how their flags fared. A pattern RE2 cannot compile, or one that matches
    the empty string, is a 400 naming `pattern`. Every change makes a new ruleset version and an
    audit entry."""

    serializer_class = s.FlagRuleSerializer

    def get_queryset(self):
        return (
            selectors.rule_stats().select_related("updated_by").prefetch_related("scope_categories")
        )

    def _respond(self, rule: FlagRule, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=rule.pk)).data, code)

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        scope = values.pop("scope_categories", None)
        rule = services.rule_save(
            rule=FlagRule(**values), user=request.user, scope_categories=scope
        )
        return self._respond(rule, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        rule = self.get_object()
        data = self.get_serializer(rule, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        scope = values.pop("scope_categories", None)
        for name, value in values.items():
            setattr(rule, name, value)
        rule = services.rule_save(rule=rule, user=request.user, scope_categories=scope)
        return self._respond(rule)

    def perform_destroy(self, instance: FlagRule) -> None:
        services.rule_delete(rule=instance, user=self.request.user)


@extend_schema(tags=TAGS)
@_crud_schema("treatment", s.TreatmentSerializer)
class TreatmentViewSet(_AdminWritesMixin, viewsets.ModelViewSet):
    """The treatment lexicon the claim detector uses, with each treatment's evidence status.
    Every change makes a new ruleset version and an audit entry."""

    serializer_class = s.TreatmentSerializer
    queryset = selectors.treatment_list()

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        treatment = services.treatment_save(
            treatment=Treatment(**data.validated_data), user=request.user
        )
        return Response(self.get_serializer(treatment).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        treatment = self.get_object()
        data = self.get_serializer(treatment, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        for name, value in data.validated_data.items():
            setattr(treatment, name, value)
        treatment = services.treatment_save(treatment=treatment, user=request.user)
        return Response(self.get_serializer(treatment).data)

    def perform_destroy(self, instance: Treatment) -> None:
        services.treatment_delete(treatment=instance, user=self.request.user)


# --- The audit log -----------------------------------------------------------------------------


@extend_schema(tags=TAGS)
@extend_schema_view(
    get=extend_schema(
        summary="The audit log, newest first (admins)",
        parameters=[
            OpenApiParameter(
                "action",
                OpenApiTypes.STR,
                description="Only entries whose action starts with this, e.g. `rule.` or "
                "`case.approve`.",
            )
        ],
        responses={200: s.AuditEntrySerializer(many=True), **ERRORS},
    )
)
class AuditLogApi(generics.ListAPIView):
    permission_classes = [IsAdmin]
    serializer_class = s.AuditEntrySerializer

    def get_queryset(self):
        prefix = self.request.query_params.get("action", "").strip()
        return selectors.audit_log(action_prefix=prefix)
