"""Arrays made by numpy's constructors, read where ``tf.tensor`` takes them.

numpy's stubs type ``np.zeros((B, S, S, A))`` as an array of any shape, and this plugin
leaves numpy's own types alone (mypy's numpy errors stay numpy's). But the data of
``tf.tensor(...)`` is read here when it is such a call with sizes known statically
(``np.zeros``, ``np.ones``, ``np.empty``, ``np.full`` of an int or a tuple of them,
``np.eye(n[, m])``, ``np.identity(n)``), a draw of that size from a numpy ``Generator``
(``rng.integers(0, A, (B, 1))``, ``rng.random((N, N))``, ``rng.standard_normal``,
``rng.normal``, ``rng.uniform``) or from ``np.random`` (``np.random.rand(N, N)``,
``np.random.randint(0, A, (B, 1))``, ...), and what keeps such an array's shape:
``.astype(...)``, ``.T``, a comparison or an arithmetic operator with a number or an array
of the same sizes (``rng.random((N, N)) > 0.6``), ``np.maximum``/``np.minimum`` of two
such arrays. A module-level name bound once to one of these is read through, when it is
otherwise only indexed (``mask[0, 2] = 1.0``: never a new shape), read by those same forms
or passed to typedflux's or numpy's functions: nothing else can reshape it in place.

>>> numpy_array_shape(None, lambda e: None) is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt, CallExpr, ComparisonExpr, Expression, FloatExpr, IndexExpr, IntExpr,
    ListExpr, MemberExpr, MypyFile, NameExpr, OpExpr, RefExpr, TupleExpr, UnaryExpr,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, LiteralType, get_proper_type

from mypy_plugin.module_constants import bound_once
from mypy_plugin.statements import PerTree, checked_tree
from mypy_plugin.values import NotStatic, static_int

__all__ = ["numpy_array_shape"]

_SHAPED = frozenset({"zeros", "ones", "empty", "full"})


def _numpy_made(e: Expression) -> bool:
    """Whether ``e`` may be an array of the forms read here (a call of numpy's or of a
    draw method in it): a module-level name bound to one is a candidate for :func:`_shape`."""
    return isinstance(e, (CallExpr, OpExpr, ComparisonExpr, MemberExpr, UnaryExpr)) and any(
        isinstance(x, CallExpr) and isinstance(x.callee, MemberExpr)
        and (_module_of(x.callee.expr) is not None or x.callee.name in _DRAWS)
        for x in [e, *get_subexpressions(e)])


def _argument(call: CallExpr, position: int, keyword: str) -> Optional[Expression]:
    for i, (a, n) in enumerate(zip(call.args, call.arg_names)):
        if n == keyword or (n is None and i == position and call.arg_kinds[i].is_positional()):
            return a
    return None


_NOT_A_SIZE = object()


def _size(e: Optional[Expression], lookup: Any) -> object:
    """A size argument: its int, ``None`` for an int not known statically, or
    ``_NOT_A_SIZE`` (a tuple held in a name, anything not typed ``int``)."""
    t = lookup(e) if e is not None else None
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, LiteralType):
        p = p.fallback
    if e is None or not isinstance(p, Instance) or p.type.fullname != "builtins.int":
        return _NOT_A_SIZE
    v = static_int(e, lookup)
    return None if isinstance(v, NotStatic) or v < 0 else v


def numpy_array_shape(e: Optional[Expression], lookup: Any) -> Optional[List[Optional[int]]]:
    """The sizes of the array ``e`` is (``None``: an int not known statically), when it is
    made as the module docstring says; else None.
    """
    return _shape(e, lookup, 0)


Sizes = List[Optional[int]]

# A numpy Generator's draws: the position of the ``size`` argument.
_DRAWS = {"random": 0, "standard_normal": 0, "integers": 2, "normal": 2, "uniform": 2}
# np.random's own functions: the position of ``size`` (None: every argument is a size).
_LEGACY = {"rand": None, "randn": None, "random": 0, "random_sample": 0, "randint": 2,
           "normal": 2, "uniform": 2, "standard_normal": 0}
_GENERATOR = "numpy.random._generator.Generator"
_ELEMENTWISE = frozenset({"maximum", "minimum"})


def _shape(e: Optional[Expression], lookup: Any, depth: int) -> Optional[Sizes]:
    if e is None or depth > 8:
        return None
    if isinstance(e, NameExpr):
        tree = checked_tree(lookup)
        if tree is None or e.fullname != f"{tree.fullname}.{e.name}":
            return None
        return _shape(_named_arrays(tree).get(e.name), lookup, depth + 1)
    if isinstance(e, MemberExpr) and e.name == "T":
        inner = _shape(e.expr, lookup, depth + 1)
        return inner[::-1] if inner is not None else None
    if isinstance(e, UnaryExpr) and e.op in ("-", "+", "~"):
        return _shape(e.expr, lookup, depth + 1)
    if isinstance(e, OpExpr) and e.op not in ("@", "and", "or"):
        return _joined(e.left, e.right, lookup, depth)
    if isinstance(e, ComparisonExpr) and len(e.operands) == 2 and \
            e.operators[0] in ("<", "<=", ">", ">=", "==", "!="):
        return _joined(e.operands[0], e.operands[1], lookup, depth)
    if not isinstance(e, CallExpr) or any(k.is_star() for k in e.arg_kinds) or \
            not isinstance(e.callee, MemberExpr):
        return None
    callee = e.callee
    if callee.name == "astype":
        return _shape(callee.expr, lookup, depth + 1)
    module = _module_of(callee.expr)
    if module == "numpy" and callee.name in _ELEMENTWISE and len(e.args) >= 2:
        return _joined(e.args[0], e.args[1], lookup, depth)
    if module == "numpy.random" and callee.name in _LEGACY:
        at = _LEGACY[callee.name]
        return _sizes(e.args, lookup) if at is None else _drawn(e, at, lookup)
    if module is None and callee.name in _DRAWS and _is_generator(callee.expr, lookup):
        return _drawn(e, _DRAWS[callee.name], lookup)
    return _constructed(e, lookup) if module == "numpy" else None


def _module_of(e: Expression) -> Optional[str]:
    """``"numpy"`` for ``np``, ``"numpy.random"`` for ``np.random``; None for anything else."""
    node = e.node if isinstance(e, RefExpr) else None
    if isinstance(node, MypyFile) and node.fullname in ("numpy", "numpy.random"):
        return node.fullname
    return None


def _is_generator(e: Expression, lookup: Any) -> bool:
    p = get_proper_type(lookup(e))
    return isinstance(p, Instance) and p.type.fullname == _GENERATOR


def _joined(a: Expression, b: Expression, lookup: Any, depth: int) -> Optional[Sizes]:
    """The shape of an elementwise result of ``a`` and ``b``: both arrays of the same known
    sizes, or one array and a number."""
    left, right = _shape(a, lookup, depth + 1), _shape(b, lookup, depth + 1)
    if left is not None and right is not None:
        return left if left == right and None not in left else None
    if left is not None and _number(b, lookup):
        return left
    if right is not None and _number(a, lookup):
        return right
    return None


def _number(e: Expression, lookup: Any) -> bool:
    if isinstance(e, (IntExpr, FloatExpr)):
        return True
    p = get_proper_type(lookup(e))
    if isinstance(p, LiteralType):
        p = p.fallback
    return isinstance(p, Instance) and p.type.fullname in (
        "builtins.int", "builtins.float", "builtins.bool")


def _drawn(call: CallExpr, position: int, lookup: Any) -> Optional[Sizes]:
    """A draw's sizes, from its ``size`` argument (none: one number, not an array)."""
    size = _argument(call, position, "size")
    if size is None or (isinstance(size, NameExpr) and size.fullname == "builtins.None"):
        return None
    items = size.items if isinstance(size, (TupleExpr, ListExpr)) else [size]
    return _sizes(items, lookup)


def _sizes(items: List[Expression], lookup: Any) -> Optional[Sizes]:
    sizes = [_size(i, lookup) for i in items]
    if not sizes or any(s is _NOT_A_SIZE for s in sizes):
        return None
    return [s if isinstance(s, int) else None for s in sizes]


def _constructed(call: CallExpr, lookup: Any) -> Optional[Sizes]:
    """``np.zeros((B, S))``, ``np.eye(F)``, ...: their sizes."""
    name = call.callee.name if isinstance(call.callee, MemberExpr) else ""
    if name in _SHAPED:
        shape = _argument(call, 0, "shape")
        if shape is None:
            return None
        return _sizes(shape.items if isinstance(shape, (TupleExpr, ListExpr)) else [shape],
                      lookup)
    if name not in ("eye", "identity"):
        return None
    n = _argument(call, 0, "N" if name == "eye" else "n")
    m = _argument(call, 1, "M") if name == "eye" else None
    if isinstance(m, NameExpr) and m.fullname == "builtins.None":
        m = None
    if n is None:
        return None
    return _sizes([n, m if m is not None else n], lookup)


def _read_named_arrays(tree: MypyFile) -> Dict[str, Expression]:
    try:
        once = bound_once(tree)
        found: Dict[str, Expression] = {}
        for s in tree.defs:
            if (isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
                    and isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name in once
                    and _numpy_made(s.rvalue)):
                found[s.lvalues[0].name] = s.rvalue
        if not found:
            return {}
        kept: Set[int] = set()
        exprs = get_subexpressions(tree)
        for x in exprs:
            if isinstance(x, CallExpr) and (isinstance(x.callee, RefExpr) and (
                    x.callee.fullname.startswith("typedflux.")) or isinstance(
                    x.callee, MemberExpr) and _module_of(x.callee.expr) is not None):
                kept.update(id(a) for a in x.args if isinstance(a, NameExpr))
            elif isinstance(x, IndexExpr) and isinstance(x.base, NameExpr):
                kept.add(id(x.base))  # (indexed, or an item set: never another shape)
            elif isinstance(x, MemberExpr) and x.name in ("T", "astype"):
                kept.add(id(x.expr))  # (a new array: ``a.T``, ``a.astype(np.float32)``)
            elif isinstance(x, (OpExpr, ComparisonExpr, UnaryExpr)):
                # (``a > 0.6``, ``-a``: a new array; ``a += 1`` is an assignment statement)
                kept.update(id(o) for o in (
                    x.operands if isinstance(x, ComparisonExpr) else
                    [x.expr] if isinstance(x, UnaryExpr) else [x.left, x.right]))
        targets = {id(s.lvalues[0]) for s in tree.defs if isinstance(s, AssignmentStmt)}
        for x in exprs:
            if isinstance(x, NameExpr) and x.name in found and id(x) not in kept | targets:
                del found[x.name]  # read some other way: it might be reshaped in place
        return found
    except Exception:  # noqa: BLE001 - a construct not modelled here: no arrays known
        return {}


_named_arrays = PerTree(_read_named_arrays, keep=64)
