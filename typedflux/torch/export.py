"""``to_torch(model)``: a typedflux model as a ``torch.nn.Module`` with the same numerics and
the same parameter names.

How each object becomes a module, in order:

1. a built-in layer or container (exactly its class): its entry in
   :data:`typedflux.torch.layers.EXPORTS`;
2. an object with a ``to_torch(self)`` method (the protocol for user layers): what it
   returns, after checking that its parameter names and shapes are the layer's;
3. a function (an activation, a connection such as ``tf.add``): its torch version from
   :data:`FUNCTIONS` (``register_function`` adds one), else the function itself run on
   torch tensors;
4. a tuple, list or dict of layers: an :class:`~typedflux.torch.modules.Items`;
5. any other layer (a callable or an object holding tensors): its own ``__call__`` run on
   torch tensors (:mod:`typedflux.torch.bridge`), so a layer written with ``tf`` ops needs
   nothing extra; one that leaves the torch graph (numpy on a tensor) fails on its first
   call with an error naming it and the method to add.

>>> import torch, typedflux as tf
>>> model = tf.Chain(tf.Dense(3, 4, tf.gelu), tf.Dense(4, 2))
>>> m = to_torch(model)
>>> x = tf.randn(5, 3)
>>> y = m(torch.from_numpy(x.numpy()))
>>> bool(abs(y.detach().numpy() - model(x).numpy()).max() < 1e-6)
True
"""

from __future__ import annotations

import functools
import types
from typing import Any, Callable, Dict, List, Optional

import torch
from torch import nn

from typedflux.engine.tree import named_tensors
from typedflux.ops import elementwise, join, movement, nn as tfnn
from typedflux.torch import functional as TF
from typedflux.torch.bridge import dispatching, from_torch_value
from typedflux.torch.layers import EXPORTS
from typedflux.torch.modules import (
    Fn,
    Items,
    Mirror,
    TorchExportError,
    holds_tensors,
    run_bridged,
    shapes_of,
    unwrap,
)

__all__ = ["to_torch", "register_function", "FUNCTIONS", "TorchExportError"]


def _add(*xs: torch.Tensor) -> torch.Tensor:
    return functools.reduce(torch.add, xs)


def _mul(*xs: torch.Tensor) -> torch.Tensor:
    return functools.reduce(torch.mul, xs)


def _identity(x: Any) -> Any:
    return x


def _flatten(x: torch.Tensor) -> torch.Tensor:
    return torch.flatten(x, 1)


def _cat(*xs: torch.Tensor, axis: int = -1) -> torch.Tensor:
    return torch.cat(xs, dim=axis)


FUNCTIONS: Dict[Callable[..., Any], Callable[..., Any]] = {
    tfnn.identity: _identity,
    tfnn.relu: torch.relu,
    tfnn.tanh: torch.tanh,
    tfnn.sigmoid: TF.sigmoid,
    tfnn.gelu: TF.gelu,
    tfnn.swish: TF.swish,
    tfnn.softplus: TF.softplus,
    tfnn.leakyrelu: TF.leakyrelu,
    tfnn.elu: TF.elu,
    tfnn.softmax: TF.softmax,
    tfnn.logsoftmax: TF.logsoftmax,
    elementwise.exp: torch.exp,
    elementwise.log: torch.log,
    elementwise.sqrt: torch.sqrt,
    elementwise.abs: torch.abs,
    elementwise.maximum: torch.maximum,
    elementwise.minimum: torch.minimum,
    movement.flatten: _flatten,
    join.add: _add,
    join.mul: _mul,
    join.cat: _cat,
}
"""typedflux function (as a layer, an activation or a connection) -> its torch version."""


def register_function(fn: Callable[..., Any], torch_fn: Callable[..., Any]) -> None:
    """Export the function ``fn`` (used as a layer, an activation or a connection) as
    ``torch_fn``. Functions written with ``tf`` ops need none: they run on torch tensors.

    >>> import torch, typedflux as tf
    >>> def clip(x): return tf.minimum(tf.maximum(x, -1.0), 1.0)
    >>> register_function(clip, lambda x: torch.clamp(x, -1.0, 1.0))
    >>> to_torch(clip)(torch.tensor([3.0])).tolist()
    [1.0]
    """
    if not callable(fn) or not callable(torch_fn):
        raise TypeError("register_function(fn, torch_fn) needs two callables")
    FUNCTIONS[fn] = torch_fn


def _name(fn: Any) -> str:
    name = getattr(fn, "__name__", None)
    return name if isinstance(name, str) else repr(fn)


def _bridged_function(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*xs: Any, **kw: Any) -> Any:
        try:
            with dispatching():
                out = fn(*from_torch_value(xs), **from_torch_value(kw))
        except (TypeError, RuntimeError, AttributeError) as err:
            if isinstance(err, TorchExportError):
                raise
            raise TorchExportError(
                f"the function {_name(fn)} cannot run on PyTorch tensors "
                f"({type(err).__name__}: {err}). Write it with typedflux ops only, or give "
                f"its PyTorch version with typedflux.torch.register_function({_name(fn)}, ...)"
            ) from err
        return unwrap(out)

    run.__name__ = _name(fn)
    return run


def _function(fn: Any) -> Optional[Callable[..., Any]]:
    """The torch version of a function, or None when ``fn`` is not a function."""
    try:
        known = FUNCTIONS.get(fn)
    except TypeError:  # unhashable
        known = None
    if known is not None:
        return known
    if isinstance(fn, functools.partial):
        inner = _function(fn.func)
        if inner is not None and fn.func in FUNCTIONS:
            return functools.partial(inner, *fn.args, **fn.keywords)
        return _bridged_function(fn)
    if isinstance(fn, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return _bridged_function(fn)
    return None


class _Exporter:
    """One export: the memo of tensors and sub-layers already converted (shared weights
    and layers stay shared)."""

    def __init__(self) -> None:
        self.tensors: Dict[int, torch.Tensor] = {}
        self.modules: Dict[int, nn.Module] = {}

    def __call__(self, obj: Any) -> nn.Module:
        found = self.modules.get(id(obj))
        if found is None:
            found = self._convert(obj)
            self.modules[id(obj)] = found
        return found

    def _convert(self, obj: Any) -> nn.Module:
        entry = EXPORTS.get(type(obj))
        if entry is not None:
            return Mirror(obj, entry.forward, self, self.tensors, entry.settings(obj))
        own = getattr(obj, "to_torch", None)
        if callable(own) and not isinstance(obj, type):
            return _protocol(obj, own)
        fn = _function(obj)
        if fn is not None:
            return Fn(fn, _name(obj))
        if isinstance(obj, (list, tuple, dict)):
            return Items(obj, self, self.tensors)
        if isinstance(obj, nn.Module):
            return obj
        if callable(obj) or holds_tensors(obj):
            return Mirror(obj, run_bridged, self, self.tensors)
        raise TorchExportError(
            f"cannot export {type(obj).__name__} ({obj!r:.60}): it is not a layer (not "
            f"callable, holds no tensors). Give it a method `to_torch(self) -> "
            f"torch.nn.Module`"
        )


def _protocol(layer: Any, own: Callable[[], Any]) -> nn.Module:
    module = own()
    cls = type(layer).__name__
    if not isinstance(module, nn.Module):
        raise TorchExportError(
            f"{cls}.to_torch() returned {type(module).__name__}, not a torch.nn.Module"
        )
    _check_names(layer, module, f"{cls}.to_torch()")
    return module


def _check_names(layer: Any, module: nn.Module, who: str) -> None:
    want = [(n, tuple(int(d) for d in t.data.shape)) for n, t in named_tensors(layer)]
    got = shapes_of(module)
    if sorted(want) != sorted(got):
        have = dict(got)
        need = dict(want)
        notes: List[str] = []
        notes += [f"missing: {n} {s}" for n, s in want if n not in have]
        notes += [f"unexpected: {n} {s}" for n, s in got if n not in need]
        notes += [f"shape of {n}: {have[n]} in torch, {s} in typedflux"
                  for n, s in want if n in have and have[n] != s]
        raise TorchExportError(
            f"{who} must return a module whose parameters and buffers are the layer's "
            f"tensors under the same names (so weights round-trip): "
            + "; ".join(notes)
        )


def to_torch(model: Any) -> nn.Module:
    """``model`` (any typedflux layer, container or function) as a ``torch.nn.Module``.

    - Same numerics: forward values and gradients are typedflux's (to float rounding), in
      float32 or float64 as the model's tensors are.
    - Same names: ``module.state_dict()`` has the dotted names of ``tf.named_tensors(model)``
      (``layers.0.weight``); trainable tensors are parameters, buffers (BatchNorm running
      statistics) and frozen tensors are not trained. The weights are copied: write them
      back with :func:`typedflux.torch.from_torch`.
    - Train and test mode are PyTorch's (``.train()``/``.eval()``; a new module starts in
      training mode, except layers forced with ``tf.testmode``): Dropout drops and BatchNorm
      uses and updates batch statistics in training mode.

    >>> import torch, typedflux as tf
    >>> m = to_torch(tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu), tf.Flatten(), tf.Dense(16, 2)))
    >>> m(torch.zeros(8, 1, 4, 4)).shape
    torch.Size([8, 2])
    >>> sorted(m.state_dict())
    ['layers.0.bias', 'layers.0.weight', 'layers.2.bias', 'layers.2.weight']
    """
    module = _Exporter()(model)
    _check_names(model, module, "to_torch")
    return module

