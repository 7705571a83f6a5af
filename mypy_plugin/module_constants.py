"""Sizes kept in plain module-level constants: ``LATENT = 20``, then ``Dense(256, LATENT)``.

mypy types such a name ``int`` (only a ``Final`` keeps its value), so the size would be
unknown. A name bound exactly once at module level, to an int (a literal, or arithmetic of
literals and constants bound before it: ``D_FF = 4 * D_MODEL``; ``A, B = 16, 8`` too), never
bound again anywhere in the module (no second assignment, ``+=``, ``for``/``with``/``except``
target, ``del``, import, def, walrus or comprehension variable of that name, no ``global``
declaration of it, no ``from ... import *``, no ``match``), holds that value wherever the
module reads it. Only reads in the module that defines it count: the module is parsed in
this run, so a result never depends on what mypy's cache holds (an imported constant is
read when it is ``Final``). A run-time rebinding from outside the module (``cfg.D = 3``,
``globals()``) is not seen; such a program should not keep sizes in module constants.

The module's tree is read (once per tree) from the type checker of the module being checked,
which ``lookup`` (the checker's ``lookup_type_or_none``) is bound to.

>>> from mypy.nodes import NameExpr
>>> constant_value(NameExpr("LATENT"), lambda e: None) is None
True
"""

from __future__ import annotations

from typing import Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    GDEF,
    AssignmentExpr,
    AssignmentStmt,
    ClassDef,
    Decorator,
    DelStmt,
    DictionaryComprehension,
    Expression,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    GlobalDecl,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    IntExpr,
    ListExpr,
    MatchStmt,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    OpExpr,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    UnaryExpr,
    WhileStmt,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_values import safe_reads
from mypy_plugin.statements import PerTree, checked_tree, nested, walk

__all__ = ["constant_value", "constants_of", "fold", "bound_once", "sequence_constants"]



def constant_value(e: Expression, lookup: object) -> Optional[int]:
    """The value of ``e`` when it reads a constant of the module being checked, else None.
    ``lookup`` is the checker's bound ``lookup_type_or_none`` (its ``__self__`` the checker)."""
    if not isinstance(e, NameExpr) or e.kind != GDEF:
        return None
    tree = checked_tree(lookup)
    if tree is None or e.fullname != f"{tree.fullname}.{e.name}":
        return None  # a local of that name, or a name imported from elsewhere
    return constants_of(tree).get(e.name)


def constants_of(tree: MypyFile) -> Dict[str, int]:
    """``tree``'s module constants (name -> value)."""
    return _known(tree)


# A module's tree is read once per run (again when the daemon gives it new statements).
_known: PerTree[Dict[str, int]] = PerTree(
    lambda tree: _constants(tree), keep=64, on_error=dict)  # (_constants is defined below)


# -- which names are constants ----------------------------------------------------------------


def _rebound(file: MypyFile) -> Optional[Set[str]]:
    """Names something anywhere in the file may bind outside the module's own statements
    (``global``, walrus, comprehension variables); None: give up on the whole file."""
    names: Set[str] = set()
    for st in walk(file.defs):
        if isinstance(st, (GlobalDecl, NonlocalDecl)):
            names.update(st.names)
        elif isinstance(st, (MatchStmt, ImportAll)):
            return None
    for e in get_subexpressions(file):
        if isinstance(e, AssignmentExpr):
            names.add(e.target.name)
        elif isinstance(e, (GeneratorExpr, DictionaryComprehension)):
            for index in e.indices:
                names.update(_targets(index))
    return names


def _targets(e: Expression) -> List[str]:
    if isinstance(e, NameExpr):
        return [e.name]
    if isinstance(e, (TupleExpr, ListExpr)):
        return [n for item in e.items for n in _targets(item)]
    if isinstance(e, StarExpr):
        return _targets(e.expr)
    return []


def _module_statements(body: List[Statement]) -> List[Statement]:
    """Statements that run in the module's own scope (blocks of if/for/while/with/try)."""
    out: List[Statement] = []
    for s in body:
        out.append(s)
        if isinstance(s, (IfStmt, ForStmt, WhileStmt, WithStmt, TryStmt)):
            out += _module_statements(nested(s))
    return out


def _bound_names(s: Statement) -> List[str]:
    if isinstance(s, AssignmentStmt):
        return [n for lv in s.lvalues for n in _targets(lv)]
    if isinstance(s, OperatorAssignmentStmt):
        return _targets(s.lvalue)
    if isinstance(s, ForStmt):
        return _targets(s.index)
    if isinstance(s, WithStmt):
        return [n for t in s.target if t is not None for n in _targets(t)]
    if isinstance(s, TryStmt):
        return [v.name for v in s.vars if v is not None]
    if isinstance(s, DelStmt):
        return _targets(s.expr)
    if isinstance(s, Import):
        return [alias or name.split(".")[0] for name, alias in s.ids]
    if isinstance(s, ImportFrom):
        return [alias or name for name, alias in s.names]
    if isinstance(s, (FuncDef, ClassDef, OverloadedFuncDef, Decorator)):
        return [s.name]
    return []


def fold(e: Expression, known: Dict[str, int]) -> Optional[int]:
    """An int expression of literals and ``known`` names, folded (None: not one).

    >>> from mypy.nodes import IntExpr, OpExpr
    >>> fold(OpExpr("*", IntExpr(4), IntExpr(16)), {})
    64
    """
    if isinstance(e, IntExpr):
        return e.value
    if isinstance(e, NameExpr):
        return known.get(e.name)
    if isinstance(e, UnaryExpr) and e.op in ("-", "+"):
        v = fold(e.expr, known)
        return None if v is None else (-v if e.op == "-" else v)
    if isinstance(e, OpExpr) and e.op in ("+", "-", "*", "//", "**"):
        a, b = fold(e.left, known), fold(e.right, known)
        if a is None or b is None or (e.op == "//" and b == 0):
            return None
        if e.op == "**":  # an int for an exponent >= 0 (bounded: no huge folding)
            return int(a**b) if 0 <= b and abs(a).bit_length() * b <= 256 else None
        return a + b if e.op == "+" else a - b if e.op == "-" else a * b if e.op == "*" else a // b
    return None


def bound_once(tree: MypyFile) -> Set[str]:
    """Names bound exactly once at module level in ``tree`` and never again anywhere in it
    (the rules above): what such a name holds is what it was bound to."""
    return _once(tree)


def _read_once(file: MypyFile) -> Set[str]:
    try:
        rebound = _rebound(file)
        if rebound is None:
            return set()
        count: Dict[str, int] = {}
        for s in _module_statements(file.defs):
            for n in _bound_names(s):
                count[n] = count.get(n, 0) + 1
        return {n for n, c in count.items() if c == 1 and n not in rebound}
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is bound once
        return set()


_once = PerTree(_read_once, keep=64)


def _constants(file: MypyFile) -> Dict[str, int]:
    once = bound_once(file)
    if not once:
        return {}
    statements = _module_statements(file.defs)
    values: Dict[str, int] = {}
    for s in statements:  # in order: a constant may be built from those bound before it
        if not isinstance(s, AssignmentStmt):
            continue
        for lv in s.lvalues:
            if isinstance(lv, NameExpr) and lv.name in once:
                v = fold(s.rvalue, values)
                if v is not None:
                    values[lv.name] = v
            elif isinstance(lv, (TupleExpr, ListExpr)) and isinstance(s.rvalue, (TupleExpr, ListExpr)):
                if len(lv.items) != len(s.rvalue.items):
                    continue
                for target, item in zip(lv.items, s.rvalue.items):
                    if isinstance(target, NameExpr) and target.name in once:
                        v = fold(item, values)
                        if v is not None:
                            values[target.name] = v
    return values


def sequence_constants(tree: MypyFile) -> Dict[str, Tuple[Tuple[int, ...], bool]]:
    """``SIZES = [784, 256, 10]`` (or a tuple) bound once at module level: name -> (its ints,
    whether it is a list). A list counts only when every read of its name in the module
    leaves it alone (an index, a slice, a ``for``, ``zip``/``len``..., flow_values.py): then
    nothing in the module changes it."""
    return _sequences(tree)


def _read_sequences(file: MypyFile) -> Dict[str, Tuple[Tuple[int, ...], bool]]:
    try:
        once = bound_once(file)
        ints = constants_of(file)
        found: Dict[str, Tuple[Tuple[int, ...], bool, NameExpr]] = {}
        for s in _module_statements(file.defs):
            if not (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                    and isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name in once
                    and isinstance(s.rvalue, (ListExpr, TupleExpr))):
                continue
            values = [fold(item, ints) for item in s.rvalue.items]
            if values and all(v is not None for v in values):
                found[s.lvalues[0].name] = (
                    tuple(v for v in values if v is not None), isinstance(s.rvalue, ListExpr),
                    s.lvalues[0])
        lists = {n for n, (_, is_list, _) in found.items() if is_list}
        if lists:
            exprs = get_subexpressions(file)
            safe = safe_reads(exprs) | {id(target) for _, _, target in found.values()}
            safe |= {id(st.expr) for st in walk(file.defs) if isinstance(st, ForStmt)}
            for x in exprs:
                if isinstance(x, NameExpr) and x.name in lists and id(x) not in safe:
                    found.pop(x.name, None)
        return {n: (v, is_list) for n, (v, is_list, _) in found.items()}
    except Exception:  # noqa: BLE001 - a construct not modelled here: no constants
        return {}


_sequences = PerTree(_read_sequences, keep=64)
