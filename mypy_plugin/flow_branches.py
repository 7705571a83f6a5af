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

A user layer's method may test anything else (``if self.norm_first:``, ``if
self.mode == "sum" and not self.bias:``, ``if hasattr(self, "proj"):``): the test is
decided on the body's values where it runs (bodies.decided: a flag the instance's
construction bound, flow_instances.py) and that branch taken; a test not known runs both
branches and joins them as for a ``Maybe``.

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
           "assignment", "join", "joined_into", "Names", "target_names"]

# What a line binds: a name, or the names a tuple is unpacked to (``_, (h, c) = ...``).
Names = Union[Var, Tuple["Names", ...]]
# A line a branch runs: the names it binds, or an inner branch.
Line = Tuple[Union[Names, "Branch"], Optional[Expression]]


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
    and of its ``else`` (empty when there is none); or (``var`` None) an ``if`` on another
    ``test`` (``if self.norm_first:``, ``if hasattr(self, "proj"):``), decided by the body's
    values or run both ways (:func:`run_branch`)."""

    __slots__ = ("var", "is_none", "body", "orelse", "test")

    def __init__(self, var: Optional[Var], is_none: bool, body: List[Line], orelse: List[Line],
                 test: Optional[Expression] = None) -> None:
        self.var = var
        self.is_none = is_none
        self.body = body
        self.orelse = orelse
        self.test = test


def branch_step(st: Statement, tests: bool = False) -> Optional[Branch]:
    """The :class:`Branch` of an ``if n is None:`` / ``if n is not None:`` statement whose
    branches only bind local names (or hold such an ``if``); None for anything else.
    ``tests``: an ``if`` on any other test too (a user layer's method: ``if self.norm_first:``,
    decided where the body runs, :func:`run_branch`).

    >>> branch_step(IfStmt([NameExpr("past")], [Block([])], None)) is None  # (no None test)
    True
    """
    if not isinstance(st, IfStmt) or len(st.expr) != 1 or len(st.body) != 1:
        return None
    cond = st.expr[0]
    var: Optional[Var] = None
    is_none = False
    if isinstance(cond, ComparisonExpr) and len(cond.operators) == 1 and \
            cond.operators[0] in ("is", "is not"):
        left, right = cond.operands
        if isinstance(right, NameExpr) and right.fullname == "builtins.None" and \
                isinstance(left, NameExpr) and isinstance(left.node, Var):
            var, is_none = left.node, cond.operators[0] == "is"
    if var is None and not tests:
        return None
    body = _lines(st.body[0], tests)
    orelse = _lines(st.else_body, tests) if st.else_body is not None else []
    if body is None or orelse is None:
        return None
    if var is None:
        return Branch(None, False, body, orelse, cond)
    return Branch(var, is_none, body, orelse)


def _lines(block: Block, tests: bool = False) -> Optional[List[Line]]:
    out: List[Line] = []
    for s in block.body:
        inner = branch_step(s, tests) if isinstance(s, IfStmt) else None
        if inner is not None:
            out.append((inner, None))
            continue
        step = assignment(s)
        if step is None:
            return None
        out.append(step)
    return out


def assignment(s: Statement) -> Optional[Tuple[Names, Expression]]:
    """(the target, the value) of ``s`` when it binds plain names: ``h = ...``, ``a, b =
    ...`` or ``_, (h, c) = ...`` (one target, no type comment); None for any other statement.

    >>> assignment(Block([])) is None
    True
    """
    if not isinstance(s, AssignmentStmt) or len(s.lvalues) != 1 or s.type is not None:
        return None
    target = target_names(s.lvalues[0])
    return None if target is None else (target, s.rvalue)


def target_names(e: Expression) -> Optional[Names]:
    """The names ``e`` binds as an assignment's target (a tuple of them nested as written)."""
    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        return e.node
    if isinstance(e, TupleExpr) and e.items:
        items = [target_names(i) for i in e.items]
        return None if any(i is None for i in items) else tuple(
            i for i in items if i is not None)
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
# Whether a test holds for the body's values (None: not known): bodies.py's.
Decide = Callable[[Expression, Dict[int, Any]], Optional[bool]]


def run_branch(env: Dict[int, Any], step: Branch, bind: Bind,
               decide: Optional[Decide] = None) -> None:
    """Run ``step`` on ``env`` (in place): the branch its name's value takes, or both for a
    :class:`Maybe` (each with the name narrowed), joined. ``bind`` runs a branch's lines
    (bodies.py's line runner). An ``if`` on another test: the branch ``decide`` says it
    takes (``if self.norm_first:`` of an instance built with ``norm_first=True``), or,
    when the test is not known, both, joined as for a :class:`Maybe`."""
    if step.var is None:
        taken = decide(step.test, env) if decide is not None and step.test is not None \
            else None
        if taken is not None:
            bind(env, step.body if taken else step.orelse)
            return
        first, second = dict(env), dict(env)
        try:
            _both(env, lambda: bind(first, step.body), lambda: bind(second, step.orelse))
        except ShapeError:
            # (a branch the call may not take fails: not reported, the result is unknown)
            raise CannotTell("a branch that fails, on a test not known") from None
        joined_into(env, first, second)
        return
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
        _both(env, lambda: bind(none_env, step.body if step.is_none else step.orelse),
              lambda: bind(set_env, step.orelse if step.is_none else step.body))
    except ShapeError:
        # (a branch the call may not take fails: not reported, the result is unknown)
        raise CannotTell("a branch that fails, on a value the call may leave None") from None
    joined_into(env, none_env, set_env)


def _both(env: Dict[int, Any], first: Callable[[], None], second: Callable[[], None]) -> None:
    """Run two branches of which the call takes one, each from the instance's state before
    the ``if``: what a branch writes to it (``self.cache = ...``, directly or in a method it
    calls: the body's ``written``) is joined afterwards with what the other leaves there (the
    attribute as before when it writes nothing), as locals are (:func:`joined_into`)."""
    from mypy_plugin.callbacks.bodies import SELF  # (it imports this module)

    written = getattr(env.get(SELF), "written", None)
    # (the names a path may leave unwritten: ``hasattr`` of them is not known, layer_bodies.py)
    partly = getattr(env.get(SELF), "partly", None)
    if not isinstance(written, dict) or not isinstance(partly, set):
        first()
        second()
        return
    before, partly_before = dict(written), set(partly)
    first()
    after_first, partly_first = dict(written), set(partly)
    written.clear()
    written.update(before)
    partly.clear()
    partly.update(partly_before)
    second()
    after_second = dict(written)
    partly.update(partly_first)
    for name in set(after_first) | set(after_second):
        a, b = after_first.get(name, MIXED), after_second.get(name, MIXED)
        if a is b:
            continue
        if name not in before and (name not in after_first or name not in after_second):
            partly.add(name)
        if a is MIXED or b is MIXED:
            try:  # (written on one path only: the other leaves what the attribute held)
                written.clear()
                written.update(before)
                old = env[SELF].attribute(name)
            except CannotTell:
                old = MIXED
            a, b = (old, b) if a is MIXED else (a, old)
        after_second[name] = MIXED if a is MIXED or b is MIXED else join(a, b)
    written.clear()
    written.update(after_second)


def joined_into(env: Dict[int, Any], first: Dict[int, Any], second: Dict[int, Any]) -> None:
    """``env`` (in place) with what two branches' runs bound joined name by name: a value
    they agree on, a tensor's dims where they agree (:func:`join`), else unknown.

    >>> env = {}
    >>> joined_into(env, {1: 3}, {1: 3}); env
    {1: 3}
    """
    for key in set(first) | set(second):
        a, b = first.get(key, MIXED), second.get(key, MIXED)
        env[key] = a if a is b else join(a, b)


def join(a: Any, b: Any) -> Any:
    """One value for what two branches bound to a name (:data:`MIXED`: none).

    >>> join("sum", "mean")
    MIXED
    """
    from mypy_plugin.callbacks.bodies import Receiver, tensor_shape, tensor_value  # (it imports this)

    if a is None and b is not None and b is not MIXED:
        return b if isinstance(b, Maybe) else Maybe(b)
    if b is None and a is not None and a is not MIXED:
        return a if isinstance(a, Maybe) else Maybe(a)
    if isinstance(a, Maybe) or isinstance(b, Maybe):
        inner = join(a.value if isinstance(a, Maybe) else a,
                     b.value if isinstance(b, Maybe) else b)
        return MIXED if inner is MIXED else Maybe(inner)
    if isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            return MIXED
        return tuple(join(x, y) for x, y in zip(a, b))
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
