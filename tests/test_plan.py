"""The plan (pipeline/commands/plan.py) is the client as generated: spec-diff compares plans, so a call's
arguments, their types and its result, and a model's fields, must be what the generated package's own
source declares, for every operation and model of openapi.yaml."""

import ast
import functools
from pathlib import Path

import pytest

from contract.generated_package import left_out
from pipeline.commands.plan import Call, ClientPlan, Model, client_plan
from pipeline.project import current

PLAN: ClientPlan = client_plan(current().spec, current())
PACKAGE = current().generated / current().package_name
# The operations `make generate` left out of the client (its LEFT_OUT): route -> the warning's line.
LEFT_OUT = {f"{str(p.location[2]).upper()} {p.location[1]}": p.describe() for p in left_out() if len(p.location) == 3}


def without_unset(annotation: str) -> str:
    return " | ".join(part for part in annotation.split(" | ") if part != "Unset")


@functools.cache
def module(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def function(tree: ast.Module, name: str) -> ast.FunctionDef:
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)


@pytest.mark.parametrize("call", PLAN.calls.values(), ids=lambda call: call.route)
def test_a_planned_call_is_the_generated_function(call: Call) -> None:
    if call.route in LEFT_OUT:
        pytest.skip(f"left out of the client: {LEFT_OUT[call.route]}")
    sync = function(module(PACKAGE / "api" / call.group / f"{call.name}.py"), "sync")
    declared = {
        a.arg: (without_unset(ast.unparse(a.annotation)) if a.annotation else "")
        for a in sync.args.args + sync.args.kwonlyargs
        if a.arg != "client"
    }
    defaults = {a.arg for a, d in zip(sync.args.kwonlyargs, sync.args.kw_defaults, strict=True) if d is not None}
    assert declared == {a.name: a.type for a in call.arguments}
    assert [a.arg for a in sync.args.args] == [a.name for a in call.arguments if a.location == "path"]
    assert {a.name for a in call.arguments if not a.required} <= defaults  # optional: UNSET unless given
    body = next((a for a in call.arguments if a.location == "body"), None)  # (a parameter's default is sent)
    assert body is None or body.required == ("body" not in defaults)
    returns = ast.unparse(sync.returns) if sync.returns else ""
    assert returns == call.result


@pytest.mark.parametrize("model", PLAN.models.values(), ids=lambda model: model.name)
def test_a_planned_model_is_the_generated_class(model: Model) -> None:
    tree = module(PACKAGE / "models" / f"{model.module}.py")
    cls = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == model.name)
    fields = [
        node
        for node in cls.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and not node.target.id.startswith("_")  # kept privately (undeclared keys), not a field of the spec's
    ]
    declared = {node.target.id: without_unset(ast.unparse(node.annotation)) for node in fields}  # type: ignore[union-attr]
    assert declared == {f.name: f.type for f in model.fields}
    with_value = {node.target.id for node in fields if node.value is not None}  # type: ignore[union-attr]
    assert {f.name for f in model.fields if not f.required} <= with_value  # optional: UNSET unless given
