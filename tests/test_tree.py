"""Every operation is reachable from the client, `client.<group>.<name>(...)` and
`await client.aio.<group>.<name>(...)`, with the module function's parameters and result, sending the
same request; a group package lists its operations; reaching a group imports none of them."""

import asyncio
import inspect
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from contract.calls import example_call
from contract.generated_package import import_generated, package_dir, package_name
from contract.generator_names import endpoint_module, operation_name
from contract.spec_model import Operation
from tests.operation_calls import (
    OPERATIONS,
    Recorder,
    cases,
    client_for,
    paged_operations,
    success_reply,
    tree_attributes,
)

PAGED = paged_operations()


def tree_operation(client: Any, op: Operation, aio: bool = False) -> Any:
    name = operation_name(op.key)
    group = getattr(client.aio if aio else client, tree_attributes()[name.group])
    return getattr(group, name.name)


def without_client(function: Callable[..., Any]) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(function).parameters.values() if p.name != "client"]


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_each_operation_takes_the_module_functions_parameters_from_the_client(op: Operation) -> None:
    module, client = endpoint_module(op.key), client_for(Recorder())
    sync_op, async_op = tree_operation(client, op), tree_operation(client, op, aio=True)
    for called, function in [(sync_op, module.sync), (sync_op.detailed, module.sync_detailed),
                             (async_op, module.asyncio), (async_op.detailed, module.asyncio_detailed)]:  # fmt: skip
        assert without_client(called) == without_client(function), f"{op.id}: {called} differs from {function.__name__}"
        assert inspect.signature(called).return_annotation == inspect.signature(function).return_annotation


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_calling_through_the_client_sends_the_same_request_and_returns_the_same_result(op: Operation) -> None:
    module = endpoint_module(op.key)
    through_module, through_tree, through_aio = (
        Recorder(success_reply(op)),
        Recorder(success_reply(op)),
        Recorder(success_reply(op)),
    )
    arguments = example_call(op, module.sync).arguments
    expected = module.sync(client=client_for(through_module), **example_call(op, module.sync).arguments)
    got = tree_operation(client_for(through_tree), op)(**arguments)
    got_async = asyncio.run(
        tree_operation(client_for(through_aio), op, aio=True)(**example_call(op, module.sync).arguments)
    )
    for recorder in (through_tree, through_aio):
        (sent,) = recorder.requests
        (reference,) = through_module.requests
        assert (sent.method, sent.url) == (reference.method, reference.url)
        assert (
            sent.headers.get("content-type", "").split(";")[0]
            == reference.headers.get("content-type", "").split(";")[0]
        )
    assert type(got) is type(expected) and type(got_async) is type(expected)


@pytest.mark.parametrize("op", cases(PAGED, "no operation that pages"), ids=lambda op: getattr(op, "id", ""))
def test_pagination_is_reachable_from_the_client(op: Operation) -> None:
    client = client_for(Recorder())
    module = endpoint_module(op.key)
    assert without_client(tree_operation(client, op).iterate) == without_client(module.iterate)
    assert without_client(tree_operation(client, op, aio=True).aiterate) == without_client(module.aiterate)


def test_each_group_package_lists_its_operations() -> None:
    for group_dir in sorted((package_dir() / "api").iterdir()):
        if not (group_dir / "__init__.py").is_file():
            continue
        group = import_generated(f"api.{group_dir.name}")
        on_disk = sorted(p.stem for p in group_dir.glob("*.py") if p.stem != "__init__")
        assert sorted(group.__all__) == on_disk
        assert set(on_disk) <= set(dir(group))
        assert getattr(group, on_disk[0]).__name__ == f"{group.__name__}.{on_disk[0]}"  # reached on first use


def test_reaching_a_group_imports_no_operation_until_one_is_used() -> None:
    package, group = package_name(), sorted(tree_attributes().items())[0]
    operations = f"[m for m in sys.modules if m.startswith('{package}.api.') and m.count('.') == 3]"
    program = (
        f"import sys; from {package} import AuthenticatedClient; "
        f"client = AuthenticatedClient(token='k', base_url='https://x.test'); g = client.{group[1]}; "
        f"a = client.aio.{group[1]}; print(len({operations}))"
    )
    result = subprocess.run([sys.executable, "-c", program], cwd=package_dir().parent, capture_output=True, text=True)
    assert result.stdout.strip() == "0", result.stdout + result.stderr


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_help_on_the_client_trees_operation_shows_the_whole_contract(op: Operation) -> None:
    """help(client.<group>.<name>) shows what help(the module's sync) shows: route, arguments, result, errors."""
    client = client_for(Recorder())
    module, doc = endpoint_module(op.key), inspect.getdoc(tree_operation(client, op).__call__)
    assert doc is not None, f"{op.id}: the client tree's operation has no docstring"
    assert doc == inspect.getdoc(module.sync) and f"{op.method.upper()} {op.path}" in doc
    assert "Raises:" in doc and "Returns:" in doc
    assert inspect.getdoc(tree_operation(client, op, aio=True).__call__) == doc


DEPRECATED = [op for op in OPERATIONS if op.spec.get("deprecated") is True]


@pytest.mark.parametrize("op", cases(DEPRECATED, "no deprecated operation"), ids=lambda op: getattr(op, "id", ""))
def test_a_deprecated_operation_says_so_and_warns_the_caller(op: Operation) -> None:
    module = endpoint_module(op.key)
    assert "**Deprecated**" in (inspect.getdoc(module.sync) or "") and "**Deprecated**" in (module.__doc__ or "")
    client = client_for(Recorder(success_reply(op)))
    with pytest.warns(DeprecationWarning, match="is deprecated in the spec") as caught:
        tree_operation(client, op)(**example_call(op, module.sync).arguments)
    assert caught[0].filename == __file__  # the caller's own line, so Python shows it by default


def test_no_operation_the_spec_does_not_deprecate_warns() -> None:
    ops = [op for op in OPERATIONS if op not in DEPRECATED]
    for op in ops:
        assert "**Deprecated**" not in (endpoint_module(op.key).__doc__ or ""), op.id
