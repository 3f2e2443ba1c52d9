"""Regeneration pipeline: openapi.yaml + generator-config.yaml + templates/ -> generated/.

generate/build.py runs the steps in order (validate, derive, prepare, generate, verify); __main__.py is the
command line behind the make targets that read or write the spec (COMMANDS).
"""


class PipelineError(Exception):
    """Problems with the inputs, each said in one line: which file, where, what; and `warnings`, where the
    run knows them, what else it found that stops nothing (said with the problems: each run reports all
    it found)."""

    def __init__(self, *problems: str, warnings: list[str] | None = None):
        self.problems = [line for problem in problems for line in str(problem).splitlines()]
        self.warnings = warnings
        super().__init__("\n".join(self.problems))
