"""An update whose own step makes a parameter NaN or infinite from finite gradients says so
(issue 12): ``Descent(1e38)`` in one lone ``update``, and the same for every rule the package
exports. The update stays applied in full (the error says so, ``applied`` is True); the next
update refuses to go on from it."""

from __future__ import annotations

import inspect
import warnings
from typing import Any, Callable, Dict, List

import numpy as np
import pytest

import typedflux as tf
import typedflux.optimise as optimise
from typedflux.optimise.rules import Rule

F32_MAX = float(np.finfo(np.float32).max)

# For each exported rule, a way one update of a parameter [-max, 1] by a finite gradient
# [gradient, 0] leaves it not finite: a huge learning rate pushing -max below the range, or
# (AdaDelta, whose steps stay small) epsilon=0 dividing 0 by 0 where the gradient is 0.
RULES: Dict[str, Callable[[], Rule]] = {
    "Descent": lambda: tf.Descent(1e38),
    "Momentum": lambda: tf.Momentum(1e38),
    "Nesterov": lambda: tf.Nesterov(1e38),
    "Adam": lambda: tf.Adam(1e38),
    "AdamW": lambda: tf.AdamW(1e38),
    "RAdam": lambda: tf.RAdam(1e38),
    "NAdam": lambda: tf.NAdam(1e38),
    "AdaMax": lambda: tf.AdaMax(1e38),
    "AdaBelief": lambda: tf.AdaBelief(1e38),
    "OAdam": lambda: tf.OAdam(1e38),
    "Lion": lambda: tf.Lion(1e38),
    "RMSProp": lambda: tf.RMSProp(1e38),
    "AdaGrad": lambda: tf.AdaGrad(1e38),
    "AdaDelta": lambda: tf.AdaDelta(epsilon=0.0),
    "ClipGrad": lambda: tf.ClipGrad(1e38),
    "ClipNorm": lambda: tf.ClipNorm(1e38),
    "WeightDecay": lambda: tf.WeightDecay(0.0),
    "SignDecay": lambda: tf.SignDecay(0.0),
    "AccumGrad": lambda: tf.AccumGrad(1),
    "OptimiserChain": lambda: tf.OptimiserChain(tf.ClipGrad(1e38), tf.Descent(1.0)),
    "Scheduler": lambda: tf.Scheduler(tf.Descent(), eta=lambda t: 1e38),
}
# Rules that pass the gradient through as the step: it must be huge itself.
PASS_THROUGH = {"ClipGrad", "ClipNorm", "WeightDecay", "SignDecay", "AccumGrad",
                "OptimiserChain"}


def test_every_exported_rule_is_covered() -> None:
    exported = {n for n in optimise.__all__
                if inspect.isclass(getattr(optimise, n)) and issubclass(getattr(optimise, n), Rule)
                and getattr(optimise, n) is not Rule}
    assert exported == set(RULES)


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_update_that_makes_a_parameter_not_finite_names_it(name: str) -> None:
    m = {"layers": [tf.Dense(2, 2), {"w": tf.tensor(np.array([-F32_MAX, 1.0], np.float32))}]}
    st = tf.setup(RULES[name](), m)
    big = 1e38 if name in PASS_THROUGH else 1.0
    g = {"layers": [None, {"w": tf.tensor(np.array([big, 0.0], np.float32))}]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's own overflow warnings
        with pytest.raises(tf.NonFiniteError, match=r"update: parameter layers\.1\.w is not "
                           r"finite \(.* of 2 values\) after update 1, which was applied in full "
                           r"\(every parameter and the optimiser state hold its values; its "
                           r"gradients were finite\)") as e:
            tf.update(st, m, g)
        assert (e.value.what, e.value.name, e.value.step, e.value.applied) == (
            "parameter", "layers.1.w", 1, True)
        assert st.step == 1 and not np.isfinite(m["layers"][1]["w"].numpy()).all()
        # Nothing goes on from there: the next gradient through it is not finite.
        (g2,) = tf.gradient(lambda mm: (mm["layers"][1]["w"] ** 2).sum(), m)
        with pytest.raises(tf.NonFiniteError, match=r"parameter layers\.1\.w is not finite "
                           r".* at update 2; nothing was updated") as e2:
            tf.update(st, m, g2)
        assert not e2.value.applied and st.step == 1


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_descent_bounds_its_step_or_looks(dtype: Any) -> None:
    big = float(np.finfo(dtype).max)
    # Finite parameters and gradients, a step that stays in range: no false alarm, also
    # near the end of the range (1e30 * 1 is far above float16's, so that one overflows).
    m = {"w": tf.tensor(np.array([0.0, 1.0], dtype), dtype)}
    st = tf.setup(tf.Descent(min(1e30, big / 4)), m)
    tf.update(st, m, {"w": tf.tensor(np.array([1.0, -1.0], dtype), dtype)})
    assert np.isfinite(m["w"].numpy()).all() and st.step == 1
    # A step that leaves the range: named.
    m = {"w": tf.tensor(np.array([-big, 1.0], dtype), dtype)}
    assert m["w"].data.dtype == dtype
    st = tf.setup(tf.Descent(big / 2), m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(tf.NonFiniteError, match=r"parameter w is not finite \(1 inf"):
            tf.update(st, m, {"w": tf.tensor(np.array([4.0, 0.0], dtype), dtype)})


def test_a_learning_rate_beyond_the_dtype_is_caught_even_with_zero_gradients() -> None:
    # float32(1e39) is inf, and inf * 0 is NaN: the bound alone (0 for zero gradients) would
    # miss it.
    m = {"w": tf.tensor(np.ones(3, np.float32))}
    st = tf.setup(tf.Descent(1e39), m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(tf.NonFiniteError, match=r"parameter w is not finite \(3 nan"):
            tf.update(st, m, {"w": tf.zeros(3)})


def test_a_large_parameter_through_blas_axpy_is_caught() -> None:
    # Large parameters take the BLAS axpy route, not numpy's expression.
    p = np.zeros((128, 256), np.float32)
    p[5, 7] = -F32_MAX
    m = {"w": tf.tensor(p)}
    st = tf.setup(tf.Descent(1e38), m)
    g = np.zeros_like(p)
    g[5, 7] = 1.0
    with pytest.raises(tf.NonFiniteError, match=r"parameter w is not finite \(1 inf of 32768"):
        tf.update(st, m, {"w": tf.tensor(g)})


def _mlp() -> Any:
    tf.seed(3)
    return tf.Chain(tf.Dense(64, 256, tf.relu), tf.Dense(256, 4))


def _batches() -> List[Any]:
    rng = np.random.default_rng(0)
    return [(tf.tensor(rng.standard_normal((8, 64)).astype(np.float32)),
             tf.onehot(rng.integers(0, 4, 8).tolist(), 4)) for _ in range(4)]


@pytest.mark.parametrize("compile", [False, True])
def test_train_stops_at_the_batch_whose_update_overflowed_eager_and_compiled(
    compile: bool,
) -> None:
    # A Dense model big enough for the compiled step to fold its updates into the GEMMs
    # (engine/proven.py's bound then vouches for the folded gradients).
    results = []
    for c in (False, compile):
        m = _mlp()
        st = tf.setup(tf.Descent(1e30), m)
        # (Finite gradients near 1e9, steps near 1e39: beyond float32 at the first update.)
        loss = lambda mm, x, y: tf.losses.logitcrossentropy(mm(x), y) * 1e10  # noqa: E731
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            with pytest.raises(tf.NonFiniteError, match=r"train: parameter layers\.\d\.\w+ is "
                               r"not finite .* after update 1 \(epoch 1, batch 1\)") as e:
                tf.train(loss, m, _batches(), st, progress=False, nonfinite="skip", compile=c)
        results.append((e.value.name, e.value.step, e.value.batch, e.value.applied,
                        [p.numpy().copy() for _, p in tf.named_params(m)]))
    (n1, s1, b1, a1, p1), (n2, s2, b2, a2, p2) = results
    assert (n1, s1, b1, a1) == (n2, s2, b2, a2) and a1
    for x, y in zip(p1, p2):
        np.testing.assert_array_equal(x, y)


def test_train_still_skips_batches_with_non_finite_gradients() -> None:
    m = {"w": tf.tensor([1.0, 2.0])}
    st = tf.setup(tf.Descent(0.1), m)
    data = [tf.tensor([1.0, 1.0]), tf.tensor([0.0, 1.0]), tf.tensor([1.0, 1.0])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.warns(RuntimeWarning, match="train skipped 1 of 3 batches"):
            # sqrt(0 * w) has a NaN gradient with a finite (0) value: batch 2 is skipped.
            tf.train(lambda mm, c: (tf.sqrt(mm["w"] * c)).sum(), m, data, st,
                     progress=False, nonfinite="skip")
    assert st.step == 2 and [s.batch for s in st.skipped] == [2]
    assert np.isfinite(m["w"].numpy()).all()
