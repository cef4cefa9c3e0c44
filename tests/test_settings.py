"""Settings read from the environment, checked in a fresh interpreter so the environment is the
one given here and not the test run's."""

import os
import subprocess
import sys

from tests.conftest import ROOT

PRINT_SITE_URL = "from django.conf import settings; print(settings.SITE_URL)"


def _site_url(**environ: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "PORT"}
    # An empty SITE_URL counts as not set, and keeps a developer's .env from setting it here.
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.local", "SITE_URL": "", **environ})
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SITE_URL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_site_url_follows_the_port_the_site_is_served_on():
    assert _site_url(PORT="8123") == "http://127.0.0.1:8123"


def test_site_url_defaults_to_port_8000():
    assert _site_url() == "http://127.0.0.1:8000"


def test_a_site_url_that_is_set_wins_over_the_port():
    assert _site_url(PORT="8123", SITE_URL="https://forum.example.org") == (
        "https://forum.example.org"
    )
