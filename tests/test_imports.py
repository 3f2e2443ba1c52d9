"""Importing the pipeline and the contract code does nothing but import: no project file is read (the spec,
the config, the templates, generated/) and sys.path is left alone, so a module can be imported, and
tested, for any spec, and a broken spec is reported by the command that reads it, not by an import."""

import json
import subprocess
import sys

from pipeline.project import ROOT

PROGRAM = """
import importlib, json, os, pkgutil, sys
opened = []
def audit(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(os.path.abspath(args[0]))
sys.addaudithook(audit)
path_before = list(sys.path)
for package in ("pipeline", "contract"):
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        importlib.import_module(f"{package}.{info.name}")
print(json.dumps({"opened": opened, "path_changed": sys.path != path_before}))
"""


def test_importing_every_module_of_pipeline_and_contract_reads_no_project_file() -> None:
    result = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, check=True)
    found = json.loads(result.stdout.splitlines()[-1])
    project_files = [
        path
        for path in found["opened"]
        if path.startswith(str(ROOT)) and not path.endswith((".py", ".pyc")) and "/.venv" not in path
    ]
    assert project_files == [] and not found["path_changed"], found
