"""Sizes named by ``Final`` int constants, as dims: ``D_MODEL: Final = 64``, ``Tensor[B, D_MODEL]``.

A name in a type is normally a type (or a TypeVar); mypy rejects a variable there ("Variable
... is not valid as a type"). Models keep their sizes in constants, so ``Tensor[...]`` reads a
name bound to a ``Final`` int (module level, or a class attribute: ``Cfg.D``; ``Final[int] =
64`` too, and folded arithmetic: ``Final = 8 * 64``) as that literal size. At run time the
same annotation holds the int itself, so ``@tf.shapecheck`` needs nothing more.

Any other variable stays an error, with a hint (``[shape-annotation]``); a ``Final`` int whose
value is not known statically (``Final = int(os.environ["D"])``, ``VOCAB: Final = len(chars)``)
is an unknown dim, like ``int``.
Such a constant named inside a dim written as a string (``"3*D_MODEL"``) is its size there too
(translate/tensor_annotations.py).

>>> callable(final_dim)
True
"""

from __future__ import annotations

from typing import Optional

from mypy.nodes import PlaceholderNode, Var
from mypy.plugin import AnalyzeTypeContext
from mypy.types import (
    AnyType,
    Instance,
    LiteralType,
    NoneType,
    TupleType,
    Type,
    TypeOfAny,
    UnboundType,
    get_proper_type,
)

from mypy_plugin.codes import SHAPE_ANNOTATION
from typedflux.shapes import messages

__all__ = ["final_dim", "may_be_int"]


def final_dim(ctx: AnalyzeTypeContext, arg: Type) -> Optional[Type]:
    """The dim a name in ``Tensor[...]`` stands for when it names a variable, else ``None``
    (a type, a TypeVar, an unknown name: mypy's own analysis then decides).

    >>> final_dim(None, None) is None  # type: ignore[arg-type]
    True
    """
    if not isinstance(arg, UnboundType) or arg.args:
        return None
    lookup = getattr(ctx.api, "lookup_qualified", None)
    sym = lookup(arg.name, ctx.context, suppress_errors=True) if lookup is not None else None
    node = getattr(sym, "node", None)
    if isinstance(node, PlaceholderNode) or not isinstance(node, Var):
        return None  # not defined yet (mypy defers it), or not a variable
    shown = arg.name
    if node.fullname == "builtins.None":  # ``Tensor[None, 3]``: not a variable of the user's
        return _bad(ctx, "A Tensor dim cannot be None; for a size not known statically write "
                         "int (or Any)")
    if not node.is_final:
        return _bad(
            ctx,
            f'Variable "{shown}" is used as a dim but is not Final; a size kept in a constant '
            f"is declared {shown.rsplit('.', 1)[-1]}: Final = <int> (typing.Final)",
        )
    value = node.final_value
    if isinstance(value, bool) or (value is not None and not isinstance(value, int)):
        return _bad(ctx, f'Final "{shown}" is used as a dim but holds {value!r}, not an int')
    if isinstance(value, int):
        if value < 0:
            return _bad(ctx, messages.negative_dim(value, shown))
        return LiteralType(value, ctx.api.named_type("builtins.int", []))
    if not may_be_int(node.type):
        return _bad(ctx, f'Final "{shown}" is used as a dim but is not an int')
    # An int known only at run time (``Final[int] = int(os.environ["D"])``), or a ``Final``
    # whose type mypy infers only when it checks the module (``VOCAB: Final = len(chars)``:
    # no type yet while this module's annotations are read): an unknown size, as ``int``.
    return AnyType(TypeOfAny.special_form)


# Types no dim can have: a Final of one of these is an error (any other type, or none known
# yet, may hold an int at run time).
_NOT_INTS = frozenset({"builtins.str", "builtins.bytes", "builtins.float", "builtins.complex",
                       "builtins.bool", "builtins.list", "builtins.tuple", "builtins.dict",
                       "builtins.set", "builtins.frozenset"})


def may_be_int(t: Optional[Type]) -> bool:
    """Whether a ``Final`` without a known value, of type ``t`` (``None``: not inferred yet),
    may hold an int at run time: an unknown dim, not an error.

    >>> may_be_int(None), may_be_int(NoneType())
    (True, False)
    """
    p = get_proper_type(t) if t is not None else None
    return not isinstance(p, (NoneType, TupleType)) and not (
        isinstance(p, Instance) and p.type.fullname in _NOT_INTS)


def _bad(ctx: AnalyzeTypeContext, message: str) -> Type:
    ctx.api.fail(message, ctx.context, code=SHAPE_ANNOTATION)
    return AnyType(TypeOfAny.from_error)
