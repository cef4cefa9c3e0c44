from django.urls import path
from rest_framework.routers import DefaultRouter

from forum.api import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("threads", views.ThreadViewSet, basename="thread")
router.register("posts", views.PostViewSet, basename="post")

urlpatterns = [
    path("auth/token/", views.TokenApi.as_view(), name="token"),
    *router.urls,
]
