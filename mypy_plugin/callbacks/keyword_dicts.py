"""A ``**`` argument written as a dict of literal keys, read key by key.

mypy types ``f(**{"x": a, "y": b})`` as one ``dict[str, V]`` whose ``V`` joins every value's
type (``Tensor[2, int]`` for a ``Tensor[2, 4]`` and a ``Tensor[2, 7]``). A join proves nothing
about one key, so the signature hook (``callbacks/calls.py``) saw an unknown axis and kept
silent, though the call raises. A display of literal keys (``{"x": a, "y": b}``) or a
``dict(x=a, y=b)`` says which value each parameter receives: each value is checked on its
own, against the parameter its key names, as ``@tf.shapecheck`` checks it (``Argument "y" of
"f" has shape ...``; a ``**kwargs: Tensor[...]`` parameter names the keys it collects).
Anything else (a computed key, ``{**other}``, a name) keeps the value type mypy joined.

>>> from mypy.nodes import DictExpr, NameExpr, StrExpr
>>> [k for k, _ in literal_entries(DictExpr([(StrExpr("x"), NameExpr("a"))])) or []]
['x']
>>> literal_entries(NameExpr("d")) is None
True
"""

from __future__ import annotations

from typing import Iterator, List, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    ARG_NAMED, ARG_STAR, ARG_STAR2, ArgKind, CallExpr, DictExpr, Expression, NameExpr, StrExpr,
)
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import CallableType, Type

from mypy_plugin.callbacks.call_containers import argument_type

__all__ = ["literal_entries", "received", "keyed_values"]

SigContext = Union[FunctionSigContext, MethodSigContext]

Entries = List[Tuple[str, Expression]]


def literal_entries(e: Expression) -> Optional[Entries]:
    """(key, value) of a dict written with literal string keys only (a display or
    ``dict(x=a)``), a repeated key's last value (as Python keeps it); ``None`` otherwise.

    >>> from mypy.nodes import DictExpr, IntExpr, StrExpr
    >>> [(k, v.value) for k, v in literal_entries(DictExpr([(StrExpr("x"), IntExpr(1)),
    ...     (StrExpr("x"), IntExpr(2))])) or []]
    [('x', 2)]
    """
    pairs: List[Tuple[str, Expression]] = []
    if isinstance(e, DictExpr):
        for key, value in e.items:
            if not isinstance(key, StrExpr):
                return None  # (``{**other}``, a computed key: which keys is unknown)
            pairs.append((key.value, value))
    elif isinstance(e, CallExpr) and isinstance(e.callee, NameExpr) and \
            e.callee.fullname == "builtins.dict" and all(k == ARG_NAMED for k in e.arg_kinds):
        pairs = [(n, a) for n, a in zip(e.arg_names, e.args) if n is not None]
    else:
        return None
    return list(dict(pairs).items())


def received(names: Sequence[Optional[str]], kinds: Sequence[ArgKind], i: int,
             entries: Entries) -> Entries:
    """The entries parameter ``i`` (of a signature's parameter ``names`` and ``kinds``)
    receives: the one its name keys, or (a ``**kwargs`` parameter) each key no other
    parameter is named by.

    >>> from mypy.nodes import ARG_POS, ARG_STAR2, IntExpr
    >>> entries = [("x", IntExpr(1)), ("y", IntExpr(2))]
    >>> names, kinds = ["x", "kw"], [ARG_POS, ARG_STAR2]
    >>> [k for k, _ in received(names, kinds, 0, entries)], [k for k, _ in received(names, kinds, 1, entries)]
    (['x'], ['y'])
    """
    if kinds[i] == ARG_STAR2:
        named = {n for n, k in zip(names, kinds) if n is not None and k not in (ARG_STAR, ARG_STAR2)}
        return [(k, v) for k, v in entries if k not in named]
    name = names[i]  # (None for a positional-only parameter: no key reaches it)
    return [(k, v) for k, v in entries if k == name]


def keyed_values(ctx: SigContext, sig: CallableType, i: int,
                 e: Expression) -> Optional[Iterator[Tuple[str, Expression, Type]]]:
    """(label, value, its type) for each value of the ``**`` argument ``e`` parameter ``i``
    receives, when ``e`` is a dict of literal keys (the label: the parameter's name, or a
    ``**kwargs`` parameter's key); ``None`` for any other ``e``."""
    entries = literal_entries(e)
    if entries is None:
        return None
    pname = sig.arg_names[i] or f"#{i + 1}"
    star2 = sig.arg_kinds[i] == ARG_STAR2
    return ((key if star2 else pname, value, t)
            for key, value in received(sig.arg_names, sig.arg_kinds, i, entries)
            if (t := argument_type(ctx, value)) is not None)
