"""Contains all the data models used in inputs/outputs"""

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    from .archive_widget_reason import ArchiveWidgetReason
    from .cat import Cat, CatDict
    from .circle import Circle, CircleDict
    from .create_file_response_201 import CreateFileResponse201, CreateFileResponse201Dict
    from .document import Document, DocumentDict
    from .dog import Dog, DogDict
    from .error import Error, ErrorDict
    from .folder import Folder, FolderDict
    from .gadget import Gadget, GadgetDict
    from .get_search_filter import GetSearchFilter, GetSearchFilterDict
    from .get_search_filter_status import GetSearchFilterStatus
    from .get_search_point import GetSearchPoint, GetSearchPointDict
    from .get_tree_response_200 import GetTreeResponse200, GetTreeResponse200Dict
    from .nullable_colour import NullableColour
    from .owner import Owner, OwnerDict
    from .pagination import Pagination, PaginationDict
    from .priority import Priority
    from .rectangle import Rectangle, RectangleDict
    from .replace_priorities_body import ReplacePrioritiesBody, ReplacePrioritiesBodyDict
    from .replace_priorities_response_200 import ReplacePrioritiesResponse200
    from .search_form import SearchForm, SearchFormDict
    from .shape import Shape
    from .timestamps import Timestamps, TimestampsDict
    from .tree_node import TreeNode, TreeNodeDict
    from .upload_form import UploadForm, UploadFormDict
    from .widget import Widget, WidgetDict
    from .widget_input import WidgetInput, WidgetInputDict
    from .widget_labels import WidgetLabels
    from .widget_mode import WidgetMode
    from .widget_page import WidgetPage, WidgetPageDict
    from .widget_patch import WidgetPatch, WidgetPatchDict
    from .widget_scores import WidgetScores

# Public name -> the module that defines it, imported on first access.
_MODULES: dict[str, str] = {
    "ArchiveWidgetReason": ".archive_widget_reason",
    "Cat": ".cat",
    "CatDict": ".cat",
    "Circle": ".circle",
    "CircleDict": ".circle",
    "CreateFileResponse201": ".create_file_response_201",
    "CreateFileResponse201Dict": ".create_file_response_201",
    "Document": ".document",
    "DocumentDict": ".document",
    "Dog": ".dog",
    "DogDict": ".dog",
    "Error": ".error",
    "ErrorDict": ".error",
    "Folder": ".folder",
    "FolderDict": ".folder",
    "Gadget": ".gadget",
    "GadgetDict": ".gadget",
    "GetSearchFilter": ".get_search_filter",
    "GetSearchFilterDict": ".get_search_filter",
    "GetSearchFilterStatus": ".get_search_filter_status",
    "GetSearchPoint": ".get_search_point",
    "GetSearchPointDict": ".get_search_point",
    "GetTreeResponse200": ".get_tree_response_200",
    "GetTreeResponse200Dict": ".get_tree_response_200",
    "NullableColour": ".nullable_colour",
    "Owner": ".owner",
    "OwnerDict": ".owner",
    "Pagination": ".pagination",
    "PaginationDict": ".pagination",
    "Priority": ".priority",
    "Rectangle": ".rectangle",
    "RectangleDict": ".rectangle",
    "ReplacePrioritiesBody": ".replace_priorities_body",
    "ReplacePrioritiesBodyDict": ".replace_priorities_body",
    "ReplacePrioritiesResponse200": ".replace_priorities_response_200",
    "SearchForm": ".search_form",
    "SearchFormDict": ".search_form",
    "Shape": ".shape",
    "Timestamps": ".timestamps",
    "TimestampsDict": ".timestamps",
    "TreeNode": ".tree_node",
    "TreeNodeDict": ".tree_node",
    "UploadForm": ".upload_form",
    "UploadFormDict": ".upload_form",
    "Widget": ".widget",
    "WidgetDict": ".widget",
    "WidgetInput": ".widget_input",
    "WidgetInputDict": ".widget_input",
    "WidgetLabels": ".widget_labels",
    "WidgetMode": ".widget_mode",
    "WidgetPage": ".widget_page",
    "WidgetPageDict": ".widget_page",
    "WidgetPatch": ".widget_patch",
    "WidgetPatchDict": ".widget_patch",
    "WidgetScores": ".widget_scores",
}

ReplacePrioritiesResponse200Dict: TypeAlias = Mapping[str, int]
"""The mapping a caller may give in place of `ReplacePrioritiesResponse200`: a free-form object, any keys, values in their JSON form."""
WidgetLabelsDict: TypeAlias = Mapping[str, str]
"""The mapping a caller may give in place of `WidgetLabels`: a free-form object, any keys, values in their JSON form."""
WidgetScoresDict: TypeAlias = Mapping[str, int]
"""The mapping a caller may give in place of `WidgetScores`: a free-form object, any keys, values in their JSON form."""

__all__ = (
    "ArchiveWidgetReason",
    "Cat",
    "CatDict",
    "Circle",
    "CircleDict",
    "CreateFileResponse201",
    "CreateFileResponse201Dict",
    "Document",
    "DocumentDict",
    "Dog",
    "DogDict",
    "Error",
    "ErrorDict",
    "Folder",
    "FolderDict",
    "Gadget",
    "GadgetDict",
    "GetSearchFilter",
    "GetSearchFilterDict",
    "GetSearchFilterStatus",
    "GetSearchPoint",
    "GetSearchPointDict",
    "GetTreeResponse200",
    "GetTreeResponse200Dict",
    "NullableColour",
    "Owner",
    "OwnerDict",
    "Pagination",
    "PaginationDict",
    "Priority",
    "Rectangle",
    "RectangleDict",
    "ReplacePrioritiesBody",
    "ReplacePrioritiesBodyDict",
    "ReplacePrioritiesResponse200",
    "ReplacePrioritiesResponse200Dict",
    "SearchForm",
    "SearchFormDict",
    "Shape",
    "Timestamps",
    "TimestampsDict",
    "TreeNode",
    "TreeNodeDict",
    "UploadForm",
    "UploadFormDict",
    "Widget",
    "WidgetDict",
    "WidgetInput",
    "WidgetInputDict",
    "WidgetLabels",
    "WidgetLabelsDict",
    "WidgetMode",
    "WidgetPage",
    "WidgetPageDict",
    "WidgetPatch",
    "WidgetPatchDict",
    "WidgetScores",
    "WidgetScoresDict",
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
