"""mypy types and expressions -> shapes and dims (type checking): a Tensor type's shape, a
type's or an argument expression's dim (folding int arithmetic, reading ``x.shape[i]``), the
TypeVars met on the way (:class:`Names`, so computed dims map back to them).

>>> from mypy.types import AnyType, TypeOfAny
>>> shape_of(AnyType(TypeOfAny.special_form)) is None, dim_of_type(AnyType(TypeOfAny.special_form))
(True, ?)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Union

from mypy.maptype import map_instance_to_supertype
from mypy.nodes import Expression, IndexExpr, IntExpr, MemberExpr, OpExpr, UnaryExpr
from mypy.types import (
    AnyType,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    TypeVarTupleType,
    TypeVarType,
    UninhabitedType,
    UnionType,
    UnpackType,
    get_proper_type,
    has_type_vars,
)

from mypy_plugin.per_build import forget_each_build
from mypy_plugin.translate.common import (
    CARRIED, StaticShape, TENSOR_FULLNAME, is_dim_var, is_int_bound,
)
from mypy_plugin.values import final_int, redeclared
from typedflux.shapes.dims import UNKNOWN, Dim, Star, equal, symbols, sym
from typedflux.shapes.parse import parse_dim

__all__ = [
    "Names",
    "collect_names",
    "is_tensor",
    "shape_of",
    "joined_shape",
    "dim_of_type",
    "carried_dim",
    "operand_shape",
    "data_shape",
    "TypeLookup",
    "dim_of_expr",
    "string_dim_symbols",
    "argument_dim_symbols",
    "bare_typevar_names",
    "tensor_pattern",
]


@dataclass
class Names:
    """TypeVars met while reading types, so computed dims map back to the same TypeVars.

    >>> Names().tvars
    {}
    """

    tvars: Dict[str, TypeVarType] = field(default_factory=dict)
    tvtuples: Dict[str, TypeVarTupleType] = field(default_factory=dict)


def collect_names(types: Sequence[Type], names: Names) -> None:
    """Record the TypeVars and TypeVarTuples appearing (shallowly) in Tensor types.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> names = Names(); collect_names([AnyType(TypeOfAny.special_form)], names); names.tvars
    {}
    """
    for t in types:
        if isinstance(t, (TypeVarType, TypeVarTupleType)):
            _note_var(t, names)
        p = get_proper_type(t)
        if isinstance(p, Instance):
            for a in p.args:
                _note_var(a, names)


def _note_var(t: Type, names: Names) -> None:
    if isinstance(t, TypeVarType):
        names.tvars.setdefault(t.name, t)
    elif isinstance(t, UnpackType) and isinstance(t.type, TypeVarTupleType):
        names.tvtuples.setdefault(t.type.name, t.type)
    elif isinstance(t, TypeVarTupleType):
        names.tvtuples.setdefault(t.name, t)


def is_tensor(t: Type) -> bool:
    """Whether ``t`` is (a subclass of) ``Tensor``.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> is_tensor(AnyType(TypeOfAny.special_form))
    False
    """
    p = get_proper_type(t)
    return isinstance(p, Instance) and p.type.has_base(TENSOR_FULLNAME)


def shape_of(t: Type, names: Optional[Names] = None) -> Optional[StaticShape]:
    """The static shape of a ``Tensor`` type, or ``None`` when ``t`` is not a Tensor.

    Unreadable dims become ``UNKNOWN``; ``Tensor[*tuple[Any, ...]]`` is ``(Star(None),)``.
    >>> from mypy.types import AnyType, TypeOfAny
    >>> shape_of(AnyType(TypeOfAny.special_form)) is None  # not a Tensor: nothing to read
    True
    """
    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return None
    try:
        read = _READ[p]
    except KeyError:
        read = _read(p)
        if p.type.mro and not has_type_vars(p):  # (analysed: its bases no longer change)
            _READ[p] = read
    except TypeError:  # (a type that does not hash: read each time)
        read = _read(p)
    if read is _NOT_TENSOR:
        return None
    if read is _SUBCLASS:
        # A subclass: the dims it passes up to Tensor, with its own type arguments filled in.
        tensor_info = next(i for i in p.type.mro if i.fullname == TENSOR_FULLNAME)
        return shape_of(map_instance_to_supertype(p, tensor_info), names)
    if names is not None:
        collect_names([p], names)
    return read  # type: ignore[return-value]


# What each Instance read so far in this build is (~46k reads of ~5k distinct Tensor types
# over the examples and snapshot cases): not a Tensor, a subclass, or a Tensor's shape.
# mypy's types hash and compare by what they are: an Instance by its class, arguments,
# literal value and extra attributes; a Literal by its value and fallback. A type holding a
# TypeVar is not kept: TypeVars compare by id, which two nested defs' N and M may share (one
# would print the other's name). Forgotten with every other
# per-build answer (per_build.clear, from the plugin's set_modules).
_READ: Dict[Instance, object] = {}
forget_each_build(_READ)
_NOT_TENSOR = object()
_SUBCLASS = object()


def _read(p: Instance) -> object:
    if not p.type.has_base(TENSOR_FULLNAME):
        return _NOT_TENSOR
    if p.type.fullname != TENSOR_FULLNAME:
        return _SUBCLASS
    out: List[Union[Dim, Star]] = []
    for a in p.args:
        if not _append_arg(a, out):
            return None
    if sum(isinstance(d, Star) for d in out) > 1:
        return None
    return tuple(out)


def joined_shape(t: Type, names: Optional[Names] = None) -> Optional[StaticShape]:
    """The shape every member of a union of tensors has (a variable a loop rebinds:
    ``Tensor[1, 3] | Tensor[1, 4]`` is ``(1, ?)``): an axis all members agree on keeps its
    dim, any other is unknown; members of several ranks keep only the axes they share from
    the end, after an unknown run. A shape error it gives holds for every member. A type
    that is not a union: :func:`shape_of`; None when a member is not a tensor.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> joined_shape(AnyType(TypeOfAny.special_form)) is None
    True
    """
    p = get_proper_type(t)
    if not isinstance(p, UnionType):
        return shape_of(t, names)
    shapes = [shape_of(m, names) for m in p.items]
    if not shapes or any(s is None for s in shapes):
        return None
    return _join([s for s in shapes if s is not None])


def _join(shapes: List[StaticShape]) -> StaticShape:
    def same(a: Union[Dim, Star], b: Union[Dim, Star]) -> bool:
        if isinstance(a, Star) or isinstance(b, Star):
            return isinstance(a, Star) and isinstance(b, Star) and a.name == b.name \
                and a.name is not None
        return equal(a, b) is True

    def axis(ds: List[Union[Dim, Star]]) -> Union[Dim, Star]:
        return ds[0] if all(same(ds[0], d) for d in ds[1:]) else UNKNOWN

    first = shapes[0]
    stars = [tuple(i for i, d in enumerate(s) if isinstance(d, Star)) for s in shapes]
    if all(len(s) == len(first) and st == stars[0] for s, st in zip(shapes, stars)) and all(
            same(first[i], s[i]) for s in shapes for i in stars[0]):
        return tuple(axis([s[i] for s in shapes]) for i in range(len(first)))
    tail = min(len(s) - (st[-1] + 1 if st else 0) for s, st in zip(shapes, stars))
    out: List[Union[Dim, Star]] = [Star(None)]
    for i in range(tail, 0, -1):
        out.append(axis([s[-i] for s in shapes]))
    return tuple(out)


def _append_arg(a: Type, out: List[Union[Dim, Star]]) -> bool:
    if isinstance(a, UnpackType):
        inner = get_proper_type(a.type)
        if isinstance(inner, TypeVarTupleType):
            out.append(Star(inner.name))
        elif isinstance(inner, TupleType):
            for item in inner.items:
                if not _append_arg(item, out):
                    return False
        else:
            out.append(Star(None))
        return True
    d = dim_of_type(a, default=UNKNOWN, in_tensor=True)
    out.append(UNKNOWN if d is None else d)  # (a size 0 is a size: ``params[32:]`` of 32)
    return True


def dim_of_type(t: Type, default: Optional[Dim] = None, strings: bool = True,
                in_tensor: bool = False) -> Optional[Dim]:
    """A dim from a type: ``Literal[3]``/``Literal['2*N']``/TypeVar; ``int``/``Any`` unknown.

    Returns ``default`` for a type that is not a dim at all (a str, a Tensor, a union).
    ``strings=False`` for a call argument: there a ``str`` is a str, not a dim expression.
    ``in_tensor`` for a ``Tensor[...]`` argument: there an unbounded TypeVar is a dim too
    (elsewhere it is any value: ``identity(x: T) -> T``).
    >>> from mypy.types import AnyType, TypeOfAny
    >>> dim_of_type(AnyType(TypeOfAny.special_form))
    ?
    """
    dim_var = is_dim_var if in_tensor else is_int_bound
    if isinstance(t, TypeVarType):
        return sym(t.name) if dim_var(t) else default
    p = get_proper_type(t)
    if isinstance(p, TypeVarType):
        return sym(p.name) if dim_var(p) else default
    if isinstance(p, LiteralType):
        return _dim_of_literal(p.value, default, strings)
    if isinstance(p, Instance):
        if p.last_known_value is not None:
            return _dim_of_literal(p.last_known_value.value, default, strings)
        if p.type.fullname == "builtins.int":
            return carried_dim(p)
        return default
    if isinstance(p, AnyType):
        return UNKNOWN
    if isinstance(p, UninhabitedType):
        return UNKNOWN
    if isinstance(p, UnionType):
        return UNKNOWN if all(_intish(i) for i in p.items) else default
    return default


def carried_dim(p: Instance) -> Dim:
    """The dim an ``int`` type carries (see :func:`carry_dim`), else unknown."""
    extra = p.extra_attrs.attrs.get(CARRIED) if p.extra_attrs is not None else None
    text = get_proper_type(extra) if extra is not None else None
    if isinstance(text, LiteralType) and isinstance(text.value, str):
        try:
            return parse_dim(text.value)
        except ValueError:
            return UNKNOWN
    return UNKNOWN


def _intish(t: Type) -> bool:
    p = get_proper_type(t)
    if isinstance(p, LiteralType):
        return isinstance(p.value, int) and not isinstance(p.value, bool)
    return isinstance(p, (TypeVarType, AnyType)) or (
        isinstance(p, Instance) and p.type.fullname == "builtins.int"
    )


def _dim_of_literal(value: object, default: Optional[Dim], strings: bool) -> Optional[Dim]:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str) and strings:
        try:
            return parse_dim(value)
        except ValueError:
            return UNKNOWN
    return default


def operand_shape(t: Type, names: Optional[Names] = None) -> Optional[StaticShape]:
    """Shape of an op operand: a Tensor's shape, ``()`` for a number (Python's or numpy's),
    else ``None``.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> operand_shape(AnyType(TypeOfAny.special_form)) is None
    True
    """
    s = shape_of(t, names)
    if s is not None:
        return s
    p = get_proper_type(t)
    if isinstance(p, LiteralType):
        p = p.fallback
    if isinstance(p, Instance) and (p.type.fullname in (
        "builtins.int",
        "builtins.float",
        "builtins.bool",
        "builtins.complex",
    ) or any(p.type.has_base(n) for n in ("numpy.number", "numpy.bool_", "numpy.bool"))):
        return ()  # (a numpy scalar, np.float32(0.5), is a number too)
    return None


def data_shape(t: Type, names: Optional[Names] = None) -> Optional[StaticShape]:
    """The shape numpy gives data of type ``t``: a Tensor's own, ``()`` for a number, one
    unknown dim per level of a homogeneous ``list``/``Sequence`` (``list[list[int]]`` is
    ``(?, ?)``), the length of a fixed tuple; ``None`` for anything else.

    >>> from mypy.types import AnyType, TypeOfAny
    >>> data_shape(AnyType(TypeOfAny.special_form)) is None  # an array of unknown rank
    True
    """
    s = operand_shape(t, names)
    if s is not None:
        return s
    p = get_proper_type(t)
    if isinstance(p, TupleType):
        items = [data_shape(i, names) for i in p.items]
        if not items or any(i is None for i in items) or len(set(items)) != 1:
            return None
        first = items[0]
        return None if first is None else (len(items), *first)
    if isinstance(p, Instance) and len(p.args) == 1 and p.type.has_base("typing.Sequence"):
        inner = data_shape(p.args[0], names)
        return None if inner is None else (UNKNOWN, *inner)
    return None


TypeLookup = Callable[[Expression], Optional[Type]]


def _small_power(base: int, exponent: int) -> bool:
    """``base ** exponent`` is an int worth folding: exponent >= 0, at most 256 bits."""
    return 0 <= exponent and abs(base).bit_length() * exponent <= 256


def dim_of_expr(
    e: Expression, lookup: TypeLookup, names: Optional[Names] = None
) -> Optional[Dim]:
    """A dim from an argument expression, folding int arithmetic and reading ``x.shape[i]``.

    ``None`` when the expression is not a size at all (the caller bails out).
    >>> from mypy.nodes import IntExpr, OpExpr
    >>> dim_of_expr(OpExpr("*", OpExpr("*", IntExpr(16), IntExpr(5)), IntExpr(5)), lambda e: None)
    400
    """
    if isinstance(e, IntExpr):
        return e.value
    if isinstance(e, UnaryExpr) and e.op == "-":
        inner = dim_of_expr(e.expr, lookup, names)
        return None if inner is None else -inner
    if isinstance(e, OpExpr) and e.op in ("+", "-", "*", "//"):
        left = dim_of_expr(e.left, lookup, names)
        right = dim_of_expr(e.right, lookup, names)
        if left is None or right is None:
            return None
        if e.op == "//":
            if isinstance(right, int) and right <= 0:
                return None
            return left // right
        if e.op == "+":
            return left + right
        if e.op == "-":
            return left - right
        return left * right
    if isinstance(e, OpExpr) and e.op == "**":  # ``2 ** 3``: ints only, exponent >= 0
        left, right = dim_of_expr(e.left, lookup, names), dim_of_expr(e.right, lookup, names)
        if isinstance(left, int) and isinstance(right, int) and _small_power(left, right):
            return int(left**right)
    if isinstance(e, IndexExpr) and isinstance(e.base, MemberExpr) and e.base.name == "shape":
        d = _shape_index(e, lookup, names)
        if d is not None:
            return d
    t = lookup(e)
    if t is not None and isinstance(get_proper_type(t), Instance):
        value = final_int(e, lookup)  # ``Cfg.D`` with ``D: Final[int] = 64``: typed ``int``, known
        if isinstance(value, int):
            return value
    if t is None:
        return None
    if redeclared(e, lookup):
        return UNKNOWN  # (mypy's type keeps the first binding's literal: values.redeclared)
    if names is not None:
        collect_names([t], names)
    return dim_of_type(t, strings=False)


def _shape_index(e: IndexExpr, lookup: TypeLookup, names: Optional[Names]) -> Optional[Dim]:
    assert isinstance(e.base, MemberExpr)
    owner = lookup(e.base.expr)
    if owner is None:
        return None
    shape = shape_of(owner, names)
    if shape is None:
        return None
    idx = e.index
    if isinstance(idx, IntExpr):
        i = idx.value
    elif isinstance(idx, UnaryExpr) and idx.op == "-" and isinstance(idx.expr, IntExpr):
        i = -idx.expr.value
    else:
        return None
    stars = [k for k, d in enumerate(shape) if isinstance(d, Star)]
    if stars and (i >= stars[0] if i >= 0 else i < stars[0] - len(shape)):
        return None  # the index lands inside or beyond a variadic run
    if not -len(shape) <= i < len(shape):
        return None
    d = shape[i]
    return None if isinstance(d, Star) else d


def argument_dim_symbols(t: Type) -> frozenset[str]:
    """Symbols named inside the string dims among ``t``'s type arguments (a user generic
    class over dims: ``Seq[B, "N + 1"]`` gives ``N``); empty for anything else.

    >>> argument_dim_symbols(AnyType(TypeOfAny.special_form))
    frozenset()
    """
    p = get_proper_type(t)
    return frozenset(_literal_symbols(p.args)) if isinstance(p, Instance) else frozenset()


def _literal_symbols(args: Sequence[Type]) -> set[str]:
    """Symbols named in the string dims (``Literal['2*N']``) among ``args`` (text that is no
    dim names none)."""
    out: set[str] = set()
    for a in args:
        q = get_proper_type(a)
        if isinstance(q, LiteralType) and isinstance(q.value, str):
            try:
                out |= symbols(parse_dim(q.value))
            except ValueError:
                continue
    return out


def string_dim_symbols(types: Sequence[Type]) -> frozenset[str]:
    """Symbols named inside string dims (``Literal['2*N']``) of the Tensor types given.

    >>> string_dim_symbols([])
    frozenset()
    """
    out: set[str] = set()
    for t in types:
        p = get_proper_type(t)
        if isinstance(p, Instance) and p.type.fullname == TENSOR_FULLNAME:
            out |= _literal_symbols(p.args)
        elif isinstance(p, Instance) and p.args:
            out |= string_dim_symbols(
                [a for a in p.args if not isinstance(a, UnpackType)]
            )
        elif isinstance(p, (TupleType, UnionType)):
            out |= string_dim_symbols(p.items)
    return frozenset(out)


def bare_typevar_names(types: Sequence[Type]) -> frozenset[str]:
    """Names of the int-bound TypeVars that appear as whole dims (mypy can infer those).

    >>> bare_typevar_names([])
    frozenset()
    """
    out: set[str] = set()
    for t in types:
        if isinstance(t, TypeVarType):
            out.add(t.name)
            continue
        p = get_proper_type(t)
        if isinstance(p, Instance):
            out |= bare_typevar_names([a for a in p.args if not isinstance(a, UnpackType)])
        elif isinstance(p, (TupleType, UnionType)):
            out |= bare_typevar_names(p.items)
    return frozenset(out)


def tensor_pattern(t: Type) -> Optional[StaticShape]:
    """The shape a parameter annotation asks for, when it says anything about dims.

    ``None`` for non-Tensors and for ``Tensor``/``Tensor[*tuple[Any, ...]]`` (nothing to bind).
    >>> from mypy.types import AnyType, TypeOfAny
    >>> tensor_pattern(AnyType(TypeOfAny.special_form)) is None
    True
    """
    s = shape_of(t)
    if s is None or s == (Star(None),):
        return None
    return s
