from django.contrib import admin

from moderation.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("post", "reporter", "reason", "created_at")
    list_filter = ("reason",)
    raw_id_fields = ("post", "reporter")
