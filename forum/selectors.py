"""Everything that reads forum data for pages and the API, with the visibility rules in one place:
held, pending and removed posts are seen only by their author and by moderators; deleted posts by
nobody but moderators (through the admin)."""

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from forum.models import PUBLIC_STATES, Article, Category, Notification, Post, Thread, User, Vote
from forum.roles import is_moderator


def post_visibility_q(user: User, prefix: str = "") -> Q:
    """Which posts `user` may see (as a filter on Post; `prefix` such as "parent__" for a
    related post): alive, public or their own, and in a thread whose title they may read (a
    public reply inside a topic that is still held is as hidden as the topic)."""
    alive = Q(**{f"{prefix}deleted_at__isnull": True})
    if is_moderator(user):
        return alive
    public = Q(**{f"{prefix}moderation_state__in": PUBLIC_STATES})
    in_visible_thread = thread_title_visibility_q(user, prefix=f"{prefix}thread__")
    if user.is_authenticated:
        return alive & (public | Q(**{f"{prefix}author": user})) & in_visible_thread
    return alive & public & in_visible_thread


def thread_title_visibility_q(user: User, prefix: str = "") -> Q:
    """Which threads' titles `user` may read (as a filter on Thread; `prefix` such as
    "thread__" from a post). A forum thread's title is checked with its first post, so it is
    public only once that post is (a first post its author deleted afterwards was checked, so
    the title stays); until then only its author and moderators read it. The article's thread
    carries the article's title."""
    if is_moderator(user):
        return Q()
    opener_public = Exists(
        Post.objects.filter(
            thread=OuterRef(f"{prefix}pk"), number=1, moderation_state__in=PUBLIC_STATES
        )
    )
    visible = Q(**{f"{prefix}category__isnull": True}) | Q(opener_public)
    if user.is_authenticated:
        visible |= Q(**{f"{prefix}author": user})
    return visible


def post_list(*, user: User, thread: Thread | None = None) -> QuerySet[Post]:
    """Posts `user` may see, oldest first, with what a page shows of each: author, the post replied
    to, and the user's own vote (`my_vote`, 0 if none), in a fixed number of queries."""
    posts = (
        Post.objects.filter(post_visibility_q(user))
        .select_related("author", "parent__author", "thread")
        .annotate(
            # "In reply to #3 Mary" only names a post this reader may see.
            parent_visible=ExpressionWrapper(
                Q(parent__isnull=False) & post_visibility_q(user, prefix="parent__"),
                output_field=BooleanField(),
            )
        )
    )
    if thread is not None:
        posts = posts.filter(thread=thread)
    if user.is_authenticated:
        my_vote = Vote.objects.filter(post=OuterRef("pk"), user=user).values("value")[:1]
        posts = posts.annotate(my_vote=Subquery(my_vote, output_field=IntegerField()))
    else:
        posts = posts.annotate(my_vote=Value(None, output_field=IntegerField()))
    return posts.order_by("thread_id", "number")


def post_get(*, user: User, pk: int) -> Post:
    """One post `user` may see, or 404 (a hidden post is indistinguishable from a missing one)."""
    return get_object_or_404(post_list(user=user), pk=pk)


def post_page_number(*, post: Post, user: User, page_size: int) -> int:
    """The page of its thread on which `post` appears for `user`."""
    before = post_list(user=user, thread=post.thread).filter(number__lt=post.number).count()
    return before // page_size + 1


def article_get(*, slug: str) -> Article:
    return get_object_or_404(
        Article.objects.select_related("thread").prefetch_related("pages"), slug=slug
    )


def article_list() -> QuerySet[Article]:
    return Article.objects.select_related("thread").prefetch_related("pages")


def category_list(*, user: User) -> QuerySet[Category]:
    """Categories with the number of topics `user` would find listed in each (`thread_count`)."""
    listed = (
        thread_annotated(user=user)
        .filter(category=OuterRef("pk"), post_count__gt=0)
        .order_by()
        .values("category")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Category.objects.annotate(
        thread_count=Coalesce(Subquery(listed, output_field=IntegerField()), 0)
    )


def thread_annotated(*, user: User) -> QuerySet[Thread]:
    """Threads with the number of posts `user` can see in each (`post_count`)."""
    visible_posts = (
        Post.objects.filter(post_visibility_q(user), thread=OuterRef("pk"))
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Thread.objects.select_related("category", "author")
        .filter(thread_title_visibility_q(user))
        .annotate(
            post_count=Coalesce(Subquery(visible_posts, output_field=IntegerField()), 0),
            title_visible=Value(True, output_field=BooleanField()),
        )
    )


def thread_list(*, user: User, category: Category | None = None) -> QuerySet[Thread]:
    """Forum threads (not the article's) that have a post `user` can see, most recently active
    first."""
    threads = thread_annotated(user=user).filter(category__isnull=False, post_count__gt=0)
    if category is not None:
        threads = threads.filter(category=category)
    return threads.order_by("-last_posted_at", "-pk")


def thread_get(*, pk: int, user: User) -> Thread:
    """A thread whose title `user` may read, or 404 (a thread whose first post is not public yet
    is indistinguishable from a missing one)."""
    threads = Thread.objects.select_related("category", "article")
    return get_object_or_404(threads.filter(thread_title_visibility_q(user)), pk=pk)


def thread_title_for(*, thread: Thread, user: User) -> str:
    """The title as `user` may read it: its author and moderators see what was written, everyone
    else the published title (with contact details removed if moderation redacted it), or
    nothing while they may not read it at all."""
    if (user.is_authenticated and thread.author_id == user.pk) or is_moderator(user):
        return thread.title
    # Threads read through thread_annotated are already only those the user may read.
    checked = getattr(thread, "title_visible", False) or thread.category_id is None
    if not checked and not (
        Thread.objects.filter(thread_title_visibility_q(user), pk=thread.pk).exists()
    ):
        return ""
    return thread.display_title


def notification_list(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).select_related("post")


def unread_notification_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def post_body_for(*, post: Post, user: User) -> str:
    """The text of `post` as `user` may read it: its author and moderators see what was written,
    everyone else the published text (with contact details removed if moderation redacted it)."""
    if post.author_id == user.pk or is_moderator(user):
        return post.body
    return post.display_body
