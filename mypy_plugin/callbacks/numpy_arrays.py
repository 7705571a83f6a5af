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
of sizes that broadcast (``rng.random((N, N)) > 0.6``; ``np.arange(T)[:, None] <
np.arange(T)[None, :]``), ``np.maximum``/``np.minimum`` of two such arrays. Also the masks
and tables attention code builds: ``np.tril``/``np.triu`` (of a vector: a square),
``np.arange`` of int bounds, ``np.outer`` of two vectors, ``.reshape`` to int sizes, and an
index by full slices, ``None`` and ``...`` (``mask[:, :, None]``). A module-level name
bound once to one of these (or to an expression of such names) is read through, when it is
otherwise only indexed (``mask[0, 2] = 1.0``: never a new shape), read by those same forms
or passed to typedflux's or numpy's functions: nothing else can reshape it in place.

>>> numpy_array_shape(None, lambda e: None) is None
True
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt, CallExpr, ComparisonExpr, EllipsisExpr, Expression, FloatExpr, IndexExpr,
    IntExpr, ListExpr, MemberExpr, MypyFile, NameExpr, OpExpr, RefExpr, SliceExpr, TupleExpr,
    UnaryExpr,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import Instance, LiteralType, get_proper_type

from mypy_plugin.module_constants import bound_once
from mypy_plugin.statements import PerTree, checked_tree
from mypy_plugin.values import NotStatic, static_int
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.shape import broadcast_pair

__all__ = ["numpy_array_shape"]

_SHAPED = frozenset({"zeros", "ones", "empty", "full"})


def _numpy_made(e: Expression) -> bool:
    """Whether ``e`` may be an array of the forms read here (a call of numpy's or of a
    draw method in it): a module-level name bound to one is a candidate for :func:`_shape`."""
    return isinstance(e, (CallExpr, OpExpr, ComparisonExpr, MemberExpr, UnaryExpr)) and any(
        isinstance(x, CallExpr) and isinstance(x.callee, MemberExpr)
        and (_module_of(x.callee.expr) is not None or x.callee.name in _DRAWS)
        for x in [e, *get_subexpressions(e)])


def _from_named(e: Expression, found: Dict[str, Expression]) -> bool:
    """Whether ``e`` mentions arrays named before it (``decay = g[None, :] ** d``): a
    candidate like a numpy call's result (:func:`_shape` reads it, or gives None)."""
    return isinstance(e, (OpExpr, ComparisonExpr, IndexExpr, MemberExpr, UnaryExpr, CallExpr)) \
        and any(isinstance(x, NameExpr) and x.name in found for x in get_subexpressions(e))


def _argument(call: CallExpr, position: int, keyword: str) -> Optional[Expression]:
    for i, (a, n) in enumerate(zip(call.args, call.arg_names)):
        if n == keyword or (n is None and i == position and call.arg_kinds[i].is_positional()):
            return a
    return None


_NOT_A_SIZE = object()


def _int_argument(e: Optional[Expression], lookup: Any) -> object:
    """An argument typed ``int``: its value, ``None`` when not known statically;
    ``_NOT_A_SIZE`` for anything else (a tuple held in a name, a float)."""
    t = lookup(e) if e is not None else None
    p = get_proper_type(t) if t is not None else None
    if isinstance(p, LiteralType):
        p = p.fallback
    if e is None or not isinstance(p, Instance) or p.type.fullname != "builtins.int":
        return _NOT_A_SIZE
    v = static_int(e, lookup)
    return None if isinstance(v, NotStatic) else v


def _size(e: Optional[Expression], lookup: Any) -> object:
    """A size argument: its int, ``None`` for an int not known statically (or negative), or
    ``_NOT_A_SIZE`` (:func:`_int_argument`)."""
    v = _int_argument(e, lookup)
    return None if isinstance(v, int) and v < 0 else v


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
    if e is None or depth > 32:  # (a name read through names: each a few levels)
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
    if isinstance(e, IndexExpr):
        return _indexed(_shape(e.base, lookup, depth + 1), e.index)
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
    if module is None and callee.name == "reshape":
        return _reshaped(_shape(callee.expr, lookup, depth + 1), e.args, lookup)
    if module == "numpy" and callee.name in _ELEMENTWISE and len(e.args) >= 2:
        return _joined(e.args[0], e.args[1], lookup, depth)
    if module == "numpy" and callee.name in ("tril", "triu") and e.args:
        inner = _shape(e.args[0], lookup, depth + 1)  # (``k=``: the same shape)
        return inner * 2 if inner is not None and len(inner) == 1 else inner
    if module == "numpy" and callee.name == "outer" and len(e.args) == 2:
        a, b = (_shape(x, lookup, depth + 1) for x in e.args)
        return [_count(a), _count(b)] if a is not None and b is not None else None
    if module == "numpy" and callee.name == "arange":
        return _range(e, lookup)
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
    """The shape of an elementwise result of ``a`` and ``b``: numpy's broadcast of two arrays
    (:func:`_broadcast`), or one array and a number."""
    left, right = _shape(a, lookup, depth + 1), _shape(b, lookup, depth + 1)
    if left is not None and right is not None:
        return _broadcast(left, right)
    if left is not None and _number(b, lookup):
        return left
    if right is not None and _number(a, lookup):
        return right
    return None


def _is_none(e: Expression) -> bool:
    """Whether ``e`` is the literal ``None`` (a new axis in an index; no ``size``, no ``M``)."""
    return isinstance(e, NameExpr) and e.fullname == "builtins.None"


def _broadcast(left: Sizes, right: Sizes) -> Optional[Sizes]:
    """numpy's broadcast of two shapes whose sizes are all known (the run time's rule,
    ``broadcast_pair``); None where a size is unknown or the run would fail."""
    xs, ys = [n for n in left if n is not None], [n for n in right if n is not None]
    if len(xs) != len(left) or len(ys) != len(right):
        return None
    try:
        out = broadcast_pair(tuple(xs), tuple(ys), "broadcast")
    except ShapeError:
        return None  # (the run raises numpy's own error)
    return [d if isinstance(d, int) else None for d in out]


def _count(sizes: Sizes) -> Optional[int]:
    """How many items an array of ``sizes`` holds (``np.outer`` flattens its arguments)."""
    known = [n for n in sizes if n is not None]
    return math.prod(known) if len(known) == len(sizes) else None


def _indexed(sizes: Optional[Sizes], index: Expression) -> Optional[Sizes]:
    """An index by full slices (``:``), ``None`` (a new axis of 1) and one ``...``: the new
    sizes; None for any other index (a number or a bounded slice: not read here)."""
    if sizes is None:
        return None
    items = index.items if isinstance(index, TupleExpr) else [index]
    ellipses = sum(isinstance(i, EllipsisExpr) for i in items)
    kept = sum(isinstance(i, SliceExpr) for i in items)
    if ellipses > 1 or kept > len(sizes):
        return None
    out: List[Optional[int]] = []
    at = 0
    for item in items:
        if _is_none(item):
            out.append(1)
        elif isinstance(item, SliceExpr) and item.begin_index is None \
                and item.end_index is None and item.stride is None:
            out.append(sizes[at])
            at += 1
        elif isinstance(item, EllipsisExpr):
            rest = len(sizes) - kept
            out.extend(sizes[at:at + rest])
            at += rest
        else:
            return None
    return out + sizes[at:]


def _reshaped(sizes: Optional[Sizes], args: List[Expression], lookup: Any) -> Optional[Sizes]:
    """``a.reshape(K, K, 1, 1)`` (or a tuple, one ``-1``) of an array of known sizes."""
    total = _count(sizes) if sizes is not None else None
    if total is None or not args:
        return None
    items = args[0].items if len(args) == 1 and isinstance(args[0], TupleExpr) else args
    new = [static_int(i, lookup) for i in items]
    if any(isinstance(n, NotStatic) for n in new):
        return None
    ints = [n for n in new if isinstance(n, int)]
    if ints.count(-1) > 1 or any(n < -1 for n in ints):
        return None
    if -1 in ints:
        known = math.prod(n for n in ints if n != -1)
        if known == 0 or total % known:
            return None
        ints = [total // known if n == -1 else n for n in ints]
    return list(ints) if math.prod(ints) == total else None


def _range(call: CallExpr, lookup: Any) -> Optional[Sizes]:
    """``np.arange(n)``, ``np.arange(a, b)``, ``np.arange(a, b, step)``: one axis, of the number
    of values when every bound is an int known statically (a float bound, ``dtype=``: the
    size is not read, numpy's count may round)."""
    if not 1 <= len(call.args) <= 3 or any(n is not None for n in call.arg_names):
        return [None]
    bounds = [_int_argument(a, lookup) for a in call.args]
    ints = [b for b in bounds if isinstance(b, int)]
    if len(ints) != len(bounds):
        return [None]
    start, stop, step = (0, ints[0], 1) if len(ints) == 1 else (
        ints[0], ints[1], ints[2] if len(ints) == 3 else 1)
    if step == 0:
        return None  # (numpy's own error)
    return [max(0, -(-(stop - start) // step))]


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
    if size is None or _is_none(size):
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
    if m is not None and _is_none(m):
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
                    and (_numpy_made(s.rvalue) or _from_named(s.rvalue, found))):
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
            elif isinstance(x, MemberExpr) and x.name in ("T", "astype", "reshape"):
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
