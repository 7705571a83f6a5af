"""A ``Tensor[...]`` type alias applied to sizes: ``Vec = Tensor[N]``, then ``Vec[4]``; and an
alias of a user generic class over dims, ``Seq6 = Seq[B, 6]``, then ``Seq6[2]``.

An alias of a shape with type variables (``Vec = Tensor[N]``, ``Batch = Tensor[B, N]``) is
applied like a generic: ``Vec[B]``, ``Batch[B, 784]``. mypy reads an alias's arguments as
types, so a size there (``Vec[4]``, ``Batch[2, 3]``, ``Vec["2*N"]``, ``Vec[D_MODEL]`` with a
``Final`` constant) was its ``Invalid type: try using Literal[4] instead?`` error, though the
run time reads it (``@tf.shapecheck`` checks ``Vec[4]`` as ``Tensor[4]``). Here each argument
of such an application is read as a dim of a ``Tensor[...]`` annotation is
(translate/tensor_annotations.py), and the alias is then instantiated with them as mypy
does it.

>>> is_tensor_alias(lambda name: None, "m.Vec")
False
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Set

from mypy.nodes import SymbolTableNode, TypeAlias
from mypy.plugin import AnalyzeTypeContext
from mypy.typeanal import instantiate_type_alias
from mypy.types import Instance, Type, UnboundType, get_proper_type

from mypy_plugin.callbacks.generic_applications import positions, sized_argument, sized_class
from mypy_plugin.translate.tensor_annotations import analyze_dim_arg

__all__ = ["is_tensor_alias", "alias_application_hook"]

_TENSOR = "typedflux.tensor.Tensor"


def is_tensor_alias(lookup: Callable[[str], Optional[SymbolTableNode]], fullname: str) -> bool:
    """Whether ``fullname`` names a generic alias of a ``Tensor[...]`` shape, or of a class an
    annotation gives sizes to (``Seq6 = Seq[B, 6]``, then ``Seq6[2]``:
    ``generic_applications.sized_class``)."""
    sym = lookup(fullname)
    node = sym.node if sym is not None else None
    if not isinstance(node, TypeAlias) or not node.alias_tvars:
        return False
    target = get_proper_type(node.target)
    return isinstance(target, Instance) and (
        target.type.fullname == _TENSOR or sized_class(target.type))


def alias_application_hook(ctx: AnalyzeTypeContext) -> Type:
    """The annotation hook of such an alias: its arguments read as dims, then mypy's own
    instantiation of the alias."""
    t = ctx.type
    api: Any = ctx.api
    assert isinstance(t, UnboundType)
    sym = api.lookup_qualified(t.name, t)
    node = sym.node if sym is not None else None
    assert isinstance(node, TypeAlias)
    target = get_proper_type(node.target)
    if isinstance(target, Instance) and target.type.fullname == _TENSOR:
        args: List[Type] = [analyze_dim_arg(ctx, a) for a in t.args]
    else:  # (an alias of a class: its dims' places only, ``Keyed2 = Keyed[K, 2]``'s K not)
        kinds = positions(node.alias_tvars, len(t.args))
        args = [sized_argument(ctx, a, kind) for a, kind in zip(t.args, kinds)]
    used: Set[str] = getattr(api, "aliases_used", set())  # as mypy records an alias used
    used.add(node.fullname)
    result, _ = instantiate_type_alias(
        node, args, api.fail, api.note, node.no_args, t, api.options, unexpanded_type=t,
        empty_tuple_index=t.empty_tuple_index)
    return result
