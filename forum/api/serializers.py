"""Shapes of the API. Serializers check shape; the rules (who may edit, vote values, limits that
are business rules) are enforced by forum.services so that every door says the same."""

from django.conf import settings
from rest_framework import serializers

from forum import markup, selectors
from forum.models import Article, ArticlePage, Category, Post, Thread, User


class AuthorSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="public_name", read_only=True)

    class Meta:
        model = User
        fields = ["username", "name"]


class ArticlePageSerializer(serializers.ModelSerializer):
    body_html = serializers.SerializerMethodField()

    class Meta:
        model = ArticlePage
        fields = ["number", "title", "body", "body_html"]

    def get_body_html(self, page: ArticlePage) -> str:
        return markup.render(page.body)


class ArticleSerializer(serializers.ModelSerializer):
    thread = serializers.IntegerField(source="thread_id", read_only=True)
    pages = ArticlePageSerializer(many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "published_at",
            "attribution",
            "attribution_url",
            "thread",
            "url",
            "pages",
            "more_articles",
        ]


class ArticleListSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = ["slug", "title", "published_at", "thread", "url"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["slug", "name", "description"]


class ThreadSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField(
        help_text="The title as you may read it (contact details masked if moderation did so)."
    )
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author = AuthorSerializer(read_only=True)
    post_count = serializers.IntegerField(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Thread
        fields = [
            "id",
            "title",
            "category",
            "author",
            "created_at",
            "last_posted_at",
            "post_count",
            "url",
        ]

    def get_title(self, thread: Thread) -> str:
        request = self.context.get("request")
        if request is None:
            return thread.display_title
        return selectors.thread_title_for(thread=thread, user=request.user)


class ThreadCreateSerializer(serializers.Serializer):
    category = serializers.SlugRelatedField(slug_field="slug", queryset=Category.objects.all())
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=settings.FORUM_POST_MAX_LENGTH)


class PostSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    parent = serializers.SerializerMethodField(
        help_text="Id of the post this one replies to, if you may see it (else null)."
    )
    body = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()
    my_vote = serializers.IntegerField(read_only=True, allow_null=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Post
        fields = [
            "id",
            "thread",
            "number",
            "parent",
            "author",
            "body",
            "body_html",
            "revision",
            "created_at",
            "edited_at",
            "score",
            "my_vote",
            "moderation_state",
            "url",
        ]
        read_only_fields = fields

    def get_parent(self, post: Post) -> int | None:
        visible = getattr(post, "parent_visible", False)
        return post.parent_id if post.parent_id and visible else None

    def _body_for_reader(self, post: Post) -> str:
        return selectors.post_body_for(post=post, user=self.context["request"].user)

    def get_body(self, post: Post) -> str:
        return self._body_for_reader(post)

    def get_body_html(self, post: Post) -> str:
        return markup.render(self._body_for_reader(post))


class PostCreateSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=settings.FORUM_POST_MAX_LENGTH,
        help_text=f"Plain text with light Markdown, at most {settings.FORUM_POST_MAX_LENGTH} "
        "characters.",
    )
    parent = serializers.IntegerField(
        required=False, allow_null=True, help_text="Id of the post this one replies to."
    )


class PostEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=settings.FORUM_POST_MAX_LENGTH)


class VoteSerializer(serializers.Serializer):
    value = serializers.IntegerField(help_text="+1 (up), -1 (down) or 0 (take back your vote).")


class VoteResultSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    my_vote = serializers.IntegerField()


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
