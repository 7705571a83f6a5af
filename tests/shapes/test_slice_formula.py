"""Slices of a symbolic axis: ``x[2:]`` of ``Tensor[N]`` is ``N - 2`` from ``N >= 2`` on.

``slice_formula`` gives a slice's size over a symbolic axis and the least axis length from
which that size holds. Checked against Python's own slicing of ``range(n)``: for every
length from the threshold on the formula is the length of the slice, and below it the slice
is never longer than the formula says (0 items, not a negative count, where the formula goes
below 0), so a size reported from it is the
run time's size for every axis long enough for the slice as written.
"""

from __future__ import annotations

from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes.dims import UNKNOWN, evaluate, sym
from typedflux.shapes.rules_index import slice_formula, slice_size

N = sym("N")
bounds = st.one_of(st.none(), st.integers(-9, 9))
steps = st.one_of(st.none(), st.sampled_from([1, 2, 3, -1, -2]))


def _at(size: object, n: int) -> int:
    value = size if isinstance(size, int) else evaluate(size, {"N": n})  # type: ignore[arg-type]
    assert isinstance(value, int)
    return value


@settings(max_examples=400, deadline=None)
@given(bounds, bounds, steps)
def test_formula_is_the_slice_length_from_its_threshold(
    start: Optional[int], stop: Optional[int], step: Optional[int]
) -> None:
    sl = slice(start, stop, step)
    size, least = slice_formula(sl, N)
    if size is UNKNOWN:
        return
    assert least >= 1
    for n in range(least, least + 25):
        assert _at(size, n) == len(range(n)[sl]), (sl, size, least, n)
    for n in range(0, least):
        # Below the threshold a bound is clamped: never more items than the formula says,
        # and 0 (not a negative count) where the formula goes below 0.
        assert len(range(n)[sl]) <= max(0, _at(size, n)), (sl, size, least, n)


def test_constant_bounds_of_a_symbol() -> None:
    # jaxtyping's second difference: x[2:] - x[:-2] has N - 2 items, from N >= 2 on.
    assert slice_formula(slice(2, None), N) == (N - 2, 2)
    assert slice_formula(slice(None, -2), N) == (N - 2, 2)
    assert slice_formula(slice(2, -2), N) == (N - 4, 4)
    assert slice_formula(slice(None, 4), N) == (4, 4)
    assert slice_formula(slice(-2, None), N) == (2, 2)
    # Every length >= 1 (the old rule): no threshold.
    assert slice_formula(slice(1, None), N) == (N - 1, 1)
    assert slice_formula(slice(3, 1), N) == (0, 1)
    # A negative step keeps the rule for every length >= 1 only.
    assert slice_size(slice(2, None, -1), N) is UNKNOWN


def test_most_constant_slices_have_a_formula() -> None:
    # The formula is not vacuous: most int slices with a positive step are sized.
    sized = sum(slice_formula(slice(a, b, s), N)[0] is not UNKNOWN
                for a in [None, *range(-5, 6)] for b in [None, *range(-5, 6)] for s in (None, 1, 2))
    assert sized > 300
