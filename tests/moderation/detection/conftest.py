"""Shared fixtures for the detection engine tests (pure Python, no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent

# The seed comments as the forum ships them: #2 is a carer's account of her mother's last
# weeks (ages, years, "contact hospice", advice to seek pain management) and must be clean.
SEED_DATA = HERE.parents[2] / "forum" / "data" / "calcinosis.json"


def _seed_comment(index: int) -> str:
    return json.loads(SEED_DATA.read_text(encoding="utf-8"))["comments"][index]["body"]


@pytest.fixture(scope="session")
def seed_comment_1() -> str:
    return _seed_comment(0)


@pytest.fixture(scope="session")
def seed_comment_2() -> str:
    return _seed_comment(1)
