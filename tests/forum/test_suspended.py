"""A suspended member reads as before, is told plainly why there is no form to write in, and never
loses what they typed in a page opened before the suspension."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from forum import services
from forum.models import Category, Post, Thread
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

SUSPENDED = "Your account is suspended until"
TEXT = "Warm water & <gentle> massage helped my fingers.\nThank you all."


@pytest.fixture
def suspended(member):
    until = timezone.now() + timedelta(days=7)
    services.user_suspend(user=member, until=until)
    return member


@pytest.fixture
def suspended_client(client, suspended):
    client.force_login(suspended)
    return client


@pytest.fixture
def own_post(article, member):
    return PostFactory(thread=article.thread, author=member, body="My hands are cold in winter.")


@pytest.fixture
def forum_thread(article, other_member):
    return services.thread_create(
        category=Category.objects.order_by("position").first(),
        author=other_member,
        title="Cold hands",
        body="What helps you?",
    )


def _page(response) -> str:
    return response.content.decode()


def _until(member) -> str:
    return timezone.localtime(member.suspended_until).strftime("%-d %B %Y, %H:%M")


def _has_writing_form(page: str) -> bool:
    return 'name="body"' in page or 'name="title"' in page


def test_the_article_page_says_the_member_is_suspended_instead_of_a_form(
    suspended_client, suspended, article
):
    response = suspended_client.get("/articles/calcinosis/")

    page = _page(response)
    assert response.status_code == 200
    assert f"{SUSPENDED} {_until(suspended)}" in page
    assert "You can still read everything, but you can't post until then." in page
    assert not _has_writing_form(page)
    assert 'id="post-1"' in page  # and they still read the comments


def test_a_forum_thread_says_so_too(suspended_client, forum_thread):
    page = _page(suspended_client.get(f"/threads/{forum_thread.pk}/"))

    assert SUSPENDED in page and not _has_writing_form(page)
    assert "What helps you?" in page


@pytest.mark.parametrize("where", ["reply", "edit", "new topic"])
def test_the_reply_edit_and_new_topic_pages_show_the_sentence_and_no_form(
    suspended_client, article, own_post, where
):
    url = {
        "reply": f"/posts/{article.thread.posts.order_by('number').first().pk}/reply/",
        "edit": f"/posts/{own_post.pk}/edit/",
        "new topic": f"/forum/{Category.objects.order_by('position').first().slug}/new/",
    }[where]

    response = suspended_client.get(url)

    page = _page(response)
    assert response.status_code == 200
    assert SUSPENDED in page and not _has_writing_form(page)


def test_members_who_are_not_suspended_still_see_the_form(client, member, article):
    client.force_login(member)
    page = _page(client.get("/articles/calcinosis/"))

    assert _has_writing_form(page) and SUSPENDED not in page


def _kept_text(page: str, name: str = "body") -> str:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no {name} field on the page"
    return match.group(1)


def _form_errors(page: str) -> str:
    match = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', page, re.S)
    assert match, "no form error on the page"
    return match.group(1)


@pytest.mark.parametrize("where", ["comment", "reply", "edit"])
def test_a_post_sent_after_the_suspension_keeps_the_text_and_says_why(
    suspended_client, suspended, article, own_post, where
):
    parent = article.thread.posts.order_by("number").first()
    url = {
        "comment": f"/threads/{article.thread.pk}/post/",
        "reply": f"/posts/{parent.pk}/reply/",
        "edit": f"/posts/{own_post.pk}/edit/",
    }[where]
    posts_before = Post.objects.count()

    response = suspended_client.post(url, {"body": TEXT})

    page = _page(response)
    assert response.status_code == 403
    assert _kept_text(page) == "\n" + escape(TEXT)  # a textarea's first newline is dropped
    assert f"{SUSPENDED} {timezone.localtime(suspended.suspended_until):%Y-%m-%d %H:%M}" in (
        _form_errors(page)
    )
    assert "You can't do that" not in page  # not the bare 403 page
    assert Post.objects.count() == posts_before
    own_post.refresh_from_db()
    assert own_post.body == "My hands are cold in winter."


def test_a_new_topic_sent_after_the_suspension_keeps_title_and_text(suspended_client, article):
    category = Category.objects.order_by("position").first()

    response = suspended_client.post(
        f"/forum/{category.slug}/new/", {"title": "Gloves that help", "body": TEXT}
    )

    page = _page(response)
    assert response.status_code == 403
    assert 'value="Gloves that help"' in page
    assert _kept_text(page) == "\n" + escape(TEXT)
    assert SUSPENDED in _form_errors(page)
    assert not Thread.objects.filter(title="Gloves that help").exists()
