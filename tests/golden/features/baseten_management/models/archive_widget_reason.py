from .._enums import OpenStrEnum


class ArchiveWidgetReason(OpenStrEnum):
    """The values the spec lists: `broken`, `old`. A value it does not list yet is accepted as a member of
    its own."""

    BROKEN = "broken"
    OLD = "old"
