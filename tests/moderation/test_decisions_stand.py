"""A moderator's decision stands: scans, re-scans, rule changes and reports never change what it
made of the post; every decision leaves the post in a defined state; decisions can be reopened,
audited; escalated cases are the administrators'; one change of a case wins."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection

from forum import services as forum_services
from forum.models import ModerationState, Post
from moderation import services
from moderation.models import AuditEntry, Case, CaseStatus, Decision, FlagRule
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1
from tests.utils import at_once, post_scanned

pytestmark = pytest.mark.django_db

PHONE = "040-23733200"
PRACTITIONER = "Krishna Choudary"


def _rescan():
    call_command("rescan", "--all", "--now", stdout=io.StringIO())


def _hold_rule(admin, phrase: str, name: str = "hold-words") -> FlagRule:
    return services.rule_save(
        rule=FlagRule(
            name=name,
            matcher=FlagRule.Matcher.KEYWORDS,
            phrases=phrase,
            category="spam",
            kind="keyword",
            action="hold",
            severity=3,
        ),
        user=admin,
    )


@pytest.fixture
def held_case(article, new_member):
    post = post_scanned(article.thread, new_member, COMMENT_1)
    assert post.moderation_state == ModerationState.HELD
    return Case.objects.get(post=post)


# --- Re-scans never undo a decision -----------------------------------------------------------


def test_a_rescan_leaves_a_removed_post_removed(held_case, moderator, admin_user):
    services.case_decide(case=held_case, moderator=moderator, action="remove", reason="Spam")
    _hold_rule(admin_user, "homeopathy")

    _rescan()

    held_case.refresh_from_db()
    post = Post.objects.get(pk=held_case.post_id)
    assert post.moderation_state == ModerationState.REMOVED
    assert held_case.decided_revision == post.revision


def test_a_new_hold_rule_does_not_hide_an_approved_post_but_reopens_its_case(
    article, established_member, moderator, admin_user, other_member
):
    post = post_scanned(article.thread, established_member, "Warm water soaks helped my fingers.")
    services.report_create(post=post, reporter=other_member, reason="other")
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action="approve", reason="Fine")
    _hold_rule(admin_user, "warm water")

    _rescan()

    post.refresh_from_db()
    case.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED, "the approval stands"
    assert case.status == CaseStatus.OPEN, "what is new goes back to the queue"
    reopened = AuditEntry.objects.filter(action="case.reopen", target_id=str(case.pk)).first()
    assert reopened and "new findings after the decision" in reopened.reason
    assert "spam: keyword" in reopened.reason
    assert Decision.objects.filter(case=case).first().action == "approve"


def test_a_rescan_with_nothing_new_leaves_a_decided_case_decided(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="remove", reason="Spam")
    services.rule_save(rule=FlagRule.objects.get(detector="phone"), user=None)  # a new version

    _rescan()

    held_case.refresh_from_db()
    assert held_case.status == CaseStatus.DECIDED


def test_a_moderators_redaction_of_comment_1_survives_a_rescan(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="redact", reason="Phone")
    post = Post.objects.get(pk=held_case.post_id)
    redacted = post.public_body
    assert PHONE not in redacted and PRACTITIONER not in redacted

    services.rule_save(rule=FlagRule.objects.get(detector="practitioner"), user=None)
    _rescan()

    post.refresh_from_db()
    assert post.moderation_state == ModerationState.REDACTED
    assert post.public_body == redacted


def test_reports_on_an_approved_post_reopen_its_case_without_hiding_it(
    article, established_member, moderator, settings
):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    post = post_scanned(article.thread, established_member, "A hospice nurse taught us to rest.")
    services.report_create(post=post, reporter=UserFactory(), reason="abuse")
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action="approve", reason="Kind words")

    for _ in range(3):
        services.report_create(post=post, reporter=UserFactory(), reason="abuse")

    post.refresh_from_db()
    case.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED
    assert case.status == CaseStatus.OPEN


def test_an_edit_after_a_decision_is_checked_again(held_case, moderator, new_member):
    services.case_decide(case=held_case, moderator=moderator, action="approve", reason="ok")
    post = Post.objects.get(pk=held_case.post_id)

    post = forum_services.post_edit(post=post, editor=post.author, body="Call 040 2373 3200.")
    services.post_scan(post_id=post.pk, revision=post.revision)

    post.refresh_from_db()
    held_case.refresh_from_db()
    assert post.moderation_state != ModerationState.PUBLISHED
    assert held_case.status == CaseStatus.OPEN


# --- Every decision leaves a defined state -----------------------------------------------------


def test_warn_on_a_held_post_keeps_it_hidden_as_removed(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="warn", reason="No ads")

    post = Post.objects.get(pk=held_case.post_id)
    held_case.refresh_from_db()
    assert post.moderation_state == ModerationState.REMOVED
    assert held_case.status == CaseStatus.DECIDED
    assert Decision.objects.get(case=held_case).details["state"] == ModerationState.REMOVED


def test_warn_on_a_published_post_leaves_it_as_readers_see_it(
    article, established_member, other_member, moderator
):
    post = post_scanned(article.thread, established_member, "You are all fools.")
    services.report_create(post=post, reporter=other_member, reason="abuse")
    case = Case.objects.get(post=post)

    services.case_decide(case=case, moderator=moderator, action="warn", reason="Be kind")

    post.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED


# --- Reopen and reverse ------------------------------------------------------------------------


def test_reopen_undoes_a_removal_and_returns_the_post_to_its_rules(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="remove", reason="Spam")

    decision = services.case_reopen(case=held_case, moderator=moderator, reason="A mistake")

    held_case.refresh_from_db()
    post = Post.objects.get(pk=held_case.post_id)
    assert held_case.status == CaseStatus.OPEN and held_case.decided_revision is None
    assert post.moderation_state == ModerationState.HELD, "the rules hold a new member's post"
    assert decision.action == "reopen" and decision.details["state"] == ModerationState.HELD
    entry = AuditEntry.objects.filter(action="case.reopen", actor=moderator).get()
    assert entry.reason == "A mistake"

    services.case_decide(case=held_case, moderator=moderator, action="redact", reason="Phone")
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.REDACTED


def test_reopening_an_open_case_is_a_conflict(held_case, moderator):
    with pytest.raises(services.CaseConflict):
        services.case_reopen(case=held_case, moderator=moderator, reason="?")


def test_only_admins_decide_and_reopen_escalated_cases(held_case, moderator, admin_user):
    services.case_decide(case=held_case, moderator=moderator, action="escalate", reason="Legal")

    with pytest.raises(PermissionDenied):
        services.case_decide(case=held_case, moderator=moderator, action="remove", reason="x")
    services.case_decide(case=held_case, moderator=admin_user, action="remove", reason="Legal")
    with pytest.raises(PermissionDenied):
        services.case_reopen(case=held_case, moderator=moderator, reason="x")
    services.case_reopen(case=held_case, moderator=admin_user, reason="Second look")

    held_case.refresh_from_db()
    assert held_case.status == CaseStatus.ESCALATED


def test_escalating_twice_is_a_conflict(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="escalate", reason="Legal")
    with pytest.raises(services.CaseConflict):
        services.case_decide(case=held_case, moderator=moderator, action="escalate", reason="x")
    assert Decision.objects.filter(case=held_case, action="escalate").count() == 1


def test_a_decision_on_an_older_version_of_the_case_is_refused(held_case, moderator):
    seen = held_case.version
    services.case_decide(case=held_case, moderator=moderator, action="escalate", reason="Legal")

    with pytest.raises(services.CaseConflict):
        services.case_decide(
            case=held_case, moderator=UserFactory(is_superuser=True), action="approve",
            reason="ok", version=seen,
        )  # fmt: skip


# --- Two at once -------------------------------------------------------------------------------


# serialized_rollback: the tests after this one find the content types and rules migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    "first, second",
    [("escalate", "escalate"), ("approve", "remove"), ("remove", "escalate")],
)
def test_of_two_simultaneous_changes_one_wins(article, first, second):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (CI runs it)")
    moderators = [UserFactory(username=f"mod{i}") for i in range(2)]
    from forum.roles import Role, role_grant
    from tests.conftest import _default_rules

    _default_rules()
    for user in moderators:
        role_grant(user=user, role=Role.MODERATOR)
    case = Case.objects.get(post=post_scanned(article.thread, UserFactory(), COMMENT_1))

    outcomes = at_once(
        lambda: services.case_decide(
            case=case, moderator=moderators[0], action=first, reason="one"
        ),
        lambda: services.case_decide(
            case=case, moderator=moderators[1], action=second, reason="two"
        ),
    )

    # The loser is told someone else changed the case first; a moderator who loses to an
    # escalation is told that only administrators decide it now.
    loser = (
        {"CaseConflict", "PermissionDenied"} if "escalate" in (first, second) else {"CaseConflict"}
    )
    assert outcomes.count("ok") == 1 and set(outcomes) - {"ok"} <= loser, outcomes
    assert Decision.objects.filter(case=case).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scan_and_a_decision_at_once_both_finish(article):
    """A scan locks the post then the case; so does a decision: they wait for each other
    instead of deadlocking."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (CI runs it)")
    from forum.roles import Role, role_grant
    from tests.conftest import _default_rules

    _default_rules()
    moderator = UserFactory(username="racing-mod")
    role_grant(user=moderator, role=Role.MODERATOR)
    for _ in range(5):
        post = post_scanned(article.thread, UserFactory(), COMMENT_1)
        case = Case.objects.get(post=post)
        services.rule_save(rule=FlagRule.objects.get(detector="phone"), user=None)  # a new scan

        outcomes = at_once(
            lambda post=post: services.post_scan(post_id=post.pk, revision=post.revision),
            lambda case=case: services.case_decide(
                case=case, moderator=moderator, action="remove", reason="Spam"
            ),
        )

        assert outcomes == ["ok", "ok"], outcomes
        assert Post.objects.get(pk=post.pk).moderation_state == ModerationState.REMOVED


def test_a_reopen_of_a_post_scanned_before_verdicts_were_kept_uses_its_flags(held_case, moderator):
    services.case_decide(case=held_case, moderator=moderator, action="approve", reason="ok")
    from moderation.models import Scan

    Scan.objects.filter(post_id=held_case.post_id).update(verdict_state="")

    services.case_reopen(case=held_case, moderator=moderator, reason="Second look")

    assert Post.objects.get(pk=held_case.post_id).moderation_state == ModerationState.HELD


def test_more_occurrences_found_by_new_rules_are_kept_and_reopen_the_case(
    article, established_member, moderator, admin_user
):
    post = post_scanned(article.thread, established_member, "Miracle drops. Ask me.")
    services.report_create(post=post, reporter=UserFactory(), reason="spam")
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action="approve", reason="ok")
    forum_services.post_edit(
        post=post, editor=established_member, body="Miracle drops. Miracle drops again."
    )
    post.refresh_from_db()
    _hold_rule(admin_user, "miracle drops", name="miracle")
    services.post_scan(post_id=post.pk, revision=post.revision)
    flag = case.flags.get(rule_name="miracle", revision=post.revision)
    assert len(flag.more_spans) == 1

    services.rule_save(rule=FlagRule.objects.get(name="miracle"), user=admin_user)
    services.post_scan(post_id=post.pk, revision=post.revision)

    flag.refresh_from_db()
    assert len(flag.more_spans) == 1, "the same occurrences are not counted twice"


def test_warn_on_a_held_post_tells_the_author_it_will_not_appear(held_case, moderator):
    from forum.models import Notification

    services.case_decide(case=held_case, moderator=moderator, action="warn", reason="No ads")

    messages = list(
        Notification.objects.filter(user=held_case.post.author).values_list("message", flat=True)
    )
    assert any("removed" in m for m in messages) and any("warning" in m for m in messages)


def test_a_clean_edit_updates_what_the_queue_sorts_on(held_case):
    post = held_case.post
    post = forum_services.post_edit(post=post, editor=post.author, body="All better now.")

    services.post_scan(post_id=post.pk, revision=post.revision)

    held_case.refresh_from_db()
    assert held_case.has_flags is False and held_case.categories == []


def test_a_moderator_does_not_see_decisions_on_their_own_posts_case(article, moderator):
    from django.test import Client

    post = post_scanned(article.thread, moderator, "Ring my healer on 0113 496 0321")
    services.report_create(post=post, reporter=UserFactory(), reason="spam")
    client = Client()
    client.force_login(moderator)

    page = client.get(f"/moderation/cases/{Case.objects.get(post=post).pk}/").content.decode()

    assert 'name="action"' not in page and "your own post" in page


def test_bulk_skips_a_case_that_changed_since_the_queue_was_drawn(held_case, moderator):
    seen = {held_case.pk: held_case.version}
    post = held_case.post
    services.case_touch_for_post(post_id=post.pk)  # the author edited it meanwhile

    decided = services.cases_decide_bulk(
        cases=[held_case], moderator=moderator, action="approve", reason="ok", versions=seen
    )

    assert decided == 0
    assert Post.objects.get(pk=post.pk).moderation_state == ModerationState.HELD


def test_an_email_task_left_by_the_previous_version_reaches_the_outbox(member):
    from forum.models import OutgoingEmail
    from moderation import tasks

    tasks.send_email.run(user_id=member.pk, subject="About your post", message="Hello")
    tasks.send_email.run(user_id=member.pk, subject="About your post", message="Hello")

    assert OutgoingEmail.objects.filter(user=member, subject="About your post").count() == 1
