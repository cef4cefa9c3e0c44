"""Telling people what moderation did, in plain words: the author (in the site, and by e-mail)
when something happened to their post (held, details hidden, removed, or approved by a moderator),
or when they are warned or suspended; the moderators by a batched e-mail about high-severity cases.
Notifications and their e-mails (forum.outbox) are written in the caller's transaction; a worker
sends the e-mails once it commits. What the automatic check did is never said to be a moderator's
doing, and a post that is simply published after a clean scan tells nobody anything."""

from django.conf import settings
from django.utils import timezone

from forum import outbox
from forum import services as forum_services
from forum.models import ModerationState, Notification, Post, User
from forum.roles import ADMINS_GROUP, MODERATORS_GROUP

# What the author reads, by the post's new state and by who acted: a moderator (True) or the
# automatic check (False). A missing entry means there is nothing to tell.
STATE_MESSAGES = {
    (ModerationState.HELD, True): (
        "A moderator is holding back your post #{number}{where} from other readers, "
        "because {reason}."
    ),
    (ModerationState.HELD, False): (
        "Your post #{number}{where} is waiting for a moderator before others can see it: "
        "our automatic check held it back because {reason}."
    ),
    (ModerationState.REDACTED, True): (
        "In your post #{number}{where}, a moderator hid some details from other readers, "
        "because {reason}. You still see your full text."
    ),
    (ModerationState.REDACTED, False): (
        "In your post #{number}{where}, our automatic check hid some details from other "
        "readers, because {reason}. You still see your full text."
    ),
    (ModerationState.REMOVED, True): (
        "A moderator removed your post #{number}{where}. Reason: {reason}."
    ),
    (ModerationState.REMOVED, False): (
        "Our automatic check removed your post #{number}{where}. Reason: {reason}."
    ),
    (ModerationState.PUBLISHED, True): (
        "A moderator approved your post #{number}{where}: it is visible to everyone."
    ),
}


def _notify(*, user: User, message: str, event_key: str, post: Post | None, link: str = ""):
    notification, created = forum_services.notification_create(
        user=user,
        kind=Notification.Kind.MODERATION,
        message=message[:500],
        event_key=event_key,
        post=post,
    )
    if created:
        outbox.email_enqueue(
            user=user,
            subject=f"About your post on {settings.SITE_NAME}",
            body=f"Hello {user.public_name},\n\n{message}\n\n{link}\n",
            key=f"notification:{notification.pk}",
        )
    return notification


def author_post_state(
    *, post: Post, reason: str, by_moderator: bool, decision_key: str = ""
) -> None:
    """Tell the author their post's new state: once per state and revision for what the
    automatic check did, once per decision for what a moderator did (`decision_key`), saying
    who acted. A post the automatic check simply published is not worth a message."""
    template = STATE_MESSAGES.get((post.moderation_state, by_moderator))
    if template is None:
        return
    title = forum_services.notification_thread_title(thread=post.thread, recipient=post.author)
    message = template.format(
        number=post.number,
        where=f" in “{title}”" if title else "",
        reason=reason or "of the site's rules",
    )
    _notify(
        user=post.author,
        message=message,
        event_key=decision_key or f"post:{post.pk}:r{post.revision}:{post.moderation_state}",
        post=post,
        link=f"{settings.SITE_URL}{post.get_absolute_url()}",
    )


def author_warn(*, post: Post, reason: str, key: str) -> None:
    """`key` names the decision: the same decision never warns twice."""
    _notify(
        user=post.author,
        message=f"A moderator sent you a warning about your post #{post.number}: {reason}",
        event_key=f"warn:{key}",
        post=post,
    )


def author_suspended(*, user: User, until, reason: str, key: str) -> None:
    when = timezone.localtime(until).strftime("%Y-%m-%d %H:%M")
    _notify(
        user=user,
        message=f"Your account is suspended until {when}: you can read but not post. "
        f"Reason: {reason}",
        event_key=f"suspend:{key}",
        post=None,
    )


def moderators_digest(*, cases) -> None:
    """One e-mail listing new high-severity cases to every moderator and admin with an address,
    queued in the caller's transaction (the one that marks the cases as told)."""
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
    # A case is in one digest only (its digest_sent_at is set in this transaction), so the first
    # case names this digest.
    first = min(case.pk for case in cases)
    for user in recipients:
        outbox.email_enqueue(
            user=user,
            subject=subject,
            body=body,
            key=f"moderators-digest:case{first}:user{user.pk}",
        )
