from django import forms

from moderation.models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this post?",
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a reason."},
    )
    note = forms.CharField(
        label="Anything the moderators should know? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
