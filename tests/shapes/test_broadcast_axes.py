"""A broadcast clash names the axis the run time names (it checks from the first axis), or
none: a static shape whose earlier axes may clash first leaves the result unknown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes import broadcast_pair
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.errors import CannotTell, ShapeError

B, C, D = sym("B"), sym("C"), sym("D")


def _axis(x: tuple[object, ...], y: tuple[object, ...]) -> str:
    with pytest.raises(ShapeError) as err:
        broadcast_pair(x, y, "add")  # type: ignore[arg-type]
    return err.value.message.split(" at axis ")[1]


def test_an_unknown_axis_before_the_clash_names_no_axis() -> None:
    with pytest.raises(CannotTell):
        broadcast_pair((B, 4, 1), (UNKNOWN, B, 16), "mul")
    # At run time the first axis clashes first.
    assert _axis((6, 4, 1), (4, 6, 16)) == "-3 (6 vs 4)"


def test_a_clash_before_the_unknown_axis_is_named() -> None:
    assert _axis((4, B, 1), (6, UNKNOWN, 16)) == "-3 (4 vs 6)"
    assert _axis((B, 4), (B, 5)) == "-1 (4 vs 5)"


def test_an_axis_before_a_named_run_is_never_named() -> None:
    # The run time counts it from the end, by the run's length.
    with pytest.raises(CannotTell):
        broadcast_pair((C, Star("Bs"), 3), (D, Star("Bs"), 3), "add")
    assert _axis((C, Star("Bs"), 3), (C, Star("Bs"), 4)) == "-1 (3 vs 4)"
    assert _axis((Star("Bs"), 2, 3), (Star(), 5, 3)) == "-2 (2 vs 5)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4),
       st.lists(st.integers(1, 4), min_size=1, max_size=4),
       st.lists(st.booleans(), min_size=4, max_size=4))
def test_a_named_axis_is_the_run_times(xs: list[int], ys: list[int], hide: list[bool]) -> None:
    """Hide some dims of two int shapes: a clash named statically is the run time's."""
    try:
        broadcast_pair(tuple(xs), tuple(ys), "add")
        return
    except ShapeError as err:
        truth = err.message.split(" at axis ")[1].split(" ")[0]
    hidden = tuple(UNKNOWN if hide[i] else d for i, d in enumerate(xs))
    try:
        broadcast_pair(hidden, tuple(ys), "add")  # type: ignore[arg-type]
    except ShapeError as err:
        assert err.message.split(" at axis ")[1].split(" ")[0] == truth
    except CannotTell:
        pass


def test_a_clash_after_axes_lined_up_with_an_unknown_run_names_no_axis() -> None:
    # Swin's relative position bias (corpus round7): ``bias[None]`` is Tensor[1, ..., 3] to
    # the checker, and the run it hides may clash before the last axis.
    with pytest.raises(CannotTell):
        broadcast_pair((2, 3, 4, 4), (1, Star(), 3), "add")
    # At run time the run held (4, 4): axis -3 clashes first.
    assert _axis((2, 3, 4, 4), (1, 4, 4, 3)) == "-3 (3 vs 4)"
    # Dims of 1 (they broadcast), or unknown ones, before the last axis leave it the first.
    assert _axis((1, 1, 4), (Star(), 3)) == "-1 (4 vs 3)"
    assert _axis((Star(), 24), (UNKNOWN, 16)) == "-1 (24 vs 16)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4),
       st.lists(st.integers(1, 4), min_size=1, max_size=4),
       st.integers(0, 4))
def test_a_clash_named_past_an_unknown_run_is_the_run_times(
        xs: list[int], ys: list[int], hidden: int) -> None:
    """Hide the first dims of one int shape as a run of unknown length (``Tensor[..., 3]``):
    a clash named statically is the run time's."""
    try:
        broadcast_pair(tuple(xs), tuple(ys), "add")
        return
    except ShapeError as err:
        truth = err.message.split(" at axis ")[1].split(" ")[0]
    run = (Star(),) + tuple(ys[min(hidden, len(ys)):])
    try:
        broadcast_pair(tuple(xs), run, "add")  # type: ignore[arg-type]
    except ShapeError as err:
        assert err.message.split(" at axis ")[1].split(" ")[0] == truth
    except CannotTell:
        pass
