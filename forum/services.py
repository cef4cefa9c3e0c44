"""Everything that writes forum data. Views, the API, commands and tasks call these; validation
lives here and in the models, so every door refuses the same bad input with the same message."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import Truncator

from forum import events, outbox
from forum.models import (
    PUBLIC_STATES,
    Category,
    ModerationState,
    Notification,
    Post,
    PostRevision,
    Thread,
    User,
    Vote,
)


def _announce(post: Post, *, created: bool) -> None:
    post_id, revision = post.pk, post.revision
    # robust: a listener that fails (say, the broker is down) must not turn a saved post into an
    # error page; the failure is logged and moderation's sweep catches up.
    transaction.on_commit(
        lambda: events.post_changed.send_robust(
            sender=Post, post_id=post_id, revision=revision, created=created
        ),
        robust=True,
    )


def _check_can_write(user: User) -> None:
    if user.is_suspended:
        until = timezone.localtime(user.suspended_until).strftime("%Y-%m-%d %H:%M")
        raise PermissionDenied(
            f"Your account is suspended until {until}. You can still read, but not post, vote "
            "or report."
        )


def _state_before_scan(
    *, author: User, thread: Thread, previous: str | None, body: str, title: str = ""
) -> str:
    """The state a new or edited post takes until moderation has scanned it. The forum does not
    know moderation: settings.FORUM_MODERATION_POLICY names the function that decides."""
    if not settings.FORUM_MODERATION_POLICY:
        return previous or ModerationState.PUBLISHED
    policy = import_string(settings.FORUM_MODERATION_POLICY)
    return policy(author=author, thread=thread, previous=previous, body=body, title=title)


def _opener_title(*, thread: Thread, number: int) -> str:
    """The title a forum thread's first post is checked with (the article's title is not a
    member's)."""
    return thread.title if number == 1 and thread.category_id is not None else ""


def user_register(*, username: str, email: str, password: str, display_name: str = "") -> User:
    """Create a member account. Raises ValidationError naming the field at fault."""
    user = User(username=username, email=email, display_name=display_name)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "That username is taken. Please choose another."})
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def post_create(*, thread: Thread, author: User, body: str, parent: Post | None = None) -> Post:
    """Add a post to a thread (a comment under the article or a forum post).

    The thread row is locked while the post takes the next number, so two posts written at the same
    moment never share "#3". After commit the change is announced (moderation scans it). A reply
    that is public at once tells the author of the post it answers; one that waits for moderation
    does so when it becomes public (post_set_moderation_state)."""
    _check_can_write(author)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    post = Post(thread=thread, author=author, body=body, parent=parent, number=thread.next_number)
    post.moderation_state = _state_before_scan(
        author=author,
        thread=thread,
        previous=None,
        body=body,
        title=_opener_title(thread=thread, number=post.number),
    )
    post.full_clean(exclude=["number"])
    post.save()
    Thread.objects.filter(pk=thread.pk).update(
        next_number=F("next_number") + 1, last_posted_at=post.created_at
    )
    _announce(post, created=True)
    if parent is not None and post.is_public:
        reply_notify(reply_id=post.pk)
    return post


@transaction.atomic
def thread_create(*, category: Category, author: User, title: str, body: str) -> Thread:
    """Start a forum thread with its first post."""
    _check_can_write(author)
    thread = Thread(category=category, author=author, title=(title or "").strip())
    thread.full_clean()
    thread.save()
    post_create(thread=thread, author=author, body=body)
    return thread


def _check_author(post: Post, user: User, action: str) -> None:
    if post.author_id != user.pk:
        raise PermissionDenied(f"You can only {action} your own posts.")
    if post.is_deleted:
        raise PermissionDenied("This post has been deleted.")
    if post.moderation_state == ModerationState.REMOVED:
        raise PermissionDenied(f"A moderator removed this post, so you can no longer {action} it.")


@transaction.atomic
def post_edit(*, post: Post, editor: User, body: str) -> Post:
    """Change a post's text. The old text is kept as a revision and the revision number goes up,
    which is what tells moderation to scan the post again."""
    post = Post.objects.select_for_update(of=("self",)).select_related("thread").get(pk=post.pk)
    _check_author(post, editor, "edit")
    _check_can_write(editor)
    if body == post.body:
        return post
    previous_body, previous_revision = post.body, post.revision
    post.body = body
    post.full_clean()
    PostRevision.objects.create(post=post, revision=previous_revision, body=previous_body)
    post.revision = previous_revision + 1
    post.edited_at = timezone.now()
    post.moderation_state = _state_before_scan(
        author=editor,
        thread=post.thread,
        previous=post.moderation_state,
        body=body,
        title=_opener_title(thread=post.thread, number=post.number),
    )
    post.public_body = ""  # a redaction belonged to the old text
    post.state_set_by_moderator = False  # and so did a moderator's decision
    post.save(
        update_fields=[
            "body",
            "revision",
            "edited_at",
            "moderation_state",
            "public_body",
            "state_set_by_moderator",
        ]
    )
    _announce(post, created=False)
    return post


@transaction.atomic
def post_delete(*, post: Post, user: User) -> None:
    """The author takes a post down. The row stays (numbers are never reused, and moderators may
    still need it), but nobody else sees it any more."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.author_id != user.pk:
        raise PermissionDenied("You can only delete your own posts.")
    if post.deleted_at is None:
        post.deleted_at = timezone.now()
        post.save(update_fields=["deleted_at"])


VOTE_VALUES = (-1, 0, 1)


@transaction.atomic
def vote_set(*, post: Post, user: User, value: int) -> Post:
    """Cast, change (+1/-1) or take back (0) a member's vote. Returns the post, new score set."""
    _check_can_write(user)
    if value not in VOTE_VALUES:
        raise ValidationError({"value": "A vote is +1 (up), -1 (down) or 0 (take back your vote)."})
    if post.author_id == user.pk:
        raise ValidationError({"value": "You can't vote on your own post."})
    if value == 0:
        Vote.objects.filter(post=post, user=user).delete()
    else:
        Vote.objects.update_or_create(post=post, user=user, defaults={"value": value})
    total = Vote.objects.filter(post=post).aggregate(total=Sum("value"))["total"] or 0
    Post.objects.filter(pk=post.pk).update(score=F("imported_score") + total)
    post.refresh_from_db(fields=["score"])
    return post


def user_suspend(*, user: User, until) -> User:
    """Stop a member from writing until `until` (None lifts the suspension)."""
    user.suspended_until = until
    user.save(update_fields=["suspended_until"])
    return user


def post_set_moderation_state(
    *,
    post: Post,
    state: ModerationState,
    public_body: str = "",
    public_title: str | None = None,
    by_moderator: bool = False,
) -> Post:
    """Moderation's door into the forum: it decides, the forum stores what readers may see.
    `public_title` (for a thread's first post) is what readers see of the thread's title; None
    leaves it as it is. `by_moderator` says who acted (a moderator, or the automatic check), so
    that the author is told the truth."""
    post.moderation_state = state
    post.public_body = public_body if state == ModerationState.REDACTED else ""
    post.state_set_by_moderator = by_moderator
    post.full_clean()
    post.save(update_fields=["moderation_state", "public_body", "state_set_by_moderator"])
    if public_title is not None:
        title = public_title if state == ModerationState.REDACTED else ""
        Thread.objects.filter(pk=post.thread_id).update(public_title=title)
        post.thread.public_title = title
    if post.parent_id is not None and post.is_public:
        # A reply that waited for moderation tells its parent's author now (once per reply).
        reply_notify(reply_id=post.pk)
    return post


def notification_create(
    *, user: User, kind: str, message: str, event_key: str, post: Post | None = None
) -> tuple[Notification, bool]:
    """Store a notification once per event: running the same task twice notifies once.
    Returns the notification and whether it is new."""
    with transaction.atomic():
        return Notification.objects.get_or_create(
            user=user,
            event_key=event_key,
            defaults={"kind": kind, "message": message, "post": post},
        )


def reply_notify(*, reply_id: int) -> Notification | None:
    """Tell a post's author that someone replied: in the site, and by e-mail (through the outbox)
    if they gave an address. Called in the transaction in which the reply is public, at once or
    after moderation; however often it is called, the author is told once per reply.

    Returns None when there is nobody to tell: the reply or the parent is gone, the reply is not
    public, or its author answered their own post."""
    reply = (
        Post.objects.select_related("author", "parent__author", "thread")
        .filter(pk=reply_id, parent__isnull=False, deleted_at__isnull=True)
        .first()
    )
    if reply is None or not reply.is_public or reply.parent.is_deleted:
        return None
    recipient = reply.parent.author
    if recipient.pk == reply.author_id:
        return None
    title = notification_thread_title(thread=reply.thread, recipient=recipient)
    where = f" in “{Truncator(title).chars(60)}”" if title else ""
    message = f"{reply.author.public_name} replied to your post #{reply.parent.number}{where}."
    notification, created = notification_create(
        user=recipient,
        kind=Notification.Kind.REPLY,
        message=message,
        event_key=f"reply:{reply.pk}",
        post=reply,
    )
    if created:
        outbox.email_enqueue(
            user=recipient,
            subject=f"New reply on {settings.SITE_NAME}",
            body=(
                f"Hello {recipient.public_name},\n\n{message}\n\n"
                f"Read it here: {settings.SITE_URL}{reply.get_absolute_url()}\n"
            ),
            key=f"notification:{notification.pk}",
        )
    return notification


def notification_thread_title(*, thread: Thread, recipient: User) -> str:
    """The thread's title as a notification to `recipient` may name it, or "" when it must not.

    A forum thread's title is part of its first post: while that post is not public (pending,
    held, removed, deleted) only its author may read the title. The article's thread (the one
    without a category) carries the article's title, which is public."""
    if thread.category_id is None:
        return thread.title
    first = Post.objects.filter(thread=thread, number=1).first()
    if first is None:
        return ""
    if first.author_id == recipient.pk:
        return thread.title
    # A first post deleted after it was public keeps its checked title public, as the pages do.
    return thread.display_title if first.moderation_state in PUBLIC_STATES else ""


def notifications_mark_read(*, user: User, notifications) -> None:
    """Mark the given notifications of `user` as read (others' are left alone)."""
    unread = [n.pk for n in notifications if n.read_at is None]
    if unread:
        Notification.objects.filter(user=user, pk__in=unread).update(read_at=timezone.now())
