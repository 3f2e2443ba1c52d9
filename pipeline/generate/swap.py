"""Putting the new generated/ in place: at every moment it is the old tree or the new one, whatever signal
arrives, and a killed run's leftovers are cleared by the next.

On Linux the two trees trade places in one system call (renameat2 with RENAME_EXCHANGE), so there is
no moment without generated/. Where that is not available the old tree is renamed aside and the new one
renamed in with SIGINT, SIGTERM and SIGHUP held back between the two renames, and put back on any error;
only a SIGKILL between the two renames could then leave generated/ missing, with the old tree beside it.
Staging directories are named `.generate-<pid>-*`; one whose process is gone is removed by the next run.
"""

import ctypes
import errno
import os
import shutil
import signal
import tempfile
from pathlib import Path

STAGING_PREFIX = ".generate-"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_HELD = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def staging_directory(parent: Path) -> Path:
    """A fresh staging directory beside the tree, named by this process; stale ones are removed first."""
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(f"{STAGING_PREFIX}*"):
        pid = stale.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        if stale.is_dir() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap_in(new: Path, target: Path) -> None:
    """Put the tree at `new` in place of `target`; the old tree ends up at `new` (or is gone if there was none)."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        return
    aside = new.with_name(new.name + ".old")
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        os.rename(target, aside)
        try:
            os.rename(new, target)
        except BaseException:
            os.rename(aside, target)
            raise
        os.rename(aside, new)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (not Linux, an old kernel, a filesystem)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))
