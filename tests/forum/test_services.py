import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from forum import services
from forum.models import ModerationState, Notification, PostRevision, Vote
from tests.factories import PostFactory, ThreadFactory, UserFactory
from tests.utils import drain_outbox


@pytest.fixture
def thread(db):
    return ThreadFactory()


def test_posts_are_numbered_in_their_thread(thread, member):
    first = services.post_create(thread=thread, author=member, body="one")
    second = services.post_create(thread=thread, author=member, body="two")
    other = services.post_create(thread=ThreadFactory(), author=member, body="elsewhere")

    assert (first.number, second.number, other.number) == (1, 2, 1)


def test_numbers_are_not_reused_after_a_delete(thread, member):
    first = services.post_create(thread=thread, author=member, body="one")
    services.post_delete(post=first, user=member)

    assert services.post_create(thread=thread, author=member, body="two").number == 2


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_post_is_refused(thread, member, body):
    with pytest.raises(ValidationError) as error:
        services.post_create(thread=thread, author=member, body=body)

    assert "body" in error.value.message_dict


def test_a_post_over_the_size_limit_is_refused(thread, member, settings):
    with pytest.raises(ValidationError) as error:
        services.post_create(
            thread=thread, author=member, body="x" * (settings.FORUM_POST_MAX_LENGTH + 1)
        )

    assert "20000" in " ".join(error.value.message_dict["body"])


def test_a_reply_must_stay_in_its_thread(thread, member):
    elsewhere = PostFactory()

    with pytest.raises(ValidationError) as error:
        services.post_create(thread=thread, author=member, body="hi", parent=elsewhere)

    assert "parent" in error.value.message_dict


def test_editing_keeps_the_old_text_and_raises_the_revision(thread, member):
    post = services.post_create(thread=thread, author=member, body="first words")

    post = services.post_edit(post=post, editor=member, body="better words")

    assert (post.body, post.revision) == ("better words", 2)
    assert post.edited_at is not None
    assert list(PostRevision.objects.filter(post=post).values_list("revision", "body")) == [
        (1, "first words")
    ]


def test_saving_the_same_text_is_not_a_new_revision(thread, member):
    post = services.post_create(thread=thread, author=member, body="same")

    assert services.post_edit(post=post, editor=member, body="same").revision == 1


def test_nobody_edits_or_deletes_another_members_post(thread, member, other_member):
    post = services.post_create(thread=thread, author=member, body="mine")

    with pytest.raises(PermissionDenied):
        services.post_edit(post=post, editor=other_member, body="yours now")
    with pytest.raises(PermissionDenied):
        services.post_delete(post=post, user=other_member)
    post.refresh_from_db()
    assert (post.body, post.deleted_at) == ("mine", None)


def test_a_removed_post_can_no_longer_be_edited(thread, member):
    post = services.post_create(thread=thread, author=member, body="mine")
    services.post_set_moderation_state(post=post, state=ModerationState.REMOVED)

    with pytest.raises(PermissionDenied):
        services.post_edit(post=post, editor=member, body="sneaky")


def test_an_edit_that_empties_the_post_is_refused_and_keeps_the_text(thread, member):
    post = services.post_create(thread=thread, author=member, body="keep me")

    with pytest.raises(ValidationError):
        services.post_edit(post=post, editor=member, body=" ")

    post.refresh_from_db()
    assert (post.body, post.revision) == ("keep me", 1)


def test_vote_once_change_and_take_back(thread, member, other_member):
    post = services.post_create(thread=thread, author=member, body="helpful")

    assert services.vote_set(post=post, user=other_member, value=1).score == 1
    assert services.vote_set(post=post, user=other_member, value=1).score == 1
    assert services.vote_set(post=post, user=other_member, value=-1).score == -1
    assert services.vote_set(post=post, user=UserFactory(), value=-1).score == -2
    assert services.vote_set(post=post, user=other_member, value=0).score == -1
    assert Vote.objects.filter(post=post).count() == 1


def test_imported_votes_count_in_the_score(thread, member, other_member):
    post = PostFactory(thread=thread, author=member, imported_score=1, score=1)

    assert services.vote_set(post=post, user=other_member, value=1).score == 2


@pytest.mark.parametrize("value", [2, -2, 5, None])
def test_a_vote_other_than_plus_minus_one_or_zero_is_refused(thread, member, other_member, value):
    post = services.post_create(thread=thread, author=member, body="x")

    with pytest.raises(ValidationError) as error:
        services.vote_set(post=post, user=other_member, value=value)

    assert "value" in error.value.message_dict


def test_members_do_not_vote_on_their_own_posts(thread, member):
    post = services.post_create(thread=thread, author=member, body="x")

    with pytest.raises(ValidationError):
        services.vote_set(post=post, user=member, value=1)


def test_the_database_refuses_a_second_vote_row(thread, member, other_member):
    post = PostFactory(thread=thread)
    Vote.objects.create(post=post, user=other_member, value=1)

    with pytest.raises(IntegrityError):
        Vote.objects.create(post=post, user=other_member, value=-1)


def test_the_database_refuses_a_vote_value_of_two(thread, other_member):
    with pytest.raises(IntegrityError):
        Vote.objects.create(post=PostFactory(thread=thread), user=other_member, value=2)


def test_reply_notify_tells_the_parent_author_once(thread, member, other_member, mailoutbox):
    parent = services.post_create(thread=thread, author=member, body="question")
    reply = services.post_create(thread=thread, author=other_member, body="answer", parent=parent)

    services.reply_notify(reply_id=reply.pk)
    services.reply_notify(reply_id=reply.pk)
    drain_outbox()

    notification = Notification.objects.get(user=member)
    assert "Omar replied to your post #1" in notification.message
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    assert f"/posts/{reply.pk}/" in mailoutbox[0].body


def test_reply_notify_stays_quiet_for_a_deleted_reply(
    thread, member, other_member, mailoutbox, settings
):
    parent = services.post_create(thread=thread, author=member, body="question")
    settings.FORUM_MODERATION_POLICY = "tests.utils.posts_wait_for_moderation"
    reply = services.post_create(thread=thread, author=other_member, body="answer", parent=parent)
    services.post_delete(post=reply, user=other_member)
    services.post_set_moderation_state(post=reply, state=ModerationState.PUBLISHED)

    assert services.reply_notify(reply_id=reply.pk) is None
    assert not Notification.objects.exists()
    assert drain_outbox() == 0
    assert mailoutbox == []


def test_register_refuses_a_taken_username_and_a_weak_password(db, member):
    with pytest.raises(ValidationError) as taken:
        services.user_register(username="MARY", email="", password="a-long-test-password")
    with pytest.raises(ValidationError) as weak:
        services.user_register(username="newbie", email="", password="123")

    assert "username" in taken.value.message_dict
    assert "password" in weak.value.message_dict
