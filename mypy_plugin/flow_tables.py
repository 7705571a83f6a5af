"""A model class's table of sizes in a class attribute: MobileNetV2's ``cfg``.

kuangliu's MobileNetV2 keeps its stages in a class attribute and loops over it in a method
``__init__`` calls::

    class MobileNetV2:
        cfg = [(1, 16, 1, 1), (6, 24, 2, 1), (6, 32, 3, 2)]

        def _make_layers(self, in_planes):
            for expansion, out_planes, num_blocks, stride in self.cfg: ...

:func:`class_tables` gives a construction's run (flow_instances.py) such a table as the
instance's ``self.cfg`` holds it: a list or tuple display of ints, strings and tuples of
them, in the body of the built class or of a base of the module's top level (the first
the MRO finds). Only when nothing can change it: the class body binds the name once, and
every read of an attribute of that name in the module is a ``for`` loop's (or a
comprehension's) sequence, and no other statement names it (an ``append``, an item
assigned, ``self.cfg = ...``, passing it on: not a table).

>>> from mypy.nodes import MypyFile
>>> _reads(MypyFile([], []))
{}
"""

from __future__ import annotations

from typing import Any, Dict, Set

from mypy.nodes import (
    AssignmentStmt, ClassDef, ForStmt, GeneratorExpr, ListExpr, MemberExpr, MypyFile,
    NameExpr, TupleExpr, TypeInfo,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_values import NOT_STATIC, Seq, evaluate
from mypy_plugin.statements import PerTree, walk

__all__ = ["class_tables"]


def class_tables(tree: MypyFile, info: TypeInfo) -> Dict[str, Any]:
    """The tables (name -> a :class:`Seq` or tuple) the class ``info`` of ``tree`` and its
    bases of the module hold, read as above; the MRO's first binding of a name wins."""
    out: Dict[str, Any] = {}
    seen: Set[str] = set()
    reads = _reads(tree)
    top = {id(d) for d in tree.defs if isinstance(d, ClassDef)}
    for k in info.mro:
        if id(k.defn) not in top:
            break  # (``object``, or a class whose body is not read here)
        bound: Dict[str, int] = {}
        for st in k.defn.defs.body:
            if isinstance(st, AssignmentStmt):
                for lv in st.lvalues:
                    for t in get_subexpressions(lv):
                        if isinstance(t, NameExpr):
                            bound[t.name] = bound.get(t.name, 0) + 1
        for st in k.defn.defs.body:
            if not (isinstance(st, AssignmentStmt) and len(st.lvalues) == 1 and isinstance(
                    st.lvalues[0], NameExpr) and isinstance(st.rvalue, (ListExpr, TupleExpr))):
                continue
            name = st.lvalues[0].name
            if name in seen or bound.get(name) != 1 or not reads.get(name, False):
                continue
            seen.add(name)
            v = evaluate(st.rvalue, {}, lambda e: NOT_STATIC, set())
            if _plain(v):
                out[name] = v
    return out


def _plain(v: Any) -> bool:
    if isinstance(v, Seq):
        return all(map(_plain, v.items))
    if isinstance(v, tuple):
        return all(map(_plain, v))
    return isinstance(v, (int, str)) and not isinstance(v, bool)


def _read_names(tree: MypyFile) -> Dict[str, bool]:
    """Each attribute name -> whether every mention of it (``.<name>`` or ``<name>``) in the
    module is a loop's sequence (``for ... in self.cfg``) or a class body's one binding."""
    found: Dict[str, bool] = {}
    loops: Set[int] = set()
    for st in walk(tree.defs):
        if isinstance(st, ForStmt) and isinstance(st.expr, MemberExpr):
            loops.add(id(st.expr))
        for x in get_subexpressions(st) if not isinstance(st, ClassDef) else []:
            if isinstance(x, GeneratorExpr):
                loops.update(id(s) for s in x.sequences if isinstance(s, MemberExpr))
    own: Set[int] = set()  # (a class body's binding ``cfg = [...]``: its target is no read)
    for st in walk(tree.defs):
        if isinstance(st, ClassDef):
            for b in st.defs.body:
                if isinstance(b, AssignmentStmt) and len(b.lvalues) == 1 and isinstance(
                        b.lvalues[0], NameExpr):
                    own.add(id(b))
                    found.setdefault(b.lvalues[0].name, True)
    for st in walk(tree.defs):
        if isinstance(st, ClassDef):
            continue
        scanned = st.rvalue if id(st) in own and isinstance(st, AssignmentStmt) else st
        for x in get_subexpressions(scanned):
            if isinstance(x, MemberExpr):
                found[x.name] = found.get(x.name, True) and id(x) in loops
            elif isinstance(x, NameExpr):
                found[x.name] = False
    return found


_reads: PerTree[Dict[str, bool]] = PerTree(_read_names, keep=64)
