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
    # The title is checked with the thread's first post; changing it here would skip the check.
    readonly_fields = ("title", "public_title", "author", "created_at", "next_number")

    def has_add_permission(self, request):
        return False


class PostRevisionInline(admin.TabularInline):
    model = PostRevision
    extra = 0
    readonly_fields = ("revision", "body", "created_at")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Posts to look up, never to change: a post's text, its moderation state and its revisions
    belong to its author and to moderation, whose pages and services audit and scan every change
    (an edit here would skip both). Moderators decide on the moderation pages."""

    list_display = ("__str__", "moderation_state", "revision", "score", "created_at", "deleted_at")
    list_filter = ("moderation_state",)
    search_fields = ("body", "author__username")
    inlines = [PostRevisionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("post", "user", "value", "created_at")
    raw_id_fields = ("post", "user")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "message", "created_at", "read_at")
    raw_id_fields = ("user", "post")
