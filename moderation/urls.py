from django.urls import path

from moderation import views

app_name = "moderation"
urlpatterns = [
    path("posts/<int:pk>/report/", views.report_post, name="report"),
    # Moderators and admins (config/urls.py mounts this module at the site's root).
    path("moderation/", views.queue, name="queue"),
    path("moderation/bulk/", views.queue_bulk, name="bulk"),
    path("moderation/cases/<int:pk>/", views.case_detail, name="case"),
    path("moderation/cases/<int:pk>/decide/", views.case_decide, name="decide"),
    path("moderation/cases/<int:pk>/claim/", views.case_claim, name="claim"),
    path("moderation/cases/<int:pk>/unclaim/", views.case_unclaim, name="unclaim"),
    # Admins only.
    path("moderation/rules/", views.rules, name="rules"),
    path("moderation/rules/new/", views.rule_edit, name="rule_create"),
    path("moderation/rules/<int:pk>/", views.rule_edit, name="rule_edit"),
    path("moderation/rules/<int:pk>/toggle/", views.rule_toggle, name="rule_toggle"),
    path("moderation/rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
    path("moderation/treatments/", views.treatments, name="treatments"),
    path("moderation/treatments/new/", views.treatment_edit, name="treatment_create"),
    path("moderation/treatments/<int:pk>/", views.treatment_edit, name="treatment_edit"),
    path("moderation/treatments/<int:pk>/delete/", views.treatment_delete, name="treatment_delete"),
    path("moderation/audit/", views.audit, name="audit"),
]
