"""Forum background work. Tasks take ids, call a service and return."""

from celery import shared_task
from django.db import OperationalError

from forum import services


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def notify_reply(reply_id: int) -> None:
    services.reply_notify(reply_id=reply_id)
