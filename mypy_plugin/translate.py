"""mypy types <-> typedflux dims: the ONLY plugin module that knows both worlds.

How a dim lives inside a mypy type (docs/internals.md):

=====================  ==========================================
dim                    mypy type
=====================  ==========================================
``784``                ``LiteralType(784)`` (fallback ``int``)
``B``                  ``TypeVarType`` (a TypeVar bound to ``int``)
``2*N``                ``LiteralType("2*N")``: the normal form's text
unknown (``int``)      ``AnyType`` (gradual: never a mismatch)
``*Bs``                ``UnpackType(TypeVarTupleType)``
=====================  ==========================================

Everything here is total: a type that cannot be read gives ``None`` (the caller then keeps
mypy's default type), never an exception and never a guess.

>>> from typedflux.shapes.dims import sym
>>> dim_text(sym("N") * 2)
'2*N'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from mypy.nodes import (
    Expression,
    IndexExpr,
    IntExpr,
    MemberExpr,
    OpExpr,
    TypeVarExpr,
    UnaryExpr,
)
from mypy.maptype import map_instance_to_supertype
from mypy.plugin import AnalyzeTypeContext
from mypy.types import (
    AnyType,
    EllipsisType,
    ExtraAttrs,
    Instance,
    LiteralType,
    ProperType,
    RawExpressionType,
    TupleType,
    Type,
    TypeList,
    TypeOfAny,
    TypeVarTupleType,
    TypeVarType,
    UnboundType,
    UninhabitedType,
    UnionType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin.codes import SHAPE_ANNOTATION
from mypy_plugin.final_dims import final_dim
from mypy_plugin.values import final_int
from typedflux.shapes.dims import UNKNOWN, Dim, Expr, Star, Unknown, evaluate, symbol_name, symbols, sym
from typedflux.shapes.parse import parse_dim

__all__ = [
    "TENSOR_FULLNAME",
    "UNKNOWN",
    "Star",
    "StaticShape",
    "Names",
    "analyze_tensor_annotation",
    "shape_of",
    "operand_shape",
    "data_shape",
    "dim_of_type",
    "dim_of_expr",
    "dim_text",
    "type_of_shape",
    "collect_names",
]

TENSOR_FULLNAME = "typedflux.tensor.Tensor"

StaticShape = Tuple[Union[Dim, Star], ...]
"""A static shape: dims with at most one ``Star`` (a ``*Bs`` run)."""


def dim_text(d: Dim) -> str:
    """The text a symbolic dim is stored under in ``Literal['...']`` (its normal form).

    >>> from typedflux.shapes.dims import sym
    >>> dim_text(sym("N") + sym("N") + 1)
    '2*N + 1'
    """
    return str(d)


def _parse(text: str, names: Optional[Mapping[str, Dim]] = None) -> Dim:
    return parse_dim(text, names)


# ---------------------------------------------------------------------------------------
# Annotations: Tensor[...] in a type expression (semantic analysis)
# ---------------------------------------------------------------------------------------

_DIM_FORMS = (
    "an int, Literal[int], a Final int constant, a TypeVar bound to int, a string expression "
    "or int/Any"
)


def _is_int_bound(tv: TypeVarType) -> bool:
    bound = get_proper_type(tv.upper_bound)
    return isinstance(bound, Instance) and bound.type.has_base("builtins.int")


def analyze_tensor_annotation(ctx: AnalyzeTypeContext, fullname: str) -> Type:
    """Turn the unanalysed ``Tensor[...]`` in ``ctx`` into an ``Instance`` with dim args.

    Malformed dims are reported with code ``shape-annotation`` and become ``Any`` so that
    checking carries on. (Analysing the whole type with ``ctx.api.analyze_type`` would call
    this hook again forever, so the ``Instance`` is built here.)
    >>> callable(analyze_tensor_annotation)  # exercised by tests/typecheck/case_*.py
    True
    """
    api = ctx.api
    info = api.named_type(fullname, []).type
    raw = ctx.type
    if not raw.args:
        if raw.empty_tuple_index:
            return Instance(info, [], raw.line, raw.column)  # Tensor[()]: a scalar
        # Bare ``Tensor``: any rank, as mypy reads an unparameterised variadic generic.
        return Instance(info, [UnpackType(api.named_type("builtins.tuple", [_any()]))])
    out: List[Type] = []
    unpacks = 0
    for arg in raw.args:
        t = _analyze_dim_arg(ctx, arg)
        if isinstance(t, UnpackType) and isinstance(get_proper_type(t.type), TupleType):
            inner = get_proper_type(t.type)
            assert isinstance(inner, TupleType)
            out.extend(inner.items)  # Unpack[Tuple[A, B]] is just the dims A, B
            continue
        if isinstance(t, UnpackType):
            unpacks += 1
            if unpacks > 1:
                api.fail(
                    "A Tensor can hold only one variadic run of dims (*Bs)",
                    ctx.context,
                    code=SHAPE_ANNOTATION,
                )
                t = _any(TypeOfAny.from_error)
        out.append(t)
    return Instance(info, out, raw.line, raw.column)


def _any(kind: int = TypeOfAny.special_form) -> AnyType:
    return AnyType(kind)


def _bad(ctx: AnalyzeTypeContext, message: str) -> AnyType:
    ctx.api.fail(message, ctx.context, code=SHAPE_ANNOTATION)
    return _any(TypeOfAny.from_error)


def _analyze_dim_arg(ctx: AnalyzeTypeContext, arg: Type) -> Type:
    api = ctx.api
    if isinstance(arg, RawExpressionType):
        value = arg.literal_value
        if arg.base_type_name == "builtins.str" and isinstance(value, str):
            return _string_dim(ctx, value)
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                return _bad(ctx, f"A dim is a size and cannot be negative: got {value}")
            return LiteralType(value, api.named_type("builtins.int", []))
        if isinstance(value, bool):
            shown = str(value)
        elif arg.base_type_name in ("builtins.float", "typing.Any", "builtins.complex"):
            shown = "a number that is not an int"  # mypy does not keep a float's text
        else:
            shown = arg.simple_name()
        return _bad(ctx, f"A Tensor dim must be {_DIM_FORMS}; got {shown}")
    if isinstance(arg, (TupleType, TypeList)):
        inner = ", ".join(str(i).replace("?", "") for i in arg.items)
        return _bad(
            ctx,
            f"Tensor dims are listed directly, not as a tuple: write Tensor[{inner}]",
        )
    if isinstance(arg, EllipsisType):
        return _bad(
            ctx, "Tensor[...] does not take \"...\"; for leading batch dims use *Bs (a TypeVarTuple)"
        )
    named = final_dim(ctx, arg)  # ``Tensor[B, D_MODEL]`` with ``D_MODEL: Final = 64``
    if named is not None:
        return named
    analysed = _analyze(ctx, arg)
    return _check_analysed(ctx, arg, get_proper_type(analysed))


def _analyze(ctx: AnalyzeTypeContext, arg: Type) -> Type:
    # As mypy analyses the args of any generic Instance: nested, with ``Unpack``/``*Bs``
    # allowed (the public ``analyze_type`` rejects an unpack outside a variadic position).
    anal = getattr(ctx.api, "anal_type", None)
    if anal is not None:
        result: Type = anal(arg, nested=True, allow_unpack=True)
        return result
    return ctx.api.analyze_type(arg)


def _check_analysed(ctx: AnalyzeTypeContext, arg: Type, t: ProperType) -> Type:
    api = ctx.api
    if isinstance(t, UnboundType):
        return _any(TypeOfAny.from_error)  # mypy has reported it (an unbound TypeVar, ...)
    if isinstance(t, LiteralType):
        if isinstance(t.value, str):
            return _string_dim(ctx, t.value)
        if isinstance(t.value, int) and not isinstance(t.value, bool) and t.value >= 0:
            return t
        return _bad(ctx, f"A Tensor dim must be {_DIM_FORMS}; got {t}")
    if isinstance(t, TypeVarType):
        if _is_int_bound(t):
            return t
        return _bad(
            ctx,
            f'Type variable "{t.name}" is used as a dim but is not bound to int; '
            f'declare it as {t.name} = TypeVar("{t.name}", bound=int)',
        )
    if isinstance(t, (AnyType, UnpackType, UninhabitedType)):
        return t
    if isinstance(t, Instance) and t.type.fullname == "builtins.int":
        return _any()  # gradual: an unknown size
    return _bad(ctx, f"A Tensor dim must be {_DIM_FORMS}; got {t}")


def _string_dim(ctx: AnalyzeTypeContext, text: str) -> Type:
    """A dim written as a string: parsed, names resolved to TypeVars, kept in normal form."""
    api = ctx.api
    stripped = text.strip()
    if stripped.isdigit():
        api.fail(
            f'A dim in quotes is an expression; for a plain size write {stripped}, not "{text}"',
            ctx.context,
            code=SHAPE_ANNOTATION,
        )
        return LiteralType(int(stripped), api.named_type("builtins.int", []))
    try:
        first = _parse(text)
    except ValueError as err:
        return _bad(ctx, str(err))
    names: Dict[str, Dim] = {}
    for name in sorted(symbols(first)):
        # A TypeVar named only inside strings is not bound to this scope by mypy; it is still
        # a dim symbol (rigid by name here, bound per call by the call-site hook).
        if _lookup_typevar(ctx, name) is not None or _is_int_typevar_name(ctx, name):
            names[name] = sym(name)
    names.update({n: sym(n) for n in _tvars_in_scope(ctx)})
    try:
        d = _parse(text, names)
    except ValueError as err:
        return _bad(ctx, str(err))
    if isinstance(d, int):
        return LiteralType(d, api.named_type("builtins.int", []))
    if isinstance(d, Unknown):
        return _any()
    bare = symbol_name(d)
    if bare is not None:
        tv = _lookup_typevar(ctx, bare)
        if tv is not None:
            return tv
    return LiteralType(dim_text(d), api.named_type("builtins.str", []))




def _lookup_typevar(ctx: AnalyzeTypeContext, name: str) -> Optional[TypeVarType]:
    """The int-bound TypeVar ``name`` refers to here, if any (bound in scope or not)."""
    lookup: Optional[Callable[..., object]] = getattr(ctx.api, "lookup_qualified", None)
    if lookup is None:
        return None
    node = lookup(name, ctx.context, suppress_errors=True)
    target = getattr(node, "node", None)
    if not isinstance(target, TypeVarExpr):
        return None
    scope = getattr(ctx.api, "tvar_scope", None)
    binding = scope.get_binding(node) if scope is not None else None
    if isinstance(binding, TypeVarType):
        return binding if _is_int_bound(binding) else None
    return None  # not bound in this scope: the caller keeps the string form


def _tvars_in_scope(ctx: AnalyzeTypeContext) -> List[str]:
    names: List[str] = []
    scope = getattr(ctx.api, "tvar_scope", None)
    while scope is not None:
        for tv in getattr(scope, "scope", {}).values():
            if isinstance(tv, TypeVarType) and _is_int_bound(tv):
                names.append(tv.name)
        scope = getattr(scope, "parent", None)
    return names


def _is_int_typevar_name(ctx: AnalyzeTypeContext, name: str) -> bool:
    """Whether ``name`` names an int-bound TypeVar, bound in this scope or not."""
    lookup: Optional[Callable[..., object]] = getattr(ctx.api, "lookup_qualified", None)
    node = lookup(name, ctx.context, suppress_errors=True) if lookup is not None else None
    target = getattr(node, "node", None)
    if not isinstance(target, TypeVarExpr):
        return False
    bound = get_proper_type(target.upper_bound)
    return isinstance(bound, Instance) and bound.type.has_base("builtins.int")


# ---------------------------------------------------------------------------------------
# Types -> shapes (type checking)
# ---------------------------------------------------------------------------------------


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
    if not isinstance(p, Instance) or not p.type.has_base(TENSOR_FULLNAME):
        return None
    if p.type.fullname != TENSOR_FULLNAME:
        # A subclass: the dims it passes up to Tensor, with its own type arguments filled in.
        tensor_info = next(i for i in p.type.mro if i.fullname == TENSOR_FULLNAME)
        return shape_of(map_instance_to_supertype(p, tensor_info), names)
    if names is not None:
        collect_names([p], names)
    out: List[Union[Dim, Star]] = []
    for a in p.args:
        if not _append_arg(a, out):
            return None
    if sum(isinstance(d, Star) for d in out) > 1:
        return None
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
    out.append(dim_of_type(a, default=UNKNOWN) or UNKNOWN)
    return True


def dim_of_type(t: Type, default: Optional[Dim] = None, strings: bool = True) -> Optional[Dim]:
    """A dim from a type: ``Literal[3]``/``Literal['2*N']``/TypeVar; ``int``/``Any`` unknown.

    Returns ``default`` for a type that is not a dim at all (a str, a Tensor, a union).
    ``strings=False`` for a call argument: there a ``str`` is a str, not a dim expression.
    >>> from mypy.types import AnyType, TypeOfAny
    >>> dim_of_type(AnyType(TypeOfAny.special_form))
    ?
    """
    if isinstance(t, TypeVarType):
        return sym(t.name) if _is_int_bound(t) else default
    p = get_proper_type(t)
    if isinstance(p, TypeVarType):
        return sym(p.name) if _is_int_bound(p) else default
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


CARRIED = "__typedflux_dim__"
"""The extra attribute of an ``int`` type read from ``x.shape`` that holds the dim's text
(``b, n = x.shape`` of ``Tensor[B, "4*N"]`` gives ``n: int``, and ``n // 2`` is ``2*N``)."""


def carry_dim(int_type: Instance, d: Dim, str_type: Instance) -> Instance:
    """``int``, remembering that its value is the dim ``d`` (a private extra attribute).

    >>> callable(carry_dim)  # exercised by tests/typecheck/case_reshape.py
    True
    """
    out = int_type.copy_modified()
    out.extra_attrs = ExtraAttrs({CARRIED: LiteralType(dim_text(d), str_type)}, {CARRIED}, None)
    return out


def carried_dim(p: Instance) -> Dim:
    """The dim an ``int`` type carries (see :func:`carry_dim`), else unknown."""
    extra = p.extra_attrs.attrs.get(CARRIED) if p.extra_attrs is not None else None
    text = get_proper_type(extra) if extra is not None else None
    if isinstance(text, LiteralType) and isinstance(text.value, str):
        try:
            return _parse(text.value)
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
            return _parse(value)
        except ValueError:
            return UNKNOWN
    return default


def operand_shape(t: Type, names: Optional[Names] = None) -> Optional[StaticShape]:
    """Shape of an op operand: a Tensor's shape, ``()`` for a Python number, else ``None``.

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
    if isinstance(p, Instance) and p.type.fullname in (
        "builtins.int",
        "builtins.float",
        "builtins.bool",
        "builtins.complex",
    ):
        return ()
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


# ---------------------------------------------------------------------------------------
# Expressions -> dims (arguments such as ``x.reshape(x.shape[0], 16*5*5)``)
# ---------------------------------------------------------------------------------------

TypeLookup = Callable[[Expression], Optional[Type]]


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
    if isinstance(e, IndexExpr) and isinstance(e.base, MemberExpr) and e.base.name == "shape":
        d = _shape_index(e, lookup, names)
        if d is not None:
            return d
    t = lookup(e)
    if t is not None and isinstance(get_proper_type(t), Instance):
        value = final_int(e)  # ``Cfg.D`` with ``D: Final[int] = 64``: typed ``int``, known
        if isinstance(value, int):
            return value
    if t is None:
        return None
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


# ---------------------------------------------------------------------------------------
# Shapes -> types
# ---------------------------------------------------------------------------------------


def type_of_dim(d: Dim, names: Names, int_type: Instance, str_type: Instance) -> Type:
    """The mypy type standing for a dim (see the table in the module docstring).

    >>> type_of_dim(UNKNOWN, Names(), None, None)  # type: ignore[arg-type]
    Any
    """
    if isinstance(d, Unknown):
        return _any()
    if isinstance(d, int):
        if d < 0:
            return _any()
        return LiteralType(d, int_type)
    bare = symbol_name(d)
    if bare is not None and bare in names.tvars:
        return names.tvars[bare]
    return LiteralType(dim_text(d), str_type)


def type_of_shape(
    shape: Sequence[Union[Dim, Star]],
    template: Instance,
    names: Names,
    int_type: Instance,
    str_type: Instance,
    tuple_any: Instance,
) -> Instance:
    """``Tensor[<dims of shape>]``, built on ``template`` (an Instance of Tensor).

    >>> callable(type_of_shape)  # exercised by tests/typecheck/case_*.py
    True
    """
    args: List[Type] = []
    for d in shape:
        if isinstance(d, Star):
            if d.name is not None and d.name in names.tvtuples:
                args.append(UnpackType(names.tvtuples[d.name]))
            else:
                args.append(UnpackType(tuple_any))
        else:
            args.append(type_of_dim(d, names, int_type, str_type))
    return template.copy_modified(args=args)


def shape_str(shape: Sequence[Union[Dim, Star]]) -> str:
    """Debug text for a static shape (messages use the shapes package's own builder).

    >>> shape_str((Star("Bs"), sym("N") * 2, 3))
    '(*Bs, 2*N, 3)'
    """
    return "(" + ", ".join(repr(d) if isinstance(d, Star) else str(d) for d in shape) + ")"



def substitute_type(
    t: Type,
    dims: Mapping[str, Dim],
    stars: Mapping[str, Tuple[Union[Dim, Star], ...]],
    names: Names,
    int_type: Instance,
    str_type: Instance,
    tuple_any: Instance,
    unsolved: frozenset[str] = frozenset(),
) -> Type:
    """``t`` with bound dim symbols replaced: TypeVars, ``Literal['2*N']`` and ``*Bs`` runs.

    Used at a call of a user function whose signature has symbolic dims: the bindings come
    from unifying the arguments' shapes (``typedflux.shapes.bind``). Symbols in
    ``unsolved`` (the callee's, left unbound) make a string dim unknown (``Any``): mypy could
    not solve them either, and a ``Literal['2*N']`` left behind would be a false mismatch.
    >>> from mypy.types import AnyType, TypeOfAny
    >>> t = AnyType(TypeOfAny.special_form)
    >>> substitute_type(t, {}, {}, Names(), None, None, None) is t  # type: ignore[arg-type]
    True
    """
    env: Dict[str, Dim] = dict(dims)
    env.update({n: UNKNOWN for n in unsolved if n not in dims})

    def dim_type(d: Dim) -> Type:
        return type_of_dim(d, names, int_type, str_type)

    def sub_dim_arg(a: Type) -> List[Type]:
        if isinstance(a, UnpackType):
            inner = get_proper_type(a.type)
            if isinstance(inner, TypeVarTupleType) and inner.name in stars:
                out: List[Type] = []
                for d in stars[inner.name]:
                    if isinstance(d, Star):
                        if d.name is not None and d.name in names.tvtuples:
                            out.append(UnpackType(names.tvtuples[d.name]))
                        else:
                            out.append(UnpackType(tuple_any))
                    else:
                        out.append(dim_type(d))
                return out
            return [a]
        if isinstance(a, TypeVarType) and a.name in env:
            return [dim_type(env[a.name])]
        p = get_proper_type(a)
        if isinstance(p, LiteralType) and isinstance(p.value, str):
            try:
                d = _parse(p.value)
            except ValueError:
                return [a]
            if symbols(d) & set(env):
                return [dim_type(_evaluate(d, env))]
        return [a]

    def go(x: Type) -> Type:
        if isinstance(x, TypeVarType):
            return dim_type(env[x.name]) if x.name in env and _is_int_bound(x) else x
        p = get_proper_type(x)
        if isinstance(p, Instance):
            if p.type.fullname == TENSOR_FULLNAME:
                new_args: List[Type] = []
                for a in p.args:
                    new_args.extend(sub_dim_arg(a))
                return p.copy_modified(args=new_args)
            if p.args and not any(isinstance(a, UnpackType) for a in p.args):
                return p.copy_modified(args=[go(a) for a in p.args])
            return x
        if isinstance(p, TupleType):
            return p.copy_modified(
                items=[i if isinstance(i, UnpackType) else go(i) for i in p.items]
            )
        if isinstance(p, UnionType):
            return UnionType.make_union([go(i) for i in p.items], p.line, p.column)
        return x

    return go(t)


def _evaluate(d: Dim, env: Mapping[str, Dim]) -> Dim:
    return evaluate(d, env)


def string_dim_symbols(types: Sequence[Type]) -> frozenset[str]:
    """Symbols named inside string dims (``Literal['2*N']``) of the Tensor types given.

    >>> string_dim_symbols([])
    frozenset()
    """
    out: set[str] = set()
    for t in types:
        p = get_proper_type(t)
        if isinstance(p, Instance) and p.type.fullname == TENSOR_FULLNAME:
            for a in p.args:
                q = get_proper_type(a)
                if isinstance(q, LiteralType) and isinstance(q.value, str):
                    try:
                        out |= symbols(_parse(q.value))
                    except ValueError:
                        continue
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
