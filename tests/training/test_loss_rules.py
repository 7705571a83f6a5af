"""The losses' shape rule: identical shapes or a ShapeError with an exact message."""

from __future__ import annotations

import pytest

from typedflux.shapes.catalog import SPECS
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.rules_losses import LOSSES, NO_AGG

N, M = sym("N"), sym("M")


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_every_loss_is_registered_with_yhat_y(name: str) -> None:
    s = SPECS[name]
    assert [arg.name for arg in s.args[:2]] == ["yhat", "y"]
    assert (s.args[-1].name == "agg") == (name not in NO_AGG)
    assert s.rule(yhat=(4, 3), y=(4, 3)) == ()
    assert s.primitive == (name == "logitcrossentropy")


@pytest.mark.parametrize(
    "yhat, y",
    [
        ((N, 3), (N, 3)),
        ((UNKNOWN, 3), (N, 3)),
        ((N, UNKNOWN), (N, 7)),
        ((Star("Bs"), 10), (Star("Bs"), 10)),
        ((Star(None), 10), (N, 5)),  # unknown rank on one side: cannot tell, so silent
        ((Star("Bs"), 10), (N, 10)),
        ((2 * N, 1), (N + N, 1)),
    ],
)
def test_equal_or_undecidable_shapes_pass(yhat: tuple, y: tuple) -> None:
    assert SPECS["mse"].rule(yhat=yhat, y=y) == ()


@pytest.mark.parametrize(
    "yhat, y, message",
    [
        (
            (N, 1),
            (N,),
            'Shapes differ for "mse": prediction has Tensor[N, 1], target has Tensor[N]; need '
            "identical shapes (no broadcasting in losses); hint: reshape the target to "
            "Tensor[N, 1] or squeeze the prediction",
        ),
        (
            (32,),
            (32, 1),
            'Shapes differ for "mse": prediction has Tensor[32], target has Tensor[32, 1]; need '
            "identical shapes (no broadcasting in losses); hint: reshape the prediction to "
            "Tensor[32, 1] or squeeze the target",
        ),
        (
            (N, 10),
            (M, 10),
            'Shapes differ for "mse": prediction has Tensor[N, 10], target has Tensor[M, 10]; '
            "need identical shapes (no broadcasting in losses) (N vs M at axis -2)",
        ),
        (
            (N, 10),
            (N,),
            'Shapes differ for "mse": prediction has Tensor[N, 10], target has Tensor[N]; '
            "need identical shapes (no broadcasting in losses)",
        ),
        (
            (Star("Bs"), 10),
            (Star("Bs"), 9),
            'Shapes differ for "mse": prediction has Tensor[*Bs, 10], target has Tensor[*Bs, 9]; '
            "need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)",
        ),
        (
            (3, Star("Bs"), 10),
            (4, Star("Bs"), 10),
            'Shapes differ for "mse": prediction has Tensor[3, *Bs, 10], target has Tensor[4, *Bs, 10]; '
            "need identical shapes (no broadcasting in losses) (3 vs 4 at axis 0)",
        ),
        (
            (3, 1),
            (3, 3),  # a literal 1 broadcasts elsewhere, never in a loss
            'Shapes differ for "mse": prediction has Tensor[3, 1], target has Tensor[3, 3]; '
            "need identical shapes (no broadcasting in losses) (1 vs 3 at axis -1)",
        ),
    ],
)
def test_mismatch_messages(yhat: tuple, y: tuple, message: str) -> None:
    with pytest.raises(ShapeError) as info:
        SPECS["mse"].rule(yhat=yhat, y=y)
    assert str(info.value) == message


def test_class_axis_losses_need_an_axis() -> None:
    with pytest.raises(ShapeError) as info:
        SPECS["logitcrossentropy"].rule(yhat=(), y=())
    assert str(info.value) == (
        'Too few dimensions for "logitcrossentropy": prediction has Tensor[()]; need at least '
        "1 dimension (0 given)"
    )
    assert SPECS["mse"].rule(yhat=(), y=()) == ()


def test_label_smoothing_keeps_the_shape_and_needs_a_class_axis() -> None:
    rule = SPECS["label_smoothing"].rule
    assert rule(y=(N, 10), binary=False) == (N, 10)
    assert rule(y=(), binary=True) == ()
    assert rule(y=(Star("Bs"), 3), binary=None) == (Star("Bs"), 3)  # unknown flag: silent
    with pytest.raises(ShapeError) as info:
        rule(y=(), binary=False)
    assert str(info.value) == (
        'Too few dimensions for "label_smoothing": target has Tensor[()]; need at least 1 '
        "dimension (0 given)"
    )


def test_focal_loss_needs_a_class_axis() -> None:
    with pytest.raises(ShapeError, match='Too few dimensions for "focal_loss"'):
        SPECS["focal_loss"].rule(yhat=(), y=())
    assert SPECS["binary_focal_loss"].rule(yhat=(), y=()) == ()
