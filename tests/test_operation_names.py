"""Operations grouped and named from the spec (pipeline/spec/operation_names.py): the generated package
follows the rule, the rule is stable over the real history, and a clash is a one-line error."""

import json
import statistics
from typing import Any

import pytest

from contract.generated_package import package_dir
from contract.generator_names import module_name
from pipeline import PipelineError
from pipeline.project import current
from pipeline.spec.operation_names import derive, operation_names
from tests.operation_calls import SPEC
from tests.real_specs import SHARED_SPECS, skip_without_real_specs


def test_each_operation_is_generated_under_its_group_and_name() -> None:
    project = current()
    for key, name in operation_names(SPEC, project.operation_overrides, project.field_prefix).items():
        assert module_name(key) == f"api.{name.group}.{name.name}", f"{key} is {module_name(key)}"
        assert (package_dir() / "api" / name.group / f"{name.name}.py").is_file(), f"{key}: no module on disk"


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [  # the README's examples of the rule
        ("get", "/v1/models", "models.list_models"),
        ("post", "/v1/models", "models.create_model"),
        ("get", "/v1/models/{model_id}", "models.get_model"),
        ("get", "/v1/models/{model_id}/deployments/{deployment_id}", "models.get_deployment"),
        ("post", "/v1/models/{model_id}/deployments/{deployment_id}/promote", "models.promote_deployment"),
        ("patch", "/v1/loops/user_config", "loops.update_user_config"),
        ("get", "/v1/teams/{team_id}/secrets", "teams.list_secrets"),
        ("get", "/v1/chains/{chain_id}/deployments/{id}/chainlets/{chainlet_id}/logs", "chains.list_chainlet_logs"),
        ("delete", "/v1/api_keys/{api_key_prefix}", "api_keys.delete_api_key"),
        ("post", "/charges/{code}#refund", "charges.post_charge_refund"),
        ("post", "/instances/{id}:start", "instances.start_instance"),
        ("get", "/Accounts/{AccountSid}/Calls/{Sid}.json", "accounts.get_call"),
    ],
)
def test_the_rule_reads_aloud(method: str, path: str, expected: str) -> None:
    name = derive(method, path)
    assert f"{name.group}.{name.name}" == expected


def spec_with(paths: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}


def test_the_specs_own_operation_id_and_tag_win_and_overrides_win_over_both() -> None:
    spec = spec_with({"/v1/models": {"get": {"operationId": "fetchAll", "tags": ["Catalogue"]}, "post": {}}})
    names = operation_names(spec, {"POST /v1/models": {"name": "add_model"}})
    assert (names[("get", "/v1/models")].group, names[("get", "/v1/models")].name) == ("catalogue", "fetch_all")
    assert (names[("post", "/v1/models")].group, names[("post", "/v1/models")].name) == ("models", "add_model")


def test_a_clash_names_both_operations_in_one_line() -> None:
    spec = spec_with({"/v1/models": {"get": {}}, "/v1/models/{id}": {"get": {"operationId": "list_models"}}})
    with pytest.raises(PipelineError) as raised:
        operation_names(spec)
    message = str(raised.value)
    assert "GET /v1/models and GET /v1/models/{id}" in message and "\n" not in message


def real_spec(date: str) -> dict[str, Any]:
    path = SHARED_SPECS / f"baseten-management-{date}.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def test_no_import_path_changes_between_the_real_2026_06_19_and_2026_08_22_specs() -> None:
    skip_without_real_specs()
    old, new = operation_names(real_spec("2026-06-19")), operation_names(real_spec("2026-08-22"))
    moved = {key: (old[key], new[key]) for key in old if key in new and old[key] != new[key]}
    assert len(set(old) & set(new)) > 100 and moved == {}


def test_names_on_the_real_2026_08_22_spec_are_short() -> None:
    skip_without_real_specs()
    names = operation_names(real_spec("2026-08-22"))
    lengths = [len(name.name) for name in names.values()]
    assert max(lengths) <= 50 and statistics.median(lengths) <= 25, (max(lengths), statistics.median(lengths))
    assert "default" not in {name.group for name in names.values()}


def test_every_clash_is_reported_with_every_operation_in_it() -> None:
    """Four operations with one operationId, and another pair: one line each, all routes named."""

    def operation(operation_id: str) -> dict[str, Any]:
        return {"operationId": operation_id, "tags": ["things"], "responses": {"204": {"description": "done"}}}

    paths = {f"/v1/a{i}": {"get": operation("same")} for i in range(4)}
    paths |= {f"/v1/b{i}": {"post": operation("twin")} for i in range(2)}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    with pytest.raises(PipelineError) as raised:
        operation_names(spec)
    assert raised.value.problems == [
        "GET /v1/a0, GET /v1/a1, GET /v1/a2 and GET /v1/a3 are all api.things.same; rename all but one"
        " with operation_overrides in generator-config.yaml",
        "POST /v1/b0 and POST /v1/b1 are both api.things.twin; rename one with operation_overrides in"
        " generator-config.yaml",
    ]
