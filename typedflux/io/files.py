"""Replacing a file safely: ``replace_file(path, write)`` is how ``tf.save`` writes.

The new content goes to a temporary file in the destination's own folder (so the final
``os.replace`` is atomic: a reader sees the old file or the new one, never half of either),
created with the mode a plain ``open(path, "w")`` would give (0666 less the umask) or, when
the file exists, the existing file's mode; a symbolic link is written through to its target
(the link stays a link); a device, pipe or socket is refused, not replaced; every error
names the caller's path, never the temporary file.

>>> import os, tempfile
>>> p = os.path.join(tempfile.mkdtemp(), "note.txt")
>>> replace_file(p, lambda tmp: open(tmp, "w").write("hi"))
>>> open(p).read()
'hi'
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from typing import Any, Callable

__all__ = ["replace_file"]


def replace_file(path: "str | os.PathLike[str]", write: Callable[[str], Any]) -> None:
    """Atomically replace the file at ``path`` with what ``write(tmp)`` writes to the
    temporary path ``tmp`` (in the same folder). Keeps an existing file's permission bits
    (and owner, where the process may set it); writes through symbolic links; leaves no
    temporary file behind on any error; ``OSError``s name ``path``.

    >>> import os, tempfile
    >>> replace_file(os.path.join(tempfile.mkdtemp(), "no", "such", "dir.bin"), print)
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such folder .../no/such: '.../no/such/dir.bin'
    """
    user = os.fspath(path)
    # Through any chain of symbolic links to the file that will really be replaced.
    real = os.path.realpath(user)
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise FileNotFoundError(errno.ENOENT, f"No such folder {folder}", user)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    except OSError as err:
        raise _named(err, user) from None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a folder, not a file", user)
    if old is not None and not stat.S_ISREG(old.st_mode):
        # A device, pipe or socket: replacing it would delete it (/dev/null, as root).
        raise OSError(errno.EINVAL, "Not a regular file (a device, pipe or socket), so not "
                      "replaced", user)
    tmp = ""
    try:
        tmp, fd = _create_temp(folder, os.path.basename(real))
        try:
            mode = stat.S_IMODE((old or os.fstat(fd)).st_mode)
        finally:
            os.close(fd)
        write(tmp)
        # After the write: a writer may recreate the file it is given (safetensors does,
        # with mode 0600).
        os.chmod(tmp, mode)
        if old is not None and (old.st_uid, old.st_gid) != _owner(tmp):
            try:
                os.chown(tmp, old.st_uid, old.st_gid)
            except OSError:
                pass  # only root (or the owner, for the group) may; the mode is kept
        _flush(tmp)
        os.replace(tmp, real)
        tmp = ""
        _flush_folder(folder)
    except OSError as err:
        raise _named(err, user) from None
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _create_temp(folder: str, base: str) -> "tuple[str, int]":
    # os.open with mode 0o666 applies the umask, as open(path, "w") would (mkstemp's 0600
    # would become the file's mode after the replace).
    for _ in range(100):
        tmp = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return tmp, fd
    raise FileExistsError(errno.EEXIST, "No free temporary name", folder)  # pragma: no cover


def _owner(p: str) -> "tuple[int, int]":
    st = os.stat(p)
    return st.st_uid, st.st_gid


def _flush(p: str) -> None:
    # The data reaches the disk before the rename makes it the file (a crash in between
    # leaves the old file, not an empty new one).
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform opens folders
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _named(err: OSError, user: str) -> OSError:
    """``err`` re-raised with the caller's path as its file name (the same subclass, by
    errno), not the temporary file's."""
    if err.errno is None:
        return OSError(f"{err} (writing {user!r})")
    return OSError(err.errno, err.strerror or str(err), user)
