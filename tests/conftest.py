"""Shared fixtures: members per role, API clients, the seeded article, and a real Celery worker on
real Redis.

REQUIRE_SERVICES=1 (set by .ci/run) turns "Redis is not here" and "this is not PostgreSQL" into
failures instead of skips, so CI cannot pass by skipping."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
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


class Worker:
    """A real `celery worker` process on real Redis, reading the test database."""

    def __init__(self, *, tmp_path: Path, pool: str, env: dict[str, str]):
        from config.celery import app

        self.app = app
        self.mail_dir = tmp_path / "mail"
        self.log_path = tmp_path / f"worker-{time.monotonic_ns()}.log"
        self.hostname = f"test-{os.getpid()}-{time.monotonic_ns()}@{os.uname().nodename}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _test_database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            **env,
        }
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                f"--pool={pool}",
                "--concurrency=1",
                "--loglevel=INFO",
                "--queues",
                settings.CELERY_TASK_DEFAULT_QUEUE,
                "--hostname",
                self.hostname,
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 45
        while not app.control.ping(destination=[self.hostname], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the Celery worker did not start:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text()

    def active_tasks(self) -> list[dict]:
        replies = self.app.control.inspect([self.hostname], timeout=1).active() or {}
        return replies.get(self.hostname, [])

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()


def _test_database_url() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"sqlite:///{connection.settings_dict['NAME']}"
    db = connection.settings_dict
    auth = db["USER"] or ""
    if db["PASSWORD"]:
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _default_rules() -> None:
    """The rules a fresh database has after `migrate`. A transactional test that runs after a
    live-server test may find them flushed (pytest-django does not restore them then)."""
    from moderation.defaults import defaults_load
    from moderation.models import FlagRule, RulesetVersion, Treatment

    defaults_load(
        flag_rule_model=FlagRule, treatment_model=Treatment, ruleset_version_model=RulesetVersion
    )


@pytest.fixture
def start_worker(transactional_db, redis_client, tmp_path):
    """Start real workers (`start_worker(pool="prefork", env={...})`); all are stopped after the
    test, and this run's queue is emptied."""
    _default_rules()
    workers: list[Worker] = []

    def start(*, pool: str = "solo", env: dict[str, str] | None = None) -> Worker:
        workers.append(Worker(tmp_path=tmp_path, pool=pool, env=env or {}))
        return workers[-1]

    yield start
    for worker in workers:
        worker.stop()
    redis_client.delete(settings.CELERY_TASK_DEFAULT_QUEUE)


@pytest.fixture
def celery_worker(start_worker):
    """One real worker (solo pool) for the test; yields the folder of its e-mails."""
    return start_worker().mail_dir


@contextmanager
def broker_down():
    """Point this process's Celery producer at a port where nothing listens, as if Redis were
    down, then put it back."""
    from config.celery import app

    saved = app.conf.broker_url, app._pool, app.amqp._producer_pool
    app.conf.broker_url, app._pool, app.amqp._producer_pool = "redis://127.0.0.1:1/0", None, None
    try:
        yield
    finally:
        app.conf.broker_url, app._pool, app.amqp._producer_pool = saved
