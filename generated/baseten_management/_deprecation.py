"""DeprecationWarning for an operation the spec marks deprecated, attributed to the caller's own line.

Python shows a DeprecationWarning by default only where it is attributed to code in __main__, so the
warning names the first frame outside this package, however deep the client tree called it from. Its
source line is looked up through the module's loader only where that is a loader of files: `python -c`,
stdin and a REPL run `__main__` under BuiltinImporter, whose get_source() raises ImportError.
Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import sys
import warnings

_PACKAGE = __name__.rsplit(".", 1)[0]


def warn_deprecated(message: str) -> None:
    frame = sys._getframe(1)
    while frame.f_back is not None and str(frame.f_globals.get("__name__", "")).startswith(_PACKAGE + "."):
        frame = frame.f_back
    module_globals = frame.f_globals
    warnings.warn_explicit(
        message,
        DeprecationWarning,
        frame.f_code.co_filename,
        frame.f_lineno,
        module=str(module_globals.get("__name__", "")),
        registry=module_globals.setdefault("__warningregistry__", {}),
        module_globals=None if isinstance(module_globals.get("__loader__"), type) else module_globals,
    )
