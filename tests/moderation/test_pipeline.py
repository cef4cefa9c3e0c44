"""The scan service and what rules do to posts (the worker's part, called directly here; the
tests in test_worker.py run the same through a real worker on Redis)."""

import pytest

from forum import services as forum_services
from forum.models import ModerationState, Notification, Post
from moderation import services
from moderation.models import AuditEntry, Case, Flag, FlagRule, Scan
from tests.factories import CategoryFactory, ThreadFactory
from tests.moderation.conftest import COMMENT_1, COMMENT_2

pytestmark = pytest.mark.django_db


def _post_and_scan(*, author, thread, body):
    post = forum_services.post_create(thread=thread, author=author, body=body)
    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


def test_comment_1_from_a_new_member_waits_then_is_held_with_every_flag(article, new_member):
    post = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_1)
    assert post.moderation_state == ModerationState.PENDING

    services.post_scan(post_id=post.pk, revision=post.revision)

    post.refresh_from_db()
    assert post.moderation_state == ModerationState.HELD
    case = Case.objects.get(post=post)
    kinds = {(f.category, f.kind) for f in case.flags.all()}
    assert {
        ("contact_details", "phone"),
        ("contact_details", "address"),
        ("contact_details", "practitioner"),
        ("treatment_claim", "cure_claim"),
    } <= kinds
    texts = {f.kind: f.text for f in case.flags.all()}
    assert texts["phone"] == "040-23733200"
    assert "completely stopped" in texts["cure_claim"]
    for flag in case.flags.all():
        assert COMMENT_1[flag.start : flag.end] == flag.text
    assert case.has_flags and case.severity == 3 and case.status == "open"
    notification = Notification.objects.get(user=new_member)
    assert "waiting for a moderator" in notification.message
    assert AuditEntry.objects.filter(action="post.held", target_id=str(post.pk)).exists()


def test_comment_1_from_an_established_member_is_redacted_for_readers(article, established_member):
    post = _post_and_scan(author=established_member, thread=article.thread, body=COMMENT_1)

    assert post.moderation_state == ModerationState.REDACTED
    assert "[contact details removed]" in post.public_body
    assert "23733200" not in post.public_body and "8-3-945" not in post.public_body
    assert post.body == COMMENT_1  # the original is kept for moderators
    assert Case.objects.filter(post=post).exists()


def test_liz_comment_makes_no_case_and_is_published(article, new_member):
    post = _post_and_scan(author=new_member, thread=article.thread, body=COMMENT_2)

    assert post.moderation_state == ModerationState.PUBLISHED
    assert not Case.objects.exists()
    assert Scan.objects.get(post=post).finding_count == 0


def test_a_scan_run_twice_writes_nothing_new(article, new_member):
    post = _post_and_scan(author=new_member, thread=article.thread, body=COMMENT_1)
    flags, audits = Flag.objects.count(), AuditEntry.objects.count()

    services.post_scan(post_id=post.pk, revision=post.revision)

    assert Scan.objects.count() == 1
    assert (Flag.objects.count(), AuditEntry.objects.count()) == (flags, audits)
    assert Notification.objects.filter(user=new_member).count() == 1


def test_a_scan_of_an_old_revision_is_skipped(article, established_member):
    post = forum_services.post_create(
        thread=article.thread, author=established_member, body="call 040-23733200"
    )
    forum_services.post_edit(post=post, editor=established_member, body="no number now")

    assert services.post_scan(post_id=post.pk, revision=1) is None
    assert not Flag.objects.exists()


def test_an_edit_is_scanned_again_and_reopens_a_decided_case(
    article, established_member, moderator
):
    post = _post_and_scan(author=established_member, thread=article.thread, body=COMMENT_1)
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action="approve", reason="fine")
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED

    post = forum_services.post_edit(
        post=post, editor=established_member, body="New number: 040-23733201 call him"
    )
    services.post_scan(post_id=post.pk, revision=post.revision)

    case.refresh_from_db()
    assert case.status == "open"
    assert case.flags.filter(revision=2, kind="phone").exists()


def test_approved_flags_do_not_reopen_for_the_same_revision(article, established_member, moderator):
    post = _post_and_scan(author=established_member, thread=article.thread, body=COMMENT_1)
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action="approve", reason="ok")
    services.rule_save(rule=FlagRule.objects.get(detector="phone"), user=None)  # new version

    services.post_scan(post_id=post.pk, revision=post.revision)

    case.refresh_from_db()
    assert case.status == "decided"


def test_a_rule_scoped_to_a_category_does_not_touch_the_article(
    article, established_member, admin_user
):
    rule = FlagRule.objects.get(detector="phone")
    services.rule_save(rule=rule, user=admin_user, scope_categories=[CategoryFactory()])

    post = _post_and_scan(
        author=established_member, thread=article.thread, body="ring me on 040-23733200"
    )

    assert post.moderation_state == ModerationState.PUBLISHED
    assert not Flag.objects.filter(kind="phone").exists()


def test_an_admin_keyword_rule_holds_posts(established_member, admin_user):
    services.rule_save(
        rule=FlagRule(
            name="miracle-salve",
            matcher="keywords",
            phrases="miracle salve",
            category="treatment_claim",
            kind="product_pitch",
            threshold=0.9,
            action="hold",
        ),
        user=admin_user,
    )

    post = _post_and_scan(
        author=established_member, thread=ThreadFactory(), body="Buy the Miracle Salve today"
    )

    assert post.moderation_state == ModerationState.HELD
    assert Flag.objects.filter(rule__name="miracle-salve", text="Miracle Salve").exists()


def test_posts_never_scanned_are_found_by_the_sweep(article, established_member):
    from datetime import timedelta

    post = forum_services.post_create(
        thread=article.thread, author=established_member, body="hello"
    )

    found = list(services.posts_unscanned(older_than=timedelta(0)))
    services.post_scan(post_id=post.pk, revision=post.revision)

    assert (post.pk, 1) in found
    assert (post.pk, 1) not in list(services.posts_unscanned(older_than=timedelta(0)))


def test_a_suspended_member_cannot_post(article, established_member):
    from datetime import timedelta

    from django.core.exceptions import PermissionDenied
    from django.utils import timezone

    forum_services.user_suspend(user=established_member, until=timezone.now() + timedelta(days=1))

    with pytest.raises(PermissionDenied, match="suspended"):
        forum_services.post_create(thread=article.thread, author=established_member, body="hi")
    assert not Post.objects.filter(author=established_member).exists()


def test_the_audit_log_cannot_be_changed(article, established_member):
    _post_and_scan(author=established_member, thread=article.thread, body=COMMENT_1)
    entry = AuditEntry.objects.first()

    entry.reason = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
