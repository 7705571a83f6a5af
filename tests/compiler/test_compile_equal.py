"""A compiled training step equals the eager one bit for bit: losses, gradients and updated
parameters, on every exported layer (the robustness zoo), in training and test mode, with
Descent, Momentum, Adam, a scheduled rule and gradient accumulation, over several steps on fresh inputs (so nothing recorded from the
first input is replayed as a constant). Dropout's masks are drawn from ``tf.rng()`` (or from
the layer's own generator) on every replay: seeded alike, compiled and eager draw the same
ones."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))
from zoo import example, input_for, layer_names  # noqa: E402

RULES: List[Tuple[str, Callable[[], Any]]] = [
    ("Descent", lambda: tf.Descent(0.1)),
    ("Momentum", lambda: tf.Momentum(0.01, 0.9)),
    ("Adam", lambda: tf.Adam(1e-2)),
    # A hyperparameter per update, and a rule that steps every second call.
    ("Scheduled", lambda: tf.Scheduler(tf.Momentum(0.01), eta=tf.schedules.Exp(0.01, 0.9))),
    ("AccumGrad", lambda: tf.OptimiserChain(tf.AccumGrad(2), tf.Descent(0.1))),
]


def _loss(y: Any) -> Any:
    ys = y if isinstance(y, (tuple, list)) else (y,)
    total = None
    for t in ys:
        part = (t * t).mean()
        total = part if total is None else total + part
    return total


def _make(name: str, mode: str, rule: Callable[[], Any]) -> Tuple[Any, Any, Any, Any]:
    tf.seed(0)
    layer, shape, dtype = example(name)
    if mode == "test":
        tf.testmode(layer)
    elif mode == "train":
        tf.trainmode(layer)
    return layer, tf.setup(rule(), layer), shape, dtype


def _step(model: Any, state: Any, x: Any) -> Any:
    loss, (g,) = tf.withgradient(lambda m: _loss(m(x)), model)
    tf.update(state, model, g)
    return loss, g


def _arrays(t: Any) -> List[np.ndarray[Any, Any]]:
    return [p.data for p in tf.params(t)] + [b.data for _, b in tf.named_tensors(t)]


def _bits(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> bool:
    # Bit for bit: a -0.0 against 0.0, or a NaN of another payload, is a difference
    # (np.array_equal would count both equal).
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tf.Tensor):
        return isinstance(b, tf.Tensor) and _bits(a.data, b.data)
    if a is None or b is None:
        return a is b
    if isinstance(a, tf.Grads):
        return vars(a).keys() == vars(b).keys() and all(
            _same(x, y) for x, y in zip(vars(a).values(), vars(b).values()))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


@pytest.mark.parametrize("rule_name,rule", RULES, ids=[r[0] for r in RULES])
@pytest.mark.parametrize("mode", ["auto", "train", "test"])
@pytest.mark.parametrize("name", layer_names())
def test_compiled_training_step_equals_eager(name: str, mode: str, rule_name: str,
                                              rule: Callable[[], Any]) -> None:
    eager_model, eager_state, shape, dtype = _make(name, mode, rule)
    model, state, _, _ = _make(name, mode, rule)
    step = tf.compile(_step, fallback=False)
    for i in range(4):
        x = input_for(shape, dtype, seed=i)
        tf.seed(100 + i)
        want_loss, want_g = _step(eager_model, eager_state, x)
        tf.seed(100 + i)
        loss, g = step(model, state, x)
        assert _same(loss, want_loss), (i, loss, want_loss)
        assert _same(g, want_g), i
        for a, b in zip(_arrays(model), _arrays(eager_model)):
            assert _bits(a, b), i
    assert step.stats() == {"recordings": 1, "replays": 3, "eager": 0}


@pytest.mark.parametrize("name", layer_names())
def test_compiled_inference_equals_eager(name: str) -> None:
    layer, shape, dtype = example(name)
    forward = tf.compile(lambda m, x: m(x), fallback=False)
    for i in range(3):
        x = input_for(shape, dtype, seed=i)
        assert _same(forward(layer, x), layer(x)), i
    assert forward.stats()["replays"] == 2


def test_dropout_masks_are_fresh_on_every_replay_and_follow_the_seed() -> None:
    model = tf.Chain(tf.Dense(8, 8), tf.Dropout(0.5))
    x = tf.ones(4, 8)
    f = tf.compile(lambda m, x: tf.withgradient(lambda m: m(x).sum(), m), fallback=False)
    tf.seed(3)
    first = [f(model, x)[0].item() for _ in range(5)]
    assert len(set(first)) > 1  # a new mask each call
    tf.seed(3)
    again = [f(model, x)[0].item() for _ in range(5)]
    assert first == again
    tf.seed(3)
    eager = [tf.withgradient(lambda m: m(x).sum(), model)[0].item() for _ in range(5)]
    assert eager == first


def test_noise_drawn_inside_a_step_is_fresh_on_every_replay() -> None:
    def noisy(m: Any, x: Any) -> Any:
        h = m(x) + 0.1 * tf.randn(4, 3) + tf.rand(4, 3)
        return tf.withgradient(lambda m: (m(x) * h).sum(), m)

    model = tf.Dense(2, 3)
    x = tf.ones(4, 2)
    f = tf.compile(noisy, fallback=False)
    tf.seed(9)
    got = [f(model, x)[0].item() for _ in range(4)]
    tf.seed(9)
    want = [noisy(model, x)[0].item() for _ in range(4)]
    assert got == want and len(set(got)) == 4


def _own_rng_model(seed: int) -> Any:
    tf.seed(0)
    return tf.Chain(tf.Dense(8, 8), tf.Dropout(0.5, rng=np.random.default_rng(seed)),
                    tf.Dense(8, 2))


def test_dropout_with_its_own_generator_draws_from_it_at_every_replay() -> None:
    eager, model = _own_rng_model(4), _own_rng_model(4)
    eager_state, state = tf.setup(tf.Adam(1e-2), eager), tf.setup(tf.Adam(1e-2), model)
    step = tf.compile(_step, fallback=False)
    for i in range(5):
        x = tf.tensor(np.random.default_rng(i).standard_normal((4, 8)).astype(np.float32))
        tf.seed(i)  # tf.rng() plays no part: the masks come from the layers' own generators
        want_loss, want_g = _step(eager, eager_state, x)
        before = tf.rng().bit_generator.state
        loss, g = step(model, state, x)
        assert tf.rng().bit_generator.state == before
        assert _same(loss, want_loss) and _same(g, want_g), i
        for a, b in zip(_arrays(model), _arrays(eager)):
            assert _bits(a, b), i
    assert step.stats() == {"recordings": 1, "replays": 4, "eager": 0}
    # Both generators were drawn from equally: their next numbers agree.
    assert model[1].rng.random() == eager[1].rng.random()


def test_a_new_generator_for_a_dropout_records_again_and_is_used() -> None:
    model = _own_rng_model(1)
    x = tf.ones(4, 8)
    f = tf.compile(lambda m, x: tf.withgradient(lambda m: m(x).sum(), m)[0], fallback=False)
    f(model, x)
    f(model, x)
    model[1].rng = np.random.default_rng(2)
    got = f(model, x)
    twin = _own_rng_model(2)
    want = tf.withgradient(lambda m: m(x).sum(), twin)[0]
    assert _same(got, want)
    assert f.stats() == {"recordings": 2, "replays": 1, "eager": 0}


def test_a_recording_given_up_leaves_a_dropouts_generator_as_it_was() -> None:
    # The step cannot be recorded (numpy is handed a recorded array as a plain one): it runs
    # eagerly instead, and must draw the masks the eager step draws, not the next ones.
    def f(m: Any, x: Any) -> Any:
        loss, (g,) = tf.withgradient(lambda m: m(x).sum(), m)
        return tf.tensor(np.asarray(g.layers[0].weight.data) * 1.0)

    model, twin = _own_rng_model(6), _own_rng_model(6)
    x = tf.ones(4, 8)
    with pytest.warns(RuntimeWarning, match="eagerly"):
        got = tf.compile(f)(model, x)
    want = f(twin, x)
    assert _same(got, want)
    assert model[1].rng.random() == twin[1].rng.random()


def test_writes_into_single_elements_replay_as_eager() -> None:
    # x[0] of a vector is a numpy scalar, not a view: the write is replayed through x[0, ...].
    def make() -> Any:
        w = tf.tensor(np.arange(4.0))

        def f(x: Any) -> Any:
            x.data[0] = 5.0
            w.data[2] = w.data[2] + 1.0
            return x * w

        return f

    eager, c = make(), tf.compile(make(), fallback=False)
    want = [eager(tf.ones(4)).numpy().tolist() for _ in range(3)]
    got = [c(tf.ones(4)).numpy().tolist() for _ in range(3)]
    assert got == want == [[0.0, 1.0, 3.0, 3.0], [0.0, 1.0, 4.0, 3.0], [0.0, 1.0, 5.0, 3.0]]
    assert c.stats() == {"recordings": 1, "replays": 2, "eager": 0}
