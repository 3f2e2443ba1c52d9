"""`make bench`: speed of this project beside its floor or a peer, as ratios measured in one run.

For the spec given (default openapi.yaml), in a scratch directory:
- regeneration, in CPU seconds: `python -m pipeline generate` (validation, post-hooks, checks and swap
  included) on a spec it has not seen (the same with its description changed, after a run on the spec
  itself, as a maintainer's checkout has run) and on the same spec again, against the bare
  `openapi-python-client generate` reading the same document as JSON with the same config;
- import: one endpoint module (POST /v1/api_keys) in a fresh interpreter against `import httpx, attrs, dateutil`;
- calls: the create operation against raw httpx, in-process and on loopback (benchmarks/calls.py), and
  answered by the package's fake (testing.FakeBaseten) against a canned answer;
- models: reading a page of models, and a tagged union, against json.loads (benchmarks/models.py);
- peer: openapi-generator's python client (PyPI openapi-generator-cli, Java 17), where it runs here.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.calls import CREATE
from benchmarks.timing import alternate, cpu, import_time, wall
from pipeline.spec.openapi import load_document

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GENERATION_ROUNDS, IMPORT_ROUNDS = 3, 11


def create_module(generated: Path) -> str:
    """The create operation's module name (the operation the seed spec is about)."""
    for source in sorted(generated.glob("*/api/*/*.py")):
        text = source.read_text(encoding="utf-8")
        if f'"method": "{CREATE[0]}"' in text and f'"url": "{CREATE[1]}"' in text:
            return ".".join(source.relative_to(generated).with_suffix("").parts)
    raise SystemExit(f"the spec has no {CREATE[0].upper()} {CREATE[1]} to measure")


def revised(spec: Path, into: Path, round_: int) -> Path:
    """The spec with its description changed: a document `make generate` has not seen, whose client differs
    from the one in place by a docstring (as Baseten's next revision differs by more)."""
    document = load_document(spec)
    document.setdefault("info", {})["description"] = f"{document['info'].get('description') or ''} (revision {round_})"
    into.write_text(json.dumps(document), encoding="utf-8")
    return into


def measure(spec: Path, scratch: Path) -> list[tuple[str, float, str, float, str]]:
    rows = []
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    ours_dir, bare_dir = scratch / "generated", scratch / "bare"
    bare_dir.mkdir()
    # The floor reads the same document as JSON (its YAML loader is slower on the same text).
    as_json = scratch / "spec.json"
    as_json.write_text(json.dumps(load_document(spec)), encoding="utf-8")
    bare = [str(BIN / "openapi-python-client"), "generate", "--path", str(as_json), "--config",
            str(ROOT / "generator-config.yaml"), "--meta", "none", "--overwrite"]  # fmt: skip

    def ours(path: Path) -> list[str]:
        return [sys.executable, "-m", "pipeline", "generate", "--spec", str(path), "--out", str(ours_dir)]

    wall(ours(spec), ROOT, env)  # the tree in place and the caches a maintainer's checkout has
    rounds = iter(range(GENERATION_ROUNDS))
    unseen = scratch / "revised.json"
    ours_s, bare_s = alternate(
        lambda: cpu(ours(revised(spec, unseen, next(rounds))), ROOT, env), lambda: cpu(bare, bare_dir, env),
        GENERATION_ROUNDS,
    )  # fmt: skip
    rows.append(("regenerate, a spec never seen (s CPU)", ours_s, "bare openapi-python-client", bare_s, "<= 1.2"))
    ours_s, bare_s = alternate(
        lambda: cpu(ours(unseen), ROOT, env), lambda: cpu(bare, bare_dir, env), GENERATION_ROUNDS
    )  # fmt: skip
    rows.append(("regenerate, the same spec (s CPU)", ours_s, "bare openapi-python-client", bare_s, "<= 1.0"))
    wall(ours(spec), ROOT, env)  # back to the spec itself, for the rows below

    module = create_module(ours_dir)
    statement = f"import {module}"
    ours_s, floor_s = alternate(
        lambda: import_time(statement, ours_dir),
        lambda: import_time("import httpx, attrs, dateutil", ours_dir),
        IMPORT_ROUNDS,
    )
    rows.append(
        ("import one endpoint module (ms)", ours_s * 1e3, "import httpx, attrs, dateutil", floor_s * 1e3, "<= 1.25")
    )

    calls = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.calls",
            "--spec",
            str(spec),
            "--generated",
            str(ours_dir),
            "--module",
            module,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    results = json.loads(calls.stdout)
    for setting, target in (("in_process", "<= 1.3"), ("loopback", "<= 1.05")):
        label = f"create call, {setting.replace('_', '-')} (us)"
        rows.append(
            (label, results[setting]["ours"] * 1e6, "raw httpx, same request", results[setting]["raw"] * 1e6, target)
        )
    rows.append(
        (
            "create call, against FakeBaseten (us)",
            results["fake"]["ours"] * 1e6,
            "the same, canned answer",
            results["fake"]["raw"] * 1e6,
            "<= 3",
        )
    )
    models = subprocess.run(
        [sys.executable, "-m", "benchmarks.models", "--spec", str(spec), "--generated", str(ours_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    print(models.stderr, end="", file=sys.stderr)
    for row in json.loads(models.stdout):
        rows.append((row["figure"], row["ours"], "json.loads alone", row["floor"], row["target"]))
    rows += peer_rows(spec, scratch, ours_dir, statement)
    return rows


def peer_rows(spec: Path, scratch: Path, ours_dir: Path, statement: str) -> list[tuple[str, float, str, float, str]]:
    peer = BIN / "openapi-generator-cli"
    if not peer.exists() or shutil.which("java") is None:
        print(f"peer rows skipped: needs {peer} (make bench installs it) and java on PATH", file=sys.stderr)
        return []
    out = scratch / "peer"
    command = [str(peer), "generate", "-i", str(spec), "-g", "python", "-o", str(out),
               "--package-name", "peer_client", "--skip-validate-spec"]  # fmt: skip
    unseen, rounds = scratch / "revised-for-peer.json", iter(range(100, 100 + GENERATION_ROUNDS))

    def ours() -> float:
        path = revised(spec, unseen, next(rounds))
        return cpu([sys.executable, "-m", "pipeline", "generate", "--spec", str(path), "--out", str(ours_dir)], ROOT)

    ours_s, peer_s = alternate(ours, lambda: cpu(command, scratch), GENERATION_ROUNDS)
    wall([sys.executable, "-m", "pipeline", "generate", "--spec", str(spec), "--out", str(ours_dir)], ROOT)
    module = sorted((out / "peer_client" / "api").glob("*_api.py"))[0].stem
    ours_i, peer_i = alternate(
        lambda: import_time(statement, ours_dir),
        lambda: import_time(f"import peer_client.api.{module}", out),
        IMPORT_ROUNDS,
    )
    return [
        ("regenerate, a spec never seen, vs peer (s CPU)", ours_s, "openapi-generator python", peer_s, "-"),
        ("import one endpoint, vs peer (ms)", ours_i * 1e3, f"peer_client.api.{module}", peer_i * 1e3, "-"),
    ]


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    names = [
        line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
    ]
    cpu = names[0] if cpuinfo.exists() and names else platform.processor()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    spec = parser.parse_args().spec.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        rows = measure(spec, Path(scratch))
    print(f"spec: {spec.name}; machine: {machine()}")
    header = ("figure", "this project", "floor or peer", "", "ratio", "target")
    table = [header] + [(f, f"{o:.1f}", name, f"{b:.1f}", f"{o / b:.2f}", t) for f, o, name, b, t in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
