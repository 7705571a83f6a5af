"""The model walk names every tensor uniquely or refuses the model: keys that would make two
tensors share a dotted name, and dict keys that are not strings, are clear errors wherever a
model is walked (gradients, optimisers, checkpoints, parameter lists); distinct tensors never
share optimiser state; and models nested thousands deep are walked without recursion."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.plan import plan_of
from typedflux.engine.tree import check_names, mirror, walk, walk_with


class Box:
    """A plain model object holding whatever it is given."""

    def __init__(self, **parts: Any) -> None:
        self.__dict__.update(parts)


def _loss(m: Any) -> Any:
    return sum((t * t).sum() for t in tf.params(m))


# Every way a model is walked, each given the model.
WALKS: List[Callable[[Any], Any]] = [
    tf.named_tensors,
    tf.named_params,
    tf.params,
    lambda m: tf.gradient(_loss, m),
    lambda m: tf.setup(tf.Descent(0.1), m),
    lambda m: list(walk(m)),
    lambda m: list(walk_with(m, None)),
    lambda m: mirror(m, lambda t, tr: None),
    plan_of,
]
WALK_IDS = ["named_tensors", "named_params", "params", "gradient", "setup", "walk",
            "walk_with", "mirror", "plan_of"]


def _colliding() -> Any:
    return {"a.b": tf.Dense(2, 2), "a": {"b": tf.Dense(2, 2)}}


@pytest.mark.parametrize("walk_model", WALKS, ids=WALK_IDS)
@pytest.mark.parametrize("wrap", [lambda d: d, lambda d: Box(parts=d), lambda d: [d]],
                         ids=["dict", "object", "list"])
def test_colliding_dotted_names_are_refused(walk_model: Any, wrap: Any) -> None:
    model = wrap(_colliding())
    if walk_model is plan_of and not isinstance(model, Box):
        assert plan_of(model) is None  # not cached: dicts and lists take the general walk
        return
    with pytest.raises(ValueError, match=r'would both be named "(parts\.|0\.)?a\.b\.weight"'):
        walk_model(model)


def test_save_refuses_colliding_names(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"a\.b\.weight"):
        tf.save(_colliding(), tmp_path / "m.safetensors")


def test_dotted_keys_that_do_not_collide_are_fine() -> None:
    model = {"a.b": tf.Dense(2, 2), "c": {"b": tf.Dense(2, 2)}}
    assert [n for n, _ in tf.named_tensors(model)] == [
        "a.b.weight", "a.b.bias", "c.b.weight", "c.b.bias"]
    (g,) = tf.gradient(_loss, model)
    assert g["a.b"].weight.shape == (2, 2)


@pytest.mark.parametrize("walk_model", WALKS, ids=WALK_IDS)
@pytest.mark.parametrize("key", [(0, 1), 0, None, 1.5], ids=["tuple", "int", "None", "float"])
def test_dict_keys_that_are_not_strings_are_refused(walk_model: Any, key: Any) -> None:
    model = Box(blocks={key: tf.Dense(3, 1)})
    with pytest.raises(TypeError, match=r"dict keys in a model must be strings .*; blocks has "
                                        r"the key .* \(\w+\)"):
        walk_model(model)


def test_update_refuses_a_non_string_key_instead_of_never_moving_the_weights() -> None:
    # The issue: {(0, 1): Dense(3, 1)} got gradients, but update never moved the weights.
    model = {(0, 1): tf.Dense(3, 1)}
    with pytest.raises(TypeError, match="dict keys in a model must be strings"):
        tf.gradient(_loss, model)
    with pytest.raises(TypeError, match="dict keys in a model must be strings"):
        tf.setup(tf.Adam(), model)


def test_distinct_tensors_never_share_optimiser_state() -> None:
    shared = tf.ones(2)
    model = {"x": tf.Dense(2, 2), "y": {"w": shared, "v": shared, "u": tf.ones(2)}}
    state = tf.setup(tf.Adam(), model)
    distinct = {id(t) for t in tf.params(model)}
    assert len(list(state)) == len(distinct) == 4  # the shared tensor has one state
    x = tf.ones(1, 2)
    (g,) = tf.gradient(lambda m: m["x"](x).sum() + (m["y"]["u"] * 3.0).sum(), model)
    before = model["y"]["u"].numpy().copy()
    tf.update(state, model, g)
    assert not np.array_equal(before, model["y"]["u"].numpy())
    np.testing.assert_array_equal(shared.numpy(), [1.0, 1.0])  # no gradient: unchanged


def _deep(depth: int) -> Any:
    model: Any = Box(weight=tf.ones(2), bias=tf.zeros(2))
    for i in range(depth):
        if i % 2:
            model = Box(inner=[model]) if i % 500 != 1 else Box(inner=[model], scale=tf.ones(1))
        else:
            model = {"inner": model}
    return model


def test_models_nested_thousands_deep_are_walked_without_recursion() -> None:
    depth = 3000  # well past the interpreter's recursion limit: containers are 4500 deep
    model = _deep(depth)
    named = tf.named_tensors(model)
    assert len(named) == 2 + depth // 500
    assert named[0][0].endswith("inner.0.inner.weight") and named[0][0].count(".") > depth
    assert sum(n.endswith(".scale") for n, _ in named) == depth // 500
    check_names(model)
    wrapped = Box(model=model)
    plan = plan_of(wrapped)
    assert plan is not None and len(plan.watch) == len(named)
    (g,) = tf.gradient(lambda m: _loss(m), wrapped)
    state = tf.setup(tf.Descent(0.5), wrapped)
    tf.update(state, wrapped, g)
    # d/dw of sum(w*w) is 2w: one step of 0.5 takes every parameter to 0.
    assert all(np.allclose(t.numpy(), 0.0) for _, t in tf.named_params(wrapped))
    (gd,) = tf.gradient(lambda m: _loss(m), {"root": model})  # a dict: the general walk
    found = [e for _, _, _, e in walk_with({"root": model}, gd)]
    assert len(found) == len(named) and all(isinstance(e, tf.Tensor) for e in found)


def test_a_chain_nested_a_thousand_deep_trains(tmp_path: Path) -> None:
    inner = tf.Dense(2, 2)
    model: Any = inner
    for _ in range(1000):
        model = tf.Chain(model)
    x = tf.ones(1, 2)
    (g,) = tf.gradient(lambda m: m(x).sum(), model)
    state = tf.setup(tf.Descent(0.5), model)
    before = inner.weight.numpy().copy()
    tf.update(state, model, g)
    np.testing.assert_allclose(inner.weight.numpy(), before - 0.5)  # d(sum(Wx + b))/dW = 1
    names = [n for n, _ in tf.named_tensors(model)]
    assert names == ["layers.0." * 1000 + "weight", "layers.0." * 1000 + "bias"]
    tf.save(model, tmp_path / "deep.safetensors")
    inner.weight.data[...] = 0.0
    tf.load(model, tmp_path / "deep.safetensors")
    np.testing.assert_allclose(inner.weight.numpy(), before - 0.5)


def test_a_flat_dict_of_tensors_walks_as_the_general_walk_does() -> None:
    # mirror and walk_with take a short path for a flat dict of tensors under plain names;
    # the same dict inside a list takes the general walk: both give the same structure,
    # trainability and gradient entries.
    from typedflux.engine.tree import mirror, walk_with

    d = {"w": tf.ones(2), "i": tf.arange(3), "0": tf.zeros(1)}
    grads = {"w": 1, 0: 2}

    def leaf(t: Any, trainable: bool) -> Any:
        return (t.shape, trainable)

    assert mirror(d, leaf) == mirror([d], leaf)[0] == {
        "w": ((2,), True), "i": ((3,), False), "0": ((1,), True)}
    short = [(n, id(t), tr, e) for n, t, tr, e in walk_with(d, grads)]
    general = [(n[2:], id(t), tr, e) for n, t, tr, e in walk_with([d], [grads])]
    assert short == general == [("w", id(d["w"]), True, 1), ("i", id(d["i"]), False, None),
                                ("0", id(d["0"]), True, 2)]
    for odd in ({"a.b": tf.ones(1), "a": {"b": tf.ones(1)}}, {(0, 1): tf.ones(1)}):
        with pytest.raises((TypeError, ValueError)):
            mirror(odd, leaf)
