from django.contrib import admin

from moderation import services
from moderation.models import FlagRule, Report, RulesetVersion, Treatment


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("post", "reporter", "reason", "created_at")
    list_filter = ("reason",)
    raw_id_fields = ("post", "reporter")

    # Reports are readers' words and count towards hiding a post: read them here, never edit.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ThroughServicesAdmin(admin.ModelAdmin):
    """Saves and deletes go through moderation.services (subclasses say which), so an edit here
    is validated and versioned exactly like an edit through the API."""

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(FlagRule)
class FlagRuleAdmin(ThroughServicesAdmin):
    list_display = ("name", "matcher", "detector", "category", "kind", "threshold", "enabled")
    list_filter = ("matcher", "category", "enabled")
    search_fields = ("name", "description", "phrases", "pattern")
    readonly_fields = ("updated_at", "updated_by")

    def save_model(self, request, obj, form, change):
        services.rule_save(rule=obj, user=request.user)

    def delete_model(self, request, obj):
        services.rule_delete(rule=obj, user=request.user)


@admin.register(Treatment)
class TreatmentAdmin(ThroughServicesAdmin):
    list_display = ("name", "status", "enabled", "updated_at")
    list_filter = ("status", "enabled")
    search_fields = ("name", "synonyms")

    def save_model(self, request, obj, form, change):
        services.treatment_save(treatment=obj, user=request.user)

    def delete_model(self, request, obj):
        services.treatment_delete(treatment=obj, user=request.user)


@admin.register(RulesetVersion)
class RulesetVersionAdmin(admin.ModelAdmin):
    list_display = ("pk", "reason", "created_by", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
