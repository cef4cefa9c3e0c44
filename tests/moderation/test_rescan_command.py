import io

import pytest
from django.core.management import CommandError, call_command

from forum import seeding
from moderation.models import Case, Scan

pytestmark = pytest.mark.django_db


def test_rescan_now_scans_the_seed_comments_and_opens_a_case_for_comment_1(db):
    seeding.seed_article()
    out = io.StringIO()

    call_command("rescan", "--all", "--now", stdout=out)

    assert "Scanned 2 post(s)." in out.getvalue()
    assert Scan.objects.count() == 2
    case = Case.objects.get()
    assert case.post.number == 1
    case.post.refresh_from_db()
    assert case.post.moderation_state == "redacted"  # an established member's contact details


def test_rescan_refuses_a_bad_day_count(db):
    with pytest.raises(CommandError, match="--days"):
        call_command("rescan", "--days", "0")
