"""`make generate` and `make check`, top to bottom: validate, derive, prepare, generate, verify; then
generate() swaps the result in and check_drift() (drift.py) compares it.

Every problem a run can find before generating is reported together; a default or example that does
not fit its schema, an overlay action that selects nothing and a rewrite the generator needed are
warnings, not stops. The generator writes into a fresh directory beside generated/ (its `--overwrite`
rewrites api/ and models/ even when the run then fails); the new client is imported and type-checked
(package_check.py), and swapped in (swap.py) only after every step succeeded, so a failed or
interrupted run leaves generated/ as it was.
"""

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import PipelineError
from ..commands.stock import stock_templates
from ..project import Project
from ..spec.openapi import operations
from ..spec.operation_names import OperationName, operation_names
from ..spec.spec_check import dangling_refs, structural_errors, structural_errors_once
from ..spec.wire_support import query_styles, wire_problems
from . import imports
from .auth_scheme import Auth, derive_auth
from .client_defaults import ClientDefaults, derive_client_defaults, operation_servers
from .endpoints import asks_for_some
from .generator import generate as run_generator
from .generator import generator_config
from .left_out import pruned
from .naming import group_attribute
from .package_check import check_package
from .pagination import Pages, paginated
from .rate_limits import Limit, check_rate_limits, rate_limits_by_operation
from .record import record, recorded
from .runtime import client_members, install_runtime
from .spec_data import spec_data, write_spec_data
from .spec_prepare import prepare_spec
from .swap import staging_directory, swap_in
from .trees import only_prose_differs, tree_differences
from .waiters import Waiter, check_waiters, polled, waiters_by_operation


@dataclass(frozen=True)
class Derived:
    """What the pipeline reads from the spec for the templates, each derived once."""

    auth: Auth
    defaults: ClientDefaults
    names: dict[tuple[str, str], OperationName]
    pages: dict[str, Pages]
    waiters: list[Waiter]  # those whose operation the spec has, each checked against it
    left_out: list[str]  # a line for each declared waiter or rate limit whose operation the spec lacks
    rate_limits: dict[tuple[str, str], Limit] = field(default_factory=dict)  # each operation's, where declared
    servers: dict[str, str] = field(default_factory=dict)  # "group.name" -> its own server, where not the spec's
    server_notes: list[str] = field(default_factory=list)  # an operation's server that cannot be used


def derive(spec: dict[str, Any], project: Project) -> Derived:
    names = operation_names(spec, project.operation_overrides, project.field_prefix)
    waiters, problems, left_out = check_waiters(spec, project.waiters)
    problems += [
        f"waiter {w.name}: {names[(w.method, w.path)].group} has an operation of that name already"
        for w in waiters
        if any(n.group == names[(w.method, w.path)].group and n.name == w.name for n in names.values())
    ]
    if problems:
        raise PipelineError(*problems)
    limits, limits_left_out = check_rate_limits(spec, project.rate_limits)
    members = set(client_members(project.runtime))  # and the client tree's groups, named as tree.jinja does
    groups = {group_attribute(name.group, members) for name in names.values()}
    servers, server_notes = operation_servers(spec, names)
    return Derived(
        derive_auth(spec, members | groups),  # a credential's keyword is none of the client's attributes
        derive_client_defaults(spec, project.api_key_env),
        names,
        paginated(spec, names),
        waiters,
        left_out + limits_left_out,
        limits,
        servers,
        server_notes,
    )


@dataclass
class Built:
    package: Path  # the generated package, in the staging directory
    derived: Derived
    warnings: list[str] = field(default_factory=list)
    modules: dict[str, str] = field(default_factory=dict)  # a module of the package -> its place in the spec


@contextmanager
def staged_build(project: Project) -> Iterator[Built]:
    """Validate, derive, prepare and generate into a staging directory; yield the result, then remove it."""
    spec_path = project.spec_path
    # 1. Validate. A config or spec that cannot be read stops here; after that every problem is collected.
    _ = project.config
    overlaid = project.overlaid[0]  # an overlay may fix what a check below refuses
    refs = dangling_refs(overlaid)
    if refs:  # nothing below can follow the spec's references
        found = dict.fromkeys(refs + structural_errors(overlaid))
        raise PipelineError(*(f"{spec_path}: {line}" for line in found))
    spec = project.spec  # the overlay applied, unfit defaults and examples taken out
    problems: list[str] = []
    sent_wrong = wire_problems(spec)  # operations the client would send wrong: left out, not generated
    # 2. Derive what the templates need, and 3. prepare the generator's copy of the spec.
    try:
        derived = derive(spec, project)
        prepared, notes = prepare_spec(spec, derived.names, project.field_prefix)
    except PipelineError as err:
        problems += err.problems
    except Exception:
        # A step that trips over a malformed document: when the meta-schema says why, that is the report.
        structure = structural_errors(spec)
        if not structure:
            raise
        raise PipelineError(*(f"{spec_path}: {line}" for line in problems + structure)) from None
    if problems:
        raise PipelineError(*(f"{spec_path}: {line}" for line in problems + structural_errors(spec)))
    warnings = _warnings(project, notes) + [f"{spec_path}: {line}" for line in derived.auth.warnings]
    warnings += [f"{spec_path}: {derived.defaults.note}"] if derived.defaults.note else []
    warnings += [f"{spec_path}: {line}" for line in derived.server_notes]
    # 4. Generate, with the meta-schema check alongside.
    staging = staging_directory(project.generated.parent)
    try:
        templates = _stage_templates(project, derived, staging / "templates")
        try:
            accepted = project.generated.parent / "build" / "accepted-specs"
            waited = polled(derived.waiters, derived.names)
            config = staging / "generator-config.json"  # generator-config.yaml, binary media types added
            config.write_text(json.dumps(generator_config(project.config, prepared)), encoding="utf-8")
            generated = run_generator(
                prepared,
                config,
                templates,
                staging,
                lambda: structural_errors_once(spec, accepted),
                waited,
                operation_facts(project, derived),
                sent_wrong,
            )
        except PipelineError as err:
            lines = warnings + left_out_warning(spec_path, err.warnings or [])
            raise PipelineError(*(f"{spec_path}: {line}" for line in err.problems), warnings=lines) from None
        left_out = generated.left_out
        warnings += left_out_warning(spec_path, [part.describe() for part in left_out])
        # 5. Verify.
        packages = [p for p in (staging / "out").iterdir() if p.is_dir()]
        if len(packages) != 1:
            raise PipelineError(f"the generator wrote {len(packages)} packages, expected one")
        install_runtime(project.runtime, packages[0])
        # The spec's data for the package's testing module (the fake API), read by nothing else.
        # The fake answers what the client has: the spec less what the generator left out.
        client_spec = pruned(spec, left_out)
        data = spec_data(
            client_spec, derived.names, derived.pages, derived.waiters, derived.defaults.base_url, derived.servers
        )
        write_spec_data(data, packages[0])
        (packages[0] / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
        try:
            check_every_operation_generated(spec_path, client_spec, packages[0], derived.names)
        except PipelineError as err:
            raise PipelineError(*err.problems, warnings=warnings) from None
        yield Built(packages[0], derived, warnings, generated.modules)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def generate(project: Project) -> tuple[str, list[str]]:
    """Regenerate generated/; on any failure it is left as it was. A one-line summary, and the warnings.
    Nothing to do where the inputs and the tree are as a successful run left them (record.py)."""
    inputs, done = recorded(project)
    if done is not None:
        return done.summary, done.warnings
    summary, warnings = _generate(project)
    record(project, inputs, summary, warnings)
    return summary, warnings


def _generate(project: Project) -> tuple[str, list[str]]:
    out = project.generated
    with staged_build(project) as built:
        # 6. Check that the new client imports and type-checks, unless it is the tree already in place, or
        # differs from it only in docstrings and comments (that tree was checked when it was generated).
        differences = tree_differences(built.package.parent, out)
        if differences and not only_prose_differs(built.package.parent, out, differences):
            changed = _within(built.package.name, differences)
            try:
                check_package(built.package, project.generated.parent / "build", changed)
            except PipelineError as err:  # each module named by its place in the spec; every warning of the run
                problems = _placed(err.problems, built.package.name, built.modules)
                raise PipelineError(*problems, warnings=built.warnings) from None
        # 7. Swap it in; the old tree takes its place in the staging directory, removed with it.
        swap_in(built.package.parent, out)
        package = out / built.package.name
        operations_count, auth = len(endpoint_modules(package)), built.derived.auth.describe()
        summary = f"{out}/{package.name}: {operations_count} operations, auth {auth}"
        return "\n".join([summary, *(f"  {line}" for line in built.derived.left_out)]), built.warnings


def _placed(lines: list[str], package: str, modules: dict[str, str]) -> list[str]:
    """Lines naming a generated module (`pkg/models/thing.py:12: ...`, `pkg.models.thing: ...`) led by the
    place in the spec it came from (`components > schemas > Thing: pkg/models/thing.py:12: ...`)."""
    named = re.compile(rf"\b{re.escape(package)}[./]((?:models|api)[./][\w./]+?)(?:\.py)?\b(?=[:\s]|$)")
    placed = []
    for line in lines:
        match = named.search(line)
        module = match.group(1).replace(".", "/") + ".py" if match else ""
        indent = line[: len(line) - len(line.lstrip())]
        placed.append(f"{indent}{modules[module]}: {line.lstrip()}" if module in modules else line)
    return placed


def _within(package: str, differences: list[str]) -> list[str] | None:
    """The paths tree_differences() found, relative to the package; None where the package is all new."""
    paths = [line.split(": ", 1)[1].strip() for line in differences]
    if not all(path.startswith(f"{package}/") for path in paths):
        return None
    return [path.removeprefix(f"{package}/") for path in paths]


def input_warnings(project: Project) -> list[str]:
    """The warnings about the inputs themselves, for a run that stopped: [] where they cannot be read."""
    try:
        return _warnings(project, [])
    except Exception:  # noqa: BLE001 - the error that stopped the run is the report
        return []


def _warnings(project: Project, notes: list[str]) -> list[str]:
    effective, lines = project.effective, []
    if effective.tolerated:
        lines.append(
            f"{project.spec_path}: not OpenAPI as written, but read the same by the generator and unseen on the wire:"
        )
        lines += [f"  {note}" for note in effective.tolerated]
    if effective.unfit:
        lines.append(
            f"{project.spec_path}: {len(effective.unfit)} default(s) or example(s) do not fit their schema;"
            " the client does not use them (the server applies its own defaults):"
        )
        lines += [f"  {unfit.describe()}" for unfit in effective.unfit]
    lines += [
        f"{project.overlay_path}: {action.describe()} selects nothing in {project.spec_path}:"
        " the fix it carried may be obsolete"
        for action in effective.unmatched
    ]
    if notes:
        lines.append(f"{project.spec_path}: written differently for openapi-python-client (same API):")
        lines += [f"  {note}" for note in notes]
    return lines


def _stage_templates(project: Project, derived: Derived, staged: Path) -> Path:
    """The project's templates plus derived.jinja: what the pipeline derived, for the templates to read."""
    if project.templates.is_dir():
        shutil.copytree(project.templates, staged)
    else:
        staged.mkdir(parents=True)
    # The pinned generator's own templates, as `stock/...`: an override imports the stock macros it keeps.
    (staged / "stock").symlink_to(stock_templates(), target_is_directory=True)
    # Every value was checked to be safe inside Jinja and Python string literals (auth_scheme, client_defaults,
    # config_check).
    facts = {
        "base_url": derived.defaults.base_url,
        "api_key_env": derived.defaults.api_key_env,
        "log_env": project.log_env,
        "version": project.version,
        # What the package is generated from, for anyone holding a wheel to tell (package_init.py.jinja).
        "spec_sha256": hashlib.sha256(project.spec_path.read_bytes()).hexdigest(),
        "overlay_sha256": hashlib.sha256(project.overlay_path.read_bytes()).hexdigest()
        if project.overlay_path.is_file()
        else "",
    }
    lines = [f'{{% set {name} = "{value}" %}}' for name, value in facts.items()]
    # The client's credentials (auth_scheme.py).
    lines += [f"{{% set {name} = {json.dumps(value)} %}}" for name, value in derived.auth.facts().items()]
    # The imports every endpoint, model and enum module starts with (imports.py).
    lines.append(f"{{% set endpoint_imports = {json.dumps(imports.ENDPOINT)} %}}")
    lines.append(f"{{% set model_imports = {json.dumps(imports.MODEL)} %}}")
    lines.append(f"{{% set enum_imports = {json.dumps(imports.ENUM)} %}}")
    lines += [
        f"{{% set {name} = {json.dumps(value, sort_keys=True)} %}}"
        for name, value in operation_facts(project, derived).items()
    ]
    (staged / "derived.jinja").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return staged


def operation_facts(project: Project, derived: Derived) -> dict[str, Any]:
    """What the pipeline derived about each operation, by its "group.name", for the templates and for the
    plans made in the generator's process (endpoints.py Facts)."""
    spec_operations = {(op.method, op.path): op.operation for op in operations(project.spec)}
    return {
        # "group.name" -> [items, pagination, cursor, has_more]: Python identifiers all (PythonIdentifier).
        "paginated": {key: page.attributes(project.field_prefix) for key, page in derived.pages.items()},
        # "group.name" -> "POST /v1/models/{model_id}": the route as the spec writes it (the generator rewrites
        # a path's placeholders to Python names).
        "routes": {
            f"{name.group}.{name.name}": f"{method.upper()} {path}" for (method, path), name in derived.names.items()
        },
        # Each operation the spec marks deprecated: its docstrings say so, and a call warns.
        "deprecated": sorted(
            f"{name.group}.{name.name}" for key, name in derived.names.items() if spec_operations[key].get("deprecated")
        ),
        # A polled operation's waiters (pipeline/generate/waiters.py).
        "waiters": waiters_by_operation(derived.waiters, derived.names),
        # [requests, seconds]: the operation's rate limit (pipeline/generate/rate_limits.py).
        "rate_limits": rate_limits_by_operation(derived.rate_limits, derived.names),
        # The names a group of the client tree must not take (tree.jinja).
        "client_members": client_members(project.runtime),
        # A query parameter's serialisation where it is not form, exploded (wire_support.py).
        "query_styles": query_styles(project.spec, derived.names),
        # The operation's own security, where it differs from the spec's top-level one (auth_scheme.py).
        "security": derived.auth.by_operation(derived.names),
        # The operation's own server (path-item or operation `servers`), where not the spec's (client_defaults.py).
        "servers": derived.servers,
        # A body whose schema requires no field but asks for some (endpoints.asks_for_some: never sent as `{}`).
        "asks_for_some": sorted(
            f"{name.group}.{name.name}"
            for key, name in derived.names.items()
            if asks_for_some(project.spec, spec_operations[key])
        ),
    }


def check_every_operation_generated(
    spec_path: Path, spec: dict[str, Any], package: Path, names: dict[tuple[str, str], OperationName]
) -> None:
    """The generator can drop an operation and still exit 0: each operation of `spec` (less what the
    generator said it left out) has its module, named where one is missing."""
    modules = {(op.method, op.path): names[(op.method, op.path)] for op in operations(spec)}
    missing = [
        f"{method.upper()} {path}"
        for (method, path), name in modules.items()
        if not (package / "api" / name.group / f"{name.name}.py").is_file()
    ]
    if missing:
        raise PipelineError(
            *(f"{spec_path}: {label}: the generator wrote no module for it, and gave no reason" for label in missing)
        )


def left_out_warning(spec_path: Path, parts: list[str]) -> list[str]:
    """The warning that lists what the generator left out (LeftOut.describe lines), one line a part."""
    if not parts:
        return []
    return [
        f"{spec_path}: {len(parts)} part(s) of the spec the client cannot have, left out of it"
        " (the package's LEFT_OUT and docstring list them):",
        *(f"  {part}" for part in parts),
    ]


def endpoint_modules(package: Path) -> list[Path]:
    return [p for p in package.glob("api/*/*.py") if p.name != "__init__.py"]
