"""The forum's data: members, the article, categories, threads and one Post model for every piece of
user content (article comments and forum posts alike), so that moderation treats them the same."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone


class User(AbstractUser):
    """A member. `display_name` is what other readers see next to a post."""

    display_name = models.CharField(
        max_length=60, blank=True, help_text="Shown next to your posts. Defaults to your username."
    )
    is_demo = models.BooleanField(
        default=False, help_text="Created by the seed loader for the demo installation."
    )
    suspended_until = models.DateTimeField(
        null=True, blank=True, help_text="A suspended member can read but not write until then."
    )

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.username

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > timezone.now()


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})


class Thread(models.Model):
    """A conversation. Forum threads belong to a category; the article's comment thread has none and
    is reached through `Article.thread`."""

    category = models.ForeignKey(
        Category, null=True, blank=True, related_name="threads", on_delete=models.PROTECT
    )
    title = models.CharField(max_length=200)
    # What readers see of the title when moderation masked contact details in it (the title is
    # checked with the thread's first post); the title as written is kept.
    public_title = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="threads",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The next comment number (#1, #2, …); numbers are never reused, so "#2" keeps its meaning.
    next_number = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-last_posted_at"]
        indexes = [models.Index(fields=["category", "-last_posted_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if hasattr(self, "article"):
            return self.article.get_absolute_url()
        return reverse("forum:thread", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        """The title other readers may see."""
        return self.public_title or self.title


class Article(models.Model):
    """The patient-information article the discussion hangs under."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    published_at = models.DateTimeField()
    attribution = models.CharField(max_length=300, blank=True)
    attribution_url = models.URLField(blank=True)
    thread = models.OneToOneField(Thread, related_name="article", on_delete=models.PROTECT)
    # "More articles": teasers of related articles as published beside the original page.
    more_articles = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:article", kwargs={"slug": self.slug})


class ArticlePage(models.Model):
    article = models.ForeignKey(Article, related_name="pages", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_article_page"),
        ]

    def __str__(self) -> str:
        return f"{self.article} – page {self.number}"


class ModerationState(models.TextChoices):
    PUBLISHED = "published", "Published"
    PENDING = "pending", "Pending review"
    HELD = "held", "Held for review"
    REDACTED = "redacted", "Published with details removed"
    REMOVED = "removed", "Removed"


# States in which other members and anonymous readers see a post.
PUBLIC_STATES = (ModerationState.PUBLISHED, ModerationState.REDACTED)


def validate_not_blank(value: str) -> None:
    if not value or not value.strip():
        raise ValidationError("Write something before posting.", code="blank")


class Post(models.Model):
    """One piece of user content: a comment under the article or a post in a forum thread.

    `body` is always what the author wrote. Moderation never overwrites it: a redacted post shows
    `public_body` instead, and the original stays for moderators."""

    thread = models.ForeignKey(Thread, related_name="posts", on_delete=models.CASCADE)
    number = models.PositiveIntegerField(help_text="#1, #2, … within the thread.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="posts", on_delete=models.PROTECT
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        related_name="replies",
        on_delete=models.SET_NULL,
        help_text="The post this one replies to.",
    )
    body = models.TextField(
        validators=[validate_not_blank, MaxLengthValidator(settings.FORUM_POST_MAX_LENGTH)]
    )
    public_body = models.TextField(
        blank=True, help_text="What readers see when moderation redacted part of the body."
    )
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    moderation_state = models.CharField(
        max_length=16,
        choices=ModerationState.choices,
        default=ModerationState.PUBLISHED,
        db_index=True,
    )
    # Who gave the post its state: a moderator, or (False) the automatic check and the rules.
    state_set_by_moderator = models.BooleanField(default=False)
    # Votes cast on the page this post was imported from; added to the live votes.
    imported_score = models.IntegerField(default=0)
    score = models.IntegerField(default=0, help_text="imported_score plus the sum of votes.")

    class Meta:
        ordering = ["thread", "number"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="unique_post_number"),
        ]
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.number} by {self.author} in {self.thread}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.parent_id and self.parent.thread_id != self.thread_id:
            raise ValidationError({"parent": "You can only reply to a post in the same thread."})

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_public(self) -> bool:
        return self.moderation_state in PUBLIC_STATES and not self.is_deleted

    @property
    def display_body(self) -> str:
        """The text other readers may see."""
        if self.moderation_state == ModerationState.REDACTED and self.public_body:
            return self.public_body
        return self.body


class PostRevision(models.Model):
    """The text a post had before an edit; `revision` is the number that text carried."""

    post = models.ForeignKey(Post, related_name="revisions", on_delete=models.CASCADE)
    revision = models.PositiveIntegerField()
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["post", "revision"], name="unique_post_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.post} (revision {self.revision})"


class Vote(models.Model):
    class Value(models.IntegerChoices):
        UP = 1, "Up"
        DOWN = -1, "Down"

    post = models.ForeignKey(Post, related_name="votes", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="votes", on_delete=models.CASCADE
    )
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_vote_per_user_and_post"),
            models.CheckConstraint(
                condition=models.Q(value__in=[1, -1]), name="vote_value_1_or_-1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value:+d} on {self.post} by {self.user}"


class Notification(models.Model):
    """A message for a member, shown on their notifications page (and often also e-mailed)."""

    class Kind(models.TextChoices):
        REPLY = "reply", "Reply"
        MODERATION = "moderation", "Moderation"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="notifications", on_delete=models.CASCADE
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    message = models.CharField(max_length=500)
    post = models.ForeignKey(
        Post, null=True, blank=True, related_name="notifications", on_delete=models.CASCADE
    )
    # What the notification is about, e.g. "reply:42"; a retried task must not notify twice.
    event_key = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_key"], name="one_notification_per_event"
            ),
        ]

    def __str__(self) -> str:
        return self.message


class OutgoingEmail(models.Model):
    """An e-mail in the outbox. It is written in the same transaction as what it tells about and
    sent later by a worker (forum.outbox), so a restart of the database, the broker or the worker
    loses none. `key` names the event: the same event never queues two e-mails."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="outgoing_emails",
        on_delete=models.CASCADE,
    )
    to = models.EmailField(help_text="The address as it was when the e-mail was queued.")
    subject = models.CharField(max_length=255)
    body = models.TextField()
    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    # When the next attempt is due; empty once sending was given up (last_error says why).
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # The drain's query: unsent e-mails that are due, oldest due first.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outgoing_email_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to}"
