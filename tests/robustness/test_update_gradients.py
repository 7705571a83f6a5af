"""``tf.update`` given a gradient that is not this model's: a structure that cannot mirror
the model (a list for a Chain, the 2-tuple of a two-argument gradient) made every parameter
find no gradient, so the update silently did nothing; an integer gradient failed inside
Adam's in-place moment update with numpy's casting error, after the first moment had moved.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


def _chain() -> Any:
    tf.seed(0)
    return tf.Chain(tf.Dense(2, 3), tf.Dense(3, 1))


@pytest.mark.parametrize("grads,described", [
    ([1, 2, 3], "a list of 3 for a Chain"),
    ("g g", "a tuple of 2 for a Chain"),
    (tf.ones(3), "a Tensor for a Chain"),
])
def test_a_gradient_that_cannot_mirror_the_model_is_refused(grads: Any, described: str) -> None:
    m = _chain()
    st = tf.setup(tf.Adam(), m)
    if isinstance(grads, str):  # the gradient of this model, twice
        (g,) = tf.gradient(lambda q: q(tf.ones(1, 2)).sum(), m)
        grads = (g, g)
    before = [p.numpy().copy() for p in tf.params(m)]
    with pytest.raises(TypeError, match=rf"^update: the gradient does not mirror the model "
                       rf"\({described}\)"):
        tf.update(st, m, grads)
    assert st.step == 0
    assert all(np.array_equal(a, p.numpy()) for a, p in zip(before, tf.params(m)))


@pytest.mark.parametrize("model,grads", [
    (lambda: {"w": tf.ones(2)}, [tf.ones(2)]),
    (lambda: [tf.ones(2), tf.ones(1)], (tf.ones(2),)),
    (lambda: tf.ones(2), {"w": tf.ones(2)}),
])
def test_containers_and_tensors_are_matched_too(model: Any, grads: Any) -> None:
    m = model()
    with pytest.raises(TypeError, match="^update: the gradient does not mirror the model"):
        tf.update(tf.setup(tf.Descent(), m), m, grads)


@pytest.mark.parametrize("rule", [tf.Descent(0.1), tf.Adam(0.1), tf.Momentum(0.1)])
def test_an_integer_gradient_updates_as_its_float_values(rule: Any) -> None:
    a, b = _chain(), _chain()
    ints = {"layers": [{"weight": tf.tensor(np.ones((3, 2), np.int64))}, None]}
    floats = {"layers": [{"weight": tf.ones(3, 2)}, None]}
    sa, sb = tf.setup(rule, a), tf.setup(rule, b)
    for _ in range(2):
        tf.update(sa, a, ints)
        tf.update(sb, b, floats)
    for p, q in zip(tf.params(a), tf.params(b)):
        np.testing.assert_array_equal(p.numpy(), q.numpy())
    assert sa.step == 2 and not np.array_equal(a[0].weight.numpy(), _chain()[0].weight.numpy())


def test_the_gradient_of_another_kind_of_model_is_refused_before_anything_moves() -> None:
    """A Dense layer's gradient (weight, bias) given for a Chain (whose field is layers)
    passed the "dict or Grads" check and updated nothing, silently."""
    m = _chain()
    st = tf.setup(tf.Adam(), m)
    before = [t.numpy().copy() for _, t in tf.named_tensors(m)]
    (other,) = tf.gradient(lambda d: tf.sum(d(tf.ones(4, 2))), tf.Dense(2, 1))
    with pytest.raises(TypeError, match=r"^update: the gradient does not mirror the model \(a "
                                        r"Grads of weight, bias, activation for a Chain\), so no "
                                        r"parameter would find its gradient in it"):
        tf.update(st, m, other)
    assert all(np.array_equal(a, t.numpy()) for a, (_, t) in zip(before, tf.named_tensors(m)))
    (own,) = tf.gradient(lambda c: tf.sum(c(tf.ones(4, 2))), m)
    tf.update(st, m, own)  # this model's gradient still moves it
    assert not np.array_equal(before[0], m.layers[0].weight.numpy())


@pytest.mark.parametrize("rule", [tf.Descent(0.1), tf.Adam()], ids=["Descent", "Adam"])
def test_a_parameter_reshaped_since_setup_is_refused_before_any_parameter_moves(rule: Any) -> None:
    """A layer replaced after ``tf.setup`` by one of another shape under the same name: the
    optimiser state's shape was checked while the parameters were written, so the layers
    before it had already moved when update raised."""
    tf.seed(0)
    m = {"a": tf.Dense(3, 2), "b": tf.Dense(2, 2)}
    st = tf.setup(rule, m)
    m["b"] = tf.Dense(2, 3)  # b.weight is [3, 2] now; its state was made for [2, 2]
    (g,) = tf.gradient(lambda d: tf.sum(d["b"](d["a"](tf.ones(4, 3))) ** 2), m)
    before = [t.numpy().copy() for _, t in tf.named_tensors(m)]
    with pytest.raises(ValueError, match=r"^update: the optimiser state of b\.weight was set up "
                                         r"for shape Tensor\[2, 2\], but the parameter has "
                                         r"Tensor\[3, 2\]"):
        tf.update(st, m, g)
    assert all(np.array_equal(a, t.numpy()) for a, (_, t) in zip(before, tf.named_tensors(m)))
    assert st.step == 0
