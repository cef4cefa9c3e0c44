"""The e-mail outbox: an e-mail is queued in its cause's transaction, once per event, and sent by
a worker at least once, whatever the mail server or the database does meanwhile; and the reply
notification, which now tells a post's author when the reply becomes public."""

import re
from collections import Counter
from datetime import timedelta

import pytest
from celery import current_app
from django.db import connection, transaction
from django.utils import timezone

from forum import outbox, services, tasks
from forum.models import ModerationState, Notification, OutgoingEmail
from tests.factories import ThreadFactory, UserFactory
from tests.utils import FlakyEmailBackend, drain_outbox, wait_for


def _queue(user, key: str, subject: str = "Hello") -> OutgoingEmail | None:
    return outbox.email_enqueue(user=user, subject=subject, body="Some news.", key=key)


def _time_passes() -> None:
    """As if every wait in the outbox were over."""
    OutgoingEmail.objects.filter(next_attempt_at__isnull=False).update(
        next_attempt_at=timezone.now()
    )


# --- The outbox --------------------------------------------------------------------------------


def test_the_same_event_queues_one_email(member):
    first = _queue(member, "reply:1", subject="First")
    again = _queue(member, "reply:1", subject="Second")

    assert again.pk == first.pk
    assert list(OutgoingEmail.objects.values_list("subject", "to")) == [("First", member.email)]


def test_a_member_without_an_address_gets_no_email(db):
    assert _queue(UserFactory(email=""), "reply:1") is None
    assert not OutgoingEmail.objects.exists()


def test_an_email_is_queued_only_if_its_cause_is_committed(member):
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue(member, "reply:1")
        raise RuntimeError("the post could not be saved")

    assert not OutgoingEmail.objects.exists()


def test_the_drain_sends_each_email_once_and_marks_it_sent(member, other_member, mailoutbox):
    _queue(member, "a", subject="For Mary")
    _queue(other_member, "b", subject="For Omar")

    assert drain_outbox() == 2
    assert drain_outbox() == 0

    assert sorted((m.to, m.subject) for m in mailoutbox) == [
        ([member.email], "For Mary"),
        ([other_member.email], "For Omar"),
    ]
    for mail in OutgoingEmail.objects.all():
        assert mail.sent_at is not None and mail.attempts == 1 and mail.last_error == ""


def test_a_refused_email_is_retried_with_growing_waits_and_sent_later(
    member, settings, monkeypatch, mailoutbox
):
    settings.EMAIL_BACKEND = "tests.utils.FlakyEmailBackend"
    monkeypatch.setattr(FlakyEmailBackend, "failures", 2)
    _queue(member, "reply:1")

    assert drain_outbox() == 0
    mail = OutgoingEmail.objects.get()
    assert (mail.attempts, mail.sent_at) == (1, None)
    assert "refused the connection" in mail.last_error
    first_wait = mail.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_wait <= timedelta(minutes=1)
    assert drain_outbox() == 0  # not due yet: not even tried
    assert OutgoingEmail.objects.get().attempts == 1

    _time_passes()
    assert drain_outbox() == 0
    mail.refresh_from_db()
    second_wait = mail.next_attempt_at - timezone.now()
    assert mail.attempts == 2
    assert timedelta(seconds=110) < second_wait <= timedelta(minutes=2)

    _time_passes()
    assert drain_outbox() == 1
    mail.refresh_from_db()
    assert mail.attempts == 3 and mail.sent_at is not None
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert drain_outbox() == 0


def test_an_email_refused_at_every_attempt_stays_unsent_with_its_error(
    member, settings, monkeypatch, mailoutbox
):
    settings.EMAIL_BACKEND = "tests.utils.FlakyEmailBackend"
    monkeypatch.setattr(FlakyEmailBackend, "failures", 1000)
    _queue(member, "reply:1")

    for _ in range(outbox.MAX_ATTEMPTS):
        _time_passes()
        drain_outbox()

    mail = OutgoingEmail.objects.get()
    assert (mail.attempts, mail.sent_at, mail.next_attempt_at) == (outbox.MAX_ATTEMPTS, None, None)
    assert "refused" in mail.last_error
    assert mailoutbox == []


def test_a_mail_server_that_is_down_costs_only_a_few_emails_an_attempt(db, settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.utils.FlakyEmailBackend"
    monkeypatch.setattr(FlakyEmailBackend, "failures", 1000)
    for n in range(outbox.MAX_FAILURES_IN_A_ROW + 3):
        _queue(UserFactory(), f"news:{n}")

    drain_outbox()

    tried = OutgoingEmail.objects.filter(attempts=1).count()
    untried = OutgoingEmail.objects.filter(attempts=0, next_attempt_at__lte=timezone.now())
    assert (tried, untried.count()) == (outbox.MAX_FAILURES_IN_A_ROW, 3)


# --- Reply notifications -----------------------------------------------------------------------


@pytest.fixture
def thread(db):
    return ThreadFactory(title="Warm compresses")


def test_a_reply_public_at_once_tells_the_parent_author_once(
    thread, member, other_member, mailoutbox, settings
):
    settings.SITE_URL = "https://forum.example"
    parent = services.post_create(thread=thread, author=member, body="Does heat help?")

    reply = services.post_create(thread=thread, author=other_member, body="Yes", parent=parent)
    services.post_set_moderation_state(post=reply, state=ModerationState.REDACTED, public_body="Y")
    services.post_set_moderation_state(post=reply, state=ModerationState.PUBLISHED)

    notification = Notification.objects.get(user=member)
    assert notification.message == "Omar replied to your post #1 in “Warm compresses”."
    assert drain_outbox() == 1
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert f"https://forum.example/posts/{reply.pk}/" in mailoutbox[0].body


def test_a_reply_that_waits_for_moderation_tells_nobody_until_it_is_public(
    thread, member, other_member, mailoutbox, settings
):
    parent = services.post_create(thread=thread, author=member, body="Does heat help?")
    settings.FORUM_MODERATION_POLICY = "tests.utils.posts_wait_for_moderation"

    reply = services.post_create(thread=thread, author=other_member, body="Yes", parent=parent)
    services.post_set_moderation_state(post=reply, state=ModerationState.HELD)
    assert not Notification.objects.exists()
    assert drain_outbox() == 0

    services.post_set_moderation_state(post=reply, state=ModerationState.PUBLISHED)
    services.post_set_moderation_state(post=reply, state=ModerationState.HELD)
    services.post_set_moderation_state(post=reply, state=ModerationState.PUBLISHED)

    assert Notification.objects.filter(user=member, post=reply).count() == 1
    assert drain_outbox() == 1
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_nobody_is_told_of_their_own_reply(thread, member, mailoutbox):
    parent = services.post_create(thread=thread, author=member, body="question")
    services.post_create(thread=thread, author=member, body="and more", parent=parent)

    assert not Notification.objects.exists()
    assert drain_outbox() == 0


def test_a_reply_names_no_thread_title_while_the_first_post_is_not_public(
    thread, member, other_member, mailoutbox
):
    first = services.post_create(thread=thread, author=UserFactory(), body="call 040-23733200")
    parent = services.post_create(thread=thread, author=member, body="Please don't")
    services.post_set_moderation_state(post=first, state=ModerationState.HELD)

    services.post_create(thread=thread, author=other_member, body="Agreed", parent=parent)

    message = Notification.objects.get(user=member).message
    assert message == "Omar replied to your post #2."
    drain_outbox()
    assert "Warm compresses" not in mailoutbox[0].body + mailoutbox[0].subject


# --- Through a real worker ---------------------------------------------------------------------

_SUBJECT = re.compile(r"^Subject: (Mail \d\d)$", re.MULTILINE)


def _delivered(mail_dir) -> Counter:
    return Counter(
        subject for path in mail_dir.glob("*.log") for subject in _SUBJECT.findall(path.read_text())
    )


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_is_lost_when_the_database_connection_dies_mid_drain(start_worker):
    """What a database restart looks like to a worker that is sending the outbox: its sessions
    are cut. The task retries, and every e-mail is delivered (at least once) and marked sent."""
    if connection.vendor != "postgresql":
        pytest.skip("cuts the worker's database sessions (pg_terminate_backend): needs PostgreSQL")
    # Only this test's drain: not a kick left in the queue by an earlier test.
    current_app.control.purge()
    worker = start_worker(env={"EMAIL_BACKEND": "tests.utils.SlowFileEmailBackend"})
    reader = UserFactory(email="reader@example.org")
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            user=reader, to=reader.email, subject=f"Mail {n:02d}", body="news", key=f"n{n}"
        )
        for n in range(20)
    )

    tasks.outbox_drain.delay()
    wait_for(lambda: sum(_delivered(worker.mail_dir).values()) >= 4, timeout=30)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        cut = cursor.fetchall()
    assert sum(_delivered(worker.mail_dir).values()) < 20, "the drain ended before the cut"

    wait_for(lambda: not OutgoingEmail.objects.filter(sent_at__isnull=True).exists(), timeout=60)
    assert cut, "the worker had no database session to cut"
    assert set(_delivered(worker.mail_dir)) == {f"Mail {n:02d}" for n in range(20)}
    assert "Retry in" in worker.log()  # the task retried after the database error
