"""Shape rules of the losses (``tf.losses``): prediction and target shapes must be identical.

Losses never broadcast: ``mse`` of a ``Tensor[N, 1]`` prediction against a ``Tensor[N]``
target would silently compare every row with every label, so it is a ``ShapeError`` here,
both at run time and in mypy. Every loss returns a scalar ``Tensor[()]``.

>>> from typedflux.shapes.dims import sym
>>> N = sym("N")
>>> SPECS["mse"].rule(yhat=(N, 1), y=(N, 1))
()
>>> SPECS["mse"].rule(yhat=(N, 1), y=(N,))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Shapes differ for "mse": prediction has Tensor[N, 1], target has Tensor[N]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[N, 1] or squeeze the prediction
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from typedflux.shapes.catalog import SPECS, Kind, a, spec  # noqa: F401  (SPECS: doctest)
from typedflux.shapes.dims import Star, equal, is_one
from typedflux.shapes.messages import loss_shape_mismatch, rank_too_small
from typedflux.shapes.errors import ShapeError

__all__ = ["identical_shapes", "LOSSES", "NO_AGG", "smoothed_shape"]

Shape = Tuple[Any, ...]

#: Every loss with the extra (shape-irrelevant) parameters of its public function.
LOSSES = {
    "mse": (),
    "mae": (),
    "huber_loss": (a("delta", Kind.IGNORED, 1.0),),
    "crossentropy": (a("eps", Kind.IGNORED, None),),
    "logitcrossentropy": (),
    "binarycrossentropy": (a("eps", Kind.IGNORED, None),),
    "logitbinarycrossentropy": (),
    "kldivergence": (a("eps", Kind.IGNORED, None),),
    "focal_loss": (a("gamma", Kind.IGNORED, 2), a("eps", Kind.IGNORED, None)),
    "binary_focal_loss": (a("gamma", Kind.IGNORED, 2), a("eps", Kind.IGNORED, None)),
    "hinge_loss": (),
    "squared_hinge_loss": (),
    "poisson_loss": (),
    "siamese_contrastive_loss": (a("margin", Kind.IGNORED, 1.0),),
    "dice_coeff_loss": (a("smooth", Kind.IGNORED, 1.0),),
    "tversky_loss": (a("beta", Kind.IGNORED, 0.7),),
}

#: Losses that reduce over everything themselves (Flux's have no ``agg``): a ratio of sums.
NO_AGG = {"dice_coeff_loss", "tversky_loss"}

# Losses whose last axis is the class axis (a softmax or a probability vector lives there).
_CLASS_AXIS = {"crossentropy", "logitcrossentropy", "kldivergence", "focal_loss"}


def _provably_different(yhat: Shape, y: Shape) -> Optional[bool]:
    """``True`` when the shapes provably differ, ``False`` when provably equal, ``None``
    when it cannot be told (unknown dims, or variadic runs that do not line up)."""
    stars = [isinstance(d, Star) for d in yhat], [isinstance(d, Star) for d in y]
    if any(stars[0]) or any(stars[1]):
        if stars[0] != stars[1] or [d for d in yhat if isinstance(d, Star)] != [
            d for d in y if isinstance(d, Star)
        ]:
            return None
        if any(isinstance(d, Star) and d.name is None for d in yhat):
            return None
    elif len(yhat) != len(y):
        return True
    verdict: Optional[bool] = False
    for p, t in zip(yhat, y):
        if isinstance(p, Star):
            continue
        same = equal(p, t)
        if same is False:
            return True
        if same is None:
            verdict = None
    return verdict


def identical_shapes(op: str, yhat: Shape, y: Shape) -> Shape:
    """The rule shared by every loss: ``yhat`` and ``y`` identical, result ``()``.

    >>> identical_shapes("mae", (3, 2), (3, 2))
    ()
    >>> identical_shapes("mae", (3, 2), (3, 4))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Shapes differ for "mae": prediction has Tensor[3, 2], target has Tensor[3, 4]; need identical shapes (no broadcasting in losses) (2 vs 4 at axis -1)
    """
    if _provably_different(yhat, y):
        raise ShapeError(_mismatch(op, yhat, y))
    if op in _CLASS_AXIS and len(yhat) == 0:
        raise ShapeError(rank_too_small(op, "prediction", yhat, 1))
    return ()


def _mismatch(op: str, yhat: Shape, y: Shape) -> str:
    """The message, with the first differing axis or the squeeze hint when one applies."""
    if len(yhat) == len(y):
        # Count axes from the end up to a variadic run (*Bs), from the front before it.
        stars = [i for i, d in enumerate(yhat) if isinstance(d, Star)]
        first = stars[0] if stars else 0
        axes = list(range(-1, first - len(y) - 1, -1)) + list(range(first))
        for axis in axes:
            if not isinstance(yhat[axis], Star) and equal(yhat[axis], y[axis]) is False:
                return loss_shape_mismatch(op, yhat, y, axis=axis)
    elif len(yhat) == len(y) + 1 and is_one(yhat[-1]) and _provably_different(yhat[:-1], y) is not True:
        return loss_shape_mismatch(op, yhat, y, squeeze="prediction")
    elif len(y) == len(yhat) + 1 and is_one(y[-1]) and _provably_different(yhat, y[:-1]) is not True:
        return loss_shape_mismatch(op, yhat, y, squeeze="target")
    return loss_shape_mismatch(op, yhat, y)


def _register(name: str) -> None:
    def rule(yhat: Shape, y: Shape) -> Shape:
        return identical_shapes(name, yhat, y)

    rule.__doc__ = f'Shape rule of "{name}": identical prediction and target shapes -> ().'
    spec(
        name,
        a("yhat", Kind.TENSOR, required=True),
        a("y", Kind.TENSOR, required=True),
        *LOSSES[name],
        *(() if name in NO_AGG else (a("agg", Kind.IGNORED, "mean"),)),
        # logitcrossentropy is a fused primitive with a hand-written VJP; the other
        # losses are composed from primitives at run time.
        functions=(name,),  # in typedflux.losses, not the typedflux namespace
        primitive=name == "logitcrossentropy",
    )(rule)


for _name in LOSSES:
    _register(_name)


@spec(
    "label_smoothing",
    a("y", Kind.TENSOR, required=True),
    a("alpha", Kind.IGNORED, required=True),
    a("binary", Kind.BOOL, False),
    functions=("label_smoothing",),
    primitive=False,
)
def smoothed_shape(y: Shape, binary: Any = False) -> Shape:
    """Shape rule of ``label_smoothing``: the targets keep their shape; one-hot targets need
    a class axis (the last), 0/1 targets (``binary=True``) do not.

    >>> smoothed_shape((4, 10))
    (4, 10)
    >>> smoothed_shape(())
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Too few dimensions for "label_smoothing": target has Tensor[()]; need at least 1 dimension (0 given)
    """
    if binary is False and len(y) == 0:
        raise ShapeError(rank_too_small("label_smoothing", "target", y, 1))
    return tuple(y)
