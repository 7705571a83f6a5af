"""setup/update over models, freeze/thaw, adjust, trainmode/testmode, and the training loop."""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux import losses
from typedflux.optimise.rules import Rule


def _mlp() -> tf.Chain:
    return tf.Chain(tf.Dense(3, 4, tf.tanh), tf.Dense(4, 2))


def _loss(m: Any, x: Any, y: Any) -> Any:
    return losses.mse(m(x), y)


def _batch() -> tuple:
    r = np.random.default_rng(0)
    return tf.tensor(r.standard_normal((6, 3))), tf.tensor(r.standard_normal((6, 2)))


def test_setup_mirrors_trainable_params() -> None:
    m = tf.Chain(tf.Dense(3, 4), tf.BatchNorm(4), tf.Dense(4, 2))
    st = tf.setup(tf.Momentum(), m)
    assert list(st) == [n for n, _ in tf.named_params(m)]
    assert "layers.1.running_mean" not in st  # buffers are not optimised
    assert st["layers.0.weight"].state.shape == (4, 3)
    assert st["layers.0.weight"].state.dtype == np.float32


@pytest.mark.parametrize(
    "rule",
    [tf.Descent(0.1), tf.Momentum(0.05), tf.Nesterov(0.05), tf.Adam(0.01), tf.AdamW(0.01, lambd=0.1),
     tf.RMSProp(0.01), tf.AdaGrad(0.1), tf.OptimiserChain(tf.ClipNorm(0.5), tf.WeightDecay(0.01), tf.Descent(0.1))],
    ids=repr,
)
def test_update_applies_the_rule_to_every_parameter_in_place(rule: Rule) -> None:
    tf.seed(1)
    m = _mlp()
    x, y = _batch()
    # The same steps done by hand with the rule on copies of the arrays.
    shadow = {n: p.numpy().astype(np.float64) for n, p in tf.named_params(m)}
    states = {n: rule.init(a) for n, a in shadow.items()}
    st = tf.setup(rule, m)
    arrays = [p.data for p in tf.params(m)]
    for _ in range(4):
        (g,) = tf.gradient(_loss, m, x, y)[:1]
        for n, p in tf.named_params(m):
            grad = g.layers[int(n.split(".")[1])].__dict__[n.split(".")[2]].numpy().astype(np.float64)
            states[n], step = rule.apply(states[n], shadow[n], grad)
            shadow[n] = shadow[n] - step
        tf.update(st, m, g)
        # Re-sync the shadow with the float32 model so rounding does not accumulate.
        for n, p in tf.named_params(m):
            np.testing.assert_allclose(p.numpy(), shadow[n], rtol=2e-5, atol=1e-6)
            shadow[n] = p.numpy().astype(np.float64)
    assert all(p.data is a for p, a in zip(tf.params(m), arrays))  # in place
    assert all(p.dtype == np.float32 for p in tf.params(m))


def test_update_lowers_the_loss_and_accepts_the_gradient_tuple() -> None:
    tf.seed(2)
    m = _mlp()
    x, y = _batch()
    st = tf.setup(tf.Descent(0.1), m)
    before = _loss(m, x, y).item()
    grads = tf.gradient(lambda mm: _loss(mm, x, y), m)  # a 1-tuple
    state, model = tf.update(st, m, grads)
    assert state is st and model is m
    assert _loss(m, x, y).item() < before


def test_frozen_parameters_are_skipped_even_if_frozen_after_setup() -> None:
    m = _mlp()
    x, y = _batch()
    st = tf.setup(tf.Descent(0.5), m)
    tf.freeze(m[0])
    w0, b1 = m[0].weight.numpy().copy(), m[1].bias.numpy().copy()
    tf.update(st, m, tf.gradient(_loss, m, x, y)[0])
    np.testing.assert_array_equal(m[0].weight.numpy(), w0)
    assert not np.array_equal(m[1].bias.numpy(), b1)
    # Thawed later: it trains again (state created lazily when it was not set up).
    st2 = tf.setup(tf.Adam(0.1), m)
    assert "layers.0.weight" not in st2
    tf.thaw(m)
    tf.update(st2, m, tf.gradient(_loss, m, x, y)[0])
    assert "layers.0.weight" in st2 and not np.array_equal(m[0].weight.numpy(), w0)


def test_freeze_by_name_and_thaw_by_name() -> None:
    d = tf.Dense(2, 3)
    tf.freeze(d, "bias")
    assert [n for n, _ in tf.named_params(d)] == ["weight"]
    tf.freeze(d)
    assert tf.params(d) == []
    tf.thaw(d, "weight")
    assert [n for n, _ in tf.named_params(d)] == ["weight"]
    tf.thaw(d)
    assert len(tf.params(d)) == 2
    (g,) = tf.gradient(lambda layer: layer(tf.ones(1, 2)).sum(), tf.freeze(d, "weight"))
    assert g.weight is None and g.bias is not None


def test_freeze_containers_and_errors() -> None:
    layers = [tf.Dense(2, 2), tf.Dense(2, 2)]
    tf.freeze(layers)
    assert tf.params(layers) == []
    tf.thaw(layers)
    assert len(tf.params(layers)) == 4
    with pytest.raises(AttributeError, match="Dense has no attribute wieght"):
        tf.freeze(tf.Dense(2, 2), "wieght")
    with pytest.raises(TypeError, match="not a Tensor"):
        tf.freeze(tf.ones(2))
    with pytest.raises(TypeError, match="bare Tensor"):
        tf.freeze({"w": tf.ones(2)})


def test_gradient_of_another_model_is_a_shape_error() -> None:
    m = _mlp()
    st = tf.setup(tf.Descent(), m)
    other = tf.Chain(tf.Dense(3, 5, tf.tanh), tf.Dense(5, 2))
    (g,) = tf.gradient(_loss, other, *_batch())[:1]
    with pytest.raises(tf.ShapeError, match=r'Gradient shape differs for "update": parameter layers.0.weight has Tensor\[4, 3\], its gradient has Tensor\[5, 3\]'):
        tf.update(st, m, g)


def test_setup_and_update_argument_errors() -> None:
    with pytest.raises(TypeError, match="takes a rule such as tf.Adam"):
        tf.setup(_mlp(), tf.Adam())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes the state from tf.setup"):
        tf.update(tf.Adam(), _mlp(), None)  # type: ignore[arg-type]


def test_adjust_changes_hyperparameters_and_keeps_state() -> None:
    m = _mlp()
    st = tf.setup(tf.OptimiserChain(tf.ClipGrad(1.0), tf.Adam(0.1)), m)
    tf.update(st, m, tf.gradient(_loss, m, *_batch())[0])
    moments = st["layers.0.weight"].state[1].m.copy()
    tf.adjust(st, eta=0.001, delta=0.5)
    assert st["layers.0.weight"].rule.rules[1].eta == 0.001
    assert st["layers.0.weight"].rule.rules[0].delta == 0.5
    np.testing.assert_array_equal(st["layers.0.weight"].state[1].m, moments)
    with pytest.raises(TypeError, match="has no hyperparameter lr"):
        tf.adjust(st, lr=0.1)


def test_trainmode_testmode_reach_nested_layers() -> None:
    inner = tf.Chain(tf.Dense(2, 2), tf.Dropout(0.5))
    m = tf.Chain(inner, tf.SkipConnection(tf.BatchNorm(2), tf.add), tf.Dropout(0.1))
    modes = lambda: [inner[1].training, m[1].layer.training, m[2].training]  # noqa: E731
    assert modes() == [None, None, None]
    assert tf.testmode(m) is m and modes() == [False, False, False]
    tf.trainmode(m)
    assert modes() == [True, True, True]
    tf.testmode(m, False)
    assert modes() == [True, True, True]
    tf.trainmode(m, None)
    assert modes() == [None, None, None]
    with pytest.raises(ValueError, match="mode must be True, False or None"):
        tf.trainmode(m, "auto")  # type: ignore[arg-type]


def test_testmode_makes_dropout_deterministic() -> None:
    m = tf.Chain(tf.Dense(4, 4), tf.Dropout(0.5))
    x = tf.ones(3, 4)
    tf.trainmode(m)
    tf.seed(0)
    dropped = m(x).numpy()
    assert (dropped == 0).any()  # trainmode forces dropout on outside a gradient
    tf.testmode(m)
    np.testing.assert_array_equal(m(x).numpy(), m[0](x).numpy())


def test_train_end_to_end_decreases_the_loss() -> None:
    tf.seed(3)
    r = np.random.default_rng(3)
    # Two Gaussian blobs per class, 3 classes: learnable by a small MLP.
    centres = np.array([[2.0, 0.0], [-2.0, 1.0], [0.0, -2.5]])
    labels = r.integers(0, 3, 240)
    X = centres[labels] + 0.6 * r.standard_normal((240, 2))
    data = tf.DataLoader((X, tf.onehot(labels, 3)), batchsize=32, shuffle=True, rng=0)
    model = tf.Chain(tf.Dense(2, 16, tf.relu), tf.Dense(16, 3))
    state = tf.setup(tf.Adam(0.02), model)
    loss = lambda m, x, y: losses.logitcrossentropy(m(x), y)  # noqa: E731
    history = tf.train(loss, model, data, state, epochs=5, progress=False)
    assert len(history) == 5 * len(data)
    assert all(isinstance(v, float) for v in history)
    first, last = np.mean(history[: len(data)]), np.mean(history[-len(data):])
    assert last < 0.5 * first
    accuracy = np.mean(tf.onecold(model(tf.tensor(X))).numpy() == labels)
    assert accuracy > 0.9


def test_train_splats_tuples_and_passes_other_batches_whole() -> None:
    m = {"w": tf.tensor([0.0])}
    st = tf.setup(tf.Descent(0.25), m)
    seen = []
    tf.train(lambda mm, d: seen.append(type(d)) or ((mm["w"] - d) ** 2).sum(), m, [tf.tensor([1.0])], st, progress=False)
    tf.train(lambda mm, a, b: ((mm["w"] - a * b) ** 2).sum(), m, [(tf.tensor([1.0]), 2.0)], st, progress=False)
    assert seen == [tf.Tensor]


def test_train_stops_on_a_non_finite_loss_before_updating() -> None:
    m = {"w": tf.tensor([1.0])}
    st = tf.setup(tf.Descent(0.1), m)
    with pytest.raises(FloatingPointError, match="the loss is nan at epoch 1, batch 2"):
        tf.train(lambda mm, d: (mm["w"] * d).sum(), m, [tf.tensor([1.0]), tf.tensor([np.nan])], st, progress=False)
    assert m["w"].numpy()[0] == pytest.approx(0.9)  # only the first batch was applied


def test_train_argument_errors() -> None:
    with pytest.raises(TypeError, match="state must come from tf.setup"):
        tf.train(_loss, _mlp(), [], tf.Adam())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="epochs must be a non-negative int"):
        tf.train(_loss, _mlp(), [], tf.setup(tf.Adam(), _mlp()), epochs=1.5)  # type: ignore[arg-type]


def test_progress_with_tqdm(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    m = {"w": tf.tensor([0.0])}
    tf.train(lambda mm, d: ((mm["w"] - d) ** 2).sum(), m, [tf.tensor([1.0])] * 3, tf.setup(tf.Descent(0.1), m), epochs=2)
    err = capsys.readouterr().err
    assert "epoch 2/2" in err and "3/3" in err and "loss=" in err


def test_progress_falls_back_to_text_without_tqdm(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm...` raise ImportError
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    m = {"w": tf.tensor([0.0])}
    tf.train(lambda mm, d: ((mm["w"] - d) ** 2).sum(), m, [tf.tensor([1.0])] * 3, tf.setup(tf.Descent(0.1), m))
    err = capsys.readouterr().err
    assert "\rtrain 3/3 loss=" in err and err.endswith("\n")


def test_argument_errors_name_the_argument() -> None:
    with pytest.raises(TypeError, match="adjust\\(state, \\*\\*changes\\) takes the state from tf.setup first, got Adam"):
        tf.adjust(tf.Adam(), eta=0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="trainmode: mode must be True, False or None"):
        tf.trainmode(_mlp(), tf.ones(3))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="freeze: attribute names must be strings, got int"):
        tf.freeze(tf.Dense(2, 2), 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="mse: agg must be a function reducing the losses, such as tf.mean or tf.sum, got int"):
        losses.mse(tf.ones(2), tf.ones(2), agg=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="onecold: scores must be a tensor or a rectangular array of numbers"):
        tf.onecold([[1, 2], [3]])
    with pytest.raises(TypeError, match="onecold: labels must be a sequence with one entry per class, got float"):
        tf.onecold(tf.ones(2, 3), 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="logitcrossentropy: the class axis \\(the last\\) is empty"):
        losses.logitcrossentropy(tf.zeros(2, 0), tf.zeros(2, 0))
    # bool 0/1 targets are numbers
    assert losses.binarycrossentropy(tf.tensor([0.9, 0.1]), tf.tensor([True, False])).item() < 0.2
