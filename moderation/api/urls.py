from django.urls import path

from moderation.api import views

urlpatterns = [
    path("posts/<int:pk>/report/", views.ReportCreateApi.as_view(), name="post-report"),
]
