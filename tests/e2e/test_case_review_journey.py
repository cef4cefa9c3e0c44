"""A moderator reviews a held post its author edited, decides, and reopens, in a real browser
with JavaScript off, on a desktop and on a phone. With SCREENSHOTS_DIR set (`make screenshots`)
the pages are also saved as the README's and the guide's pictures."""

import os
from pathlib import Path

import pytest

from forum import services as forum_services
from forum.models import ModerationState, Post
from moderation import services
from moderation.models import Case
from tests.conftest import _default_rules
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = os.environ.get("SCREENSHOTS_DIR")


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _logged_in(browser, live_server, user, *, width: int):
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=False
    )
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


@pytest.mark.parametrize("width", [1280, 390])
def test_an_edited_held_post_is_reviewed_with_its_revisions_then_reopened(
    live_server, browser, article, moderator, width
):
    _default_rules()  # a live-server test before this one may have flushed them
    author = UserFactory(username="seller", display_name="Seller")
    post = forum_services.post_create(thread=article.thread, author=author, body=COMMENT_1)
    services.post_scan(post_id=post.pk, revision=post.revision)
    post = forum_services.post_edit(
        post=Post.objects.get(pk=post.pk),
        editor=author,
        body=COMMENT_1.replace("ph# 040-23733200", "ask me for his number"),
    )
    services.post_scan(post_id=post.pk, revision=post.revision)
    case = Case.objects.get(post=post)
    context = _logged_in(browser, live_server, moderator, width=width)
    page = context.new_page()
    suffix = "" if width > 500 else "-phone"

    page.goto(f"{live_server.url}/moderation/cases/{case.pk}/")
    assert page.get_by_role("heading", name="Every revision").is_visible()
    revision_1 = page.locator("article.revision", has_text="Revision 1")
    assert revision_1.locator("mark", has_text="040-23733200").count() >= 1
    assert page.locator(".diff ins").count() >= 1
    _shot(page, f"moderation-case{suffix}")

    page.locator("form.decision-remove").get_by_role("button", name="Remove post").click()
    assert "the post is removed" in page.content()
    page.goto(f"{live_server.url}/moderation/cases/{case.pk}/")
    page.get_by_role("button", name="Reopen case").click()

    assert "is open again" in page.content()
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.HELD
    context.close()
