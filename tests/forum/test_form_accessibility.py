"""Every form ties its help text and its errors to its fields: each id that an aria-describedby
(or aria-labelledby) names is on the page, exactly once. Checked on every page with a form, as
first shown and with errors, by parsing the HTML the way a browser builds its id map."""

from collections import Counter
from html.parser import HTMLParser

import pytest

from forum.models import Category
from moderation import services as moderation_services
from moderation.models import Case
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

REFERENCING = ("aria-describedby", "aria-labelledby")


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, id)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        for name in REFERENCING:
            for ref in (attrs.get(name) or "").split():
                self.references.append((tag, name, ref))

    handle_startendtag = handle_starttag


def _parse(response) -> _Ids:
    parser = _Ids()
    parser.feed(response.content.decode())
    parser.close()
    return parser


def assert_references_exist(response) -> list[str]:
    """Every id named by aria-describedby/-labelledby exists exactly once; returns the ids that
    aria-describedby names."""
    page = _parse(response)
    wrong = [
        f'<{tag} {name}="{ref}">: id found {page.ids[ref]} times'
        for tag, name, ref in page.references
        if page.ids[ref] != 1
    ]
    assert not wrong, "\n".join(wrong)
    return [ref for _, name, ref in page.references if name == "aria-describedby"]


@pytest.fixture
def own_post(article, member):
    return PostFactory(thread=article.thread, author=member, body="My hands are cold in winter.")


@pytest.fixture
def others_post(article):
    return article.thread.posts.order_by("number").first()


@pytest.fixture
def case(others_post, other_member):
    moderation_services.report_create(
        post=others_post, reporter=other_member, reason="spam", note="It sells something."
    )
    return Case.objects.get(post=others_post)


# (page, who is logged in, the page with the form, where it posts, data with mistakes, an id the
# errors must be under, whether a help text is shown)
PAGES = [
    ("register", None, "/accounts/register/", None, {"username": ""}, "id_username_error", True),
    ("login", None, "/accounts/login/", None, {"username": ""}, "id_username_error", False),
    (
        "comment",
        "member",
        "/articles/calcinosis/",
        "/threads/{thread}/post/",
        {"body": ""},
        "id_body_error",
        True,
    ),
    ("reply", "member", "/posts/{others_post}/reply/", None, {"body": ""}, "id_body_error", True),
    ("edit", "member", "/posts/{own_post}/edit/", None, {"body": ""}, "id_body_error", True),
    (
        "new topic",
        "member",
        "/forum/{category}/new/",
        None,
        {"title": "", "body": ""},
        "id_title_error",
        True,
    ),
    (
        "report",
        "member",
        "/posts/{others_post}/report/",
        None,
        {"note": ""},
        "id_reason_error",
        False,
    ),
    (
        "decision",
        "moderator",
        "/moderation/cases/{case}/",
        "/moderation/cases/{case}/decide/",
        {"action": "suspend", "reason": "other", "note": "", "days": "0"},
        "decide-suspend-days_error",
        False,
    ),
    ("rule", "admin_user", "/moderation/rules/new/", None, {"name": ""}, "id_name_error", True),
    (
        "treatment",
        "admin_user",
        "/moderation/treatments/new/",
        None,
        {"name": ""},
        "id_name_error",
        True,
    ),
]


@pytest.mark.parametrize(
    ("who", "page_url", "post_url", "data", "error_id", "has_help"),
    [page[1:] for page in PAGES],
    ids=[page[0] for page in PAGES],
)
def test_every_id_named_by_aria_describedby_exists_once(
    client, request, article, own_post, others_post, case,
    who, page_url, post_url, data, error_id, has_help,
):  # fmt: skip
    ids = {
        "thread": article.thread.pk,
        "own_post": own_post.pk,
        "others_post": others_post.pk,
        "case": case.pk,
        "category": Category.objects.order_by("position").first().slug,
    }
    if who:
        client.force_login(request.getfixturevalue(who))

    shown = client.get(page_url.format(**ids))
    assert shown.status_code == 200
    described = assert_references_exist(shown)
    assert any(ref.endswith("_helptext") for ref in described) == has_help, described

    failed = client.post((post_url or page_url).format(**ids), data)
    assert failed.status_code == (200 if page_url == "/accounts/login/" else 400)
    described = assert_references_exist(failed)
    assert error_id in described, described


def test_a_group_of_radios_names_its_error_on_the_fieldset(client, member, others_post):
    client.force_login(member)
    response = client.post(f"/posts/{others_post.pk}/report/", {"note": ""})

    page = response.content.decode()
    assert '<fieldset aria-describedby="id_reason_error">' in page
    assert page.count('id="id_reason_error"') == 1
