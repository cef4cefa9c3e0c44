"""Loads the article, its two reader comments as published, the forum's categories and (for a demo
installation) logins for a member, a moderator and an admin. Every step is idempotent: running it
again changes nothing that is already there, including members' edits to imported comments."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from forum.models import Article, ArticlePage, Category, Post, Thread, User
from forum.roles import Role, role_grant

SEED_FILE = Path(__file__).parent / "data" / "calcinosis.json"

CATEGORIES = [
    (
        "Living with calcinosis",
        "living-with-calcinosis",
        "Day-to-day life with calcium deposits: pain, wounds, work, hands and feet.",
    ),
    ("Caregivers", "caregivers", "For partners, children and friends who look after someone."),
    (
        "Treatments and research",
        "treatments-and-research",
        "What your care team suggested, what you have read, and questions for your doctor.",
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    role: Role
    username: str
    password: str


DEMO_LOGINS = (
    DemoLogin(Role.MEMBER, "member", "calcinosis-member"),
    DemoLogin(Role.MODERATOR, "moderator", "calcinosis-moderator"),
    DemoLogin(Role.ADMIN, "admin", "calcinosis-admin"),
)


def _aware(value: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(value))


@transaction.atomic
def seed_article(*, path: Path = SEED_FILE) -> Article:
    """The article with its pages, its comment thread and the imported comments."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spec = data["article"]
    article = Article.objects.filter(slug=spec["slug"]).select_related("thread").first()
    if article is None:
        thread = Thread.objects.create(title=spec["title"], created_at=_aware(spec["published_at"]))
        article = Article.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            published_at=_aware(spec["published_at"]),
            attribution=spec["attribution"],
            attribution_url=spec["attribution_url"],
            more_articles=spec["more_articles"],
            thread=thread,
        )
    for page in spec["pages"]:
        ArticlePage.objects.get_or_create(
            article=article,
            number=page["number"],
            defaults={"title": page["title"], "body": page["body"]},
        )
    thread = article.thread
    for comment in data["comments"]:
        created_at = _aware(comment["created_at"])
        author, created = User.objects.get_or_create(
            username=comment["author"]["username"],
            defaults={
                "display_name": comment["author"]["display_name"],
                "is_demo": True,
                "date_joined": created_at,
            },
        )
        if created:  # the original commenters cannot log in here
            author.set_unusable_password()
            author.save(update_fields=["password"])
        Post.objects.get_or_create(
            thread=thread,
            number=comment["number"],
            defaults={
                "author": author,
                "body": comment["body"],
                "created_at": created_at,
                "imported_score": comment["score"],
                "score": comment["score"],
            },
        )
    last = thread.posts.order_by("-number").first()
    if last is not None:
        Thread.objects.filter(pk=thread.pk, next_number__lte=last.number).update(
            next_number=last.number + 1, last_posted_at=max(thread.last_posted_at, last.created_at)
        )
    return article


def seed_categories() -> list[Category]:
    return [
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )[0]
        for position, (name, slug, description) in enumerate(CATEGORIES)
    ]


@transaction.atomic
def seed_demo_accounts() -> tuple[DemoLogin, ...]:
    """Demo logins with known passwords: for a local demo only, never for a public site."""
    for login in DEMO_LOGINS:
        user, created = User.objects.get_or_create(
            username=login.username, defaults={"is_demo": True, "email": ""}
        )
        if created:
            user.set_password(login.password)
            user.is_superuser = login.role == Role.ADMIN
            user.save()
            role_grant(user=user, role=login.role)
    return DEMO_LOGINS
