"""``save``/``load``: a model's tensors to and from an ``.npz`` file by dotted name (no pickle).

The file holds one array per entry of ``tf.named_tensors(model)`` (parameters and buffers
such as BatchNorm running statistics) under its dotted, PyTorch-style name
(``"layers.0.weight"``), so weights port to and from other tools. Loading checks every name
and shape against the model before changing anything.

>>> import os, tempfile, typedflux as tf
>>> path = os.path.join(tempfile.mkdtemp(), "model.npz")
>>> tf.save(tf.Dense(2, 3), path)
>>> import numpy as np
>>> sorted(np.load(path).files)
['bias', 'weight']
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from typing import Any, Dict, List, Tuple

import numpy as np
import numpy.typing as npt

from typedflux.engine.tree import named_tensors
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.messages import fmt_shape

__all__ = ["save", "load"]

def save(model: Any, path: "str | os.PathLike[str]") -> None:
    """Write every tensor of ``model`` (parameters and buffers) to the ``.npz`` file
    ``path`` (exactly that path: no extension is added), replacing it atomically.

    >>> import os, tempfile, typedflux as tf
    >>> p = os.path.join(tempfile.mkdtemp(), "dense.npz")
    >>> tf.save(tf.Dense(4, 2), p); os.path.exists(p)
    True
    """
    arrays: Dict[str, Any] = {name: t.data for name, t in named_tensors(model)}
    if not arrays:
        raise ValueError(f"save: {type(model).__name__} holds no tensors; nothing to save")
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=".typedflux-", suffix=".npz", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            # A file object (not a name) so numpy does not append ".npz" to the path.
            np.savez(f, **arrays)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _read(path: str) -> Dict[str, npt.NDArray[Any]]:
    try:
        archive = np.load(path, allow_pickle=False)
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise ValueError("it holds a single .npy array, not an .npz archive (tf.save writes .npz)")
        with archive:
            return {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, KeyError) as err:
        # Corrupt archives surface as any of these; a user needs the path and the cause,
        # not a zipfile traceback.
        raise ValueError(f"Cannot load {path!r}: not a readable typedflux .npz file ({err})") from None


def load(model: Any, path: "str | os.PathLike[str]") -> Any:
    """Copy the arrays of the ``.npz`` file ``path`` into ``model``'s tensors, in place, and
    return ``model``. Every name in the file must be a tensor of the model and vice versa,
    with identical shapes: otherwise nothing is changed and the error lists every missing,
    unexpected and mismatched name (``ShapeError`` when only shapes differ, else
    ``ValueError``). A file that is not an ``.npz`` archive is a ``ValueError``.

    >>> import os, tempfile, typedflux as tf
    >>> p = os.path.join(tempfile.mkdtemp(), "m.npz")
    >>> a, b = tf.Dense(2, 3), tf.Dense(2, 3)
    >>> tf.save(a, p)
    >>> bool((tf.load(b, p).weight.numpy() == a.weight.numpy()).all())
    True
    >>> tf.load(tf.Dense(2, 4), p)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot load ...m.npz into Dense(2 => 4): 2 tensors differ
      shape differs: weight is Tensor[4, 2] in the model, Tensor[3, 2] in the file
      shape differs: bias is Tensor[4] in the model, Tensor[3] in the file
    """
    name = os.fspath(path)
    stored = _read(name)
    tensors = named_tensors(model)
    have = dict(tensors)
    missing = [n for n, _ in tensors if n not in stored]
    unexpected = [n for n in stored if n not in have]
    mismatched: List[Tuple[str, Tuple[int, ...], Tuple[int, ...]]] = [
        (n, have[n].data.shape, stored[n].shape)
        for n, _ in tensors
        if n in stored and stored[n].shape != have[n].data.shape
    ]
    kinds: List[str] = []
    for n, _ in tensors:
        if n in stored and stored[n].shape == have[n].data.shape:
            src, dst = stored[n].dtype, have[n].data.dtype
            if not np.can_cast(src, dst, casting="same_kind"):
                kinds.append(f"dtype differs: {n} is {dst} in the model, {src} in the file")
    if missing or unexpected or mismatched or kinds:
        notes = (
            [f"missing from the file: {n}" for n in missing]
            + [f"not in the model: {n}" for n in unexpected]
            + [
                f"shape differs: {n} is {fmt_shape(m)} in the model, {fmt_shape(f)} in the file"
                for n, m, f in mismatched
            ]
            + kinds
        )
        count = len(notes)
        head = (
            f"Cannot load {name} into {_describe(model)}: {count} "
            f"{'tensor differs' if count == 1 else 'tensors differ'}"
        )
        if mismatched and not (missing or unexpected or kinds):
            raise ShapeError(head, notes)
        raise ValueError("\n".join([head, *("  " + n for n in notes)]))
    for n, t in tensors:
        np.copyto(t.data, stored[n], casting="same_kind")
    return model


def _describe(model: Any) -> str:
    text = repr(model)
    if len(text) > 60 or "\n" in text:
        return type(model).__name__
    return text
