"""Shared fixtures: members per role, API clients, the seeded article, and a real Celery worker on
real Redis.

REQUIRE_SERVICES=1 (set by .ci/run) turns "Redis is not here" and "this is not PostgreSQL" into
failures instead of skips, so CI cannot pass by skipping."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from forum import seeding
from forum.roles import Role, role_grant
from tests.factories import UserFactory

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
ROOT = Path(__file__).resolve().parent.parent


def pytest_report_header(config):
    db = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    redis = settings.REDIS_URL or "none (tests that need Redis are skipped)"
    return [f"database: {db}; redis: {redis}; services required: {REQUIRE_SERVICES}"]


@pytest.fixture(scope="session", autouse=True)
def _services_present(django_db_setup, django_db_blocker):
    if not REQUIRE_SERVICES:
        return
    from django.db import connection

    with django_db_blocker.unblock():
        vendor = connection.vendor
    if vendor != "postgresql":
        pytest.fail(f"REQUIRE_SERVICES=1 but the database is {vendor}; set DATABASE_URL.")
    if not settings.REDIS_URL:
        pytest.fail("REQUIRE_SERVICES=1 but REDIS_URL is not set.")


def _redis_or_skip():
    import redis

    if not settings.REDIS_URL:
        message = "needs Redis: set REDIS_URL"
    else:
        try:
            client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
            client.ping()
            return client
        except redis.RedisError as error:
            message = f"needs Redis at {settings.REDIS_URL}: {error}"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def redis_client():
    return _redis_or_skip()


@pytest.fixture
def member(db):
    return UserFactory(username="mary", display_name="Mary")


@pytest.fixture
def other_member(db):
    return UserFactory(username="omar", display_name="Omar")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="mod")
    role_grant(user=user, role=Role.MODERATOR)
    return user


@pytest.fixture
def admin_user(db):
    user = UserFactory(username="boss")
    role_grant(user=user, role=Role.ADMIN)
    return user


@pytest.fixture
def article(db):
    article = seeding.seed_article()
    seeding.seed_categories()
    return article


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def member_api(member):
    client = APIClient()
    client.force_authenticate(member)
    return client


@pytest.fixture
def celery_worker(transactional_db, redis_client, tmp_path):
    """A real `celery worker` process on real Redis, reading this test's database.

    Yields the folder where the worker's e-mails are written (file backend)."""
    from django.db import connection

    from config.celery import app

    db = dict(settings.DATABASES["default"])
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{connection.settings_dict['NAME']}"
    else:
        auth = db["USER"] or ""
        if db["PASSWORD"]:
            auth += f":{db['PASSWORD']}"
        database_url = (
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{connection.settings_dict['NAME']}"
        )
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    hostname = f"test-{os.getpid()}@%h"
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--loglevel=INFO",
            "--queues",
            settings.CELERY_TASK_DEFAULT_QUEUE,
            "--hostname",
            hostname,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(
            destination=[hostname.replace("%h", os.uname().nodename)], timeout=0.5
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    "the Celery worker did not start:\n" + (tmp_path / "worker.log").read_text()
                )
        yield mail_dir
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
        redis_client.delete(settings.CELERY_TASK_DEFAULT_QUEUE)
