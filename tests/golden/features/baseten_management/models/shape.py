from .._enums import OpenStrEnum


class Shape(OpenStrEnum):
    """The values the spec lists: `circle`, `hyphen-ated`, `Mixed Case`, `square`. A value it does not list
    yet is accepted as a member of its own."""

    CIRCLE = "circle"
    HYPHEN_ATED = "hyphen-ated"
    MIXED_CASE = "Mixed Case"
    SQUARE = "square"
