from django import template

from forum import markup, selectors

register = template.Library()


@register.filter
def signed(value: int) -> str:
    """+1, 0, -1: a score reads as the original page showed it."""
    return f"+{value}" if value > 0 else str(value)


@register.simple_tag
def post_body(post, user):
    """The post's text as this reader may see it, rendered."""
    return markup.render(selectors.post_body_for(post=post, user=user))


@register.simple_tag
def markdown(text: str):
    return markup.render(text)


@register.simple_tag
def thread_title(thread, user):
    """The thread's title as this reader may see it."""
    return selectors.thread_title_for(thread=thread, user=user)
