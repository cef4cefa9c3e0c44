"""Nothing of a post that is not checked yet, or is held, is visible to others anywhere: its
thread's title (checked with the first post), its text, "In reply to #N author"; a post that may
hold contact details waits for its scan whoever wrote it, broker or no broker; Django's admin
cannot change what moderation owns."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forum import services
from forum.models import ModerationState, Post, PostRevision
from moderation.models import Flag
from tests.conftest import broker_down
from tests.factories import UserFactory
from tests.utils import api_as, scanned

pytestmark = pytest.mark.django_db

TITLE = "Healer in Leeds: ring 0113 496 0321 or write to cure@healer.example"
PHONE = "0113 496 0321"


@pytest.fixture
def category(article):
    from forum.models import Category

    return Category.objects.first()


@pytest.fixture
def regular(db):
    return UserFactory(username="regular", date_joined=timezone.now() - timedelta(days=400))


def _threads_listed(client) -> set[int]:
    return {item["id"] for item in client.get("/api/threads/").json()["results"]}


def test_a_new_members_title_with_contact_details_is_flagged_and_hidden(category, member):
    thread = services.thread_create(
        category=category, author=member, title=TITLE, body="Has anyone been to him?"
    )
    opener = scanned(thread.posts.get())

    flags = Flag.objects.filter(post=opener, field="title")
    assert {f.kind for f in flags} >= {"phone", "email"}
    assert opener.moderation_state == ModerationState.HELD
    reader = UserFactory()
    for client in (api_as(), api_as(reader)):
        assert thread.pk not in _threads_listed(client)
        assert client.get(f"/api/threads/{thread.pk}/").status_code == 404
        assert client.get(f"/api/threads/{thread.pk}/posts/").status_code == 404
    assert Client().get(f"/threads/{thread.pk}/").status_code == 404
    assert api_as(member).get(f"/api/threads/{thread.pk}/").json()["title"] == TITLE


def test_a_reply_does_not_make_a_held_threads_title_public(category, member, regular):
    thread = services.thread_create(category=category, author=member, title=TITLE, body="Hello")
    scanned(thread.posts.get())
    reply = scanned(services.post_create(thread=thread, author=member, body="Anyone?"))
    assert reply.number == 2

    assert thread.pk not in _threads_listed(api_as(regular))
    assert api_as(regular).get(f"/api/threads/{thread.pk}/").status_code == 404
    page = Client().get("/forum/" + category.slug + "/")
    assert "Healer in Leeds" not in page.content.decode()


def test_an_established_members_title_is_masked_for_readers(category, regular):
    thread = services.thread_create(category=category, author=regular, title=TITLE, body="Hi")
    opener = thread.posts.get()
    assert opener.moderation_state == ModerationState.PENDING, "the pre-check holds it back"

    opener = scanned(opener)

    assert opener.moderation_state == ModerationState.REDACTED
    shown = api_as().get(f"/api/threads/{thread.pk}/").json()["title"]
    assert (
        PHONE not in shown and "cure@healer" not in shown and "[contact details removed]" in shown
    )
    assert api_as(regular).get(f"/api/threads/{thread.pk}/").json()["title"] == TITLE
    page = Client().get(f"/threads/{thread.pk}/").content.decode()
    assert PHONE not in page


def test_in_reply_to_names_only_a_post_the_reader_may_see(article, member, regular):
    held = services.post_create(thread=article.thread, author=member, body="Call 0113 496 0321")
    scanned(held)
    assert Post.objects.get(pk=held.pk).moderation_state == ModerationState.HELD
    reply = scanned(
        services.post_create(thread=article.thread, author=regular, body="Thanks", parent=held)
    )
    assert reply.moderation_state == ModerationState.PUBLISHED

    page = Client().get(article.get_absolute_url()).content.decode()
    assert "In reply to" not in page and member.public_name not in page
    posts = api_as().get(f"/api/threads/{article.thread.pk}/posts/").json()["results"]
    assert [p["parent"] for p in posts if p["id"] == reply.pk] == [None]
    own = api_as(member).get(f"/api/threads/{article.thread.pk}/posts/").json()["results"]
    assert [p["parent"] for p in own if p["id"] == reply.pk] == [held.pk]


# --- The pre-check in the request ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "ring me on 0113 496 0321",
        "write to rosa dot maria at gmail dot com",
        "see www.herbal-cure.example for the drops",
        "whatsapp me: nine eight four one two three four five six seven",
    ],
)
def test_an_established_members_post_that_may_hold_contact_details_waits(article, regular, body):
    post = services.post_create(thread=article.thread, author=regular, body=body)

    assert post.moderation_state == ModerationState.PENDING
    assert api_as().get(f"/api/posts/{post.pk}/").status_code == 404


def test_a_clean_post_of_an_established_member_is_public_at_once(article, regular):
    post = services.post_create(
        thread=article.thread, author=regular, body="Warm gloves help me in winter."
    )
    assert post.moderation_state == ModerationState.PUBLISHED


def test_the_pre_check_holds_while_the_broker_is_down(article, regular, redis_client):
    with broker_down():
        post = services.post_create(
            thread=article.thread, author=regular, body="My number: 0113 496 0321"
        )
    assert post.moderation_state == ModerationState.PENDING


# --- Django's admin ------------------------------------------------------------------------------


def test_the_admin_cannot_change_a_post_or_its_revisions(article, regular):
    post = scanned(services.post_create(thread=article.thread, author=regular, body="First text"))
    services.post_edit(post=post, editor=regular, body="Second text")
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)

    page = client.get(f"/admin/forum/post/{post.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    refused = client.post(
        f"/admin/forum/post/{post.pk}/change/",
        {"body": "Call 0113 496 0321", "moderation_state": "published"},
    )
    assert refused.status_code == 403
    assert client.post(f"/admin/forum/post/{post.pk}/delete/", {"post": "yes"}).status_code == 403
    post.refresh_from_db()
    assert post.body == "Second text" and PostRevision.objects.filter(post=post).count() == 1
    assert client.get("/admin/forum/postrevision/").status_code == 404


def test_an_automatic_redaction_of_comment_1_masks_the_practitioner_too(article, regular):
    from tests.moderation.conftest import COMMENT_1

    post = scanned(services.post_create(thread=article.thread, author=regular, body=COMMENT_1))

    assert post.moderation_state == ModerationState.REDACTED
    for leak in ("040-23733200", "Krishna Choudary", "8-3-945/A/22"):
        assert leak not in post.public_body
    author = Client()
    author.force_login(regular)
    page = author.get(article.get_absolute_url()).content.decode()
    assert "Our automatic check removed contact details" in page
