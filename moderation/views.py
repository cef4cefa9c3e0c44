from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from forum import selectors as forum_selectors
from forum.forms import add_service_errors
from moderation import services
from moderation.forms import ReportForm


@login_required
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Report to administrator": a short form, then back to the post with a thank-you."""
    post = forum_selectors.post_get(user=request.user, pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            if "post" in getattr(error, "message_dict", {}):
                # Already reported or their own post: not a form mistake, just say so.
                messages.info(request, " ".join(error.message_dict["post"]))
                return redirect(post)
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Thank you. Your report was sent to the moderators, who will look at it."
            )
            return redirect(post)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "moderation/report_form.html", {"form": form, "post": post}, status=status
    )
