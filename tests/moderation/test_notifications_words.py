"""What the author reads (in the site and by e-mail) after moderation: what our automatic check
did is said to be its doing, never a moderator's; nobody hears of a post simply published after a
clean scan; a moderator's approval is told; links point at SITE_URL; a thread whose first post is
not public is not named."""

import re

import pytest

from forum import services as forum_services
from forum.models import ModerationState, Notification
from moderation import services
from moderation.models import Case
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.conftest import COMMENT_1, COMMENT_2
from tests.utils import drain_outbox

pytestmark = pytest.mark.django_db

# "A moderator hid…", "a moderator removed…": words that say a person did it.
MODERATOR_DID_IT = re.compile(r"\ba moderator (is )?(hid|holding|held|removed|approved)", re.I)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://forum.example"


def _scanned(*, author, thread, body):
    post = forum_services.post_create(thread=thread, author=author, body=body)
    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


def _only_message(user) -> str:
    return Notification.objects.get(user=user).message


def test_details_hidden_by_the_automatic_check_are_its_doing(
    article, established_member, mailoutbox
):
    post = _scanned(author=established_member, thread=article.thread, body=COMMENT_1)

    assert post.moderation_state == ModerationState.REDACTED
    message = _only_message(established_member)
    assert message.startswith(f"In your post #{post.number} in “{article.thread.title}”, our")
    assert "our automatic check hid some details" in message
    assert not MODERATOR_DID_IT.search(message) and "or our filter" not in message
    assert drain_outbox() == 1
    (mail,) = mailoutbox
    assert mail.to == [established_member.email] and message in mail.body
    assert f"https://forum.example/posts/{post.pk}/" in mail.body


def test_a_post_held_by_the_automatic_check_says_so(article, new_member, mailoutbox):
    post = _scanned(author=new_member, thread=article.thread, body=COMMENT_1)

    assert post.moderation_state == ModerationState.HELD
    message = _only_message(new_member)
    assert "waiting for a moderator" in message and "our automatic check held it" in message
    assert "contact details" in message
    assert not MODERATOR_DID_IT.search(message)


def test_a_post_hidden_after_reports_says_the_automatic_check_held_it(article, established_member):
    post = _scanned(author=established_member, thread=article.thread, body="Rest helps me.")
    for _ in range(3):
        services.report_create(post=post, reporter=UserFactory(), reason="abuse")

    post.refresh_from_db()
    assert post.moderation_state == ModerationState.HELD
    message = _only_message(established_member)
    assert "our automatic check held it" in message and "reported" in message
    assert not MODERATOR_DID_IT.search(message)


def test_a_new_members_post_published_after_a_clean_scan_tells_nobody(
    article, new_member, mailoutbox
):
    post = forum_services.post_create(thread=article.thread, author=new_member, body=COMMENT_2)
    assert post.moderation_state == ModerationState.PENDING

    services.post_scan(post_id=post.pk, revision=post.revision)

    post.refresh_from_db()
    assert post.moderation_state == ModerationState.PUBLISHED
    assert not Notification.objects.exists()
    assert drain_outbox() == 0 and mailoutbox == []


def test_a_moderator_approving_a_held_post_tells_the_author(
    article, new_member, moderator, mailoutbox
):
    post = _scanned(author=new_member, thread=article.thread, body=COMMENT_1)
    case = Case.objects.get(post=post)

    services.case_decide(case=case, moderator=moderator, action="approve", reason="Fine")

    approval = Notification.objects.filter(user=new_member).order_by("-pk").first().message
    assert approval == (
        f"A moderator approved your post #{post.number} in “{article.thread.title}”: "
        "it is visible to everyone."
    )
    drain_outbox()
    assert [m.body for m in mailoutbox if approval in m.body]
    assert all(f"https://forum.example/posts/{post.pk}/" in m.body for m in mailoutbox)


def test_a_moderator_redaction_says_a_moderator_did_it(article, new_member, moderator):
    post = _scanned(author=new_member, thread=article.thread, body=COMMENT_1)
    case = Case.objects.get(post=post)

    services.case_decide(
        case=case, moderator=moderator, action="redact", reason="Phone numbers are not allowed"
    )

    message = Notification.objects.filter(user=new_member).order_by("-pk").first().message
    assert "a moderator hid some details" in message and "automatic" not in message
    assert "Phone numbers are not allowed" in message


def test_a_thread_whose_first_post_is_not_public_is_not_named(established_member):
    thread = ThreadFactory(title="Ring Dr Rao on 040-23733200")
    opener = forum_services.post_create(thread=thread, author=UserFactory(), body="Ring him")
    forum_services.post_set_moderation_state(post=opener, state=ModerationState.HELD)

    post = _scanned(author=established_member, thread=thread, body=COMMENT_1)

    message = _only_message(established_member)
    assert message.startswith(f"In your post #{post.number}, our automatic check hid")
    assert "Rao" not in message


def test_a_new_members_reply_tells_the_parent_author_when_its_scan_publishes_it(
    article, established_member, new_member, mailoutbox
):
    parent = _scanned(author=established_member, thread=article.thread, body="Does heat help?")
    reply = forum_services.post_create(
        thread=article.thread, author=new_member, body=COMMENT_2, parent=parent
    )
    assert not Notification.objects.exists()  # pending: nobody else can read it yet

    services.post_scan(post_id=reply.pk, revision=reply.revision)

    assert _only_message(established_member) == (
        f"Newbie replied to your post #{parent.number} in “{article.thread.title}”."
    )
    assert not Notification.objects.filter(user=new_member).exists()
    assert drain_outbox() == 1
    assert mailoutbox[0].to == [established_member.email]
