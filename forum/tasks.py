"""Forum background work. Tasks take ids, call a service and return."""

from celery import shared_task
from django.db import DatabaseError

from forum import outbox, services


# DatabaseError covers OperationalError (the connection was lost): the run is retried, and what it
# had not marked sent is still in the outbox.
@shared_task(
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=10,
)
def outbox_drain() -> int:
    """Send the e-mails that are due. Kicked after a commit that queued one, and by beat every
    minute (which also catches the e-mails whose kick was lost or whose retry is due)."""
    return outbox.outbox_drain()


@shared_task(acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def notify_reply(reply_id: int) -> None:
    """No longer sent: a reply's notification is written when the reply becomes public. Kept so
    that messages queued by the previous version are still handled (it notifies once)."""
    services.reply_notify(reply_id=reply_id)
