from .._enums import OpenStrEnum


class APIKeyCategory(OpenStrEnum):
    """Enum representing the category of an API key.

    The values the spec lists: `PERSONAL`, `WORKSPACE_EXPORT_METRICS`, `WORKSPACE_INVOKE`,
    `WORKSPACE_MANAGE_ALL`. A value it does not list yet is accepted as a member of its own."""

    PERSONAL = "PERSONAL"
    WORKSPACE_EXPORT_METRICS = "WORKSPACE_EXPORT_METRICS"
    WORKSPACE_INVOKE = "WORKSPACE_INVOKE"
    WORKSPACE_MANAGE_ALL = "WORKSPACE_MANAGE_ALL"
