"""The pinned openapi-python-client's own templates: what each override in templates/ started from."""

from pathlib import Path


def stock_templates() -> Path:
    import openapi_python_client  # here: importing the generator costs 0.4 s, and only a build needs it

    return Path(openapi_python_client.__file__).parent / "templates"
