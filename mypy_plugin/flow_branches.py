"""A body's ``if p is None:`` on a value the call may leave ``None``: the branch it takes, or both.

An incremental decoder takes its cache as an ``Optional`` and extends it when there is one::

    def __call__(self, x: Tensor, past: Optional[Tuple[Tensor, Tensor]]):
        k = self.key(x)
        if past is not None:
            k = tf.cat(past[0], k, axis=2)
        return self.out(x), (k, k)

The body runs as the call gives it (bodies.run_body, layer_bodies.py): a :class:`Branch` step
holds the test's name and the lines of each branch. A call passing ``None`` runs the ``None``
branch, one passing a tensor (or a tuple of them) the other, as the run time does. A call whose
argument mypy types ``Optional[...]`` (a :class:`Maybe`: ``None``, or that value) runs both,
each with the name narrowed, and :func:`joined` merges what they bound: a dim both branches
agree on stays, a dim that differs is unknown, a rank that differs is a tensor of any shape, a
name bound only in one (or to values of other kinds) is unknown to the rest of the body. A
mismatch inside a branch the call may not take is never reported (the body's result is unknown
then: CannotTell); one after the branches, for what holds on both paths, is.

Only lines binding local names are read in a branch (``k = ...``, ``k, v = ...``, an inner
``if`` of the same form: an ``elif``); anything else (a write to the instance, a loop, a
``return``) leaves the body unread.

>>> Maybe(None).value is None
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    AssignmentStmt,
    Block,
    ComparisonExpr,
    Expression,
    IfStmt,
    NameExpr,
    Statement,
    TupleExpr,
    Var,
)

from mypy_plugin.flow_dims import is_size, joined, joined_size
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = ["Branch", "Maybe", "branch_step", "run_branch", "MIXED", "ASSERT", "Assert",
           "assignment"]

# A line a branch runs: a name (or names a tuple is unpacked to), or an inner branch.
Line = Tuple[Union[Var, Tuple[Var, ...], "Branch"], Optional[Expression]]


class Maybe:
    """A value a call may give or leave ``None`` (an argument of type ``Optional[...]``):
    ``None``, or ``value``.

    >>> Maybe(3).value
    3
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class _Mixed:
    """A name the branches bound to values that do not join: any use is unknown."""

    def __repr__(self) -> str:
        return "MIXED"


MIXED = _Mixed()


class Branch:
    """``if name is None:`` (``is_none``) or ``if name is not None:``, the lines of its body
    and of its ``else`` (empty when there is none)."""

    __slots__ = ("var", "is_none", "body", "orelse")

    def __init__(self, var: Var, is_none: bool, body: List[Line], orelse: List[Line]) -> None:
        self.var = var
        self.is_none = is_none
        self.body = body
        self.orelse = orelse


def branch_step(st: Statement) -> Optional[Branch]:
    """The :class:`Branch` of an ``if n is None:`` / ``if n is not None:`` statement whose
    branches only bind local names (or hold such an ``if``); None for anything else.

    >>> branch_step(IfStmt([NameExpr("past")], [Block([])], None)) is None  # (no None test)
    True
    """
    if not isinstance(st, IfStmt) or len(st.expr) != 1 or len(st.body) != 1:
        return None
    cond = st.expr[0]
    if not (isinstance(cond, ComparisonExpr) and len(cond.operators) == 1
            and cond.operators[0] in ("is", "is not")):
        return None
    left, right = cond.operands
    if not (isinstance(right, NameExpr) and right.fullname == "builtins.None"
            and isinstance(left, NameExpr) and isinstance(left.node, Var)):
        return None
    body = _lines(st.body[0])
    orelse = _lines(st.else_body) if st.else_body is not None else []
    if body is None or orelse is None:
        return None
    return Branch(left.node, cond.operators[0] == "is", body, orelse)


def _lines(block: Block) -> Optional[List[Line]]:
    out: List[Line] = []
    for s in block.body:
        inner = branch_step(s) if isinstance(s, IfStmt) else None
        if inner is not None:
            out.append((inner, None))
            continue
        step = assignment(s)
        if step is None:
            return None
        out.append(step)
    return out


def assignment(s: Statement) -> Optional[Tuple[Union[Var, Tuple[Var, ...]], Expression]]:
    """(the target, the value) of ``s`` when it binds plain names: ``h = ...`` or ``a, b =
    ...`` (one target, no type comment); None for any other statement.

    >>> assignment(Block([])) is None
    True
    """
    if not isinstance(s, AssignmentStmt) or len(s.lvalues) != 1 or s.type is not None:
        return None
    target = s.lvalues[0]
    if isinstance(target, NameExpr) and isinstance(target.node, Var):
        return target.node, s.rvalue
    if isinstance(target, TupleExpr) and target.items and all(
            isinstance(i, NameExpr) and isinstance(i.node, Var) for i in target.items):
        return tuple(i.node for i in target.items
                     if isinstance(i, NameExpr) and isinstance(i.node, Var)), s.rvalue
    return None


class Assert:
    """The target of an ``assert`` line (its test the line's expression): it binds nothing."""

    def __repr__(self) -> str:
        return "ASSERT"


# An ``assert t <= self.block_size`` among a body's lines (nanoGPT's forward): stepped over,
# as it changes no value. One the body knows to fail leaves the run unknown (it stops there);
# one not known is passed (if it fails at run time, the call fails anyway).
ASSERT = Assert()


Bind = Callable[[Dict[int, Any], Sequence[Line]], None]


def run_branch(env: Dict[int, Any], step: Branch, bind: Bind) -> None:
    """Run ``step`` on ``env`` (in place): the branch its name's value takes, or both for a
    :class:`Maybe` (each with the name narrowed), joined. ``bind`` runs a branch's lines
    (bodies.py's line runner)."""
    value = env.get(id(step.var), MIXED)
    if value is MIXED:
        raise CannotTell("a condition on a value not known")
    if not isinstance(value, Maybe):
        bind(env, step.body if (value is None) == step.is_none else step.orelse)
        return
    none_env, set_env = dict(env), dict(env)
    none_env[id(step.var)] = None
    set_env[id(step.var)] = value.value
    try:
        bind(none_env, step.body if step.is_none else step.orelse)
        bind(set_env, step.orelse if step.is_none else step.body)
    except ShapeError:
        # (a branch the call may not take fails: not reported, the result is unknown)
        raise CannotTell("a branch that fails, on a value the call may leave None") from None
    for key in set(none_env) | set(set_env):
        a, b = none_env.get(key, MIXED), set_env.get(key, MIXED)
        env[key] = a if a is b else _join(a, b)


def _join(a: Any, b: Any) -> Any:
    """One value for what two branches bound to a name."""
    from mypy_plugin.callbacks.bodies import Receiver, tensor_shape, tensor_value  # (it imports this)

    if a is None and b is not None and b is not MIXED:
        return b if isinstance(b, Maybe) else Maybe(b)
    if b is None and a is not None and a is not MIXED:
        return a if isinstance(a, Maybe) else Maybe(a)
    if isinstance(a, Maybe) or isinstance(b, Maybe):
        inner = _join(a.value if isinstance(a, Maybe) else a,
                      b.value if isinstance(b, Maybe) else b)
        return MIXED if inner is MIXED else Maybe(inner)
    if isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            return MIXED
        return tuple(_join(x, y) for x, y in zip(a, b))
    if isinstance(a, Receiver) or isinstance(b, Receiver):
        return MIXED  # (another layer on each path)
    try:
        return tensor_value(joined(tensor_shape(a), tensor_shape(b)))
    except CannotTell:
        pass
    if is_size(a) and is_size(b):
        return joined_size(a, b)  # (a size read from a shape on each path)
    if isinstance(a, float) and isinstance(b, float):
        return a  # (a number: only ever an operand)
    return a if type(a) is type(b) and a == b else MIXED
