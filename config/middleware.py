"""Refuse, with a 400 that says why, addresses no view can answer: a NUL character (%00) or a lone
UTF-16 surrogate in the path or in a query parameter. Views look such values up in the database
(an article slug, the audit log's action filter, a category), and PostgreSQL cannot compare text
with a NUL in it: without this, each of those doors would be a server error.

The API answers in its own error shape (`{"action": ["Null characters are not allowed."]}`, or
`{"detail": "..."}` for the path); pages answer with the site's plain 400 page. Request bodies are
checked by the API's parsers (forum.api.parsers) and by the forms' own validators.

A session cookie with a NUL in it (a quoted cookie may spell one as "\\000") is no session the
site ever gave: it is ignored, as if absent, and the response clears it. Refusing the request
instead would lock the browser out of every page until its owner found the cookie."""

from importlib import import_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from forum.api.parsers import text_problem

API_PREFIX = "/api/"  # where config/urls.py mounts the API


class UnreadableRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self.forget_unreadable_session(request)
        return self.refusal(request) or self.get_response(request)

    def forget_unreadable_session(self, request: HttpRequest) -> None:
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if key is not None and text_problem(key) is not None and hasattr(request, "session"):
            # Nothing has read the session yet (request.user is lazy): an empty one replaces it,
            # and SessionMiddleware deletes the cookie of an empty session.
            request.session = import_module(settings.SESSION_ENGINE).SessionStore()

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        api = request.path_info.startswith(API_PREFIX)
        problem = text_problem(request.path_info)
        if problem is not None:
            return self.respond(request, api, None, problem)
        for name, values in request.GET.lists():
            problem = text_problem(name)
            if problem is not None:
                return self.respond(request, api, None, problem, in_query=True)
            for value in values:
                problem = text_problem(value)
                if problem is not None:
                    return self.respond(request, api, name, problem)
        return None

    def respond(
        self,
        request: HttpRequest,
        api: bool,
        parameter: str | None,
        problem: str,
        in_query: bool = False,
    ) -> HttpResponse:
        if api:
            if parameter is not None:
                return JsonResponse({parameter: [problem]}, status=400)
            where = "A query parameter's name" if in_query else "The address"
            return JsonResponse({"detail": f"{where} is refused. {problem}"}, status=400)
        if parameter is not None:
            where = f"The value of “{parameter}” in the address"
        elif in_query:
            where = "A parameter name in the address"
        else:
            where = "The address"
        explanation = f"{where} contains a character that no page here uses. {problem}"
        return render(request, "400.html", {"problem": explanation}, status=400)
