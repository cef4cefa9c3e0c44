"""One invariant, tested against random sequences of what members, workers, moderators and admins
do (post, edit, scan, re-scan, report, decide, escalate, reopen, change a rule):

    For every post, what readers see is what the last moderator decision on its current revision
    made of it; without one, what its rules make of it. A decided case never disagrees with its
    post.

The model below restates the policy in a few lines, independently of moderation.services:
- the rules: a phone number is masked (the phone rule's action: redact, or hold when an admin
  switched it), the word "gloves" is held while an admin's keyword rule is on; a hold from the
  rules or from three reports lasts until a moderator decides;
- before its scan a post that may hold contact details waits in "pending"; an edit of a masked
  post waits too;
- decisions: approve publishes, redact masks, edit shows other text, remove and suspend hide, warn
  hides a post nobody has seen yet and leaves a public one as it is; reopen gives the post back
  to its rules. A decision stands until the author edits the post or a moderator reopens it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, event, note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from forum import services as forum_services
from forum.models import PUBLIC_STATES, ModerationState, Post
from forum.roles import Role, role_grant
from moderation import services
from moderation.models import Case, CaseStatus, Decision, DecisionAction, FlagRule
from tests.factories import ThreadFactory, UserFactory

PHONE_TEXT = "Ring me on 0113 496 0321 after six."
GLOVES_TEXT = "Warm gloves help my hands in winter."
PLAIN_TEXT = "Resting my hands helps on bad days."
TEXTS = [PHONE_TEXT, GLOVES_TEXT, PLAIN_TEXT]

P, PEND, HELD, RED, REM = (
    ModerationState.PUBLISHED,
    ModerationState.PENDING,
    ModerationState.HELD,
    ModerationState.REDACTED,
    ModerationState.REMOVED,
)


@dataclass
class Model:
    """What the spec says about one post."""

    text: str
    revision: int = 1
    state: str = P
    decision: tuple[int, str] | None = None  # (revision, state) of the standing decision
    verdicts: dict[int, str] = field(default_factory=dict)  # revision -> last scan's verdict
    scanned: set[tuple[int, int]] = field(default_factory=set)  # (revision, ruleset version)
    reporters: int = 0


# Which post an action touches: an index into the posts written so far (taken modulo their
# number), so that every step acts on a post and sequences keep coming back to the same few.
POST = st.integers(min_value=0, max_value=3)


class Moderation(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.author = UserFactory(date_joined=timezone.now() - timedelta(days=400))
        self.moderator = UserFactory()
        role_grant(user=self.moderator, role=Role.MODERATOR)
        self.admin = UserFactory()
        role_grant(user=self.admin, role=Role.ADMIN)
        self.thread = ThreadFactory(author=self.author)
        self.phone_rule = FlagRule.objects.get(detector="phone")
        self.phone_action = self.phone_rule.action
        assert self.phone_action == "redact"
        self.gloves_rule = None
        self.version = 0
        self.models: dict[int, Model] = {}
        self.post_ids: list[int] = []

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # --- The spec ---------------------------------------------------------------------------

    def _verdict(self, text: str) -> str:
        actions = []
        if text == PHONE_TEXT:
            actions.append(self.phone_action)
        if text == GLOVES_TEXT and self.gloves_rule is not None:
            actions.append("hold")
        if "hold" in actions:
            return HELD
        return RED if "redact" in actions else P

    def _rules_state(self, model: Model) -> str:
        """What a reopen gives the post back to."""
        state = model.verdicts.get(model.revision, PEND)
        if state in PUBLIC_STATES and model.reporters >= settings.MODERATION_AUTO_HIDE_REPORTS:
            return HELD
        return state

    def _stands(self, model: Model) -> bool:
        return model.decision is not None and model.decision[0] == model.revision

    # --- Members ----------------------------------------------------------------------------

    def _post(self, index: int) -> int:
        return self.post_ids[index % len(self.post_ids)]

    @initialize(first=st.sampled_from(TEXTS), second=st.sampled_from(TEXTS))
    def two_posts(self, first, second):
        self.write(first)
        self.write(second)

    @rule(text=st.sampled_from(TEXTS))
    def write(self, text):
        post = forum_services.post_create(thread=self.thread, author=self.author, body=text)
        self.models[post.pk] = Model(text=text, state=PEND if text == PHONE_TEXT else P)
        self.post_ids.append(post.pk)

    @rule(index=POST, text=st.sampled_from(TEXTS))
    def edit(self, index, text):
        post_id = self._post(index)
        model = self.models[post_id]
        post = Post.objects.get(pk=post_id)
        if model.state == REM:
            with pytest.raises(PermissionDenied):
                forum_services.post_edit(post=post, editor=self.author, body=text)
            return
        forum_services.post_edit(post=post, editor=self.author, body=text)
        if text == model.text:
            return
        previous = model.state
        model.text, model.revision = text, model.revision + 1
        if previous in (HELD, PEND):
            model.state = previous
        elif previous == RED or text == PHONE_TEXT:
            model.state = PEND
        else:
            model.state = previous

    @rule(index=POST)
    def report(self, index):
        post_id = self._post(index)
        model = self.models[post_id]
        services.report_create(
            post=Post.objects.get(pk=post_id), reporter=UserFactory(), reason="spam"
        )
        model.reporters += 1
        if (
            not self._stands(model)
            and model.state in PUBLIC_STATES
            and model.reporters >= settings.MODERATION_AUTO_HIDE_REPORTS
        ):
            model.state = HELD

    # --- Workers ----------------------------------------------------------------------------

    def _scan(self, post_id):
        model = self.models[post_id]
        services.post_scan(post_id=post_id, revision=model.revision)
        key = (model.revision, self.version)
        if key in model.scanned:
            return
        model.scanned.add(key)
        verdict = self._verdict(model.text)
        model.verdicts[model.revision] = verdict
        if not self._stands(model):
            model.state = HELD if model.state == HELD else verdict

    @rule(index=POST)
    def scan(self, index):
        self._scan(self._post(index))

    @rule()
    def rescan_everything(self):
        for post_id in self.models:
            self._scan(post_id)

    # --- Admins -----------------------------------------------------------------------------

    @rule(action=st.sampled_from(["redact", "hold"]))
    def set_phone_action(self, action):
        self.phone_rule.action = action
        services.rule_save(rule=self.phone_rule, user=self.admin)
        self.phone_action = action
        self.version += 1

    @rule()
    def toggle_gloves_rule(self):
        if self.gloves_rule is None:
            self.gloves_rule = services.rule_save(
                rule=FlagRule(
                    name="gloves",
                    matcher=FlagRule.Matcher.KEYWORDS,
                    phrases="gloves",
                    category="spam",
                    kind="keyword",
                    action="hold",
                ),
                user=self.admin,
            )
        else:
            services.rule_delete(rule=self.gloves_rule, user=self.admin)
            self.gloves_rule = None
        self.version += 1

    # --- Moderators -------------------------------------------------------------------------

    @rule(
        index=POST,
        action=st.sampled_from(["approve", "redact", "edit", "remove", "warn", "escalate"]),
        as_admin=st.booleans(),
    )
    def decide(self, index, action, as_admin):
        post_id = self._post(index)
        model = self.models[post_id]
        case = Case.objects.filter(post_id=post_id).first()
        if case is None:
            return
        actor = self.admin if as_admin else self.moderator
        expected_ok = case.status != CaseStatus.DECIDED and not (
            action == "escalate" and case.status == CaseStatus.ESCALATED
        )
        allowed = not case.escalated or as_admin
        has_contact = case.flags.filter(
            revision=model.revision, category="contact_details"
        ).exists()
        try:
            services.case_decide(
                case=case, moderator=actor, action=action, reason="r", body="Shown instead"
            )
        except services.CaseConflict:
            assert not expected_ok, "refused a change the case allowed"
            return
        except PermissionDenied:
            assert expected_ok and not allowed, "refused a moderator the case allowed"
            return
        except ValidationError:
            assert action == "redact" and not has_contact
            return
        assert expected_ok and allowed, f"{action} went through on a {case.status} case"
        event(f"decided: {action}")
        if action == "escalate":
            return
        state = {
            "approve": P,
            "redact": RED,
            "edit": RED,
            "remove": REM,
            "warn": model.state if model.state in PUBLIC_STATES else REM,
        }[action]
        model.state = state
        model.decision = (model.revision, state)

    @rule(index=POST, as_admin=st.booleans())
    def reopen(self, index, as_admin):
        post_id = self._post(index)
        model = self.models[post_id]
        case = Case.objects.filter(post_id=post_id).first()
        if case is None:
            return
        actor = self.admin if as_admin else self.moderator
        try:
            services.case_reopen(case=case, moderator=actor, reason="again")
        except services.CaseConflict:
            assert case.status != CaseStatus.DECIDED
            return
        except PermissionDenied:
            assert case.escalated and not as_admin
            return
        assert case.status == CaseStatus.DECIDED
        model.decision = None
        model.state = self._rules_state(model)

    # --- The invariant ----------------------------------------------------------------------

    @invariant()
    def readers_see_what_the_decision_or_the_rules_say(self):
        for post_id, model in self.models.items():
            post = Post.objects.get(pk=post_id)
            note(f"post {post_id}: model {model}, database {post.moderation_state}")
            assert post.moderation_state == model.state
            if post.moderation_state != RED:
                assert post.public_body == ""
            case = Case.objects.filter(post_id=post_id).first()
            if case is None:
                continue
            last = (
                Decision.objects.filter(case=case)
                .exclude(action=DecisionAction.ESCALATE)
                .order_by("-created_at", "-pk")
                .first()
            )
            stands = (
                last is not None
                and last.action != DecisionAction.REOPEN
                and last.details["revision"] == post.revision
            )
            assert stands == (case.decided_revision == post.revision)
            if stands:
                assert post.moderation_state == last.details["state"]
                assert post.public_body == last.details["public_body"]
            if case.status == CaseStatus.DECIDED and case.decided_revision == post.revision:
                assert stands, "a decided case disagrees with its post"


@pytest.mark.django_db
def test_decisions_and_rules_agree_with_what_readers_see():
    run_state_machine_as_test(
        Moderation,
        settings=hypothesis_settings(
            max_examples=int(getattr(settings, "STATEFUL_EXAMPLES", 60)),
            stateful_step_count=30,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
