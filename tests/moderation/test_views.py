"""The moderators' and admins' pages: what they show and what their forms do."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import capfirst

from forum import services as forum_services
from forum.models import ModerationState, Notification
from forum.roles import Role, role_grant
from moderation import services
from moderation.models import AuditEntry, Case, CaseStatus, Decision, FlagRule, Treatment
from tests.factories import PostFactory, ThreadFactory, UserFactory
from tests.moderation.conftest import COMMENT_1
from tests.utils import post_scanned

pytestmark = pytest.mark.django_db

PHONE = "040-23733200"
QUEUE = "/moderation/"


@pytest.fixture
def flagged_case(article, new_member):
    """COMMENT_1 by a new member: a practitioner's address and phone number and a cure claim,
    held until a moderator decides."""
    post = post_scanned(article.thread, new_member, COMMENT_1)
    return Case.objects.get(post=post)


@pytest.fixture
def reported_case(article, established_member, other_member):
    """A harmless post a reader reported as spam: low severity, no flags."""
    post = post_scanned(article.thread, established_member, "My fingers hurt in the cold.")
    services.report_create(post=post, reporter=other_member, reason="spam", note="odd")
    return Case.objects.get(post=post)


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _page(response) -> str:
    return response.content.decode()


def _messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


# --- Who may see what --------------------------------------------------------------------------

MODERATOR_URLS = [
    ("get", "/moderation/"),
    ("get", "/moderation/cases/1/"),
    ("post", "/moderation/cases/1/decide/"),
    ("post", "/moderation/cases/1/claim/"),
    ("post", "/moderation/cases/1/unclaim/"),
    ("post", "/moderation/bulk/"),
]
ADMIN_URLS = [
    ("get", "/moderation/rules/"),
    ("get", "/moderation/rules/new/"),
    ("get", "/moderation/rules/1/"),
    ("post", "/moderation/rules/1/toggle/"),
    ("get", "/moderation/rules/1/delete/"),
    ("get", "/moderation/treatments/"),
    ("get", "/moderation/treatments/new/"),
    ("get", "/moderation/treatments/1/"),
    ("post", "/moderation/treatments/1/delete/"),
    ("get", "/moderation/audit/"),
]


def test_the_urls_are_the_named_ones():
    assert reverse("moderation:queue") == QUEUE
    assert reverse("moderation:case", args=[1]) == "/moderation/cases/1/"
    assert reverse("moderation:decide", args=[1]) == "/moderation/cases/1/decide/"
    assert reverse("moderation:rules") == "/moderation/rules/"
    assert reverse("moderation:treatments") == "/moderation/treatments/"
    assert reverse("moderation:audit") == "/moderation/audit/"
    assert reverse("moderation:report", args=[1]) == "/posts/1/report/"


@pytest.mark.parametrize(("method", "url"), MODERATOR_URLS + ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(("method", "url"), MODERATOR_URLS + ADMIN_URLS)
def test_members_get_the_friendly_403(client, member, flagged_case, method, url):
    client.force_login(member)

    response = getattr(client, method)(url)

    assert response.status_code == 403
    page = _page(response)
    assert "You can't do that" in page
    assert "Only moderators" in page or "Only administrators" in page
    assert Decision.objects.count() == 0 and Case.objects.get().assignee is None


@pytest.mark.parametrize(("method", "url"), ADMIN_URLS)
def test_moderators_get_403_on_admin_pages(mod_client, method, url):
    response = getattr(mod_client, method)(url)

    assert response.status_code == 403
    assert "Only administrators" in _page(response)


def test_the_header_links_moderators_to_the_queue_with_the_open_count(
    client, member, moderator, flagged_case, reported_case
):
    client.force_login(member)
    member_page = _page(client.get("/"))
    client.force_login(moderator)
    moderator_page = _page(client.get("/"))

    assert 'href="/moderation/"' not in member_page
    assert re.search(r'href="/moderation/">Moderation <span class="badge">2<', moderator_page)


def test_admins_reach_the_rules_from_the_queue(admin_client, mod_client, admin_user):
    assert 'href="/moderation/rules/"' not in _page(mod_client.get(QUEUE))

    admin_client.force_login(admin_user)
    assert 'href="/moderation/rules/"' in _page(admin_client.get(QUEUE))


# --- The queue ---------------------------------------------------------------------------------


def test_the_queue_shows_the_worst_case_first_with_its_reason(
    mod_client, reported_case, flagged_case
):
    Case.objects.filter(pk=reported_case.pk).update(opened_at=timezone.now() - timedelta(hours=3))

    page = _page(mod_client.get(QUEUE))

    worst = page.index(f'href="/moderation/cases/{flagged_case.pk}/"')
    mild = page.index(f'href="/moderation/cases/{reported_case.pk}/"')
    assert worst < mild
    worst_flag = flagged_case.flags.order_by("-severity", "-score", "start").first()
    assert f"Case {flagged_case.pk}: {escape(capfirst(worst_flag.explanation))}" in page
    assert f"Case {reported_case.pk}: Reported: it is spam or advertising" in page
    # Severity in words beside its colour, categories as chips, the author, and the age.
    assert '<span class="chip sev sev-3">High<span class="visually-hidden"> severity' in page
    assert '<span class="chip sev sev-1">Low' in page
    assert '<span class="chip cat cat-contact_details">Contact details</span>' in page
    assert "By <strong>Newbie</strong>" in page and "1 reporter<" in page
    assert ">3\xa0hours ago</time>" in page and ">just now</time>" in page


def test_the_queue_excerpt_marks_the_worst_flagged_span(mod_client, flagged_case):
    worst_flag = flagged_case.flags.order_by("-severity", "-score", "start").first()

    page = _page(mod_client.get(QUEUE))

    assert f"<mark>{escape(' '.join(worst_flag.text.split()))}</mark>" in page


def _case_ids(response) -> list[int]:
    return [row["case"].pk for row in response.context["rows"]]


def test_the_queue_filters(mod_client, moderator, flagged_case, reported_case):
    Case.objects.filter(pk=reported_case.pk).update(opened_at=timezone.now() - timedelta(days=9))
    services.case_claim(case=flagged_case, moderator=moderator)
    both = {flagged_case.pk, reported_case.pk}

    def ids(**params):
        return set(_case_ids(mod_client.get(QUEUE, params)))

    assert ids() == both
    assert ids(category="contact_details") == {flagged_case.pk}
    assert ids(category="spam") == {reported_case.pk}
    assert ids(reason="spam") == {reported_case.pk}
    assert ids(source="detector") == {flagged_case.pk}
    assert ids(source="reader") == {reported_case.pk}
    assert ids(age="24h") == {flagged_case.pk}
    assert ids(age="older") == {reported_case.pk}
    assert ids(assignee="me") == {flagged_case.pk}
    assert ids(assignee="unassigned") == {reported_case.pk}
    assert ids(status="decided") == set()
    assert ids(status="all") == both
    assert ids(category="nonsense-from-an-old-bookmark") == both


def test_the_queue_counts_cases_per_status(mod_client, moderator, flagged_case, reported_case):
    services.case_decide(
        case=reported_case, moderator=moderator, action="approve", reason="Nothing wrong"
    )

    response = mod_client.get(QUEUE)
    page = _page(response)

    counts = {tab["status"]: tab["count"] for tab in response.context["tabs"]}
    assert counts == {"open": 1, "escalated": 0, "decided": 1, "all": 2}
    assert re.search(r'aria-current="page">Open <span class="count">1</span>', page)
    assert re.search(r'status=decided">Decided <span class="count">1</span>', page)
    assert _case_ids(response) == [flagged_case.pk]
    assert _case_ids(mod_client.get(QUEUE, {"status": "decided"})) == [reported_case.pk]


def test_the_queue_pages_keep_the_filters(mod_client, article):
    for _ in range(26):
        post = PostFactory(thread=article.thread)
        services.report_create(post=post, reporter=UserFactory(), reason="spam")

    first = mod_client.get(QUEUE, {"category": "spam"})
    second = mod_client.get(QUEUE, {"category": "spam", "page": 2})

    assert len(first.context["rows"]) == 25 and len(second.context["rows"]) == 1
    assert "?category=spam&amp;page=2" in _page(first)


def _make_cases(count: int, thread) -> None:
    for n in range(count):
        post = post_scanned(thread, UserFactory(), f"Call me on 040-2373{n:04d}, I can help.")
        services.report_create(post=post, reporter=UserFactory(), reason="spam")
        services.case_claim(case=Case.objects.get(post=post), moderator=UserFactory())


def test_the_queue_does_not_query_per_case(mod_client, article, django_assert_max_num_queries):
    thread = ThreadFactory()
    _make_cases(2, thread)
    with CaptureQueriesContext(connection) as few:
        mod_client.get(QUEUE)
    _make_cases(8, thread)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = mod_client.get(QUEUE)

    assert len(response.context["rows"]) == 10
    assert _page(response).count("<mark>") == 10


# --- One case ----------------------------------------------------------------------------------


def test_the_case_page_marks_the_phone_number_with_its_explanation(mod_client, flagged_case):
    phone = flagged_case.flags.get(kind="phone")
    number = list(flagged_case.flags.order_by("start")).index(phone) + 1

    page = _page(mod_client.get(f"/moderation/cases/{flagged_case.pk}/"))

    mark = re.search(r"<mark ([^>]*)>040-23733200</mark>", page)
    assert mark, "the phone number is not marked"
    assert f'title="{number}. {phone.explanation}"' in mark.group(1)
    footnote = re.search(rf'<li id="flag-{number}">(.*?)</li>', page, re.S).group(1)
    assert capfirst(phone.explanation) in footnote
    assert "phone-numbers" in footnote and "0.99" in footnote and "Kind: phone" in footnote
    assert f'<a href="#flag-{number}" aria-label="Flag {number}">{number}</a>' in page


def test_the_case_page_shows_the_post_in_context(mod_client, article, new_member, other_member):
    parent = post_scanned(article.thread, other_member, "Has anyone found something that helps?")
    post = forum_services.post_create(
        thread=article.thread, author=new_member, body=COMMENT_1, parent=parent
    )
    services.post_scan(post_id=post.pk, revision=post.revision)
    services.report_create(post=post, reporter=other_member, reason="contact_details", note="ad")
    case = Case.objects.get(post=post)

    page = _page(mod_client.get(f"/moderation/cases/{case.pk}/"))

    assert f'<a href="/articles/calcinosis/">{article.thread.title}</a>' in page
    assert f'<a href="/posts/{post.pk}/">Post #{post.number}</a>' in page
    assert (
        f'In reply to <a href="/posts/{parent.pk}/">#' in page
        and "Has anyone found something that helps?" in page
    )
    assert "Held for review" in page
    assert (
        "It shares contact details (phone, address, e-mail)" in page and "ad</blockquote>" in page
    )
    assert "None: this is the author's first case." in page
    for action in ("approve", "redact", "edit", "remove", "warn", "suspend", "escalate"):
        assert f'name="action" value="{action}"' in page


def test_the_case_page_escapes_what_members_wrote(mod_client, article, new_member):
    post = post_scanned(
        article.thread, new_member, '<script>alert("x")</script> call 040-23733200 <b>now</b>'
    )
    case = Case.objects.get(post=post)

    page = _page(mod_client.get(f"/moderation/cases/{case.pk}/"))

    assert "<script>alert" not in page and "<b>now" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


DECISIONS = [
    ("approve", "Nothing wrong: the post follows the community rules", {}),
    ("redact", "Phone numbers and addresses are not allowed, for everyone's safety", {}),
    ("edit", "An unverified treatment claim was removed", {"body": "My mother found relief."}),
    ("remove", "Unverified treatment claim", {}),
    ("warn", "Please don't share contact details on the forum", {}),
    ("suspend", "Repeated advertising after a warning", {"days": "3"}),
    ("escalate", "Needs an administrator's decision", {}),
]


@pytest.mark.parametrize(("action", "reason", "extra"), DECISIONS)
def test_each_decision_through_the_page(mod_client, moderator, flagged_case, action, reason, extra):
    post = flagged_case.post
    assert post.moderation_state == ModerationState.HELD

    response = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": action, "reason": reason, "note": "", **extra},
    )

    assert response.status_code == 302
    decision = Decision.objects.get(case=flagged_case)
    assert (decision.action, decision.reason, decision.moderator) == (action, reason, moderator)
    post.refresh_from_db()
    post.author.refresh_from_db()
    flagged_case.refresh_from_db()
    expected_state = {
        "approve": ModerationState.PUBLISHED,
        "redact": ModerationState.REDACTED,
        "edit": ModerationState.REDACTED,
        "remove": ModerationState.REMOVED,
        "warn": ModerationState.REMOVED,
        "suspend": ModerationState.REMOVED,
        "escalate": ModerationState.HELD,
    }[action]
    assert post.moderation_state == expected_state
    if action == "redact":
        assert PHONE not in post.public_body and "[contact details removed]" in post.public_body
    if action == "edit":
        assert post.public_body == "My mother found relief."
    if action == "warn":
        assert Notification.objects.filter(user=post.author, message__contains=reason).exists()
    if action == "suspend":
        until = post.author.suspended_until
        assert timedelta(days=2, hours=23) < until - timezone.now() <= timedelta(days=3)
    else:
        assert post.author.suspended_until is None
    if action == "escalate":
        assert flagged_case.status == CaseStatus.ESCALATED
    else:
        assert flagged_case.status == CaseStatus.DECIDED
    assert AuditEntry.objects.filter(action=f"case.{action}", reason=reason).exists()


def test_other_reason_uses_the_note_and_a_note_is_added_to_a_ready_reason(
    mod_client, flagged_case, reported_case
):
    mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "remove", "reason": "other", "note": "Selling pills"},
    )
    mod_client.post(
        f"/moderation/cases/{reported_case.pk}/decide/",
        {"action": "approve", "reason": "A personal experience, not a treatment claim",
         "note": "thanks"},
    )  # fmt: skip

    assert Decision.objects.get(case=flagged_case).reason == "Selling pills"
    assert (
        Decision.objects.get(case=reported_case).reason
        == "A personal experience, not a treatment claim. thanks"
    )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"action": "remove"}, "Choose a reason for this decision."),
        ({"action": "remove", "reason": "other", "note": "  "}, "Write the reason here"),
        ({"action": "remove", "reason": "made up"}, "Select a valid choice"),
        ({"action": "explode", "reason": "other", "note": "x"}, "Select a valid choice"),
        ({"action": "suspend", "reason": "Abusive behaviour", "days": "900"}, "less than or equal"),
    ],
)
def test_a_bad_decision_gives_a_message_not_a_500(mod_client, flagged_case, data, words):
    response = mod_client.post(f"/moderation/cases/{flagged_case.pk}/decide/", data)

    assert response.status_code == 400
    assert any(words in message for message in _messages(response))
    assert Decision.objects.count() == 0
    flagged_case.post.refresh_from_db()
    assert flagged_case.post.moderation_state == ModerationState.HELD


def test_a_refusal_from_the_service_is_shown_on_the_page(mod_client, reported_case):
    response = mod_client.post(
        f"/moderation/cases/{reported_case.pk}/decide/",
        {"action": "redact", "reason": "other", "note": "hide it"},
    )

    assert response.status_code == 400
    assert "No contact details are flagged in this post" in _page(response)
    assert Decision.objects.count() == 0


def test_the_edit_text_survives_a_refused_decision(mod_client, flagged_case):
    response = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "edit", "reason": "other", "note": "", "body": "My careful rewrite"},
    )

    assert response.status_code == 400
    assert "My careful rewrite</textarea>" in _page(response)


def test_after_a_decision_the_next_open_case_opens(mod_client, flagged_case, reported_case):
    first = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "remove", "reason": "Unverified treatment claim"},
    )
    last = mod_client.post(
        f"/moderation/cases/{reported_case.pk}/decide/",
        {"action": "approve", "reason": "Nothing wrong: the post follows the community rules"},
    )

    assert first["Location"] == f"/moderation/cases/{reported_case.pk}/"
    assert last["Location"] == QUEUE
    messages = _messages(mod_client.get(QUEUE))
    assert any("approved" in message and "No more open cases" in message for message in messages)


def test_a_decided_case_shows_its_history_instead_of_the_buttons(
    mod_client, moderator, flagged_case
):
    services.case_decide(case=flagged_case, moderator=moderator, action="remove", reason="Spam")

    page = _page(mod_client.get(f"/moderation/cases/{flagged_case.pk}/"))

    buttons = re.findall(r'name="action" value="(\w+)"', page)
    assert buttons == ["reopen"], "a decided case offers only to reopen it"
    assert "Decision history" in page and "Remove the post" in page and "Reason: Spam" in page
    again = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "approve", "reason": "other", "note": "oops"},
    )
    assert again.status_code == 409
    assert any("already decided" in message for message in _messages(again))


def test_an_escalated_case_is_decided_by_admins_only(
    mod_client, admin_user, moderator, flagged_case
):
    services.case_decide(case=flagged_case, moderator=moderator, action="escalate", reason="Hm")

    page = _page(mod_client.get(f"/moderation/cases/{flagged_case.pk}/"))
    assert 'name="action"' not in page and "only administrators decide it" in page
    refused = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "remove", "reason": "Spam or advertising"},
    )
    assert refused.status_code == 403
    assert any("only administrators" in message for message in _messages(refused))
    flagged_case.refresh_from_db()
    assert flagged_case.status == "escalated"

    admin_client = Client()
    admin_client.force_login(admin_user)
    page = _page(admin_client.get(f"/moderation/cases/{flagged_case.pk}/"))
    assert 'name="action" value="remove"' in page
    assert 'name="action" value="escalate"' not in page


# --- Claiming ----------------------------------------------------------------------------------


def test_claim_and_release(mod_client, moderator, flagged_case):
    url = f"/moderation/cases/{flagged_case.pk}/"

    claimed = mod_client.post(url + "claim/", {"next": QUEUE})
    flagged_case.refresh_from_db()
    assert claimed["Location"] == QUEUE and flagged_case.assignee == moderator
    assert "Claimed by you" in _page(mod_client.get(url))

    mod_client.post(url + "unclaim/")
    flagged_case.refresh_from_db()
    assert flagged_case.assignee is None


def test_a_case_claimed_by_someone_else_is_refused_with_a_message(client, flagged_case):
    first, second = UserFactory(), UserFactory(username="second")
    for user in (first, second):
        role_grant(user=user, role=Role.MODERATOR)
    services.case_claim(case=flagged_case, moderator=first)
    client.force_login(second)

    response = client.post(f"/moderation/cases/{flagged_case.pk}/claim/", follow=True)

    assert response.status_code == 200
    assert "is working on this case" in _page(response)
    flagged_case.refresh_from_db()
    assert flagged_case.assignee == first


def test_claiming_does_not_redirect_elsewhere(mod_client, flagged_case):
    response = mod_client.post(
        f"/moderation/cases/{flagged_case.pk}/claim/", {"next": "https://evil.example/"}
    )

    assert response["Location"] == f"/moderation/cases/{flagged_case.pk}/"


# --- Bulk decisions ----------------------------------------------------------------------------


def test_bulk_remove(mod_client, moderator, flagged_case, reported_case):
    response = mod_client.post(
        "/moderation/bulk/",
        {
            "cases": [flagged_case.pk, reported_case.pk],
            "action": "remove",
            "reason": "Spam or advertising",
            "next": QUEUE + "?status=open",
        },
    )

    assert response["Location"] == QUEUE + "?status=open"
    for case in (flagged_case, reported_case):
        case.refresh_from_db()
        case.post.refresh_from_db()
        assert case.status == CaseStatus.DECIDED
        assert case.post.moderation_state == ModerationState.REMOVED
        assert Decision.objects.get(case=case).reason == "Spam or advertising"
    assert "2 cases removed." in _messages(mod_client.get(QUEUE))


def test_bulk_without_ticks_or_with_a_mismatched_reason_decides_nothing(mod_client, flagged_case):
    nothing = mod_client.post("/moderation/bulk/", {"action": "remove", "reason": "Abusive"})
    mismatched = mod_client.post(
        "/moderation/bulk/",
        {"cases": [flagged_case.pk], "action": "approve", "reason": "Abusive"},
    )

    assert nothing.status_code == 302 and mismatched.status_code == 302
    assert Decision.objects.count() == 0
    messages = _messages(mod_client.get(QUEUE))
    assert any("Tick at least one case" in m for m in messages)
    assert any("fits the decision" in m for m in messages)


def test_the_queue_has_a_tick_box_per_case_for_the_bulk_form(mod_client, flagged_case):
    page = _page(mod_client.get(QUEUE))

    assert f'name="cases" value="{flagged_case.pk}" form="bulk"' in page
    assert 'id="bulk"' in page and 'action="/moderation/bulk/"' in page


# --- Rules -------------------------------------------------------------------------------------


RULE = {
    "name": "miracle-words",
    "description": "Miracle cure talk",
    "matcher": "keywords",
    "phrases": "miracle cream\nsecret remedy",
    "category": "treatment_claim",
    "kind": "miracle",
    "threshold": "0.9",
    "severity": "2",
    "action": "flag",
    "hide_after_reports": "3",
    "enabled": "on",
}


def test_the_rules_page_lists_every_rule_with_how_it_works(admin_client, moderator, flagged_case):
    services.case_decide(case=flagged_case, moderator=moderator, action="remove", reason="Ad")

    page = _page(admin_client.get("/moderation/rules/"))

    for rule in FlagRule.objects.all():
        assert f">{rule.name}</a>" in page
    row = re.search(r">phone-numbers</a>.*?</tr>", page, re.S).group(0)
    assert "Phone numbers" in row and "1 post flagged" in row and "1 acted on, 0 approved" in row
    assert "Precision so far: 100%" in row
    assert "New members: Hold for approval" in row and "Whole site" in row
    handles = re.search(r">messaging-handles</a>.*?</tr>", page, re.S).group(0)
    assert "No decisions yet" in handles


def test_an_admin_creates_a_rule(admin_client, admin_user, article):
    response = admin_client.post("/moderation/rules/new/", {**RULE, "scope_article": "on"})

    assert response.status_code == 302 and response["Location"] == "/moderation/rules/"
    rule = FlagRule.objects.get(name="miracle-words")
    assert rule.phrase_list == ["miracle cream", "secret remedy"] and rule.updated_by == admin_user
    assert rule.scope_article and rule.enabled
    assert AuditEntry.objects.filter(action="rule.create", actor=admin_user).exists()


def test_a_bad_pattern_is_shown_on_the_pattern_field(admin_client):
    response = admin_client.post(
        "/moderation/rules/new/",
        {**RULE, "name": "bad-pattern", "matcher": "pattern", "phrases": "", "pattern": "(oops"},
    )

    assert response.status_code == 400
    errors = re.search(r'id="id_pattern_error"[^>]*>(.*?)</div>', _page(response), re.S)
    assert errors and "not valid RE2 syntax" in errors.group(1)
    assert not FlagRule.objects.filter(name="bad-pattern").exists()


def test_an_admin_edits_disables_and_deletes_a_rule(admin_client):
    rule = FlagRule.objects.get(name="messaging-handles")

    edit = admin_client.get(f"/moderation/rules/{rule.pk}/")
    assert 'value="messaging-handles"' in _page(edit)
    admin_client.post(f"/moderation/rules/{rule.pk}/toggle/")
    rule.refresh_from_db()
    assert rule.enabled is False
    confirm = admin_client.get(f"/moderation/rules/{rule.pk}/delete/")
    assert "Yes, delete it" in _page(confirm)
    admin_client.post(f"/moderation/rules/{rule.pk}/delete/")

    assert not FlagRule.objects.filter(pk=rule.pk).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"rule.update", "rule.delete"} <= actions


def test_test_on_recent_posts_counts_without_saving(admin_client, article):
    thread = ThreadFactory()
    PostFactory(thread=thread, body="This miracle cream healed my fingers.")
    PostFactory(thread=thread, body="Ask about the secret remedy, and the MIRACLE CREAM.")
    PostFactory(thread=thread, body="Nothing helped, sadly.")
    rules_before = FlagRule.objects.count()

    response = admin_client.post(
        "/moderation/rules/new/", {**RULE, "name": "", "dry_run": "1", "dry_run_posts": "500"}
    )

    page = _page(response)
    assert response.status_code == 200
    # The seeded article has two comments too; neither mentions a miracle cream.
    assert "would flag 2 of 5 recent posts" in page
    assert "<mark>miracle cream</mark>" in page and "<mark>MIRACLE CREAM</mark>" in page
    assert FlagRule.objects.count() == rules_before


def test_a_dry_run_of_a_bad_pattern_shows_the_error_and_runs_nothing(admin_client):
    response = admin_client.post(
        "/moderation/rules/new/",
        {**RULE, "matcher": "pattern", "pattern": "(oops", "dry_run": "1"},
    )

    assert response.status_code == 400
    assert "not valid RE2 syntax" in _page(response) and "Test result" not in _page(response)


# --- Treatments --------------------------------------------------------------------------------


def test_an_admin_manages_the_treatment_lexicon(admin_client):
    listing = _page(admin_client.get("/moderation/treatments/"))
    assert "homeopathy" in listing and "Unproven" in listing

    admin_client.post(
        "/moderation/treatments/new/",
        {"name": "turmeric paste", "synonyms": "curcumin paste", "status": "unproven",
         "enabled": "on"},
    )  # fmt: skip
    treatment = Treatment.objects.get(name="turmeric paste")
    admin_client.post(
        f"/moderation/treatments/{treatment.pk}/",
        {"name": "turmeric paste", "synonyms": "", "status": "investigational", "enabled": "on"},
    )
    treatment.refresh_from_db()
    assert treatment.status == "investigational"
    admin_client.post(f"/moderation/treatments/{treatment.pk}/delete/")

    assert not Treatment.objects.filter(name="turmeric paste").exists()
    assert AuditEntry.objects.filter(action__startswith="treatment.").count() == 3


def test_a_duplicate_treatment_is_a_form_error(admin_client):
    response = admin_client.post(
        "/moderation/treatments/new/", {"name": "homeopathy", "status": "unproven"}
    )

    assert response.status_code == 400
    assert "already exists" in _page(response)


# --- The audit log -----------------------------------------------------------------------------


def test_the_audit_log_lists_a_decision_and_filters_by_kind(admin_client, admin_user, flagged_case):
    admin_client.post(
        f"/moderation/cases/{flagged_case.pk}/decide/",
        {"action": "remove", "reason": "Unverified treatment claim"},
    )

    page = _page(admin_client.get("/moderation/audit/"))
    rules_only = _page(admin_client.get("/moderation/audit/", {"action": "rule."}))

    entries = re.findall(r"<li>\s*<p class=\"audit-head\">.*?</li>", page, re.S)
    entry = next(e for e in entries if "<code>case.remove</code>" in e)
    assert admin_user.public_name in entry
    assert f'href="/moderation/cases/{flagged_case.pk}/">case {flagged_case.pk}</a>' in entry
    assert "Reason: Unverified treatment claim" in entry
    assert "<dt>status</dt><dd>decided</dd>" in entry
    post_entry = next(e for e in entries if "<code>post.removed</code>" in e)
    assert (
        "<dt>state</dt><dd>held</dd>" in post_entry
        and "<dt>state</dt><dd>removed</dd>" in post_entry
    )
    assert "case.remove" not in rules_only and "Nothing recorded of this kind yet." in rules_only
