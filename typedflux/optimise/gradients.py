"""What ``update`` takes from a gradient structure: the check that it can mirror the model, and
each parameter's gradient as an array of the parameter's shape.

>>> import numpy as np
>>> import typedflux as tf
>>> _gradient_array(np.array([1, 2]), "w", tf.zeros(2))   # integer values: the parameter's dtype
array([1., 2.], dtype=float32)
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from typedflux.engine.tree import Grads
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.messages import fmt_shape
from typedflux.tensor import AnyTensor, Tensor

__all__ = ["_check_mirrors", "_gradient_array"]


def _gradient_array(g: Any, name: str, p: AnyTensor) -> Optional[np.ndarray[Any, Any]]:
    if g is None:
        return None
    arr = g.data if isinstance(g, Tensor) else np.asarray(g)
    if arr.dtype.kind not in "biuf":  # a Grads or a dict given for a tensor: not its gradient
        what = name or "the model"
        raise TypeError(f'"update" needs a tensor (or array) as the gradient of {what}, got '
                        f"{type(g).__name__}; need tf.gradient(loss, model)[0]")
    if arr.shape != p.data.shape:
        raise ShapeError(
            f'Gradient shape differs for "update": parameter {name} has {fmt_shape(p.data.shape)}, '
            f"its gradient has {fmt_shape(arr.shape)}; need the gradient of this model "
            "(tf.gradient(loss, model)[0])"
        )
    if arr.dtype.kind != "f":  # integer or bool values: the rules update float moments in place
        arr = arr.astype(p.data.dtype)
    return arr



def _check_mirrors(model: Any, grads: Any, who: str) -> None:
    """Refuse a gradient whose outer structure cannot mirror ``model``: every parameter would
    find no gradient in it, and the update would silently do nothing."""
    tg = type(grads)
    if type(model) is dict and (tg is dict or tg is Grads):
        return  # (a dict of parameters and a dict or Grads: the general test below says ok)
    if tg is Grads and not isinstance(model, (Tensor, list, tuple, dict)):
        # The usual case (a layer's gradient from tf.gradient), without the general tests.
        fields = grads.__dict__
        for k in fields:
            if hasattr(model, k):
                return
        if not fields:
            return
    if isinstance(model, Tensor):
        ok = isinstance(grads, (Tensor, np.ndarray, int, float))
    elif isinstance(model, (list, tuple)):
        ok = isinstance(grads, (list, tuple)) and len(grads) == len(model)
    else:  # a dict or a layer: a dict or Grads (by key or attribute)
        ok = isinstance(grads, (dict, Grads))
        if ok and type(grads) is Grads and not isinstance(model, dict):
            # Another model's gradient (weight, bias for a Chain's layers): no name in common.
            fields = vars(grads)
            ok = not fields or any(hasattr(model, k) for k in fields)
    if not ok:
        size = (f" of {len(grads)}" if isinstance(grads, (list, tuple))
                else f" of {', '.join(vars(grads))}" if type(grads) is Grads else "")
        raise TypeError(
            f"{who}: the gradient does not mirror the model (a {type(grads).__name__}{size} "
            f"for a {type(model).__name__}{f' of {len(model)}' if isinstance(model, (list, tuple)) else ''}), "
            "so no parameter would find its gradient in it; need tf.gradient(loss, model)[0]")
