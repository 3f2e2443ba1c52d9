from .._enums import OpenIntEnum


class Priority(OpenIntEnum):
    """The values the spec lists: `1`, `2`, `3`. A value it does not list yet is accepted as a member of
    its own."""

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3
