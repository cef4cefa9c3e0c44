"""A member's first visit, in a real browser on a phone-sized window with JavaScript off."""

import pytest

from forum.models import Post, Vote
from moderation.models import Report

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_read_log_in_comment_vote_and_report_without_javascript(
    live_server, phone_page, article, member
):
    page = phone_page
    page.goto(f"{live_server.url}/articles/calcinosis/")
    assert page.locator("h1").inner_text() == "Calcinosis"
    assert page.locator(".report-link").count() == 2
    assert page.locator("#post-1 .post-author").inner_text() == "Balasubramanian"

    page.get_by_role("link", name="Log in to comment").click()
    page.fill("#id_username", "mary")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()

    page.fill("#id_body", "My mother's fingers too. *Warm* water helps her.")
    page.get_by_role("button", name="Post").click()
    # A new member's comment waits for its automatic check, visible to its author.
    assert "Your comment #3 is saved" in page.content()
    assert page.locator("#post-3 em").inner_text() == "Warm"
    assert "being checked automatically" in page.locator("#post-3").inner_text()

    page.locator("#post-2").get_by_role("button", name="Vote up").click()
    assert page.locator("#post-2 .score").inner_text() == "+2"

    page.locator("#post-1").get_by_role("link", name="Report to administrator").click()
    page.get_by_label("It shares contact details").check()
    page.get_by_role("button", name="Send report").click()
    assert "Your report was sent to the moderators" in page.content()

    # The page fits a phone: nothing wider than the window.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    assert Post.objects.filter(author=member).count() == 1
    assert Vote.objects.filter(user=member, value=1).exists()
    assert Report.objects.filter(reporter=member, reason="contact_details").exists()
