import pytest
from django.urls import reverse

from forum import services
from forum.models import ModerationState, Post, Vote
from moderation.models import Report
from tests.factories import PostFactory, ThreadFactory, UserFactory

ARTICLE_URL = "/articles/calcinosis/"


def test_home_page_leads_to_the_article_and_the_forum(client, article):
    page = client.get("/").content.decode()

    assert ARTICLE_URL in page
    assert "Living with calcinosis" in page


def test_article_page_shows_the_article_and_its_numbered_comments(client, article):
    response = client.get(ARTICLE_URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert '<h1 id="article-title">Calcinosis</h1>' in page
    assert "Article Index" in page and "?page=2" in page and "?page=all" in page
    assert "What is Calcinosis" in page
    assert "#1</a>" in page and "#2</a>" in page
    assert "Balasubramanian" in page and "Liz" in page
    assert "2013-04-01 23:27" in page and "2014-04-10 20:58" in page
    assert 'aria-label="Score +1"' in page and 'aria-label="Score 0"' in page
    assert page.count("Report to administrator") == 2
    assert "<li>Calciphylaxis</li>" not in page  # page 2 is not on page 1


def test_article_page_two_and_all_pages(client, article):
    page_two = client.get(ARTICLE_URL + "?page=2").content.decode()
    every = client.get(ARTICLE_URL + "?page=all").content.decode()

    assert "<li>Calciphylaxis</li>" in page_two and "What is Calcinosis" not in page_two
    assert "<li>Calciphylaxis</li>" in every and "What is Calcinosis" in every


def test_anonymous_readers_are_asked_to_log_in_to_comment(client, article):
    page = client.get(ARTICLE_URL).content.decode()
    response = client.post(reverse("forum:thread_post", args=[article.thread_id]), {"body": "hi"})

    assert "Log in to comment" in page
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Post.objects.count() == 2


def test_a_member_comments_under_the_article(client, article, member):
    client.force_login(member)

    response = client.post(
        reverse("forum:thread_post", args=[article.thread_id]), {"body": "My hands too."}
    )

    assert response.status_code == 302 and response["Location"].endswith("#post-3")
    page = client.get(ARTICLE_URL).content.decode()
    assert "My hands too." in page and "Your comment #3 is posted." in page


def test_an_empty_comment_gets_a_form_message_not_an_error_page(client, article, member):
    client.force_login(member)

    response = client.post(reverse("forum:thread_post", args=[article.thread_id]), {"body": " "})

    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()


def test_reply_edit_and_delete_own_comment(client, article, member):
    client.force_login(member)
    liz_comment = Post.objects.get(thread=article.thread, number=2)

    client.post(reverse("forum:post_reply", args=[liz_comment.pk]), {"body": "Thank you Liz"})
    reply = Post.objects.get(body="Thank you Liz")
    assert reply.parent == liz_comment
    assert "In reply to" in client.get(ARTICLE_URL).content.decode()

    client.post(reverse("forum:post_edit", args=[reply.pk]), {"body": "Thank you, Liz."})
    reply.refresh_from_db()
    assert (reply.body, reply.revision) == ("Thank you, Liz.", 2)

    client.post(reverse("forum:post_delete", args=[reply.pk]))
    assert "Thank you, Liz." not in client.get(ARTICLE_URL).content.decode()


def test_a_member_cannot_open_the_edit_page_of_another_members_post(client, article, member):
    client.force_login(member)
    liz_comment = Post.objects.get(thread=article.thread, number=2)

    assert client.get(reverse("forum:post_edit", args=[liz_comment.pk])).status_code == 403
    response = client.post(reverse("forum:post_edit", args=[liz_comment.pk]), {"body": "hacked"})
    assert response.status_code == 403
    liz_comment.refresh_from_db()
    assert liz_comment.body.startswith("I had to contact hospice")


def test_vote_up_then_take_it_back(client, article, member):
    client.force_login(member)
    liz_comment = Post.objects.get(thread=article.thread, number=2)
    url = reverse("forum:post_vote", args=[liz_comment.pk])

    client.post(url, {"value": "1"})
    page = client.get(ARTICLE_URL).content.decode()
    assert 'aria-label="Score +2"' in page and 'aria-label="Take back your up vote"' in page

    client.post(url, {"value": "0"})
    assert not Vote.objects.exists()
    liz_comment.refresh_from_db()
    assert liz_comment.score == 1


def test_a_bad_vote_value_gets_a_message(client, article, member):
    client.force_login(member)
    liz_comment = Post.objects.get(thread=article.thread, number=2)

    response = client.post(
        reverse("forum:post_vote", args=[liz_comment.pk]), {"value": "7"}, follow=True
    )

    assert "A vote is +1 (up), -1 (down) or 0" in response.content.decode()


def test_report_to_administrator_once_then_a_clear_message(client, article, member):
    client.force_login(member)
    comment = Post.objects.get(thread=article.thread, number=1)
    url = reverse("moderation:report", args=[comment.pk])

    form = client.get(url).content.decode()
    first = client.post(url, {"reason": "contact_details", "note": "phone number"}, follow=True)
    second = client.post(url, {"reason": "spam"}, follow=True)

    assert "Report to administrator" in form and "contact details" in form
    assert "Your report was sent to the moderators" in first.content.decode()
    assert second.status_code == 200
    assert "You have already reported this post" in second.content.decode()
    assert Report.objects.get().reason == "contact_details"


def test_a_report_without_a_reason_gets_a_form_message(client, article, member):
    client.force_login(member)
    comment = Post.objects.get(thread=article.thread, number=1)

    response = client.post(reverse("moderation:report", args=[comment.pk]), {"reason": ""})

    assert response.status_code == 400
    assert "Please choose a reason." in response.content.decode()
    assert not Report.objects.exists()


def test_register_and_land_logged_in(client, db):
    response = client.post(
        reverse("forum:register"),
        {
            "username": "newmember",
            "display_name": "Ann",
            "email": "",
            "password1": "calcium-deposits-2024",
            "password2": "calcium-deposits-2024",
        },
        follow=True,
    )

    assert "Welcome, Ann." in response.content.decode()
    assert response.context["user"].username == "newmember"


def test_register_with_mismatched_passwords_names_the_field(client, db):
    response = client.post(
        reverse("forum:register"),
        {"username": "x", "password1": "calcium-deposits-2024", "password2": "other"},
    )

    assert response.status_code == 400
    assert "The two passwords are not the same." in response.content.decode()


def test_log_in_and_out(client, member):
    response = client.post(
        reverse("login"), {"username": "mary", "password": "a-long-test-password"}
    )
    assert response.status_code == 302

    client.post(reverse("logout"))
    assert "Log in" in client.get("/").content.decode()


def test_forum_category_thread_and_pagination(client, member, settings):
    settings.FORUM_PAGE_SIZE = 2
    client.force_login(member)
    category = ThreadFactory().category

    client.post(
        reverse("forum:thread_create", args=[category.slug]),
        {"title": "Warm water soaks?", "body": "Does anyone soak their hands?"},
    )
    thread = category.threads.get(title="Warm water soaks?")
    for n in range(3):
        services.post_create(thread=thread, author=UserFactory(), body=f"answer {n}")

    listing = client.get(category.get_absolute_url()).content.decode()
    first_page = client.get(thread.get_absolute_url()).content.decode()
    second_page = client.get(thread.get_absolute_url() + "?page=2").content.decode()

    assert "Warm water soaks?" in listing and "4 posts" in listing
    assert "Does anyone soak their hands?" in first_page and "Page 1 of 2" in first_page
    assert "answer 2" in second_page


def test_hidden_posts_are_seen_by_their_author_with_a_banner_and_by_moderators(
    client, article, member, moderator, other_member
):
    post = services.post_create(thread=article.thread, author=member, body="call me on")
    services.post_set_moderation_state(post=post, state=ModerationState.HELD)

    client.force_login(other_member)
    assert "call me on" not in client.get(ARTICLE_URL).content.decode()
    client.force_login(member)
    own = client.get(ARTICLE_URL).content.decode()
    assert "call me on" in own and "waiting for a moderator" in own
    client.force_login(moderator)
    assert "call me on" in client.get(ARTICLE_URL).content.decode()
    client.logout()
    assert client.get(reverse("forum:post", args=[post.pk])).status_code == 404


def test_readers_see_the_redacted_text_and_the_author_the_original(
    client, article, member, other_member
):
    post = services.post_create(thread=article.thread, author=member, body="ring 0123")
    services.post_set_moderation_state(
        post=post, state=ModerationState.REDACTED, public_body="ring [contact details removed]"
    )

    client.force_login(other_member)
    page = client.get(ARTICLE_URL).content.decode()
    assert "[contact details removed]" in page and "ring 0123" not in page
    client.force_login(member)
    assert "ring 0123" in client.get(ARTICLE_URL).content.decode()


@pytest.mark.parametrize("count", [3, 12])
def test_the_article_page_costs_the_same_queries_however_many_comments(
    client, article, member, django_assert_max_num_queries, count
):
    for _ in range(count):
        PostFactory(thread=article.thread, author=UserFactory())
    client.force_login(member)

    with django_assert_max_num_queries(14):
        assert client.get(ARTICLE_URL).status_code == 200


def test_unknown_pages_are_friendly_404s(client, db):
    response = client.get("/articles/nope/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
