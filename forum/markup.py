"""Light Markdown for user text, rendered safely.

Members write plain text with a little Markdown (emphasis, lists, quotes, links). Raw HTML is never
interpreted: markdown-it escapes it, and the result is passed through nh3 (the Ammonia sanitiser)
with a short allow-list, so nothing a member writes can run in another reader's browser."""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "h2",
    "h3",
    "h4",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "breaks": a new line in a post is a new line on the page, as people expect from a comment box.
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    md.disable(["image", "html_block", "html_inline"])
    return md


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
    )


def render(text: str) -> SafeString:
    """Markdown to sanitised HTML. Headings are demoted so a post never outranks the page's own."""
    html = _markdown().render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return mark_safe(sanitise_html(html))
