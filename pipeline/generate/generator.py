"""Run the pinned openapi-python-client on the prepared spec; say what it left out, and why it stopped.

The generator runs in its own process while the slowest check, the meta-schema (spec_check.py says its
cost), runs here: side by side on two cores it adds next to nothing. A spec the check rejects stops the
generator. An operation, response or schema the generator cannot build it leaves out and goes on; the
child process reads its errors as places in the document (left_out.py) as soon as it has parsed the
spec, so the package's docstring lists them, and writes them to a report beside its logs. What stops
the run (generated code that does not parse, a document it cannot read, a crash) is in the report too,
one line each, named by the place in the spec it came from where that is known.
"""

import json
import os
import re
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import PipelineError
from ..spec.openapi import Location, mapping, operations, resolve, where
from . import generator_fixes
from .left_out import LeftOut, as_mapping, in_document_order, read_errors, schema_place, without_success

MAX_LINE = 300  # characters of a stop's message kept
# Media types the generator reads itself (a `content_type_overrides` entry for one would change that).
_READ_AS_IS = {
    "application/json", "application/octet-stream", "multipart/form-data", "application/x-www-form-urlencoded"
}  # fmt: skip


def generator_config(config: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """The generator's configuration: generator-config.yaml's, and where a body's media types are none the
    generator reads by name (JSON, text, form, multipart, `application/octet-stream`), each of them whose
    schema is a binary string (Box's `image/png` thumbnail, Plaid's `application/pdf`) read and sent as
    bytes, as `application/octet-stream` is: the generator would leave that response or operation out. A
    wildcard (`image/*`) is no Content-Type to send, and is not mapped; a mapping generator-config.yaml
    gives (`content_type_overrides`) is kept."""
    found = {}
    for op in operations(spec):
        contents = [mapping(resolve(spec, op.operation.get("requestBody")), "content")]
        contents += [mapping(resolve(spec, r), "content") for r in mapping(op.operation, "responses").values()]
        for content in contents:
            bases = [str(media).split(";")[0].strip().lower() for media in content]
            if any(base in _READ_AS_IS or base.startswith("text/") or base.endswith("+json") for base in bases):
                continue  # the generator reads one of them
            for media, item in content.items():
                schema = resolve(spec, item.get("schema")) if isinstance(item, dict) else None
                if "*" not in str(media) and isinstance(schema, dict) and schema.get("format") == "binary":
                    found[str(media)] = "application/octet-stream"
    overrides = {**found, **(config.get("content_type_overrides") or {})}
    return {**config, "content_type_overrides": overrides} if overrides else config


REPORT = "report.json"  # what the child found, beside its stdout and stderr
_UNPARSED = re.compile(r"Failed to parse (\S+?):(\d+):(\d+): (.*)")


def generate(
    prepared: dict[str, Any],
    config: Path,
    templates: Path,
    workdir: Path,
    alongside: Callable[[], list[str]],
    waited: Collection[tuple[str, str]] = (),
    facts: dict[str, Any] | None = None,
    left_out: Collection[LeftOut] = (),
) -> "Generated":
    """Generate into `workdir`; what the generator left out, and where each module came from. PipelineError
    listing what `alongside()` found, or else what stopped the generator (the parts left out its warnings).
    `waited`: the (group, name) of the operations a waiter polls (naming.rename_collisions);
    `facts`: what the pipeline derived about each operation (build.operation_facts), for the plans;
    `left_out`: the operations the pipeline leaves out (wire_support.py), listed with the generator's."""
    spec = workdir / "openapi.json"
    spec.write_text(json.dumps(prepared), encoding="utf-8")
    arguments = [
        "generate",
        "--path", str(spec.resolve()),
        "--config", str(config.resolve()),
        "--custom-template-path", str(templates.resolve()),
        "--meta", "none",
    ]  # fmt: skip
    bin_dir = Path(sys.executable).parent
    # The post-hooks' ruff is the virtualenv's; plain tracebacks, so the exception line can be picked out.
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {"PATH": path, "NO_COLOR": "1", "_TYPER_STANDARD_TRACEBACK": "1"}
    package_dir = workdir / "out"
    package_dir.mkdir()
    process = _Generator(arguments, package_dir, env, workdir, waited, facts or {}, list(left_out))
    try:
        found = alongside()
    except BaseException:
        process.kill()
        raise
    if found:
        process.kill()
        raise PipelineError(*found)
    returncode, stdout, stderr = process.wait()
    found = json.loads((workdir / REPORT).read_text(encoding="utf-8")) if (workdir / REPORT).is_file() else {}
    left_out = [LeftOut(tuple(location), reason) for location, reason in found.get("left_out", [])]
    stops = found.get("stops", [])
    if returncode != 0 or stops:
        raise PipelineError(*(stops or refusals(stderr, stdout)), warnings=[part.describe() for part in left_out])
    return Generated(left_out, found.get("modules", {}))


@dataclass(frozen=True)
class Generated:
    left_out: list[LeftOut]  # what the generator could not build, in document order
    modules: dict[str, str]  # a generated module ("models/thing.py") -> the place in the spec it came from


class _Generator:
    """openapi-python-client's command line, running in a child process.

    Where the OS can fork, the child is a fork of this process, which has imported the generator already
    (operation_names.py uses its naming functions): a run then costs its work, not the generator's
    0.45 s start-up, which `make test` would pay for each of its fifteen generations; and the child
    keeps the templates it compiles (`_keep_compiled_templates`). Elsewhere the child is the generator's
    own executable. Either way it writes its report into two files in `logs`.
    """

    def __init__(
        self,
        arguments: list[str],
        cwd: Path,
        env: dict[str, str],
        logs: Path,
        waited: Collection[tuple[str, str]],
        facts: dict[str, Any],
        left_out: list[LeftOut],
    ) -> None:
        self._out, self._err = (open(logs / name, "w+", encoding="utf-8") for name in ("stdout", "stderr"))
        self._process: subprocess.Popen[bytes] | None = None
        self._pid = 0
        if not hasattr(os, "fork"):
            executable = Path(sys.executable).with_name("openapi-python-client")
            self._process = subprocess.Popen([str(executable), *arguments], cwd=cwd, env={**os.environ, **env},
                                             stdout=self._out, stderr=self._err)  # fmt: skip
            return
        from openapi_python_client.cli import app  # imported once, in this process, before any fork

        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: nothing here returns
            code = 1
            report = _Report(logs.resolve() / REPORT, left_out)
            try:
                os.chdir(cwd)
                os.environ.update(env)
                os.dup2(self._out.fileno(), 1)
                os.dup2(self._err.fileno(), 2)
                sys.stdout, sys.stderr = (open(fd, "w", encoding="utf-8", closefd=False) for fd in (1, 2))
                parsed: list[Any] = []
                _keep_compiled_templates()
                generator_fixes.apply()
                _keep_where_schemas_belong()
                _rename_collisions(waited, parsed, report)
                _plans_for_templates(parsed, facts, report)
                _report_what_stops(report)
                app(arguments, prog_name="openapi-python-client")
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
            except BaseException as crash:
                traceback.print_exc()
                report.crashed(crash)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self._pid = pid

    def kill(self) -> None:
        if self._process:
            self._process.kill()
        else:
            os.kill(self._pid, signal.SIGKILL)
        self.wait()

    def wait(self) -> tuple[int, str, str]:
        """The exit code, and what the generator wrote to stdout and stderr."""
        if self._process:
            returncode = self._process.wait()
        else:
            returncode = os.waitstatus_to_exitcode(os.waitpid(self._pid, 0)[1])
        reports = []
        for file in (self._out, self._err):
            file.seek(0)
            reports.append(file.read())
            file.close()
        return returncode, reports[0], reports[1]


class _Report:
    """What the child found, written to `path` (JSON) as soon as it is known: the parts the generator
    left out (once it has parsed the spec) and the lines that stop the run; and which generated module
    came from which place in the spec, to name the place when ruff cannot parse the module."""

    def __init__(self, path: Path, preset: list[LeftOut]) -> None:
        self.path = path
        self.preset = preset  # what the pipeline leaves out before the generator reads the spec
        self.spec: dict[str, Any] = {}
        self.left_out: list[LeftOut] = []
        self.stops: list[str] = []
        self.read: set[int] = set()  # the generator's errors read as parts left out, or already said
        self.modules: dict[str, str] = {}  # "models/thing.py" -> "components > schemas > Thing"
        self.writing = ""  # the place whose module a template is writing

    def parsed(self, spec: dict[str, Any], data: Any) -> None:
        """The generator has parsed `spec` into `data` (GeneratorData), errors and all."""
        from openapi_python_client.strings import PythonIdentifier

        self.spec = spec
        collections = data.endpoint_collections_by_tag
        errors = [*data.errors, *(error for collection in collections.values() for error in collection.parse_errors)]
        self.left_out, others = read_errors(errors, spec)
        self.read = {id(error) for error in errors} - {id(error) for error in others}
        # By route: the generator writes a path parameter's name in snake case (`{AccountSid}` -> `{account_sid}`).
        endpoints = {
            _route(("paths", _text(endpoint.path), endpoint.method.lower())): (collection, endpoint)
            for collection in collections.values()
            for endpoint in collection.endpoints
        }

        def succeeds(operation: Location) -> bool:
            operation = _route(operation)
            responses = endpoints[operation][1].responses.patterns if operation in endpoints else []
            return any(response.status_code.pattern.upper().startswith("2") for response in responses)

        read = without_success(self.left_out, succeeds, spec)
        gone = {part.location for part in self.preset}  # what the generator says of an operation left out anyway
        self.left_out = in_document_order(
            [*self.preset, *(part for part in read if part.location[:3] not in gone)], spec
        )
        for part in self.left_out:  # the generator wrote no call for these; the templates write none either
            if _route(part.location) in endpoints:
                collection, endpoint = endpoints.pop(_route(part.location))
                collection.endpoints.remove(endpoint)
        self.left_out = in_document_order([*self.left_out, *without_dangling(data, spec)], spec)
        for model in [*data.models, *data.enums]:
            self.modules[f"models/{model.class_info.module_name}.py"] = _place_of(model, spec)
        for tag, collection in collections.items():
            for endpoint in collection.endpoints:
                self.modules[f"api/{tag}/{PythonIdentifier(endpoint.name, '')}.py"] = _place_of(endpoint, spec)
        self.write()

    def crashed(self, crash: BaseException) -> None:
        message = _one_line(f"{type(crash).__name__}: {crash}")
        writing = f" (writing {self.writing})" if self.writing else ""
        self.stops.append(f"openapi-python-client failed: {_cut(message)}{writing}")
        self.write()

    def write(self) -> None:
        found = {
            "left_out": [[list(part.location), part.reason] for part in self.left_out],
            "stops": self.stops,
            "modules": self.modules,
        }
        self.path.write_text(json.dumps(found), encoding="utf-8")


def _place_of(thing: Any, spec: dict[str, Any]) -> str:
    """Where a model, enum or endpoint the generator parsed is in the spec, as a message names it."""
    if hasattr(thing, "method"):
        return LeftOut(("paths", str(_text(thing.path)), str(thing.method).lower()), "").place
    return where(schema_place(str(_text(thing.name)), getattr(thing, "roots", ()), getattr(thing, "data", None), spec))


def _text(value: Any) -> Any:
    return value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _cut(text: str) -> str:
    return text if len(text) <= MAX_LINE else text[:MAX_LINE] + "..."


def _route(location: Location) -> Location:
    """An operation's location with its path parameters unnamed (`/a/{}`); anything else as it came."""
    if len(location) == 3 and location[0] == "paths":
        return ("paths", re.sub(r"\{[^{}]*\}", "{}", str(location[1])), location[2])
    return location


def without_dangling(data: Any, spec: dict[str, Any]) -> list[LeftOut]:
    """The models and operations that still refer to a model the generator dropped (through a union or a
    list, where its own removal does not follow), taken out of `data` until none does: each would import a
    module that is not written. One LeftOut each, naming the first missing schema it uses."""
    found: list[LeftOut] = []
    while True:
        written = {model.class_info.name for model in [*data.models, *data.enums]}
        dropped = []
        for model in data.models:
            missing = _missing_models(model.required_properties or [], model.optional_properties or [],
                                      [model.additional_properties], written=written)  # fmt: skip
            if missing:
                dropped.append((model, missing[0]))
        for model, missing in dropped:
            data.models.remove(model)
            found.append(LeftOut(_location_of(model, spec), f"uses {_place_of(missing, spec)}, left out"))
        for collection in data.endpoint_collections_by_tag.values():
            for endpoint in list(collection.endpoints):
                parts = [*endpoint.path_parameters, *endpoint.query_parameters, *endpoint.header_parameters,
                         *endpoint.cookie_parameters, *(body.prop for body in endpoint.bodies),
                         *(response.prop for response in endpoint.responses)]  # fmt: skip
                missing = _missing_models(parts, written=written)
                if missing:
                    collection.endpoints.remove(endpoint)
                    location = ("paths", _text(endpoint.path), endpoint.method.lower())
                    found.append(LeftOut(location, f"uses {_place_of(missing[0], spec)}, left out"))
        if not dropped:
            return found


def _missing_models(*groups: list[Any], written: set[Any]) -> list[Any]:
    """The models, among these properties and what they hold, that are not written."""
    from openapi_python_client.parser.properties import ModelProperty
    from openapi_python_client.parser.properties.list_property import ListProperty
    from openapi_python_client.parser.properties.union import UnionProperty

    missing: list[Any] = []
    seen: set[int] = set()

    def visit(prop: Any) -> None:
        if prop is None or isinstance(prop, bool) or id(prop) in seen:
            return
        seen.add(id(prop))
        if isinstance(prop, ModelProperty):
            if prop.class_info.name not in written:
                missing.append(prop)
        elif isinstance(prop, ListProperty):
            visit(prop.inner_property)
        elif isinstance(prop, UnionProperty):
            for inner in prop.inner_properties:
                visit(inner)

    for group in groups:
        for prop in group:
            visit(prop)
    return missing


def _location_of(model: Any, spec: dict[str, Any]) -> Location:
    return schema_place(str(_text(model.name)), getattr(model, "roots", ()), getattr(model, "data", None), spec)


def _rename_collisions(waited: Collection[tuple[str, str]], parsed: list[Any], report: _Report) -> None:
    """Apply naming.rename_collisions to the document the generator parses, and keep it in `parsed` for the
    templates' Python; tell `report` what the generator could not build (in the child only)."""
    from openapi_python_client.parser.openapi import GeneratorData

    from .naming import rename_collisions

    parse = GeneratorData.from_dict

    def parsed_and_renamed(data: dict[str, Any], *, config: Any) -> Any:
        result = parse(data, config=config)
        if isinstance(result, GeneratorData):
            rename_collisions(result, waited)
            parsed.append(result)
            report.parsed(data, result)
            # A group whose every operation is left out is no group of the client.
            collections = result.endpoint_collections_by_tag
            result.endpoint_collections_by_tag = {tag: each for tag, each in collections.items() if each.endpoints}
        else:  # the document itself: a line for each place the generator cannot read
            said = _cut(f"openapi-python-client: {result.header}: {_one_line(result.detail)}")
            report.stops += _unreadable(data) or [said]
            report.read.add(id(result))
            report.write()
        return result

    GeneratorData.from_dict = staticmethod(parsed_and_renamed)  # type: ignore[method-assign]


def _keep_where_schemas_belong() -> None:
    """The generator names a schema it could not build by the class it would have made (`Thing_item_type_0`
    for an inline one): keep on its error the components the schema belongs to and its content, for
    left_out.schema_place to find it in the document (in the child only)."""
    from openapi_python_client.parser import properties

    removed = properties._process_model_errors

    def kept(model_errors: list[tuple[Any, Any]], *, schemas: Any) -> list[Any]:
        for model, error in model_errors:
            error.roots, error.schema = list(model.roots), model.data
        return removed(model_errors, schemas=schemas)

    properties._process_model_errors = kept


def _unreadable(data: dict[str, Any]) -> list[str]:
    """Where the generator's model of OpenAPI (pydantic) refuses the document: a line for each place, with
    what it said of each kind it tried there (`const` as a string, an integer, ...)."""
    from openapi_python_client.schema import OpenAPI
    from pydantic import ValidationError

    try:
        OpenAPI.model_validate(data)
    except ValidationError as err:
        by_place: dict[str, dict[str, None]] = {}
        for error in err.errors():
            by_place.setdefault(where(_in_document(data, error["loc"])), {})[error["msg"]] = None
        return [
            _cut(f"{place}: openapi-python-client cannot read it: {'; '.join(said)}")
            for place, said in by_place.items()
        ]
    return []


def _in_document(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """A pydantic error's location as keys of the document: the names of the kinds it tried (`Schema`,
    `str`) are not keys, and are passed over."""
    location = []
    for key in loc:
        if isinstance(data, dict) and str(key) in data:
            data = data[str(key)]
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            continue
        location.append(key)
    return tuple(location)


def _report_what_stops(report: _Report) -> None:
    """Each error the generator reports at its end that is not a part it left out (ruff could not parse a
    module it wrote, a post-hook is missing) as lines in `report`, a module named by its place in the spec
    (in the child only). The generator then exits non-zero for an error, as ever."""
    from openapi_python_client import cli

    handle = cli.handle_errors

    def reported(errors: Any, fail_on_warning: bool = False) -> None:
        for error in errors:
            if id(error) not in report.read:
                report.stops += _stop_lines(error, report.modules)
        report.write()
        handle(errors, fail_on_warning)

    cli.handle_errors = reported


def _stop_lines(error: Any, modules: dict[str, str]) -> list[str]:
    detail = error.detail or ""
    unparsed = [match.groups() for match in _UNPARSED.finditer(detail)]
    if unparsed:
        return [
            _cut(f"{modules.get(module, module)}: the generated code does not parse ({module}:{line}:{column}: {what})")
            for module, line, column, what in unparsed
        ]
    return [_cut(f"openapi-python-client: {_one_line(error.header)}: {_one_line(detail)}".rstrip(": "))]


def _plans_for_templates(parsed: list[Any], facts: dict[str, Any] | None, report: _Report) -> None:
    """Give the templates what is decided in Python: `readers` (readers.py, the reading code), `model_plans`
    (models.py, a plan for each model), `endpoints` (endpoints.py, a plan for each operation) and
    `left_out`, the docstring's lines for what the generator could not build; the templates print them (in
    the child only; the generator makes its Jinja environment once the document is parsed). Each render
    notes the place it writes, for a crash to name."""
    import jinja2

    from .endpoints import EndpointPlans, Facts
    from .models import ModelPlans
    from .naming import group_attribute
    from .readers import Readers

    setup = jinja2.Environment.__init__

    def with_plans(self: jinja2.Environment, *args: Any, **kwargs: Any) -> None:
        setup(self, *args, **kwargs)

        def stock(prop: Any, name: str) -> str:  # a kind readers.py does not know: its stock construct macro
            macros: Any = self.get_template(f"property_templates/{prop.template}").module
            return str(macros.construct(prop, name))

        def stock_macro(name: str, *arguments: Any) -> str:  # endpoint_macros.py.jinja's, where the plan keeps one
            macros: Any = self.get_template("endpoint_macros.py.jinja").module
            return str(getattr(macros, name)(*arguments))

        # Docstrings are Markdown: a line broken after a hyphen shows a space there (`image- latest`), and
        # inside a code span breaks the span. Jinja's wordwrap breaks on hyphens unless told not to.
        wrap = self.filters["wordwrap"]

        @jinja2.pass_environment
        def wordwrap(env: jinja2.Environment, text: str, width: int = 79, *args: Any, **kwargs: Any) -> str:
            return str(wrap(env, text, width, *args, **{"break_on_hyphens": False, **kwargs}))

        self.filters["wordwrap"] = wordwrap
        readers = Readers(parsed[-1].models if parsed else [], stock)
        self.globals["readers"] = readers
        self.globals["model_plans"] = ModelPlans(readers, report.spec)
        self.globals["group_attribute_of"] = group_attribute
        if facts:
            self.globals["endpoints"] = EndpointPlans(Facts.of(facts), readers, stock_macro, report.left_out)
        self.globals["left_out"] = [part.markdown() for part in report.left_out]
        self.globals["left_out_mapping"] = repr(as_mapping(report.left_out))

    jinja2.Environment.__init__ = with_plans  # type: ignore[method-assign]
    render = jinja2.Template.render

    def noting_the_place(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        thing = kwargs.get("model") or kwargs.get("enum") or kwargs.get("endpoint")
        report.writing = _place_of(thing, report.spec) if thing is not None else ""
        return render(self, *args, **kwargs)

    jinja2.Template.render = noting_the_place  # type: ignore[method-assign]


def _keep_compiled_templates() -> None:
    """Give the generator's Jinja environment a bytecode cache, which it has no option for (0.29.1).

    Compiling its two dozen templates takes 0.5 s, most of a small spec's run. The cache sits in the
    user's temporary directory; an entry is found by the template's name (not its file: each run stages
    the templates in a new directory) and used only while its source is unchanged. The file names carry
    both versions, since a new generator may set its environment up differently.
    """
    import jinja2
    from openapi_python_client import __version__

    class ByName(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return super().get_cache_key(name)

    cache = ByName(pattern=f"openapi-python-client-{__version__}-jinja2-{jinja2.__version__}-%s.cache")
    setup = jinja2.Environment.__init__

    def with_cache(self: jinja2.Environment, *args: Any, **kwargs: Any) -> None:
        setup(self, *args, **kwargs)
        self.bytecode_cache = cache

    jinja2.Environment.__init__ = with_cache  # type: ignore[method-assign]  # in the child only


def refusals(stderr: str, stdout: str) -> list[str]:
    """For a run that stopped without a line in its report: a crash's exception, else what it said, briefly."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        return [f"openapi-python-client failed: {_cut(lines[-1])}"]
    said = [_cut(line.strip()) for line in (stderr + "\n" + stdout).splitlines() if line.strip()]
    return said[:5] or ["openapi-python-client failed without saying why"]
