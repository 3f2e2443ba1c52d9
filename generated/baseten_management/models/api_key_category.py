from enum import StrEnum


class APIKeyCategory(StrEnum):
    PERSONAL = "PERSONAL"
    WORKSPACE_EXPORT_METRICS = "WORKSPACE_EXPORT_METRICS"
    WORKSPACE_INVOKE = "WORKSPACE_INVOKE"
    WORKSPACE_MANAGE_ALL = "WORKSPACE_MANAGE_ALL"

    def __str__(self) -> str:
        return str(self.value)
