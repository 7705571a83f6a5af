"""A user generic class over dims applied to sizes: ``Matrix[3, 4]`` for ``class
Matrix(Generic[R, C])`` (every type parameter an ``int``-bound TypeVar).

mypy reads a class's type arguments as types, so a size there was its ``Invalid type: try
using Literal[3] instead?`` error, where ``Tensor[3, 4]`` takes it (and the run time, which
erases a generic class's arguments, does not mind). Here an argument written as a size (an
int, a string dim ``"2*N"``, a ``Final`` int constant's name) is read
as a ``Tensor[...]`` dim is (``translate/tensor_annotations.analyze_dim_arg``), and the class
is then applied to the arguments by mypy's own code (its arity and bounds checks included).

A dim written as an expression (``Seq[B, "N + 1"]``) is held as ``Literal['N + 1']``, as in a
``Tensor[...]``; mypy's bounds check then says ``Type argument "Literal['N + 1']" of "Seq"
must be a subtype of "int"`` (``[type-var]``), though the expression stands for an int: the
rewording watcher drops that error (:func:`dim_expression_bound` tells it;
``callbacks/reworded.py``). Calls bind such a dim as a size (``callbacks/generic_dims.py``).
"""

from __future__ import annotations

import re
from typing import Any, List, Sequence

from mypy.nodes import TypeInfo
from mypy.plugin import AnalyzeTypeContext
from mypy.types import (
    RawExpressionType, Type, TypeVarLikeType, TypeVarTupleType, TypeVarType, UnboundType,
)

from mypy_plugin.callbacks.alias_dims import forgetting
from mypy_plugin.final_dims import final_dim
from mypy_plugin import translate
from mypy_plugin.translate.tensor_annotations import analyze_dim_arg
from typedflux.shapes.parse import parse_dim

__all__ = ["dims_class_application", "dim_expression_bound", "positions", "sized_class",
           "sized_argument"]


def _application(ctx: AnalyzeTypeContext) -> Type:
    t = ctx.type
    api: Any = ctx.api
    assert isinstance(t, UnboundType)
    sym = api.lookup_qualified(t.name, t)
    info = sym.node if sym is not None else None
    assert isinstance(info, TypeInfo)
    kinds = positions(info.defn.type_vars, len(t.args))
    args: List[Type] = [sized_argument(ctx, a, kind) for a, kind in zip(t.args, kinds)]
    result: Type = api.analyze_type_with_type_info(info, args, t, t.empty_tuple_index)
    return result


def sized_argument(ctx: AnalyzeTypeContext, a: Type, kind: str) -> Type:
    """One type argument (of a class, or of an alias of one: alias_applications.py): at a
    dim's place read as a ``Tensor[...]`` dim is; in a
    TypeVarTuple's run an int is its ``Literal`` (PEP 646's ``Array[1, *Shape]``); anything
    else, and every other place (a plain TypeVar's: ``Keyed[str, 5]``'s ``str``, or a forward
    reference in quotes), is left to mypy."""
    if kind == DIM:
        return analyze_dim_arg(ctx, a) if isinstance(a, RawExpressionType) \
            else final_dim(ctx, a) or a  # (``Base[W]``, ``W: Final = 4``)
    if kind == RUN and isinstance(a, RawExpressionType) and isinstance(a.literal_value, int) \
            and not isinstance(a.literal_value, bool) and a.literal_value >= 0:
        return analyze_dim_arg(ctx, a)
    return a


DIM, RUN = "dim", "run"


def positions(type_vars: Sequence[TypeVarLikeType], count: int) -> List[str]:
    """What each of ``count`` type arguments of a class over ``type_vars`` stands for:
    ``DIM`` (an ``int``-bound TypeVar's place), ``RUN`` (a TypeVarTuple's), or ``""``; the
    places after a TypeVarTuple are counted from the end, as mypy maps them.

    >>> positions([], 2)
    ['', '']
    """
    kinds = [DIM if isinstance(tv, TypeVarType) and translate.is_int_bound(tv) else
             RUN if isinstance(tv, TypeVarTupleType) else "" for tv in type_vars]
    star = next((i for i, k in enumerate(kinds) if k == RUN), None)
    if star is None:
        return [kinds[i] if i < len(kinds) else "" for i in range(count)]
    after = len(kinds) - star - 1
    return [kinds[i] if i < star else
            kinds[len(kinds) - (count - i)] if i >= count - after and count - i <= after else RUN
            for i in range(count)]


def sized_class(info: TypeInfo) -> bool:
    """Whether ``info`` is a class an annotation may give sizes to: a type parameter is an
    ``int``-bound TypeVar or a TypeVarTuple (not a Tensor subclass; a class over dims only,
    ``generic_dims.dims_class``, is one).

    >>> from mypy.nodes import Block, ClassDef, TypeInfo
    >>> sized_class(TypeInfo({}, ClassDef("C", Block([])), "m"))
    False
    """
    return not info.has_base(translate.TENSOR_FULLNAME) and any(
        k for k in positions(info.defn.type_vars, len(info.defn.type_vars)))


dims_class_application = forgetting(_application)
"""The annotation hook of such a class: sizes read as dims, then mypy's own application of
the class to its arguments. mypy first reads a base class (``class Fixed(Base[4])``) or an
alias as the run-time expression it also is, item by item, where a size is not a type
(``Invalid type: try using Literal[4] instead?``, ``Variable "m.W" is not valid as a type``):
those errors are taken back, as for a ``Tensor[...]`` alias (``callbacks/alias_dims.py``)."""


# mypy's words for a type argument outside its TypeVar's bound, here ``int``: written in an
# annotation, or inferred at a call from an argument's (``grow(grow(s))``, the inner call's
# result a ``Seq[B, "N + 1"]``: the call's dims are bound as sizes, generic_dims.py).
_BOUND = re.compile(r"""^(?:Type argument "Literal\['([^']*)'\]" of "[\w.]+" must be a subtype of "int"|"""
                    r"""Value of type variable "\w+" of "[\w.]+" cannot be "Literal\['([^']*)'\]")$""")


def dim_expression_bound(message: str) -> bool:
    r"""Whether ``message`` is mypy's ``[type-var]`` error on a dim this module wrote as a
    string (``Literal['N + 1']``, from ``Seq[B, "N + 1"]``; ``Literal['N']`` from ``"((N) - 1) +
    1"`` in a def whose other annotations do not name ``N``): an int-bound TypeVar given a
    size, which the error is not. Text that is no dim keeps mypy's error.

    >>> dim_expression_bound('Type argument "Literal[\'2*N\']" of "Seq" must be a subtype of "int"')
    True
    >>> dim_expression_bound('Type argument "Literal[\'a b\']" of "Seq" must be a subtype of "int"')
    False
    >>> dim_expression_bound('Value of type variable "N" of "grow" cannot be "Literal[\'N + 1\']"')
    True
    """
    found = _BOUND.match(message)
    if found is None:
        return False
    try:
        dim = parse_dim(found.group(1) or found.group(2))
    except ValueError:
        return False
    return not isinstance(dim, int)
