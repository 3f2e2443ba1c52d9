"""What a typed Python developer meets: `mypy --strict` accepts the generated package, and a file that
uses every operation of openapi.yaml the ways a user writes them, each result asserted to be exactly the
type the spec documents for the operation's success (never `| None`):

    assert_type(get_model.sync(model_id, client=client), ModelV1)
    assert_type(client.models.get_model(model_id), ModelV1)
    assert_type(await client.aio.models.get_model(model_id), ModelV1)

The expected type is read from the spec (which responses are successes: each 2xx, or `default` where
no 2xx is documented) and the generator's own parse of it (the class it names for each). One mypy run,
shared by the tests below.
"""

import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contract.generated_package import import_generated, package_dir, package_name
from contract.generator_names import endpoint, module_name, operation_name
from contract.spec_model import Operation, resolve, success_responses, union_tag
from tests.operation_calls import OPERATIONS, SPEC, tree_attributes

MUST_FAIL = "mypy must report this line"
ARG = "cast(Any, None)"  # an argument of the right type as far as mypy cares: results are what is checked


def expected_type(op: Operation) -> str:
    """The union, in the spec's order, of the types the generator gives the operation's successes."""
    found = endpoint(op.key)
    by_key = {str(response.status_code.pattern).upper(): response for response in found.responses.patterns}
    types: list[str] = []
    for success in success_responses(SPEC, op):
        response = found.responses.default if success.key == "default" else by_key[success.key.upper()]
        text = (
            "None" if response.source["attribute"] == "None" else response.prop.get_type_string().as_unembedded_code()
        )
        text = with_unknown_variant(text, response.prop, success.schema)
        types += [text] if text not in types else []
    return " | ".join(types) or "NoReturn"


def with_unknown_variant(text: str, prop: object, schema: object) -> str:
    """The type, with UnknownVariant beside the members of a union told apart by a tag (its own, or its
    items'): a newer server's member reads into one (pipeline/generate/readers.py)."""
    resolved = resolve(SPEC, schema) if schema is not None else {}
    if union_tag(SPEC, resolved):
        return f"{text} | UnknownVariant"
    if isinstance(resolved, dict) and resolved.get("type") == "array" and union_tag(SPEC, resolved.get("items")):
        inner = prop.inner_property.get_type_string().as_unembedded_code()  # type: ignore[attr-defined]
        return text.replace(inner, f"{inner} | UnknownVariant", 1)
    return text


def arguments(function: Callable[..., Any]) -> str:
    """The required arguments of an operation's function, client aside: path ones by position."""
    shown = []
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "client" or parameter.default is not inspect.Parameter.empty:
            continue
        shown.append(ARG if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD else f"{parameter.name}={ARG}")
    return ", ".join(shown)


def uses(ops: list[Operation]) -> str:
    """A module that calls every operation as a user would and asserts each result's exact type."""
    package, groups = package_name(), tree_attributes()
    models = import_generated("models")
    lines = [
        "import datetime  # noqa: F401",
        "from typing import Any, Literal, NoReturn, assert_type, cast  # noqa: F401",
        "from uuid import UUID  # noqa: F401",
        f"from {package} import AuthenticatedClient",
        f"from {package}.types import File, Response, UnknownVariant, Unset  # noqa: F401",
    ]
    lines += [f"from {package}.models import {name}  # noqa: F401" for name in models.__all__]
    for index, op in enumerate(ops):
        name, returns = operation_name(op.key), expected_type(op)
        module = import_generated(f"api.{name.group}.{name.name}")
        alias, args = f"op_{index}", arguments(module.sync)
        tree = f"client.{groups[name.group]}.{name.name}({args})"
        aio = f"client.aio.{groups[name.group]}.{name.name}({args})"
        detailed = f"client.{groups[name.group]}.{name.name}.detailed({args})"
        lines += [
            f"from {package}.api.{name.group} import {name.name} as {alias}",
            "",
            f"def use_{index}(client: AuthenticatedClient) -> None:  # {op.id}",
            f"    assert_type({alias}.sync({args}{', ' if args else ''}client=client), {returns})",
            f"    assert_type({tree}, {returns})",
            f"    assert_type({detailed}.parsed, {returns})  # the client raises on anything else",
            "",
            f"async def use_async_{index}(client: AuthenticatedClient) -> None:  # {op.id}",
            f"    assert_type(await {alias}.asyncio({args}{', ' if args else ''}client=client), {returns})",
            f"    assert_type(await {aio}, {returns})",
        ]
    # Names the package lacks must fail: a type checker that accepted anything would prove nothing.
    lines += [
        f"from {package}.models import NoSuchModelAnywhere  # {MUST_FAIL}",
        "",
        "def use_missing(client: AuthenticatedClient) -> None:",
        f"    client.no_such_group_anywhere  # {MUST_FAIL}",
    ]
    # So must a mapping body with a key its model does not have: it is typed as the model's TypedDict. Given
    # through the client tree as the TypedDict called, mypy names the key (MISSPELT); as a dict literal it
    # names the type the dict does not fit (mypy takes a TypedDict from a union only where the keys fit).
    for index, op in enumerate(ops):
        module = import_generated(module_name(op.key))
        body = inspect.signature(module.sync).parameters.get("body")
        typed = typed_dict_of(body.annotation) if body is not None else None
        if typed is not None:
            name = operation_name(op.key)
            args = arguments(module.sync).replace(f"body={ARG}", "").strip(", ")
            call = f"op_{index}.sync({args}{', ' if args else ''}body={{'{MISSPELT}': 1}}, client=client)"
            tree = f"client.{groups[name.group]}.{name.name}({args}{', ' if args else ''}body={typed}({MISSPELT}=1))"
            lines += [
                "",
                "def use_misspelt(client: AuthenticatedClient) -> None:",
                f"    {call}  # {MUST_FAIL}",
                f"    {tree}  # {MUST_FAIL}",
            ]
            break
    # A client built with raise_on_unexpected_status=False returns any status from .detailed(): `parsed` is
    # not the success type there.
    for op in ops:
        name, returns = operation_name(op.key), expected_type(op)
        if returns not in ("None", "NoReturn"):
            args = arguments(import_generated(f"api.{name.group}.{name.name}").sync)
            detailed = f"client.{groups[name.group]}.{name.name}.detailed({args})"
            lines += [
                "",
                "def use_returning(client: AuthenticatedClient[bool]) -> None:",
                f"    parsed: {returns} = {detailed}.parsed  # {MUST_FAIL}",
            ]
            break
    # A free-form object (no declared fields) takes any key.
    for free in FREE_FORM:
        lines += ["", f"free_{free}: {free} = {{'any_key_at_all': 1, 'another': [{{'nested': None}}]}}"]
    return "\n".join(lines) + "\n"


MISSPELT = "no_such_key_anywhere"


def typed_dict_of(annotation: object) -> str | None:
    """The TypedDict (`<Model>Dict`) a body annotation names, if any."""
    import typing

    return next((arg.__name__ for arg in typing.get_args(annotation) if typing.is_typeddict(arg)), None)


def free_form_dicts() -> list[str]:
    """The `<Model>Dict` names that are a Mapping of any key to any value: the free-form objects'
    (templates/model.py.jinja; one whose values have a schema is a Mapping of those)."""
    import typing
    from collections.abc import Mapping

    models = import_generated("models")
    return sorted(
        name
        for name in models.__all__
        if name.endswith(("Dict", "Fields"))
        and typing.get_origin(getattr(models, name)) is Mapping
        and typing.get_args(getattr(models, name))[1] is typing.Any
    )


FREE_FORM = free_form_dicts()


def must_fail_count(ops: list[Operation]) -> int:
    """The lines of uses() that mypy must reject: two; two more where an operation takes a mapping body; one
    more where one returns a value."""
    bodies = [inspect.signature(import_generated(module_name(op.key)).sync).parameters.get("body") for op in ops]
    mapped = any(body is not None and typed_dict_of(body.annotation) for body in bodies)
    returning = any(expected_type(op) not in ("None", "NoReturn") for op in ops)
    return 2 + 2 * mapped + returning


@pytest.fixture(scope="session")
def mypy_strict(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> dict[str, list[str]]:
    """Run mypy --strict once over the package and the uses; its errors by file ("package" or "uses")."""
    scratch = tmp_path_factory.mktemp("typing")
    source = uses(OPERATIONS)
    (scratch / "uses.py").write_text(source, encoding="utf-8")
    must_fail = {str(number) for number, line in enumerate(source.splitlines(), 1) if MUST_FAIL in line}
    # mypy's own incremental cache, kept between runs in pytest's: most of a cold run is the standard
    # library, httpx and attrs, which do not change between runs (mypy rechecks whatever does).
    pytest_cache = getattr(pytestconfig, "cache", None)  # absent under -p no:cacheprovider
    cache = pytest_cache.mkdir("mypy") if pytest_cache else scratch / "cache"
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache),
               str(package_dir()), str(scratch / "uses.py")]  # fmt: skip
    result = subprocess.run(command, cwd=package_dir().parent, capture_output=True, text=True)
    errors: dict[str, list[str]] = {"package": [], "uses": [], "checked": []}
    errors["checked"] = re.findall(r"(\d+) source files?", result.stdout)[-1:]  # "... in N source files"
    for line in result.stdout.splitlines():
        if ": error:" in line and Path(line.split(":")[0]).name == "uses.py":
            errors["uses"].append(line + (" must-fail" if line.split(":")[1] in must_fail else ""))
        elif ": error:" in line:
            errors["package"].append(line)
    assert result.returncode in (0, 1), result.stdout[-2000:] + result.stderr[-2000:]  # 2: mypy itself failed
    return errors


def test_mypy_strict_accepts_the_generated_package(mypy_strict: dict[str, list[str]]) -> None:
    assert mypy_strict["package"] == [], "\n".join(mypy_strict["package"][:20])


def test_every_operation_returns_exactly_its_success_type(mypy_strict: dict[str, list[str]]) -> None:
    """Through the module (sync, asyncio) and the client tree (client.<group>.<name>, client.aio...)."""
    wrong = [line for line in mypy_strict["uses"] if not line.endswith("must-fail")]
    assert wrong == [], "\n".join(wrong[:20])


def test_mypy_rejects_a_model_or_group_the_package_does_not_have(mypy_strict: dict[str, list[str]]) -> None:
    """The lazy packages hide their __getattr__ from type checkers, so a misspelt name is an error."""
    rejected = {line.split(":")[1] for line in mypy_strict["uses"] if line.endswith("must-fail")}  # line numbers
    assert len(rejected) == must_fail_count(OPERATIONS), "\n".join(mypy_strict["uses"][:20])


def test_mypy_read_the_whole_package_and_the_uses(mypy_strict: dict[str, list[str]]) -> None:
    """A run that silently skipped files would prove nothing about them."""
    expected = len(list(package_dir().rglob("*.py"))) + 1
    assert mypy_strict["checked"] == [str(expected)], f"mypy checked {mypy_strict['checked']} files, not {expected}"


def test_mypy_names_a_misspelt_key_of_a_body_given_through_the_client_tree(mypy_strict: dict[str, list[str]]) -> None:
    """Given as the model's TypedDict called, `body=<Model>Dict(no_such_key_anywhere=1)`: the key is named."""
    named = [line for line in mypy_strict["uses"] if line.endswith("must-fail") and MISSPELT in line]
    bodies = [inspect.signature(import_generated(module_name(op.key)).sync).parameters.get("body") for op in OPERATIONS]
    if not any(body is not None and typed_dict_of(body.annotation) for body in bodies):
        pytest.skip("openapi.yaml has no operation that takes a mapping body")
    assert any(f'Extra key "{MISSPELT}"' in line for line in named), "\n".join(mypy_strict["uses"][:20])


def test_a_free_form_objects_mapping_takes_any_key(mypy_strict: dict[str, list[str]]) -> None:
    if not FREE_FORM:
        pytest.skip("openapi.yaml has no free-form object (an object schema that declares no field)")
    wrong = [line for line in mypy_strict["uses"] if "free_" in line]
    assert wrong == [], "\n".join(wrong)
