"""The moderation pipeline through real Celery workers on real Redis: what happens when a member
posts, and the failure paths (broker down, a task delivered twice, a worker killed mid-scan)."""

import signal

import pytest
from django.db import connection

from forum import services as forum_services
from forum.models import ModerationState, Post
from moderation import tasks
from moderation.models import Case, Flag, Scan
from tests.conftest import broker_down
from tests.moderation.conftest import COMMENT_1, COMMENT_2
from tests.utils import wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _state(post: Post) -> str:
    return Post.objects.values_list("moderation_state", flat=True).get(pk=post.pk)


def test_comment_1_is_held_by_a_worker_then_redacted_by_a_moderator_and_liz_makes_no_case(
    start_worker, article, new_member, moderator, api_client
):
    """The issue's "done when", end to end: a new member posts comment #1; a worker holds it
    with its flags; it is first in the moderators' queue; a moderator redacts the contact
    details; the author is told in the site and by e-mail (sent by the worker)."""
    new_member.email = "newbie@example.org"
    new_member.save()
    worker = start_worker()

    held = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_1)
    clean = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_2)

    case = wait_for(lambda: Case.objects.filter(post=held).first(), timeout=30)
    wait_for(lambda: _state(held) == ModerationState.HELD)
    kinds = set(case.flags.values_list("kind", flat=True))
    assert {"phone", "address", "practitioner", "cure_claim"} <= kinds
    assert case.flags.get(kind="phone").text == "040-23733200"
    wait_for(lambda: _state(clean) == ModerationState.PUBLISHED)
    assert not Case.objects.filter(post=clean).exists()

    api_client.force_authenticate(moderator)
    queue = api_client.get("/api/moderation/queue/").json()["results"]
    assert queue[0]["id"] == case.pk
    decided = api_client.post(
        f"/api/moderation/cases/{case.pk}/decide/",
        {"action": "redact", "reason": "Phone numbers and addresses are not allowed"},
        format="json",
    )

    assert decided.status_code == 200
    held.refresh_from_db()
    assert held.moderation_state == ModerationState.REDACTED
    assert "040-23733200" not in held.public_body and "8-3-945" not in held.public_body
    assert new_member.notifications.filter(message__contains="hid some details").exists()
    mails = wait_for(
        lambda: [m for m in worker.mail_dir.glob("*.log") if "hid some details" in m.read_text()]
    )
    assert "newbie@example.org" in mails[0].read_text()


def test_the_same_scan_delivered_twice_writes_once(start_worker, article, established_member):
    with broker_down():  # written without a scan, so that only our two deliveries run
        post = forum_services.post_create(
            thread=article.thread, author=established_member, body=COMMENT_1
        )
    worker = start_worker()

    tasks.scan_post.delay(post.pk, post.revision)
    tasks.scan_post.delay(post.pk, post.revision)

    wait_for(lambda: _succeeded(worker, "moderation.tasks.scan_post") == 2, timeout=30)
    assert Scan.objects.filter(post=post).count() == 1
    flags = list(Flag.objects.filter(post=post).values_list("rule_name", "start", "end"))
    assert len(flags) == len(set(flags)) > 0
    assert Case.objects.filter(post=post).count() == 1


def _succeeded(worker, task_name: str) -> int:
    return sum(1 for line in worker.log().splitlines() if task_name in line and "succeeded" in line)


def test_posting_while_the_broker_is_down_loses_nothing(start_worker, article, new_member):
    with broker_down():
        post = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_1)
    assert _state(post) == ModerationState.PENDING  # saved, visible to its author
    assert not Scan.objects.exists()

    start_worker(env={"MODERATION_SWEEP_GRACE_SECONDS": "0"})
    tasks.sweep_unscanned.delay()  # what beat sends every minute

    wait_for(lambda: Case.objects.filter(post=post).exists(), timeout=30)
    wait_for(lambda: _state(post) == ModerationState.HELD)


def test_a_worker_killed_mid_scan_does_not_lose_the_scan(start_worker, article, new_member):
    if connection.vendor != "postgresql":
        pytest.skip("holds a row lock to catch the worker mid-scan: needs PostgreSQL")
    import os

    import psycopg

    with broker_down():
        post = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_1)
    tasks.scan_post.delay(post.pk, post.revision)
    settings_dict = connection.settings_dict
    with psycopg.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
    ) as blocker:
        # The scan locks the post row first; holding that lock keeps the worker mid-scan.
        blocker.execute("SELECT id FROM forum_post WHERE id = %s FOR UPDATE", [post.pk])
        worker = start_worker(pool="prefork")
        running = wait_for(lambda: worker.active_tasks(), timeout=30)[0]
        os.kill(running["worker_pid"], signal.SIGKILL)
        # The message comes back (acks_late + reject_on_worker_lost) to a fresh child process.
        wait_for(
            lambda: [t for t in worker.active_tasks() if t["worker_pid"] != running["worker_pid"]],
            timeout=30,
        )
        assert not Scan.objects.filter(post=post).exists()
        blocker.rollback()  # let it finish

    wait_for(lambda: Scan.objects.filter(post=post).exists(), timeout=30)
    wait_for(lambda: _state(post) == ModerationState.HELD)
    assert Scan.objects.filter(post=post).count() == 1
    assert "WorkerLostError" in worker.log() or "SIGKILL" in worker.log()
