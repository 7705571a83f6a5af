"""``save``/``load``: a model's tensors to and from a checkpoint file, by dotted name.

A checkpoint holds one array per entry of ``tf.named_tensors(model)`` (parameters and buffers
such as BatchNorm's running statistics) under its dotted, PyTorch-style name
(``"layers.0.weight"``), so weights port to and from PyTorch. Nothing is pickled and no code
runs to read a file.

- **Format, by extension.** ``save`` writes **safetensors** (the ML field's standard format:
  a JSON header, then raw data) unless the path ends in ``.npz`` (any case), which writes a
  numpy ``.npz`` archive. ``.safetensors`` is the usual name. ``load`` reads either format
  whatever the file is called: it looks at the file's first bytes.
- **Loading changes nothing unless everything succeeds.** Every name, shape and dtype is
  checked from the file's headers before any data is read; then every tensor is read and
  converted into new arrays; only then are the model's arrays overwritten, in place.
- **Saving replaces the file atomically** (a temporary file in the same folder, then a
  rename), keeping an existing file's permissions and writing through symbolic links.

>>> import os, tempfile, typedflux as tf
>>> folder = tempfile.mkdtemp()
>>> tf.save(tf.Dense(2, 3), os.path.join(folder, "model.safetensors"))
>>> from safetensors.numpy import load_file
>>> sorted(load_file(os.path.join(folder, "model.safetensors")))
['bias', 'weight']
"""

from __future__ import annotations

import errno
import importlib.metadata
import os
import stat
import zipfile
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt
from safetensors import SafetensorError

from typedflux.engine.tree import named_tensors
from typedflux.io.files import replace_file
from typedflux.io.npz_format import ZIP_ERRORS, Entry, NpzReader, write_npz
from typedflux.io.safetensors_format import SafetensorsReader, unsupported, write_safetensors
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.messages import fmt_shape
from typedflux.tensor import AnyTensor

__all__ = ["save", "load", "checkpoint_format"]

# The version of typedflux's checkpoint layout (names, metadata keys), in every file's
# metadata; a reader that changes meaning would bump it.
FORMAT_VERSION = "1"
# Past this many lines an error says how many more there are.
_MAX_NOTES = 40

Reader = Union[NpzReader, SafetensorsReader]


def checkpoint_format(path: "str | os.PathLike[str]") -> str:
    """The format :func:`save` writes to ``path``: ``"npz"`` for a name ending in ``.npz``
    (any case), else ``"safetensors"``.

    >>> checkpoint_format("model.safetensors"), checkpoint_format("run/w.NPZ"), checkpoint_format("w.bin")
    ('safetensors', 'npz', 'safetensors')
    """
    return "npz" if os.fspath(path).lower().endswith(".npz") else "safetensors"


def save(model: Any, path: "str | os.PathLike[str]") -> None:
    """Write every tensor of ``model`` (parameters and buffers) to the file ``path``: in
    safetensors format, or an ``.npz`` archive when ``path`` ends in ``.npz`` (exactly that
    path: no extension is added). The file is replaced atomically (readers see the old file
    or the new one), keeps an existing file's permissions, and a symbolic link is written
    through to its target. Errors name ``path``.

    >>> import os, tempfile, typedflux as tf
    >>> p = os.path.join(tempfile.mkdtemp(), "dense.safetensors")
    >>> tf.save(tf.Dense(4, 2), p); os.path.exists(p)
    True
    >>> tf.save(tf.Dense(4, 2), os.path.join(tempfile.mkdtemp(), "missing", "d.npz"))
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such folder ...missing: '...d.npz'
    """
    target = _path(path, "save")
    tensors = named_tensors(model)
    if not tensors:
        raise ValueError(f"save: {type(model).__name__} holds no tensors; nothing to save")
    _refuse_repeated_names(tensors, "save")
    arrays: Dict[str, npt.NDArray[Any]] = {name: t.data for name, t in tensors}
    fmt = checkpoint_format(target)
    _refuse_unwritable_names(arrays, fmt, target)
    if fmt == "npz":
        bad = [f"{n} ({a.dtype})" for n, a in arrays.items() if a.dtype.hasobject]
        if bad:
            raise ValueError(f"save: cannot write Python objects to {target}: {', '.join(bad)}")
        replace_file(target, lambda tmp: write_npz(tmp, arrays))
        return
    bad = [f"{n} ({a.dtype})" for n, a in arrays.items() if unsupported(a.dtype)]
    if bad:
        raise ValueError(
            f"save: safetensors cannot hold the dtype of {', '.join(bad)}; "
            f"save to a path ending in .npz instead"
        )
    if "__metadata__" in arrays:  # the header's metadata entry: the file would not load
        raise ValueError(
            'save: safetensors reserves the name "__metadata__" (its header\'s metadata), '
            "which a tensor of this model has; rename it or save to a path ending in .npz")
    meta = {"typedflux.format": FORMAT_VERSION, "typedflux.version": _version()}
    replace_file(target, lambda tmp: write_safetensors(tmp, arrays, meta))


# A zip member's name is at most 65535 bytes (``<name>.npy``).
_ZIP_NAME_BYTES = 65535 - len(".npy")


def _refuse_unwritable_names(arrays: Dict[str, Any], fmt: str, target: str) -> None:
    """A name the file cannot hold is refused before anything is written: text that is not
    valid UTF-8 (a lone surrogate), and in an ``.npz`` archive a NUL character (zip cuts
    the name there: the tensor would come back under another name) or a name too long for
    zip."""
    for name in arrays:
        try:
            size = len(name.encode("utf-8"))
        except UnicodeEncodeError:
            raise ValueError(f"save: the tensor name {name!r} is not valid UTF-8 text, which "
                             f"{target} cannot hold; rename it") from None
        if fmt == "npz" and "\0" in name:
            raise ValueError(f"save: the tensor name {name!r} holds a NUL character, which an "
                             f".npz archive cuts off; rename it or save to a .safetensors path")
        if fmt == "npz" and size > _ZIP_NAME_BYTES:
            raise ValueError(f"save: the tensor name {name[:40]!r}... is {size} bytes long; an "
                             f".npz archive holds names of at most {_ZIP_NAME_BYTES}; rename "
                             f"it or save to a .safetensors path")


def load(model: Any, path: "str | os.PathLike[str]", *, strict: bool = True) -> Any:
    """Copy the tensors stored in ``path`` (a safetensors file or an ``.npz`` archive, told
    apart by content) into ``model``'s tensors, in place, and return ``model``.

    With ``strict=True`` (the default) the file and the model must hold the same names;
    with ``strict=False`` names found on one side only are skipped (loading a pretrained
    body into a model with a new head), but at least one name must match. Every matching
    name must have the same shape, and a dtype that converts without loss (float32 into
    float64, never float64 into float32). Everything is checked from the file's headers
    before any data is read, and nothing in the model changes unless every tensor was read;
    otherwise the error lists every problem: ``ShapeError`` when only shapes differ, else
    ``ValueError`` (also for a damaged file: truncated, bit-flipped, oversized members).

    >>> import os, tempfile, typedflux as tf
    >>> p = os.path.join(tempfile.mkdtemp(), "m.safetensors")
    >>> a, b = tf.Dense(2, 3), tf.Dense(2, 3)
    >>> tf.save(a, p)
    >>> bool((tf.load(b, p).weight.numpy() == a.weight.numpy()).all())
    True
    >>> tf.load(tf.Dense(2, 4), p)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot load ...m.safetensors into Dense(2 => 4): 2 tensors differ
      shape differs: weight is Tensor[4, 2] in the model, Tensor[3, 2] in the file
      shape differs: bias is Tensor[4] in the model, Tensor[3] in the file
    """
    target = _path(path, "load")
    if not isinstance(strict, bool):
        raise TypeError(f"load: strict must be True or False, got {strict!r}")
    tensors = named_tensors(model)
    _refuse_repeated_names(tensors, "load")
    model_names = [n for n, _ in tensors]
    with _open(target, {n: t.data.nbytes for n, t in tensors}) as reader:
        notes, shapes_only, common = _compare(tensors, reader, strict)
        head = f"Cannot load {target} into {_describe(model)}"
        if notes:
            count = len(notes)
            head += f": {count} {'tensor differs' if count == 1 else 'tensors differ'}"
            if shapes_only:
                raise ShapeError(head, notes)
            raise ValueError("\n".join([head, *("  " + n for n in _cap(notes))]))
        if not common:
            raise ValueError(
                f"{head}: no tensor names in common (the file holds "
                f"{_some(reader.names)}; the model {_some(model_names)})"
            )
        loaded = _read_all(target, reader, [(n, t) for n, t in tensors if n in common])
    # Everything was read and converted: from here on nothing can fail half-way.
    for name, t in tensors:
        if name in loaded:
            np.copyto(t.data, loaded[name], casting="no")
    return model


def _path(path: Any, fn: str) -> str:
    if isinstance(path, bytes) or not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{fn}: path must be a str or os.PathLike, got {type(path).__name__}")
    target = os.fspath(path)
    if not isinstance(target, str) or not target:
        raise ValueError(f"{fn}: path must be a non-empty file name, got {path!r}")
    if "\0" in target:  # (the operating system's error would not say which argument)
        raise ValueError(f"{fn}: path must not contain a NUL character, got {path!r}")
    return target


def _open(path: str, limits: Mapping[str, int]) -> Reader:
    """The reader for the file at ``path``, by its first bytes; ``ValueError`` naming the
    path when the file is neither format or its header is unreadable."""
    # Non-blocking, so a named pipe with no writer is refused instead of waiting forever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a folder, not a file", path)
        raise ValueError(f"Cannot load {path}: not a regular file (a device, pipe or "
                         "socket), so not a checkpoint")
    with os.fdopen(fd, "rb") as f:
        start = f.read(9)
    if start.startswith(b"\x93NUMPY"):
        raise ValueError(
            f"Cannot load {path}: it holds a single .npy array, not a checkpoint "
            f"(tf.save writes safetensors or .npz)"
        )
    if start.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            return NpzReader(path, limits)
        except ZIP_ERRORS as err:
            # A user needs the path and the cause, not a zipfile traceback.
            raise ValueError(
                f"Cannot load {path}: not a readable .npz checkpoint ({err})"
            ) from None
    if len(start) < 9 or start[8:9] != b"{":
        raise ValueError(
            f"Cannot load {path}: not a checkpoint (neither a safetensors file nor an .npz "
            f"archive{', it is empty' if not start else ''})"
        )
    try:
        return SafetensorsReader(path, limits)
    except (SafetensorError, OSError, ValueError) as err:
        raise ValueError(
            f"Cannot load {path}: not a readable safetensors checkpoint ({err})"
        ) from None


def _shown_name(name: str) -> str:
    # A bare tensor's name is empty (tf.named_tensors(x) is [("", x)]): said, not left blank.
    return name if name else '"" (a bare tensor)'


def _compare(
    tensors: List[Tuple[str, AnyTensor]], reader: Reader, strict: bool
) -> Tuple[List[str], bool, set[str]]:
    """(every problem, whether all are shape differences, the names to load)."""
    in_file = set(reader.names)
    have = {n for n, _ in tensors}
    missing = [n for n, _ in tensors if n not in in_file] if strict else []
    unexpected = [n for n in reader.names if n not in have] if strict else []
    shapes: List[str] = []
    others: List[str] = list(reader.problems)
    common: set[str] = set()
    for key, t in tensors:
        entry: Optional[Entry] = reader.entries.get(key)
        if key not in in_file or entry is None:
            continue  # missing, or already among the reader's problems
        arr = t.data
        name = _shown_name(key)
        if entry.shape != arr.shape:
            shapes.append(
                f"shape differs: {name} is {fmt_shape(arr.shape)} in the model, "
                f"{fmt_shape(entry.shape)} in the file"
            )
        elif not lossless(entry.dtype, arr.dtype):
            others.append(
                f"dtype differs: {name} is {arr.dtype} in the model, {entry.dtype} in the "
                f"file (only lossless conversions are made)"
            )
        elif not arr.flags.writeable:
            others.append(f"{name} is read-only in the model")
        else:
            common.add(key)
    notes = (
        [f"missing from the file: {_shown_name(n)}" for n in missing]
        + [f"not in the model: {_shown_name(n)}" for n in unexpected]
        + shapes
        + others
    )
    return notes, bool(shapes) and not (missing or unexpected or others), common


def _read_all(
    path: str, reader: Reader, wanted: List[Tuple[str, AnyTensor]]
) -> Dict[str, npt.NDArray[Any]]:
    """Every wanted tensor read and converted to its model dtype, as new arrays."""
    out: Dict[str, npt.NDArray[Any]] = {}
    for name, t in wanted:
        try:
            raw = reader.read(name)
        except (*ZIP_ERRORS, SafetensorError) as err:
            raise ValueError(
                f"Cannot load {path}: reading {name} failed ({err}); the model is unchanged"
            ) from None
        out[name] = np.array(raw, dtype=t.data.dtype, copy=True)
    return out


def lossless(src: np.dtype[Any], dst: np.dtype[Any]) -> bool:
    """Whether every value of dtype ``src`` converts exactly to ``dst`` (what ``load``
    allows): the same dtype, a wider float, or an integer type holding every value.

    >>> f32, f64, i64 = np.dtype("float32"), np.dtype("float64"), np.dtype("int64")
    >>> lossless(f32, f64), lossless(f64, f32), lossless(np.dtype("uint8"), i64), lossless(i64, f64)
    (True, False, True, False)
    """
    if src == dst:
        return True
    if src.kind == "f" and dst.kind == "f":
        return dst.itemsize >= src.itemsize
    if src.kind in "iu" and dst.kind in "iu":
        return bool(np.can_cast(src, dst, casting="safe"))
    return False


def _refuse_repeated_names(tensors: List[Tuple[str, AnyTensor]], verb: str) -> None:
    # Two different tensors under one dotted name ({"a.b": layer, "a": {"b": layer}}) would
    # share one entry of the file: one of them would be lost.
    seen: set[str] = set()
    repeated: List[str] = []
    for name, _ in tensors:
        if name in seen and name not in repeated:
            repeated.append(name)
        seen.add(name)
    if repeated:
        raise ValueError(
            f"{verb}: the model has different tensors under the same name: "
            f"{', '.join(repeated)}; rename the attributes or dict keys so that dotted "
            f"names are unique"
        )


def _cap(notes: List[str]) -> List[str]:
    if len(notes) <= _MAX_NOTES:
        return notes
    return notes[:_MAX_NOTES] + [f"... and {len(notes) - _MAX_NOTES} more"]


def _some(names: List[str]) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:5])
    return shown + (f", ... ({len(names)} in all)" if len(names) > 5 else "")


def _describe(model: Any) -> str:
    text = repr(model)
    if len(text) > 60 or "\n" in text or " object at 0x" in text:
        return type(model).__name__
    return text


_VERSION: List[str] = []


def _version() -> str:
    if not _VERSION:
        try:
            _VERSION.append(importlib.metadata.version("typedflux"))
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover - not installed
            _VERSION.append("unknown")
    return _VERSION[0]
