"""Cost of reading responses into models, against json.loads of the same bytes (which every client pays),
and beside Baseten's own SDK (pydantic models, PyPI `baseten`) where it is installed and has the model:

- a page of 1,000 items of one model (DeploymentV1 where the spec has it, else its model with the most
  properties), each filled with every property the schema declares: the time to read it, and the memory
  the models keep, against the parsed JSON's (the strings are shared, so the floor is what a client that
  hands out dicts keeps);
- a model holding a union whose object branches are told apart by a const tag (AuditLogEntryV1 on
  Baseten's specs): one entry of each tag, the slowest reported.

Run by benchmarks/run.py in a fresh interpreter with the generated package on its path; prints JSON rows.
"""

import argparse
import gc
import importlib
import json
import re
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from contract.spec_model import example_value, tagged_unions
from pipeline.spec.openapi import load_document

PAGE = 1000
PREFERRED_ITEM = "DeploymentV1"  # the model the target names, where the spec has it


def best(function: Callable[[], object], number: int) -> float:
    """Seconds a call, the best of five blocks of `number` calls."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number


def retained(build: Callable[[], object]) -> int:
    """Bytes still allocated while what `build` returns is kept (what a caller holding a page pays)."""
    gc.collect()
    tracemalloc.start()
    kept = build()
    gc.collect()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return size


def read_model(cls: Any, body: bytes) -> object:
    return cls.from_dict(json.loads(body))


def page_model(schemas: dict[str, Any]) -> str:
    if PREFERRED_ITEM in schemas:
        return PREFERRED_ITEM
    objects = {name: s for name, s in schemas.items() if isinstance(s, dict) and s.get("properties")}
    return max(objects, key=lambda name: (len(objects[name]["properties"]), name))


def peer_class(name: str) -> Any:
    """Baseten's own SDK's model of that name (it drops the `V1`), or None."""
    try:
        models = importlib.import_module("baseten.client.managementapi._models")
    except ImportError:
        return None
    return getattr(models, re.sub(r"V\d+$", "", name), None)


def measure(spec: dict[str, Any], package: str) -> list[dict[str, Any]]:
    models = importlib.import_module(f"{package}.models")
    schemas = spec.get("components", {}).get("schemas", {})
    rows = []
    item = page_model(schemas)
    items = []
    for index in range(PAGE):
        value = example_value(spec, schemas[item], all_properties=True)
        if isinstance(value.get("id"), str):
            value["id"] = f"{value['id']}-{index}"
        items.append(value)
    text = json.dumps(items).encode()
    ours = getattr(models, item)
    loads = best(lambda: json.loads(text), 20)
    parse = best(lambda: [ours.from_dict(entry) for entry in json.loads(text)], 20)
    rows.append({"figure": f"read {PAGE} {item} (ms)", "ours": parse * 1e3, "floor": loads * 1e3, "target": "<= 3"})
    kept, floor_kept = (
        retained(lambda: [ours.from_dict(entry) for entry in json.loads(text)]),
        retained(lambda: json.loads(text)),
    )
    rows.append({"figure": f"memory kept by {PAGE} {item} (KiB)", "ours": kept / 1024, "floor": floor_kept / 1024,
                 "target": "<= floor"})  # fmt: skip
    peer = peer_class(item)
    if peer is not None:
        try:
            [peer.model_validate(entry) for entry in items[:1]]
            theirs = best(lambda: [peer.model_validate(entry) for entry in json.loads(text)], 20)
            rows.append({"figure": f"  Baseten's SDK ({peer.__name__}, pydantic)", "ours": theirs * 1e3,
                         "floor": loads * 1e3, "target": "-"})  # fmt: skip
        except Exception as error:  # noqa: BLE001 - a peer that disagrees with this spec is reported, not fatal
            print(f"Baseten's SDK row skipped: {peer.__name__} refuses the spec's data: {error}"[:300], file=sys.stderr)
    unions = tagged_unions(spec)
    if unions:
        name, prop, tag, branches = unions[0].model, unions[0].prop, unions[0].tag, unions[0].branches
        cls, worst = getattr(models, name), (0.0, 1.0, "")
        for branch in branches:
            entry = example_value(spec, schemas[name], all_properties=True)
            entry[prop] = example_value(spec, branch, all_properties=True)
            body = json.dumps(entry).encode()
            loads = best(partial(json.loads, body), 2000)
            parse = best(partial(read_model, cls, body), 2000)
            if parse / loads > worst[0] / worst[1]:
                worst = (parse, loads, str(entry[prop][tag]))
        rows.append({"figure": f"read one {name}, slowest {tag} ({worst[2]}) (us)", "ours": worst[0] * 1e6,
                     "floor": worst[1] * 1e6, "target": "<= 10"})  # fmt: skip
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--generated", type=Path, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(args.generated))
    (package,) = [p.name for p in args.generated.iterdir() if (p / "__init__.py").is_file()]
    print(json.dumps(measure(load_document(args.spec), package)))
