"""The program's call rewrites that keep every bit (compiler/peephole.py): a ReLU's
``np.maximum(a, 0)`` reads a zeros array of ``a``'s shape (numpy's SIMD loop) and gives
exactly the eager bits, special values included; other maximums are left as recorded."""

from __future__ import annotations

import mmap
from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.compiler.peephole import _maximum_agrees, sharpen
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import BUF, CONST, IN, Step, Var
from typedflux.ops.kernels import relu as _relu_kernel


def _specials(dtype: Any, n: int = 40) -> np.ndarray[Any, Any]:
    bits = np.dtype(f"u{np.dtype(dtype).itemsize}")
    nan = np.array([np.nan], dtype).view(bits)
    sign = np.array([-0.0], dtype).view(bits)
    odd = np.concatenate([nan | sign, nan + 3]).view(dtype)  # a negative NaN, a payload
    info = np.finfo(dtype)
    base = np.concatenate([np.array([0.0, -0.0, 2.5, -2.5, np.inf, -np.inf, np.nan,
                                     info.smallest_subnormal, -info.smallest_subnormal,
                                     info.max, -info.max], dtype), odd])
    return np.resize(base, n).reshape(-1, 4 if n % 4 == 0 else 1)


def _maximum_steps(steps: List[Step]) -> List[Step]:
    return [s for s in steps if s.fn is np.maximum]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_relu_reads_a_zeros_array_and_gives_the_eager_bits(dtype: Any) -> None:
    def t(a: np.ndarray[Any, Any]) -> Any:
        return tf.tensor(a, dtype=tf.float64 if dtype is np.float64 else tf.float32)

    x = t(_specials(dtype))
    f = tf.compile(lambda x: tf.relu(x * 1.0), fallback=False)
    with np.errstate(invalid="ignore"):
        first = f(x)
        again = f(t(_specials(dtype)[::-1].copy()))
        want = tf.relu(t(_specials(dtype)[::-1].copy()) * 1.0)
    assert first.data.tobytes() == tf.relu(x * 1.0).data.tobytes()
    assert again.data.tobytes() == want.data.tobytes()
    entry = next(iter(f._entries.values()))[0]
    (step,) = _maximum_steps(entry.program.steps)
    zeros = step.args[1]
    assert isinstance(zeros, Var) and zeros.kind == CONST
    assert zeros.arr.shape == x.shape and not zeros.arr.any() and not zeros.arr.flags.writeable


def test_a_compiled_relu_network_trains_exactly_as_eagerly() -> None:
    def make() -> Any:
        tf.seed(0)
        return tf.Chain(tf.Dense(20, 32, tf.relu), tf.Dense(32, 16, tf.relu), tf.Dense(16, 3))

    def run(compiled: bool) -> Any:
        model = make()
        state = tf.setup(tf.Descent(0.1), model)

        def step(model: Any, x: Any) -> Any:
            loss, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(x), tf.zeros(8, 3)), model)
            tf.update(state, model, g)
            return loss

        f: Callable[..., Any] = tf.compile(step, fallback=False) if compiled else step
        r = np.random.default_rng(4)
        losses = [f(model, tf.tensor(r.standard_normal((8, 20)).astype(np.float32))).item()
                  for _ in range(4)]
        return losses, [p.data.copy() for p in tf.params(model)], f

    eager, compiled = run(False), run(True)
    assert eager[0] == compiled[0]
    assert all(a.tobytes() == b.tobytes() for a, b in zip(eager[1], compiled[1]))
    entry = next(iter(compiled[2]._entries.values()))[0]
    found = _maximum_steps(entry.program.steps)
    assert len(found) == 2 and all(s.args[1].kind == CONST for s in found)
    # The Dense layers' fused ReLU read the kernel's cached zeros eagerly; the program reads
    # the zero-page zeros instead (the kernel's are not always in cache).
    for s in found:
        z = s.args[1].arr
        assert z is not _relu_kernel._ZEROS.get((z.shape, z.dtype))
        kernel = _relu_kernel.cached_zeros(z.shape, z.dtype)
        assert kernel is not None and z is not kernel
        assert not z.any() and not z.flags.writeable and _on_a_mapping(z) == _MAPS


_MAPS = hasattr(mmap, "MAP_ANONYMOUS") and hasattr(mmap, "PROT_READ")


def _on_a_mapping(a: np.ndarray[Any, Any]) -> bool:
    while isinstance(a.base, np.ndarray):
        a = a.base
    return isinstance(a.base, memoryview) and isinstance(a.base.obj, mmap.mmap)


def _recorded(fn: Callable[[Any], Any], x: np.ndarray[Any, Any]) -> List[Step]:
    rec = Recorder()
    with rec:
        fn(rec.input(x, "x"))
    return sharpen(rec, rec.steps)


@pytest.mark.parametrize("fn", [
    lambda a: np.maximum(a * 1.0, 1.0),        # not zero
    lambda a: np.maximum(a * 1.0, -0.0),       # a negative zero: left as written
    lambda a: np.maximum((a * 1.0)[:, ::2], 0),  # not contiguous
    lambda a: np.maximum(a * 1.0, a),          # two arrays already
], ids=["one", "negative-zero", "strided", "arrays"])
def test_other_maximums_are_left_as_recorded(fn: Callable[[Any], Any]) -> None:
    (step,) = _maximum_steps(_recorded(fn, np.ones((4, 6), np.float32)))
    other = step.args[1]
    assert not (isinstance(other, Var) and other.kind == CONST and other.arr.ndim)


def test_integer_and_half_maximums_are_left_as_recorded() -> None:
    for x in (np.ones((4, 6), np.int32), np.ones((4, 6), np.float16)):
        (step,) = _maximum_steps(_recorded(lambda a: np.maximum(a + a, 0), x))
        assert not isinstance(step.args[1], Var) or step.args[1].arr.ndim == 0


def test_both_float_dtypes_agree_on_every_special_value() -> None:
    assert _maximum_agrees(np.dtype(np.float32)) and _maximum_agrees(np.dtype(np.float64))


def test_calls_whose_results_nothing_reads_are_dropped() -> None:
    # The log is computed and thrown away: the program does not make it; what it returns
    # has the eager bits.
    def f(x: Any) -> Any:
        unread = tf.log(x * 2.0)  # noqa: F841
        return tf.exp(x)

    g = tf.compile(f, fallback=False)
    x = tf.tensor(np.linspace(0.5, 2.0, 6).astype(np.float32))
    g(x)
    assert g(x).data.tobytes() == f(x).data.tobytes()
    fns = [s.fn for s in next(iter(g._entries.values()))[0].program.steps]
    assert np.exp in fns and np.log not in fns


def test_a_training_step_that_returns_nothing_drops_its_loss_and_still_trains_exactly() -> None:
    def make() -> Any:
        tf.seed(0)
        return tf.Chain(tf.Dense(6, 8, tf.relu), tf.Dropout(0.5), tf.Dense(8, 3))

    x = tf.tensor(np.random.default_rng(0).standard_normal((5, 6)).astype(np.float32))
    y = tf.onehot([0, 1, 2, 1, 0], 3)
    models = []
    for compiled in (False, True):
        model = make()
        state = tf.setup(tf.Descent(0.1), model)

        def step(model: Any) -> None:
            _, (g,) = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)
            tf.update(state, model, g)

        f: Callable[..., Any] = tf.compile(step, fallback=False) if compiled else step
        tf.seed(7)
        for _ in range(4):
            f(model)
        models.append((model, f, tf.rand(1).item()))  # the generator moved alike
    (eager, _, after_eager), (comp, f, after_comp) = models
    assert after_eager == after_comp
    for p, q in zip(tf.params(eager), tf.params(comp)):
        assert p.data.tobytes() == q.data.tobytes()
    steps = next(iter(f._entries.values()))[0].program.steps
    assert not any(s.fn is np.log for s in steps)  # the loss value is not made


def test_an_unread_random_draw_is_still_made() -> None:
    def f(x: Any) -> Any:
        unread = tf.randn(3)  # noqa: F841
        return x * 2.0

    g = tf.compile(f, fallback=False)
    x = tf.ones(2)
    tf.seed(1)
    for _ in range(3):
        f(x)
    want = tf.rand(1).item()
    tf.seed(1)
    for _ in range(3):
        g(x)
    assert g.stats()["replays"] == 2 and tf.rand(1).item() == want


def _transposes(f: Any) -> List[Any]:
    from typedflux.optimise.blas import Transpose

    steps = next(iter(f._entries.values()))[0].program.steps
    return [s for s in steps if isinstance(s.fn, Transpose)]


def test_a_transposing_copy_of_a_gemm_result_goes_through_blas_with_the_eager_bits() -> None:
    from typedflux.optimise import blas

    # A batch smaller than the layer's width and a weight in C order (Dense's own, assigned
    # here as a copy all the same): the dense kernel computes (w @ x.T).T.copy().
    layer = tf.Dense(40, 256, tf.relu)
    layer.weight = tf.tensor(np.ascontiguousarray(layer.weight.data))
    f = tf.compile(lambda m, x: m(x), fallback=False)
    r = np.random.default_rng(3)
    for i in range(3):
        a = r.standard_normal((8, 40)).astype(np.float32)
        a[0, :3] = [np.inf, -np.inf, np.nan]  # NaN and infinite rows out of the GEMM
        a[1] = -0.0
        x = tf.tensor(a)
        with np.errstate(invalid="ignore"):
            got, want = f(layer, x), layer(x)
        assert got.data.tobytes() == want.data.tobytes(), i
    assert len(_transposes(f)) == (1 if blas.available() else 0)


@pytest.mark.parametrize("fn,through", [
    (lambda w: (w * 1.0).T.copy(), True),                   # arithmetic: through BLAS
    (lambda w: w.T.copy(), False),                          # a parameter's own values
    (lambda w: np.maximum(w * 1.0, 0.5).T.copy(), False),   # may hand on a signalling NaN
], ids=["arithmetic", "parameter", "maximum"])
def test_only_copies_of_arithmetic_results_go_through_blas(fn: Callable[[Any], Any],
                                                             through: bool) -> None:
    from typedflux.optimise import blas
    from typedflux.optimise.blas import Transpose

    rec = Recorder()
    with rec:
        w = rec.external(np.ones((64, 32), np.float32), "w")
        fn(w)
    found = [s for s in sharpen(rec, rec.steps) if isinstance(s.fn, Transpose)]
    assert len(found) == (1 if through and blas.available() else 0)


def test_a_small_transposing_copy_stays_numpys() -> None:
    # (Below Transpose.SMALL entries numpy's copy is as fast as the BLAS call.)
    rec = Recorder()
    with rec:
        w = rec.external(np.ones((16, 8), np.float32), "w")
        (w * 1.0).T.copy()
    from typedflux.optimise.blas import Transpose

    assert not any(isinstance(s.fn, Transpose) for s in sharpen(rec, rec.steps))


def test_a_relu_whose_output_dtype_object_is_another_float32_is_still_sharpened() -> None:
    # (float32 compared by ==: np.dtype(np.float32).newbyteorder("=") is another object.)
    rec = Recorder()
    other = np.dtype(np.float32).newbyteorder("=")
    a = Var(0, IN, np.array([[-1.0, 2.0]], other), None, True, "a")
    o = Var(1, BUF, np.empty((1, 2), np.float32), None, False, "o")
    rec.vars.extend([a, o])
    (step,) = sharpen(rec, [Step(np.maximum, (a, 0), {"out": (o,)}, None, (o,))])
    zeros = step.args[1]
    assert isinstance(zeros, Var) and zeros.kind == CONST and zeros.arr.shape == (1, 2)


def _row_adds(f: Any) -> List[Any]:
    from typedflux.optimise.blas import RowAdd

    steps = next(iter(f._entries.values()))[0].program.steps
    return [s for s in steps if isinstance(s.fn, RowAdd)]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_bias_add_is_a_blas_rank_one_update_with_the_eager_bits(dtype: Any) -> None:
    from typedflux.optimise import blas

    tdt = tf.float64 if dtype is np.float64 else tf.float32
    layer = tf.Dense(4, 128)
    layer.weight.data = layer.weight.data.astype(dtype)
    layer.bias.data = layer.bias.data.astype(dtype)
    specials = _specials(dtype, 128).reshape(-1)  # -0.0, inf, NaNs (a signalling one too)
    bits = np.dtype(f"u{np.dtype(dtype).itemsize}")
    signalling = (np.array([np.inf], dtype).view(bits) + 1).view(dtype)
    finite = np.where(np.isfinite(specials), specials, 1.5)
    # The bias finite (the BLAS update), then with NaNs and infinities (numpy's add: BLAS's
    # fused multiply-add picks another NaN of two), then finite again.
    biases = [finite, np.concatenate([specials[:-1], signalling]), finite[::-1].copy()]
    f = tf.compile(lambda m, x: m(x), fallback=False)
    r = np.random.default_rng(2)
    for i, b in enumerate(biases * 2):
        layer.bias.data[...] = b  # in place: the same array, so the same recording
        a = r.standard_normal((40, 4)).astype(dtype)
        a[0, 0], a[1, 1], a[2] = np.inf, np.nan, -0.0  # NaN, infinite and zero rows
        x = tf.tensor(a, dtype=tdt)
        got, want = f(layer, x), layer(x)
        assert got.data.tobytes() == want.data.tobytes(), i
    assert f.stats()["recordings"] == 1
    assert len(_row_adds(f)) == (1 if blas.available() else 0)


def test_a_small_bias_add_stays_numpys() -> None:
    # (Below RowAdd.SMALL entries numpy's loop is about as fast as the BLAS call.)
    layer = tf.Dense(4, 10)
    f = tf.compile(lambda m, x: m(x), fallback=False)
    x = tf.ones(40, 4)
    f(layer, x)
    assert f(layer, x).data.tobytes() == layer(x).data.tobytes()
    assert _row_adds(f) == []


@pytest.mark.parametrize("fn,through", [
    (lambda w: w @ w.T, True),                         # a GEMM's result
    (lambda w: (w @ w[:32].T).T.copy(), True),         # its transposing copy (BLAS's)
    (lambda w: np.maximum(w @ w.T, 0.5), False),       # may hand on a signalling NaN
    (lambda w: w[:, :16].copy(), False),               # a parameter's own values
], ids=["gemm", "transposed", "maximum", "parameter"])
def test_only_bias_adds_to_arithmetic_results_go_through_blas(
        fn: Callable[[Any], Any], through: bool) -> None:
    from typedflux.optimise import blas
    from typedflux.optimise.blas import RowAdd

    rec = Recorder()
    with rec:
        w = rec.external(np.ones((256, 32), np.float32), "w")
        out = fn(w)
        b = rec.external(np.ones(out.shape[1], np.float32), "b")
        out += b  # (the in-place add the dense kernel records)
    found = [s for s in sharpen(rec, rec.steps) if isinstance(s.fn, RowAdd)]
    assert len(found) == (1 if through and blas.available() else 0)


def test_row_adds_agree_with_numpy_on_special_values_and_yield_to_threads() -> None:
    from typedflux.compiler.peephole import _row_add_agrees
    from typedflux.optimise import blas
    from typedflux.optimise.blas import RowAdd

    if not blas.available():
        return
    assert _row_add_agrees(np.dtype(np.float32)) and _row_add_agrees(np.dtype(np.float64))
    a = np.random.default_rng(0).standard_normal((256, 64)).astype(np.float32)
    b = np.arange(64, dtype=np.float32)
    want = a + b
    add = RowAdd.prepare(a, b)
    assert add is not None and add.threads is not None  # large enough for OpenBLAS threads

    def refused(*args: Any) -> None:
        raise AssertionError("BLAS called although it would run on several threads")

    add.fn, add.threads = refused, lambda: 2
    add(a, b)  # numpy's add instead
    assert a.tobytes() == want.tobytes()
