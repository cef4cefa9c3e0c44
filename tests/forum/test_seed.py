from datetime import datetime

from django.core.management import call_command
from django.utils import timezone

from forum import seeding
from forum.models import Article, Category, Post, User
from forum.roles import is_admin, is_moderator


def test_seed_loads_the_article_and_the_two_comments_as_published(db):
    article = seeding.seed_article()

    assert article.title == "Calcinosis"
    assert [p.number for p in article.pages.all()] == [1, 2]
    assert "formation of calcium deposits" in article.pages.get(number=1).body
    assert "- Calciphylaxis" in article.pages.get(number=2).body
    first, second = Post.objects.filter(thread=article.thread).order_by("number")
    local = timezone.get_current_timezone()
    assert (first.number, first.author.public_name, first.score) == (1, "Balasubramanian", 0)
    assert first.created_at.astimezone(local).replace(tzinfo=None) == datetime(2013, 4, 1, 23, 27)
    assert "ph# 040-23733200" in first.body
    assert (second.number, second.author.public_name, second.score) == (2, "Liz", 1)
    assert second.created_at.astimezone(local).replace(tzinfo=None) == datetime(2014, 4, 10, 20, 58)
    assert second.body.startswith("I had to contact hospice today")
    assert not first.author.has_usable_password()


def test_seed_is_idempotent_and_keeps_later_changes(db):
    article = seeding.seed_article()
    Post.objects.filter(number=2, thread=article.thread).update(body="edited by Liz")

    seeding.seed_article()
    seeding.seed_categories()
    seeding.seed_categories()

    assert Article.objects.count() == 1
    assert Post.objects.count() == 2
    assert Post.objects.get(number=2).body == "edited by Liz"
    assert Category.objects.count() == 3
    article.thread.refresh_from_db()
    assert article.thread.next_number == 3


def test_seed_command_prints_the_demo_logins_with_their_roles(db, capsys):
    call_command("seed", "--demo-accounts")
    call_command("seed", "--demo-accounts")

    out = capsys.readouterr().out
    assert "username: member" in out and "password: calcinosis-member" in out
    member = User.objects.get(username="member")
    moderator = User.objects.get(username="moderator")
    admin = User.objects.get(username="admin")
    assert member.check_password("calcinosis-member")
    assert not is_moderator(member)
    assert is_moderator(moderator) and not is_admin(moderator)
    assert is_admin(admin)


def test_seed_without_demo_flag_creates_no_logins(db):
    call_command("seed")

    assert not User.objects.filter(username__in=["member", "moderator", "admin"]).exists()
