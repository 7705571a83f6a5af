"""Running a scope's statements on static values: the machinery under ``flow.py``.

:class:`Run` runs statements in order on an environment (``Var`` -> value, see
``flow_values.py``): assignments, ``+=``, ``append``/``extend`` of a list and a list
comprehension over a known sequence (flow_lists.py), an ``if`` (its branch when the
condition is known, else every branch, keeping what they agree on), a ``for`` over a known
sequence (unrolled), a conditional expression with a known condition (its branch), and
attributes of a :class:`Record` (``self.head = ...``, ``self.layers.append(...)`` while a
model's ``__init__`` runs: flow_instances.py);
anything else makes what it may bind unknown. Two modes type values only mypy can give
(flow_typed.py): ``checks`` (a ``__call__`` body per traced instance, flow_calls.py: every
expression typed, its messages kept) and ``tensors`` (flow.tensor_at: an assignment holds
its type when every name it reads holds a value).

Why this module is long: :class:`Run` is one interpreter of statements (assignments, ``if``
joins, loops, the hooks a construction's run plugs in: ``super().__init__``, a method of
``self``, classes as values); split, each part would reach into the others' state.

>>> STEPS
4000
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    MypyFile,
    AssertStmt,
    AssignmentStmt,
    BreakStmt,
    CallExpr,
    ClassDef,
    ConditionalExpr,
    ContinueStmt,
    Decorator,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    IndexExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    PassStmt,
    ReturnStmt,
    StarExpr,
    Statement,
    StrExpr,
    TupleExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import (
    AnyType, Instance, LiteralType, NoneType, TupleType, Type, UnpackType, get_proper_type,
)

from mypy_plugin.flow_values import (
    NOT_STATIC,
    Env,
    Item,
    ClassRecord,
    ConfigRecord,
    Record,
    Seq,
    NotStatic,
    evaluate,
    truth,
    iterate,
)
from mypy_plugin.flow_inits import is_base_init, is_explicit_super_init
from mypy_plugin.flow_lists import ListSteps
from mypy_plugin.flow_names import (
    bound_vars, captured, changes_iterated, contains, other_bindings,
)
from mypy_plugin.flow_ties import retied
from mypy_plugin.flow_typed import ACTIVE, as_type, typed
from mypy_plugin.flow_reach import global_once, untaken
from mypy_plugin.flow_stages import blocks_of
from mypy_plugin.module_constants import sequence_constants
from mypy_plugin.statements import nested, walk

__all__ = ["Run", "Stop", "typed", "fallback", "captured", "contains", "joined", "ACTIVE",
           "RUNNING", "STEPS"]

STEPS = 4000  # statements run per scope (beyond: nothing more is known there)
RUNNING: Set[int] = set()  # scopes being run (a read in one is not run again)


class Stop(Exception):
    """The run went past its budget or met what it cannot follow (a return in a loop)."""


def fallback(chk: Any, e: Expression) -> Any:
    """A value from what mypy knows of ``e`` (a ``Literal``, a ``Final``, a constant) or from
    a run under way; NOT_STATIC otherwise."""
    from mypy_plugin.callbacks.common import type_lookup
    from mypy_plugin.values import static_value

    if isinstance(e, NameExpr) and isinstance(e.node, Var):
        for env in reversed(ACTIVE):
            if e.node in env:
                return env[e.node]
        tree = getattr(chk, "tree", None)
        if isinstance(tree, MypyFile) and e.kind == GDEF and \
                e.fullname == f"{tree.fullname}.{e.name}":
            hit = sequence_constants(tree).get(e.name)  # ``SIZES = [784, 256, 10]``
            if hit is not None:
                return Seq(hit[0]) if hit[1] else hit[0]
    return static_value(e, type_lookup(chk))


# -- running statements ----------------------------------------------------------------------


class Run(ListSteps):
    """One run of a scope's statements on static values (its steps on lists: flow_lists.py)."""

    def __init__(self, chk: Any, node: Node, params: List[Var]) -> None:
        self.chk = chk
        self.node = node
        self.env: Env = {v: NOT_STATIC for v in params}
        self.steps = 0
        self.captured: Optional[Tuple[Set[Var], Set[str]]] = None
        self.factory = False  # a helper's run: a return on an unknown path ends it
        # A model's ``__init__`` run (flow_instances.py): a local bound to a call holds the
        # call's type (``block = Dense(d, d)``, then ``self.a = block``), and the messages
        # of the expressions typed on the way are kept for the caller.
        self.typed_locals = False
        # (that run: what a model instance it stores holds, built with this run's values)
        self.held: Optional[Callable[[Item, Env], Item]] = None
        # (that run: ``super().__init__(c)`` runs the base's ``__init__`` here, flow_inits.py)
        self.supers: Optional[Callable[[Run, CallExpr, Set[int]], bool]] = None
        # (that run: ``self._make_layer(64, 2)`` runs the method here, flow_methods.py)
        self.methods: Optional[Callable[[Run, Expression, Set[int]], Optional[Tuple[Any]]]] = None
        # (that run: a model class of the module written as a value, flow_values.ClassRecord)
        self.classes: Optional[Callable[[Expression], Optional[ClassRecord]]] = None
        # (that run: what a statement may change of ``self`` where the run does not follow
        # it, before it runs: flow_methods.SelfMethods.before; True: the statement whole)
        self.selves: Optional[Callable[[Run, Statement, bool], None]] = None
        self.errors: List[Tuple[Expression, List[Any]]] = []
        # A ``__call__`` body checked for one traced instance (flow_calls.py): every
        # expression is typed (its messages kept), a local holds its typed value.
        self.checks = False
        # A scope run for the tensors its names hold (flow.tensor_at): an assignment whose
        # value is not static holds its type, when every name it reads holds a value.
        self.tensors = False

    def lookup(self, e: Expression) -> Any:
        if self.classes is not None:  # (a construction's run: ``BasicBlock.expansion``)
            if isinstance(e, MemberExpr):
                cls = self.classes(e.expr)
                return cls.get(e.name) if cls is not None else fallback(self.chk, e)
            held = self.classes(e)
            if held is not None:
                return held
        return fallback(self.chk, e)

    def value(self, e: Expression, safe: Set[int]) -> Any:
        return evaluate(e, self.env, self.lookup, safe)

    def before(self, body: List[Statement], target: Node) -> Optional[Env]:
        """The env just before the statement that holds ``target``."""
        RUNNING.add(id(self.node))
        try:
            return self._before(body, target)
        finally:
            RUNNING.discard(id(self.node))

    def _before(self, body: List[Statement], target: Node) -> Optional[Env]:
        if self.captured is None:
            self.captured = captured(body)
        for st in body:
            if not contains(st, target):
                if self.statement(st) is not None:
                    return None  # a return: the target is not reached this way
                continue
            if isinstance(st, IfStmt):
                # (a branch the known conditions rule out never runs: its reads see nothing)
                for cond, branch in zip(st.expr, st.body):
                    if contains(cond, target):
                        return self.env
                    c = truth(self.value(cond, set()))
                    if any(contains(s, target) for s in branch.body):
                        return None if c is False else self._before(branch.body, target)
                    if c is True:
                        return None  # (this branch is always taken: the later ones never)
                if st.else_body is not None and any(
                        contains(s, target) for s in st.else_body.body):
                    return self._before(st.else_body.body, target)
            elif isinstance(st, ForStmt) and any(contains(s, target) for s in st.body.body):
                self.havoc([st])
                return self._before(st.body.body, target)
            elif isinstance(st, (ClassDef, FuncDef, Decorator, OverloadedFuncDef)):
                return None
            elif not isinstance(st, (IfStmt, ForStmt)) and nested(st):
                self.havoc([st])  # inside a while, with, try or match: what it binds
            elif not isinstance(st, (IfStmt, ForStmt)) and untaken(
                    lambda c: truth(self.value(c, set())), st, target):
                return None
            return self.env
        return None

    def block(self, body: List[Statement]) -> Optional[Statement]:
        """Run ``body``; the ``return`` it reached, if any."""
        if self.captured is None:
            self.captured = captured(body)
        for st in body:
            returned = self.statement(st)
            if returned is not None:
                return returned
        return None

    def statement(self, st: Statement) -> Optional[Statement]:
        self.steps += 1
        if self.steps > STEPS:
            raise Stop
        if self.selves is not None:
            self.selves(self, st, False)  # (``more = self._more``: flow_selves.py)
        if isinstance(st, ReturnStmt):
            return st
        if isinstance(st, IfStmt):
            return self.branch(st)
        if isinstance(st, ForStmt):
            self.loop(st)
            return None
        if isinstance(st, (PassStmt, AssertStmt)) or (
                isinstance(st, ExpressionStmt) and isinstance(st.expr, StrExpr)):
            return None
        safe: Set[int] = set()
        if isinstance(st, AssignmentStmt) and len(st.lvalues) == 1 and isinstance(
                st.lvalues[0], MemberExpr) and self.record_of(st.lvalues[0].expr) is not None:
            self.retie(st.lvalues[0], st.rvalue)  # ``self.lm_head.weight = self.wte.weight``
        elif isinstance(st, AssignmentStmt):
            rvalue = self.chosen(st.rvalue, safe)
            called = self.methods(self, rvalue, safe) if self.methods is not None else None
            v = called[0] if called is not None else self.value(rvalue, safe)
            if called is not None:
                pass  # (``self._make_layer(64, 2)``: run here, flow_methods.py)
            elif isinstance(rvalue, ListExpr):
                v = Seq(tuple(self.item(x, safe) for x in rvalue.items))
            elif isinstance(rvalue, ListComprehension) and isinstance(v, NotStatic):
                v = self.comprehension(rvalue.generator, safe)
            elif isinstance(v, NotStatic) and (any(self.record_of(lv) for lv in st.lvalues) or (
                    self.typed_locals and (isinstance(rvalue, CallExpr) or self.checks))):
                v = self.item(rvalue, safe)  # ``self.head = Dense(hidden, n_out)``
            elif self.tensors and isinstance(rvalue, TupleExpr) and all(
                    isinstance(lv, (TupleExpr, ListExpr)) and len(lv.items) == len(
                        rvalue.items) for lv in st.lvalues) and not any(
                        isinstance(x, StarExpr) for x in rvalue.items):
                # ``pool, up = MaxPool((2, 2)), Upsample(2)``: each item as for its own name
                v = tuple(self.tensor(x) if isinstance(i, NotStatic) else NOT_STATIC if isinstance(
                    i, Seq) else i for x, i in zip(rvalue.items, (  # (a list: no second name)
                        self.value(x, safe) for x in rvalue.items)))
            elif isinstance(v, NotStatic) and self.tensors:
                v = self.tensor(rvalue)
            for lv in st.lvalues:
                self.assign(lv, v, safe, fresh=isinstance(rvalue, (
                    ListExpr, ListComprehension)) and len(st.lvalues) == 1)
        elif isinstance(st, OperatorAssignmentStmt) and isinstance(st.lvalue, NameExpr):
            self.augment(st, safe)
        elif isinstance(st, OperatorAssignmentStmt) and self.record_of(st.lvalue) is not None:
            self.value(st.rvalue, safe)  # ``self.steps += 1``: that attribute is unknown
            owner = self.record_of(st.lvalue)
            assert owner is not None and isinstance(st.lvalue, MemberExpr)
            self.env[owner] = self.env[owner].set(st.lvalue.name, NOT_STATIC)
        elif isinstance(st, ExpressionStmt) and self.supers is not None and \
                is_explicit_super_init(st.expr):
            raise Stop()  # (what it binds is unknown: a later read must not be stale)
        elif isinstance(st, ExpressionStmt) and self.supers is not None and is_base_init(
                st.expr) and isinstance(st.expr, CallExpr) and self.supers(self, st.expr, safe):
            pass  # (run there: the base's ``__init__``; False: read below as any other call)
        elif isinstance(st, ExpressionStmt) and self.methods is not None and self.methods(
                self, st.expr, safe) is not None:
            pass  # (``self._build_head(d)``: run here, flow_methods.py)
        elif isinstance(st, ExpressionStmt) and isinstance(st.expr, CallExpr) and not (
                self.checks and not self.mutates(st.expr)):
            self.mutate(st.expr, safe)
        elif isinstance(st, ExpressionStmt):
            if isinstance(self.value(st.expr, safe), NotStatic) and self.checks:
                self.item(st.expr, safe)  # (typed for its messages only)
        elif any(isinstance(s, ReturnStmt) for s in walk([st], scopes=False)):
            raise Stop  # (a return in a while, with, try or match: not followed there)
        else:
            self.havoc([st])
            return None
        self.escape(st, safe)
        return None

    def record_of(self, e: Expression) -> Optional[Var]:
        """The name whose :class:`Record` ``e`` (``self.head``) is an attribute of, if any."""
        if isinstance(e, MemberExpr) and isinstance(e.expr, NameExpr) and isinstance(
                e.expr.node, Var) and isinstance(self.env.get(e.expr.node), Record):
            return e.expr.node
        return None

    def assign(self, lv: Expression, v: Any, safe: Set[int], fresh: bool = False) -> None:
        if isinstance(lv, NameExpr) and isinstance(lv.node, Var):
            safe.add(id(lv))
            if self.captured is not None and (lv.name in self.captured[1] or (
                    isinstance(v, Seq) and lv.node in self.captured[0])):
                v = NOT_STATIC
            if isinstance(v, Record):
                v = NOT_STATIC  # (an alias of ``self``: a change through it is not followed)
            self.env[lv.node] = v
        elif isinstance(lv, MemberExpr) and self.record_of(lv) is not None:
            owner = self.record_of(lv)
            assert owner is not None
            safe.add(id(lv))
            if (isinstance(v, Record) and not isinstance(v, ConfigRecord)) or (
                    isinstance(v, Seq) and not fresh):
                v = NOT_STATIC  # (an attribute holds a list only built where it is bound:
                # another name for it could change it unseen; a config's fields nothing
                # assigns may be held: flow_values.ConfigRecord)
            self.env[owner] = self.env[owner].set(lv.name, v)
        elif isinstance(lv, MemberExpr) and isinstance(lv.expr, NameExpr) and isinstance(
                lv.expr.node, Var) and (self.tensors or isinstance(self.env.get(lv.expr.node),
                                                                   Item)):
            self.env[lv.expr.node] = NOT_STATIC  # (``x.data = ...``: x is not followed; a
            # layer given to ``__init__``, ``backbone.body = ...``: not what it built)
        elif isinstance(lv, IndexExpr):  # ``layers[0] = Dense(...)``: that list is not known
            if isinstance(lv.base, NameExpr) and isinstance(lv.base.node, Var):
                self.env[lv.base.node] = NOT_STATIC
            elif self.record_of(lv.base) is not None and isinstance(lv.base, MemberExpr):
                owner = self.record_of(lv.base)
                assert owner is not None
                self.env[owner] = self.env[owner].set(lv.base.name, NOT_STATIC)
        elif isinstance(lv, (TupleExpr, ListExpr)):
            items = iterate(v)
            if items is None or len(items) != len(lv.items) or any(
                    isinstance(x, StarExpr) for x in lv.items):
                items = (NOT_STATIC,) * len(lv.items)
            for target, item in zip(lv.items, items):
                self.assign(target, item, safe)

    def retie(self, lv: MemberExpr, rvalue: Expression) -> None:
        """``self.lm_head.weight = <expr>``: the layer with the sizes of that tensor
        (flow_ties.py)."""
        owner, layer = self.record_of(lv.expr), lv.expr
        assert owner is not None and isinstance(layer, MemberExpr)
        t, errors = typed(self.chk, rvalue, self.env)
        held = retied(self.chk, self.env[owner].get(layer.name), lv.name, None if errors else t,
                      self.env)
        self.env[owner] = self.env[owner].set(layer.name, held)

    def item(self, e: Expression, safe: Set[int]) -> Any:
        """A list item: its value, or its type when only mypy can say (a layer)."""
        v = self.value(e, safe)
        if not isinstance(v, NotStatic) or (isinstance(e, NameExpr) and not self.checks):
            return v
        t, errors = typed(self.chk, e, self.env)
        p = get_proper_type(t) if t is not None else None
        if errors and self.typed_locals:
            self.errors.append((e, errors))
        if errors or not isinstance(p, Instance) or isinstance(p, AnyType):
            return NOT_STATIC
        return self.built(Item(p, e))

    def built(self, v: Item) -> Item:
        """``v`` with what its construction builds, read where it is written, with the names
        it reads bound as there (``self.mlp = SwiGLU(d)``; each item of ``[Block(config) for _
        in range(n)]``): flow_instances.py's ``held``, when this run is a construction's."""
        return v if self.held is None else self.held(v, self.env)

    def chosen(self, e: Expression, safe: Set[int]) -> Expression:
        """``a if c else b`` with ``c`` known here: the branch taken (the other one never
        runs; ``self.proj = Dense(a, b) if a != b else None``)."""
        while isinstance(e, ConditionalExpr):
            c = self.value(e.cond, safe)
            if not isinstance(c, bool):
                break
            e = e.if_expr if c else e.else_expr
        return e

    def tensor(self, e: Expression) -> Any:
        """``e``'s type (a tensor, a layer) when every name of the scope it reads holds a
        value here: a name the run does not know would be typed as it is where the read
        is, not here."""
        for x in get_subexpressions(e):
            if isinstance(x, NameExpr) and isinstance(x.node, Var) and as_type(self.chk, (
                    self.env.get(x.node, NOT_STATIC))) is None and not global_once(self.chk, x):
                return NOT_STATIC
        t, errors = typed(self.chk, e, self.env)
        p = get_proper_type(t) if t is not None else None
        if errors or not isinstance(p, Instance):
            return NOT_STATIC
        return self.built(Item(p, e))

    def havoc(self, stmts: List[Statement]) -> None:
        """What ``stmts`` may bind or change is unknown from here on."""
        if self.selves is not None:
            for st in stmts:
                self.selves(self, st, True)  # (``self._grow()`` in a loop not unrolled)
        bound = bound_vars(stmts)
        for x in [x for st in stmts for x in get_subexpressions(st)]:
            if isinstance(x, NameExpr) and isinstance(x.node, Var) and (
                    x.node in bound or isinstance(self.env.get(x.node), Seq)):
                self.env[x.node] = NOT_STATIC
        for var in bound:
            self.env[var] = NOT_STATIC
        # Bindings that are not assignments (a match pattern, an import, a def or class of
        # the same name): every name they may bind, by name.
        names = {n for st in walk(stmts, scopes=False) for n in other_bindings(st)}
        if None in names:
            names = {var.name for var in self.env}
        for var in list(self.env):
            if var.name in names:
                self.env[var] = NOT_STATIC

    def branch(self, st: IfStmt) -> Optional[Statement]:
        for i, cond in enumerate(st.expr):
            safe: Set[int] = set()
            c = truth(self.value(cond, safe))
            self.escape(cond, safe)
            if c is True:
                return self.block(st.body[i].body)
            if c is not False:
                return self.join(st, i)
        return self.block(st.else_body.body) if st.else_body is not None else None

    def join(self, st: IfStmt, first: int) -> Optional[Statement]:
        """An ``if`` whose condition is unknown: every branch from ``first`` is run from the
        same env; what they all agree on is kept. A branch that returns ends its path (a
        helper's run cannot tell which return it reaches: it stops)."""
        start = self.env
        envs: List[Env] = []
        branches = [b.body for b in st.body[first:]] + [
            st.else_body.body if st.else_body is not None else []]
        for body in branches:
            self.env = dict(start)
            if self.block(body) is None:
                envs.append(self.env)
            elif self.factory:
                raise Stop
        if not envs:
            raise Stop  # every path returned: nothing after the if runs
        self.env = {var: joined([e[var] for e in envs]) for var in envs[0]
                    if all(var in e for e in envs[1:])}
        self.env.update({var: NOT_STATIC for e in envs for var in e if var not in self.env})
        return None

    def loop(self, st: ForStmt) -> None:
        safe: Set[int] = set()
        if isinstance(st.expr, (NameExpr, MemberExpr)):
            safe.add(id(st.expr))
        seq = self.value(st.expr, safe)
        items = iterate(seq)
        self.escape(st.expr, safe)
        jumps = any(isinstance(s, (BreakStmt, ContinueStmt, ReturnStmt))
                    for s in walk(st.body.body, scopes=False))
        if any(isinstance(s, ReturnStmt) for s in walk([st], scopes=False)):
            raise Stop  # (a return in the loop: the run cannot tell it is not reached)
        if items is None or jumps or st.else_body is not None or st.is_async or (
                isinstance(seq, Seq) and changes_iterated(
                    st, {var for var, v in self.env.items() if type(v) is Record})):
            self.havoc([st])  # (``for w in ws: ws.append(...)``: another sequence of items)
            return
        for v in items:
            self.assign(st.index, v, set())
            self.block(st.body.body)


def joined(values: List[Any]) -> Any:
    """What a name holds after an ``if`` whose branches left it ``values``: their value when
    they agree; an object's attributes (a model's ``self`` while its ``__init__`` runs: a
    :class:`Record`) each joined on its own, so one attribute the branches bind apart
    (``self.shortcut = Chain()`` or a ``Chain`` of a conv) leaves the others known; a layer
    the branches build apart (two :class:`Item`) when its type, sizes and all, is the same
    and says all the layer does (a library layer's, no model class of the program in it);
    else NOT_STATIC.

    >>> joined([3, 3]), joined([3, 4])
    (3, NOT_STATIC)
    >>> joined([Record((("a", 1), ("b", 2))), Record((("b", 3), ("a", 1)))])
    Record(fields=(('a', 1), ('b', NOT_STATIC)))
    """
    first = values[0]
    if all(_identical(v, first) for v in values[1:]):
        return first
    if isinstance(first, Record) and not isinstance(first, ClassRecord) and all(
            type(v) is type(first) for v in values):
        names = dict.fromkeys(n for v in values for n, _ in v.fields)
        return type(first)(tuple((n, joined([v.get(n) for v in values])) for n in names))
    if isinstance(first, Item) and all(
            isinstance(v, Item) and v.attrs is None and v.type == first.type for v in values) \
            and _library_type(first.type):
        return first
    return NOT_STATIC


def _identical(a: Any, b: Any) -> bool:
    """Whether two values a run holds are the same, an :class:`Item`'s ``attrs`` (what a
    model instance holds: not part of its ``==``) included, through records and lists."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Item):  # (a Chain of blocks: what each holds, flow_stages.py)
        return a == b and _identical(a.attrs, b.attrs) and _identical(
            blocks_of(a.type), blocks_of(b.type))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, Record):
        return getattr(a, "info", None) is getattr(b, "info", None) and [  # (ClassRecord)
            n for n, _ in a.fields] == [n for n, _ in b.fields] and all(
            _identical(x, y) for (_, x), (_, y) in zip(a.fields, b.fields))
    if isinstance(a, Seq):
        return len(a.items) == len(b.items) and all(map(_identical, a.items, b.items))
    return bool(a == b)


def _library_type(t: Type) -> bool:
    """Whether ``t`` names only typedflux's and Python's own classes (``Chain[Conv[16, 32,
    ...], BatchNorm[32]]``), its parts beside its type arguments too (a SkipConnection's
    connection: no lambda, function or model class, whose bodies mypy's ``==`` of two types
    does not compare): its sizes say all a layer of it does to a shape."""
    p = get_proper_type(t)
    if isinstance(p, Instance):
        parts = p.extra_attrs.attrs.values() if p.extra_attrs is not None else ()
        if not all(map(_library_type, parts)):
            return False  # (a lambda, a function, a model class among its parts)
        return p.type.fullname.startswith(("typedflux.", "builtins.")) and all(
            map(_library_type, p.args))
    if isinstance(p, TupleType):
        return all(map(_library_type, p.items))
    if isinstance(p, UnpackType):
        return _library_type(p.type)
    return isinstance(p, (LiteralType, AnyType, NoneType))
