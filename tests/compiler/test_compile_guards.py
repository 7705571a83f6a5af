"""What makes tf.compile record again (and never replay a stale program), what it refuses,
and what it falls back from. Every re-record trigger is checked against eager results."""

from __future__ import annotations

import warnings
from typing import Any, Callable, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.compiler.errors import TraceError


def _pair(make: Callable[[], Any], rule: Callable[[], Any] = lambda: tf.Descent(0.1)
          ) -> Tuple[Any, Any, Any, Any]:
    tf.seed(0)
    a = make()
    tf.seed(0)
    b = make()
    return a, tf.setup(rule(), a), b, tf.setup(rule(), b)


def _step(model: Any, state: Any, x: Any, y: Any) -> Any:
    loss, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(x), y), model)
    tf.update(state, model, g)
    return loss


def _mlp() -> Any:
    return tf.Chain(tf.Dense(3, 5, tf.relu), tf.Dropout(0.3), tf.Dense(5, 2))


def _equal_models(a: Any, b: Any) -> bool:
    # Bit for bit (np.array_equal would count -0.0 and 0.0 equal).
    return all(p.data.dtype == q.data.dtype and p.data.tobytes() == q.data.tobytes()
               for (_, p), (_, q) in zip(tf.named_tensors(a), tf.named_tensors(b)))


class _Run:
    """An eager model and a compiled one, stepped in lockstep with the same seed."""

    def __init__(self, make: Callable[[], Any] = _mlp,
                 rule: Callable[[], Any] = lambda: tf.Descent(0.1)) -> None:
        self.em, self.es, self.cm, self.cs = _pair(make, rule)
        self.step = tf.compile(_step, fallback=False)
        self.n = 0

    def both(self, change: Callable[[Any, Any], None] = lambda m, s: None,
             x: Any = None, y: Any = None) -> None:
        change(self.em, self.es)
        change(self.cm, self.cs)
        x = tf.tensor(np.random.default_rng(self.n).standard_normal((4, 3))) if x is None else x
        y = tf.zeros(x.shape[0], 2, dtype=x.dtype) if y is None else y
        tf.seed(self.n)
        want = _step(self.em, self.es, x, y)
        tf.seed(self.n)
        got = self.step(self.cm, self.cs, x, y)
        self.n += 1
        assert got.item() == want.item()
        assert _equal_models(self.cm, self.em)

    def recordings(self) -> int:
        return int(self.step.stats()["recordings"])


def test_same_signature_replays() -> None:
    r = _Run()
    for _ in range(4):
        r.both()
    assert r.step.stats() == {"recordings": 1, "replays": 3, "eager": 0}


def test_new_input_shape_records_again_and_old_shape_still_replays() -> None:
    r = _Run()
    r.both()
    r.both(x=tf.ones(6, 3))
    assert r.recordings() == 2
    r.both()
    assert r.recordings() == 2


def test_same_shape_in_another_memory_order_records_again() -> None:
    # The signature holds an input's strides: a Fortran-ordered batch of the same shape is
    # a new recording (its GEMMs take other operands), and the C-ordered one still replays.
    r = _Run()
    r.both()
    x = np.random.default_rng(7).standard_normal((4, 3)).astype(np.float32)
    r.both(x=tf.tensor(np.asfortranarray(x)))
    assert r.recordings() == 2
    r.both()
    assert r.recordings() == 2 and r.step.stats()["replays"] == 1


def test_new_input_dtype_records_again() -> None:
    r = _Run(make=lambda: tf.Chain(tf.Dense(3, 2)))
    r.both()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # float64 into float32 parameters: a PrecisionWarning
        r.both(x=tf.tensor(np.ones((4, 3)), dtype=tf.float64))
    assert r.recordings() == 2


def test_replaced_layer_records_again() -> None:
    r = _Run()
    r.both()

    def swap(m: Any, s: Any) -> None:
        tf.seed(42)
        m.layers = m.layers[:2] + (tf.Dense(5, 2, tf.tanh),)

    r.both(swap)
    assert r.recordings() == 2
    r.both()
    assert r.recordings() == 2


def test_replaced_parameter_array_records_again() -> None:
    r = _Run()
    r.both()
    r.both(lambda m, s: setattr(m.layers[0].weight, "data", np.full((5, 3), 0.1, np.float32)))
    assert r.recordings() == 2


def test_replaced_parameter_tensor_records_again() -> None:
    r = _Run()
    r.both()
    r.both(lambda m, s: setattr(m.layers[0], "bias", tf.full(5, value=0.5)))
    assert r.recordings() == 2


def test_freeze_and_thaw_record_again() -> None:
    r = _Run()
    r.both()
    r.both(lambda m, s: tf.freeze(m.layers[0]))
    frozen = r.cm.layers[0].weight.data.copy()
    r.both()
    assert np.array_equal(r.cm.layers[0].weight.data, frozen)
    r.both(lambda m, s: tf.thaw(m))
    assert r.recordings() == 3
    assert not np.array_equal(r.cm.layers[0].weight.data, frozen)


def test_train_and_test_mode_each_have_a_recording() -> None:
    r = _Run()
    r.both(lambda m, s: tf.trainmode(m))
    r.both(lambda m, s: tf.testmode(m))
    r.both(lambda m, s: tf.trainmode(m))
    r.both(lambda m, s: tf.testmode(m))
    assert r.recordings() == 2  # switching back replays the recording made for that mode
    assert r.step.stats()["replays"] == 2


def test_new_learning_rate_records_again_and_is_used() -> None:
    r = _Run()
    r.both()
    r.both(lambda m, s: tf.adjust(s, eta=0.5))
    assert r.recordings() == 2


def test_adam_keeps_its_step_count_across_replays() -> None:
    r = _Run(rule=lambda: tf.Adam(0.05))
    for _ in range(5):
        r.both()
    assert r.recordings() == 1


def test_changed_hyperparameter_of_a_layer_records_again() -> None:
    r = _Run()
    r.both()
    r.both(lambda m, s: setattr(m.layers[1], "p", 0.7))
    assert r.recordings() == 2


def test_changed_global_is_seen() -> None:
    f = tf.compile(lambda x: x * _SCALE)
    assert f(tf.ones(2)).numpy().tolist() == [2.0, 2.0]
    globals()["_SCALE"] = 3.0
    try:
        assert f(tf.ones(2)).numpy().tolist() == [3.0, 3.0]
    finally:
        globals()["_SCALE"] = 2.0
    assert f.stats()["recordings"] == 2


_SCALE = 2.0


def test_a_rebound_closure_variable_records_again() -> None:
    # A closure cell the function reads is checked by identity at each call: rebinding it
    # (a step size held by the enclosing function) records again with the new value.
    def make() -> Any:
        scale = 2.0

        def f(x: Any) -> Any:
            return x * scale

        def rebind(v: float) -> None:
            nonlocal scale
            scale = v

        return f, rebind

    f, rebind = make()
    step = tf.compile(f, fallback=False)
    assert step(tf.ones(2)).numpy().tolist() == [2.0, 2.0]
    assert step(tf.ones(2)).numpy().tolist() == [2.0, 2.0]
    rebind(5.0)
    assert step(tf.ones(2)).numpy().tolist() == f(tf.ones(2)).numpy().tolist() == [5.0, 5.0]
    assert step.stats() == {"recordings": 2, "replays": 1, "eager": 0}


def test_python_number_arguments_are_part_of_the_signature() -> None:
    f = tf.compile(lambda x, k: x * k)
    assert f(tf.ones(2), 2.0).numpy().tolist() == [2.0, 2.0]
    assert f(tf.ones(2), 5.0).numpy().tolist() == [5.0, 5.0]
    assert f.stats()["recordings"] == 2


def test_value_dependent_control_flow_is_refused() -> None:
    def f(x: Any) -> Any:
        if x.sum().item() > 0:
            return x * 2.0
        return x

    with pytest.raises(tf.ValueDependentError, match=r"reads a tensor's value \(x\.item\(\)\)"):
        tf.compile(f)(tf.ones(2))

    with pytest.raises(tf.ValueDependentError, match=r"bool\(x\)"):
        tf.compile(lambda x: x * 2.0 if (x > 0).sum() else x)(tf.ones(2))


def test_refused_recording_leaves_the_model_as_it_was() -> None:
    m = tf.Dense(2, 1)
    st = tf.setup(tf.Descent(0.1), m)
    before = m.weight.data.copy()

    def f(m: Any, x: Any) -> Any:
        loss, (g,) = tf.withgradient(lambda m: m(x).sum(), m)
        tf.update(st, m, g)
        return float(loss)

    with pytest.raises(tf.ValueDependentError):
        tf.compile(f)(m, tf.ones(3, 2))
    assert np.array_equal(m.weight.data, before)


def test_results_are_fresh_arrays() -> None:
    f = tf.compile(lambda x: x * 2.0)
    a = f(tf.ones(2))
    b = f(tf.full(2, value=3.0))
    assert a.numpy().tolist() == [2.0, 2.0] and b.numpy().tolist() == [6.0, 6.0]


def test_untraceable_function_runs_eagerly_with_one_warning() -> None:
    m = tf.Dense(2, 1)
    st = tf.setup(tf.Descent(0.1), m)
    twin = tf.Dense(2, 1)
    twin.weight.data[...] = m.weight.data
    twin.bias.data[...] = m.bias.data
    st2 = tf.setup(tf.Descent(0.1), twin)

    def f(m: Any, st: Any, x: Any) -> Any:
        loss, (g,) = tf.withgradient(lambda m: m(x).sum(), m)
        tf.update(st, m, g)
        return tf.tensor(np.asarray(loss.data) * 2)  # numpy asked for a plain array

    c = tf.compile(f)
    with pytest.warns(RuntimeWarning, match="running f eagerly: numpy was asked"):
        got = c(m, st, tf.ones(3, 2))
    want = f(twin, st2, tf.ones(3, 2))
    assert got.item() == want.item()
    assert np.array_equal(m.weight.data, twin.weight.data)  # updated once, not twice
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c(m, st, tf.ones(3, 2))
    assert c.stats() == {"recordings": 0, "replays": 0, "eager": 2}
    with pytest.raises(TraceError):
        tf.compile(f, fallback=False)(m, st, tf.ones(3, 2))


def test_python_side_effects_happen_only_while_recording() -> None:
    class Counting:
        def __init__(self) -> None:
            self.layer = tf.Dense(2, 2)
            self.calls = 0

        def __call__(self, x: Any) -> Any:
            self.calls += 1
            return self.layer(x)

    m = Counting()
    f = tf.compile(lambda m, x: m(x).sum())
    for _ in range(3):
        f(m, tf.ones(1, 2))
    assert (m.calls, f.stats()["replays"]) == (1, 2)


def test_state_changed_before_every_call_falls_back_to_eager() -> None:
    m = tf.Dense(2, 2)
    f = tf.compile(lambda m, x: m(x).sum())
    with pytest.warns(RuntimeWarning, match="changed before each of 8 calls in a row"):
        for step in range(12):
            m.step = step  # type: ignore[attr-defined]
            f(m, tf.ones(1, 2))
    assert f.stats() == {"recordings": 8, "replays": 0, "eager": 4}


def test_keyword_arguments_are_inputs_too() -> None:
    f = tf.compile(lambda x, scale=1.0, *, shift: x * scale + shift)
    a = f(tf.ones(2), shift=tf.full(2, value=1.0))
    b = f(tf.ones(2), shift=tf.full(2, value=5.0))
    c = f(tf.ones(2), 3.0, shift=tf.full(2, value=1.0))
    assert (a.numpy().tolist(), b.numpy().tolist(), c.numpy().tolist()) == (
        [2.0, 2.0], [6.0, 6.0], [4.0, 4.0])
    assert f.stats() == {"recordings": 2, "replays": 1, "eager": 0}


def test_a_layer_compiles_as_a_function() -> None:
    model = tf.Chain(tf.Dense(3, 4, tf.tanh), tf.Dense(4, 2))
    fast = tf.compile(model)
    x = tf.randn(5, 3)
    assert np.array_equal(fast(x).numpy(), model(x).numpy())
    assert np.array_equal(fast(x * 2.0).numpy(), model(x * 2.0).numpy())
    assert fast.stats()["replays"] == 1
    model.layers[0].activation = tf.relu  # a changed attribute: recorded again
    assert np.array_equal(fast(x).numpy(), model(x).numpy())
    assert fast.stats()["recordings"] == 2


def test_concurrent_replays_of_one_recording_stay_correct() -> None:
    import threading

    model = tf.Dense(64, 64, tf.relu)
    f = tf.compile(lambda m, x: m(x).sum())
    xs = [tf.randn(32, 64) for _ in range(8)]
    want = [model(x).sum().item() for x in xs]
    f(model, xs[0])
    got: list = [None] * len(xs)

    def run(k: int) -> None:
        for _ in range(50):
            got[k] = f(model, xs[k]).item()

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(xs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == want


def test_not_callable_is_refused() -> None:
    with pytest.raises(TypeError, match="tf.compile needs a function or layer"):
        tf.compile(3)


class _Lazy:
    """Makes its weight on first use (its shape from the input); with ``keep``, also keeps
    its last output."""

    def __init__(self, keep: bool) -> None:
        self.weight = None
        self.keep = keep
        self.last = None

    def __call__(self, x: Any) -> Any:
        if self.weight is None:
            self.weight = tf.randn(x.shape[-1], 2)
        y = x @ self.weight
        if self.keep:
            self.last = y
        return y


def test_state_made_while_recording_is_kept_and_recorded_next_time() -> None:
    tf.seed(0)
    eager = _Lazy(keep=False)
    want = [eager(tf.full(3, 4, value=float(k))).sum().item() for k in range(4)]
    tf.seed(0)
    m = _Lazy(keep=False)
    f = tf.compile(lambda m, x: m(x).sum())
    got = [f(m, tf.full(3, 4, value=float(k))).item() for k in range(4)]
    assert got == want
    assert np.array_equal(m.weight.data, eager.weight.data)
    assert type(m.weight.data) is np.ndarray
    assert f.stats() == {"recordings": 1, "replays": 2, "eager": 1}


def test_a_function_storing_its_output_at_every_call_runs_eagerly() -> None:
    tf.seed(0)
    eager = _Lazy(keep=True)
    want = [eager(tf.full(3, 4, value=float(k))).sum().item() for k in range(4)]
    tf.seed(0)
    m = _Lazy(keep=True)
    f = tf.compile(lambda m, x: m(x).sum())
    with pytest.warns(RuntimeWarning, match="stores a tensor it computed"):
        got = [f(m, tf.full(3, 4, value=float(k))).item() for k in range(4)]
    assert got == want
    assert np.array_equal(m.last.data, eager.last.data) and type(m.last.data) is np.ndarray


def test_recordings_of_models_no_longer_used_are_let_go() -> None:
    import gc
    import weakref

    f = tf.compile(lambda m, x: m(x).sum())
    first = tf.Dense(2, 2)
    ref = weakref.ref(first)
    f(first, tf.ones(1, 2))
    del first
    for _ in range(40):
        f(tf.Dense(2, 2), tf.ones(1, 2))
    gc.collect()
    assert ref() is None
    assert len(f._entries) <= 32


def test_a_compiled_function_inside_another_is_recorded_with_it() -> None:
    inner = tf.compile(lambda x: tf.tanh(x) * 2.0)
    outer = tf.compile(lambda x: (inner(x) + 1.0).sum(), fallback=False)
    x = tf.randn(3)
    assert outer(x).item() == (tf.tanh(x) * 2.0 + 1.0).sum().item()
    assert outer(x * 3.0).item() == (tf.tanh(x * 3.0) * 2.0 + 1.0).sum().item()
    assert inner.stats() == {"recordings": 0, "replays": 0, "eager": 0}
    assert outer.stats()["replays"] == 1


def test_a_compiled_loss_under_an_eager_gradient_runs_on_that_tape() -> None:
    loss = tf.compile(lambda w: (w * w).sum())
    w = tf.tensor([1.0, 2.0])
    with pytest.warns(RuntimeWarning, match="called while a gradient is taken"):
        (g,) = tf.gradient(loss, w)
    assert g.numpy().tolist() == [2.0, 4.0]


def test_adjusting_adam_needs_no_new_recording_and_a_new_step_size_each_epoch_keeps_replaying() -> None:
    r = _Run(rule=lambda: tf.Adam(0.05))
    r.both()
    r.both(lambda m, s: tf.adjust(s, eta=0.01))  # read by Adam's recorded call at each replay
    assert r.recordings() == 1
    d = _Run()
    for epoch in range(12):  # Descent's step size is in the recording: one per epoch
        d.both(lambda m, s: tf.adjust(s, eta=0.1 / (epoch + 1)))
        d.both()
    assert d.recordings() == 12 and d.step.stats()["eager"] == 0


def test_arrays_of_objects_or_strings_run_eagerly_or_are_refused() -> None:
    f = tf.compile(lambda a: a * 2)
    objects = np.array([1, 2.5], dtype=object)
    with pytest.warns(RuntimeWarning, match="argument 0 is a numpy array of dtype object"):
        assert f(objects).tolist() == [2, 5.0]
    assert f.stats() == {"recordings": 0, "replays": 0, "eager": 1}
    with pytest.raises(TraceError, match="dtype <U1; tf.compile records arrays of numbers"):
        tf.compile(lambda a: a, fallback=False)(np.array(["a", "b"]))


def test_a_single_model_argument_replays_by_identity_and_is_still_guarded() -> None:
    # step(model): after a replay, the next call with that very model tries the same
    # recording first (no signature built); a change of mode, a replaced layer or another
    # model still takes the full path, and every result equals eager's.
    tf.seed(0)
    models = [tf.Chain(tf.Dense(3, 4, tf.relu), tf.Dropout(0.5), tf.Dense(4, 2)) for _ in range(4)]
    x, y = tf.ones(6, 3), tf.zeros(6, 2)
    states = [tf.setup(tf.Descent(0.1), m) for m in models]
    for i in (1, 3):
        for (_, p), (_, q) in zip(tf.named_tensors(models[i - 1]), tf.named_tensors(models[i])):
            q.data[...] = p.data
    step = tf.compile(lambda m: _step(m, states[0] if m is models[0] else states[2], x, y))

    def eager(m: Any) -> Any:
        return _step(m, states[1] if m is models[1] else states[3], x, y)

    compiled_model, eager_model, other_c, other_e = models
    for k in range(10):
        if k == 4:
            for m in (compiled_model, eager_model):
                tf.testmode(m)
        if k == 6:
            for m in (compiled_model, eager_model):
                tf.trainmode(m)
        if k == 7:
            tf.seed(k)
            compiled_model.layers = (compiled_model.layers[0], tf.Dropout(0.25),
                                     compiled_model.layers[2])
            eager_model.layers = (eager_model.layers[0], tf.Dropout(0.25), eager_model.layers[2])
        tf.seed(100 + k)
        a = step(other_c if k == 5 else compiled_model).item()
        tf.seed(100 + k)
        b = eager(other_e if k == 5 else eager_model).item()
        assert a == b
        if k == 3:  # (replays of that model in a row: the later ones went the short way)
            fast = step._fast
            assert step.stats()["replays"] == 2 and fast is not None and fast[0] is compiled_model
    assert _equal_models(compiled_model, eager_model) and _equal_models(other_c, other_e)


def test_the_guard_fails_for_a_missing_attribute_key_global_or_closure_value() -> None:
    # The generated check reads keys, attributes and cells directly: whatever is missing at
    # a later call (a deleted attribute or global, an emptied cell, a slot set only now)
    # fails the check instead of raising.
    from typedflux.compiler.guard import Guard, discover

    class Slotted:
        __slots__ = ("scale", "shift")

        def __init__(self) -> None:
            self.scale = 2.0  # (shift stays unset)

    class Plain:
        def __init__(self) -> None:
            self.k = 3.0

    s, p = Slotted(), Plain()
    scope: dict[str, Any] = {"G": 1.5}
    exec("def read(x):\n    return x * G\n", scope)

    def make() -> Any:
        held = 4.0

        def f(a: Any, b: Any) -> Any:
            return scope["read"](a.scale * b.k * held)

        def empty() -> None:
            nonlocal held
            del held

        return f, empty

    f, empty = make()
    guard = lambda: Guard(discover(f, (s, p)))  # noqa: E731
    g = guard()
    assert g.holds()
    del p.k
    assert not g.holds()
    p.k = 3.0
    g = guard()
    s.shift = 0.0
    assert not g.holds()
    del s.shift
    g = guard()
    del s.scale
    assert not g.holds()
    s.scale = 2.0
    read = scope["read"]
    g = Guard(discover(read, (1.0,)))
    assert g.holds()
    del scope["G"]
    assert not g.holds()
    g = guard()
    assert g.holds()
    empty()
    assert not g.holds()
