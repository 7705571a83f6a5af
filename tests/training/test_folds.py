"""tf.train folds a wide Dense layer's Descent step into its weight gradient's GEMM (its
withgradient hands the gradient out unmade: typedflux/optimise/folds.py): the same numbers as
withgradient + update with every gradient read first (made), bit for bit, with every
guarantee of the finite check kept (nothing written unless all is finite, the culprit named,
the skip option), and never a fold where the gradient is anyone else's.
(tests/engine/test_grad_deferred.py tests the user's own loop and the readers.)"""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
import typedflux.ops.basic_nn as basic_nn
from typedflux.engine.proven import FOLDABLE, FOLDS


@pytest.fixture(autouse=True)
def _unarmed() -> None:
    # No weight is armed at the start (an id left by an earlier test's array could be
    # reused by a new one: never a wrong value, but a first step folded or not by chance).
    FOLDABLE.clear()


def _mlp(seed: int = 0) -> tf.Chain:
    # A wide first layer fed a small batch, of BLAS's axpy size (16,384 entries): its weight
    # gradient is proven, hence folded once a Descent step armed it.
    tf.seed(seed)
    return tf.Chain(tf.Dense(256, 64, tf.relu), tf.Dense(64, 8, tf.relu), tf.Dense(8, 3))


def _data(n: int = 4, seed: int = 1) -> List[Tuple[Any, Any]]:
    rng = np.random.default_rng(seed)
    return [(tf.tensor(rng.standard_normal((2, 256)).astype(np.float32)),
             tf.onehot(rng.integers(0, 3, 2).tolist(), 3)) for _ in range(n)]


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.logitcrossentropy(m(x), y)


def _manual(loss: Callable[..., Any], m: Any, data: Any, st: Any) -> List[float]:
    # The unfolded loop: every gradient read (made) before update.
    out = []
    for x, y in data:
        val, g = tf.withgradient(lambda mm: loss(mm, x, y), m)
        out.append(float(val.item()))
        for _, t in tf.named_params(g[0]):
            assert t.data is not None
        tf.update(st, m, g[0])
    return out


def _params(m: Any) -> dict:
    return {n: p.numpy().copy() for n, p in tf.named_params(m)}


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def _counting(monkeypatch: pytest.MonkeyPatch) -> List[bool]:
    # What each armed weight gradient's backward decided: left unmade or made.
    seen: List[bool] = []
    real = basic_nn.leave_linear

    def spy(*args: Any) -> bool:
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(basic_nn, "leave_linear", spy)
    return seen


@pytest.mark.parametrize("eta", [0.1, 1e-3])
def test_train_folds_and_gives_the_numbers_of_withgradient_and_update(
    eta: float, monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _data()
    a, b = _mlp(), _mlp()
    sa, sb = tf.setup(tf.Descent(eta), a), tf.setup(tf.Descent(eta), b)
    seen = _counting(monkeypatch)
    got = tf.train(_loss, a, data, sa, epochs=2, progress=False)
    assert seen == [True] * 7  # one fold a step, once the first (unfolded) step armed it
    want = _manual(_loss, b, data * 2, sb)
    assert got == want and _same(_params(a), _params(b))
    assert sa.step == sb.step == 8 and sa._bound == sb._bound
    assert FOLDS.tape is None  # nothing left behind


def test_a_non_finite_gradient_elsewhere_refuses_the_step_and_writes_nothing() -> None:
    m = _mlp()
    st = tf.setup(tf.Descent(0.1), m)
    x, y = _data(1)[0]

    def loss(mm: Any, x: Any, y: Any) -> Any:  # sqrt at 0, times 0: NaN in layer 3's bias
        return tf.losses.logitcrossentropy(mm(x), y) + tf.sqrt(mm[2].bias * 0.0).sum()

    before = _params(m)
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.2\.bias is not finite "
                       r"\(3 nan of 3 values\) at epoch 1, batch 1 \(update 1\)"):
        tf.train(loss, m, [(x, y)], st, progress=False)
    assert _same(before, _params(m)) and st.step == 0
    assert FOLDS.tape is None
    # Skipped instead: nothing written, and the next batch trains as without the bad one.
    b = _mlp()
    sb = tf.setup(tf.Descent(0.1), b)
    calls = iter([True, False])

    def sometimes(mm: Any, x: Any, y: Any) -> Any:
        return loss(mm, x, y) if next(calls) else _loss(mm, x, y)

    with pytest.warns(RuntimeWarning, match="train skipped 1 of 2 batches"):
        tf.train(sometimes, m, [(x, y)] * 2, st, progress=False, nonfinite="skip")
    _manual(_loss, b, [(x, y)], sb)
    assert _same(_params(m), _params(b)) and st.step == sb.step == 1


def test_the_culprit_is_named_among_all_gradients_in_walk_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A NaN in the folded layer's bias gradient and in layer 2's: layer 0's bias is named
    # first, as without the fold (its weight gradient is made for the search).
    m = _mlp()
    st = tf.setup(tf.Descent(0.1), m)
    x, y = _data(1)[0]

    def loss(mm: Any, x: Any, y: Any) -> Any:
        bad = tf.sqrt(mm[0].bias * 0.0).sum() + tf.sqrt(mm[2].bias * 0.0).sum()
        return tf.losses.logitcrossentropy(mm(x), y) + bad

    tf.train(_loss, m, [(x, y)], st, progress=False)  # (arms the first weight)
    seen = _counting(monkeypatch)
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.0\.bias"):
        tf.train(loss, m, [(x, y)], st, progress=False)
    assert seen == [True] and st.step == 1


def test_a_weight_used_twice_gets_its_summed_gradient() -> None:
    def net(seed: int) -> Any:
        tf.seed(seed)
        return {"d": tf.Dense(256, 256, tf.relu), "out": tf.Dense(256, 3)}

    def loss(mm: Any, x: Any, y: Any) -> Any:
        return tf.losses.logitcrossentropy(mm["out"](mm["d"](mm["d"](x))), y)

    data = _data(3)
    a, b = net(0), net(0)
    sa, sb = tf.setup(tf.Descent(0.05), a), tf.setup(tf.Descent(0.05), b)
    assert tf.train(loss, a, data, sa, progress=False) == _manual(loss, b, data, sb)
    assert _same(_params(a), _params(b))


def test_an_inner_gradient_inside_the_loss_is_never_folded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = _mlp()
    st = tf.setup(tf.Descent(0.01), m)
    x, y = _data(1)[0]
    inner: List[Any] = []

    def loss(mm: Any, x: Any, y: Any) -> Any:
        # An inner gradient over a layer holding the same weight array, detached (the tape
        # refuses the weight itself): leaf 0 of its tape, the array train asked to fold.
        d = tf.Dense(256, 64, tf.relu)
        d.weight, d.bias = mm[0].weight.detach(), mm[0].bias.detach()
        assert d.weight.data is mm[0].weight.data
        (g,) = tf.gradient(lambda k: k(x).sum(), d)
        inner.append(g.weight)
        return _loss(mm, x, y)

    tf.train(_loss, m, [(x, y)], st, progress=False)  # (arms the first weight)
    want = tf.gradient(lambda k: k(x).sum(), m[0])[0].weight
    seen = _counting(monkeypatch)
    tf.train(loss, m, [(x, y)], st, progress=False)
    assert inner[0] is not None and np.array_equal(inner[0].numpy(), want.numpy())
    assert seen == [True]  # only train's own backward (no tape recording) asked to fold


def test_other_rules_and_a_changed_leaf_get_the_product() -> None:
    data = _data(3)
    for make in (lambda: tf.Adam(1e-2), lambda: tf.Momentum(0.01)):
        a, b = _mlp(), _mlp()
        sa, sb = tf.setup(make(), a), tf.setup(make(), b)
        assert tf.train(_loss, a, data, sa, progress=False) == _manual(_loss, b, data, sb)
        assert _same(_params(a), _params(b))
    # A Descent state whose first layer's leaf got another rule: its product is made.
    a, b = _mlp(), _mlp()
    sa, sb = tf.setup(tf.Descent(0.1), a), tf.setup(tf.Descent(0.1), b)
    for s in (sa, sb):
        s["layers.0.weight"].rule = tf.Nesterov(0.01)
        s["layers.0.weight"].state = tf.Nesterov(0.01).init(np.zeros((64, 256), np.float32))
    assert tf.train(_loss, a, data, sa, progress=False) == _manual(_loss, b, data, sb)
    assert _same(_params(a), _params(b))


def test_a_non_finite_loss_drops_the_factors_and_training_goes_on() -> None:
    m, b = _mlp(), _mlp()
    st, sb = tf.setup(tf.Descent(0.1), m), tf.setup(tf.Descent(0.1), b)
    data = _data(2)
    calls = iter([False, True, True])

    def loss(mm: Any, x: Any, y: Any) -> Any:
        out = _loss(mm, x, y)
        return out if next(calls) else out * float("inf")

    with pytest.warns(RuntimeWarning, match="train skipped 1 of 3 batches"):
        tf.train(loss, m, [data[0]] + data, st, progress=False, nonfinite="skip")
    _manual(_loss, b, data, sb)
    assert _same(_params(m), _params(b)) and FOLDS.tape is None


def test_compiled_training_is_not_folded_and_still_equal() -> None:
    data = _data(3)
    a, b = _mlp(), _mlp()
    sa, sb = tf.setup(tf.Descent(0.1), a), tf.setup(tf.Descent(0.1), b)
    assert (tf.train(_loss, a, data, sa, progress=False, compile=True)
            == tf.train(_loss, b, data, sb, progress=False))
    assert _same(_params(a), _params(b))


def test_a_weight_used_three_times_gets_the_unfolded_sum_bit_for_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The tape sums a weight's parts in scan order; a product left aside and added to the
    # sum of the others would round differently from three parts on: never left then.
    def net(seed: int) -> Any:
        tf.seed(seed)
        d = tf.Dense(256, 256, tf.relu)
        return tf.Chain(d, d, d, tf.Dense(256, 3))

    data = _data(4)
    a, b = net(0), net(0)
    sa, sb = tf.setup(tf.Descent(0.05), a), tf.setup(tf.Descent(0.05), b)
    seen = _counting(monkeypatch)
    assert tf.train(_loss, a, data, sa, progress=False) == _manual(_loss, b, data, sb)
    assert _same(_params(a), _params(b))
    assert seen and not any(seen)
