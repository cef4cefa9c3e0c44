from html.parser import HTMLParser

import pytest

from forum.markup import ALLOWED_TAGS, render


class _Elements(HTMLParser):
    """The real elements and attributes of rendered HTML (escaped text is not an element)."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        "[click](javascript:alert(1))",
        '<iframe src="https://evil.example"></iframe>',
        "<svg onload=alert(1)>",
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_nothing_a_member_writes_can_run_in_a_readers_browser(text):
    elements = _Elements(str(render(text))).elements

    for tag, attrs in elements:
        assert tag in ALLOWED_TAGS
        assert not any(name.startswith("on") or name == "style" for name in attrs)
        assert not attrs.get("href", "").lower().startswith("javascript")
    assert not any(tag in {"script", "img", "iframe", "svg"} for tag, _ in elements)


def test_raw_html_is_shown_as_text_not_dropped():
    html = str(render("I use <b>bold</b> tags"))

    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_light_markdown_is_rendered():
    html = str(render("*soft* and **hard** deposits\n\n- first\n- second"))

    assert "<em>soft</em>" in html
    assert "<strong>hard</strong>" in html
    assert "<li>first</li>" in html


def test_line_breaks_are_kept_like_a_comment_box():
    html = str(render("Dr. Someone,\nDirector"))

    assert "<br" in html


def test_links_are_marked_as_user_content():
    html = str(render("[sclero](https://sclero.org)"))

    assert 'href="https://sclero.org"' in html
    assert "nofollow" in html and "ugc" in html


def test_a_post_heading_never_outranks_the_page_title():
    assert "<h1" not in str(render("# Shouting"))
