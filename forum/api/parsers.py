"""The API's request parsers: DRF's, refusing with a 400 what nothing behind them can hold.

- JSON nested deeper than any request of this API needs. Python's json module recurses once per
  level and fails with RecursionError (a server error) somewhere near a thousand levels; shallower
  but still absurd nesting would reach the same limit later, in validation or rendering.
- Strings with a lone UTF-16 surrogate (JSON "\\ud800"). They are not text: the error page that
  quotes them cannot be encoded, and PostgreSQL refuses to store them.
- NUL characters, which PostgreSQL cannot store in a text column (nor compare with one).

Each refusal is a ParseError (400) in the API's usual shape, naming the field at fault:
`{"reason": ["Null characters are not allowed."]}`, or `{"detail": "..."}` for the body as a
whole."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# The deepest request of this API is an object holding a list of strings (3 levels).
MAX_DEPTH = 32

NUL_MESSAGE = "Null characters are not allowed."
SURROGATE_MESSAGE = (
    "Contains {code}, half of a UTF-16 surrogate pair without its other half, which is not a "
    "character. Send the text as UTF-8, or as a complete \\uXXXX\\uXXXX pair."
)
DEPTH_MESSAGE = f"JSON parse error - the body is nested more than {MAX_DEPTH} levels deep."


def text_problem(text: str) -> str | None:
    """Why `text` cannot be accepted, or None when it can."""
    if "\x00" in text:
        return NUL_MESSAGE
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return SURROGATE_MESSAGE.format(code=f"\\u{ord(text[error.start]):04x}")
    return None


def _refuse(field: object, message: str) -> ParseError:
    # A field name that is itself not storable text cannot name the error.
    if isinstance(field, str) and text_problem(field) is None:
        return ParseError({field: [message]})
    return ParseError(message)


def check_json(data: object) -> None:
    """Raise ParseError if parsed JSON is too deep or holds a string that cannot be stored.

    Walks the data without recursion, so that checking cannot fail the way parsing did."""
    # Each item: a value, the top-level field it belongs to (None for the body itself), depth.
    pending: list[tuple[object, object, int]] = [(data, None, 1)]
    while pending:
        value, field, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ParseError(DEPTH_MESSAGE)
        if isinstance(value, dict):
            for key, item in value.items():
                problem = text_problem(key)
                if problem is not None:
                    raise ParseError(f"A field name is refused: {problem}")
                pending.append((item, key if field is None else field, depth + 1))
        elif isinstance(value, list):
            pending.extend((item, field, depth + 1) for item in value)
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                raise _refuse(field, problem)


def check_form(data) -> None:
    """Raise ParseError if a form field's name or value holds a NUL character. (Form bodies are
    decoded with replacement characters, so they never hold lone surrogates.)"""
    for key, values in data.lists():
        problem = text_problem(key)
        if problem is not None:
            raise ParseError(f"A field name is refused: {problem}")
        for value in values:
            problem = text_problem(value) if isinstance(value, str) else None
            if problem is not None:
                raise _refuse(key, problem)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(DEPTH_MESSAGE) from None
        check_json(data)
        return data


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        check_form(data)
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        check_form(parsed.data)
        return parsed
