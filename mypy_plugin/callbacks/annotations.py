"""``Tensor[...]`` annotations (semantic analysis) and the ``x.shape`` attribute type.

>>> callable(tensor_annotation_hook("typedflux.tensor.Tensor"))
True
"""

from __future__ import annotations

from typing import Callable

from mypy.plugin import AnalyzeTypeContext, AttributeContext
from mypy.types import (
    AnyType,
    LiteralType,
    RawExpressionType,
    TupleType,
    Type,
    TypeOfAny,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.final_dims import final_dim
from typedflux.shapes.parse import parse_dim

__all__ = ["tensor_annotation_hook", "shape_attribute_hook", "layer_annotation_hook"]


def tensor_annotation_hook(fullname: str) -> Callable[[AnalyzeTypeContext], Type]:
    """The type-analyze hook for ``Tensor`` (under any name it is imported as).

    >>> callable(tensor_annotation_hook("typedflux.tensor.Tensor"))
    True
    """

    def hook(ctx: AnalyzeTypeContext) -> Type:
        return translate.analyze_tensor_annotation(ctx, translate.TENSOR_FULLNAME)

    return guarded("Tensor[...]", hook, lambda ctx: AnyType(TypeOfAny.from_error))


def _shape_attr(ctx: AttributeContext) -> Type:
    # ``x.shape`` is ``tuple[Unpack[Shape]]``; a string dim there would be a ``str`` literal
    # where user code expects an int (``n = x.shape[1]; n + 1``), so it is widened to ``int``.
    # Ops read such a dim back from the expression ``x.shape[i]`` itself.
    t = get_proper_type(ctx.default_attr_type)
    if not isinstance(t, TupleType):
        return ctx.default_attr_type
    if not any(
        isinstance(get_proper_type(i), LiteralType)
        and isinstance(getattr(get_proper_type(i), "value", None), str)
        for i in t.items
    ):
        return ctx.default_attr_type
    int_type = ctx.api.named_generic_type("builtins.int", [])
    str_type = ctx.api.named_generic_type("builtins.str", [])
    items = []
    for i in t.items:
        p = get_proper_type(i)
        if isinstance(p, LiteralType) and isinstance(p.value, str):
            # An ``int`` that remembers its dim, for ops reading it back (``n // 2``).
            try:
                i = translate.carry_dim(int_type, parse_dim(p.value), str_type)
            except ValueError:
                i = int_type
        items.append(i)
    return t.copy_modified(items=items)


shape_attribute_hook: Callable[[AttributeContext], Type] = guarded(
    '"shape"', _shape_attr, lambda ctx: ctx.default_attr_type
)
"""The attribute hook for ``Tensor.shape`` (string dims read as ``int``).

>>> callable(shape_attribute_hook)
True
"""



def layer_annotation_hook(fullname: str) -> Callable[[AnalyzeTypeContext], Type]:
    """``Dense[784, 32]`` as sugar for ``Dense[Literal[784], Literal[32]]`` (as for Tensor).

    Int (and config-string) arguments become ``Literal`` types; everything else, and all of
    mypy's own checks (argument count, defaults, bounds), is mypy's usual analysis.

    >>> callable(layer_annotation_hook("typedflux.layers.basic.Dense"))
    True
    """

    def hook(ctx: AnalyzeTypeContext) -> Type:
        api = ctx.api
        info = api.named_type(fullname, []).type
        args: list[Type] = []
        for a in ctx.type.args:
            final = final_dim(ctx, a)  # ``Dense[D_IN, D_OUT]`` with ``D_IN: Final = 784``
            if final is not None:
                args.append(final)
                continue
            if isinstance(a, RawExpressionType) and a.base_type_name in (
                "builtins.int",
                "builtins.str",
            ):
                value = a.literal_value
                if isinstance(value, (int, str)) and not isinstance(value, bool):
                    name = "builtins.int" if isinstance(value, int) else "builtins.str"
                    args.append(LiteralType(value, api.named_type(name, [])))
                    continue
            args.append(a)
        analyse = getattr(api, "analyze_type_with_type_info", None)
        if analyse is None:
            return AnyType(TypeOfAny.special_form)
        result: Type = analyse(info, args, ctx.context, ctx.type.empty_tuple_index)
        return result

    return guarded("a layer annotation", hook, lambda ctx: AnyType(TypeOfAny.from_error))
