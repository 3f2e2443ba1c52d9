"""Regeneration pipeline: openapi.yaml + generator-config.yaml + templates/ -> generated/.

Each step is a small module; `python -m pipeline generate|check` runs them in order (see __main__.py).
"""


class PipelineError(Exception):
    """A problem with the inputs, said in a few lines: which file, where, what."""
