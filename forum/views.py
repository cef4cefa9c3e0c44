"""Pages for readers and members. Each view parses input, calls one service or selector, renders.
Every page works without JavaScript: forms post and redirect back to the post they acted on."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from forum import selectors, services
from forum.forms import PostForm, RegisterForm, ThreadForm, add_refusal, add_service_errors
from forum.models import Category, ModerationState, Post


def _paginate(request: HttpRequest, items, param: str = "page"):
    return Paginator(items, settings.FORUM_PAGE_SIZE).get_page(request.GET.get(param))


def _post_url(post: Post, user) -> str:
    """Where a post is read: its thread page (the article or a forum thread) at the right page."""
    page = selectors.post_page_number(post=post, user=user, page_size=settings.FORUM_PAGE_SIZE)
    base = post.thread.get_absolute_url()
    param = "cpage" if hasattr(post.thread, "article") else "page"
    query = f"?{param}={page}" if page > 1 else ""
    return f"{base}{query}#post-{post.number}"


def _posted_message(post: Post, what: str) -> str:
    if post.moderation_state == ModerationState.PENDING:
        return (
            f"Thank you. Your {what} #{post.number} is saved. Others will see it after a quick "
            "automatic check, usually within a minute."
        )
    return f"Your {what} #{post.number} is posted."


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "forum/home.html",
        {
            "articles": selectors.article_list(),
            "categories": selectors.category_list(user=request.user),
            "recent_threads": selectors.thread_list(user=request.user)[:5],
        },
    )


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = selectors.article_get(slug=slug)
    pages = list(article.pages.all())
    requested = request.GET.get("page", "1")
    if requested == "all":
        shown = pages
    else:
        shown = [p for p in pages if str(p.number) == requested] or pages[:1]
    comments = _paginate(
        request, selectors.post_list(user=request.user, thread=article.thread), "cpage"
    )
    return render(
        request,
        "forum/article_detail.html",
        {
            "article": article,
            "pages": pages,
            "shown_pages": shown,
            "showing_all": requested == "all",
            "current_page": shown[0].number if len(shown) == 1 else None,
            "thread": article.thread,
            "posts": comments,
            "form": PostForm(),
        },
    )


@login_required
@require_POST
def thread_post(request: HttpRequest, pk: int) -> HttpResponse:
    """A new comment under the article or a new post at the end of a forum thread."""
    thread = selectors.thread_get(pk=pk, user=request.user)
    form = PostForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            post = services.post_create(
                thread=thread, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            add_refusal(form, error)
            status = 403
        else:
            messages.success(request, _posted_message(post, "comment"))
            return redirect(_post_url(post, request.user))
    return render(request, "forum/post_form.html", {"form": form, "thread": thread}, status=status)


def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    threads = _paginate(request, selectors.thread_list(user=request.user, category=category))
    return render(request, "forum/category_detail.html", {"category": category, "threads": threads})


def forum_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "forum/forum_index.html",
        {"categories": selectors.category_list(user=request.user)},
    )


@login_required
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    form = ThreadForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(
                category=category,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            add_refusal(form, error)
            status = 403
        else:
            messages.success(request, "Your topic is posted.")
            return redirect(thread)
    return render(
        request, "forum/thread_form.html", {"form": form, "category": category}, status=status
    )


def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_get(pk=pk, user=request.user)
    if hasattr(thread, "article"):
        return redirect(thread.article)
    posts = _paginate(request, selectors.post_list(user=request.user, thread=thread))
    if not posts.object_list and posts.number == 1:
        raise Http404("This topic has no posts you can see.")
    return render(
        request, "forum/thread_detail.html", {"thread": thread, "posts": posts, "form": PostForm()}
    )


def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A permalink: sends the reader to the page of the thread where the post is."""
    post = selectors.post_get(user=request.user, pk=pk)
    return redirect(_post_url(post, request.user))


@login_required
def post_reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = selectors.post_get(user=request.user, pk=pk)
    form = PostForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_create(
                thread=parent.thread,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            add_refusal(form, error)
            status = 403
        else:
            messages.success(request, _posted_message(post, "reply"))
            return redirect(_post_url(post, request.user))
    return render(
        request,
        "forum/post_form.html",
        {"form": form, "parent": parent, "thread": parent.thread},
        status=status,
    )


@login_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_get(user=request.user, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied("You can only edit your own posts.")
    form = PostForm(request.POST or None, initial={"body": post.body})
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_edit(
                post=post, editor=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            add_refusal(form, error)
            status = 403
        else:
            messages.success(request, "Your changes are saved.")
            return redirect(_post_url(post, request.user))
    return render(
        request,
        "forum/post_form.html",
        {"form": form, "editing": post, "thread": post.thread},
        status=status,
    )


@login_required
def post_delete(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_get(user=request.user, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied("You can only delete your own posts.")
    if request.method == "POST":
        thread = post.thread
        services.post_delete(post=post, user=request.user)
        messages.success(request, f"Your post #{post.number} is deleted.")
        return redirect(thread)
    return render(request, "forum/post_confirm_delete.html", {"post": post})


@login_required
@require_POST
def post_vote(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_get(user=request.user, pk=pk)
    try:
        value = int(request.POST.get("value", ""))
    except ValueError:
        value = None
    try:
        services.vote_set(post=post, user=request.user, value=value)
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_post_url(post, request.user))


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("forum:home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_register(
                username=data["username"],
                email=data["email"],
                password=data["password1"],
                display_name=data["display_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error, field_map={"password": "password1"})
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.public_name}. You can now post and vote.")
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = reverse("forum:home")
            return redirect(next_url)
    status = 400 if request.method == "POST" else 200
    return render(request, "registration/register.html", {"form": form}, status=status)


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = _paginate(request, selectors.notification_list(user=request.user))
    response = render(request, "forum/notifications.html", {"notifications": items})
    # Rendered first, so the page can still highlight what was new.
    services.notifications_mark_read(user=request.user, notifications=items)
    return response
