"""A moderator's two clicks, in a real browser with JavaScript off."""

import pytest

from forum import services as forum_services
from forum.models import ModerationState
from moderation import services
from moderation.models import Case
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_worst_case_is_first_and_one_click_redacts_it(live_server, browser, article, moderator):
    author = UserFactory(username="seller", display_name="Seller")
    post = forum_services.post_create(thread=article.thread, author=author, body=COMMENT_1)
    services.post_scan(post_id=post.pk, revision=post.revision)
    case = Case.objects.get(post=post)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()

    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("#id_username", "mod")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()

    first_case = page.locator(f'a[href="/moderation/cases/{case.pk}/"]').first
    assert first_case.is_visible()
    first_case.click()
    assert page.locator("mark", has_text="040-23733200").count() >= 1
    page.get_by_role("button", name="Redact contact details").click()

    assert "contact details are masked" in page.content()
    post.refresh_from_db()
    assert post.moderation_state == ModerationState.REDACTED
    reader = browser.new_context(java_script_enabled=False).new_page()
    reader.goto(f"{live_server.url}/articles/calcinosis/#post-{post.number}")
    text = reader.locator(f"#post-{post.number}").inner_text()
    assert "[contact details removed]" in text and "040-23733200" not in text
    context.close()
