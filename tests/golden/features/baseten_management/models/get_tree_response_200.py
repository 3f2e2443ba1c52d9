from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, unknown_field, unlisted_tag
from ..types import UNSET, UnknownVariant, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class GetTreeResponse200:
    """The `GetTreeResponse200` object.

    Attributes:
        root (TreeNode): Recursive.
        folder (Folder | Unset): Mutually recursive with Document.
        document (Document | Unset):
        pet (Cat | Dog | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    root: TreeNode
    folder: Folder | Unset = UNSET
    document: Document | Unset = UNSET
    pet: Cat | Dog | Unset | UnknownVariant = UNSET
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
        f_root = self.root.to_dict()

        f_folder: dict[str, Any] | Unset = UNSET
        if not isinstance(self.folder, Unset):
            f_folder = self.folder.to_dict()

        f_document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            f_document = self.document.to_dict()

        f_pet: dict[str, Any] | Unset
        if isinstance(self.pet, Unset):
            f_pet = UNSET
        elif isinstance(self.pet, Cat):
            f_pet = self.pet.to_dict()
        else:
            f_pet = self.pet.to_dict()

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["root"] = f_root
        if f_folder is not UNSET:
            out["folder"] = f_folder
        if f_document is not UNSET:
            out["document"] = f_document
        if f_pet is not UNSET:
            out["pet"] = f_pet
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "root"
            f_root = src_dict["root"]
            f_root = TreeNode.from_dict(f_root)
            field = "folder"
            f_folder = src_dict.get("folder", UNSET)
            if f_folder is not UNSET:
                f_folder = Folder.from_dict(f_folder)
            field = "document"
            f_document = src_dict.get("document", UNSET)
            if f_document is not UNSET:
                f_document = Document.from_dict(f_document)
            field = "pet"
            f_pet = src_dict.get("pet", UNSET)
            if f_pet is not UNSET:
                if isinstance(f_pet, dict):
                    f_pet_tag = f_pet.get("pet_type")
                    if f_pet_tag == "cat":
                        f_pet = Cat.from_dict(f_pet)
                    elif f_pet_tag == "dog":
                        f_pet = Dog.from_dict(f_pet)
                    elif (
                        isinstance(f_pet_tag, str | int) and not reading_strictly()
                    ):  # a member the spec does not list yet
                        f_pet = UnknownVariant(f_pet, "pet_type")
                    else:
                        raise unlisted_tag("pet_type", f_pet_tag, 2)
                else:
                    raise expected("an object", f_pet)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "GetTreeResponse200") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_root,
            f_folder,
            f_document,
            f_pet,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "GetTreeResponse200")
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


# The mapping a caller may give in place of GetTreeResponse200 (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class GetTreeResponse200Dict(TypedDict, total=False):
    root: Required[TreeNodeDict]
    folder: NotRequired[FolderDict]
    document: NotRequired[DocumentDict]
    pet: NotRequired[CatDict | DogDict]


GetTreeResponse200Dict.__doc__ = """The mapping a caller may give in place of `GetTreeResponse200`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"root", "folder", "document", "pet"})

# At the end: a model that refers back to this one finds its class already defined.
from ..models.cat import Cat, CatDict
from ..models.document import Document, DocumentDict
from ..models.dog import Dog, DogDict
from ..models.folder import Folder, FolderDict
from ..models.tree_node import TreeNode, TreeNodeDict
