"""Odd input is a 400 that names the problem, never a server error: JSON nested deeper than
Python's json module can parse, lone UTF-16 surrogates in strings, and NUL characters in
addresses, query strings and form fields."""

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

from forum import services as forum_services
from forum.models import Post, Thread
from moderation import services as moderation_services
from moderation.models import Case, FlagRule, Report, Treatment

pytestmark = pytest.mark.django_db

DEEP = "[" * 100_000 + "]" * 100_000
TOO_DEEP_MESSAGE = "nested more than 32 levels deep"
NUL_MESSAGE = "Null characters are not allowed."


def _api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _page(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _raw_json(client: APIClient, method: str, url: str, body: str):
    return getattr(client, method)(url, data=body, content_type="application/json")


@pytest.fixture
def world(article, member, other_member, moderator, admin_user):
    """One of each thing the API writes to: the article's comments, a post of the member's own,
    a case (from a report), a rule and a treatment."""
    comment = Post.objects.get(thread=article.thread, number=2)
    own = forum_services.post_create(thread=article.thread, author=member, body="My own post.")
    moderation_services.report_create(post=comment, reporter=other_member, reason="spam")
    return {
        "thread": article.thread_id,
        "comment": comment.pk,
        "own": own.pk,
        "case": Case.objects.get(post=comment).pk,
        "rule": FlagRule.objects.order_by("pk").first().pk,
        "treatment": Treatment.objects.order_by("pk").first().pk,
        "users": {"member": member, "moderator": moderator, "admin": admin_user},
    }


# Every API door that reads a JSON body, with who may use it.
JSON_DOORS = [
    (None, "post", "/api/auth/token/"),
    ("member", "post", "/api/threads/"),
    ("member", "post", "/api/threads/{thread}/posts/"),
    ("member", "patch", "/api/posts/{own}/"),
    ("member", "put", "/api/posts/{own}/"),
    ("member", "post", "/api/posts/{comment}/vote/"),
    ("member", "post", "/api/posts/{comment}/report/"),
    ("moderator", "post", "/api/moderation/cases/{case}/decide/"),
    ("moderator", "post", "/api/moderation/cases/bulk/"),
    ("admin", "post", "/api/moderation/rules/"),
    ("admin", "patch", "/api/moderation/rules/{rule}/"),
    ("admin", "put", "/api/moderation/rules/{rule}/"),
    ("admin", "post", "/api/moderation/treatments/"),
    ("admin", "patch", "/api/moderation/treatments/{treatment}/"),
    ("admin", "put", "/api/moderation/treatments/{treatment}/"),
]


@pytest.mark.parametrize(("role", "method", "url"), JSON_DOORS)
def test_json_nested_100000_deep_is_a_400(world, role, method, url):
    client = _api(world["users"].get(role))

    response = _raw_json(client, method, url.format(**world), DEEP)

    assert response.status_code == 400
    assert TOO_DEEP_MESSAGE in response.json()["detail"]


def _nested(levels: int, inner, wrap):
    for _ in range(levels):
        inner = wrap(inner)
    return inner


@pytest.mark.parametrize(
    "body",
    [
        {"ids": _nested(40, 1, lambda inner: [inner]), "action": "approve", "reason": "x"},
        {"action": "approve", "reason": _nested(40, "x", lambda inner: {"x": inner})},
    ],
    ids=["list", "object"],
)
def test_json_nested_deeper_than_any_request_needs_is_a_400(world, body):
    # Python parses this, but nothing here walks 40 levels: it is refused before anything does.
    response = _raw_json(
        _api(world["users"]["moderator"]), "post", "/api/moderation/cases/bulk/", json.dumps(body)
    )

    assert response.status_code == 400
    assert TOO_DEEP_MESSAGE in response.json()["detail"]


def test_lone_surrogate_in_a_choice_field_is_a_400_naming_the_field(world):
    url = "/api/posts/{comment}/report/".format(**world)

    response = _raw_json(_api(world["users"]["member"]), "post", url, '{"reason": "\\ud800"}')

    assert response.status_code == 400
    [message] = response.json()["reason"]
    assert "\\ud800" in message and "surrogate" in message
    assert not Report.objects.filter(reporter=world["users"]["member"]).exists()


@pytest.mark.parametrize(
    ("role", "url", "body", "field"),
    [
        ("member", "/api/threads/{thread}/posts/", '{"body": "Hello \\udc00 there"}', "body"),
        ("member", "/api/posts/{own}/", '{"body": "Changed \\ud83d"}', "body"),
        (
            "member",
            "/api/threads/",
            '{"category": "caregivers", "title": "Hi \\ud800", "body": "x"}',
            "title",
        ),
        (
            "moderator",
            "/api/moderation/cases/{case}/decide/",
            '{"action": "approve", "reason": "\\udfff"}',
            "reason",
        ),
        (
            "admin",
            "/api/moderation/rules/",
            '{"name": "r", "matcher": "keywords", "phrases": ["ok", "\\ud800"], '
            '"category": "spam"}',
            "phrases",
        ),
        (None, "/api/auth/token/", '{"username": "mary", "password": "\\ud800"}', "password"),
    ],
)
def test_lone_surrogate_in_a_text_field_is_a_400_naming_the_field(world, role, url, body, field):
    posts_before = Post.objects.count()
    method = "patch" if url.startswith("/api/posts/") else "post"

    response = _raw_json(_api(world["users"].get(role)), method, url.format(**world), body)

    assert response.status_code == 400
    assert "surrogate" in response.json()[field][0]
    assert Post.objects.count() == posts_before
    assert Post.objects.get(pk=world["own"]).body == "My own post."


def test_a_complete_surrogate_pair_is_text(world):
    url = "/api/threads/{thread}/posts/".format(**world)

    response = _raw_json(
        _api(world["users"]["member"]), "post", url, '{"body": "Thank you \\ud83d\\ude4f"}'
    )

    assert response.status_code == 201
    assert response.json()["body"] == "Thank you \U0001f64f"


def test_lone_surrogate_in_a_field_name_is_a_400(world):
    url = "/api/threads/{thread}/posts/".format(**world)

    response = _raw_json(
        _api(world["users"]["member"]), "post", url, '{"body": "x", "\\ud800": "y"}'
    )

    assert response.status_code == 400
    assert "field name" in response.json()["detail"]


@pytest.mark.parametrize("content_type", ["json", "multipart", "form"])
def test_nul_in_a_body_field_is_a_400_naming_the_field(world, content_type):
    client = _api(world["users"]["member"])
    url = "/api/posts/{comment}/report/".format(**world)
    data = {"reason": "spam\x00", "note": "see"}

    if content_type == "json":
        response = _raw_json(client, "post", url, json.dumps(data))
    elif content_type == "multipart":
        response = client.post(url, data, format="multipart")
    else:
        response = client.post(
            url, "reason=spam%00&note=see", content_type="application/x-www-form-urlencoded"
        )

    assert response.status_code == 400
    assert response.json() == {"reason": [NUL_MESSAGE]}


def test_nul_in_a_slug_field_of_the_body_is_a_400(world):
    response = _raw_json(
        _api(world["users"]["member"]),
        "post",
        "/api/threads/",
        json.dumps({"category": "caregivers\x00", "title": "Hello", "body": "Hello"}),
    )

    assert response.status_code == 400
    assert response.json() == {"category": [NUL_MESSAGE]}
    assert not Thread.objects.filter(title="Hello").exists()


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (None, "/api/articles/%00/"),
        (None, "/api/articles/calcinosis%00/"),
        (None, "/api/posts/%00/"),
        (None, "/api/threads/1%00/posts/"),
        ("admin", "/api/moderation/rules/%00/"),
    ],
)
def test_nul_in_an_api_lookup_is_a_400(world, role, url):
    response = _api(world["users"].get(role)).get(url)

    assert response.status_code == 400
    assert response.json() == {"detail": f"The address is refused. {NUL_MESSAGE}"}


@pytest.mark.parametrize(
    ("role", "url", "parameter"),
    [
        ("admin", "/api/moderation/audit/?action=%00", "action"),
        ("admin", "/api/moderation/audit/?action=rule.%00", "action"),
        ("moderator", "/api/moderation/queue/?category=spam%00", "category"),
        ("moderator", "/api/moderation/queue/?status=open&assignee=%00", "assignee"),
        (None, "/api/threads/?page=%00", "page"),
        (None, "/api/articles/calcinosis/?format=%00", "format"),
    ],
)
def test_nul_in_an_api_query_string_is_a_400_naming_the_parameter(world, role, url, parameter):
    response = _api(world["users"].get(role)).get(url)

    assert response.status_code == 400
    assert response.json() == {parameter: [NUL_MESSAGE]}


def test_nul_in_a_query_parameter_name_is_a_400(world):
    response = _api().get("/api/threads/?pa%00ge=1")

    assert response.status_code == 400
    assert "query parameter" in response.json()["detail"]


@pytest.mark.parametrize(
    ("role", "url", "where"),
    [
        (None, "/forum/%00/", "The address"),
        (None, "/forum/caregivers%00/", "The address"),
        (None, "/articles/calcinosis%00/", "The address"),
        (None, "/forum/caregivers/?page=%00", "The value of “page” in the address"),
        (None, "/articles/calcinosis/?page=1&cpage=%00", "The value of “cpage” in the address"),
        ("moderator", "/moderation/?category=%00", "The value of “category” in the address"),
        ("moderator", "/moderation/?assignee=me%00", "The value of “assignee” in the address"),
        ("admin", "/moderation/audit/?action=%00", "The value of “action” in the address"),
    ],
)
def test_nul_in_a_page_address_is_the_plain_400_page(world, role, url, where):
    response = _page(world["users"].get(role)).get(url)

    assert response.status_code == 400
    assert "We could not read that request" in response.text
    assert f"{where} contains a character that no page here uses. {NUL_MESSAGE}" in response.text


def test_the_400_page_shows_the_member_who_is_logged_in(world):
    response = _page(world["users"]["member"]).get("/forum/%00/")

    assert response.status_code == 400
    assert "Log out" in response.text


@pytest.mark.parametrize(
    ("role", "url", "data", "field_count"),
    [
        ("member", "/threads/{thread}/post/", {"body": "Hello\x00"}, 1),
        ("member", "/forum/caregivers/new/", {"title": "Hi\x00", "body": "There\x00"}, 2),
        ("member", "/posts/{own}/edit/", {"body": "Changed\x00"}, 1),
        ("member", "/posts/{comment}/report/", {"reason": "spam", "note": "See\x00"}, 1),
        ("admin", "/moderation/treatments/new/", {"name": "Drops\x00", "status": "unproven"}, 1),
    ],
)
def test_nul_in_a_page_form_field_is_a_400_with_the_form_and_its_message(
    world, role, url, data, field_count
):
    posts_before = Post.objects.count()

    response = _page(world["users"][role]).post(url.format(**world), data)

    assert response.status_code == 400
    assert response.text.count(NUL_MESSAGE) == field_count
    assert Post.objects.count() == posts_before
    assert Post.objects.get(pk=world["own"]).body == "My own post."
    assert not Report.objects.filter(note__startswith="See").exists()


@pytest.mark.parametrize("url", ["/", "/forum/caregivers/", "/api/threads/"])
def test_a_session_cookie_with_a_nul_is_ignored_and_cleared(world, url):
    # All printable on the wire; Django's cookie parser turns the quoted \000 into a NUL.
    response = Client().get(url, HTTP_COOKIE='sessionid="\\000aaaaaaaaaaaa"')

    assert response.status_code == 200
    assert response.cookies["sessionid"].value == ""  # deleted
