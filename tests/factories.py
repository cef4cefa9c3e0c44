import factory
from django.utils import timezone

from forum.models import Category, Post, Thread, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    """A post written straight to the database (no events, no tasks). Tests of behaviour go
    through forum.services instead."""

    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("paragraph")
    created_at = factory.LazyFunction(timezone.now)

    @factory.lazy_attribute
    def number(self):
        number = Thread.objects.get(pk=self.thread.pk).next_number
        Thread.objects.filter(pk=self.thread.pk).update(next_number=number + 1)
        return number
