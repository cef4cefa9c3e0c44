"""What a moderator sees and gets when reviewing a case: every revision with its flags and a diff,
a clear refusal when someone else changed the case first, flags merged and paged, reasons that
fit the case."""

import re

import pytest
from django.test import Client

from forum import services as forum_services
from forum.models import ModerationState, Post
from moderation import services
from moderation.models import Case, Flag
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1
from tests.utils import post_scanned, web_as

pytestmark = pytest.mark.django_db

PHONE = "040-23733200"


def _page(response) -> str:
    return response.content.decode()


@pytest.fixture
def held_case(article, new_member):
    return Case.objects.get(post=post_scanned(article.thread, new_member, COMMENT_1))


def test_an_authors_edit_of_a_held_post_keeps_what_was_flagged_in_view(held_case, moderator):
    post = held_case.post
    edited = forum_services.post_edit(
        post=post, editor=post.author, body="My mother's calcium deposits got better."
    )
    services.post_scan(post_id=edited.pk, revision=edited.revision)
    edited.refresh_from_db()
    assert edited.moderation_state == ModerationState.HELD

    page = _page(web_as(moderator).get(f"/moderation/cases/{held_case.pk}/"))

    assert "Every revision" in page and "Revision 1" in page
    assert f"<mark>{PHONE}</mark>" in page, "the flagged phone of revision 1 is still marked"
    assert "<del>" in page and "<ins>" in page, "the diff shows what the edit changed"
    assert "Earlier revisions and what was flagged in them are below" in page


def test_the_api_lists_every_revision_with_its_flags_and_diff(held_case, moderator):
    post = held_case.post
    forum_services.post_edit(post=post, editor=post.author, body="Better now, thank you.")
    client = Client()
    client.force_login(moderator)

    data = client.get(f"/api/moderation/cases/{held_case.pk}/").json()

    first, second = data["revisions"]
    assert (first["revision"], second["revision"]) == (1, 2) and second["current"]
    assert any(flag["text"] == PHONE for flag in first["flags"])
    assert second["flags"] == [] and first["diff"] is None
    assert {"op": "added", "text": "Better"} in second["diff"]
    assert data["version"] == held_case.version


def test_a_page_drawn_before_someone_else_decided_gets_a_message_not_an_overwrite(
    held_case, moderator
):
    other = UserFactory(username="other-mod", is_superuser=True)
    client = web_as(moderator)
    page = _page(client.get(f"/moderation/cases/{held_case.pk}/"))
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    services.case_decide(case=held_case, moderator=other, action="approve", reason="Fine")

    response = client.post(
        f"/moderation/cases/{held_case.pk}/decide/",
        {"action": "remove", "reason": "Spam or advertising", "version": version},
    )

    assert response.status_code == 409
    assert "This case changed while you were looking at it" in _page(response)
    assert Post.objects.get(pk=held_case.post_id).moderation_state == ModerationState.PUBLISHED


def test_the_api_answers_409_to_a_stale_version(held_case, moderator):
    client = web_as(moderator)
    url = f"/api/moderation/cases/{held_case.pk}/decide/"
    seen = held_case.version
    assert client.post(url, {"action": "escalate", "reason": "Legal"}).status_code == 200

    response = client.post(url, {"action": "escalate", "reason": "x", "version": seen})

    assert response.status_code == 409 and "changed while you were looking" in str(
        response.json()["case"]
    )


def test_reopen_through_the_page(held_case, moderator):
    client = web_as(moderator)
    services.case_decide(case=held_case, moderator=moderator, action="remove", reason="Spam")
    page = _page(client.get(f"/moderation/cases/{held_case.pk}/"))
    assert 'value="reopen"' in page

    response = client.post(
        f"/moderation/cases/{held_case.pk}/decide/",
        {"action": "reopen", "reason": "The decision was a mistake"},
    )

    assert response.status_code == 302
    held_case.refresh_from_db()
    assert held_case.status == "open"
    assert Post.objects.get(pk=held_case.post_id).moderation_state == ModerationState.HELD


def test_an_escalated_case_cannot_be_decided_by_a_moderator_through_the_api(
    held_case, moderator, admin_user
):
    url = f"/api/moderation/cases/{held_case.pk}/decide/"
    escalated = web_as(moderator).post(url, {"action": "escalate", "reason": "Legal"})
    assert escalated.status_code == 200

    refused = web_as(moderator).post(url, {"action": "approve", "reason": "ok"})
    allowed = web_as(admin_user).post(url, {"action": "approve", "reason": "ok"})

    assert refused.status_code == 403 and allowed.status_code == 200


# --- Many findings -----------------------------------------------------------------------------


def test_a_post_with_hundreds_of_findings_makes_few_flags_and_masks_every_one(
    article, established_member, moderator
):
    numbers = [f"020 7946 {i:04d}" for i in range(300)]
    body = "Ring any of these: " + ", ".join(numbers)

    post = post_scanned(article.thread, established_member, body)

    flags = Flag.objects.filter(post=post, kind="phone")
    assert 0 < flags.count() <= services.MAX_FLAGS_PER_KIND
    assert sum(1 + len(f.more_spans) for f in flags) == 300
    assert post.moderation_state == ModerationState.REDACTED
    assert not any(number in post.public_body for number in numbers)
    response = web_as(moderator).get(f"/moderation/cases/{post.case.pk}/")
    assert response.status_code == 200 and "found " in _page(response)


# --- Reasons that fit --------------------------------------------------------------------------


def _checked_reason(page: str, action: str) -> str:
    form = re.search(rf"<form[^>]*decision-{action}\b.*?</form>", page, re.S).group(0)
    return re.search(r'value="([^"]+)"[^>]*checked', form).group(1)


def test_an_abuse_report_preselects_abusive_for_remove(article, established_member, moderator):
    post = post_scanned(article.thread, established_member, "Nobody wants you here.")
    services.report_create(post=post, reporter=UserFactory(), reason="abuse")

    page = _page(web_as(moderator).get(f"/moderation/cases/{post.case.pk}/"))

    assert _checked_reason(page, "remove") == "Abusive"
    assert _checked_reason(page, "warn") == "Please be kind to other members"


def test_suspending_someone_never_warned_does_not_speak_of_a_warning(held_case, moderator):
    page = _page(web_as(moderator).get(f"/moderation/cases/{held_case.pk}/"))
    suspend = re.search(r"<form[^>]*decision-suspend\b.*?</form>", page, re.S).group(0)

    assert "after a warning" not in suspend
    assert "warning" not in _checked_reason(page, "suspend")


def test_a_warned_author_can_be_suspended_for_repeating(article, moderator):
    author = UserFactory()
    first = Case.objects.get(post=post_scanned(article.thread, author, COMMENT_1))
    services.case_decide(case=first, moderator=moderator, action="warn", reason="No ads")
    second = Case.objects.get(post=post_scanned(article.thread, author, COMMENT_1 + " again"))

    page = _page(web_as(moderator).get(f"/moderation/cases/{second.pk}/"))

    assert _checked_reason(page, "suspend") == "Repeated advertising after a warning"
