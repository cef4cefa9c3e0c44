"""The forum's REST API. Views parse, call a service or selector, and serialise."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from forum import selectors, services
from forum.api import serializers as s
from forum.models import Post


class TokenApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=s.TokenRequestSerializer,
        responses={200: s.TokenSerializer, 400: OpenApiResponse(description="Missing field")},
        summary="Get an API token for a username and password",
    )
    def post(self, request):
        data = s.TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request, **data.validated_data)
        if user is None:
            raise AuthenticationFailed("Wrong username or password.")
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """The published articles; each names the thread that holds its comments."""

    lookup_field = "slug"

    def get_queryset(self):
        return selectors.article_list()

    def get_serializer_class(self):
        return s.ArticleListSerializer if self.action == "list" else s.ArticleSerializer


class ThreadViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Forum threads, most recently active first. The article's comment thread is reached by id
    (see /api/articles/{slug}/) and is not listed among forum threads."""

    serializer_class = s.ThreadSerializer
    lookup_value_regex = r"[0-9]+"  # anything else is a 404, not an error

    def get_queryset(self):
        if self.action == "list":
            return selectors.thread_list(user=self.request.user)
        return selectors.thread_annotated(user=self.request.user)

    @extend_schema(request=s.ThreadCreateSerializer, responses={201: s.ThreadSerializer})
    def create(self, request):
        data = s.ThreadCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        thread = services.thread_create(author=request.user, **data.validated_data)
        thread.post_count = 1
        return Response(
            s.ThreadSerializer(thread, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(methods=["GET"], responses={200: s.PostSerializer(many=True)})
    @extend_schema(
        methods=["POST"], request=s.PostCreateSerializer, responses={201: s.PostSerializer}
    )
    @action(detail=True, methods=["get", "post"], serializer_class=s.PostSerializer)
    def posts(self, request, pk=None):
        """The posts of a thread you can see, oldest first (GET), or a new post (POST)."""
        thread = selectors.thread_get(pk=pk, user=request.user)
        if request.method == "GET":
            page = self.paginate_queryset(selectors.post_list(user=request.user, thread=thread))
            return self.get_paginated_response(
                s.PostSerializer(page, many=True, context={"request": request}).data
            )
        data = s.PostCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        parent = None
        if data.validated_data.get("parent"):
            parent = (
                selectors.post_list(user=request.user, thread=thread)
                .filter(pk=data.validated_data["parent"])
                .first()
            )
            if parent is None:
                return Response(
                    {"parent": ["No post with this id in this thread."]},
                    status=status.HTTP_400_BAD_REQUEST,
                )
        post = services.post_create(
            thread=thread, author=request.user, body=data.validated_data["body"], parent=parent
        )
        post = selectors.post_get(user=request.user, pk=post.pk)
        return Response(
            s.PostSerializer(post, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    partial_update=extend_schema(request=s.PostEditSerializer, responses=s.PostSerializer),
    update=extend_schema(request=s.PostEditSerializer, responses=s.PostSerializer),
)
class PostViewSet(
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """One post: read it; its author edits (the revision number goes up) or deletes it."""

    serializer_class = s.PostSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.post_list(user=self.request.user)

    def update(self, request, pk=None, partial=False):
        post = self.get_object()
        data = s.PostEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.post_edit(post=post, editor=request.user, body=data.validated_data["body"])
        return Response(self.get_serializer(self.get_object()).data)

    def perform_destroy(self, instance: Post) -> None:
        services.post_delete(post=instance, user=self.request.user)

    @extend_schema(request=s.VoteSerializer, responses={200: s.VoteResultSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def vote(self, request, pk=None):
        """Vote +1 or -1 once per post; send another value to change it, 0 to take it back."""
        post = self.get_object()
        data = s.VoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = services.vote_set(post=post, user=request.user, value=data.validated_data["value"])
        return Response({"score": post.score, "my_vote": data.validated_data["value"]})
