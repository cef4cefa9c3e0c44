"""The e-mail outbox. Services queue an e-mail with `email_enqueue` in their own transaction, so it
exists exactly when what it tells about was committed; a worker sends it with `outbox_drain`
(kicked after the commit, and by beat every minute), retrying with backoff while the mail server
refuses. A database or worker restart loses nothing: an e-mail leaves the outbox only once a
worker has marked it sent."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from celery import current_app
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from forum.models import OutgoingEmail, User

logger = logging.getLogger(__name__)

DRAIN_TASK = "forum.tasks.outbox_drain"
# Waits between attempts: 1, 2, 4, … minutes, at most 6 hours; after the last attempt (about a
# day after the first) the e-mail stays in the outbox, unsent, with its last error.
RETRY_FIRST_WAIT = timedelta(minutes=1)
RETRY_LONGEST_WAIT = timedelta(hours=6)
MAX_ATTEMPTS = 12
# A mail server that refuses this many e-mails in a row is down: stop and let the next run try,
# rather than spend an attempt of every e-mail in the outbox on it.
MAX_FAILURES_IN_A_ROW = 5
# What a mail server or backend raises for one e-mail (SMTPException is an OSError; ValueError
# covers a header Django refuses), as opposed to a database error, which ends the run.
SEND_ERRORS = (OSError, SMTPException, ValueError)


def email_enqueue(*, user: User, subject: str, body: str, key: str) -> OutgoingEmail | None:
    """Queue an e-mail to `user` in the caller's transaction; a worker sends it after the commit.

    `key` names the event (e.g. "notification:42"): queueing the same key again returns the
    e-mail already queued and sends nothing more. Returns None when the user has no address."""
    if not user.email:
        return None
    mail, created = OutgoingEmail.objects.get_or_create(
        key=key,
        defaults={
            "user": user,
            "to": user.email,
            # One line (a header cannot hold a line break), and what the column holds.
            "subject": " ".join(subject.split())[:255],
            "body": body,
        },
    )
    if created:
        transaction.on_commit(_drain_soon, robust=True)
    return mail


def _drain_soon() -> None:
    # By name: the task module imports this one. If the broker is down, beat drains it later.
    try:
        current_app.send_task(DRAIN_TASK)
    except Exception:
        logger.warning("could not ask a worker to send the outbox now", exc_info=True)


def outbox_drain(*, limit: int = 200) -> int:
    """Send the e-mails that are due, at most `limit` of them; returns how many were sent.

    Each e-mail is taken in a short transaction of its own, locked with SKIP LOCKED (so workers
    draining at the same time never take the same one), sent, and marked sent before that
    transaction commits. A send that fails records the error and schedules the next attempt
    (exponential backoff). A database error is not caught: the run stops and the task retries.

    Delivery is at least once, not exactly once: if the database connection is lost after an
    e-mail left but before it was marked sent, the e-mail is sent again by a later run."""
    sent = failures_in_a_row = 0
    for _ in range(limit):
        with transaction.atomic():
            mail = (
                OutgoingEmail.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True, next_attempt_at__lte=timezone.now())
                .order_by("next_attempt_at", "pk")
                .first()
            )
            if mail is None:
                break
            if _send(mail):
                sent += 1
                failures_in_a_row = 0
            else:
                failures_in_a_row += 1
        if failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
            break
    return sent


def _send(mail: OutgoingEmail) -> bool:
    mail.attempts += 1
    try:
        send_mail(
            subject=mail.subject, message=mail.body, from_email=None, recipient_list=[mail.to]
        )
    except SEND_ERRORS as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        mail.next_attempt_at = (
            timezone.now() + retry_wait(attempts=mail.attempts)
            if mail.attempts < MAX_ATTEMPTS
            else None
        )
        mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        logger.warning(
            "e-mail %s (attempt %s) was not sent: %s", mail.pk, mail.attempts, mail.last_error
        )
        return False
    mail.sent_at = timezone.now()
    mail.save(update_fields=["attempts", "sent_at"])
    return True


def retry_wait(*, attempts: int) -> timedelta:
    """How long to wait after `attempts` failed attempts: doubling from RETRY_FIRST_WAIT."""
    return min(RETRY_FIRST_WAIT * 2 ** (attempts - 1), RETRY_LONGEST_WAIT)
