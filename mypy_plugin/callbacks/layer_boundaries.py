"""A layer (or Chain) returned, assigned or yielded where its annotation asks for other sizes.

``fc: Dense[784, 32] = Dense(784, 64)``, or a model builder annotated ``-> Chain[Conv[...],
..., Dense[256, 10]]`` that builds ``Dense(200, 10)``: mypy's own error would print the
types with ``Literal[...]`` noise under ``[assignment]``/``[return-value]``; here it is a
``[shape]`` error naming the size that differs. (A variable annotation is invisible at run
time: these are static only, as ``Assigned shape`` errors are.)

Only a written annotation is a boundary: an attribute or name whose type mypy inferred from
its first layer (``self.head = Dense(32, 10)`` in a class of another module, then
``net.head = Dense(32, 5)``) takes a layer of any size, as plain mypy's ``Dense[Any, Any]``
does; the new value is then typed with unknown sizes (``callbacks/replaced_layers.py`` types
the reads so).

>>> callable(check_layer_boundary)
True
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from mypy.subtypes import is_subtype
from mypy.types import AnyType, Instance, LiteralType, Type, get_proper_type
from mypy.typevars import fill_typevars_with_any

from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.callbacks.chain_items import CHAIN, chain_item
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages
from typedflux.shapes.layer_spec import LAYERS

__all__ = ["check_layer_boundary"]

# (field, got, expected) of the first size that differs.
Difference = Tuple[str, object, object]


def _value(t: Type) -> object:
    p = get_proper_type(t)
    if isinstance(p, Instance) and p.last_known_value is not None:
        p = p.last_known_value
    if isinstance(p, LiteralType):
        return p.value
    return None  # not a known size: nothing to prove


def _arg_text(t: Type) -> str:
    v = _value(t)
    if isinstance(v, bool) or v is None:
        return "Any" if isinstance(get_proper_type(t), AnyType) else str(get_proper_type(t))
    return repr(v) if isinstance(v, str) else str(v)


def annotation_text(t: Instance) -> str:
    """``Dense[784, 32]``, ``Chain[Dense[4, 8], Dense[8, 2]]`` (no ``Literal[...]``)."""
    parts = [annotation_text(a) if isinstance(a, Instance) and a.args else _arg_text(a)
             for a in (get_proper_type(x) for x in t.args)]
    return f"{t.type.name}[{', '.join(parts)}]"


def _difference(got: Instance, want: Instance) -> Optional[Difference]:
    if got.type is not want.type or len(got.args) != len(want.args):
        return None
    if got.type.name == CHAIN:
        for k, (g, w) in enumerate(zip(got.args, want.args), 1):
            gp, wp = get_proper_type(g), get_proper_type(w)
            if isinstance(gp, Instance) and isinstance(wp, Instance) and not is_subtype(gp, wp):
                inner = _difference(gp, wp)
                if inner is None:
                    return None
                return (f"layer {k} {inner[0]}", inner[1], inner[2])
        return None
    spec = LAYERS.get(got.type.name)
    if spec is None or len(spec.type_args) != len(got.args):
        return None
    for name, g, w in zip(spec.type_args, got.args, want.args):
        gv, wv = _value(g), _value(w)
        if gv is not None and wv is not None and gv != wv:
            return (name, gv, wv)
    return None


def _inferred(api: Any, where: Any) -> bool:
    """Whether an assignment's target has no written annotation (mypy typed it by its first
    value), or it cannot be told."""
    from mypy_plugin.callbacks.boundaries import target_origin

    return target_origin(api, where) != "declared"


def check_layer_boundary(ctx: Any, result: Type) -> Type:
    """Check a layer constructor's (or a Chain's) result against the annotation it meets;
    returns ``result``, or the declared type after reporting a difference."""
    contexts = getattr(ctx.api, "type_context", None)
    expected = contexts[-1] if contexts else None
    if expected is None:
        return result
    want, got = get_proper_type(expected), get_proper_type(result)
    if not isinstance(want, Instance) or not isinstance(got, Instance) or is_subtype(got, want):
        return result
    where = boundary_of(ctx.api, ctx.context)
    if where is None or where.kind not in ("return", "assign", "yield") or where.part:
        return result
    if where.kind == "assign" and got.type is want.type and not where.annotated \
            and _inferred(ctx.api, where):
        return fill_typevars_with_any(got.type)  # no annotation: any size (any Chain) fits
    diff = _difference(got, want)
    if diff is None:
        return result
    item = chain_item(got)
    if item is None:
        return result
    ctx.api.fail(messages.layer_boundary_mismatch(
        where.kind, item.text(), annotation_text(want), diff[0], diff[1], diff[2], where.target,
    ), ctx.context, code=SHAPE)
    return want
