"""Registering an op's runtime half: bind a forward and a VJP to a primitive spec, or a function
to a composite spec.

``@primitive("matmul")`` binds a forward (on numpy arrays) to ``SPECS["matmul"]`` (the static
half: argument names and kinds, public names, shape rule) and returns the
:class:`~typedflux.engine.primitive.Primitive`; ``@p_matmul.vjp`` binds its VJP
``vjp(g, out, *args) -> tuple of input gradients`` where ``args`` are the forward's own
arguments in spec order and the tuple holds one entry per TENSOR argument (a sequence per
TENSORS argument; ``None`` where nothing flows); ``@p_matmul.examples`` gives its
gradient-check examples. ``@composite("mean")`` registers the function of an op built from
primitives (``primitive=False`` in its spec), which runs its own rule first with
:func:`composite_rule`. The invoke machinery is :mod:`typedflux.engine.invoke` (the reference
path, and which path an op takes) and :mod:`typedflux.engine.lanes` (its specialisations).

>>> import numpy as np, typedflux as tf
>>> REGISTRY["matmul"].invoke(tf.ones(2, 3), tf.ones(3, 4)).shape
(2, 4)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Tuple, TypeVar

from typedflux.engine import operands
from typedflux.engine.operands import norm_axis, scalar_like
from typedflux.engine.primitive import REGISTRY, Primitive, bind_composite, declare
from typedflux.shapes.catalog import SPECS, Kind
from typedflux.tensor import Tensor

__all__ = [
    "Primitive",
    "primitive",
    "composite",
    "REGISTRY",
    "operand",
    "composite_rule",
    "norm_axis",
    "scalar_like",
]

_CACHE_LIMIT = 4096
F = TypeVar("F", bound=Callable[..., Any])


def primitive(name: str) -> Callable[[Callable[..., Any]], Primitive]:
    """Decorator binding a forward (on numpy arrays, arguments in spec order) to
    ``SPECS[name]``; returns the :class:`Primitive` (bind its VJP with ``@prim.vjp``).

    >>> "add" in REGISTRY and REGISTRY["add"].vjp_fn is not None
    True
    """

    def register(forward: Callable[..., Any]) -> Primitive:
        prim = declare(name)
        prim.bind(forward, Tensor)
        return prim

    return register


def composite(name: str) -> Callable[[F], F]:
    """Decorator registering the function of the composite op ``name`` (its spec says
    ``primitive=False``), so ``typedflux.engine.primitive.entry(name)`` (a ``Tensor`` method,
    say) runs it.

    >>> from typedflux.engine.primitive import entry
    >>> import typedflux as tf
    >>> entry("mean")(tf.ones(2, 3), 1, False).shape
    (2,)
    """

    def register(fn: F) -> F:
        bind_composite(name, fn)
        return fn  # unchanged: type checkers and the plugin see its own signature

    return register


def operand(v: object, op: str, arg: str) -> Tuple[Any, Tuple[int, ...]]:
    """``(data, shape)`` of a TENSOR argument: a Tensor, a Python number (shape ``()``), or a
    numpy array / scalar. Anything else is a ``TypeError`` naming the op and argument.

    >>> operand(2.5, "add", "y")
    (2.5, ())
    >>> operand("a", "add", "y")
    Traceback (most recent call last):
    ...
    TypeError: "add" needs a Tensor or a number for y, got str
    """
    return operands.operand(v, op, arg, Tensor)


def composite_rule(name: str) -> Callable[..., Tuple[int, ...]]:
    """The shape rule of a composite op (``primitive=False``) as ``check(*values)``, values in
    spec order with tensors given as their shapes and IGNORED arguments omitted. Results are
    memoised like a primitive's. A composite runs it first, so its errors name the op the
    user called (``"squeeze"``, not the ``"reshape"`` it is built from).

    >>> composite_rule("squeeze")((2, 1, 3), None)
    (2, 3)
    """
    spec = SPECS[name]
    names = tuple(a.name for a in spec.args if a.kind is not Kind.IGNORED)
    rule = spec.rule
    cache: Dict[Any, Tuple[int, ...]] = {}

    def check(*values: Any) -> Tuple[int, ...]:
        try:
            hit = cache.get(values)
        except TypeError:
            hit = None
            values_hashable = False
        else:
            values_hashable = True
        if hit is not None:
            return hit
        out = tuple(rule(**dict(zip(names, values))))
        if values_hashable:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[values] = out
        return out

    return check
