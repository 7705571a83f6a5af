"""A loop over ``range(n)`` in a body the flow runs: a GPT's generate loop.

nanoGPT samples with a method of the model::

    def generate(self, idx, max_new_tokens):
        for _ in range(max_new_tokens):
            idx_cond = idx if idx.shape[1] <= self.config.block_size else idx[:, -bs:]
            logits = self(idx_cond)
            ...
            idx = tf.cat(idx, idx_next, axis=1)
        return idx

In a body run on known values (layer_bodies.py), such a loop of plain lines whose count the
run knows (an int argument, ``model.generate(idx, 14)``; a literal; an int the instance
holds) runs as Python runs it, each pass with the values the one before left: the first
:data:`RUNS` passes (a mismatch in one of them is reported at the call, where the run time
raises it). A loop with more passes, or whose count is not known, stops the run there (the
values after it are not known: the call keeps mypy's type); a count of 0 skips it.

>>> count_of(IntExpr(3), {}, {})
3
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Expression,
    ForStmt,
    IntExpr,
    MemberExpr,
    NameExpr,
    Var,
)

from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import is_int

__all__ = ["Range", "RUNS", "range_loop", "count_of", "stop_line", "passes", "own_call"]

RUNS = 4  # passes run of a loop over range(n): a generate loop's first tokens


class Range:
    """A loop's source ``range(count)`` (its count an expression the run evaluates)."""

    def __init__(self, count: Expression) -> None:
        self.count = count


def range_loop(s: ForStmt) -> Optional[Tuple[Optional[Var], Range]]:
    """``for _ in range(n):`` (its variable, or None for one not bound to a Var, and the
    count); None for any other loop."""
    source = s.expr
    if s.else_body is not None or s.is_async or not isinstance(source, CallExpr) or not (
            isinstance(source.callee, NameExpr) and source.callee.fullname == "builtins.range"
            and source.arg_kinds == [ARG_POS]):
        return None
    if not isinstance(s.index, NameExpr) or not isinstance(s.index.node, Var):
        return None
    return s.index.node, Range(source.args[0])


def count_of(e: Expression, env: Dict[int, Any], known: Dict[str, Any]) -> Optional[int]:
    """The count the run knows for ``e``: an int literal, a parameter holding an int, or an
    int attribute of the instance (``self.n_layer``); None when not known."""
    v: Any = None
    if isinstance(e, IntExpr):
        v = e.value
    elif isinstance(e, NameExpr) and isinstance(e.node, Var):
        v = env.get(id(e.node))
    elif isinstance(e, MemberExpr) and isinstance(e.expr, NameExpr) and isinstance(
            e.expr.node, Var) and e.expr.node.is_self:
        v = known.get(e.name)
    return v if is_int(v) else None


def own_call(run: Callable[..., Any], *args: Any) -> Any:
    """``self(idx)`` in a method (the generate loop): the model's own call on that input. A
    mismatch in it is the model's, reported where the model is called directly (``logits =
    model(idx)``: the run time raises there first), so here it stops the run (the method's
    call keeps mypy's type) rather than report it again at ``model.generate(idx, 14)``."""
    try:
        return run(*args)
    except ShapeError:
        raise CannotTell("the model's own call failed: reported where it is called") from None


def _stop(_: Any) -> None:
    raise CannotTell("a loop not run to its end: what follows is not known")


def stop_line() -> Tuple[Any, Expression]:
    """A line that ends the run (its target raises when the line binds it)."""
    return _stop, IntExpr(0)


def passes(var: Optional[Var], count: Optional[int], body: List[Tuple[Any, Expression]]
           ) -> List[Tuple[Any, Any]]:
    """The lines a loop over ``range(count)`` runs (``var`` bound to each pass's number):
    at most :data:`RUNS` passes, then a line that stops the run if more are left."""
    if count is None:
        return [stop_line()]  # (even the first pass may not run: nothing is claimed)
    out: List[Tuple[Any, Any]] = []
    for k in range(min(count, RUNS)):
        if var is not None:
            out.append((var, IntExpr(k)))
        out.extend(body)
    if count > RUNS:
        out.append(stop_line())
    return out
