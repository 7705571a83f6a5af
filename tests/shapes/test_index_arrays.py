"""An integer index array in a key (``IndexArray``, the plugin's stand-in for an index tensor
proven to hold integers): the getitem rule against numpy itself."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes.dims import sym
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_index import IndexArray, getitem_shape

_bounds = st.one_of(st.none(), st.integers(-5, 5))
_basic = st.one_of(
    st.builds(slice, _bounds, _bounds, st.one_of(st.none(), st.sampled_from([1, 2, -1, -2]))),
    st.none(), st.just(Ellipsis), st.integers(-1, 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4),
       st.lists(_basic, max_size=3), st.integers(0, 3),
       st.lists(st.integers(1, 3), max_size=2))
def test_the_rule_gives_numpys_shape(x: List[int], rest: List[Any], at: int,
                                     index: List[int]) -> None:
    items = list(rest)
    items.insert(min(at, len(items)), "array")
    static = tuple(IndexArray(tuple(index)) if it == "array" else it for it in items)
    runtime = tuple(np.zeros(index, dtype=np.int64) if it == "array" else it for it in items)
    try:
        want = np.empty(x)[runtime].shape
    except IndexError:
        want = None
    try:
        got = getitem_shape(tuple(x), static)
    except CannotTell:
        return
    except ShapeError:
        assert want is None
        return
    assert got == want


def test_an_index_tensor_gathers_rows() -> None:
    T, H = sym("T"), sym("H")
    assert getitem_shape((2 * T - 1, H), IndexArray((T, T))) == (T, T, H)
    assert getitem_shape((4, 9, 3), (Ellipsis, IndexArray((5,)), slice(None))) == (4, 5, 3)


def test_an_int_beside_the_array_is_not_read() -> None:
    # numpy broadcasts the int with the array and, when they are apart, moves the result first.
    with pytest.raises(CannotTell):
        getitem_shape((4, 9, 3), (0, slice(None), IndexArray((5,))))
    with pytest.raises(CannotTell):
        getitem_shape((4, 9), (IndexArray((5,)), IndexArray((5,))))
