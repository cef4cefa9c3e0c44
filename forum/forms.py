from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError


class PostForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=settings.FORUM_POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Plain text. *Italic*, **bold**, lists and links work. Please don't post phone "
            "numbers, addresses or e-mail addresses."
        ),
        error_messages={"required": "Write something before posting."},
    )


class ThreadForm(PostForm):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Give your topic a title."}
    )
    field_order = ["title", "body"]


class RegisterForm(forms.Form):
    username = forms.CharField(
        max_length=150, help_text="Letters, digits and @ . + - _ only. You log in with it."
    )
    display_name = forms.CharField(
        label="Name shown on your posts",
        max_length=60,
        required=False,
        help_text="Optional. A first name is enough; we show your username otherwise.",
    )
    email = forms.EmailField(
        required=False,
        help_text="Optional. Only used to tell you about replies; never shown to anyone.",
    )
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput, strip=False)

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "The two passwords are not the same.")
        return data


def add_service_errors(
    form: forms.Form, error: ValidationError, field_map: dict[str, str] | None = None
) -> None:
    """Show a service's ValidationError on the form, on the field it names when the form has it."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            field = (field_map or {}).get(field, field)
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def add_refusal(form: forms.Form, error: PermissionDenied) -> None:
    """Show why a service refused to post (a suspension that began after the page was opened, a
    post removed meanwhile) on the form, instead of a bare 403 page: the text the member typed
    stays in front of them."""
    form.add_error(None, str(error) or "You can't post this.")
