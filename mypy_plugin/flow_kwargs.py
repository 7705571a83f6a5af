"""A layer helper forwarding ``**kwargs``: ``return Dense(cin, cout, **kwargs)``.

Helpers that build layers often pass their keyword options on::

    def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
        return Dense(cin, cout, **kwargs)

    Chain(dense(64, 16, activation=relu), dense(64, 64, activation=sigmoid))

The helper's body is inferred again at each call with its parameters typed as the call's
values (callbacks/factories.py); ``**kwargs`` there is a ``dict[str, Any]``, which says
nothing of the options the call gave. While that inference runs, :func:`forwarding` writes
the call's own keyword arguments in place of each ``**kwargs`` of the body's calls (as Python
passes them on), so ``Dense(cin, cout, activation=relu)`` is what is typed, with the
activation's name in its repr. Only when the body reads the dict in no other way (no
``kwargs.get(...)``, no ``kwargs["act"]``, no rebinding) and the call gives only named
keyword arguments for it (no ``**options`` of its own); the body's nodes are put back after.

>>> from mypy.nodes import FuncDef, Block
>>> forwarded_keywords(object(), FuncDef("f", [], Block([]))) is None
True
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, List, NamedTuple, Optional, Tuple

from mypy.nodes import ARG_NAMED, ARG_STAR2, CallExpr, Expression, FuncDef, NameExpr, Var

from mypy_plugin.flow_names import own_expressions
from mypy_plugin.statements import walk

__all__ = ["Forwarded", "forwarded_keywords", "forwarding"]


class Forwarded(NamedTuple):
    """The ``**kwargs`` parameter of a helper and the keyword arguments a call gives it."""

    var: Var
    names: List[str]
    exprs: List[Expression]
    calls: List[CallExpr]  # the body's calls that pass ``**kwargs`` on


def _uses(func: FuncDef, var: Var) -> Tuple[int, List[CallExpr]]:
    """How many times the body reads ``var`` beyond the ``**var`` of its calls (nested
    functions and lambdas included), and the calls passing it on as ``**var``."""
    reads = 0
    calls: List[CallExpr] = []
    for st in walk(func.body.body):
        for e in own_expressions(st):
            if isinstance(e, NameExpr) and e.node is var:
                reads += 1
            elif isinstance(e, CallExpr):
                n = sum(1 for a, k in zip(e.args, e.arg_kinds)
                        if k == ARG_STAR2 and isinstance(a, NameExpr) and a.node is var)
                if n:
                    reads -= n
                    calls.append(e)
    return reads, calls


def forwarded_keywords(ctx: Any, func: FuncDef, skip: int = 0) -> Optional[Forwarded]:
    """For a call (``ctx``: its FunctionContext or MethodContext) of ``func`` whose last
    parameter is ``**kwargs``: that parameter and the keyword arguments the call maps to it,
    when the body only forwards it (``f(..., **kwargs)``); None otherwise."""
    try:
        arguments = func.arguments[skip:]
    except AttributeError:  # (a function read from mypy's cache: no body)
        return None
    # The cheap test first: the helper takes ``**kwargs``.
    if not arguments or arguments[-1].kind != ARG_STAR2:
        return None
    i = len(arguments) - 1
    kinds = ctx.arg_kinds[i] if i < len(ctx.arg_kinds) else []
    names = ctx.arg_names[i] if i < len(ctx.arg_names) else []
    exprs = ctx.args[i] if i < len(ctx.args) else []
    if any(k != ARG_NAMED for k in kinds) or any(n is None for n in names):
        return None
    var = arguments[-1].variable
    reads, calls = _uses(func, var)
    if not calls or reads:
        return None  # (the dict is read or rebound otherwise: not only forwarded)
    return Forwarded(var, [str(n) for n in names], list(exprs), calls)


@contextmanager
def forwarding(found: Optional[Forwarded]) -> Iterator[None]:
    """While the helper's body is typed again: each ``**kwargs`` of its calls replaced by
    the call's own keyword arguments (the nodes are put back after, whatever happens)."""
    saved: List[Tuple[CallExpr, List[Expression], List[Any], List[Optional[str]]]] = []
    try:
        for call in found.calls if found is not None else []:
            assert found is not None
            saved.append((call, call.args, call.arg_kinds, call.arg_names))
            args: List[Expression] = []
            kinds: List[Any] = []
            names: List[Optional[str]] = []
            for a, k, n in zip(call.args, call.arg_kinds, call.arg_names):
                if k == ARG_STAR2 and isinstance(a, NameExpr) and a.node is found.var:
                    args += found.exprs
                    kinds += [ARG_NAMED] * len(found.exprs)
                    names += list(found.names)
                else:
                    args.append(a)
                    kinds.append(k)
                    names.append(n)
            call.args, call.arg_kinds, call.arg_names = args, kinds, names
        yield
    finally:
        for call, args, kinds, names in reversed(saved):
            call.args, call.arg_kinds, call.arg_names = args, kinds, names
