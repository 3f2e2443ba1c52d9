from .._enums import OpenStrEnum


class WidgetMode(OpenStrEnum):
    """The values the spec lists: `fast`, `slow`. A value it does not list yet is accepted as a member of
    its own."""

    FAST = "fast"
    SLOW = "slow"
