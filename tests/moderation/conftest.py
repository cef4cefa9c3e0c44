import json
from datetime import timedelta

import pytest
from django.utils import timezone

from forum import seeding
from tests.factories import UserFactory

SEED = json.loads(seeding.SEED_FILE.read_text(encoding="utf-8"))
COMMENT_1 = SEED["comments"][0]["body"]
COMMENT_2 = SEED["comments"][1]["body"]


@pytest.fixture
def new_member(db):
    return UserFactory(username="newbie", display_name="Newbie")


@pytest.fixture
def established_member(db):
    return UserFactory(
        username="regular",
        display_name="Regular",
        date_joined=timezone.now() - timedelta(days=400),
    )
