"""Moderation listens to the forum: every created or edited post is scanned by a worker."""

import logging

from django.dispatch import receiver

from forum import events

logger = logging.getLogger(__name__)


@receiver(events.post_changed, dispatch_uid="moderation.case_touch_on_post_changed")
def case_touch_on_post_changed(sender, *, post_id: int, created: bool, **kwargs) -> None:
    """An edited post's open case has moved: a decision drawn on the old text is refused."""
    if not created:
        from moderation import services

        services.case_touch_for_post(post_id=post_id)


@receiver(events.post_changed, dispatch_uid="moderation.scan_on_post_changed")
def scan_on_post_changed(sender, *, post_id: int, revision: int, **kwargs) -> None:
    from moderation import tasks

    try:
        tasks.scan_post.delay(post_id, revision)
    except Exception:  # the broker is down: the post is saved, the sweep will scan it
        logger.warning(
            "could not enqueue the scan of post %s r%s", post_id, revision, exc_info=True
        )
