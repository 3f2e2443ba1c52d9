"""Step 3c: rewrite what the generator would misread, without changing what the spec means.

Only the generator sees the result; openapi.yaml stays as Baseten published it.

- A `$ref` with sibling keywords (OpenAPI 3.1 allows `default` beside `$ref`): openapi-python-client
  0.29.1 drops the siblings, so `{"$ref": Enum, "default": "X"}` loses its default. Wrapped as
  `{"allOf": [{"$ref": Enum}], "default": "X"}` (the 3.0 idiom, same meaning), the default reaches the model.
"""

import copy
from typing import Any

SIBLINGS_THAT_MATTER = ("default",)


def prepare_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec for the generator to read."""
    prepared = copy.deepcopy(spec)

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            for value in node.values():
                visit(value)
            properties = node.get("properties")
            for schema in properties.values() if isinstance(properties, dict) else []:
                if isinstance(schema, dict) and "$ref" in schema and any(k in schema for k in SIBLINGS_THAT_MATTER):
                    schema["allOf"] = [{"$ref": schema.pop("$ref")}]

    visit(prepared.get("components"))
    visit(prepared.get("paths"))
    return prepared
