"""Values reduced along an axis inside a variadic run, checked where they meet an annotation.

``x.mean(axis=1)`` of ``Tensor[B, *Rs, C]`` has no type (``*Rs`` less one item has no form),
so mypy keeps it ``Tensor[*tuple[Any, ...]]`` and would accept it anywhere. What is known of
it (``typedflux.shapes.reduced_runs.Reduced``: ``Tensor[B, *Rs[1:], C]``, for every ``*Rs``
that holds axis 1) is kept here beside the call node, carried through elementwise ops of
that value (``tf.sqrt((v * v).sum(axis=0))``), and compared with the annotation the value
is returned, assigned or yielded to: a rank or sizes that differ for every such run are
reported in the words the run time uses (docs/shape-types.md, "How dims compare").

>>> after_reduction.__name__
'after_reduction'
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping

from mypy.nodes import CallExpr, Expression, MemberExpr, OpExpr, UnaryExpr

from mypy_plugin import per_build, translate
from mypy_plugin.callbacks.boundaries import declared_tensor, function_declares, target_origin
from mypy_plugin.callbacks.boundary_index import boundary_of
from mypy_plugin.callbacks.common import report_shape_error
from typedflux.shapes import messages
from typedflux.shapes.dropped_run import DroppedRun
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.reduced_runs import Reduced, reduce_in_run, reduced_mismatch, reduced_note

__all__ = ["REDUCTIONS", "HELD", "after_reduction", "after_elementwise"]

# The rules (typedflux/shapes/rules_reduce.py) that drop the axis they reduce.
REDUCTIONS = frozenset({"sum", "mean", "max", "min", "var", "std", "argmax", "argmin"})

# The reduced value of each call node of this build (nodes are this build's only). Empty in
# almost every program: the op hooks test it before any other work for an elementwise op.
HELD: Dict[Expression, Reduced] = {}
per_build.forget_each_build(HELD)  # (holds mypy nodes: this build's only)

_UNKNOWN_RUN = (translate.Star(None),)


def after_reduction(ctx: Any, kwargs: Mapping[str, Any]) -> None:
    """A reduction whose rule could not say its shape: held (and checked at an annotation)
    when its axis is the first or last item of the input's named run.

    >>> class Ctx:
    ...     context = None
    >>> after_reduction(Ctx(), {"x": (3,), "axis": 0, "keepdims": False})  # off any run
    """
    x, axis = kwargs.get("x"), kwargs.get("axis")
    if type(axis) is not int or kwargs.get("keepdims") or not isinstance(x, tuple):
        return
    reduced = reduce_in_run(x, axis)
    if reduced is None or ctx.context is None:
        return
    HELD[ctx.context] = reduced
    _check(ctx, reduced)


def after_elementwise(ctx: Any, tensors: List[Any], shape: Any) -> None:
    """An elementwise op of held values and numbers (``tf.sqrt(s)``, ``s * 2``, ``s * s``):
    its value is the held one (``tensors``: the shapes the rule read; ``shape`` its result).

    The caller tests :data:`HELD` first (an elementwise op in a program with no such value
    does nothing more).

    >>> after_elementwise(None, [(3,)], (3,)) is None  # a known shape: nothing held
    True
    """
    if shape != _UNKNOWN_RUN:
        return
    unknown = sum(1 for t in tensors if t == _UNKNOWN_RUN)
    if unknown == 0 or any(t not in (_UNKNOWN_RUN, ()) for t in tensors):
        return
    held = [HELD[e] for e in _operands(ctx.context) if e in HELD]
    if len(held) != unknown or any(h != held[0] for h in held):
        return  # a tensor of unknown shape that is not the held value: anything
    HELD[ctx.context] = held[0]
    _check(ctx, held[0])


def _operands(node: Any) -> List[Expression]:
    if isinstance(node, CallExpr):
        out = list(node.args)
        if isinstance(node.callee, MemberExpr):
            out.append(node.callee.expr)
        return out
    if isinstance(node, OpExpr):
        return [node.left, node.right]
    if isinstance(node, UnaryExpr):
        return [node.expr]
    return []


def _check(ctx: Any, reduced: Reduced) -> None:
    where = boundary_of(ctx.api, ctx.context)
    if where is None or where.part or where.kind not in ("return", "yield", "assign"):
        return
    contexts = getattr(ctx.api, "type_context", None)
    expected = contexts[-1] if contexts else None
    if expected is None and where.kind != "assign":
        # mypy infers a generic method's call again with no type context after a try with
        # it (under an error filter): the function's own annotation is the one met here.
        expected = function_declares(ctx.api, where.kind)
    declared = declared_tensor(expected) if expected is not None else None
    if declared is None:
        return
    if where.kind == "assign" and target_origin(ctx.api, where) != "declared":
        return  # a name typed by its first value: any shape fits, as plain mypy's
    pattern = translate.shape_of(declared)
    if pattern is None:
        return
    verdict = reduced_mismatch(pattern, reduced)
    if verdict is None:
        return
    drop = next(d for d in reduced.shape if isinstance(d, DroppedRun))
    sizes = (translate.Star(drop.name),) if verdict == "run" else None
    got = reduced.shape
    if where.kind == "assign":
        text = messages.assignment_mismatch(where.target, pattern, got, None, run_sizes=sizes)
    elif where.kind == "yield":
        text = messages.yield_mismatch(pattern, got, run_sizes=sizes)
    else:
        text = messages.return_mismatch(pattern, got, run_sizes=sizes)
    report_shape_error(ctx.api, ShapeError(text, [reduced_note(drop.name, reduced)]), ctx.context)
