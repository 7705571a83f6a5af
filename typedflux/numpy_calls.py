"""numpy functions called on a Tensor (``np.sum(x)``, ``np.mean(x, axis=0)``, ...).

numpy hands its reductions to an object's own method of the same name and passes numpy-only
keywords (``dtype=None``, ``out=None``) along, which typedflux's methods do not take. So
``Tensor.__array_function__`` sends the reductions a Tensor has here: numpy's arguments are
read with numpy's own signature, numpy's defaults are kept (``np.var`` is biased, ``ddof=0``),
and the Tensor's method runs, so the result is a Tensor on the tape, as ``x.sum()`` is.
An argument typedflux cannot honour (an ``out`` array, a ``dtype``, ``where``, ``initial``)
is refused by name. Every other numpy function converts the Tensor to its array exactly as
it did before (``np.concatenate([x, y])`` is an ndarray, off the tape).

>>> import numpy as np
>>> import typedflux as tf
>>> np.sum(tf.ones(2, 3), axis=1)
Tensor[2] float32
[3. 3.]
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Mapping, Tuple

import numpy as np

from typedflux.shapes.rules_reduce import NUMPY_REDUCTIONS, NUMPY_REFUSED

# numpy's function -> the Tensor method that computes it, by identity (another library's
# "sum" is not numpy's). The table is shared with the mypy plugin, which types these calls.
_METHODS: Dict[Any, str] = {
    getattr(np, name): method for name, method in NUMPY_REDUCTIONS if hasattr(np, name)
}


def call(cls: type, func: Any, args: Tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """Run numpy's ``func`` on arguments holding a Tensor (``Tensor.__array_function__``).

    >>> import numpy as np
    >>> import typedflux as tf
    >>> call(tf.Tensor, np.mean, (tf.tensor([1.0, 3.0]),), {}).item()
    2.0
    """
    method = _METHODS.get(func)
    if method is None:
        return func._implementation(*args, **kwargs)
    # Only the arguments the caller wrote are bound (numpy's dispatcher passes them as given).
    # numpy's dispatcher has already refused a call that does not fit its signature.
    bound = dict(inspect.signature(func).bind(*args, **kwargs).arguments)
    if not isinstance(bound.get("a"), cls):  # a Tensor elsewhere (out=): numpy's own
        return func._implementation(*args, **kwargs)
    name = func.__name__
    given = {k: v for k, v in bound.items() if k != "a"}
    for key in NUMPY_REFUSED:
        value = given.pop(key, None)
        if value is not None:
            raise TypeError(
                f"np.{name}(): typedflux does not take {key}= on a Tensor (got {value!r}); "
                f"call x.{method}(...) and convert the result, or np.{name}(np.asarray(x), ...)"
            )
    call_kwargs: Dict[str, Any] = {"axis": given.pop("axis", None)}
    if "keepdims" in given:
        call_kwargs["keepdims"] = given.pop("keepdims")
    if method in ("var", "std"):  # numpy's default: the biased estimate (ddof=0)
        ddof, correction = given.pop("ddof", None), given.pop("correction", None)
        if ddof is not None and correction is not None:
            raise ValueError(f"np.{name}(): ddof and correction cannot both be given (as in numpy)")
        call_kwargs["correction"] = correction if correction is not None else ddof or 0
    run: Callable[..., Any] = getattr(bound["a"], method)
    return run(**call_kwargs)
