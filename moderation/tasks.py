"""Moderation's Celery tasks: thin, they take ids and call a service."""

from datetime import timedelta

from celery import shared_task
from celery.signals import worker_init, worker_process_init
from django.conf import settings
from django.db import DatabaseError

from moderation import services


@worker_init.connect
def _warm_up_detection_before_forking(**kwargs) -> None:
    """Load the claims classifier (built once by `manage.py claims_model`), its sentence encoder
    and the language model in the worker's main process, before it forks its children: they
    inherit them ready (copy-on-write), instead of each loading them for a second and a half."""
    from moderation import detection

    detection.warm_up()


@worker_process_init.connect
def _warm_up_detection(**kwargs) -> None:
    """In each child: nothing left to load after the main process's warm-up (a pool that does
    not fork, or a model file rebuilt since, still gets everything ready here)."""
    from moderation import detection

    detection.warm_up()


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def scan_post(self, post_id: int, revision: int) -> None:
    services.post_scan(post_id=post_id, revision=revision)


@shared_task(acks_late=True)
def sweep_unscanned() -> int:
    """Beat, every minute: enqueue a scan for every post whose current revision was never
    scanned (the broker was down when it was written, or its scan never finished)."""
    grace = timedelta(seconds=settings.MODERATION_SWEEP_GRACE_SECONDS)
    pending = list(services.posts_unscanned(older_than=grace)[:1000])
    for post_id, revision in pending:
        scan_post.delay(post_id, revision)
    return len(pending)


@shared_task(acks_late=True)
def refresh_priorities() -> int:
    return services.priorities_refresh()


@shared_task(acks_late=True)
def moderators_digest() -> int:
    return services.moderators_digest_send()


@shared_task(acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=8)
def send_email(*, user_id: int, subject: str, message: str) -> None:
    """Kept for messages an earlier version left in the broker: the e-mail goes to the outbox
    (new code writes there directly)."""
    services.legacy_email_enqueue(user_id=user_id, subject=subject, body=message)
