"""A user generic class over dims applied to sizes: ``Matrix[3, 4]`` for ``class
Matrix(Generic[R, C])`` (every type parameter an ``int``-bound TypeVar).

mypy reads a class's type arguments as types, so a size there was its ``Invalid type: try
using Literal[3] instead?`` error, where ``Tensor[3, 4]`` takes it (and the run time, which
erases a generic class's arguments, does not mind). Here an argument written as a size (an
int, a string dim ``"2*N"``, a ``Final`` int constant's name is mypy's own to read) is read
as a ``Tensor[...]`` dim is (``translate/tensor_annotations.analyze_dim_arg``), and the class
is then applied to the arguments by mypy's own code (its arity and bounds checks included).

>>> is_dims_class(lambda name: None, "m.Matrix")
False
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional

from mypy.nodes import SymbolTableNode, TypeInfo
from mypy.plugin import AnalyzeTypeContext
from mypy.types import RawExpressionType, Type, UnboundType

from mypy_plugin.callbacks.generic_dims import dims_class
from mypy_plugin.translate.tensor_annotations import analyze_dim_arg

__all__ = ["is_dims_class", "dims_class_application"]


def is_dims_class(lookup: Callable[[str], Optional[SymbolTableNode]], fullname: str) -> bool:
    """Whether ``fullname`` names a generic class whose every type parameter is a dim."""
    sym = lookup(fullname)
    node = sym.node if sym is not None else None
    return isinstance(node, TypeInfo) and dims_class(node)


def dims_class_application(ctx: AnalyzeTypeContext) -> Type:
    """The annotation hook of such a class: sizes read as dims, then mypy's own application
    of the class to its arguments."""
    t = ctx.type
    api: Any = ctx.api
    assert isinstance(t, UnboundType)
    sym = api.lookup_qualified(t.name, t)
    info = sym.node if sym is not None else None
    assert isinstance(info, TypeInfo)
    args: List[Type] = [analyze_dim_arg(ctx, a) if isinstance(a, RawExpressionType) else a
                        for a in t.args]
    result: Type = api.analyze_type_with_type_info(info, args, t, t.empty_tuple_index)
    return result
