"""Which class binds an attribute: a module's attribute bindings and reads, by (class, name).

``self.norm = LayerNorm(64)`` in a method of ``Block`` binds ``Block``'s ``norm``; every block
class of a module may have its own ``norm``. A binding or read on anything but the ``self``
of a method (``m.norm = ...``, ``f(m.layers)``) has no known class: it counts for every class
(owner None). ``self`` is a method's first parameter, for a method written in the class's
body (not a ``staticmethod``) that never rebinds it (nested functions included).

>>> from mypy.nodes import MypyFile
>>> facts = AttributeFacts(MypyFile([], []), set())
>>> facts.binds("m.Block", "norm", exact=True), facts.poisoned
(0, False)
"""

from __future__ import annotations

from typing import Container, Dict, FrozenSet, List, Optional, Set, Tuple

from mypy.nodes import (
    CallExpr,
    ClassDef,
    DelStmt,
    Expression,
    ForStmt,
    FuncDef,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    StarExpr,
    TupleExpr,
    AssignmentStmt,
    Var,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_names import binding_targets, own_expressions
from mypy_plugin.flow_values import safe_reads
from mypy_plugin.statements import methods_of, walk

__all__ = ["AttributeFacts"]

_POISON = ("setattr", "delattr", "vars")
Key = Tuple[Optional[str], str]  # (the owning class's fullname, None: not known; the name)


def _names(t: Expression) -> List[NameExpr]:
    """The names a target binds (``self`` in ``self.x = ...`` is read, not bound)."""
    if isinstance(t, NameExpr):
        return [t]
    if isinstance(t, StarExpr):
        return _names(t.expr)
    if isinstance(t, (TupleExpr, ListExpr)):
        return [n for i in t.items for n in _names(i)]
    return []


def _selves(tree: MypyFile) -> Dict[Var, str]:
    """Each method's ``self`` -> its class's fullname (the rule above)."""
    out: Dict[Var, str] = {}
    for c in walk(tree.defs):
        if not isinstance(c, ClassDef):
            continue
        for f in methods_of(c):
            if f.is_static or not f.arguments:
                continue
            v = f.arguments[0].variable
            if not any(x.node is v for st in walk(f.body.body)
                       for t in binding_targets(st) for x in _names(t)):
                out[v] = c.info.fullname
    return out


class AttributeFacts:
    """A module's attribute bindings and list reads by (class, name), read once."""

    def __init__(self, tree: MypyFile, runs: Set[Var], ties: FrozenSet[int] = frozenset()
                 ) -> None:
        # ``runs``: the ``self`` of each ``__init__`` a run follows (its ``self.layers.append``
        # reads are followed by the run, not unsafe); ``ties``: its own statements
        # ``self.lm_head.weight = ...``, which the run follows (flow_ties.py): they bind no
        # ``lm_head``.
        self.bound: Dict[Key, int] = {}  # times some statement binds it (2: never known)
        # (each binding's target, the ``self.<name>`` expression, and its times)
        self.sites: Dict[Key, List[Tuple[int, int]]] = {}
        self.unsafe_lists: Set[Key] = set()  # read where a list may change
        self.poisoned = False  # ``__dict__``, ``setattr``/``delattr``/``vars`` somewhere
        self.derived: Dict[str, Set[str]] = {}  # a class -> the module's classes deriving from it
        self.bases: Dict[str, List[str]] = {}  # a class -> its bases (their methods run on it)
        for c in walk(tree.defs):
            if isinstance(c, ClassDef):
                self.bases[c.info.fullname] = [b.fullname for b in c.info.mro[1:]]
                for b in c.info.mro[1:]:
                    self.derived.setdefault(b.fullname, set()).add(c.info.fullname)
        self._read(tree, _selves(tree), runs, ties)

    def _owner(self, x: MemberExpr, selves: Dict[Var, str]) -> Key:
        base = x.expr.node if isinstance(x.expr, NameExpr) else None
        return (selves.get(base) if isinstance(base, Var) else None), x.name

    def _read(self, tree: MypyFile, selves: Dict[Var, str], runs: Set[Var],
              ties: FrozenSet[int]) -> None:
        for st in walk(tree.defs):
            own = own_expressions(st)
            safe = safe_reads(own)
            safe |= {id(x) for x in own if isinstance(x, MemberExpr) and isinstance(
                x.expr, NameExpr) and x.expr.node in runs}
            if isinstance(st, AssignmentStmt):
                safe |= {id(t) for t in st.lvalues if isinstance(t, MemberExpr)}
            elif isinstance(st, ForStmt):
                safe.add(id(st.expr))
            held: List[Expression] = []
            if isinstance(st, (OperatorAssignmentStmt, DelStmt, ForStmt, WithStmt)):
                held = [st.lvalue] if isinstance(st, OperatorAssignmentStmt) else \
                    [st.expr] if isinstance(st, DelStmt) else \
                    [st.index] if isinstance(st, ForStmt) else [t for t in st.target if t]
            for times, targets in ((1, st.lvalues if isinstance(st, AssignmentStmt) else []),
                                   (2, held)):
                for t in targets:
                    for x in get_subexpressions(t):
                        if isinstance(x, MemberExpr) and not (
                                id(st) in ties and isinstance(t, MemberExpr) and x is t.expr):
                            key = self._owner(x, selves)
                            self.bound[key] = self.bound.get(key, 0) + times
                            self.sites.setdefault(key, []).append((id(x), times))
            for x in own:
                if isinstance(x, MemberExpr):
                    if x.name in ("__dict__", "__setattr__", "__delattr__"):
                        # (``self.__setattr__("fc", ...)``, ``object.__setattr__(self, ...)``:
                        # a binding no target shows, like ``setattr``)
                        self.poisoned = True
                    if id(x) not in safe:
                        self.unsafe_lists.add(self._owner(x, selves))
                elif isinstance(x, CallExpr) and isinstance(x.callee, NameExpr) and \
                        x.callee.name in _POISON:
                    self.poisoned = True

    def _owners(self, cls: str, exact: bool) -> List[Optional[str]]:
        # An instance built by ``cls(...)`` is exactly a ``cls``: the methods of a class
        # deriving from it never run on it. ``self`` in ``cls``'s method may be one. Its
        # bases' methods run on it (an inherited ``__init__``: flow_inits.py).
        return [None, cls] + self.bases.get(cls, []) + (
            [] if exact else sorted(self.derived.get(cls, ())))

    def binds(self, cls: str, name: str, exact: bool) -> int:
        """How many statements may bind ``name`` on an instance of ``cls`` (``exact``: built
        by ``cls(...)`` itself; else any instance, a derived class's too)."""
        return sum(self.bound.get((k, name), 0) for k in self._owners(cls, exact))

    def binds_beside(self, cls: str, name: str, exact: bool, run: Container[int]) -> int:
        """How many statements may bind ``name`` on such an instance besides the bindings
        ``run`` (the ids of their targets: the ``self.<name> = ...`` of the ``__init__`` a
        construction's run follows, flow_instances.py, which reads each of them itself)."""
        return sum(times for k in self._owners(cls, exact)
                   for target, times in self.sites.get((k, name), ()) if target not in run)

    def unsafe_list(self, cls: str, name: str, exact: bool) -> bool:
        """Whether a list held in ``name`` of such an instance may change where it is read."""
        return any((k, name) in self.unsafe_lists for k in self._owners(cls, exact))
