"""`make docs`, as a reader meets it: index.html is a real page showing the whole client tree and the
error classes; each operation's page shows `client.<group>.<operation>(...)` first, with its parameters,
result and errors, the async form beside it and the module functions last; a group's page lists its
operations, waiters and iterators; every model has a page with its fields (types linked), its TypedDict's
keys, an enum's values; the client shows the defaults it applies; any call, waiter or model is at most
three clicks from index.html; the search index finds each; the reference stays small. Headless Chromium,
where installed, renders pages at 1280 and 1920 px and reads what they show.

What the reference must show is derived from the spec (its operations, the waiters generator-config.yaml
declares for it, the operations that page) and from the package's own models, never from the reference.
The reference is built once per run, whatever the number of workers (build/test-reference/, keyed by the
generated tree and the docs code).
"""

import enum
import fcntl
import hashlib
import html
import inspect
import json
import re
import shutil
import subprocess
import sys
import tempfile
import typing
import urllib.parse
from collections import deque
from pathlib import Path

import attrs
import pdoc.render_helpers
import pytest

from contract.generated_package import import_generated, package_name
from contract.generator_names import endpoint_module, operation_name
from contract.python_values import class_names
from contract.spec_model import Operation
from pipeline.commands.docs import type_hints
from pipeline.generate.waiters import check_waiters
from pipeline.project import ROOT, current
from tests.operation_calls import OPERATIONS, SPEC, cases, paged_operations, tree_attributes

MAX_CLICKS = 3
BYTES_PER_OPERATION = 80_000  # the 15 MB for the 183 operations of Baseten's 2026-08-22 spec (5.3 MB today)
# A spec with many models and few operations (box: 289 models, 37 operations, 2.5 MB) is held to its models.
BYTES_PER_MODEL = 20_000
WAITERS = check_waiters(SPEC, current().waiters)[0]
PAGED = paged_operations()
CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)


def source_key() -> str:
    """What the reference is made from: the generated tree, the docs code and its templates, the pins."""
    digest = hashlib.sha256()
    commands = ROOT / "pipeline" / "commands"
    for root in (current().generated, commands / "docs.py", commands / "pdoc_templates"):
        assert root.exists(), root  # a path that moved would leave a stale reference in use
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in (f for f in files if f.is_file() and "__pycache__" not in f.parts):
            digest.update(str(path.relative_to(root.parent)).encode() + b"\0" + path.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()[:20]


@pytest.fixture(scope="session")
def reference() -> Path:
    """The reference, built by the first worker to ask; the others wait for it and read the same one."""
    cache = ROOT / "build" / "test-reference"
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / source_key()
    with (cache / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "index.html").is_file():  # written last, by the rename that completes a build
            for stale in (path for path in cache.iterdir() if path.is_dir()):
                shutil.rmtree(stale)
            result = subprocess.run(
                [sys.executable, "-m", "pipeline", "docs", "--docs", str(out)], cwd=ROOT, capture_output=True, text=True
            )
            assert result.returncode == 0, result.stderr
    return out


def text_of(page: Path, main: bool = False) -> str:
    """The page's text as read (`main`: without the sidebar): a block starts a word, an inline tag does not."""
    source = page.read_text(encoding="utf-8")
    if main:
        source = source[source.index("<main") : source.index("</main>")]
    source = re.sub(r"<(?:script|style)\b.*?</(?:script|style)>", " ", source, flags=re.S)
    source = re.sub(r"</?(?:p|div|li|ul|tr|td|th|h\d|section|br|pre|table|dt|dd|nav|main)\b[^>]*>", " ", source)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", source)).split())


def links(page: Path) -> set[tuple[Path, str]]:
    """The other pages a page links to, each with the anchor the link names ("" for none)."""
    found = set()
    for target, anchor in re.findall(r'href="([^"#?]*\.html)(?:#([^"]*))?', page.read_text(encoding="utf-8")):
        if "://" not in target:
            found.add(((page.parent / target).resolve(), anchor))
    return found


def clicks_from_index(reference: Path) -> dict[tuple[Path, str], int]:
    """Each page and anchor reachable from index.html, with the fewest clicks it takes."""
    start = (reference / "index.html").resolve()
    depth, queue = {(start, ""): 0}, deque([start])
    seen = {start}
    while queue:
        page = queue.popleft()
        for target, anchor in links(page):
            clicks = depth[(page, "")] + 1
            if target.exists() and depth.get((target, anchor), 99) > clicks:
                depth[(target, anchor)] = clicks
                depth.setdefault((target, ""), clicks)
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    return depth


def page_of(reference: Path, module: str) -> Path:
    return reference.joinpath(*module.split(".")).with_suffix(".html").resolve()


def call_of(op: Operation) -> str:
    return f"client.{tree_attributes()[operation_name(op.key).group]}.{operation_name(op.key).name}"


def polled(waiter: typing.Any) -> Operation:
    return next(op for op in OPERATIONS if (op.method, op.path) == (waiter.method, waiter.path))


def model_classes() -> list[type]:
    models = import_generated("models")
    return [getattr(models, name) for name in models.__all__ if isinstance(getattr(models, name), type)]


@pytest.fixture(scope="module")
def clicks(reference: Path) -> dict[tuple[Path, str], int]:
    return clicks_from_index(reference)


def test_the_front_page_is_a_page_with_the_whole_client_tree_and_the_errors(reference: Path) -> None:
    index = reference / "index.html"
    source = index.read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in source
    text = text_of(index)
    for op in OPERATIONS:
        name = operation_name(op.key)
        assert f'href="{package_name()}/api/{name.group}/{name.name}.html"' in source, f"{op.id} is not on it"
        assert f"client.{tree_attributes()[name.group]}" in text
    for waiter in WAITERS:
        assert f"#{waiter.name}" in source and waiter.name in text, f"waiter {waiter.name} is not on it"
    errors = import_generated("errors")
    for error in vars(errors).values():
        if isinstance(error, type) and issubclass(error, errors.ClientError):
            assert f'href="{package_name()}/errors.html#{error.__name__}"' in source, f"{error.__name__} is not on it"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_every_call_is_at_most_three_clicks_from_the_front_page(
    reference: Path, clicks: dict[tuple[Path, str], int], op: Operation
) -> None:
    page = page_of(reference, endpoint_module(op.key).__name__)
    assert clicks.get((page, ""), 99) <= MAX_CLICKS, f"{op.id}: {page.name} is not reached"


@pytest.mark.parametrize("waiter", cases(WAITERS, "no operation a waiter polls"), ids=lambda w: getattr(w, "name", ""))
def test_every_waiter_is_at_most_three_clicks_from_the_front_page(
    reference: Path, clicks: dict[tuple[Path, str], int], waiter: typing.Any
) -> None:
    page = page_of(reference, endpoint_module(polled(waiter).key).__name__)
    assert clicks.get((page, waiter.name), 99) <= MAX_CLICKS
    assert f'id="{waiter.name}"' in page.read_text(encoding="utf-8")


def test_every_model_is_at_most_three_clicks_from_the_front_page(
    reference: Path, clicks: dict[tuple[Path, str], int]
) -> None:
    for cls in model_classes():
        page = page_of(reference, cls.__module__)
        assert clicks.get((page, ""), 99) <= MAX_CLICKS, f"{cls.__name__}: {page.name} is not reached"


def shown_text(markdown: str) -> str:
    """The words a docstring's Markdown shows on the page (`AuthPayload` shows as AuthPayload), rendered
    as pdoc renders it."""
    rendered = pdoc.render_helpers.to_html(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_every_operation_page_shows_the_call_first_then_async_then_the_module_functions(
    reference: Path, op: Operation
) -> None:
    module = endpoint_module(op.key)
    text = text_of(page_of(reference, module.__name__), main=True)
    call, awaited = f"{call_of(op)}(", f"await {call_of(op).replace('client.', 'client.aio.', 1)}("
    assert call in text and awaited in text, f"{op.id}: the client's form is not on its page"
    functions = text.index("Module functions")
    assert text.index(call) < text.index(awaited) < text.index(f"{op.method.upper()} {op.path}") < functions
    first_call = text[text.index(call) : text.index(awaited)]  # the call's parameters and result
    for name in inspect.signature(module.sync).parameters:
        if name != "client":
            assert f"{name}:" in first_call, f"{op.id}: parameter {name} is not in the call"
    for name in class_names(typing.get_type_hints(module.sync)["return"]) or ["None"]:
        assert name in first_call, f"{op.id}: its result, {name}, is not in the call"
    if op.spec.get("summary"):
        assert shown_text(str(op.spec["summary"])) in text
    assert "errors.APIStatusError" in text[:functions], f"{op.id}: the errors it raises are not shown"
    for function in ("sync", "asyncio", "sync_detailed", "asyncio_detailed"):
        assert f"def {function}(" in text[functions:]


@pytest.mark.parametrize("op", cases(PAGED, "no operation that pages"), ids=lambda op: getattr(op, "id", ""))
def test_an_operation_that_pages_shows_iterate_and_aiterate(reference: Path, op: Operation) -> None:
    text = text_of(page_of(reference, endpoint_module(op.key).__name__))
    async_call = call_of(op).replace("client.", "client.aio.", 1)
    assert f"{call_of(op)}.iterate(" in text and f"async for item in {async_call}.aiterate(" in text


def test_each_group_page_lists_its_operations_waiters_and_iterators(reference: Path) -> None:
    for op in OPERATIONS:
        module = endpoint_module(op.key).__name__
        group_page = page_of(reference, module.rsplit(".", 1)[0])
        source = group_page.read_text(encoding="utf-8")
        rows = re.findall(r"<tr>(.*?)</tr>", source, re.S)
        href = f'href="{module.rsplit(".", 2)[1]}/{module.rsplit(".", 1)[1]}.html'
        row = next((r for r in rows if f'{href}"' in r), "")
        assert row, f"{op.id}: no row in {group_page.name}"
        assert f"{op.method.upper()} {op.path}" in html.unescape(re.sub(r"<[^>]+>", "", row))
        if op in PAGED:
            assert f'{href}#iterate"' in source, f"{op.id}: its iterator is not on {group_page.name}"
        for waiter in (w for w in WAITERS if polled(w) is op):
            assert f'id="{waiter.name}"' in source and f"{call_of(op).rsplit('.', 1)[0]}.{waiter.name}(" in text_of(
                group_page
            )


@pytest.mark.parametrize("cls", model_classes(), ids=lambda cls: cls.__name__)
def test_every_model_has_a_page_with_its_fields_keys_or_values(reference: Path, cls: type) -> None:
    page = page_of(reference, cls.__module__)
    source = page.read_text(encoding="utf-8")
    assert f'id="{cls.__name__}"' in source
    section = source[source.index(f'id="{cls.__name__}"') :]
    section = section[: section.find("</section>")]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    if issubclass(cls, enum.Enum):
        assert all(str(member.value) in text for member in cls), f"{cls.__name__}: a value is missing"
        return
    hints = type_hints(cls)
    names = (
        {f.name: f.alias if f.init else f.name.lstrip("_") for f in attrs.fields(cls)}  # a private one by its property
        if attrs.has(cls)
        else {n: n for n in hints}
    )
    rows = re.findall(r"<tr>(.*?)</tr>", section.replace("<wbr>", ""), re.S)
    exported = set(import_generated("models").__all__)
    for field, name in names.items():
        row = next((r for r in rows if f"<code>{name}</code>" in r or f'<code>"{name}"</code>' in r), "")
        assert row, f"{cls.__name__}: {name} is not on its page"
        for linked in (n for n in class_names(hints[field]) if n in exported):
            assert f'#{linked}">{linked}</a>' in row, f"{cls.__name__}.{name}: its type {linked} is not linked"


def test_every_link_leads_to_a_page_and_the_place_it_names(reference: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(reference.rglob("*.html")):
        for target, anchor in links(page):
            if target.exists() and target not in ids:
                ids[target] = set(re.findall(r'\bid="([^"]+)"', target.read_text(encoding="utf-8")))
            if not target.exists() or (anchor and anchor not in ids[target]):
                broken.append(f"{page.relative_to(reference)} -> {target.name}#{anchor}")
    assert not broken, f"{len(broken)} broken links: {broken[:10]}"


def test_the_client_shows_the_defaults_it_applies(reference: Path) -> None:
    text = text_of(page_of(reference, f"{package_name()}.client"))
    assert "NOTHING" not in text and "Method generated by attrs" not in text
    variable = getattr(import_generated("client"), "API_KEY_ENVIRONMENT_VARIABLE", None)
    if variable:
        assert f"token: str = ${variable}" in text or f"token: str | None = ${variable}" in text
    assert "timeout: httpx.Timeout | float | None = Timeout(" in text


def test_the_search_index_finds_every_call_waiter_and_model(reference: Path) -> None:
    script = (reference / "search.js").read_text(encoding="utf-8")
    documents = json.loads(
        script[script.index("const docs = ") + 13 : script.index(";\n", script.index("const docs = "))]
    )
    names = {document["fullname"] for document in documents}
    assert {call_of(op) for op in OPERATIONS} <= names
    assert {f"{call_of(op)}.iterate" for op in PAGED} <= names
    assert {f"{call_of(polled(w)).rsplit('.', 1)[0]}.{w.name}" for w in WAITERS} <= names
    assert {f"{package_name()}.models.{cls.__name__}" for cls in model_classes()} <= names


def test_the_reference_stays_small(reference: Path) -> None:
    size = sum(path.stat().st_size for path in reference.rglob("*") if path.is_file())
    budget = max(2_000_000, BYTES_PER_OPERATION * len(OPERATIONS), BYTES_PER_MODEL * len(model_classes()))
    assert size <= budget, f"the reference is {size / 1e6:.1f} MB, over {budget / 1e6:.1f} MB"


# In a browser: what the pages show, rendered.

PROBE = """<!doctype html><meta charset="utf-8"><body><pre id="out"></pre><script>
const frames = JSON.parse(decodeURIComponent(location.hash.slice(1))), found = [];
function look(frame, url, width) {
  const doc = frame.contentDocument, root = doc.documentElement, main = doc.querySelector("main");
  const clipped = [...main.querySelectorAll("*")].filter(
    (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible"
  ).map((e) => e.textContent.trim().slice(0, 80));
  const first = main.querySelector(".attr.function");
  found.push({url, width, overflow: root.scrollWidth - root.clientWidth, clipped,
              first: first ? first.innerText : "", text: main.innerText});
  if (found.length === frames.length) document.getElementById("out").textContent = JSON.stringify(found);
}
for (const [url, width] of frames) {
  const frame = document.createElement("iframe");
  frame.style.width = width + "px"; frame.style.height = "1000px";
  frame.onload = () => setTimeout(() => look(frame, url, width), 2000);  // a search answers after load
  frame.src = url;
  document.body.appendChild(frame);
}
</script>"""


def rendered(
    addresses: list[str], widths: tuple[int, ...] = (1280, 1920)
) -> dict[tuple[str, int], dict[str, typing.Any]]:
    """What headless Chromium shows of each page at each width: its main text, the first signature, how
    far the page overflows sideways and which elements clip their content."""
    assert CHROMIUM is not None  # its callers skip without it
    frames = [[address, width] for address in addresses for width in widths]
    with tempfile.TemporaryDirectory() as scratch:
        probe = Path(scratch) / "probe.html"
        probe.write_text(PROBE, encoding="utf-8")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={scratch}/profile", "--allow-file-access-from-files",
                 "--virtual-time-budget=60000", "--dump-dom"]  # fmt: skip
        address = f"{probe.as_uri()}#{urllib.parse.quote(json.dumps(frames))}"
        result = subprocess.run([CHROMIUM, *flags, address], capture_output=True, text=True, timeout=300)
    shown = re.search(r'<pre id="out">(.+?)</pre>', result.stdout, re.S)
    assert shown, f"Chromium showed nothing: {result.stderr.strip()[-500:]}"
    return {(page["url"], page["width"]): page for page in json.loads(html.unescape(shown.group(1)))}


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)")
def test_in_a_browser_an_operation_shows_its_call_and_a_model_its_fields(reference: Path) -> None:
    # The operation with the longest call and the model with the most fields: the likeliest to be clipped.
    op = max(OPERATIONS, key=lambda op: len(str(inspect.signature(endpoint_module(op.key).sync))))
    model = max((c for c in model_classes() if attrs.has(c)), key=lambda c: len(attrs.fields(c)), default=None)
    front, operation = (
        (reference / "index.html").as_uri(),
        page_of(reference, endpoint_module(op.key).__name__).as_uri(),
    )
    model_page = page_of(reference, model.__module__).as_uri() if model else None
    search = f"{front}?search={urllib.parse.quote(operation_name(op.key).name)}"
    shown = rendered([front, operation, *([model_page] if model_page else []), search])
    for (address, width), page in shown.items():
        where = f"{address.rsplit('/', 1)[1]} at {width} px"
        assert page["overflow"] <= 0, f"{where}: the page is {page['overflow']} px wider than the window"
        assert not page["clipped"], f"{where}: clipped: {page['clipped']}"
    for width in (1280, 1920):
        assert all(call_of(o).rsplit(".", 1)[0] in shown[(front, width)]["text"] for o in OPERATIONS)
        first = shown[(operation, width)]["first"]
        assert first.startswith(f"{call_of(op)}("), f"{op.id} at {width} px: its page starts with {first[:80]!r}"
        for name in inspect.signature(endpoint_module(op.key).sync).parameters:
            assert name == "client" or name in first, f"{op.id} at {width} px: {name} is not in the call"
        assert f"{call_of(op)}(" in shown[(search, width)]["text"], f"searching {op.id}'s name does not find it"
        if model is None or model_page is None:  # openapi.yaml has no attrs model
            continue
        for field in attrs.fields(model):
            name = field.alias if field.init else field.name.lstrip("_")
            assert name in shown[(model_page, width)]["text"], f"{model.__name__} at {width} px: {name} is not shown"
