from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from forum.models import (
    Article,
    ArticlePage,
    Category,
    Notification,
    Post,
    PostRevision,
    Thread,
    User,
    Vote,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Forum", {"fields": ("display_name", "is_demo")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "is_demo", "date_joined")


class ArticlePageInline(admin.StackedInline):
    model = ArticlePage
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "published_at")
    inlines = [ArticlePageInline]
    raw_id_fields = ("thread",)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ("title", "category", "author", "created_at", "last_posted_at")
    list_filter = ("category",)
    search_fields = ("title",)
    raw_id_fields = ("author",)


class PostRevisionInline(admin.TabularInline):
    model = PostRevision
    extra = 0
    readonly_fields = ("revision", "body", "created_at")
    can_delete = False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("__str__", "moderation_state", "revision", "score", "created_at", "deleted_at")
    list_filter = ("moderation_state",)
    search_fields = ("body", "author__username")
    raw_id_fields = ("thread", "author", "parent")
    readonly_fields = ("revision", "score", "imported_score")
    inlines = [PostRevisionInline]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("post", "user", "value", "created_at")
    raw_id_fields = ("post", "user")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "message", "created_at", "read_at")
    raw_id_fields = ("user", "post")
