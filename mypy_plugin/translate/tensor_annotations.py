"""``Tensor[...]`` in a type expression (semantic analysis): each dim checked and turned into
its mypy type (see the package's table); a malformed one is a ``shape-annotation`` error and
becomes ``Any``, so checking carries on.

>>> callable(analyze_tensor_annotation)  # exercised by tests/typecheck/case_annotations.py
True
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional

from mypy.nodes import TypeVarExpr, Var
from mypy.plugin import AnalyzeTypeContext
from mypy.types import (
    AnyType,
    EllipsisType,
    Instance,
    LiteralType,
    ProperType,
    RawExpressionType,
    TupleType,
    Type,
    TypeList,
    TypeOfAny,
    TypeVarType,
    UnboundType,
    UninhabitedType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin.codes import SHAPE_ANNOTATION
from mypy_plugin.final_dims import final_dim, may_be_int

from mypy_plugin.translate.common import any_type, dim_text, is_dim_var
from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Dim, Unknown, symbol_name, symbols, sym
from typedflux.shapes.parse import parse_dim

__all__ = [
    "analyze_tensor_annotation",
    "analyze_dim_arg",
]


_DIM_FORMS = (
    "an int, Literal[int], a Final int constant, a TypeVar bound to int, a string expression "
    "or int/Any"
)


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
        return Instance(info, [UnpackType(api.named_type("builtins.tuple", [any_type()]))])
    out: List[Type] = []
    unpacks = 0
    for arg in raw.args:
        t = analyze_dim_arg(ctx, arg)
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
                t = any_type(TypeOfAny.from_error)
        out.append(t)
    return Instance(info, out, raw.line, raw.column)


def _bad(ctx: AnalyzeTypeContext, message: str) -> AnyType:
    ctx.api.fail(message, ctx.context, code=SHAPE_ANNOTATION)
    return any_type(TypeOfAny.from_error)


def analyze_dim_arg(ctx: AnalyzeTypeContext, arg: Type) -> Type:
    """One unanalysed item of ``Tensor[...]`` (or of an alias of one: alias_applications.py)
    as a dim type: an int as its ``Literal``, a string as its expression, a ``Final`` int
    name as its value, a TypeVar as itself; a malformed one is reported and ``Any``."""
    api = ctx.api
    if isinstance(arg, RawExpressionType):
        value = arg.literal_value
        if arg.base_type_name == "builtins.str" and isinstance(value, str):
            return _string_dim(ctx, value)
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                return _bad(ctx, messages.negative_dim(value))
            return LiteralType(value, api.named_type("builtins.int", []))
        if isinstance(value, bool):
            shown = str(value)
        elif arg.base_type_name in ("builtins.float", "typing.Any", "builtins.complex"):
            # mypy keeps no text of a float, nor of an expression it cannot read as one value
            # (``2 * D``, an f-string, ``"1" + "1"``, an int past 64 bits): say what it may be
            shown = ('a float or an expression mypy keeps no value of (arithmetic outside '
                     'quotes, an f-string, strings joined by +, an int too large; write '
                     'arithmetic on sizes in quotes: Tensor[B, "2*D"], D a TypeVar or a Final '
                     'int constant)')
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
        return any_type(TypeOfAny.from_error)  # mypy has reported it (an unbound TypeVar, ...)
    if isinstance(t, LiteralType):
        if isinstance(t.value, str):
            return _string_dim(ctx, t.value)
        if isinstance(t.value, int) and not isinstance(t.value, bool) and t.value >= 0:
            return t
        return _bad(ctx, f"A Tensor dim must be {_DIM_FORMS}; got {t}")
    if isinstance(t, TypeVarType):
        if is_dim_var(t):
            return t
        return _bad(ctx, messages.dim_var_not_int(t.name))
    if isinstance(t, (AnyType, UnpackType, UninhabitedType)):
        return t
    if isinstance(t, Instance) and t.type.fullname == "builtins.int":
        return any_type()  # gradual: an unknown size
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
        first = parse_dim(text)
    except ValueError as err:
        return _bad(ctx, str(err))
    names: Dict[str, Dim] = {}
    for name in sorted(symbols(first)):
        # A TypeVar named only inside strings is not bound to this scope by mypy; it is still
        # a dim symbol (rigid by name here, bound per call by the call-site hook).
        if _lookup_typevar(ctx, name) is not None or _is_int_typevar_name(ctx, name):
            names[name] = sym(name)
        else:
            size = _final_size(ctx, name)  # a Final int constant: its size
            if size is not None:
                names[name] = size
    names.update({n: sym(n) for n in _tvars_in_scope(ctx)})
    try:
        d = parse_dim(text, names)
    except ValueError as err:
        return _bad(ctx, str(err))
    if isinstance(d, int):
        return LiteralType(d, api.named_type("builtins.int", []))
    if isinstance(d, Unknown):
        return any_type()
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
        return binding if is_dim_var(binding) else None
    return None  # not bound in this scope: the caller keeps the string form


def _tvars_in_scope(ctx: AnalyzeTypeContext) -> List[str]:
    names: List[str] = []
    scope = getattr(ctx.api, "tvar_scope", None)
    while scope is not None:
        for tv in getattr(scope, "scope", {}).values():
            if isinstance(tv, TypeVarType) and is_dim_var(tv):
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


def _final_size(ctx: AnalyzeTypeContext, name: str) -> Optional[Dim]:
    """The size a ``Final`` int constant ``name`` holds, for a dim written in a string
    (``Tensor[B, "3*D_MODEL"]``, ``"D_MODEL//N_HEAD"``): its value, ``UNKNOWN`` for a
    ``Final`` int known only at run time, ``None`` when ``name`` is no such constant (a
    TypeVar, a name not defined: the string's own rules decide). The run time reads the
    constant from the module the same way (typedflux/shapecheck_constants.py)."""
    lookup = getattr(getattr(ctx, "api", None), "lookup_qualified", None)
    sym = lookup(name, ctx.context, suppress_errors=True) if lookup is not None else None
    node = getattr(sym, "node", None)
    if not isinstance(node, Var) or not node.is_final:
        return None
    value = node.final_value
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    if value is None and may_be_int(node.type):
        return UNKNOWN  # (``Final[int] = int(...)``, ``Final = len(chars)``: final_dims.py)
    return None
