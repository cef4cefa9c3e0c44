"""Reports, the queue's cases, and moderators' decisions (services)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from forum import services as forum_services
from forum.models import ModerationState, Notification
from moderation import services
from moderation.models import AuditEntry, Case, Decision, Report
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1
from tests.utils import drain_outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged_post(article, established_member):
    post = forum_services.post_create(
        thread=article.thread, author=established_member, body=COMMENT_1
    )
    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


@pytest.fixture
def plain_post(article, established_member):
    post = forum_services.post_create(
        thread=article.thread, author=established_member, body="My fingers hurt in the cold."
    )
    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


def test_reports_and_flags_on_one_post_make_one_case(flagged_post):
    for _ in range(2):
        services.report_create(post=flagged_post, reporter=UserFactory(), reason="spam")

    case = Case.objects.get()
    assert case.has_flags and case.has_reports
    assert case.reporter_count == 2
    assert Report.objects.filter(case=case).count() == 2
    assert "spam" in case.categories and "contact_details" in case.categories


def test_priority_rises_with_severity_and_distinct_reporters(plain_post, flagged_post):
    services.report_create(post=plain_post, reporter=UserFactory(), reason="other")
    low = Case.objects.get(post=plain_post)
    services.report_create(post=plain_post, reporter=UserFactory(), reason="other")
    low_two = Case.objects.get(post=plain_post)
    high = Case.objects.get(post=flagged_post)

    assert low_two.priority > low.priority
    assert high.priority > low_two.priority
    assert Case.objects.values_list("post", flat=True).first() == flagged_post.pk


def test_one_reporter_counts_once_however_many_tries(plain_post, member):
    services.report_create(post=plain_post, reporter=member, reason="spam")
    with pytest.raises(ValidationError):
        services.report_create(post=plain_post, reporter=member, reason="abuse")

    assert Case.objects.get().reporter_count == 1


def test_reports_are_limited_per_hour(article, member, settings):
    settings.MODERATION_REPORTS_PER_HOUR = 2
    posts = [
        forum_services.post_create(thread=article.thread, author=UserFactory(), body=f"p{n}")
        for n in range(3)
    ]
    services.report_create(post=posts[0], reporter=member, reason="spam")
    services.report_create(post=posts[1], reporter=member, reason="spam")

    with pytest.raises(ValidationError) as error:
        services.report_create(post=posts[2], reporter=member, reason="spam")

    assert "many reports" in error.value.message_dict["post"][0]


def test_a_post_is_hidden_after_three_distinct_reporters(plain_post):
    for n in range(3):
        services.report_create(post=plain_post, reporter=UserFactory(), reason="abuse")
        plain_post.refresh_from_db()
        expected = ModerationState.HELD if n == 2 else ModerationState.PUBLISHED
        assert plain_post.moderation_state == expected

    assert Notification.objects.filter(user=plain_post.author, post=plain_post).exists()


def test_a_report_reopens_a_decided_case(flagged_post, moderator):
    case = Case.objects.get()
    services.case_decide(case=case, moderator=moderator, action="approve", reason="ok")

    services.report_create(post=flagged_post, reporter=UserFactory(), reason="spam")

    case.refresh_from_db()
    assert case.status == "open"


def test_redact_masks_the_flagged_contact_details_and_tells_the_author(flagged_post, moderator):
    case = Case.objects.get()
    services.case_decide(
        case=case, moderator=moderator, action="approve", reason="first look"
    )  # published in full
    flagged_post.refresh_from_db()
    assert flagged_post.moderation_state == ModerationState.PUBLISHED
    services.report_create(post=flagged_post, reporter=UserFactory(), reason="contact_details")

    decision = services.case_decide(
        case=case, moderator=moderator, action="redact", reason="Phone numbers are not allowed"
    )

    flagged_post.refresh_from_db()
    assert flagged_post.moderation_state == ModerationState.REDACTED
    assert "23733200" not in flagged_post.public_body
    assert decision.details["spans"]
    notification = Notification.objects.filter(user=flagged_post.author).first()
    assert "hid some details" in notification.message
    entry = AuditEntry.objects.filter(action="case.redact").get()
    assert entry.actor == moderator and entry.reason == "Phone numbers are not allowed"


def test_remove_edit_warn_escalate(article, established_member, moderator):
    def fresh_case(body):
        post = forum_services.post_create(
            thread=article.thread, author=established_member, body=body
        )
        services.report_create(post=post, reporter=UserFactory(), reason="other")
        return Case.objects.get(post=post)

    removed = fresh_case("rude words")
    services.case_decide(case=removed, moderator=moderator, action="remove", reason="Rude")
    edited = fresh_case("buy my cream at shop dot example")
    services.case_decide(
        case=edited, moderator=moderator, action="edit", reason="Shop link", body="[link removed]"
    )
    warned = fresh_case("borderline")
    services.case_decide(case=warned, moderator=moderator, action="warn", reason="Be kind")
    escalated = fresh_case("legal threat")
    services.case_decide(case=escalated, moderator=moderator, action="escalate", reason="Legal")

    removed.post.refresh_from_db()
    edited.post.refresh_from_db()
    assert removed.post.moderation_state == ModerationState.REMOVED
    assert edited.post.display_body == "[link removed]"
    assert Notification.objects.filter(message__contains="warning").exists()
    escalated.refresh_from_db()
    assert escalated.status == "escalated"
    assert Decision.objects.count() == 4


def test_suspend_removes_the_post_and_stops_the_author_writing(flagged_post, moderator):
    case = Case.objects.get()

    services.case_decide(case=case, moderator=moderator, action="suspend", reason="Selling", days=7)

    author = flagged_post.author
    author.refresh_from_db()
    flagged_post.refresh_from_db()
    assert author.is_suspended
    assert author.suspended_until > timezone.now() + timedelta(days=6)
    assert flagged_post.moderation_state == ModerationState.REMOVED
    with pytest.raises(PermissionDenied):
        forum_services.post_create(thread=flagged_post.thread, author=author, body="again")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"action": "approve", "reason": " "}, "reason"),
        ({"action": "ban", "reason": "x"}, "action"),
        ({"action": "suspend", "reason": "x", "days": 0}, "days"),
        ({"action": "edit", "reason": "x", "body": ""}, "body"),
    ],
)
def test_a_bad_decision_is_refused_naming_the_field_and_changes_nothing(
    flagged_post, moderator, kwargs, field
):
    case = Case.objects.get()

    with pytest.raises(ValidationError) as error:
        services.case_decide(case=case, moderator=moderator, **kwargs)

    assert field in error.value.message_dict
    case.refresh_from_db()
    assert case.status == "open" and not Decision.objects.exists()


def test_members_cannot_decide(flagged_post, member):
    with pytest.raises(PermissionDenied):
        services.case_decide(
            case=Case.objects.get(), moderator=member, action="approve", reason="x"
        )


def test_a_decided_case_cannot_be_decided_twice(flagged_post, moderator):
    case = Case.objects.get()
    services.case_decide(case=case, moderator=moderator, action="remove", reason="x")

    with pytest.raises(ValidationError) as error:
        services.case_decide(case=case, moderator=moderator, action="approve", reason="x")

    assert "already decided" in error.value.message_dict["case"][0]


def test_claim_keeps_two_moderators_apart(flagged_post, moderator):
    other = UserFactory()
    from forum.roles import Role, role_grant

    role_grant(user=other, role=Role.MODERATOR)
    case = Case.objects.get()

    services.case_claim(case=case, moderator=moderator)
    with pytest.raises(ValidationError):
        services.case_claim(case=case, moderator=other)
    with pytest.raises(ValidationError):
        services.case_unclaim(case=case, moderator=other)
    services.case_unclaim(case=case, moderator=moderator)
    services.case_claim(case=case, moderator=other)

    case.refresh_from_db()
    assert case.assignee == other


def test_bulk_remove_skips_cases_already_decided(article, moderator):
    posts = [
        forum_services.post_create(thread=article.thread, author=UserFactory(), body=f"spam {n}")
        for n in range(3)
    ]
    for post in posts:
        services.report_create(post=post, reporter=UserFactory(), reason="spam")
    cases = list(Case.objects.all())
    services.case_decide(case=cases[0], moderator=moderator, action="approve", reason="fine")

    decided = services.cases_decide_bulk(
        cases=cases, moderator=moderator, action="remove", reason="Spam"
    )

    assert decided == 2


def test_high_severity_cases_are_mailed_to_moderators_in_one_batch(
    flagged_post, moderator, article, established_member, mailoutbox
):
    second = forum_services.post_create(
        thread=article.thread, author=established_member, body="ring 040-23733299"
    )
    services.post_scan(post_id=second.pk, revision=second.revision)

    sent = services.moderators_digest_send()
    again = services.moderators_digest_send()
    drain_outbox()

    assert (sent, again) == (2, 0)
    to_moderator = [m for m in mailoutbox if m.to == [moderator.email]]
    assert len(to_moderator) == 1 and "2 high-severity" in to_moderator[0].subject
