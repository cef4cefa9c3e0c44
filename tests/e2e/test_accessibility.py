"""axe-core on the main pages, as each role sees them, at a desktop width and on a 390-pixel phone:
any violation of impact "serious" or "critical" fails, naming the rule, its help text and the
elements at fault. axe-core comes from the installed axe-playwright-python package, never from the
network."""

from datetime import timedelta
from importlib.resources import files

import pytest
from django.utils import timezone

from forum import services as forum_services
from forum.models import Category, Post, User
from moderation import services
from moderation.models import Case, FlagRule
from tests.conftest import _default_rules
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
FAILING_IMPACTS = {"serious", "critical"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def site(article, member, other_member, moderator, admin_user):
    """A forum with something on every page: comments and a reply (with its notification), a
    forum topic, a case with flagged spans and a reader's report, a decided case, and a
    suspended member."""
    _default_rules()
    comments = list(article.thread.posts.order_by("number"))
    mine = forum_services.post_create(
        thread=article.thread, author=member, body="Warm water helps my *fingers*."
    )
    reply = forum_services.post_create(
        thread=article.thread, author=other_member, body="Mine too, thank you.", parent=mine
    )
    forum_services.notification_create(
        user=member,
        kind="reply",
        message="Omar replied to your post.",
        event_key=f"reply:{reply.pk}",
        post=reply,
    )
    category = Category.objects.order_by("position").first()
    thread = forum_services.thread_create(
        category=category, author=other_member, title="Cold hands", body="What helps you?"
    )
    forum_services.post_create(thread=thread, author=member, body="Gloves, and warm tea.")
    seller = UserFactory(username="seller", display_name="Seller")
    flagged = forum_services.post_create(thread=article.thread, author=seller, body=COMMENT_1)
    spam = forum_services.post_create(
        thread=thread, author=seller, body="Call 040-23733200 for the cream."
    )
    for post in Post.objects.all():  # as the workers would: publish the clean, flag the rest
        services.post_scan(post_id=post.pk, revision=post.revision)
    services.report_create(post=flagged, reporter=member, reason="contact_details", note="A phone")
    decided = Case.objects.get(post=spam)
    services.case_decide(
        case=decided, moderator=moderator, action="remove", reason="Spam or advertising"
    )
    suspended = UserFactory(username="paused", display_name="Paused")
    forum_services.user_suspend(user=suspended, until=timezone.now() + timedelta(days=3))
    return {
        "category": category.slug,
        "thread": thread.pk,
        "others_post": comments[0].pk,
        "case": Case.objects.get(post=flagged).pk,
        "decided_case": decided.pk,
        "rule": FlagRule.objects.order_by("pk").first().pk,
    }


# Per role: (page, address[#what to do there first]). "submit" presses the form's first button,
# so the page is checked with its error messages; "comment" posts a comment, so the page shows a
# message and the post waiting for its check; "dry-run" tests a rule on recent posts.
PAGES = {
    "reader": [
        ("home", "/"),
        ("article with comments", "/articles/calcinosis/"),
        ("all the article's pages", "/articles/calcinosis/?page=all"),
        ("forum", "/forum/"),
        ("forum category", "/forum/{category}/"),
        ("thread", "/threads/{thread}/"),
        ("register", "/accounts/register/"),
        ("register with errors", "/accounts/register/#submit"),
        ("login", "/accounts/login/"),
        ("login with an error", "/accounts/login/#submit"),
    ],
    "member": [
        ("home", "/"),
        ("article with comments", "/articles/calcinosis/"),
        ("forum category", "/forum/{category}/"),
        ("thread", "/threads/{thread}/"),
        ("reply", "/posts/{others_post}/reply/"),
        ("reply with an error", "/posts/{others_post}/reply/#submit"),
        ("new topic", "/forum/{category}/new/"),
        ("report form", "/posts/{others_post}/report/"),
        ("report form with an error", "/posts/{others_post}/report/#submit"),
        ("notifications", "/notifications/"),
        ("article after commenting", "/articles/calcinosis/#comment"),
    ],
    "suspended member": [
        ("article", "/articles/calcinosis/"),
        ("new topic", "/forum/{category}/new/"),
    ],
    "moderator": [
        ("queue", "/moderation/"),
        ("decided cases", "/moderation/?status=decided"),
        ("case", "/moderation/cases/{case}/"),
        ("case with an error", "/moderation/cases/{case}/#submit-note"),
        ("decided case", "/moderation/cases/{decided_case}/"),
        ("article with held posts", "/articles/calcinosis/"),
    ],
    "admin": [
        ("rules", "/moderation/rules/"),
        ("new rule", "/moderation/rules/new/"),
        ("new rule with errors", "/moderation/rules/new/#submit"),
        ("a rule tested on recent posts", "/moderation/rules/{rule}/#dry-run"),
        ("treatments", "/moderation/treatments/"),
        ("new treatment", "/moderation/treatments/new/"),
        ("audit log", "/moderation/audit/"),
    ],
}
USERS = {
    "reader": None,
    "member": "mary",
    "suspended member": "paused",
    "moderator": "mod",
    "admin": "boss",
}


def act(page, action: str) -> None:
    if action == "submit":
        page.locator("main form[method=post] button[type=submit]").first.click()
    elif action == "submit-note":  # "Other" as the reason, without writing it
        form = page.locator("form.decision-approve")
        form.get_by_label("Other (write below)").check()
        form.get_by_role("button").click()
    elif action == "comment":
        page.fill("#id_body", "Thank you all, this helps.")
        page.locator("#write-title ~ form button[type=submit]").click()
    elif action == "dry-run":
        page.get_by_role("button", name="Test on recent posts").click()
    page.wait_for_load_state()


def axe_violations(page) -> list[dict]:
    """The serious and critical violations axe-core finds on the page as it is now."""
    page.add_script_tag(content=AXE_SOURCE)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def describe(name: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{name}: {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        lines += [f"    {' '.join(node['target'])}" for node in violation["nodes"]]
    return lines


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("role", PAGES.keys())
def test_no_serious_accessibility_violations(live_server, open_as, site, role, width):
    user = User.objects.get(username=USERS[role]) if USERS[role] else None
    page = open_as(user, width=width)
    problems = []
    for name, address in PAGES[role]:
        path, _, action = address.format(**site).partition("#")
        response = page.goto(f"{live_server.url}{path}")
        assert response.ok, f"{name}: {path} answered {response.status}"
        if action:
            act(page, action)
        problems += describe(f"{name} ({path}, {width}px)", axe_violations(page))
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)
