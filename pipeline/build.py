"""Step 4: run the pinned generator into a staging directory; only a complete result replaces generated/.

Facts this works around: `--overwrite` rewrites api/ and models/ even when the run then fails, and
`--meta none` writes no py.typed. So the generator always writes into a fresh directory beside
generated/, and the swap happens only after every step succeeded.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import PipelineError
from .auth_scheme import AuthHeader, derive_auth_header
from .client_defaults import ClientDefaults, derive_client_defaults
from .config_check import check_config
from .operation_names import operation_names
from .pagination import paginated
from .spec_check import check_schema, check_structure
from .spec_prepare import prepare_spec
from .wire_support import HTTP_METHODS, check_wire_support

MAX_GENERATOR_LINES = 8  # of the generator's own report, when it fails


@contextmanager
def staged_build(spec_path: Path, config_path: Path, templates: Path, out: Path) -> Iterator[tuple[Path, AuthHeader]]:
    """Validate the inputs and generate into a staging copy of `out`; yield it and the derived auth header."""
    config = check_config(config_path)
    spec = check_structure(spec_path)
    overrides = config.get("operation_overrides")
    try:
        check_wire_support(spec_path, spec)
        auth = derive_auth_header(spec_path, spec)
        defaults = derive_client_defaults(spec_path, spec, str(config.get("api_key_env", "")))
        names = operation_names(spec, overrides)
        pages = paginated(spec, names)
    except PipelineError as err:
        raise PipelineError(f"{spec_path}: {err}" if not str(err).startswith(str(spec_path)) else str(err)) from None
    except (AttributeError, TypeError, KeyError, IndexError, ValueError):
        # A spec the quick checks let through but these steps cannot read is malformed: the meta-schema
        # check, which otherwise runs beside the generator, says where.
        check_schema(spec_path, spec)
        raise
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generate-", dir=out.parent))
    try:
        version = _client_version(config_path, config)
        field_prefix = str(config.get("field_prefix", "field_"))
        paged = {key: page.attributes(field_prefix) for key, page in pages.items()}
        staged_templates = _stage_templates(templates, auth, defaults, version, paged, staging / "templates")
        staged_out = staging / out.name
        staged_out.mkdir()
        prepared_path = staging / "openapi.json"  # what the generator reads: openapi.yaml, prepared
        prepared = prepare_spec(spec, overrides)
        prepared_path.write_text(json.dumps(prepared), encoding="utf-8")
        _generate_while_validating(spec_path, spec, prepared_path, config_path, staged_templates, staged_out)
        packages = [p for p in staged_out.iterdir() if p.is_dir()]
        if len(packages) != 1:
            raise PipelineError(f"generator wrote {len(packages)} packages, expected one")
        (packages[0] / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
        check_every_operation_generated(spec_path, spec, packages[0])
        yield staged_out, auth
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def generate(spec_path: Path, config_path: Path, templates: Path, out: Path) -> str:
    """Regenerate `out`; on any failure `out` is left as it was. Returns a one-line summary."""
    with staged_build(spec_path, config_path, templates, out) as (staged_out, auth):
        previous = staged_out.parent / "previous"
        if out.exists():
            out.rename(previous)
        try:
            staged_out.rename(out)
        except OSError:
            if previous.exists():
                previous.rename(out)  # put the old tree back before the staging directory is removed
            raise
        package = next(p for p in out.iterdir() if p.is_dir())
        return f"{out}/{package.name}: {len(_endpoint_modules(package))} operations, auth header {auth.describe()}"


def _client_version(config_path: Path, config: dict) -> str:
    # The generator hands templates this value wrapped as untrusted; checked here, it can be written as is.
    version = str(config.get("package_version_override") or "0")
    if not re.fullmatch(r"[0-9A-Za-z.+!-]+", version):
        raise PipelineError(f"{config_path}: package_version_override {version!r} is not a version number")
    return version


def _stage_templates(
    templates: Path, auth: AuthHeader, defaults: ClientDefaults, version: str, paged: dict[str, list[str]], staged: Path
) -> Path:
    """The project's templates plus derived.jinja: what the pipeline derived, for the templates to read."""
    if templates.is_dir():
        shutil.copytree(templates, staged)
    else:
        staged.mkdir()
    # Every value was checked to be safe inside Jinja and Python string literals (auth_scheme, client_defaults).
    facts = {
        "auth_name": auth.name,
        "auth_prefix": auth.prefix,
        "base_url": defaults.base_url,
        "api_key_env": defaults.api_key_env,
        "version": version,
    }
    lines = [f'{{% set {name} = "{value}" %}}' for name, value in facts.items()]
    # "group.name" -> [items, pagination, cursor, has_more]: Python identifiers all (operation_names, PythonIdentifier).
    lines.append(f"{{% set paginated = {json.dumps(paged, sort_keys=True)} %}}")
    (staged / "derived.jinja").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return staged


def _generate_while_validating(
    spec_path: Path, spec: dict, prepared: Path, config_path: Path, templates: Path, workdir: Path
) -> None:
    """Run the generator in its own process while the meta-schema check, the slowest check, runs here.

    On Baseten's 183-operation spec they take about 2.5 s and 1.7 s; side by side on two cores,
    validation adds next to nothing. A spec the check rejects stops the generator and reports the check.
    """
    bin_dir = Path(sys.executable).parent
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path", str(prepared.resolve()),
        "--config", str(config_path.resolve()),
        "--custom-template-path", str(templates.resolve()),
        "--meta", "none",
        "--fail-on-warning",
    ]  # fmt: skip
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    # Plain tracebacks instead of typer's boxed ones, so the exception line can be picked out.
    env = {**os.environ, "PATH": path, "NO_COLOR": "1", "_TYPER_STANDARD_TRACEBACK": "1"}
    process = subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        check_schema(spec_path, spec)
    except BaseException:
        process.kill()
        process.communicate()
        raise
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise PipelineError(f"openapi-python-client failed on {spec_path}:\n" + _brief(stderr, stdout))


def _brief(stderr: str, stdout: str) -> str:
    """The generator's own findings, or for a crash the exception line; not pages of traceback."""
    errors = [line for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in errors):
        return errors[-1]
    lines = [line for line in errors + stdout.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(("Generating ", "If you believe", "https://"))]
    shown = lines[:MAX_GENERATOR_LINES]
    more = [f"... ({len(lines) - len(shown)} more lines)"] if len(lines) > len(shown) else []
    return "\n".join(shown + more)


def check_every_operation_generated(spec_path: Path, spec: dict, package: Path) -> None:
    """The generator can drop an operation it cannot parse and still exit 0; count them."""
    expected = sum(
        1 for item in (spec.get("paths") or {}).values() for method in (item or {}) if method in HTTP_METHODS
    )
    found = len(_endpoint_modules(package))
    if found != expected:
        raise PipelineError(f"{spec_path}: {expected} operations in the spec, but the generator wrote {found}")


def _endpoint_modules(package: Path) -> list[Path]:
    return [p for p in package.glob("api/*/*.py") if p.name != "__init__.py"]
