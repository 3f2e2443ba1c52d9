from .._enums import OpenStrEnum


class NullableColour(OpenStrEnum):
    """The values the spec lists: `green`, `red`. A value it does not list yet is accepted as a member of
    its own."""

    GREEN = "green"
    RED = "red"
