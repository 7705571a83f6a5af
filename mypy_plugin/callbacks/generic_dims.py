"""Arguments of a user generic class over dims: ``class Matrix(Generic[R, C])`` holding a
``Tensor[R, C]``, with ``def matmul(self, other: Matrix[C, K]) -> Matrix[R, K]``.

mypy compares such arguments as types: ``a.matmul(b)`` with ``a: Matrix[3, 4]`` and
``b: Matrix[3, 5]`` is its ``[arg-type]`` in ``Literal[...]`` words, and nothing says which
dim is wrong. Here the call's dims are bound as ``@shapecheck`` binds a tensor's
(``typedflux.shapes.bind.Bindings``): the receiver's type arguments first (``argument
"self"`` gives ``R = 3, C = 4``), then each parameter whose annotation is such a class, so
the error names the dim and both values, with code ``shape``:
``Dim "C" differs for "Matrix.matmul": argument "self" gives C = 4, argument "other" gives
C = 3; need one size for C (4 vs 3)``. A type argument written as a size in the
annotation (``Matrix[Literal[3], Literal[4]]``) that differs is
``messages.type_argument_mismatch``.

Only classes whose every type parameter is an ``int``-bound TypeVar are read (their type
arguments are all dims); a type argument that is not known (``int``, ``Any``) proves nothing
and makes mypy's own comparison of that argument silent (``Matrix[int, 4]`` is not a shape
error). Two different symbols are not proven different (they may be equal at a call):
mypy's own error stays there.

The run time does not know a generic instance's type arguments (Python erases them), so no
``@shapecheck`` can check these calls: the method's body fails where it first uses the
mismatched tensors, in that op's words (docs/errors.md, "Generic classes over dims").

>>> callable(generic_dims_check)
True
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Set, Tuple, Union

from mypy.maptype import map_instance_to_supertype
from mypy.nodes import (
    ARG_NAMED, ARG_NAMED_OPT, ARG_OPT, ARG_POS, ARG_STAR, ARG_STAR2, CallExpr, Decorator,
    Expression, FuncDef, StarExpr, TypeInfo,
)
from mypy.expandtype import expand_type
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    TypeVarTupleType,
    TypeVarType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, substitution_types
from mypy_plugin.callbacks.generic_applications import DIM, RUN, positions, sized_class
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import CannotTell, ShapeError

__all__ = ["generic_dims_check", "type_dims", "dims_class", "never_dims_class", "clear_memo",
           "bind_class_arguments", "receiver_result", "result_symbols"]

SigContext = Union[FunctionSigContext, MethodSigContext]
_KINDS = (ARG_POS, ARG_OPT, ARG_NAMED, ARG_NAMED_OPT, ARG_STAR)  # (``*args``: each value)


def _unpacked(ctx: SigContext, e: Expression) -> bool:
    """Whether ``e`` is passed as ``*xs`` or ``**d`` in the call."""
    call = ctx.context
    if isinstance(call, CallExpr):
        for j, a in enumerate(call.args):
            if a is e:
                return call.arg_kinds[j] in (ARG_STAR, ARG_STAR2)
    return False


def dims_class(info: TypeInfo) -> bool:
    """Whether every type parameter of ``info`` is an ``int``-bound TypeVar (not a Tensor)."""
    tvs = info.defn.type_vars
    return bool(tvs) and not info.has_base(translate.TENSOR_FULLNAME) and all(
        isinstance(tv, TypeVarType) and translate.is_int_bound(tv) for tv in tvs)


def never_dims_class(info: TypeInfo) -> bool:
    """Whether ``info`` can never be a class an annotation gives sizes to, whatever is settled
    later in the build: every type parameter is one that holds no size (a ParamSpec, or a
    TypeVar bound to a class whose MRO is computed and is no ``int``: a bound not analysed
    yet is a placeholder, and a class's MRO is computed once all its bases are known), so it
    never becomes an int-bound TypeVar. (A TypeVarTuple takes sizes: ``Array[1, *Shape]``.)
    The plugin keeps that answer of its type-analyze hook for the build.

    >>> from mypy.nodes import Block, ClassDef, TypeInfo
    >>> never_dims_class(TypeInfo({}, ClassDef("C", Block([])), "m"))  # (no type parameter)
    True
    """
    for tv in info.defn.type_vars:
        if isinstance(tv, TypeVarTupleType):
            return False
        if not isinstance(tv, TypeVarType):
            continue
        bound = get_proper_type(tv.upper_bound)
        if not (isinstance(bound, Instance) and bound.type.mro
                and not bound.type.has_base("builtins.int")):
            return False
    return True


def type_dims(t: Type, info: Optional[TypeInfo] = None
              ) -> Optional[Tuple[TypeInfo, translate.StaticShape]]:
    """The class and dims of an instance of a generic class over dims (seen as ``info``, a
    base of its class, when given); ``None`` for any other type."""
    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return None
    if info is not None and p.type is not info:
        if not p.type.has_base(info.fullname):
            return None
        p = map_instance_to_supertype(p, info)
    if not dims_class(p.type) or len(p.args) != len(p.type.defn.type_vars):
        return None
    return p.type, tuple(translate.dim_of_type(a, default=translate.UNKNOWN) or translate.UNKNOWN
                         for a in p.args)


def _unbound(ctx: SigContext) -> Optional[Tuple[CallableType, int]]:
    """The callee's signature as written (a method's class dims not filled in by the
    receiver) and how many leading parameters the call does not pass (``self``; a class
    called, ``Seq(first, second)``, passes none to its ``__init__``)."""
    sig = ctx.default_signature
    defn = sig.definition
    if isinstance(defn, Decorator):  # (``@tf.shapecheck``: the decorated type, as written)
        written_type = get_proper_type(defn.var.type) if defn.var.type is not None else None
        name = defn.func.name
    elif isinstance(defn, FuncDef):
        written_type, name = defn.type, defn.name
    else:
        return None
    if not isinstance(written_type, CallableType):
        return None
    written = written_type
    skip = len(written.arg_types) - len(sig.arg_types)
    method = isinstance(ctx, MethodSigContext)
    if skip not in (0, 1) or (skip == 1 and not method and name != "__init__"):
        return None
    return written, skip


# Written parameter types of which none is a generic class over dims, for one build (most
# calls' are): such a call returns at once. Cleared by the plugin's set_modules.
_NONE: Set[Tuple[Type, ...]] = set()


def clear_memo() -> None:
    """Forget the signatures kept for the last build (the plugin's ``set_modules``).

    >>> clear_memo()
    """
    _NONE.clear()


def generic_dims_check(ctx: SigContext, name: str) -> Optional[CallableType]:
    """Bind the dims of a call's generic-class arguments (see the module docstring): the
    signature to hand mypy when this module has something to say (a reported mismatch, or a
    type argument it cannot compare), else ``None`` (mypy's own check stands)."""
    found = _unbound(ctx)
    if found is None:
        return None
    written, skip = found
    if skip == 1 and isinstance(ctx, MethodSigContext) and _string_result(written):
        # ``s.shifted()`` for ``def shifted(self) -> Seq[B, "N - 1"]``: mypy fills in the
        # receiver's ``B`` and ``N``, never the ``N`` in a string: the receiver binds it.
        receiver = _receiver(ctx, written)
        plain_args = not any(type_dims(f) for f in written.arg_types[1:])
        if receiver is None and plain_args:
            # (a receiver whose sizes are not read: its own dims in a string result are
            # unknown, never its ``N`` left)
            self_type = get_proper_type(written.arg_types[0])
            own_dims = frozenset(a.name for a in self_type.args if isinstance(
                a, TypeVarType) and translate.is_int_bound(a)) if isinstance(
                    self_type, Instance) else frozenset()
            ret = _unknown_dims(ctx, ctx.default_signature.ret_type, own_dims)
            if ret is not None:
                return ctx.default_signature.copy_modified(ret_type=ret)
        elif receiver is not None and plain_args:
            env = Bindings(name)
            try:
                env.bind('argument "self"', receiver[0], receiver[1])
            except (CannotTell, ShapeError):
                return None
            ret = _bound_result(ctx, _with_receiver_types(ctx, written), env,
                                _own(written))  # (its own N)
            return None if ret is None else ctx.default_signature.copy_modified(ret_type=ret)
    formals = tuple(written.arg_types[skip:])
    try:
        if formals in _NONE:
            return None
    except TypeError:  # (a type that does not hash: read each time)
        pass
    wanted = [(i, td) for i, td in enumerate(type_dims(f) for f in formals) if td is not None]
    if not wanted:
        try:
            _NONE.add(formals)
        except TypeError:
            pass
        return None
    sig = ctx.default_signature
    env = Bindings(name)
    # (with the receiver bound, the result is the written one: mypy's already holds the
    # receiver's sizes, and binding them again would apply ``N := 2*N`` twice)
    result_of, own_symbols = sig, frozenset[str]()
    if skip == 1 and isinstance(ctx, MethodSigContext):
        receiver = _receiver(ctx, written)
        if receiver is not None:
            env.bind('argument "self"', receiver[0], receiver[1])
            result_of, own_symbols = _with_receiver_types(ctx, written), _own(written)
    own = {v.name for v in sig.variables}
    arg_types: List[Type] = list(sig.arg_types)
    changed = False
    for i, (info, pattern) in wanted:
        if i >= len(ctx.args) or i >= len(sig.arg_types) or sig.arg_kinds[i] not in _KINDS:
            continue
        star = sig.arg_kinds[i] == ARG_STAR
        name_i = sig.arg_names[i] or f"#{i + 1}"
        for k, e in enumerate(ctx.args[i]):
            if isinstance(e, StarExpr) or _unpacked(ctx, e):
                break  # ``*xs``/``**d``: which values land here is not known
            label = f"{name_i}[{k}]" if star else name_i
            with ctx.api.msg.filter_errors(filter_revealed_type=True):
                t = ctx.api.get_expression_type(e)
            actual = type_dims(t, info)
            if actual is None:
                continue
            try:
                env.bind_type_arguments(label, info.name, pattern, actual[1])
            except CannotTell:
                continue
            except ShapeError as err:
                report_shape_error(ctx.api, err, e)
                arg_types[i] = AnyType(TypeOfAny.special_form)  # not repeated as [arg-type]
                return sig.copy_modified(arg_types=arg_types)
            loosened = None if star else _loosened(sig.arg_types[i], t, info, own)
            if loosened is not None:
                arg_types[i] = loosened
                changed = True
    ret = _bound_result(ctx, result_of, env, own_symbols)
    if ret is not None:
        return sig.copy_modified(arg_types=arg_types, ret_type=ret)
    return sig.copy_modified(arg_types=arg_types) if changed else None


def bind_class_arguments(ctx: SigContext, sig: CallableType, env: Bindings
                         ) -> Optional[Tuple[int, ShapeError, Expression]]:
    """Bind into ``env`` the type arguments of each argument given to a parameter whose
    annotation is a generic class over dims, for a call whose other parameters are tensors
    (``step(c: Cache[B, N], k: Tensor[B, 1, 8]) -> Cache[B, "N + 1"]``: calls.py binds the
    tensors, and the result's ``N + 1`` needs ``N``); the first mismatch as (parameter,
    error, argument), else None."""
    for i, formal in enumerate(sig.arg_types):
        td = type_dims(formal)
        if td is None or i >= len(ctx.args) or sig.arg_kinds[i] not in _KINDS:
            continue
        info, pattern = td
        star = sig.arg_kinds[i] == ARG_STAR
        name_i = sig.arg_names[i] or f"#{i + 1}"
        for k, e in enumerate(ctx.args[i]):
            if isinstance(e, StarExpr) or _unpacked(ctx, e):
                break  # ``*xs``/``**d``: which values land here is not known
            with ctx.api.msg.filter_errors(filter_revealed_type=True):
                actual = type_dims(ctx.api.get_expression_type(e), info)
            if actual is None:
                continue
            try:
                env.bind_type_arguments(f"{name_i}[{k}]" if star else name_i, info.name,
                                        pattern, actual[1])
            except CannotTell:
                continue
            except ShapeError as err:
                return i, err, e
    return None


def receiver_result(ctx: SigContext, name: str, bound: Bindings) -> Optional[Type]:
    """The result of a call of a method of a generic class over dims that also takes tensors
    (``append(self, k: Tensor[B, 1, 8]) -> Cache[B, "N + 1"]``; calls.py binds the tensors,
    ``bound``'s dims): the written result with the receiver's sizes put into its string dims (a
    ``Cache[2, 4]``'s ``append`` is a ``Cache[2, 5]``) and the method's own dims that
    ``bound`` holds. mypy fills in the receiver's bare ``B`` but not the ``N`` in a string;
    the written result, not mypy's, is substituted (binding the receiver into mypy's would
    apply ``N := N + 1`` twice). ``None`` when this is no such method, or the receiver's sizes
    do not bind (mypy's result stands).

    >>> callable(receiver_result)
    True
    """
    if not isinstance(ctx, MethodSigContext):
        return None
    found = _unbound(ctx)
    if found is None or found[1] != 1 or not _string_result(found[0]):
        return None
    written = found[0]
    receiver = _receiver(ctx, written)
    if receiver is None:
        return None
    env = Bindings(name)
    try:
        env.bind('argument "self"', receiver[0], receiver[1])
    except (CannotTell, ShapeError):
        return None
    own = _own(written)
    method_own = {v.name for v in written.variables} - own  # (its own ``K``, bound by calls.py)
    for symbol, value in bound.dims.items():
        if symbol in method_own:
            env.dims.setdefault(symbol, value)
    for symbol, run in bound.stars.items():  # (its own ``*Xs``)
        if symbol in method_own:
            env.stars.setdefault(symbol, run)
    return _bound_result(ctx, _with_receiver_types(ctx, written), env, own)


def _unknown_dims(ctx: SigContext, ret: Type, own: frozenset[str]) -> Optional[Type]:
    """``ret`` (a signature's result mypy filled in) with the string dims that name a symbol
    of ``own`` unknown; ``None`` when none does."""
    strings = own & result_symbols(ret)
    if not strings:
        return None
    names = translate.Names()
    names_in_scope(ctx.api, names)
    return translate.substitute_type(ret, {}, {}, names, *substitution_types(ctx.api),
                                     unsolved=strings)


def _with_receiver_types(ctx: SigContext, written: CallableType) -> CallableType:
    """``written`` (a method's signature as written) with the receiver's types in its result
    at the class's places that hold no size (``Keyed[K, N]``'s ``K`` of a ``Keyed[str, 5]``):
    mypy's signature has them, the written one (read for its string dims) not."""
    self_type = get_proper_type(written.arg_types[0]) if written.arg_types else None
    if not isinstance(ctx, MethodSigContext) or not isinstance(self_type, Instance) or \
            dims_class(self_type.type):
        return written
    got = _mapped(ctx.type, self_type.type)
    if got is None or len(got.args) != len(self_type.args):
        return written
    mapping = {tv.id: a for tv, a in zip(self_type.args, got.args)
               if isinstance(tv, TypeVarType) and not translate.is_int_bound(tv)}
    return written.copy_modified(ret_type=expand_type(written.ret_type, mapping)) \
        if mapping else written


def _mapped(t: Type, info: TypeInfo) -> Optional[Instance]:
    """``t`` seen as an instance of ``info`` (a base of its class), or ``None``."""
    p = get_proper_type(t)
    if not isinstance(p, Instance) or p.type is not info and not p.type.has_base(info.fullname):
        return None
    return p if p.type is info else map_instance_to_supertype(p, info)


def _bound_result(ctx: SigContext, sig: CallableType, env: Bindings,
                  own: frozenset[str] = frozenset()) -> Optional[Type]:
    """The return type with what the arguments bound put into its string dims (``def
    grow(s: Seq[B, N]) -> Seq[B, "N + 1"]`` given a ``Seq[2, 40]`` returns ``Seq[2, 41]``;
    ``joined(self) -> Tensor[B, "2*N"]`` of a ``Pair[3, 4]`` a ``Tensor[3, 8]``): mypy solves
    ``N`` but cannot write it into ``Literal['N + 1']``. A symbol nothing bound leaves that dim
    unknown, the class's own ones (``own``, of a written result) too: a receiver of unknown
    size must not leave the class's TypeVar in the result. ``None`` when the return type holds
    no string dim."""
    strings = result_symbols(sig.ret_type)
    if not strings:
        return None
    api = ctx.api
    names = translate.Names()
    names_in_scope(api, names)
    return translate.substitute_type(
        sig.ret_type, env.dims, env.stars, names, *substitution_types(api),
        unsolved=frozenset((strings | own) - set(env.dims)))


def _own(written: CallableType) -> frozenset[str]:
    """The class's own dims a method's ``self`` is written with (``B``, ``N`` of ``Seq[B, N]``)."""
    self_type = get_proper_type(written.arg_types[0]) if written.arg_types else None
    return frozenset(a.name for a in self_type.args if isinstance(a, TypeVarType)
                     ) if isinstance(self_type, Instance) else frozenset()


def _string_result(written: CallableType) -> bool:
    """Whether a method's written result is a class over dims or a tensor (the cheap test
    first), with a string dim."""
    ret = get_proper_type(written.ret_type)
    return (isinstance(ret, TupleType) or isinstance(ret, Instance) and bool(ret.args) and (
        ret.type.fullname == translate.TENSOR_FULLNAME or sized_class(ret.type)
    )) and bool(result_symbols(ret))


def result_symbols(t: Type) -> frozenset[str]:
    """Symbols named in the string dims of a result: a class over dims' type arguments
    (``Seq[B, "N + 1"]``; of a class with places that hold no size, ``Keyed[K, "N + 1"]``,
    those at its dims' places), a tensor's dims (``Tensor[B, "2*N"]``, also in a tuple)."""
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.args and dims_class(p.type):
        return translate.argument_dim_symbols(p)
    if isinstance(p, Instance) and p.args and sized_class(p.type):
        kinds = positions(p.type.defn.type_vars, len(p.args))
        return translate.argument_dim_symbols(p.copy_modified(
            args=[a for a, k in zip(p.args, kinds) if k in (DIM, RUN)]))
    return translate.string_dim_symbols([t])


def _receiver(ctx: MethodSigContext, written: CallableType
              ) -> Optional[Tuple[translate.StaticShape, translate.StaticShape]]:
    """(the class's own dims as symbols, the receiver's dims) for a method of a generic
    class over dims."""
    self_type = get_proper_type(written.arg_types[0]) if written.arg_types else None
    if not isinstance(self_type, Instance):
        return None
    own = type_dims(self_type)
    got = type_dims(ctx.type, self_type.type)
    if own is not None and got is not None:
        return own[1], got[1]
    # (a class with places that hold no size, ``Keyed[K, N]``: its dims' places only)
    info = self_type.type
    kinds = positions(info.defn.type_vars, len(info.defn.type_vars))
    mapped = _mapped(ctx.type, info)
    if own is not None or RUN in kinds or DIM not in kinds or mapped is None or \
            not len(mapped.args) == len(self_type.args) == len(kinds):
        return None

    def dims(args: Sequence[Type]) -> translate.StaticShape:
        return tuple(translate.dim_of_type(a, default=translate.UNKNOWN) or translate.UNKNOWN
                     for a, k in zip(args, kinds) if k == DIM)
    return dims(self_type.args), dims(mapped.args)


def _loosened(formal: Type, actual: Type, info: TypeInfo, own: Set[str]) -> Optional[Type]:
    """``formal`` with the argument's own type arguments where either side's dim is unknown
    (``int``, ``Any``: nothing to compare) or the formal's is an expression the binding
    checked, so mypy's invariance check does not report them;
    ``None`` when there is no such position. The callee's own type variables stay (mypy
    infers them from the argument)."""
    f, a = get_proper_type(formal), get_proper_type(actual)
    if not isinstance(f, Instance) or f.type is not info or not isinstance(a, Instance):
        return None
    mapped = map_instance_to_supertype(a, info) if a.type is not info else a
    fd, ad = type_dims(f), type_dims(mapped)
    if fd is None or ad is None:
        return None
    positions = [
        k for k, (x, y) in enumerate(zip(fd[1], ad[1]))
        if (x is translate.UNKNOWN or y is translate.UNKNOWN or _expression(f.args[k]))
        and not _own_variable(f.args[k], own)
    ]
    if not positions:
        return None
    return f.copy_modified(args=[mapped.args[k] if k in positions else x
                                 for k, x in enumerate(f.args)])


def _expression(t: Type) -> bool:
    """A dim written as an expression (``Seq[B, "2*N"]``, held as ``Literal['2*N']``): mypy
    compares it as a string, the binding above as a size (6 binds ``N = 3``)."""
    p = get_proper_type(t)
    return isinstance(p, LiteralType) and isinstance(p.value, str)


def _own_variable(t: Type, own: Set[str]) -> bool:
    return isinstance(t, TypeVarType) and t.name in own
