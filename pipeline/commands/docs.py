"""`make docs`: an HTML reference of the generated package (pdoc), written as the client is used.

What the reference shows is derived here by introspecting the generated package: the client tree (each
group and what it holds), each operation's Operation classes and the module functions they forward to,
the models' attrs fields and TypedDict keys. The templates in pdoc_templates/ print that plan; pdoc
renders the signatures and docstrings, links the types and writes the pages:

- index.html, the front page (`<package>.html` is the same page): the whole client tree, every
  `client.<group>.<operation>` with the waiters and the operations that page, and the error classes.
- a group's page, `client.<group>`: its operations (the call, route and summary), waiters and iterators.
- an operation's page: `client.<group>.<operation>(...)` first, with its parameters and result, the async
  form beside it, then its docstring (arguments, errors, result), `.detailed()`, `.iterate()` and the
  waiters that poll it; the module functions last.
- models.html: every model and enum, a line each; each model's module is a page: the model's fields (type
  linked, default, description), its `…Dict` keys and their types, or an enum's values.
- client.html, errors.html, types.html: pdoc's own rendering; the client's constructor shows the defaults
  it applies (attrs shows `NOTHING` for a default made by a factory).

Any operation, waiter or iterator is one click from index.html, any model two. pdoc's search index is
written as the documents the browser indexes when the search box is first used, not precompiled with Node
(precompiled, Baseten's 183-operation spec made it 9.2 MB), and it holds what a reader looks for: each
call, waiter and iterator in the client's form, each model, enum and field, and the client, errors and
types pages. The stylesheet and the search script are one file each (pdoc.css, search-ui.js), not repeated
in every page.
"""

import enum
import importlib
import inspect
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import PipelineError
from ..project import Project

TEMPLATES = Path(__file__).parent / "pdoc_templates"  # pdoc's own templates, where the reference differs
PIPELINE_ROOT = Path(__file__).resolve().parents[2]  # where the rendering process imports this module from


def build_docs(project: Project, out: Path) -> str:
    """Render the reference of `project.generated` into `out`, replacing it once rendering succeeded."""
    generated = project.generated.resolve()
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise PipelineError(f"{out}: not empty and not a reference (no index.html); not replacing it")
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    # pdoc imports what it documents: its own interpreter, with the generated package first on its path.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), str(PIPELINE_ROOT)])}
    command = [sys.executable, "-m", "pipeline.commands.docs", str(partial), str(generated)]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        raise PipelineError("pdoc failed: " + (result.stderr.strip().splitlines() or ["no output"])[-1])
    shutil.rmtree(out, ignore_errors=True)
    partial.rename(out)
    pages = list(out.rglob("*.html"))
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return f"{out}/index.html: {len(pages)} pages, {size / 1e6:.1f} MB"


# What follows runs in the rendering process (`python -m pipeline.commands.docs OUT GENERATED`), which imports pdoc.


@dataclass
class Form:
    """One way to call something from the client: `client.models.get_deployment.detailed(...)`."""

    call: str  # as written: "client.models.get_deployment.detailed"
    async_call: str  # "client.aio.models.get_deployment.detailed"
    awaited: bool  # whether the async form is awaited (an async iterator is not: `async for`)
    method: Any  # the method the call is (Operation.detailed), whose signature less `self` is the call's
    async_method: Any
    behind: Any  # the module function it forwards to (sync_detailed), or None
    anchor: str  # its id on the operation's page
    docstring: str

    @property
    def signature(self) -> inspect.Signature:
        return without_self(self.method)

    @property
    def async_signature(self) -> inspect.Signature:
        return without_self(self.async_method)


def without_self(method: Any) -> inspect.Signature:
    signature = inspect.signature(method)
    return signature.replace(parameters=list(signature.parameters.values())[1:])


@dataclass
class OperationPage:
    module: str  # baseten_management.api.models.get_deployment
    group: str  # "client.models"
    name: str
    route: str  # "GET /v1/models/{model_id}"
    summary: str
    forms: list[Form]  # the call first, then .detailed, .iterate, ...
    waiters: list[Form] = field(default_factory=list)

    @property
    def call(self) -> Form:
        return self.forms[0]

    @property
    def iterators(self) -> list[Form]:
        return [form for form in self.forms if form.anchor == "iterate"]

    def functions(self, module: Any) -> list[Any]:
        """The module's public functions (pdoc's documentation of each), in the order the module defines them."""
        found = [m for m in module.members.values() if m.kind == "function" and not m.name.startswith("_")]
        return sorted(found, key=lambda member: member.obj.__code__.co_firstlineno)

    def behind(self, function: Any) -> Form | None:
        """The call on this page that forwards to a module function, whose docstring is shown there."""
        return next((form for form in self.forms + self.waiters if form.behind is function), None)


@dataclass
class GroupPage:
    module: str  # baseten_management.api.models
    attribute: str  # models: client.models
    operations: list[OperationPage]

    @property
    def waiters(self) -> list[tuple[OperationPage, Form]]:
        return [(op, waiter) for op in self.operations for waiter in op.waiters]

    @property
    def iterators(self) -> list[tuple[OperationPage, Form]]:
        return [(op, form) for op in self.operations for form in op.iterators]


@dataclass
class Row:
    """A field of a model, a key of its TypedDict, or a member of an enum."""

    name: str
    type: str  # dotted names, which pdoc links
    default: str | None = None  # None: required (a TypedDict's key: "required" or "optional"; an enum's value)
    description: str = ""
    argument: bool = True  # a model's field the constructor does not take (additional_properties) is not one


@dataclass
class ModelClass:
    name: str
    kind: str  # "model" (attrs), "dict" (TypedDict), "enum", or "class"
    docstring: str  # the model's without its Attributes section: those are the rows' descriptions
    rows: list[Row]
    methods: list[tuple[str, str]]  # the call and first sentence of each method shown (to_dict, from_dict)


@dataclass
class ModelPage:
    module: str
    classes: list[ModelClass]

    @property
    def name(self) -> str:
        return self.classes[0].name

    @property
    def summary(self) -> str:
        return first_sentence(self.classes[0].docstring)


@dataclass
class ErrorClass:
    name: str
    summary: str
    children: list["ErrorClass"]


@dataclass
class Reference:
    """Every page the reference draws itself, by module name, and what the front page shows."""

    package: str
    lead: str  # the package docstring up to its first section: what the front page opens with
    groups: list[GroupPage]
    models: list[ModelPage]
    errors: list[ErrorClass]

    def __post_init__(self) -> None:
        self.pages: dict[str, tuple[str, Any]] = {self.package: ("front", None), self.models_module: ("models", None)}
        self.pages.update({group.module: ("group", group) for group in self.groups})
        self.pages.update({op.module: ("operation", op) for group in self.groups for op in group.operations})
        self.pages.update({model.module: ("model", model) for model in self.models})

    @property
    def models_module(self) -> str:
        return f"{self.package}.models"

    def kind(self, module: str) -> str | None:
        """Which of reference/*.html.jinja2 draws the page of `module`; None: pdoc's own page."""
        return self.pages.get(module, (None, None))[0]

    def page(self, module: str) -> Any:
        return self.pages.get(module, (None, None))[1]

    def lists(self, module: str) -> bool:
        """Whether the page of `module` only lists its members, each linking to the page that documents it."""
        return self.kind(module) in ("front", "models", "group")

    def _page(self, module: str) -> tuple[str | None, Any]:
        return self.pages.get(module, (None, None))

    def title(self, module: str) -> str:
        kind, page = self._page(module)
        if kind == "operation":
            return str(page.call.call)
        if kind == "group":
            return f"client.{page.attribute}"
        if kind == "model":
            return f"{self.models_module}.{page.name}"
        return module

    def up(self, module: str) -> tuple[str, str] | None:
        """The page a page's back button leads to, and its label."""
        kind, page = self._page(module)
        if kind == "operation":
            return module.rpartition(".")[0], page.group
        if kind == "model":
            return self.models_module, "models"
        if kind == "front":
            return None
        return self.package, self.package

    @property
    def operations(self) -> int:
        return sum(len(group.operations) for group in self.groups)

    @property
    def model_sections(self) -> list[tuple[str, str, list[ModelPage]]]:
        """The models' index, as (title, id, pages): the models, then the enums; none empty."""
        enums = [page for page in self.models if page.classes[0].kind == "enum"]
        models = [page for page in self.models if page not in enums]
        return [section for section in (("Models", "models", models), ("Enums", "enums", enums)) if section[2]]


def names_only(signature: inspect.Signature) -> inspect.Signature:
    """A signature with its parameters' names and defaults, not their types (shown once, on the call)."""
    plain = [p.replace(annotation=inspect.Parameter.empty) for p in signature.parameters.values()]
    return inspect.Signature(plain, return_annotation=signature.return_annotation)  # one line, unlike pdoc's


def arguments(signature: inspect.Signature) -> str:
    """`(model_id, deployment_id, *, body)`: the parameters' names and defaults, as a call's summary."""
    return str(names_only(signature).replace(return_annotation=inspect.Signature.empty))


def first_sentence(text: str, limit: int = 160) -> str:
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    sentence = re.split(r"(?<![ei]\.[ge]\.)(?<=[.;])\s+(?=[A-Z`])", paragraph, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def properties(obj: object) -> list[str]:
    return [
        name
        for name in dir(type(obj))
        if not name.startswith("_") and isinstance(inspect.getattr_static(type(obj), name), property)
    ]


def public_methods(cls: type) -> list[str]:
    return [name for name, value in vars(cls).items() if not name.startswith("_") and inspect.isfunction(value)]


def forwarded_to(module: types.ModuleType, method: Any, name: str) -> Any:
    """The module function a tree member's method forwards to: the one whose docstring it was given
    (`Operation.__call__.__doc__ = sync.__doc__`), or the function of its own name (iterate)."""
    functions = [value for value in vars(module).values() if inspect.isfunction(value)]
    functions = [f for f in functions if f.__module__ == module.__name__ and not f.__name__.startswith("_")]
    doc = method.__doc__
    return next((f for f in functions if doc and f.__doc__ is doc), None) or next(
        (f for f in functions if f.__name__ == name), None
    )


def route_and_summary(module: types.ModuleType) -> tuple[str, str]:
    """An endpoint module's route and summary, from its docstring's first line: `GET /v1/models`: Lists..."""
    line = (module.__doc__ or "").strip().split("\n")[0]
    match = re.fullmatch(r"`([^`]+)`(?:: (.*))?", line)
    return (match[1], match[2] or "") if match else ("", line)


def client_tree(package: str) -> list[GroupPage]:
    """Every group of the client and what it holds, read from a client (which sends nothing here)."""
    client = importlib.import_module(f"{package}.client").AuthenticatedClient(
        base_url="https://reference.invalid", token="reference"
    )
    groups = []
    for attribute in properties(client):
        group = getattr(client, attribute)
        if not type(group).__module__.startswith(f"{package}.api."):
            continue  # client.aio, and anything else that is not a group
        async_group = getattr(client.aio, attribute)
        operations: dict[str, OperationPage] = {}
        waiters: list[tuple[str, Form]] = []
        for name in properties(group):
            member, async_member = getattr(group, name), getattr(async_group, name)
            module = sys.modules[type(member).__module__]
            call = form(f"client.{attribute}.{name}", module, type(member), type(async_member), "__call__")
            if call.anchor != "call":
                waiters.append((module.__name__, call))  # it polls the module's operation
                continue
            forms = [call] + [
                form(f"{call.call}.{method}", module, type(member), type(async_member), method)
                for method in public_methods(type(member))
            ]
            route, summary = route_and_summary(module)
            operations[module.__name__] = OperationPage(
                module.__name__, f"client.{attribute}", name, route, summary, forms
            )
        for module_name, waiter in waiters:
            operations[module_name].waiters.append(waiter)
        groups.append(GroupPage(type(group).__module__, attribute, sorted(operations.values(), key=lambda o: o.name)))
    return groups


def form(call: str, module: types.ModuleType, cls: type, async_cls: type, method: str) -> Form:
    """A tree member's method as a call: `__call__` (the operation, or a waiter), `detailed`, `iterate`.
    Its async form is the async class's method of the same name, or `a` + the name (aiterate)."""
    async_method = next((m for m in (method, "a" + method) if m in vars(async_cls)), method)
    function, async_function = getattr(cls, method), getattr(async_cls, async_method)
    async_call = call.replace("client.", "client.aio.", 1)
    if method != "__call__":
        async_call = f"{async_call.rsplit('.', 1)[0]}.{async_method}"
    behind = forwarded_to(module, function, method)
    if method != "__call__":
        anchor = method
    elif behind is None or behind is getattr(module, "sync", None):
        anchor = "call"
    else:
        anchor = behind.__name__  # a waiter, named by its function: wait_for_deployment
    docstring = inspect.cleandoc(function.__doc__ or (behind.__doc__ if behind else "") or "")
    route = route_and_summary(module)[0]
    if route and docstring.startswith(route):  # the route, as code: `GET /v1/models`
        docstring = f"`{route}`{docstring[len(route) :]}"
    awaited = inspect.iscoroutinefunction(async_function)
    return Form(call, async_call, awaited, function, async_function, behind, anchor, docstring)


def type_text(annotation: Any) -> str:
    """An annotation as Python writes it, classes by their dotted names (which pdoc links)."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Required, typing.NotRequired):
        return type_text(arguments[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(argument) for argument in arguments)
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(argument) for argument in arguments)}]"
    if origin is not None and arguments:
        return f"{type_text(origin)}[{', '.join(type_text(argument) for argument in arguments)}]"
    if annotation is type(None):
        return "None"
    if annotation is Any:
        return "Any"
    text = inspect.formatannotation(annotation)
    return text.replace("typing.", "").replace("collections.abc.", "")


def described_attributes(docstring: str) -> tuple[str, dict[str, str]]:
    """A model's docstring without its Google-style `Attributes:` section, and that section's descriptions
    by name. An entry is `name (type): description`, its type or description continuing on deeper lines."""
    lines = inspect.cleandoc(docstring).splitlines()
    start = next((number for number, line in enumerate(lines) if line.strip() == "Attributes:"), None)
    if start is None:
        return "\n".join(lines), {}

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    entries: list[str] = []
    end, level = len(lines), None
    for number, line in enumerate(lines[start + 1 :], start + 1):
        if not line.strip():
            continue
        if indent(line) <= indent(lines[start]):
            end = number
            break
        level = level if level is not None else indent(line)
        if indent(line) == level or not entries:
            entries.append(line.strip())
        else:
            entries[-1] += " " + line.strip()
    described = {}
    for entry in entries:
        name, _, rest = entry.partition(" ")
        if rest.startswith("("):  # the type, its parentheses balanced, then the description
            depth = 0
            for position, character in enumerate(rest):
                depth += {"(": 1, ")": -1}.get(character, 0)
                if depth == 0:
                    rest = rest[position + 1 :]
                    break
        described[name.rstrip(":")] = rest.removeprefix(":").strip()
    return "\n".join(lines[:start] + lines[end:]).strip(), described


def shown_default(value: Any) -> str | None:
    """An attrs default as the caller reads it; None for none (a required argument)."""
    import attrs

    if value is attrs.NOTHING:
        return None
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return repr(value.factory()) if not value.takes_self else None
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


class _Models(Mapping[str, Any]):
    """The names of a package's `models`, each looked up as an attribute (they load on first use): where an
    annotation names one its own module imports only for type checkers (a free-form alias in models/__init__,
    a model imported lazily), typing.get_type_hints finds it here."""

    def __init__(self, cls: type) -> None:
        self._models = importlib.import_module(f"{cls.__module__.split('.')[0]}.models")

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._models, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(getattr(self._models, "__all__", ()))

    def __len__(self) -> int:
        return len(getattr(self._models, "__all__", ()))


def type_hints(cls: type, include_extras: bool = False) -> dict[str, Any]:
    """typing.get_type_hints for a generated model or TypedDict, the models' names at hand (_Models)."""
    return typing.get_type_hints(cls, localns=_Models(cls), include_extras=include_extras)


def model_class(cls: type) -> ModelClass:
    import attrs

    docstring, described = described_attributes(cls.__doc__ or "")
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        rows = [Row(member.name, "", repr(member.value)) for member in cls]
        return ModelClass(cls.__name__, "enum", docstring, rows, [])
    if attrs.has(cls):
        hints = type_hints(cls)
        rows = []
        for f in attrs.fields(cls):
            name, hint = f.alias if f.init else f.name, hints.get(f.name, Any)
            shown = getattr(cls, f.name.lstrip("_"), None)
            if f.name.startswith("_") and isinstance(shown, property):  # kept privately, shown as a property
                name = f.name.lstrip("_")
                hint = typing.get_type_hints(shown.fget, localns=_Models(cls)).get("return", Any)
            row = Row(name, type_text(hint), shown_default(f.default) if f.init else None, "", f.init)
            row.description = described.get(name, "")
            rows.append(row)
        methods = [
            (call, " ".join((getattr(cls, name).__doc__ or "").split()))
            for name, call in (("to_dict", "to_dict()"), ("from_dict", f"{cls.__name__}.from_dict(data)"))
            if getattr(cls, name, None) is not None
        ]
        return ModelClass(cls.__name__, "model", docstring, rows, methods)
    if typing.is_typeddict(cls):
        rows = []
        for key, annotation in type_hints(cls, include_extras=True).items():
            origin = typing.get_origin(annotation)
            required = origin is typing.Required or (
                origin is not typing.NotRequired and getattr(cls, "__total__", True)
            )
            rows.append(Row(key, type_text(annotation), "required" if required else "optional"))
        return ModelClass(cls.__name__, "dict", docstring, rows, [])
    return ModelClass(cls.__name__, "class", docstring, [], [])


def model_pages(package: str) -> list[ModelPage]:
    models = importlib.import_module(f"{package}.models")
    pages = []
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        defined = [
            value
            for name, value in vars(module).items()
            if isinstance(value, type) and value.__module__ == module.__name__ and not name.startswith("_")
        ]
        if defined:
            pages.append(ModelPage(module.__name__, [model_class(cls) for cls in defined]))
    return sorted(pages, key=lambda page: page.name.lower())


def error_tree(package: str) -> list[ErrorClass]:
    errors = importlib.import_module(f"{package}.errors")
    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == errors.__name__
    ]

    def node(cls: type) -> ErrorClass:
        children = [child for child in classes if child.__bases__[0] is cls]
        return ErrorClass(cls.__name__, first_sentence(cls.__doc__ or ""), [node(child) for child in children])

    return [node(cls) for cls in classes if cls.__bases__[0] not in classes]


def derive(package: str) -> Reference:
    root = importlib.import_module(package)
    lead = (root.__doc__ or "").split("\n## ")[0].strip()
    return Reference(package, lead, client_tree(package), model_pages(package), error_tree(package))


class Shown:
    """A default as the reference writes it (pdoc prints a default's repr)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def show_client_defaults(package: str) -> None:
    """The client classes' constructors as a caller reads them: each default attrs makes with a factory
    (`NOTHING` in the generated signature) by what the factory gives, the token by the variable it is read
    from; and no "Method generated by attrs" docstring. Changes this process's copy of the classes only."""
    import attrs

    client = importlib.import_module(f"{package}.client")
    for cls in vars(client).values():
        if not (isinstance(cls, type) and attrs.has(cls) and cls.__module__ == client.__name__):
            continue
        defaults = {f.alias: f.default for f in attrs.fields(cls) if f.init}
        signature = inspect.signature(cls.__init__)
        parameters = []
        for parameter in signature.parameters.values():
            default = defaults.get(parameter.name, attrs.NOTHING)
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.factory.__module__ == client.__name__:  # the token's, read from the environment
                    variable = getattr(client, "API_KEY_ENVIRONMENT_VARIABLE", None)
                    shown: Any = Shown(f"${variable}") if variable else inspect.Parameter.empty
                else:  # the runtime's: an empty dict, the default timeout
                    shown = Shown(repr(default.factory()))
                parameter = parameter.replace(default=shown)
            parameters.append(parameter)
        cls.__init__.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        cls.__init__.__doc__ = "Each argument left out takes the default shown."


def render(out: Path, generated: Path) -> None:
    import pdoc
    import pdoc.doc
    import pdoc.render
    import pdoc.render_helpers
    from markupsafe import Markup, escape

    packages = [p.name for p in generated.iterdir() if (p / "__init__.py").is_file()]
    if len(packages) != 1:
        raise PipelineError(f"{generated}: expected one generated package, found {len(packages)}: run make generate")
    package = packages[0]
    reference = derive(package)
    show_client_defaults(package)

    # A group brings its operations' modules along: pdoc follows a package's __all__, which names them.
    modules = [package, *(f"{package}.{name}" for name in ("client", "errors", "types", "testing", "models"))]
    modules += [group.module for group in reference.groups] + [model.module for model in reference.models]

    env = pdoc.render.env
    env.globals.update(
        reference=reference,
        arguments=arguments,
        href=lambda here, there, anchor="": (
            (pdoc.render_helpers.relative_link(here, there) + (f"#{anchor}" if anchor else "")) or "#"
        ),
    )
    env.filters.update(
        shortlinks=shortener(package),
        link_errors=errors_linker(reference),
        names_only=names_only,
        returns=lambda signature: type_text(signature.return_annotation),
        first_sentence=first_sentence,
        # `text` with a place to break after each of `after`'s characters: a route after its slashes
        breakable=lambda text, after: Markup(re.sub(f"([{after}])", r"\1<wbr>", str(escape(text)))),
        # `code` in a line of a docstring shown outside one (a summary): code, not backticks
        inline_code=lambda text: Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text)))),
    )
    pdoc.render.configure(
        docformat="google", show_source=False, search=True, include_undocumented=False, template_directory=TEMPLATES
    )
    # pdoc's own index holds every docstring (9 MB on 183 operations); ours holds what a reader looks for.
    pdoc.render.make_index = lambda all_modules, is_public, docformat: search_entries(reference, all_modules)  # type: ignore[attr-defined,assignment]
    pdoc.render.precompile_index = lambda documents, compile_js: json.dumps(documents, separators=(",", ":"))  # type: ignore[attr-defined]
    pdoc.pdoc(*modules, output_directory=out)
    missing = [
        module for module in reference.pages if not out.joinpath(*module.split(".")).with_suffix(".html").is_file()
    ]
    if missing:
        raise PipelineError(f"pdoc wrote no page for {', '.join(missing[:5])}" + (" ..." if len(missing) > 5 else ""))
    # The front page is the package's page, under the name a browser opens first.
    shutil.copyfile(out / f"{package}.html", out / "index.html")
    stylesheet = "".join(
        "{% include '" + name + "' %}"
        for name in (
            "resources/bootstrap-reboot.min.css",
            "syntax-highlighting.css",
            "theme.css",
            "layout.css",
            "content.css",
            "custom.css",
        )
    )
    (out / "pdoc.css").write_text(env.from_string(stylesheet).render(), encoding="utf-8")
    (out / "search-ui.js").write_text(search_script(env), encoding="utf-8")


def shortener(package: str) -> Any:
    """A filter writing each of the package's names by its last part, `DeploymentV1`, not
    baseten_management.models.deployment_v1.DeploymentV1: a link's text, a name pygments split into
    spans, and plain text (never inside a tag)."""
    from markupsafe import Markup

    link = re.compile(r'(<a href="[^"]*">)(?:\w+\.)*(\w+)</a>')
    spans = re.compile(
        rf'<span class="n">{package}</span>(?:<span class="o">\.</span><span class="n">\w+</span>)*'
        r'<span class="o">\.</span>(<span class="n">\w+</span>)'
    )
    text = re.compile(rf"(?<![\w.]){package}\.(?:\w+\.)*(\w+)")

    def shorten(html: str) -> Markup:
        # a long class name may break between its words: AuditLogEvent<wbr>ModelDeployed<wbr>V1
        html = link.sub(lambda m: m[1] + re.sub(r"(?<=[a-z])(?=[A-Z])", "<wbr>", m[2]) + "</a>", str(html))
        html = spans.sub(r"\1", html)
        return Markup(re.sub(r">[^<]+<", lambda m: text.sub(r"\1", m[0]), ">" + html + "<")[1:-1])

    return shorten


def errors_linker(reference: Reference) -> Any:
    """A filter linking each `errors.<Name>` a docstring mentions (as its Raises section does) to the class."""
    from markupsafe import Markup
    from pdoc.render_helpers import relative_link

    names, pending = set(), list(reference.errors)
    while pending:
        error = pending.pop()
        names.add(error.name)
        pending += error.children
    errors = f"{reference.package}.errors"

    def link(html: str, here: str) -> Markup:
        target = relative_link(here, errors)
        return Markup(
            re.sub(
                r"(?<![\w.])errors\.(\w+)",
                lambda m: f'<a href="{target}#{m[1]}">{m[0]}</a>' if m[1] in names else m[0],
                str(html),
            )
        )

    return link


def search_script(env: Any) -> str:
    """pdoc's search script, as one file every page loads: the path to the reference's root (which pdoc
    writes into each page) is found from the script's own address instead."""
    script = str(env.get_template("search.html.jinja2").render(module=None))
    script = script.strip().removeprefix("<script>").removesuffix("</script>")
    replacements = {
        'script.src = "search.js";': 'script.src = root + "search.js";',
        "let url = `${doc.modulename": "let url = `${root}${doc.modulename",
    }
    for old, new in replacements.items():
        if script.count(old) != 1:
            raise PipelineError(f"pdoc's search.html.jinja2 changed: `{old}` is not in it once; update search_script()")
        script = script.replace(old, new)
    return "const root = new URL('.', document.currentScript.src).href;\n" + script


def search_entries(reference: Reference, all_modules: Any) -> list[dict[str, str]]:
    """What the search box finds: each page, each call in the client's form (a waiter and `.iterate` too),
    each model, TypedDict and enum with its fields, and the public members of the pages pdoc renders. The
    fields are pdoc's search.html.jinja2's: it shows `funcdef fullname signature` for a function."""
    import html

    entries = []

    def entry(fullname: str, modulename: str, qualname: str, kind: str, doc: str, **more: str) -> None:
        item = {"fullname": fullname, "modulename": modulename, "qualname": qualname, "kind": kind, "doc": doc}
        entries.append({key: value for key, value in item.items() if value} | more)

    def plain(text: str) -> str:
        return html.escape(re.sub(r"(?:\w+\.)+(\w+)", r"\1", text))

    def summary(docstring: str) -> str:
        return html.escape(first_sentence(docstring).replace("`", ""))

    def call(signature: inspect.Signature) -> str:
        result = signature.return_annotation
        returned = "" if result is inspect.Signature.empty else " → " + plain(type_text(result))
        return html.escape(arguments(signature)) + returned

    entry(reference.package, reference.package, "", "module", "The client tree, the error classes")
    entry(reference.models_module, reference.models_module, "", "module", "Every model and enum")
    for group in reference.groups:
        entry(f"client.{group.attribute}", group.module, "", "module", f"{len(group.operations)} operations")
        for op in group.operations:
            doc = html.escape(f"{op.route}: {op.summary}")
            for form in op.forms + op.waiters:
                anchor = "" if form is op.call else form.anchor
                entry(form.call, op.module, anchor, "function", doc, funcdef="", signature=call(form.signature))
    for model in reference.models:
        for cls in model.classes:
            fullname = f"{reference.models_module}.{cls.name}"
            entry(fullname, model.module, cls.name, "class", summary(cls.docstring))
            for row in cls.rows if cls.kind != "dict" else []:
                annotation = f": {plain(row.type)}" if row.type else ""
                entry(f"{fullname}.{row.name}", model.module, cls.name, "variable", html.escape(row.description),
                      annotation=annotation)  # fmt: skip
    for name in ("client", "errors", "types", "testing"):
        module = all_modules[f"{reference.package}.{name}"]
        entry(module.fullname, module.modulename, "", "module", summary(module.docstring))
        for member in module.members.values():
            if member.name.startswith("_") or not member.docstring:
                continue
            more = {"funcdef": member.funcdef, "signature": call(member.signature)} if member.kind == "function" else {}
            entry(member.fullname, member.modulename, member.qualname, member.kind,
                  summary(member.docstring), **more)  # fmt: skip
    return entries


if __name__ == "__main__":  # the rendering process: pipeline/commands/docs.py's build_docs() runs it
    try:
        render(Path(sys.argv[1]), Path(sys.argv[2]))
    except PipelineError as error:
        sys.exit(f"error: {error}")
