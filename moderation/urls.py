from django.urls import path

from moderation import views

app_name = "moderation"
urlpatterns = [
    path("posts/<int:pk>/report/", views.report_post, name="report"),
]
