"""Python values of expressions, given what names hold: the evaluator under ``flow.py``.

A value is an ``int``, ``bool``, ``str``, ``float`` or ``None``, a ``tuple`` of values, a
:class:`Seq` (a list: its items so far, a new ``Seq`` per change, so an environment can be
copied cheaply), an :class:`Item` (a value only mypy can type: a layer appended to a list, with
its type), a :class:`Record` (an object's attributes: a model's ``self`` while its
``__init__`` runs, a config passed to it) or :data:`NOT_STATIC`. ``Env`` maps a name's
``Var`` to its value; a name not in it is read from its type (a ``Literal``, a ``Final``, a
module constant: ``values.py``).

Only what Python computes the same way every run is evaluated: literals, ``+ - * // %``,
``+ - * /`` with a float (a float is only a factor: ``int``, ``round``, ``math.ceil`` and
``math.floor`` of it give a size, ``int(dim * 4.0)``), comparisons, ``and``/``or``/``not``,
indexing and slicing, ``range``, ``zip``, ``enumerate``, ``len``, ``list``, ``tuple``,
``reversed``, ``min``, ``max``, ``sum``, a conditional expression, an attribute of a
:class:`Record` (else a class or config constant: ``values.py``) and one an inner model's
construction left (``self.patch_embed.num_patches``: :attr:`Item.attrs`). Anything else is
NOT_STATIC. Every name read in a way that cannot
change or leak a list (an index, an argument of those builtins, a loop's iterable) is
recorded in ``safe``: ``flow.py`` treats any other read of a list as the list escaping.

Why this module is long: it is one evaluator (:func:`evaluate`) with the value kinds it
returns and the operators and builtins it folds (ints, floats rounded to sizes, sequences);
split, each part would import the others' private readers.

>>> from mypy.nodes import IntExpr, OpExpr
>>> evaluate(OpExpr("+", IntExpr(2), IntExpr(3)), {}, lambda e: None, set())
5
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Set, Tuple, Union

from mypy.nodes import (
    ARG_POS,
    ARG_STAR,
    CallExpr,
    ComparisonExpr,
    ConditionalExpr,
    FloatExpr,
    GeneratorExpr,
    ListComprehension,
    Expression,
    IndexExpr,
    IntExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    SliceExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.types import Type

from typedflux.shapes.layer_config import is_int

__all__ = [
    "NOT_STATIC", "NotStatic", "Seq", "Item", "Record", "ConfigRecord", "ClassRecord", "Env",
    "evaluate", "int_op", "iterate", "safe_reads", "sizes_call",
    "MAX_ITEMS",
]

MAX_ITEMS = 256  # longer sequences (a range(10_000)) are not unrolled: NOT_STATIC


class NotStatic:
    """Marker: the value is only known at run time (one marker for the whole plugin:
    ``mypy_plugin.values`` reads values through it too).

    >>> NOT_STATIC
    NOT_STATIC
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_STATIC"


NOT_STATIC = NotStatic()


@dataclass(frozen=True)
class Item:
    """A value typed by mypy, not computed here (a layer built in a loop), and the
    expression that built it (where a message about it points). ``attrs``: what a model
    instance holds, when the run knew its construction's arguments (``self.mlp =
    SwiGLU(d)`` while ``Block(24)``'s ``__init__`` runs: flow_instances.py).

    >>> Item(None, None).expr is None  # type: ignore[arg-type]
    True
    """

    type: Type
    expr: Expression
    attrs: Optional[Dict[str, Any]] = field(default=None, compare=False)


@dataclass(frozen=True)
class Seq:
    """A list's items (values or :class:`Item`), as the run holds them at one point.

    >>> Seq((1, 2)).items
    (1, 2)
    """

    items: Tuple[Any, ...]


@dataclass(frozen=True)
class Record:
    """An object's attributes as the run holds them at one point (a new ``Record`` per
    change): a model's ``self`` while its ``__init__`` runs, a config passed to it.

    >>> Record((("d", 3),)).get("d"), Record(()).get("d")
    (3, NOT_STATIC)
    """

    fields: Tuple[Tuple[str, Any], ...]

    def get(self, name: str) -> Any:
        for key, v in self.fields:
            if key == name:
                return v
        return NOT_STATIC

    def set(self, name: str, v: Any) -> "Record":
        return Record(tuple((k, x) for k, x in self.fields if k != name) + ((name, v),))


@dataclass(frozen=True)
class ConfigRecord(Record):
    """A config instance's int fields (``instance_constants.config_fields``: none of them
    assigned anywhere in the module): unlike the Record of a model's ``self``, a copy is as
    good as the object, so an attribute may hold it (``self.cfg = cfg``: flow_records.py).

    >>> ConfigRecord((("d", 3),)).get("d")
    3
    """


@dataclass(frozen=True)
class ClassRecord(Record):
    """A model class of the module held in a name (``block`` of ``_make_layer(self, block,
    planes)`` given ``BasicBlock``): its constant class attributes (``block.expansion``:
    class_constants.init_constants) and the class itself (``info``: ``block(...)`` builds
    one, flow_instances.py). A change of an attribute makes it a plain :class:`Record`.

    >>> ClassRecord((("expansion", 4),)).get("expansion")
    4
    """

    info: Any = None


Env = Dict[Var, Any]
Lookup = Callable[[Expression], Any]  # a name's value when it is not in the Env


def _known(v: Any) -> bool:
    if isinstance(v, (NotStatic, Item, Record)):
        return False
    if isinstance(v, tuple):
        return all(_known(i) for i in v)
    if isinstance(v, Seq):
        return all(_known(i) for i in v.items)
    return True


def _items(v: Any) -> Optional[Tuple[Any, ...]]:
    """The items of a sequence value (a tuple, a list), else None."""
    if isinstance(v, tuple):
        return v
    if isinstance(v, Seq):
        return v.items
    return None


def iterate(v: Any) -> Optional[Tuple[Any, ...]]:
    """What a ``for`` over the value ``v`` binds, in order (None: not known, or too long).

    >>> iterate((1, 2)), iterate(NOT_STATIC)
    ((1, 2), None)
    """
    items = _items(v)
    if items is None or len(items) > MAX_ITEMS:
        return None
    return items


def evaluate(e: Expression, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    """The value of ``e`` (NOT_STATIC when not known before run time)."""
    try:
        return _eval(e, env, lookup, safe)
    except (ArithmeticError, ValueError, TypeError, IndexError, RecursionError):
        return NOT_STATIC  # the run would raise here: nothing is claimed


def _eval(e: Expression, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    if isinstance(e, IntExpr):
        return e.value
    if isinstance(e, StrExpr):
        return e.value
    if isinstance(e, FloatExpr):
        return e.value  # (``exp_ratio: float = 6.0``: only ever a factor, rounded to a size)
    if isinstance(e, NameExpr):
        if e.fullname in _CONSTANTS:
            return _CONSTANTS[e.fullname]
        if isinstance(e.node, Var) and e.node in env:
            return env[e.node]
        return lookup(e)
    if isinstance(e, (TupleExpr, ListExpr)):
        items = tuple(_eval(i, env, lookup, safe) for i in e.items)
        return items if isinstance(e, TupleExpr) else Seq(items)
    if isinstance(e, UnaryExpr):
        v = _eval(e.expr, env, lookup, safe)
        if e.op == "not":
            t = truth(v)
            return NOT_STATIC if t is None else not t
        if is_int(v):
            return -v if e.op == "-" else v if e.op == "+" else NOT_STATIC
        return NOT_STATIC
    if isinstance(e, OpExpr):
        return _binary(e, env, lookup, safe)
    if isinstance(e, ComparisonExpr):
        return _compare(e, env, lookup, safe)
    if isinstance(e, ConditionalExpr):
        cond = truth(_eval(e.cond, env, lookup, safe))
        if cond is None:
            return NOT_STATIC
        return _eval(e.if_expr if cond else e.else_expr, env, lookup, safe)
    if isinstance(e, IndexExpr):
        return _index(e, env, lookup, safe)
    if isinstance(e, CallExpr):
        return _call(e, env, lookup, safe)
    if isinstance(e, MemberExpr):
        base = _eval(e.expr, env, lookup, safe) if (isinstance(e.expr, NameExpr) and isinstance(
            e.expr.node, Var) and e.expr.node in env) or isinstance(e.expr, MemberExpr) else None
        if isinstance(base, Record):
            return base.get(e.name)
        if isinstance(base, Item) and base.attrs is not None and e.name in base.attrs:
            # ``self.patch_embed.num_patches``: what the inner model's construction left
            # (only what that run alone binds: flow_instances.py)
            return base.attrs[e.name]
        return lookup(e)  # ``Config.n_embd``, ``cfg.d_in`` of a module's config (values.py)
    return NOT_STATIC


def truth(v: Any) -> Optional[bool]:
    """Python's truth of a value the run knows exactly (None, a bool, an int, a str, a
    tuple); None for any other (a list may still change, an object may define ``__bool__``).
    ``if not mid_channels: mid_channels = out_channels`` of a parameter left at ``None``
    takes its branch.

    >>> truth(None), truth(0), truth("relu"), truth(()), truth(NOT_STATIC)
    (False, False, True, False, None)
    """
    if v is None or isinstance(v, (bool, int, str, tuple)):
        return bool(v)
    return None


_CONSTANTS = {"builtins.True": True, "builtins.False": False, "builtins.None": None}


def int_op(op: str, a: int, b: int) -> Union[int, NotStatic]:
    """``a op b`` of two known ints as Python computes it; NOT_STATIC for another operator,
    where the run would raise (a zero divisor) or for a power of more than 256 bits (no huge
    folding). ``mypy_plugin.values.static_int`` folds through it too.

    >>> int_op("//", 7, 2), int_op("**", 2, 10), int_op("%", 1, 0)
    (3, 1024, NOT_STATIC)
    """
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op in ("//", "%") and b != 0:
        return a // b if op == "//" else a % b
    if op == "**" and 0 <= b and abs(a).bit_length() * b <= 256:
        return int(a**b)
    return NOT_STATIC


_FLOAT_OPS = ("+", "-", "*", "/")


def _number(v: Any) -> bool:
    """An int size or a float (not a bool): an operand of :func:`_float_op`."""
    return is_int(v) or type(v) is float


def _float_op(op: str, a: Union[int, float], b: Union[int, float]) -> Any:
    """``a op b`` with a float among them (``in_chs * 6.0``), or ``a / b`` (a float too), as
    Python computes it; NOT_STATIC where the run would raise or the result is not finite. A
    float is never a size itself: only ``int()``, ``round()``,
    ``math.ceil``/``floor`` of it give one (:func:`_rounded`).

    >>> _float_op("*", 16, 6.0), _float_op("/", 1, 0)
    (96.0, NOT_STATIC)
    """
    try:
        v = a + b if op == "+" else a - b if op == "-" else a * b if op == "*" else a / b
    except (ArithmeticError, ValueError):
        return NOT_STATIC
    return v if math.isfinite(v) else NOT_STATIC


def _operand(e: Expression, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    """A value read where a list cannot leak (an operand that is copied)."""
    if isinstance(e, (NameExpr, MemberExpr)):
        safe.add(id(e))
    return _eval(e, env, lookup, safe)


def _binary(e: OpExpr, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    if e.op in ("and", "or"):
        a = _eval(e.left, env, lookup, safe)
        t = truth(a)
        if t is None:
            return NOT_STATIC
        if (e.op == "and") != t:  # ``False and x``, ``m or out``: the right side is not run
            return a
        return _eval(e.right, env, lookup, safe)  # (Python's value: ``None or 64`` is 64)
    a, b = _operand(e.left, env, lookup, safe), _operand(e.right, env, lookup, safe)
    if is_int(a) and is_int(b) and e.op != "/":
        return int_op(e.op, a, b)
    if _number(a) and _number(b) and e.op in _FLOAT_OPS:
        return _float_op(e.op, a, b)
    ia, ib = _items(a), _items(b)
    if e.op == "+" and ia is not None and ib is not None and type(a) is type(b):
        return a + b if isinstance(a, tuple) else Seq(ia + ib)
    if e.op == "*" and ia is not None and is_int(b) and 0 <= b and len(ia) * b <= MAX_ITEMS:
        return ia * b if isinstance(a, tuple) else Seq(ia * b)
    return NOT_STATIC


def _compare(e: ComparisonExpr, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    values = [_eval(o, env, lookup, safe) for o in e.operands]
    if not all(_known(v) for v in values):
        return NOT_STATIC
    for op, a, b in zip(e.operators, values, values[1:]):
        if op in ("is", "is not"):
            if not (a is None or b is None):
                return NOT_STATIC
            ok = (a is b) == (op == "is")
        elif op in ("==", "!="):
            ok = (a == b) == (op == "==")
        elif op in ("<", "<=", ">", ">=") and is_int(a) and is_int(b):
            ok = a < b if op == "<" else a <= b if op == "<=" else a > b if op == ">" else a >= b
        elif op in ("in", "not in") and _items(b) is not None:
            ok = (a in _items(b)) == (op == "in")  # type: ignore[operator]
        else:
            return NOT_STATIC
        if not ok:
            return False
    return True


def _index(e: IndexExpr, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    base = _operand(e.base, env, lookup, safe)
    items = _items(base)
    if items is None:
        return NOT_STATIC
    if isinstance(e.index, SliceExpr):
        bounds: List[Optional[int]] = []
        for b in (e.index.begin_index, e.index.end_index, e.index.stride):
            v = None if b is None else _eval(b, env, lookup, safe)
            if v is not None and not is_int(v):
                return NOT_STATIC
            bounds.append(v)
        part = items[slice(*bounds)]
        return part if isinstance(base, tuple) else Seq(part)
    i = _eval(e.index, env, lookup, safe)
    if not is_int(i) or not -len(items) <= i < len(items):
        return NOT_STATIC
    return items[i]


def rounds(e: CallExpr) -> bool:
    """Whether ``e`` is ``int(x)``, ``round(x)``, ``math.ceil(x)`` or ``math.floor(x)`` of one
    argument: a number rounded to an int (:func:`_rounded`).

    >>> rounds(CallExpr(NameExpr("f"), [], [], []))
    False
    """
    return isinstance(e.callee, RefExpr) and e.callee.fullname in _ROUNDINGS and \
        e.arg_kinds == [ARG_POS]


def sizes_call(e: CallExpr) -> bool:
    """Whether ``e`` is a call :func:`evaluate` may fold to a size that mypy types only
    ``int``: a rounding (:func:`rounds`), or ``max``/``min`` (``max(1, int(c * 0.25))``)."""
    return rounds(e) or (isinstance(e.callee, NameExpr) and e.callee.fullname in (
        "builtins.max", "builtins.min") and all(k == ARG_POS for k in e.arg_kinds))


def _call(e: CallExpr, env: Env, lookup: Lookup, safe: Set[int]) -> Any:
    if rounds(e) and isinstance(e.callee, RefExpr):
        return _rounded(_ROUNDINGS[e.callee.fullname], e.args[0], env, lookup, safe)
    if not isinstance(e.callee, NameExpr) or any(k != ARG_POS for k in e.arg_kinds):
        return NOT_STATIC
    name = e.callee.fullname
    fn = _BUILTINS.get(name)
    if fn is None:
        return NOT_STATIC
    args = [_operand(a, env, lookup, safe) for a in e.args]
    if not all(_known(a) or _items(a) is not None for a in args):
        return NOT_STATIC
    return fn(args)


def _rounded(fn: Callable[[Any], int], arg: Expression, env: Env, lookup: Lookup,
             safe: Set[int]) -> Any:
    """``int(8 * d / 3)``, ``math.ceil(n / 2)``, ``round(w / 4)``, ``int(in_chs * 6.0)``: a
    float computed from known numbers (:func:`_float_op`) rounded back to an int, as Python
    computes it; or such a call of a known int."""
    v = _eval(arg, env, lookup, safe)
    return fn(v) if _number(v) else NOT_STATIC


_ROUNDINGS: Dict[str, Callable[[Any], int]] = {
    "builtins.int": int, "builtins.round": round, "math.ceil": math.ceil,
    "math.floor": math.floor,
}


def _range(args: List[Any]) -> Any:
    if not 1 <= len(args) <= 3 or not all(is_int(a) for a in args):
        return NOT_STATIC
    r = range(*args)
    return tuple(r) if len(r) <= MAX_ITEMS else NOT_STATIC


def _zip(args: List[Any]) -> Any:
    seqs = [_items(a) for a in args]
    if not seqs or any(s is None for s in seqs):
        return NOT_STATIC
    return tuple(zip(*seqs))


def _enumerate(args: List[Any]) -> Any:
    items = _items(args[0]) if args else None
    start = args[1] if len(args) == 2 else 0
    if items is None or len(args) > 2 or not is_int(start):
        return NOT_STATIC
    return tuple((start + i, v) for i, v in enumerate(items))


def _one_seq(fn: Callable[[Tuple[Any, ...]], Any]) -> Callable[[List[Any]], Any]:
    def apply(args: List[Any]) -> Any:
        items = _items(args[0]) if len(args) == 1 else None
        return NOT_STATIC if items is None else fn(items)

    return apply


def _seq_or_args(fn: Callable[[Tuple[Any, ...]], Any]) -> Callable[[List[Any]], Any]:
    """``max(xs)`` of one sequence, or ``max(1, c // 4)`` of several arguments."""
    def apply(args: List[Any]) -> Any:
        items = _items(args[0]) if len(args) == 1 else tuple(args)
        return NOT_STATIC if items is None else fn(items)

    return apply


def _ints(fn: Callable[[Tuple[int, ...]], int]) -> Callable[[Tuple[Any, ...]], Any]:
    def apply(items: Tuple[Any, ...]) -> Any:
        if not items or not all(is_int(i) for i in items):
            return NOT_STATIC
        return fn(items)

    return apply


_BUILTINS: Dict[str, Callable[[List[Any]], Any]] = {
    "builtins.range": _range,
    "builtins.zip": _zip,
    "builtins.enumerate": _enumerate,
    "builtins.len": _one_seq(len),
    "builtins.list": _one_seq(lambda items: Seq(items)),
    "builtins.tuple": _one_seq(lambda items: items),
    "builtins.reversed": _one_seq(lambda items: items[::-1]),
    "builtins.min": _seq_or_args(_ints(min)),
    "builtins.max": _seq_or_args(_ints(max)),
    "builtins.sum": _one_seq(_ints(sum)),
}


_CHAINS = ("typedflux.layers.containers.Chain", "typedflux.Chain")


def safe_reads(exprs: List[Expression]) -> Set[int]:
    """The names among ``exprs`` read where a list can be neither changed nor kept: an
    index or slice base, an operand of ``+``/``*``/a comparison, an argument of the
    builtins above, ``*layers`` in a ``Chain(...)``, a comprehension's sequence."""
    out: Set[int] = set()
    for x in exprs:
        parts: List[Expression] = []
        if isinstance(x, IndexExpr):
            parts = [x.base]
        elif isinstance(x, OpExpr) and x.op in ("+", "*"):
            parts = [x.left, x.right]
        elif isinstance(x, ComparisonExpr):
            parts = list(x.operands)
        elif isinstance(x, CallExpr) and isinstance(x.callee, NameExpr):
            if x.callee.fullname in _BUILTINS:
                parts = list(x.args)
            elif x.callee.fullname in _CHAINS:
                parts = [a for a, k in zip(x.args, x.arg_kinds) if k == ARG_STAR]
        elif isinstance(x, (ListComprehension, GeneratorExpr)):
            g = x.generator if isinstance(x, ListComprehension) else x
            parts = list(g.sequences)
        out.update(id(p) for p in parts if isinstance(p, (NameExpr, MemberExpr)))
    return out
