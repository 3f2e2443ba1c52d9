"""Run the pinned openapi-python-client on the prepared spec; say what it refused, all of it, briefly.

The generator runs in its own process while the slowest check, the meta-schema (spec_check.py says its
cost), runs here: side by side on two cores it adds next to nothing. A spec the check rejects stops the
generator. With `--fail-on-warning` the generator exits non-zero on any operation or schema it would
leave out, and names each in a paragraph of its report; each becomes one line here, the JSON it echoes
left out.
"""

import json
import os
import re
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from . import PipelineError, generator_fixes

_NOT_GENERATED = re.compile(r"^WARNING parsing (\S+) (.+?) within .*Endpoint will not be generated\.$")
_SCHEMA = re.compile(r"^Unable to (?:parse|process) schema (/\S+?):?$")
_NOISE = ("Warning(s) encountered", "If you believe", "Failure to process schema", "Generating ", "/components/")


def generate(
    prepared: dict[str, Any],
    config: Path,
    templates: Path,
    workdir: Path,
    alongside: Callable[[], list[str]],
    waited: Collection[tuple[str, str]] = (),
    facts: dict[str, Any] | None = None,
) -> None:
    """Generate into `workdir`; PipelineError listing what `alongside()` found, or else what the generator
    refused. `waited`: the (group, name) of the operations a waiter polls (naming.rename_collisions);
    `facts`: what the pipeline derived about each operation (build.operation_facts), for the plans."""
    spec = workdir / "openapi.json"
    spec.write_text(json.dumps(prepared), encoding="utf-8")
    arguments = [
        "generate",
        "--path", str(spec.resolve()),
        "--config", str(config.resolve()),
        "--custom-template-path", str(templates.resolve()),
        "--meta", "none",
        "--fail-on-warning",
    ]  # fmt: skip
    bin_dir = Path(sys.executable).parent
    # The post-hooks' ruff is the virtualenv's; plain tracebacks, so the exception line can be picked out.
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {"PATH": path, "NO_COLOR": "1", "_TYPER_STANDARD_TRACEBACK": "1"}
    package_dir = workdir / "out"
    package_dir.mkdir()
    process = _Generator(arguments, package_dir, env, workdir, waited, facts or {})
    try:
        found = alongside()
    except BaseException:
        process.kill()
        raise
    if found:
        process.kill()
        raise PipelineError(*found)
    returncode, stdout, stderr = process.wait()
    if returncode != 0:
        raise PipelineError(*refusals(stderr, stdout))


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
            try:
                os.chdir(cwd)
                os.environ.update(env)
                os.dup2(self._out.fileno(), 1)
                os.dup2(self._err.fileno(), 2)
                sys.stdout, sys.stderr = (open(fd, "w", encoding="utf-8", closefd=False) for fd in (1, 2))
                parsed: list[Any] = []
                _keep_compiled_templates()
                generator_fixes.apply()
                _rename_collisions(waited, parsed)
                _plans_for_templates(parsed, facts)
                app(arguments, prog_name="openapi-python-client")
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
            except BaseException:
                traceback.print_exc()
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


def _rename_collisions(waited: Collection[tuple[str, str]], parsed: list[Any]) -> None:
    """Apply naming.rename_collisions to the document the generator parses, and keep it in `parsed` for the
    templates' Python (in the child only)."""
    from openapi_python_client.parser.openapi import GeneratorData

    from .naming import rename_collisions

    parse = GeneratorData.from_dict

    def parsed_and_renamed(data: dict[str, Any], *, config: Any) -> Any:
        result = parse(data, config=config)
        if isinstance(result, GeneratorData):
            rename_collisions(result, waited)
            parsed.append(result)
        return result

    GeneratorData.from_dict = staticmethod(parsed_and_renamed)  # type: ignore[method-assign]


def _plans_for_templates(parsed: list[Any], facts: dict[str, Any]) -> None:
    """Give the templates what is decided in Python: `readers` (readers.py, the reading code), `model_plans`
    (models.py, a plan for each model) and `endpoints` (endpoints.py, a plan for each operation); the
    templates print them (in the child only; the generator
    makes its Jinja environment once the document is parsed)."""
    import jinja2

    from .endpoints import EndpointPlans, Facts
    from .models import ModelPlans
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

        readers = Readers(parsed[-1].models if parsed else [], stock)
        self.globals["readers"] = readers
        self.globals["model_plans"] = ModelPlans(readers)
        if facts:
            self.globals["endpoints"] = EndpointPlans(Facts.of(facts), readers, stock_macro)

    jinja2.Environment.__init__ = with_plans  # type: ignore[method-assign]


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
    """One line for each operation or schema the generator left out, with its reason; for a crash, the exception."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        return [f"openapi-python-client failed: {lines[-1]}"]
    found: list[list[str]] = []
    kept = [line for line in (stderr + "\n\n" + stdout).splitlines() if not line.startswith(_NOISE)]
    for paragraph in re.split(r"\n\s*\n", "\n".join(kept)):
        text = paragraph.strip()
        first = text.splitlines()[0] if text else ""
        if not text or text.startswith(("{", "[", "Schema(", "Reference(", "Parameter(", "RequestBody(", "Response(")):
            continue
        operation, schema = _NOT_GENERATED.match(first), _SCHEMA.match(first)
        if operation:
            found.append([f"{operation.group(1)} {operation.group(2)}: not generated"])
        elif schema:
            found.append([f"{' > '.join(schema.group(1).strip('/').split('/'))}: not generated"])
        elif found:
            found[-1].append(" ".join(text.split()))
        else:
            found.append([f"openapi-python-client: {' '.join(text.split())}"])
    return [": ".join(parts) for parts in found] or ["openapi-python-client failed without saying why"]
