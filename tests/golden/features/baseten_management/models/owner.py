from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, no_branch, unknown_field, unlisted_tag
from ..types import UNSET, UnknownVariant, Unset, branch_pass, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class Owner:
    """The `Owner` object.

    Attributes:
        name (str):
        pets (list[Cat | Dog]):
        favourite (Cat | Dog | Unset):
        outline (Circle | Rectangle | Unset): A union without a discriminator.
        nickname (int | None | str | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    name: str
    pets: list[Cat | Dog | UnknownVariant]
    favourite: Cat | Dog | Unset | UnknownVariant = UNSET
    outline: Circle | Rectangle | Unset = UNSET
    nickname: int | None | str | Unset = UNSET
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

        f_pets: list[Any] = []
        for pets_item_data in self.pets:
            pets_item: dict[str, Any]
            if isinstance(pets_item_data, Cat):
                pets_item = pets_item_data.to_dict()
            else:
                pets_item = pets_item_data.to_dict()

            f_pets.append(pets_item)

        f_favourite: dict[str, Any] | Unset
        if isinstance(self.favourite, Unset):
            f_favourite = UNSET
        elif isinstance(self.favourite, Cat):
            f_favourite = self.favourite.to_dict()
        else:
            f_favourite = self.favourite.to_dict()

        f_outline: dict[str, Any] | Unset
        if isinstance(self.outline, Unset):
            f_outline = UNSET
        elif isinstance(self.outline, Circle):
            f_outline = self.outline.to_dict()
        else:
            f_outline = self.outline.to_dict()

        f_nickname: int | None | str | Unset
        if isinstance(self.nickname, Unset):
            f_nickname = UNSET
        else:
            f_nickname = self.nickname

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["name"] = f_name
        out["pets"] = f_pets
        if f_favourite is not UNSET:
            out["favourite"] = f_favourite
        if f_outline is not UNSET:
            out["outline"] = f_outline
        if f_nickname is not UNSET:
            out["nickname"] = f_nickname
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
            field = "pets"
            f_pets = src_dict["pets"]
            if not isinstance(f_pets, list):
                raise expected("an array", f_pets)
            f_pets_pets_item_read: list[Any] = []
            try:
                for pets_item in f_pets:
                    if isinstance(pets_item, dict):
                        pets_item_tag = pets_item.get("pet_type")
                        if pets_item_tag == "cat":
                            pets_item = Cat.from_dict(pets_item)
                        elif pets_item_tag == "dog":
                            pets_item = Dog.from_dict(pets_item)
                        elif (
                            isinstance(pets_item_tag, str | int) and not reading_strictly()
                        ):  # a member the spec does not list yet
                            pets_item = UnknownVariant(pets_item, "pet_type")
                        else:
                            raise unlisted_tag("pet_type", pets_item_tag, 2)
                    else:
                        raise expected("an object", pets_item)

                    f_pets_pets_item_read.append(pets_item)
            except (KeyError, TypeError, ValueError, AttributeError) as pets_item_error:
                raise item_error(len(f_pets_pets_item_read), pets_item_error) from pets_item_error
            f_pets = f_pets_pets_item_read
            field = "favourite"
            f_favourite = src_dict.get("favourite", UNSET)
            if f_favourite is not UNSET:
                if isinstance(f_favourite, dict):
                    f_favourite_tag = f_favourite.get("pet_type")
                    if f_favourite_tag == "cat":
                        f_favourite = Cat.from_dict(f_favourite)
                    elif f_favourite_tag == "dog":
                        f_favourite = Dog.from_dict(f_favourite)
                    elif (
                        isinstance(f_favourite_tag, str | int) and not reading_strictly()
                    ):  # a member the spec does not list yet
                        f_favourite = UnknownVariant(f_favourite, "pet_type")
                    else:
                        raise unlisted_tag("pet_type", f_favourite_tag, 2)
                else:
                    raise expected("an object", f_favourite)
            field = "outline"
            f_outline = src_dict.get("outline", UNSET)
            if f_outline is not UNSET:
                f_outline_errors: list[Exception] = []
                if isinstance(f_outline, dict):
                    for f_outline_first in (True, False):
                        f_outline_errors.clear()
                        with branch_pass(f_outline_first):
                            try:
                                f_outline = Circle.from_dict(f_outline)
                            except (KeyError, TypeError, ValueError, AttributeError) as f_outline_error:
                                f_outline_errors.append(f_outline_error)
                            if len(f_outline_errors) == 1:
                                try:
                                    f_outline = Rectangle.from_dict(f_outline)
                                except (KeyError, TypeError, ValueError, AttributeError) as f_outline_error:
                                    f_outline_errors.append(f_outline_error)
                        if len(f_outline_errors) < 2:
                            break
                    else:
                        raise no_branch("an object", f_outline, f_outline_errors) from None
                else:
                    raise expected("an object", f_outline)
            field = "nickname"
            f_nickname = src_dict.get("nickname", UNSET)
            if f_nickname is not UNSET:
                if not (f_nickname is None or isinstance(f_nickname, str) or type(f_nickname) is int):
                    raise expected("a string or an integer or null", f_nickname)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Owner") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_name,
            f_pets,
            f_favourite,
            f_outline,
            f_nickname,
        )
        if len(src_dict) > 2 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Owner")
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


# The mapping a caller may give in place of Owner (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class OwnerDict(TypedDict, total=False):
    name: Required[str]
    pets: Required[list[CatDict | DogDict]]
    favourite: NotRequired[CatDict | DogDict]
    outline: NotRequired[CircleDict | RectangleDict]
    nickname: NotRequired[str | int | None]


OwnerDict.__doc__ = (
    """The mapping a caller may give in place of `Owner`: its fields by their names in the spec, in their JSON form."""
)

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"name", "pets", "favourite", "outline", "nickname"})

# At the end: a model that refers back to this one finds its class already defined.
from ..models.cat import Cat, CatDict
from ..models.circle import Circle, CircleDict
from ..models.dog import Dog, DogDict
from ..models.rectangle import Rectangle, RectangleDict
