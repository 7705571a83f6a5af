"""Weights both ways between a typedflux model and PyTorch, by the shared dotted names.

``state_dict(model)`` gives PyTorch's view of a typedflux model's tensors (``"layers.0.weight"``
-> ``torch.Tensor``); ``from_torch(source, into=model)`` copies a module's (or a state
dict's) tensors into the model, exactly, after checking that every name and shape agrees:
on any difference nothing is changed and the error lists every missing, unexpected and
mismatched name (``ShapeError`` when only shapes differ, else ``ValueError``), as
``tf.load`` does for files.

>>> import typedflux as tf
>>> from typedflux.torch import to_torch
>>> model = tf.Dense(2, 3)
>>> m = to_torch(model)
>>> with torch.no_grad():
...     _ = m.weight.mul_(2.0)
>>> before = model.weight.numpy().copy()
>>> _ = from_torch(m, into=model)
>>> bool((model.weight.numpy() == 2 * before).all())
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Tuple

import numpy as np
import numpy.typing as npt
import torch
from torch import nn

from typedflux.engine.tree import named_tensors
from typedflux.io import lossless
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.messages import fmt_shape

__all__ = ["state_dict", "from_torch"]

Array = npt.NDArray[Any]


def state_dict(model: Any) -> Dict[str, torch.Tensor]:
    """Every tensor of ``model`` (parameters and buffers) as a torch tensor (a copy) under
    its dotted name: what ``to_torch(model).state_dict()`` holds, and what
    ``torch.save`` writes.

    >>> import typedflux as tf
    >>> {k: tuple(v.shape) for k, v in state_dict(tf.Chain(tf.Dense(2, 3))).items()}
    {'layers.0.weight': (3, 2), 'layers.0.bias': (3,)}
    """
    # (Contiguous copies, as torch's own state dicts hold: a weight a user assigned may be
    # Fortran-ordered, and safetensors' save_file refuses a non-contiguous tensor.)
    return {name: torch.from_numpy(np.array(t.data, copy=True, order="C"))
            for name, t in named_tensors(model)}


def _unwrapped(module: nn.Module) -> nn.Module:
    # DistributedDataParallel (and DataParallel) hold the real model in .module; their own
    # state dict prefixes every name with "module.".
    parallel = (nn.parallel.DistributedDataParallel, nn.DataParallel)
    while isinstance(module, parallel):
        module = module.module
    return module


_NUMPY_FLOATS = (torch.float16, torch.float32, torch.float64)


def _arrays(source: Any) -> Dict[str, Array]:
    if isinstance(source, nn.Module):
        module = _unwrapped(source)
        items: List[Tuple[str, torch.Tensor]] = list(module.named_parameters())
        items += list(module.named_buffers())
    elif isinstance(source, Mapping):
        items = list(source.items())
    else:
        raise TypeError(
            f"from_torch: source must be a torch.nn.Module or a state dict (a mapping of names "
            f"to tensors), got {type(source).__name__}"
        )
    out: Dict[str, Array] = {}
    for name, value in items:
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"from_torch: {name} is a {type(value).__name__}, not a torch.Tensor")
        if value.device.type == "meta":
            raise ValueError(f"from_torch: {name} is on the meta device (a shape without data)")
        if value.is_floating_point() and value.dtype not in _NUMPY_FLOATS:
            # bfloat16, float8: exact in float32, which numpy has (the model's cast follows).
            value = value.float()
        try:
            out[str(name)] = value.detach().cpu().numpy()
        except TypeError:  # complex32, quantized and other dtypes numpy cannot hold
            raise TypeError(f"from_torch: {name} has dtype {value.dtype}, which numpy (and "
                            "typedflux) cannot hold") from None
    return out


def from_torch(source: Any, *, into: Any) -> Any:
    """Copy the tensors of ``source`` (a ``torch.nn.Module``, possibly wrapped in
    ``DistributedDataParallel``, or a state dict) into the typedflux model ``into``, in
    place, and return ``into``. Names must be exactly ``tf.named_tensors(into)``'s, shapes
    identical, dtypes converted only without loss (as ``tf.load``: float32 into float64, not
    float64 or int64 into float32); otherwise nothing changes and the error
    lists every difference.

    >>> import torch, typedflux as tf
    >>> from_torch({"weight": torch.zeros(4, 2), "bias": torch.zeros(4)}, into=tf.Dense(2, 3))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot copy a state dict into Dense(2 => 3): 2 tensors differ
      shape differs: weight is Tensor[3, 2] in the model, Tensor[4, 2] in the source
      shape differs: bias is Tensor[3] in the model, Tensor[4] in the source
    >>> from_torch({"weight": torch.zeros(3, 2)}, into=tf.Dense(2, 3))
    Traceback (most recent call last):
    ...
    ValueError: Cannot copy a state dict into Dense(2 => 3): 1 tensor differs
      missing from the source: bias
    """
    stored = _arrays(source)
    what = "a state dict" if isinstance(source, Mapping) else type(_unwrapped(source)).__name__
    tensors = named_tensors(into)
    have = dict(tensors)
    notes = [f"missing from the source: {n}" for n, _ in tensors if n not in stored]
    notes += [f"not in the model: {n}" for n in stored if n not in have]
    shapes = [
        f"shape differs: {n} is {fmt_shape(t.data.shape)} in the model, "
        f"{fmt_shape(stored[n].shape)} in the source"
        for n, t in tensors
        if n in stored and stored[n].shape != t.data.shape
    ]
    kinds = [
        f"dtype differs: {n} is {t.data.dtype} in the model, {stored[n].dtype} in the source "
        f"(only lossless conversions are made, as by tf.load; convert the source first, "
        f"e.g. module.to(torch.float32))"
        for n, t in tensors
        if n in stored and stored[n].shape == t.data.shape
        and not lossless(stored[n].dtype, t.data.dtype)
    ]
    if notes or shapes or kinds:
        count = len(notes) + len(shapes) + len(kinds)
        head = (f"Cannot copy {what} into {_describe(into)}: {count} "
                f"{'tensor differs' if count == 1 else 'tensors differ'}")
        if shapes and not (notes or kinds):
            raise ShapeError(head, shapes)
        raise ValueError("\n".join([head, *("  " + n for n in notes + shapes + kinds)]))
    for n, t in tensors:
        np.copyto(t.data, stored[n], casting="same_kind")
    return into


def _describe(model: Any) -> str:
    text = repr(model)
    return type(model).__name__ if len(text) > 60 or "\n" in text else text
