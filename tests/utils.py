import time

from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.1):
    """Poll until `predicate()` is truthy (a worker is another process) and return its value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"gave up waiting after {timeout} s")


def drain_outbox() -> int:
    """Send what the e-mail outbox holds, here and now, as the worker's task would; returns how
    many e-mails left (with the locmem backend they land in `mailoutbox`)."""
    from forum import outbox

    return outbox.outbox_drain()


class FlakyEmailBackend(LocmemEmailBackend):
    """A mail server that refuses the next `failures` e-mails (OSError, as a refused connection
    is), then delivers to `mailoutbox`. Set `FlakyEmailBackend.failures` in the test."""

    failures = 0

    def send_messages(self, messages):
        if FlakyEmailBackend.failures > 0:
            FlakyEmailBackend.failures -= 1
            raise ConnectionRefusedError("the mail server refused the connection")
        return super().send_messages(messages)


class SlowFileEmailBackend(FileEmailBackend):
    """The file backend (EMAIL_FILE_PATH) taking about 0.2 s an e-mail, like a distant SMTP
    server: slow enough to catch a worker in the middle of sending the outbox."""

    def send_messages(self, messages):
        time.sleep(0.2 * len(messages))
        return super().send_messages(messages)


def posts_wait_for_moderation(**kwargs) -> str:
    """A FORUM_MODERATION_POLICY under which every new post waits, unseen by others, for
    moderation to publish it (as a new member's post does)."""
    from forum.models import ModerationState

    return ModerationState.PENDING


def scanned(post):
    """`post` after its scan has run here, as a worker would run it."""
    from moderation import services

    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


def post_scanned(thread, author, body: str):
    """A new post, written through the forum's service and scanned."""
    from forum import services

    return scanned(services.post_create(thread=thread, author=author, body=body))


def api_as(user=None):
    """A DRF test client, authenticated as `user` (None: anonymous)."""
    from rest_framework.test import APIClient

    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def web_as(user=None):
    """A Django test client, logged in as `user` (None: anonymous)."""
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def at_once(*actions) -> list:
    """Run callables at the same moment, each in its own thread and database session; returns
    "ok" or the name of the exception each raised, in order."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(actions))
    outcomes: list = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            action()
            outcomes[index] = "ok"
        except Exception as error:
            outcomes[index] = type(error).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes
