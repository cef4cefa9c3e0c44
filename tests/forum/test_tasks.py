"""The forum's Celery wiring, end to end: a reply posted through the service writes its
notification and queues its e-mail in the outbox; after commit a real worker process, kicked
through real Redis, sends the e-mail."""

import pytest

from forum import services
from forum.models import Notification, OutgoingEmail
from tests.conftest import broker_down
from tests.factories import ThreadFactory, UserFactory
from tests.utils import wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_worker_notifies_the_author_of_a_reply(celery_worker):
    mail_dir = celery_worker
    thread = ThreadFactory()
    author = UserFactory(username="asker", email="asker@example.org")
    parent = services.post_create(thread=thread, author=author, body="Does heat help?")

    reply = services.post_create(
        thread=thread, author=UserFactory(display_name="Helper"), body="Yes", parent=parent
    )

    notification = Notification.objects.get(user=author)
    assert notification.post_id == reply.pk
    assert "Helper replied to your post #1" in notification.message
    mails = wait_for(lambda: list(mail_dir.glob("*.log")))
    assert "asker@example.org" in mails[0].read_text()
    wait_for(lambda: OutgoingEmail.objects.filter(sent_at__isnull=False).exists())


def test_posting_works_when_the_broker_is_down():
    """The post is saved and the page answers; the e-mail waits in the outbox for beat."""
    thread = ThreadFactory()
    author = UserFactory()
    with broker_down():
        parent = services.post_create(thread=thread, author=author, body="question")
        reply = services.post_create(
            thread=thread, author=UserFactory(), body="answer", parent=parent
        )

    assert reply.pk is not None
    assert OutgoingEmail.objects.filter(user=author, sent_at__isnull=True).exists()
