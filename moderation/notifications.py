"""Telling people what moderation did, in plain words: the author (in the site, and by e-mail)
when their post is held, redacted, removed or restored, or when they are warned or suspended; the
moderators by a batched e-mail about high-severity cases. Notifications are written in the
caller's transaction; e-mails leave through a Celery task once it commits."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from forum import services as forum_services
from forum.models import ModerationState, Notification, Post, User
from forum.roles import ADMINS_GROUP, MODERATORS_GROUP

STATE_MESSAGES = {
    ModerationState.HELD: (
        "Your post #{number} in “{thread}” is waiting for a moderator before others can see it, "
        "because {reason}."
    ),
    ModerationState.REDACTED: (
        "In your post #{number} in “{thread}”, a moderator or our filter hid some details from "
        "other readers, because {reason}. You still see your full text."
    ),
    ModerationState.REMOVED: (
        "A moderator removed your post #{number} in “{thread}”. Reason: {reason}."
    ),
    ModerationState.PUBLISHED: (
        "Your post #{number} in “{thread}” was reviewed and is visible to everyone."
    ),
}


def _email_on_commit(*, user: User, subject: str, message: str) -> None:
    if not user.email:
        return
    from moderation import tasks

    user_id = user.pk
    transaction.on_commit(
        lambda: tasks.send_email.delay(user_id=user_id, subject=subject, message=message),
        robust=True,
    )


def _notify(*, user: User, message: str, event_key: str, post: Post | None, link: str = ""):
    notification, created = forum_services.notification_create(
        user=user,
        kind=Notification.Kind.MODERATION,
        message=message[:500],
        event_key=event_key,
        post=post,
    )
    if created:
        _email_on_commit(
            user=user,
            subject=f"About your post on {settings.SITE_NAME}",
            message=f"Hello {user.public_name},\n\n{message}\n\n{link}\n",
        )
    return notification


def author_post_state(*, post: Post, reason: str, decision_key: str = "") -> None:
    """Tell the author their post's new state: once per state and revision for what a scan did,
    once per decision for what a moderator did (`decision_key`)."""
    template = STATE_MESSAGES.get(post.moderation_state)
    if template is None:
        return
    message = template.format(
        number=post.number, thread=post.thread.title, reason=reason or "of the site's rules"
    )
    _notify(
        user=post.author,
        message=message,
        event_key=decision_key or f"post:{post.pk}:r{post.revision}:{post.moderation_state}",
        post=post,
        link=f"{settings.SITE_URL}{post.get_absolute_url()}",
    )


def author_warn(*, post: Post, reason: str, case) -> None:
    _notify(
        user=post.author,
        message=f"A moderator sent you a warning about your post #{post.number}: {reason}",
        event_key=f"warn:case{case.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        post=post,
    )


def author_suspended(*, user: User, until, reason: str, case) -> None:
    when = timezone.localtime(until).strftime("%Y-%m-%d %H:%M")
    _notify(
        user=user,
        message=f"Your account is suspended until {when}: you can read but not post. "
        f"Reason: {reason}",
        event_key=f"suspend:case{case.pk}:{until:%Y%m%d%H%M%S}",
        post=None,
    )


def moderators_digest(*, cases) -> None:
    """One e-mail listing new high-severity cases, to every moderator and admin with an e-mail."""
    recipients = (
        User.objects.filter(is_active=True)
        .filter(groups__name__in=[MODERATORS_GROUP, ADMINS_GROUP])
        .exclude(email="")
        .distinct()
    )
    lines = [
        f"- case {case.pk}: post #{case.post.number} in “{case.post.thread.title}” "
        f"({', '.join(case.categories)}) {settings.SITE_URL}/moderation/cases/{case.pk}/"
        for case in cases
    ]
    subject = f"{len(cases)} high-severity case(s) waiting on {settings.SITE_NAME}"
    body = "New high-severity cases in the moderation queue:\n\n" + "\n".join(lines) + "\n"
    # Already in a worker (the beat task): send now, one message per moderator.
    send_mass_mail([(subject, body, None, [user.email]) for user in recipients])
