import pytest
from django.conf import settings

from forum import services
from forum.models import ModerationState, Post
from moderation.models import Report
from tests.factories import ThreadFactory, UserFactory


@pytest.fixture
def comment(article):
    return Post.objects.get(thread=article.thread, number=2)


def test_token_for_username_and_password(api_client, member):
    response = api_client.post(
        "/api/auth/token/", {"username": "mary", "password": "a-long-test-password"}
    )
    wrong = api_client.post("/api/auth/token/", {"username": "mary", "password": "nope"})
    missing = api_client.post("/api/auth/token/", {"username": "mary"})

    assert response.status_code == 200 and len(response.json()["token"]) == 40
    assert wrong.status_code in (401, 403)
    assert missing.status_code == 400 and "password" in missing.json()


def test_token_authenticates_writes(api_client, article, member):
    token = api_client.post(
        "/api/auth/token/", {"username": "mary", "password": "a-long-test-password"}
    ).json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = api_client.post(f"/api/threads/{article.thread_id}/posts/", {"body": "Hello"})

    assert response.status_code == 201
    assert response.json()["author"]["username"] == "mary"


def test_articles_list_and_detail_name_the_comment_thread(api_client, article):
    listing = api_client.get("/api/articles/").json()
    detail = api_client.get("/api/articles/calcinosis/").json()

    assert listing["count"] == 1 and listing["results"][0]["slug"] == "calcinosis"
    assert detail["thread"] == article.thread_id
    assert [p["number"] for p in detail["pages"]] == [1, 2]
    assert "<h2>Background</h2>" in detail["pages"][0]["body_html"]


def test_anonymous_reads_the_comments_paginated(api_client, article):
    body = api_client.get(f"/api/threads/{article.thread_id}/posts/").json()

    assert body["count"] == 2 and "next" in body
    first, second = body["results"]
    assert (first["number"], first["author"]["name"], first["score"]) == (1, "Balasubramanian", 0)
    assert (second["number"], second["score"]) == (2, 1)


def test_anonymous_cannot_write(api_client, article, comment):
    assert (
        api_client.post(f"/api/threads/{article.thread_id}/posts/", {"body": "x"}).status_code
        == 401
    )
    assert api_client.patch(f"/api/posts/{comment.pk}/", {"body": "x"}).status_code == 401
    assert api_client.post(f"/api/posts/{comment.pk}/vote/", {"value": 1}).status_code == 401
    assert (
        api_client.post(f"/api/posts/{comment.pk}/report/", {"reason": "spam"}).status_code == 401
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({"body": "x" * (settings.FORUM_POST_MAX_LENGTH + 1)}, "body"),
        ({"body": "ok", "parent": 999999}, "parent"),
        ({"body": "ok", "parent": "first"}, "parent"),
    ],
)
def test_bad_posts_get_a_400_naming_the_field(member_api, article, payload, field):
    response = member_api.post(f"/api/threads/{article.thread_id}/posts/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert Post.objects.count() == 2


def test_reply_through_the_api(member_api, article, comment):
    response = member_api.post(
        f"/api/threads/{article.thread_id}/posts/", {"body": "Thanks", "parent": comment.pk}
    )

    assert response.status_code == 201 and response.json()["parent"] == comment.pk


def test_edit_own_post_raises_the_revision(member_api, article, member):
    post = services.post_create(thread=article.thread, author=member, body="first")

    response = member_api.patch(f"/api/posts/{post.pk}/", {"body": "second"}, format="json")

    assert response.status_code == 200
    assert (response.json()["body"], response.json()["revision"]) == ("second", 2)


def test_nobody_edits_or_deletes_another_members_post(member_api, comment):
    assert member_api.patch(f"/api/posts/{comment.pk}/", {"body": "x"}).status_code == 403
    assert member_api.put(f"/api/posts/{comment.pk}/", {"body": "x"}).status_code == 403
    assert member_api.delete(f"/api/posts/{comment.pk}/").status_code == 403
    comment.refresh_from_db()
    assert comment.body.startswith("I had to contact hospice") and comment.deleted_at is None


def test_delete_own_post(member_api, article, member, api_client):
    post = services.post_create(thread=article.thread, author=member, body="oops")

    assert member_api.delete(f"/api/posts/{post.pk}/").status_code == 204
    assert api_client.get(f"/api/posts/{post.pk}/").status_code == 404


@pytest.mark.parametrize(("value", "score", "mine"), [(1, 2, 1), (-1, 0, -1), (0, 1, 0)])
def test_vote(member_api, comment, value, score, mine):
    response = member_api.post(f"/api/posts/{comment.pk}/vote/", {"value": value})

    assert response.status_code == 200
    assert response.json() == {"score": score, "my_vote": mine}


@pytest.mark.parametrize("value", [2, -5, "up", ""])
def test_a_bad_vote_is_a_400_naming_value(member_api, comment, value):
    response = member_api.post(f"/api/posts/{comment.pk}/vote/", {"value": value})

    assert response.status_code == 400 and "value" in response.json()


def test_report_once_then_400(member_api, comment):
    first = member_api.post(
        f"/api/posts/{comment.pk}/report/", {"reason": "treatment_claim", "note": "miracle"}
    )
    second = member_api.post(f"/api/posts/{comment.pk}/report/", {"reason": "spam"})

    assert first.status_code == 201 and first.json()["reason"] == "treatment_claim"
    assert second.status_code == 400
    assert "already reported" in second.json()["post"][0]
    assert Report.objects.count() == 1


def test_an_unknown_report_reason_is_a_400_naming_reason(member_api, comment):
    response = member_api.post(f"/api/posts/{comment.pk}/report/", {"reason": "ugly"})

    assert response.status_code == 400
    assert "reason" in response.json() and "contact_details" in response.json()["reason"][0]


def test_members_cannot_report_their_own_post(member_api, article, member):
    post = services.post_create(thread=article.thread, author=member, body="mine")

    response = member_api.post(f"/api/posts/{post.pk}/report/", {"reason": "spam"})

    assert response.status_code == 400 and "post" in response.json()


def test_threads_list_create_and_read(member_api, api_client, article):
    category = ThreadFactory().category
    created = member_api.post(
        "/api/threads/",
        {"category": category.slug, "title": "Gloves", "body": "Which gloves help?"},
        format="json",
    )
    listing = api_client.get("/api/threads/").json()

    assert created.status_code == 201 and created.json()["post_count"] == 1
    assert [t["title"] for t in listing["results"]] == ["Gloves"]  # not the article's thread
    assert api_client.get(f"/api/threads/{article.thread_id}/").status_code == 200


def test_a_thread_in_an_unknown_category_is_a_400(member_api, db):
    response = member_api.post(
        "/api/threads/", {"category": "nope", "title": "t", "body": "b"}, format="json"
    )

    assert response.status_code == 400 and "category" in response.json()


def test_held_posts_are_hidden_from_others_in_the_api(member_api, api_client, article):
    author = UserFactory()
    post = services.post_create(thread=article.thread, author=author, body="secret")
    services.post_set_moderation_state(post=post, state=ModerationState.HELD)

    assert api_client.get(f"/api/posts/{post.pk}/").status_code == 404
    assert member_api.get(f"/api/threads/{article.thread_id}/posts/").json()["count"] == 2


def test_the_schema_and_docs_are_served(api_client, db):
    schema = api_client.get("/api/schema/")
    docs = api_client.get("/api/docs/")

    assert schema.status_code == 200 and b"/api/posts/{id}/report/" in schema.content
    assert docs.status_code == 200


def test_the_api_list_costs_the_same_queries_however_many_posts(
    member_api, article, django_assert_max_num_queries
):
    for n in range(15):
        services.post_create(thread=article.thread, author=UserFactory(), body=f"post {n}")

    with django_assert_max_num_queries(8):
        assert member_api.get(f"/api/threads/{article.thread_id}/posts/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/threads/null,null/posts/", "/api/threads/abc/", "/api/posts/x1/"]
)
def test_ids_that_are_not_numbers_are_404s(api_client, db, url):
    assert api_client.get(url).status_code == 404
