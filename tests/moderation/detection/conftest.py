"""Shared fixtures for the detection engine tests (pure Python, no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent

# The second seed comment, paraphrased from the article's comment thread: a carer's
# account with ages, years and advice to seek pain management. It must produce nothing.
SEED_COMMENT_2 = """Hi everyone, I'm Liz.

My mother was diagnosed with CREST 10 years ago and the calcinosis in her hands and elbows
became very painful over the last two years. She is 90 now; my aunt, who is 88, has it too.
Mum is in hospice care and the nurses have been wonderful about keeping her comfortable.

Please get treatment when it is available and don't delay asking for pain management.
There is no cure, but nobody should have to suffer with this pain.

Love to you all, Liz"""


@pytest.fixture(scope="session")
def seed_comment_1() -> str:
    return (HERE / "seed_comment_1.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_comment_2() -> str:
    return SEED_COMMENT_2
