"""A method ``__init__`` calls on ``self``, run where it is called (``_make_layer``).

Model classes build their stages in a method of their own, called from ``__init__``
(kuangliu's pytorch-cifar ResNet)::

    def __init__(self, num_blocks: List[int]) -> None:
        self.in_planes = 64
        self.layer1 = self._make_layer(64, num_blocks[0], 1)
        self.layer2 = self._make_layer(128, num_blocks[1], 2)

    def _make_layer(self, planes: int, num_blocks: int, stride: int) -> Chain:
        layers = []
        for s in [stride] + [1] * (num_blocks - 1):
            layers.append(BasicBlock(self.in_planes, planes, s))
            self.in_planes = planes
        return Chain(*layers)

While a construction's run (flow_instances.py) follows ``__init__``, :class:`SelfMethods`
runs such a call's method on the same run: its parameters bound to the call's values, its
``self`` to the instance being built (its reads and writes of ``self.<name>``, in order: the
second stage reads the ``in_planes`` the first left), to the ``return`` it reaches; the call
is that return's value (``Chain(*layers)`` of the blocks built, each with what it holds:
flow_stages.py).

Soundness: the method is the one the built class's MRO gives (the run knows the class
exactly), a plain ``def`` (no decorator, not a generator, static or class method), not
assigned again outside its class (flow_patches.py), called with arguments matched one to
one, no ``super()`` in its body (mypy types one only inside its own method), no ``return``
inside a loop, ``while``, ``with``, ``try`` or ``match``; a method being run is not run
again inside itself. A ``self.<method>(...)`` call the run does not follow, or anything
that stops a method's run (a ``return`` it cannot decide), stops the construction's run:
nothing it builds is known then. A method's bindings count as the run's only when the
module names the method nowhere but in the ``__init__`` bodies of its classes, so it
cannot run again after the construction. Any other read of the instance (a method held or
called inside an expression, ``self`` given away) is sorted by :meth:`SelfMethods.before`
before its statement runs (flow_selves.py): what it may change is not known from there.

>>> SelfMethods.__name__
'SelfMethods'
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt, CallExpr, ClassDef, Expression, ExpressionStmt, ForStmt, FuncDef,
    MatchStmt, MemberExpr, MypyFile, NameExpr, ReturnStmt, Statement, TryStmt, WhileStmt,
    WithStmt, SuperExpr, TypeInfo, Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_inits import SuperInits, init_actuals, is_base_init, shared_default
from mypy_plugin.flow_names import captured
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_selves import ESCAPES, statement_reads
from mypy_plugin.flow_values import NOT_STATIC, NotStatic, Record
from mypy_plugin.statements import PerTree, walk

__all__ = ["SelfMethods", "DEPTH"]

DEPTH = 8  # methods run inside methods, at most


class SelfMethods:
    """A construction run's ``self.<method>(...)`` calls (flow_run.Run.methods): ``info`` the
    class being built, ``supers`` the run's ``super().__init__`` steps (their ``self``
    stack: a method's ``self`` is pushed on it while it runs), ``stop`` the run's stop."""

    def __init__(self, tree: MypyFile, info: TypeInfo, supers: SuperInits,
                 stop: type) -> None:
        self.tree = tree
        self.info = info
        self.supers = supers
        self.stop = stop
        self.running: Set[int] = set()
        self.skipped: Set[int] = set()  # (methods a call of which the run did not follow)

    def __call__(self, run: Any, e: Expression, safe: Set[int]) -> Optional[Tuple[Any]]:
        """``(value,)`` of ``e`` when it is a call of a method on the instance being built,
        run here; None when it is not one the run follows (mypy types it, as before)."""
        method = self._method(e)
        if method is None:
            return None
        if len(self.running) >= DEPTH:
            raise self.stop()  # (what the call binds is not followed: not known from here)
        assert isinstance(e, CallExpr)
        given_to = init_actuals(e, method)
        if given_to is None or any(given is None for _, given in given_to):
            raise self.stop()  # (what this call binds is not followed)
        this = self.supers.selves[-1]
        before, outer = dict(run.env), run.captured
        values: Dict[Var, Any] = {p.variable: NOT_STATIC if shared_default(
            method, p, given) else run.item(given, safe) for p, given in given_to}
        method_self = method.arguments[0].variable
        run.env.update(values)
        run.env[method_self] = run.env.get(this, NOT_STATIC)
        run.captured = captured(method.body.body)
        self.supers.selves.append(method_self)
        self.running.add(id(method))
        try:
            # (a stop inside it is the construction's: what it and the methods it ran bound
            # up to there, and what the caller's objects it changed, are not known)
            returned = run.block(method.body.body)
            value = _returned(run, returned)
        finally:
            self.running.discard(id(method))
            self.supers.selves.pop()
            run.captured = outer
        built = run.env.get(method_self, NOT_STATIC)
        run.env = before
        run.env[this] = built
        if _private(self.tree).get(method.name, False):
            self.supers.ran.append(method)  # (its bindings are the run's: flow_instances.py)
        return (value,)

    def before(self, run: Any, st: Statement, whole: bool) -> None:
        """What ``st`` may change of the instance where the run does not follow it
        (flow_selves.py: a method held, ``self`` given away, a method called inside an
        expression): those attributes forgotten before it runs, or the instance unknown
        from here on. ``whole``: the statement is not run step by step (a loop not
        unrolled, flow_run.Run.havoc)."""
        selves = {v for v in self.supers.selves if type(run.env.get(v)) is Record}
        if not selves:
            return
        called = _called(st)
        followed = called if not whole and isinstance(called, MemberExpr) and isinstance(
            called.expr, NameExpr) and called.expr.node is self.supers.selves[-1] else None
        base = st.expr if not whole and isinstance(st, ExpressionStmt) and is_base_init(
            st.expr) else None
        found = statement_reads(st, selves, self.info, followed, base, whole)
        for var in selves:
            if found is ESCAPES:
                run.env[var] = NOT_STATIC
                continue
            for name in sorted(found):
                run.env[var] = run.env[var].set(name, NOT_STATIC)

    def _method(self, e: Expression) -> Optional[FuncDef]:
        if not (isinstance(e, CallExpr) and isinstance(e.callee, MemberExpr) and isinstance(
                e.callee.expr, NameExpr) and e.callee.expr.node is self.supers.selves[-1]):
            return None
        name = e.callee.name
        method = self.info.get_method(name)
        if method is None:
            return None  # (not a method: an attribute called, read as any other call)
        # (a method call the run does not follow: what it binds is not known, the run stops)
        if not isinstance(method, FuncDef) or method.is_static or method.is_class or \
                method.is_decorated or method.is_generator or method.is_coroutine or \
                method.is_property or not method.arguments or name.startswith("__") or \
                id(method) in self.running or patched(self.info, name):
            raise self.stop()
        if method.info.module_name != self.tree.fullname:
            raise self.stop()  # (another module's: its body is not this build's to run)
        if any(isinstance(x, SuperExpr) for x in get_subexpressions(method)):
            raise self.stop()  # (``super()._make(planes)``: mypy types it only inside its
            # method; not followed, what the call binds is not known: the run stops)
        if _loop_returns(method):
            raise self.stop()  # (the run would go past that return to a later one)
        return method


def _loop_returns(method: FuncDef) -> bool:
    """Whether a ``return`` of ``method`` is inside a ``for``, ``while``, ``with``, ``try``
    or ``match`` (the run does not follow it there: it would go on to a later return)."""
    return any(isinstance(st, (ForStmt, WhileStmt, WithStmt, TryStmt, MatchStmt)) and any(
        isinstance(s, ReturnStmt) for s in walk([st], scopes=False))
        for st in walk(method.body.body, scopes=False))


def _returned(run: Any, returned: Any) -> Any:
    """The value of the ``return`` a method's run reached (None for none)."""
    if returned is None:
        return None
    if not isinstance(returned, ReturnStmt):
        return NOT_STATIC
    if returned.expr is None:
        return None
    safe: Set[int] = set()
    v = run.value(returned.expr, safe)
    if isinstance(v, NotStatic):
        v = run.item(returned.expr, safe)
    run.escape(returned.expr, safe)
    return NOT_STATIC if isinstance(v, Record) else v


def _called(st: Statement) -> Optional[Expression]:
    """The callee ``self.<name>`` of the call that is a statement's whole value (``x =
    self.m(...)``, ``self.m(...)``): the only place :class:`SelfMethods` runs a method."""
    e = st.rvalue if isinstance(st, AssignmentStmt) else st.expr if isinstance(
        st, ExpressionStmt) else None
    return e.callee if isinstance(e, CallExpr) and isinstance(e.callee, MemberExpr) else None


def _read_names(tree: MypyFile) -> Dict[str, bool]:
    """Each name read as ``.<name>`` or ``<name>`` in the module: True when every such read
    is a statement's own call on an ``__init__``'s own ``self`` in that ``__init__``'s body
    (a method only ``__init__`` calls; not ``self.b._grow(32)``, not a def or class nested
    in it), else False."""
    found: Dict[str, bool] = {}

    def visit(stmts: List[Statement], this: Optional[Var]) -> None:
        for st in stmts:
            if isinstance(st, FuncDef):
                visit(st.body.body, st.arguments[0].variable if st.name == "__init__" and
                      st.arguments else None)
            elif isinstance(st, ClassDef):
                visit(st.defs.body, None)
            else:
                called = _called(st)  # (the one call the run follows: a statement's own)
                own = this is not None and isinstance(called, MemberExpr) and isinstance(
                    called.expr, NameExpr) and called.expr.node is this
                for x in get_subexpressions(st):
                    if isinstance(x, (MemberExpr, NameExpr)):
                        found[x.name] = found.get(x.name, True) and own and x is called

    visit(tree.defs, None)
    return found


_private: PerTree[Dict[str, bool]] = PerTree(_read_names, keep=64)
