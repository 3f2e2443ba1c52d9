from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, unknown_field
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class Folder:
    """Mutually recursive with Document.

    Attributes:
        name (str):
        documents (list[Document] | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    name: str
    documents: list[Document] | Unset = UNSET
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
        f_name = self.name

        f_documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            f_documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                f_documents.append(documents_item)

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["name"] = f_name
        if f_documents is not UNSET:
            out["documents"] = f_documents
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "name"
            f_name = src_dict["name"]
            if not isinstance(f_name, str):
                raise expected("a string", f_name)
            field = "documents"
            f_documents = src_dict.get("documents", UNSET)
            if f_documents is not UNSET:
                if not isinstance(f_documents, list):
                    raise expected("an array", f_documents)
                f_documents_documents_item_read: list[Any] = []
                try:
                    for documents_item in f_documents:
                        documents_item = Document.from_dict(documents_item)

                        f_documents_documents_item_read.append(documents_item)
                except (KeyError, TypeError, ValueError, AttributeError) as documents_item_error:
                    raise item_error(
                        len(f_documents_documents_item_read), documents_item_error
                    ) from documents_item_error
                f_documents = f_documents_documents_item_read
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Folder") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_name,
            f_documents,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Folder")
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


# The mapping a caller may give in place of Folder (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class FolderDict(TypedDict, total=False):
    name: Required[str]
    documents: NotRequired[list[DocumentDict]]


FolderDict.__doc__ = (
    """The mapping a caller may give in place of `Folder`: its fields by their names in the spec, in their JSON form."""
)

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"name", "documents"})

# At the end: a model that refers back to this one finds its class already defined.
from ..models.document import Document, DocumentDict
