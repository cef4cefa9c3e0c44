"""The language a post is written in is recorded on its scan."""

import pytest

from moderation.models import Scan
from tests.utils import post_scanned

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("My hands have been sore all week, the cold does not help.", "en"),
        ("Mis manos están muy adoloridas esta semana por el frío.", "es"),
        ("मेरी उँगलियों में इस हफ्ते बहुत दर्द रहा, ठंड से और बढ़ जाता है।", "hi"),
        ("Thanks!", "und"),
    ],
)
def test_the_scan_records_the_language(article, established_member, body, expected):
    post = post_scanned(article.thread, established_member, body)
    assert Scan.objects.get(post=post, revision=post.revision).language == expected


def test_the_case_page_says_which_language(article, new_member, moderator):
    from moderation.models import Case
    from tests.utils import web_as

    body = "Mi madre se curó con estas hierbas, llame al +34 612 345 678."
    post = post_scanned(article.thread, new_member, body)
    case = Case.objects.get(post=post)
    page = web_as(moderator).get(f"/moderation/cases/{case.pk}/")
    assert page.status_code == 200
    assert "Written in Spanish." in page.content.decode()
