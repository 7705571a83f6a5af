"""Shapes and dims -> mypy types: the type standing for a dim, ``Tensor[<dims>]`` for a
shape, a signature's types with bound dim symbols substituted (at a call of a user function),
and an ``int`` that remembers the dim it was read from (``b, n = x.shape``).

>>> type_of_dim(UNKNOWN, Names(), None, None)  # type: ignore[arg-type]
Any
"""

from __future__ import annotations

from typing import Dict, List, Mapping, Sequence, Tuple, Union

from mypy.types import (
    AnyType,
    CallableType,
    ExtraAttrs,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    TypeVarTupleType,
    TypeVarType,
    UnionType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin.translate.common import CARRIED, TENSOR_FULLNAME, any_type, dim_text, is_int_bound
from mypy_plugin.translate.reading import Names
from typedflux.shapes.dims import UNKNOWN, Dim, Star, Unknown, evaluate, symbol_name, symbols, sym
from typedflux.shapes.parse import parse_dim

__all__ = [
    "carry_dim",
    "type_of_dim",
    "type_of_shape",
    "shape_str",
    "substitute_type",
]


def carry_dim(int_type: Instance, d: Dim, str_type: Instance) -> Instance:
    """``int``, remembering that its value is the dim ``d`` (a private extra attribute).

    >>> callable(carry_dim)  # exercised by tests/typecheck/case_reshape.py
    True
    """
    out = int_type.copy_modified()
    out.extra_attrs = ExtraAttrs({CARRIED: LiteralType(dim_text(d), str_type)}, {CARRIED}, None)
    return out


def type_of_dim(d: Dim, names: Names, int_type: Instance, str_type: Instance) -> Type:
    """The mypy type standing for a dim (see the table in the module docstring).

    >>> type_of_dim(UNKNOWN, Names(), None, None)  # type: ignore[arg-type]
    Any
    """
    if isinstance(d, Unknown):
        return any_type()
    if isinstance(d, int):
        if d < 0:
            return any_type()
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
                d = parse_dim(p.value)
            except ValueError:
                return [a]
            if symbols(d) & set(env):
                return [dim_type(evaluate(d, env))]
        return [a]

    def int_item(t: Type) -> Type:
        # A dim as a tuple item (a size): a string dim (``Literal['N + 1']``) is an ``int``
        # there, as ``x.shape``'s items are (callbacks/annotations.py).
        p = get_proper_type(t)
        if isinstance(p, LiteralType) and isinstance(p.value, str):
            return int_type
        return t

    def go(x: Type) -> Type:
        if isinstance(x, TypeVarType):
            return dim_type(env[x.name]) if x.name in env and is_int_bound(x) else x
        p = get_proper_type(x)
        if isinstance(p, LiteralType) and isinstance(p.value, str):
            # A string dim of a user generic class over dims (``Seq[B, "N + 1"]``), bound as a
            # Tensor's is.
            return sub_dim_arg(x)[0]
        if isinstance(p, Instance):
            if p.type.fullname == TENSOR_FULLNAME:
                new_args: List[Type] = []
                for a in p.args:
                    new_args.extend(sub_dim_arg(a))
                return p.copy_modified(args=new_args)
            if p.args and not any(isinstance(a, UnpackType) for a in p.args):
                return p.copy_modified(args=[go(a) for a in p.args])
            if p.args:
                # A user class generic over a run (``Array[*Shape]``, pyright's samples): its
                # run bound as a Tensor's is. Left behind, the run would be a type variable
                # the signature no longer declares (redteam s7 fa07).
                args: List[Type] = []
                for a in p.args:
                    if isinstance(a, UnpackType):
                        args.extend(sub_dim_arg(a))
                    else:
                        args.append(go(a))
                return p.copy_modified(args=args)
            return x
        if isinstance(p, TupleType):
            # (a NamedTuple's class, ``Out[B]``, is its fallback: bound as its items are)
            fallback = get_proper_type(go(p.partial_fallback))
            items: List[Type] = []
            for i in p.items:
                if isinstance(i, UnpackType):
                    # ``Tuple[*Shape]`` (pyright's ``Array.shape``): the run's sizes, as ints.
                    items.extend(int_item(d) for d in sub_dim_arg(i))
                else:
                    items.append(go(i))
            return p.copy_modified(
                items=items,
                fallback=fallback if isinstance(fallback, Instance) else p.partial_fallback,
            )
        if isinstance(p, UnionType):
            return UnionType.make_union([go(i) for i in p.items], p.line, p.column)
        if isinstance(p, CallableType) and not p.variables:
            # ``f: Callable[[Tensor[B, I]], Tensor[B, O]]``: the callee's dims bound from the
            # other arguments are bound here too. Left behind, they would be type variables
            # the returned signature no longer declares, and mypy would refuse every function
            # passed for ``f`` in ``Literal`` words. (A generic callable's own variables are
            # its own: left as written.)
            return p.copy_modified(arg_types=[go(a) for a in p.arg_types], ret_type=go(p.ret_type))
        return x

    try:
        return go(t)
    finally:
        # (go names itself: a reference cycle its closures' cells hold until the garbage
        # collector runs; emptied here, they go at once; ~2k calls a build)
        del go
