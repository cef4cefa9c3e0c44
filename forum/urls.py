from django.urls import path

from forum import views

app_name = "forum"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("forum/", views.forum_index, name="forum_index"),
    path("forum/<slug:slug>/", views.category_detail, name="category"),
    path("forum/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/post/", views.thread_post, name="thread_post"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("posts/<int:pk>/reply/", views.post_reply, name="post_reply"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/vote/", views.post_vote, name="post_vote"),
    path("notifications/", views.notifications, name="notifications"),
    path("accounts/register/", views.register, name="register"),
]
