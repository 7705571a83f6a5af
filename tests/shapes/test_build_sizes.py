"""Containers refused where built only when they fail for every input size.

A Conv's input sizes are fresh symbols where a container is built (``H'``, ``W'``): a
conflict is reported there only when it holds for every value. Checked against the run:
random SkipConnections, Parallels (alone and in a Chain) and PairwiseFusions of Convs (kernels, pads, ``"same"``,
strides, dilations, nested Chains; ``cat`` or ``add`` joins) are built; when the build
refuses one, the same parts wired by hand (no build check) fail on every sampled input size,
and so a container that runs for some sampled size is never refused.
"""

from __future__ import annotations

from typing import Any, Callable, List, Sequence, Tuple, Union

from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import Chain, Conv, PairwiseFusion, Parallel, SkipConnection
from typedflux.shapes.dims import equal, fresh, is_one
from typedflux.shapes.errors import ShapeError

C = 2  # one channel count everywhere: only spatial sizes can clash

ConvSpec = Tuple[int, Union[int, str], int, int]  # kernel, pad, stride, dilation

convs = st.tuples(
    st.sampled_from([1, 2, 3, 5]),
    st.sampled_from([0, 1, 2, "same"]),
    st.sampled_from([1, 1, 1, 2, 3]),  # strides: stride 1 often, so conflicts are common
    st.sampled_from([1, 1, 2]),
)
branch = st.lists(convs, min_size=1, max_size=3)
SIZES = [(1, 1), (2, 3), (3, 3), (4, 7), (5, 5), (6, 9), (8, 8), (11, 4), (13, 13), (16, 10)]


def _conv(spec: ConvSpec) -> Any:
    k, pad, stride, dilation = spec
    return Conv((k, k), C, C, pad=pad, stride=stride, dilation=dilation)


def _branch(specs: Sequence[ConvSpec]) -> Any:
    layers = [_conv(s) for s in specs]
    if len(layers) == 1:
        return layers[0]
    # A nested Chain now and then: Chain(a, Chain(b, c)).
    return Chain(layers[0], Chain(*layers[1:])) if len(layers) == 3 else Chain(*layers)


def _by_hand(kind: str, join: Callable[..., Any], parts: List[Any]) -> Callable[[Any], Any]:
    """The container's computation with no construction check."""
    if kind == "skip":
        return lambda x: join(parts[0](x), x)
    if kind in ("parallel", "chain"):
        return lambda x: join(*(p(x) for p in parts))
    return lambda x: parts[1](join(parts[0](x), x))  # PairwiseFusion given one input


def _build(kind: str, join: Callable[..., Any], parts: List[Any]) -> Any:
    if kind == "skip":
        return SkipConnection(parts[0], join)
    if kind == "parallel":
        return Parallel(join, *parts)
    if kind == "chain":
        return Chain(Parallel(join, *parts))  # in a Chain every branch gets one input
    return PairwiseFusion(join, *parts)


@settings(max_examples=120, deadline=None)
@given(kind=st.sampled_from(["skip", "parallel", "chain", "fusion"]),
       join=st.sampled_from([tf.cat, tf.add]), branches=st.lists(branch, min_size=2, max_size=2))
def test_a_container_refused_where_built_fails_for_every_size(
        kind: str, join: Callable[..., Any], branches: List[List[ConvSpec]]) -> None:
    parts = [_branch(b) for b in branches[: 1 if kind == "skip" else 2]]
    try:
        _build(kind, join, parts)
    except ShapeError as err:
        refused = err.message
    else:
        return  # built: nothing is claimed (a bad size is the call's business)
    run = _by_hand(kind, join, parts)
    for h, w in SIZES:
        try:
            run(tf.zeros(1, C, h, w))
        except ShapeError:
            continue
        raise AssertionError(f"refused where built ({refused}), but runs on {h}x{w}")


def test_the_build_check_refuses_some_and_not_others() -> None:
    """The property above has teeth: a shrinking branch beside a padded one, both given one
    input (in a Chain), is refused with cat; a Parallel alone is not (each branch may get an
    input of its own), nor a join with add (H' - 2 and H' broadcast when H' = 3), nor
    branches of equal sizes however written."""
    shrinks, keeps = Conv((3, 3), C, C), Conv((3, 3), C, C, pad=1)
    try:
        Chain(Parallel(tf.cat, shrinks, keeps))
    except ShapeError as err:
        assert "H' - 2 vs H'" in err.message
    else:
        raise AssertionError("a cat of H' - 2 and H' was not refused")
    alone = Parallel(tf.cat, shrinks, keeps)
    assert alone(tf.zeros(1, C, 10, 10), tf.zeros(1, C, 8, 8)).shape == (1, C, 8, 16)
    Chain(Parallel(tf.add, shrinks, keeps))(tf.zeros(1, C, 3, 3))
    Chain(Parallel(tf.cat, Conv((3, 3), C, C, dilation=2), Conv((5, 5), C, C)))


def test_fresh_sizes_are_never_held_rigid() -> None:
    """Only a constant difference proves two dims of fresh sizes unequal; nothing proves
    one is not 1."""
    H, W = fresh("H"), fresh("W")
    assert equal(H - 2, H) is False and equal(2 * (H - 1), 2 * H) is False
    assert equal(H, W) is None and equal(2 * H, H) is None and equal(H - 2, 1) is None
    assert equal((H - 1) // 2, (H + 1) // 2) is False
    assert is_one(H - 2) is None and equal(H + 0, H) is True
