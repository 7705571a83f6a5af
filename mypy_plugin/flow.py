"""What a name holds at a point of its scope, through assignments, ``if`` and bounded loops.

Model code computes sizes and builds layers in loops::

    sizes = [784, 256, 128, 10]
    layers = []
    for cin, cout in zip(sizes, sizes[1:]):
        layers.append(Dense(cin, cout, relu))
    mlp = Chain(*layers)            # Chain[Dense[784, 256], Dense[256, 128], Dense[128, 10]]

    c = 16
    for _ in range(3):
        c += growth                 # a DenseNet's channel count: 16 + 3 * growth after it

mypy types ``c`` as ``int`` and ``layers`` as a list of ``Dense[Any, Any]``. Here the
statements of the scope (the module, or the function being checked) are run on static
values, in order, up to the statement that reads the name (``flow_values.py`` evaluates
the expressions): a ``for`` over a sequence known before run time (a literal, ``range`` of
known ints, ``zip``/``enumerate`` of such) is unrolled, an ``if`` with a known condition
takes its branch (an unknown one runs both and keeps what they agree on), and
``layers.append(e)`` appends ``e``'s type, which mypy infers again with each name bound to
its value in that iteration (what the run computes). Everything else makes the names it
may bind unknown: a ``while``, a ``with``, a ``try``, a loop with ``break``/``continue``,
an unknown iterable; a read inside a loop sees none of the names the loop binds.

A list is followed only while nothing else can reach it: a read other than an index, a
slice, a ``for``, a builtin such as ``len``/``zip``, ``append``/``extend``/``+=``, or
``*layers`` in a ``Chain(...)`` (passing it to a function, ``a = layers``, ``layers[0] = e``)
makes it unknown from there on; a list a nested function, lambda or class names is never
followed. Names another scope may rebind (``global``, ``nonlocal``, a walrus, a
comprehension variable) are never followed. Budgets bound the work: a sequence of at most
:data:`~mypy_plugin.flow_values.MAX_ITEMS` items, :data:`STEPS` statements per run.

>>> value_at(object(), object()) is NOT_STATIC
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    LDEF,
    CallExpr,
    Expression,
    ForStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    Node,
    ReturnStmt,
    Statement,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, get_proper_type

from mypy_plugin.flow_names import checked_scope
from mypy_plugin.flow_values import NOT_STATIC, Env, Item, Seq, NotStatic, evaluate, iterate
from mypy_plugin.flow_run import (
    ACTIVE,
    RUNNING,
    STEPS,
    Run,
    Stop,
    captured,
    contains,
    fallback,
    typed,
)
from mypy_plugin import per_build

__all__ = [
    "value_at", "tensor_at", "tensor_items", "run_function", "outer_value", "active_value",
    "list_items", "comprehension_items",
]


# -- the scope of a read ----------------------------------------------------------------------


def _scope(chk: Any, e: NameExpr) -> Optional[Tuple[Node, List[Statement], List[Var]]]:
    """The statements a read of ``e`` is in (module or function body), with the function's
    parameters; None where no single run reaches it (a class body, a lambda, a name of
    another scope)."""
    found = checked_scope(chk)
    if found is None:
        return None
    func, body = found
    if func is None:
        tree = chk.tree
        if e.kind != GDEF or e.fullname != f"{tree.fullname}.{e.name}":
            return None
        return tree, body, []
    if e.kind != LDEF or not contains(func, e):
        return None
    return func, body, [a.variable for a in func.arguments]


def value_at(chk: Any, e: Any) -> Any:
    """The value the name ``e`` holds where it is read (NOT_STATIC when not known)."""
    try:
        return _value_at(chk, e)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return NOT_STATIC


def _value_at(chk: Any, e: Any, tensors: bool = False) -> Any:
    if not isinstance(e, NameExpr) or not isinstance(e.node, Var):
        return NOT_STATIC
    for env in reversed(ACTIVE):
        if e.node in env:
            return env[e.node] if not tensors else NOT_STATIC
    found = _scope(chk, e)
    if found is None or id(found[0]) in RUNNING:
        return NOT_STATIC
    node, body, params = found
    k = next((i for i, st in enumerate(body) if contains(st, e)), None)
    if k is None:
        return NOT_STATIC
    progress = _progress(chk, node, body, params, tensors)
    RUNNING.add(id(node))
    try:
        start = progress.upto(k)
        if start is None:
            return NOT_STATIC
        run = Run(chk, node, [])
        run.env, run.captured, run.steps = dict(start), progress.run.captured, STEPS // 2
        run.tensors = tensors
        at = run.before([body[k]], e)
    except Stop:
        return NOT_STATIC
    finally:
        RUNNING.discard(id(node))
    return NOT_STATIC if at is None else at.get(e.node, NOT_STATIC)


def tensor_at(chk: Any, e: Any) -> Optional[Instance]:
    """The type the name ``e`` holds where it is read, from its scope's run with every
    assignment typed again on the names' values (a loop over a known list of layers applies
    each in turn: ``for layer in layers: h = layer(h)``); None when not known. Slower than
    :func:`value_at`: for a read whose type mypy leaves a union.

    >>> tensor_at(object(), object()) is None
    True
    """
    try:
        v = _value_at(chk, e, tensors=True)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return None
    return v.type if isinstance(v, Item) and isinstance(v.type, Instance) else None


def tensor_items(chk: Any, e: Any) -> Optional[List[Instance]]:
    """The tensors a list named ``e`` holds where it is read, from its scope's run as for
    :func:`tensor_at` (``feats`` after ``for k in range(L): feats.append(tf.sin(x * k))``);
    None when not known.

    >>> tensor_items(object(), object()) is None
    True
    """
    try:
        found = _scope(chk, e) if isinstance(e, NameExpr) else None
        if found is None or not any(isinstance(st, ForStmt) and _appends(st, e.name)
                                    for st in found[1]):
            return None  # (the cheap test first: a loop of the scope appends to it)
        v = _value_at(chk, e, tensors=True)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return None
    if not isinstance(v, Seq) or not v.items or not all(
            isinstance(i, Item) and isinstance(i.type, Instance) for i in v.items):
        return None
    return [i.type for i in v.items if isinstance(i, Item) and isinstance(i.type, Instance)]


def _appends(loop: ForStmt, name: str) -> bool:
    """Whether ``loop`` calls ``<name>.append(...)`` or ``<name>.extend(...)``."""
    return any(isinstance(x, CallExpr) and isinstance(x.callee, MemberExpr) and
               x.callee.name in ("append", "extend") and isinstance(x.callee.expr, NameExpr)
               and x.callee.expr.name == name for x in get_subexpressions(loop))


class _Progress:
    """A scope's run so far: the env before each of its first statements, so reads further
    down continue it instead of running the scope again from its start."""

    def __init__(self, run: "Run", body: List[Statement]) -> None:
        self.run = run
        self.body = body
        self.snaps: List[Env] = [dict(run.env)]
        self.ended = False

    def upto(self, k: int) -> Optional[Env]:
        """The env before ``body[k]`` (None: the run stopped before it)."""
        while len(self.snaps) <= k:
            if self.ended:
                return None
            self.run.env = dict(self.snaps[-1])
            try:
                returned = self.run.statement(self.body[len(self.snaps) - 1])
            except Stop:
                returned = self.body[0]
            if returned is not None:
                self.ended = True
                return None
            self.snaps.append(self.run.env)
        return self.snaps[k]


_PROGRESS: Dict[Tuple[int, int, bool], Tuple[Node, List[Statement], _Progress]] = {}
per_build.forget_each_build(_PROGRESS)  # (holds mypy nodes: this build's only)


def _progress(chk: Any, node: Node, body: List[Statement], params: List[Var],
              tensors: bool = False) -> _Progress:
    key = (id(node), getattr(chk, "pass_num", 0), tensors)
    hit = _PROGRESS.get(key)
    if hit is not None and hit[0] is node and hit[1] is body:
        return hit[2]
    run = Run(chk, node, params)
    run.captured = captured(body)
    run.tensors = tensors
    if tensors:  # a parameter holds what its annotation says where the function starts
        for v in params:
            t = get_proper_type(v.type) if v.type is not None else None
            if isinstance(t, Instance) and v.is_ready:
                run.env[v] = Item(t, NameExpr(v.name))
    found = _Progress(run, body)
    if len(_PROGRESS) >= 64:
        del _PROGRESS[next(iter(_PROGRESS))]
    _PROGRESS[key] = (node, body, found)
    return found


def list_items(chk: Any, e: Expression) -> Optional[List[Item]]:
    """The layers a list named by ``e`` holds there (``Chain(*layers)``), or None."""
    v = value_at(chk, e)
    if not isinstance(v, Seq) or not v.items or not all(isinstance(i, Item) for i in v.items):
        return None
    return list(v.items)


def run_function(chk: Any, func: FuncDef, env: Env) -> Optional[Tuple[Expression, Env]]:
    """Run a helper's body from ``env`` (its parameters' values) to the ``return`` it
    reaches: the returned expression and what names hold there; None when the way there
    depends on what is not known."""
    if id(func) in RUNNING:
        return None
    run = Run(chk, func, [])
    run.env = dict(env)
    run.factory = True
    try:
        RUNNING.add(id(func))
        try:
            returned = run.block(func.body.body)
        finally:
            RUNNING.discard(id(func))
    except Stop:
        return None
    if not isinstance(returned, ReturnStmt) or returned.expr is None:
        return None
    return returned.expr, run.env


def active_value(e: Expression) -> Any:
    """The value of ``e`` in the runs under way (``widths[k]`` while a loop over ``k`` is
    followed); NOT_STATIC when none is."""
    if not ACTIVE:
        return NOT_STATIC
    env: Env = {}
    for active in ACTIVE:
        env.update(active)
    return evaluate(e, env, lambda x: NOT_STATIC, set())


def outer_value(chk: Any, e: Expression) -> Any:
    """A name's value at a read outside any run: what mypy knows, else its scope's run."""
    v = fallback(chk, e)
    return value_at(chk, e) if isinstance(v, NotStatic) else v


def comprehension_items(chk: Any, g: Any) -> Optional[List[Item]]:
    """The items of ``[f(a, b) for a, b in zip(s, s[1:])]`` (one ``for``, no condition,
    over a sequence known before run time), each typed with the names bound to that
    iteration's values; None when one cannot be typed so."""
    safe: Set[int] = set()
    items = iterate(evaluate(g.sequences[0], {}, lambda e: outer_value(chk, e), safe))
    if not items:
        return None
    out: List[Item] = []
    for v in items:
        env: Env = {}
        run = Run(chk, g, [])
        run.assign(g.indices[0], v, set())
        env = run.env
        if any(isinstance(x, NotStatic) for x in env.values()):
            return None
        t, errors = typed(chk, g.left_expr, env)
        p = get_proper_type(t) if t is not None else None
        if errors or not isinstance(p, Instance):
            return None
        out.append(Item(p, g.left_expr))
    return out
