"""`make docs`: an HTML reference of the generated package (pdoc), laid out as the package is.

The front page is the package's docstring: every group, with a link to its page, and the models. A
group's page is a table of its operations (name and route, summary), each linking to the operation's page:
its route, summary, parameters and result. Any operation is two clicks from index.html.

Documented: the package, client, errors, types, models (every model on that one page), each group
and each operation module; what has a docstring (a model's to_dict() does not). Not each model's own
module: the models page holds every model, and documenting both would double the reference. pdoc's
search index carries each entry's name, signature and first paragraph (its own carries every docstring
whole: 32 MB on Baseten's 183-operation spec); the pages carry everything. The stylesheet is one file
(pdoc_templates/frame.html.jinja2).
"""

import os
import subprocess
import sys
from pathlib import Path

from . import PipelineError
from .project import Project

TEMPLATES = Path(__file__).parent / "pdoc_templates"  # pdoc's own templates, where the reference differs


def modules(generated: Path) -> list[str]:
    packages = [p for p in generated.iterdir() if (p / "__init__.py").is_file()]
    if len(packages) != 1:
        raise PipelineError(f"{generated}: expected one generated package, found {len(packages)}: run make generate")
    package = packages[0]
    names = [package.name, *(f"{package.name}.{name}" for name in ("client", "errors", "types", "models"))]
    # A group brings its operations' modules along: pdoc follows a package's __all__, which names them.
    groups = sorted(p.name for p in (package / "api").iterdir() if (p / "__init__.py").is_file())
    return names + [f"{package.name}.api.{group}" for group in groups]


def build_docs(project: Project, out: Path) -> str:
    generated = project.generated.resolve()
    env = {**os.environ, "PYTHONPATH": str(generated)}
    command = [sys.executable, "-c", _RENDER, str(out), str(TEMPLATES), *modules(generated)]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise PipelineError("pdoc failed: " + (result.stderr.strip().splitlines() or ["no output"])[-1])
    pages = list(out.rglob("*.html"))
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return f"{out}/index.html: {len(pages)} pages, {size / 1e6:.1f} MB"


# Run in its own interpreter, with the generated package on its path (pdoc imports what it documents).
_RENDER = """
import re, sys
from pathlib import Path
import pdoc, pdoc.render

make_index = pdoc.render.make_index

def plain(html, limit):
    text = re.sub(r"<[^>]+>", "", html)
    return text if len(text) <= limit else text[: limit - 1] + "…"

def lighter_index(*args, **kwargs):
    entries = make_index(*args, **kwargs)
    for entry in entries:
        entry["doc"] = plain(re.split(r"</p>", entry.get("doc", ""), maxsplit=1)[0], 200)
        for key, limit in (("signature", 80), ("annotation", 60), ("bases", 60), ("default_value", 40)):
            if key in entry:
                entry[key] = plain(entry[key], limit)
    return entries

pdoc.render.make_index = lighter_index
out, templates = Path(sys.argv[1]), Path(sys.argv[2])
pdoc.render.configure(
    docformat="google", show_source=False, search=True, include_undocumented=False, template_directory=templates
)
pdoc.pdoc(*sys.argv[3:], output_directory=out)
stylesheet = "".join(
    "{% include '" + name + "' %}"
    for name in ("resources/bootstrap-reboot.min.css", "syntax-highlighting.css", "theme.css", "layout.css",
                 "content.css", "custom.css")
)
(out / "pdoc.css").write_text(pdoc.render.env.from_string(stylesheet).render(), encoding="utf-8")
"""
