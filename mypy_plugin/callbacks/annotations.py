"""``Tensor[...]`` annotations (semantic analysis) and the ``x.shape`` attribute type.

>>> callable(tensor_annotation_hook("typedflux.tensor.Tensor"))
True
"""

from __future__ import annotations

from typing import Callable, List

from mypy.plugin import AnalyzeTypeContext, AttributeContext
from mypy.types import (
    AnyType,
    Instance,
    LiteralType,
    RawExpressionType,
    TupleType,
    Type,
    TypeOfAny,
    TypeVarTupleType,
    UnionType,
    UnpackType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks import reworded
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
    # Ops read such a dim back from the expression ``x.shape[i]`` itself. A size not known
    # statically is an ``int`` too, not mypy's ``Any`` (a bare ``Tensor``'s ``x.shape[0]``
    # returned from a ``-> int`` is ``[no-any-return]`` under --strict) nor ``object`` (the
    # items of a ``*Shape`` run: a TypeVarTuple has no bound, so ``x.shape[0] + 1`` and
    # ``tf.zeros(*x.shape)`` were errors in a function generic over ``Tensor[*Shape]``).
    t = get_proper_type(ctx.default_attr_type)
    if isinstance(t, TupleType):
        reworded.note_shape(ctx.api, ctx.context)  # (a sized tuple: mypy's rank checks on it)
    if isinstance(t, Instance) and t.type.fullname == "builtins.tuple" and len(t.args) == 1 \
            and isinstance(get_proper_type(t.args[0]), AnyType):
        # A bare ``Tensor``'s: ``tuple[Any, ...]``.
        reworded.note_shape(ctx.api, ctx.context)
        return ctx.api.named_generic_type("builtins.tuple", [
            ctx.api.named_generic_type("builtins.int", [])])
    if not isinstance(t, TupleType) or not any(_widened(i) for i in t.items):
        return ctx.default_attr_type
    int_type = ctx.api.named_generic_type("builtins.int", [])
    str_type = ctx.api.named_generic_type("builtins.str", [])
    ints = ctx.api.named_generic_type("builtins.tuple", [int_type])
    kept = _runs_expected(ctx)
    items: List[Type] = []
    for i in t.items:
        p = get_proper_type(i)
        if isinstance(p, LiteralType) and isinstance(p.value, str):
            # An ``int`` that remembers its dim, for ops reading it back (``n // 2``).
            try:
                i = translate.carry_dim(int_type, parse_dim(p.value), str_type)
            except ValueError:
                i = int_type
        elif isinstance(p, AnyType):
            i = int_type
        elif isinstance(i, UnpackType) and not _names_run(i, kept):
            i = UnpackType(ints)
        items.append(i)
    if len(items) == 1 and isinstance(items[0], UnpackType) and items[0].type is ints:
        return ints  # (``tuple[*tuple[int, ...]]`` is ``tuple[int, ...]``)
    return t.copy_modified(items=items)


def _runs_expected(ctx: AttributeContext) -> List[Type]:
    """The variadic runs (``*Shape``) the expected type of ``x.shape`` names: ``return
    x.shape`` in a ``-> Tuple[*Shape]`` (pyright's ``Array.shape``), ``s: Tuple[N, *Shape] =
    x.shape``. There the run stays the run; elsewhere its items are ``int``."""
    contexts = getattr(ctx.api, "type_context", None)
    expected = get_proper_type(contexts[-1]) if contexts else None
    members = expected.items if isinstance(expected, UnionType) else [expected]
    runs: List[Type] = []
    for m in members:
        p = get_proper_type(m)
        if isinstance(p, TupleType):
            runs += [get_proper_type(i.type) for i in p.items if isinstance(i, UnpackType)]
    return runs


def _names_run(item: UnpackType, runs: List[Type]) -> bool:
    inner = get_proper_type(item.type)
    return isinstance(inner, TypeVarTupleType) and any(
        isinstance(r, TypeVarTupleType) and r.id == inner.id for r in runs)


def _widened(item: Type) -> bool:
    """Whether a shape item is typed otherwise than mypy has it: a string dim, an unknown
    size (``Any``), a run of them (``*tuple[Any, ...]``, a ``*Shape`` run)."""
    p = get_proper_type(item)
    if isinstance(p, LiteralType):
        return isinstance(p.value, str)
    return isinstance(p, AnyType) or isinstance(item, UnpackType)


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
