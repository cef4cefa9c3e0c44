"""End-to-end latency of the moderation pipeline: members post, real Celery workers on Redis scan,
and the time from a post's commit to its scan is measured.

    REDIS_URL=redis://127.0.0.1:6379/0 python manage.py bench_pipeline --posts 300 --workers 2

It starts its own worker processes, posts from a bench account into a bench thread, waits for
every scan, prints the figures (optionally into docs/benchmarks.md) and deletes what it created.
"""

import os
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from forum import services as forum_services
from forum.models import Category, Post, Thread, User
from moderation.benchmarks import load_corpus, write_section
from moderation.models import Case, Scan


class Command(BaseCommand):
    help = "Measure post-to-scan latency through real Celery workers on Redis."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=300, help="Posts in each phase.")
        parser.add_argument(
            "--rate", type=float, default=10, help="Posts per second in the latency phase."
        )
        parser.add_argument("--workers", type=int, default=2, help="Worker processes (prefork).")
        parser.add_argument("--corpus", type=Path, default=Path("tests/data/corpus.jsonl"))
        parser.add_argument("--timeout", type=float, default=300, help="Seconds to wait at most.")
        parser.add_argument("--write", type=Path, help="Write the results into this Markdown file")
        parser.add_argument(
            "--prepare",
            action="store_true",
            help="Create the PostgreSQL database if it is missing, and migrate it.",
        )

    def handle(
        self,
        *args,
        posts: int,
        rate: float,
        workers: int,
        corpus: Path,
        timeout: float,
        write,
        **kw,
    ):
        if not settings.CELERY_BROKER_URL.startswith("redis"):
            raise CommandError("Set REDIS_URL: this benchmark measures the Redis pipeline.")
        if posts < 1 or workers < 1:
            raise CommandError("--posts and --workers must be 1 or more.")
        if not corpus.exists():
            raise CommandError(f"No corpus at {corpus}.")
        if kw.get("prepare"):
            _prepare_database()
        texts = [row["text"] for row in load_corpus(corpus)]
        author, thread = self._bench_place()
        worker = self._start_workers(workers)
        try:
            # Warm-up, not measured: every pool process has imported and trained the engine.
            self._phase(author, thread, texts, 10 * workers, 0, timeout)
            steady = self._phase(author, thread, texts, posts, rate, timeout)
            burst = self._phase(author, thread, texts, posts, 0, timeout)
            cases = Case.objects.filter(post__thread=thread).count()
        finally:
            self._stop(worker)
            self._clean(author, thread)
        body = self._report(steady, burst, rate, workers, cases)
        self.stdout.write(body)
        if write:
            write_section(
                write,
                body,
                name="bench-pipeline",
                heading="Moderation pipeline (`make bench-pipeline`)",
            )
            self.stdout.write(f"Written to {write}")

    def _phase(self, author, thread, texts, posts: int, rate: float, timeout: float):
        """Post `posts` texts (at `rate` per second, or as fast as possible when 0) and wait for
        every scan. Returns the latencies (seconds, sorted) and the phase's duration."""
        started = time.monotonic()
        created = []
        for n in range(posts):
            if rate:
                time.sleep(max(0.0, started + n / rate - time.monotonic()))
            post = forum_services.post_create(
                thread=thread, author=author, body=texts[n % len(texts)]
            )
            created.append((post.pk, time.time()))
        ids = [pk for pk, _ in created]
        deadline = time.monotonic() + timeout
        while Scan.objects.filter(post_id__in=ids).count() < len(ids):
            if time.monotonic() > deadline:
                raise CommandError("Not every post was scanned in time; is Redis reachable?")
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        scanned_at = dict(Scan.objects.filter(post_id__in=ids).values_list("post_id", "created_at"))
        return sorted(scanned_at[pk].timestamp() - at for pk, at in created), elapsed

    def _bench_place(self) -> tuple[User, Thread]:
        category, _ = Category.objects.get_or_create(
            slug="bench-pipeline", defaults={"name": "Benchmark (temporary)"}
        )
        author, _ = User.objects.get_or_create(username="bench-pipeline-member")
        # An established member: the figures then include redactions, not only holds.
        User.objects.filter(pk=author.pk).update(date_joined=datetime(2000, 1, 1, tzinfo=UTC))
        author.refresh_from_db()
        thread = Thread.objects.create(category=category, title="Pipeline benchmark", author=author)
        return author, thread

    def _start_workers(self, workers: int) -> subprocess.Popen:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=prefork",
                f"--concurrency={workers}",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--queues",
                settings.CELERY_TASK_DEFAULT_QUEUE,
            ],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]},
            start_new_session=True,
        )
        time.sleep(1)
        if process.poll() is not None:
            raise CommandError("The Celery worker did not start.")
        return process

    def _stop(self, process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)

    def _clean(self, author: User, thread: Thread) -> None:
        Post.objects.filter(thread=thread).delete()
        category = thread.category
        thread.delete()
        category.delete()
        author.delete()

    def _report(self, steady, burst, rate: float, workers: int, cases: int) -> str:
        def ms(value: float) -> str:
            return f"{value * 1000:,.0f} ms"

        latencies, _ = steady
        burst_latencies, burst_elapsed = burst
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        return (
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {connection.vendor} and Redis, "
            f"{workers} prefork worker process(es), {os.cpu_count()} CPU(s) shared by the "
            "poster, the workers, the database and Redis.\n\n"
            f"- Latency: {len(latencies)} posts from the development corpus at {rate:g} posts "
            f"per second, by an established member. From a post's commit to its scan in a "
            f"worker: median {ms(statistics.median(latencies))}, 95th percentile {ms(p95)}, "
            f"slowest {ms(latencies[-1])}.\n"
            f"- Throughput: {len(burst_latencies)} posts as fast as one process can post them; "
            f"all posted and scanned in {burst_elapsed:.1f} s "
            f"({len(burst_latencies) / burst_elapsed:,.0f} posts per second end to end); the last "
            f"scan came {ms(burst_latencies[-1])} after its post.\n"
            f"- {cases} of the {len(latencies) + len(burst_latencies) + 10 * workers} posts "
            f"({10 * workers} of them warm-up posts, not measured) opened a case.\n"
        )


def _prepare_database() -> None:
    """Create the configured PostgreSQL database if it does not exist, then migrate it."""
    from django.core.management import call_command
    from django.db import OperationalError

    try:
        connection.ensure_connection()
    except OperationalError as error:
        if connection.vendor != "postgresql" or "does not exist" not in str(error):
            raise CommandError(f"Cannot reach the database: {error}") from error
        import psycopg

        params = connection.get_connection_params()
        name = params.pop("dbname")
        with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)
