from django.urls import include, path
from rest_framework.routers import SimpleRouter

from moderation.api import views

# SimpleRouter: no browsable root view, which would answer anonymous readers.
router = SimpleRouter()
router.register("rules", views.RuleViewSet, basename="moderation-rule")
router.register("treatments", views.TreatmentViewSet, basename="moderation-treatment")

moderation_patterns = [
    path("queue/", views.QueueApi.as_view(), name="moderation-queue"),
    path("queue/counts/", views.QueueCountsApi.as_view(), name="moderation-queue-counts"),
    path("cases/bulk/", views.CasesBulkDecideApi.as_view(), name="moderation-cases-bulk"),
    path("cases/<int:pk>/", views.CaseDetailApi.as_view(), name="moderation-case"),
    path("cases/<int:pk>/decide/", views.CaseDecideApi.as_view(), name="moderation-case-decide"),
    path("cases/<int:pk>/claim/", views.CaseClaimApi.as_view(), name="moderation-case-claim"),
    path("cases/<int:pk>/unclaim/", views.CaseUnclaimApi.as_view(), name="moderation-case-unclaim"),
    path("audit/", views.AuditLogApi.as_view(), name="moderation-audit"),
    *router.urls,
]

urlpatterns = [
    path("posts/<int:pk>/report/", views.ReportCreateApi.as_view(), name="post-report"),
    path("moderation/", include(moderation_patterns)),
]
