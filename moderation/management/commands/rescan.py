"""Scan posts again under the rules now in force (after an admin changed them), through the
workers or, with --now, in this process."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from forum.models import Post
from moderation import services, tasks


class Command(BaseCommand):
    help = "Scan recent posts again with the current rules (each post's current revision)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=30, help="Posts written or edited in the last N days."
        )
        parser.add_argument("--all", action="store_true", help="Every post, however old.")
        parser.add_argument(
            "--now", action="store_true", help="Scan here instead of enqueueing for the workers."
        )

    def handle(self, *args, days: int, all: bool, now: bool, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        posts = Post.objects.filter(deleted_at__isnull=True)
        if not all:
            since = timezone.now() - timedelta(days=days)
            posts = posts.filter(created_at__gte=since) | posts.filter(edited_at__gte=since)
        keys = list(posts.values_list("pk", "revision").order_by("pk"))
        for post_id, revision in keys:
            if now:
                services.post_scan(post_id=post_id, revision=revision)
            else:
                tasks.scan_post.delay(post_id, revision)
        verb = "Scanned" if now else "Enqueued scans of"
        self.stdout.write(f"{verb} {len(keys)} post(s).")
