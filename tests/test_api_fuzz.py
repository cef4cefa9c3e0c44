"""Schemathesis against the API's own OpenAPI schema (/api/schema/): no operation may answer with
a server error, whoever asks.

- test_no_server_error: every operation for an anonymous client, a member, a moderator and an
  admin, with the schema's examples and MAX_EXAMPLES generated cases (valid and invalid).
- test_no_server_error_at_the_boundaries: every operation but PUT (PATCH takes the same body)
  once more as an admin, who may do everything, with the cases schemathesis derives from the
  schema's constraints: each limit and one past it, missing fields, wrong types, unknown choices.

Requests go through Django's WSGI application in this process (no live server), inside each
test's transaction. Generation is deterministic (the same cases on every run; no example
database) and failures are not shrunk, so the file runs in under a minute on a quiet two-core
machine and a failure found in CI is found again on a laptop. Generated path ids are aimed half
the time at objects that exist (the article's thread and posts, the client's own post, a case,
rules, treatments), so that the operations are exercised past their 404s."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import ScopedRateThrottle
from schemathesis.checks import not_a_server_error

from config.wsgi import application
from forum import services as forum_services
from forum.models import Post
from moderation import services as moderation_services
from moderation.models import Case, FlagRule, Treatment
from tests.factories import ThreadFactory

MAX_EXAMPLES = 15
ROLES = ["anonymous", "member", "moderator", "admin"]


def _served_schema() -> dict:
    """The document GET /api/schema/?format=json serves, made by the same generator and renderer
    as its view. (The view cannot answer before a test has the database, since every request is
    atomic; test_the_fuzzed_schema_is_the_served_one checks that the two are the same.)"""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


def _schema(phases: dict) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": 20261203,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "no-shrink": True,
                "database": "none",
            },
            "phases": {"stateful": {"enabled": False}, **phases},
        }
    )
    loaded = schemathesis.openapi.from_dict(_served_schema(), config=config)
    loaded.app = application
    return loaded


schema = _schema({"coverage": {"enabled": False}})
boundaries = _schema(
    {
        "examples": {"enabled": False},
        "fuzzing": {"enabled": False},
        # Methods an operation does not have are answered by DRF's dispatch, the same for all.
        "coverage": {"unexpected-methods": []},
    }
).exclude(method="PUT")  # the same serializer and service as PATCH, which is covered


@pytest.fixture(autouse=True)
def _one_connection_for_the_test():
    """Keep the test's database connection (and its transaction) across requests, as Django's
    test client does: the WSGI handler would otherwise close it at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _reports_not_throttled(monkeypatch):
    # After ten reports an hour every report is a 429, and the report door would go untested.
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "report", None)


@pytest.fixture
def users(member, moderator, admin_user) -> dict:
    return {"anonymous": None, "member": member, "moderator": moderator, "admin": admin_user}


@pytest.fixture
def headers(users) -> dict[str, dict[str, str]]:
    """The request headers of each role: none, or its API token."""
    return {
        role: {"Authorization": f"Token {Token.objects.create(user=user).key}"} if user else {}
        for role, user in users.items()
    }


@pytest.fixture
def known_objects(article, users, other_member) -> dict[str, list]:
    """Ids (or slugs) of objects that exist, by the path prefix that reaches them."""
    thread = ThreadFactory(author=other_member, category=article.thread.category)
    forum_services.post_create(thread=thread, author=other_member, body="A forum topic.")
    # The admin's own post first: the boundary cases, all sent as the admin, aim at it.
    own = [
        forum_services.post_create(thread=article.thread, author=users[role], body="My post.").pk
        for role in ("admin", "member")
    ]
    comment = Post.objects.get(thread=article.thread, number=2)
    moderation_services.report_create(post=comment, reporter=users["member"], reason="spam")
    return {
        "/api/articles/": [article.slug],
        "/api/threads/": [article.thread_id, thread.pk],
        "/api/posts/": [*own, comment.pk],
        "/api/moderation/cases/": list(Case.objects.values_list("pk", flat=True)),
        "/api/moderation/rules/": list(FlagRule.objects.values_list("pk", flat=True)[:3]),
        "/api/moderation/treatments/": list(Treatment.objects.values_list("pk", flat=True)[:3]),
    }


def _aim_at_known_object(case, known_objects: dict[str, list]) -> None:
    """Replace the generated id (or slug) in the path by one of an object that exists, for half
    of the generated values; which half is fixed by the value, so runs stay deterministic."""
    known = next((v for p, v in known_objects.items() if case.operation.path.startswith(p)), [])
    for name in ("id", "slug"):
        value = (case.path_parameters or {}).get(name)
        if not known or value is None:
            continue
        # The boundary cases come with their path already written out: "0" for 0.
        text = str(value)
        number = int(text) if text.isascii() and text.isdigit() else len(text)
        if number % 2 == 0:
            case.path_parameters[name] = known[(number // 2) % len(known)]


@pytest.fixture(params=ROLES)
def role(request) -> str:
    return request.param


@pytest.fixture(params=["admin"])
def admin_role(request) -> str:
    # A parameter, so that each test's id names its operation (pytest leaves it out otherwise).
    return request.param


# The fixtures hold what every generated case needs (users, tokens, objects). A case may change
# them (delete a post, decide a case) and the next case starts from there, as a client would.
FIXTURES_SHARED = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@schema.parametrize()
@FIXTURES_SHARED
@pytest.mark.django_db
def test_no_server_error(case, role, headers, known_objects):
    _aim_at_known_object(case, known_objects)
    case.call_and_validate(headers=headers[role], checks=[not_a_server_error])


@boundaries.parametrize()
@FIXTURES_SHARED
@pytest.mark.django_db
def test_no_server_error_at_the_boundaries(case, admin_role, headers, known_objects):
    _aim_at_known_object(case, known_objects)
    case.call_and_validate(headers=headers[admin_role], checks=[not_a_server_error])


@pytest.mark.django_db
def test_the_fuzzed_schema_is_the_served_one(client):
    response = client.get("/api/schema/?format=json")

    assert response.status_code == 200
    assert json.loads(response.content) == schema.raw_schema
