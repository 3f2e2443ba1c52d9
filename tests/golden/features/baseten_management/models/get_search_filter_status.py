from .._enums import OpenStrEnum


class GetSearchFilterStatus(OpenStrEnum):
    """The values the spec lists: `ACTIVE`, `INACTIVE`. A value it does not list yet is accepted as a
    member of its own."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
