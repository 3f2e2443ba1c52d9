from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from .._read import binary_payload, expected, field_error, item_error, read_int, unknown_field
from .._wire import json_file
from ..types import UNSET, File, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class UploadForm:
    """The `UploadForm` object.

    Attributes:
        file (File):
        description (str):
        priority (int | Unset):
        public (bool | Unset):
        labels (list[str] | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    file: File
    description: str
    priority: int | Unset = UNSET
    public: bool | Unset = UNSET
    labels: list[str] | Unset = UNSET
    # Made on first use (the additional_properties property): most instances hold no undeclared key, and an
    # empty dict apiece is memory kept for nothing.
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, repr=False, eq=no_extra_is_empty
    )

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_file = json_file(self.file, "file")

        f_description = self.description

        f_priority = self.priority

        f_public = self.public

        f_labels: list[str] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            f_labels = self.labels

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["file"] = f_file
        out["description"] = f_description
        if f_priority is not UNSET:
            out["priority"] = f_priority
        if f_public is not UNSET:
            out["public"] = f_public
        if f_labels is not UNSET:
            out["labels"] = f_labels
        return out

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(
            (
                "description",
                (
                    None,
                    self.description.encode()
                    if isinstance(self.description, str)
                    else json.dumps(self.description).encode(),
                    "text/plain" if isinstance(self.description, str) else "application/json",
                ),
            )
        )

        if not isinstance(self.priority, Unset):
            files.append(("priority", (None, str(self.priority).encode(), "text/plain")))

        if not isinstance(self.public, Unset):
            files.append(("public", (None, b"true" if self.public else b"false", "text/plain")))

        if not isinstance(self.labels, Unset):
            for labels_item_element in self.labels:
                files.append(
                    (
                        "labels",
                        (
                            None,
                            labels_item_element.encode()
                            if isinstance(labels_item_element, str)
                            else json.dumps(labels_item_element).encode(),
                            "text/plain" if isinstance(labels_item_element, str) else "application/json",
                        ),
                    )
                )

        for prop_name, prop in (self._additional_properties or {}).items():
            files.append(
                (
                    prop_name,
                    (
                        None,
                        prop.encode() if isinstance(prop, str) else json.dumps(prop).encode(),
                        "text/plain" if isinstance(prop, str) else "application/json",
                    ),
                )
            )

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "file"
            f_file = src_dict["file"]
            f_file = f_file if isinstance(f_file, File) else File(payload=binary_payload(f_file))
            field = "description"
            f_description = src_dict["description"]
            if not isinstance(f_description, str):
                raise expected("a string", f_description)
            field = "priority"
            f_priority = src_dict.get("priority", UNSET)
            if f_priority is not UNSET:
                if type(f_priority) is not int:
                    f_priority = read_int(f_priority)
            field = "public"
            f_public = src_dict.get("public", UNSET)
            if f_public is not UNSET:
                if type(f_public) is not bool:
                    raise expected("a boolean", f_public)
            field = "labels"
            f_labels = src_dict.get("labels", UNSET)
            if f_labels is not UNSET:
                if not isinstance(f_labels, list):
                    raise expected("an array", f_labels)
                f_labels_labels_item_read: list[Any] = []
                try:
                    for labels_item in f_labels:
                        if not isinstance(labels_item, str):
                            raise expected("a string", labels_item)

                        f_labels_labels_item_read.append(labels_item)
                except (KeyError, TypeError, ValueError, AttributeError) as labels_item_error:
                    raise item_error(len(f_labels_labels_item_read), labels_item_error) from labels_item_error
                f_labels = f_labels_labels_item_read
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "UploadForm") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_file,
            f_description,
            f_priority,
            f_public,
            f_labels,
        )
        if len(src_dict) > 2 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "UploadForm")
            model._additional_properties = {key: value for key, value in src_dict.items() if key not in _DECLARED}
        return model

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the server sent that the spec does not declare; set one to send it."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional_properties = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional_properties or ())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in (self._additional_properties or ())


# The mapping a caller may give in place of UploadForm (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class UploadFormDict(TypedDict, total=False):
    file: Required[Any]
    description: Required[str]
    priority: NotRequired[int]
    public: NotRequired[bool]
    labels: NotRequired[list[str]]


UploadFormDict.__doc__ = """The mapping a caller may give in place of `UploadForm`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"file", "description", "priority", "public", "labels"})
