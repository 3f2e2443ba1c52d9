"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .archive_widget_reason import ArchiveWidgetReason
    from .cat import Cat
    from .circle import Circle
    from .create_file_response_201 import CreateFileResponse201
    from .document import Document
    from .dog import Dog
    from .error import Error
    from .folder import Folder
    from .gadget import Gadget
    from .get_tree_response_200 import GetTreeResponse200
    from .nullable_colour import NullableColour
    from .owner import Owner
    from .pagination import Pagination
    from .priority import Priority
    from .rectangle import Rectangle
    from .replace_priorities_body import ReplacePrioritiesBody
    from .replace_priorities_response_200 import ReplacePrioritiesResponse200
    from .search_form import SearchForm
    from .shape import Shape
    from .timestamps import Timestamps
    from .tree_node import TreeNode
    from .upload_form import UploadForm
    from .widget import Widget
    from .widget_input import WidgetInput
    from .widget_labels import WidgetLabels
    from .widget_mode import WidgetMode
    from .widget_page import WidgetPage
    from .widget_patch import WidgetPatch
    from .widget_scores import WidgetScores

# Public name -> the module that defines it, imported on first access.
_MODULES: dict[str, str] = {
    "ArchiveWidgetReason": ".archive_widget_reason",
    "Cat": ".cat",
    "Circle": ".circle",
    "CreateFileResponse201": ".create_file_response_201",
    "Document": ".document",
    "Dog": ".dog",
    "Error": ".error",
    "Folder": ".folder",
    "Gadget": ".gadget",
    "GetTreeResponse200": ".get_tree_response_200",
    "NullableColour": ".nullable_colour",
    "Owner": ".owner",
    "Pagination": ".pagination",
    "Priority": ".priority",
    "Rectangle": ".rectangle",
    "ReplacePrioritiesBody": ".replace_priorities_body",
    "ReplacePrioritiesResponse200": ".replace_priorities_response_200",
    "SearchForm": ".search_form",
    "Shape": ".shape",
    "Timestamps": ".timestamps",
    "TreeNode": ".tree_node",
    "UploadForm": ".upload_form",
    "Widget": ".widget",
    "WidgetInput": ".widget_input",
    "WidgetLabels": ".widget_labels",
    "WidgetMode": ".widget_mode",
    "WidgetPage": ".widget_page",
    "WidgetPatch": ".widget_patch",
    "WidgetScores": ".widget_scores",
}

__all__ = (
    "ArchiveWidgetReason",
    "Cat",
    "Circle",
    "CreateFileResponse201",
    "Document",
    "Dog",
    "Error",
    "Folder",
    "Gadget",
    "GetTreeResponse200",
    "NullableColour",
    "Owner",
    "Pagination",
    "Priority",
    "Rectangle",
    "ReplacePrioritiesBody",
    "ReplacePrioritiesResponse200",
    "SearchForm",
    "Shape",
    "Timestamps",
    "TreeNode",
    "UploadForm",
    "Widget",
    "WidgetInput",
    "WidgetLabels",
    "WidgetMode",
    "WidgetPage",
    "WidgetPatch",
    "WidgetScores",
)


# Hidden from type checkers: a module-level __getattr__ would make any name pass, a misspelt model included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
