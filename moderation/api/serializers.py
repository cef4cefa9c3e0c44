from rest_framework import serializers

from moderation.models import Report, ReportReason


class ReportCreateSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=ReportReason.choices,
        error_messages={
            "invalid_choice": "“{input}” is not a reason; choose "
            + ", ".join(ReportReason.values)
            + "."
        },
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "post", "reason", "note", "created_at"]
