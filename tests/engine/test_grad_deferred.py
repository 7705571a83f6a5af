"""withgradient hands a wide Dense layer's weight gradient out unmade (a DeferredTensor:
typedflux/engine/deferred.py) once update has stepped that weight by Descent, and update folds
its Descent step into the product's GEMM: the same bits as the unfolded loop (the gradient
made, then the BLAS axpy), and every other reader of the gradient gets the product, made as
the unfolded backward makes it."""

from __future__ import annotations

import copy
import pickle
import queue
import sys
import threading
from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.deferred import DeferredTensor, factors
from typedflux.engine.proven import FOLDABLE, FOLDS, proven
from typedflux.ops.kernels.dense import transposed
from typedflux.optimise import blas
from typedflux.optimise.folds import fold_is_exact
from typedflux.tensor import Tensor


@pytest.fixture(autouse=True)
def _unarmed() -> None:
    # No weight is armed at the start (an id left by an earlier test's array could be
    # reused by a new one: never a wrong value, but a first step left unmade by chance).
    FOLDABLE.clear()


def _mlp(seed: int = 0) -> tf.Chain:
    # The first layer is wide for a batch of 2 (proven) and big enough for BLAS's axpy in
    # update (16,384 entries): its weight gradient is the one left unmade.
    tf.seed(seed)
    return tf.Chain(tf.Dense(256, 64, tf.relu), tf.Dense(64, 8, tf.relu), tf.Dense(8, 3))


def _batches(n: int, seed: int = 1) -> List[Tuple[Any, Any]]:
    rng = np.random.default_rng(seed)
    return [(tf.tensor(rng.standard_normal((2, 256)).astype(np.float32)),
             tf.onehot(rng.integers(0, 3, 2).tolist(), 3)) for _ in range(n)]


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.logitcrossentropy(m(x), y)


def _params(m: Any) -> dict:
    return {n: p.numpy().copy() for n, p in tf.named_params(m)}


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def _weight(g: Any) -> Any:
    # The first layer's weight gradient as the structure holds it (attribute access on the
    # gradient structure reads no array).
    return g[0].layers[0].weight


def _armed(eta: float = 0.0625, seed: int = 0) -> Tuple[tf.Chain, Any]:
    # A model whose first weight update stepped by Descent with BLAS: its next weight
    # gradient comes unmade.
    m = _mlp(seed)
    st = tf.setup(tf.Descent(eta), m)
    x, y = _batches(1, seed=99)[0]
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    tf.update(st, m, g[0])
    return m, st


def _plain_gradient(m: Any, x: Any, y: Any) -> Any:
    # The unfolded backward's gradient of m (nothing left unmade: no weight is armed).
    saved = set(FOLDABLE)
    FOLDABLE.clear()
    try:
        _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    finally:
        FOLDABLE.update(saved)
    assert type(_weight(g)) is Tensor
    return g


# (Steps that are powers of two: at batch 2 the fold is exact on every BLAS kernel tried, so
# it is made; other steps fold only where fold_is_exact says so: see the tests after this.)
@pytest.mark.parametrize("eta", [0.125, 2.0**-10])
def test_the_user_loop_folds_and_gives_the_unfolded_loops_bits(eta: float) -> None:
    data = _batches(5)
    a, b = _mlp(), _mlp()
    sa, sb = tf.setup(tf.Descent(eta), a), tf.setup(tf.Descent(eta), b)
    kinds = []
    for x, y in data:
        va, ga = tf.withgradient(lambda mm: _loss(mm, x, y), a)
        kinds.append(type(_weight(ga)))
        f = factors(_weight(ga))
        tf.update(sa, a, ga[0])
        # b: the same loop with every gradient read (made) before update.
        vb, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
        assert _weight(gb).numpy() is not None
        tf.update(sb, b, gb[0])
        assert va.item() == vb.item() and _same(_params(a), _params(b))
        if f is not None:
            assert factors(_weight(ga)) is f  # folded without making the product
        # Read after the update: the same gradient, in the same state (update used its
        # proof: a plain writable array in both loops).
        wa, wb = _weight(ga).data, _weight(gb).data
        assert np.array_equal(wa, wb) and wa.flags.writeable == wb.flags.writeable
        assert type(_weight(ga)) is Tensor
    # The first update is unfolded (it arms the weight); every later one folds.
    assert kinds == [Tensor] + [DeferredTensor] * 4
    assert sa.step == sb.step == 5 and sa._bound == sb._bound
    assert FOLDS.tape is None


def _folded_and_unfolded(alpha: float, batch: int, n_in: int, n_out: int,
                         seed: int) -> Tuple[np.ndarray, np.ndarray]:
    # A Dense weight (Fortran-ordered) moved by w.T += alpha * x.T @ g: by one GEMM, and by
    # the product followed by BLAS's axpy (the unfolded step), on random arrays.
    r = np.random.default_rng(seed)
    x = r.standard_normal((batch, n_in)).astype(np.float32)
    g = r.standard_normal((batch, n_out)).astype(np.float32)
    w = np.asfortranarray(r.standard_normal((n_out, n_in)).astype(np.float32))
    folded, unfolded = w.copy(order="K"), w.copy(order="K")
    assert blas.gemm(alpha, x.T, g, 1.0, folded.T)
    product = np.empty_like(w, order="F")
    np.matmul(x.T, g, out=product.T)
    assert blas.axpy(alpha, product, unfolded)
    return folded, unfolded


@pytest.mark.skipif(not blas.available(), reason="needs the OpenBLAS numpy bundles")
@pytest.mark.parametrize("alpha", [-0.1, -0.003, -0.125, -1.0])
@pytest.mark.parametrize("batch,n_in,n_out", [(16, 256, 64), (2, 256, 64), (32, 784, 256),
                                              (32, 128, 128), (256, 784, 256)])
def test_fold_is_exact_says_whether_the_gemm_gives_the_axpys_bits(
        alpha: float, batch: int, n_in: int, n_out: int) -> None:
    # OpenBLAS's GEMM adds alpha * (a @ b) with one rounding (as its axpy does) on some
    # kernels and sizes and with two on others (SkylakeX's small-matrix path): the answer is
    # the kernel's, and must match what the two calls do on data it was not tried on.
    x, g = np.ones((batch, n_in), np.float32), np.ones((batch, n_out), np.float32)
    w = np.asfortranarray(np.ones((n_out, n_in), np.float32))
    exact = fold_is_exact(alpha, x.T, g, w, True)
    for seed in (1, 2):
        folded, unfolded = _folded_and_unfolded(alpha, batch, n_in, n_out, seed)
        assert (folded.tobytes() == unfolded.tobytes()) is exact
    if alpha in (-0.125, -1.0) and batch <= 32:
        # alpha * (a @ b) exact: one rounding either way, unless the kernel splits the dot
        # product into blocks, each added to c (K = 256 on OpenBLAS's SSE "Katmai" kernels).
        assert exact


@pytest.mark.parametrize("eta", [0.1, 0.003])
def test_the_user_loop_at_any_step_size_folds_only_where_it_gives_the_unfolded_bits(
        eta: float) -> None:
    # The first layer (256 => 64 at batch 2): on some kernels its GEMM rounds twice (SkylakeX's
    # with a Fortran-ordered weight), so update must not fold it there; wherever it folds, the
    # bits are the unfolded loop's. Its fold is w -= eta * (g2.T @ x2), or w.T -= eta * (x2.T
    # @ g2) for a Fortran-ordered weight (optimise/folds.py), tried on operands of those
    # layouts.
    data = _batches(4)
    a, b = _mlp(), _mlp()
    sa, sb = tf.setup(tf.Descent(eta), a), tf.setup(tf.Descent(eta), b)
    w = a[0].weight.data
    t = transposed(w)
    g2, x2 = np.ones((2, 64), np.float32), np.ones((2, 256), np.float32)
    exact = fold_is_exact(-eta, *((x2.T, g2) if t else (g2.T, x2)), w, t)
    for i, (x, y) in enumerate(data):
        va, ga = tf.withgradient(lambda mm: _loss(mm, x, y), a)
        f = factors(_weight(ga))
        tf.update(sa, a, ga[0])
        vb, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
        _weight(gb).data
        tf.update(sb, b, gb[0])
        assert va.item() == vb.item() and _same(_params(a), _params(b))
        if i > 0:  # (the first update arms the weight: unfolded)
            assert f is not None
            # Folded: the product was never made (its factors are still held).
            assert (factors(_weight(ga)) is f) is exact


def _readers() -> List[Tuple[str, Callable[[Any], Any]]]:
    def in_thread(t: Any) -> Any:
        out: "queue.Queue[Any]" = queue.Queue()
        th = threading.Thread(target=lambda: out.put(t.numpy()))
        th.start()
        th.join()
        return out.get()

    def printed(t: Any) -> Any:
        text = repr(t) + str(t)
        assert text.startswith("Tensor[64, 256] float32")
        return t.data

    return [
        ("data", lambda t: t.data),
        ("numpy", lambda t: t.numpy()),
        ("asarray", np.asarray),
        ("print", printed),
        ("pickle", lambda t: pickle.loads(pickle.dumps(t)).data),
        ("deepcopy", lambda t: copy.deepcopy(t).data),
        ("copy", lambda t: copy.copy(t).data),
        ("op", lambda t: (t * 1.0).data),
        ("reflected op", lambda t: (np.float32(1.0) * t).data),
        ("index", lambda t: t[3].data),
        ("shape then data", lambda t: (t.shape, t.data)[1]),
        ("sum", lambda t: np.full((1,), t.sum().item(), np.float32)),
        ("tf.tensor", lambda t: tf.tensor(t).data),
        ("gradient of it", lambda t: tf.gradient(lambda u: (u * u).sum(), t)[0].data / 2),
        ("thread", in_thread),
        ("numpy function", lambda t: np.sum(t, axis=0).data),
        ("ClipNorm rule", lambda t: tf.setup(tf.ClipNorm(1e9), {"w": tf.zeros(64, 256)})["w"]
         .rule.apply(None, np.zeros((64, 256), np.float32), t.data)[1]),
    ]


@pytest.mark.parametrize("name,read", _readers(), ids=[n for n, _ in _readers()])
def test_every_reader_gets_the_product_the_unfolded_backward_makes(
    name: str, read: Callable[[Any], Any],
) -> None:
    m, _ = _armed()
    x, y = _batches(1)[0]
    want = np.array(_weight(_plain_gradient(m, x, y)).data)
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    t = _weight(g)
    assert type(t) is DeferredTensor and isinstance(t, tf.Tensor)
    got = np.asarray(read(t))
    if name == "index":
        want = want[3]
    elif name == "sum":
        want = np.full((1,), float(tf.tensor(want).sum().item()), np.float32)
    elif name == "numpy function":
        want = np.sum(want, axis=0)
    assert np.array_equal(got, want)
    # Made once, in place: from now on a plain Tensor holding the product, proven as the
    # unfolded backward's gradient is (read-only until update uses the proof).
    assert type(t) is Tensor and np.array_equal(t.data, np.asarray(_weight(g).data))
    assert factors(t) is None and t.data.flags.writeable is False and proven(t.data)


def test_two_threads_reading_one_gradient_make_it_once() -> None:
    m, _ = _armed()
    x, y = _batches(1)[0]
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    t = _weight(g)
    seen: List[Any] = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=lambda: seen.append(t.data)) for _ in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        sys.setswitchinterval(old)
    assert len(seen) == 8 and all(s is seen[0] for s in seen) and t.data is seen[0]


def test_a_refilled_input_buffer_does_not_change_the_folded_step() -> None:
    # A data loader refilling its batch array in place between withgradient and update.
    a, sa = _armed()
    b, sb = _armed()
    (x, y), (x2, _) = _batches(2)
    buf = tf.tensor(x.numpy().copy())
    _, ga = tf.withgradient(lambda mm: _loss(mm, buf, y), a)
    assert type(_weight(ga)) is DeferredTensor
    buf.data[...] = x2.data  # the next batch, into the same array
    tf.update(sa, a, ga[0])
    _, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
    _weight(gb).data
    tf.update(sb, b, gb[0])
    assert _same(_params(a), _params(b))
    assert np.array_equal(_weight(ga).data, _weight(gb).data)


@pytest.mark.parametrize("rule", [
    tf.Adam(), tf.Momentum(0.01), tf.Nesterov(0.01), tf.AdaGrad(),
    tf.OptimiserChain(tf.ClipGrad(1e-3), tf.Descent(0.1)),
    tf.OptimiserChain(tf.WeightDecay(0.1), tf.Descent(0.1)),
    tf.OptimiserChain(tf.ClipNorm(0.5), tf.Descent(0.1)),
    tf.AccumGrad(2),
], ids=lambda r: type(r).__name__)
def test_another_rule_reads_the_product(rule: Any) -> None:
    a, _ = _armed()
    b, _ = _armed()
    sa, sb = tf.setup(rule, a), tf.setup(rule, b)
    for x, y in _batches(2):
        _, ga = tf.withgradient(lambda mm: _loss(mm, x, y), a)
        _, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
        _weight(gb).data
        tf.update(sa, a, ga[0])
        tf.update(sb, b, gb[0])
        assert _same(_params(a), _params(b))
        assert type(_weight(ga)) is Tensor  # read by the rule
        assert np.array_equal(_weight(ga).data, _weight(gb).data)


def test_a_descent_step_after_another_rule_is_folded_again() -> None:
    # A weight stepped by another rule is no longer armed: its next gradient is made.
    m, _ = _armed()
    (x, y), = _batches(1)
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    tf.update(tf.setup(tf.Adam(), m), m, g[0])
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    assert type(_weight(g)) is Tensor
    tf.update(tf.setup(tf.Descent(0.1), m), m, g[0])
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
    assert type(_weight(g)) is DeferredTensor


def test_gradients_made_in_one_thread_update_in_another() -> None:
    a, sa = _armed()
    b, sb = _armed()
    made: "queue.Queue[Any]" = queue.Queue()
    data = _batches(3)

    def producer() -> None:
        for x, y in data:
            made.put(tf.withgradient(lambda mm: _loss(mm, x, y), a)[1])

    th = threading.Thread(target=producer)
    th.start()
    th.join()
    for x, y in data:
        ga = made.get()
        assert type(_weight(ga)) is DeferredTensor
        tf.update(sa, a, ga[0])
    for x, y in data:
        _, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
        _weight(gb).data
        tf.update(sb, b, gb[0])
    # (a's gradients were all taken before its updates: compare with the same order on b.)
    c, sc = _armed()
    grads = [tf.withgradient(lambda mm: _loss(mm, x, y), c)[1] for x, y in data]
    for g in grads:
        _weight(g).data
        tf.update(sc, c, g[0])
    assert _same(_params(a), _params(c))


def test_training_in_threads_at_once_gives_the_sequential_bits() -> None:
    data = _batches(4)

    def run(m: Any, st: Any, out: List[Any]) -> None:
        for x, y in data:
            _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
            out.append(type(_weight(g)))
            tf.update(st, m, g[0])

    pairs = [_armed(seed=s) for s in (0, 1, 2)]
    kinds: List[List[Any]] = [[], [], []]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        threads = [threading.Thread(target=run, args=(m, st, k)) for (m, st), k in zip(pairs, kinds)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        sys.setswitchinterval(old)
    assert kinds == [[DeferredTensor] * 4] * 3
    for s, (m, _) in zip((0, 1, 2), pairs):
        ref, st = _armed(seed=s)
        for x, y in data:
            _, g = tf.withgradient(lambda mm: _loss(mm, x, y), ref)
            _weight(g).data
            tf.update(st, ref, g[0])
        assert _same(_params(m), _params(ref))


def _nan_loss(m: Any, x: Any, y: Any) -> Any:  # sqrt at 0, times 0: NaN in layer 3's bias
    return _loss(m, x, y) + tf.sqrt(m[2].bias * 0.0).sum()


def test_a_non_finite_gradient_elsewhere_refuses_the_step_and_writes_nothing() -> None:
    m, st = _armed()
    x, y = _batches(1)[0]
    want = np.array(_weight(_plain_gradient(m, x, y)).data)
    with np.errstate(all="ignore"):
        _, g = tf.withgradient(lambda mm: _nan_loss(mm, x, y), m)
    assert type(_weight(g)) is DeferredTensor
    before = _params(m)
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.2\.bias is not finite "
                       r"\(3 nan of 3 values\) at update 2; nothing was updated"):
        tf.update(st, m, g[0])
    assert _same(before, _params(m)) and st.step == 1
    # Skipped instead: nothing written, recorded, and the gradient still reads its value.
    tf.update(st, m, g[0], nonfinite="skip")
    assert _same(before, _params(m)) and st.step == 1 and len(st.skipped) == 1
    assert np.array_equal(_weight(g).data, want)


def test_the_culprit_is_named_in_walk_order_among_made_and_unmade_gradients() -> None:
    m, st = _armed()
    x, y = _batches(1)[0]

    def loss(mm: Any, x: Any, y: Any) -> Any:
        bad = tf.sqrt(mm[0].bias * 0.0).sum() + tf.sqrt(mm[2].bias * 0.0).sum()
        return _loss(mm, x, y) + bad

    with np.errstate(all="ignore"):
        _, g = tf.withgradient(lambda mm: loss(mm, x, y), m)
    assert type(_weight(g)) is DeferredTensor
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.0\.bias"):
        tf.update(st, m, g[0])


def test_a_non_finite_product_is_never_left_unmade() -> None:
    # An input batch with an infinity: the proof fails, the gradient is made (and refused).
    m, st = _armed()
    x, y = _batches(1)[0]
    x.data[0, 0] = np.inf
    with np.errstate(all="ignore"):
        _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
        assert type(_weight(g)) is Tensor
        with pytest.raises(tf.NonFiniteError):
            tf.update(st, m, g[0])


def test_a_weight_used_twice_is_made_with_its_whole_sum() -> None:
    def net(seed: int) -> Any:
        tf.seed(seed)
        return tf.Chain(tf.Dense(128, 128, tf.relu), tf.Dense(128, 3))

    rng = np.random.default_rng(3)
    data = [(tf.tensor(rng.standard_normal((2, 128)).astype(np.float32)), tf.onehot([0, 2], 3))
            for _ in range(3)]

    def once(mm: Any, x: Any, y: Any) -> Any:
        return tf.losses.logitcrossentropy(mm[1](mm[0](x)), y)

    def twice(mm: Any, x: Any, y: Any) -> Any:
        return tf.losses.logitcrossentropy(mm[1](mm[0](mm[0](x))), y)

    def regularised(mm: Any, x: Any, y: Any) -> Any:
        w = mm[0].weight
        return once(mm, x, y) + 1e-3 * (w * w).sum()

    for loss in (twice, regularised):
        a, b = net(0), net(0)
        sa, sb = tf.setup(tf.Descent(0.05), a), tf.setup(tf.Descent(0.05), b)
        for x, y in data:
            _, ga = tf.withgradient(lambda mm: loss(mm, x, y), a)
            assert type(ga[0].layers[0].weight) is Tensor  # two uses: never left unmade
            tf.update(sa, a, ga[0])
        # Used once, the same (armed) weight's gradient is left unmade.
        _, g = tf.withgradient(lambda mm: once(mm, x, y), a)
        assert type(g[0].layers[0].weight) is DeferredTensor
        for x, y in data:
            _, gb = tf.withgradient(lambda mm: loss(mm, x, y), b)
            gb[0].layers[0].weight.data
            tf.update(sb, b, gb[0])
        assert _same(_params(a), _params(b))


def test_update_twice_with_one_gradient_and_an_assigned_gradient() -> None:
    a, sa = _armed()
    b, sb = _armed()
    x, y = _batches(1)[0]
    _, ga = tf.withgradient(lambda mm: _loss(mm, x, y), a)
    _, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
    _weight(gb).data
    for _ in range(2):  # the same gradient applied twice
        tf.update(sa, a, ga[0])
        tf.update(sb, b, gb[0])
    assert _same(_params(a), _params(b)) and type(_weight(ga)) is DeferredTensor
    # A gradient assigned before update replaces the product.
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), a)
    t = _weight(g)
    t.data = np.zeros((64, 256), np.float32)
    before = a[0].weight.numpy().copy()
    tf.update(sa, a, g[0])
    assert type(t) is Tensor and np.array_equal(a[0].weight.numpy(), before)


def test_adding_two_gradients_reads_both() -> None:
    m, _ = _armed()
    (x1, y1), (x2, y2) = _batches(2)
    p1, p2 = _plain_gradient(m, x1, y1), _plain_gradient(m, x2, y2)
    _, g1 = tf.withgradient(lambda mm: _loss(mm, x1, y1), m)
    _, g2 = tf.withgradient(lambda mm: _loss(mm, x2, y2), m)
    assert type(_weight(g1)) is type(_weight(g2)) is DeferredTensor
    total = _weight(g1) + _weight(g2)
    assert np.array_equal(total.data, (_weight(p1) + _weight(p2)).data)


def test_a_compiled_function_given_an_unmade_gradient_uses_its_values() -> None:
    a, sa = _armed()
    b, sb = _armed()
    step = tf.compile(lambda g: tf.update(sa, a, g))
    for x, y in _batches(3):
        _, ga = tf.withgradient(lambda mm: _loss(mm, x, y), a)
        assert type(_weight(ga)) is DeferredTensor
        step(ga[0])
        _, gb = tf.withgradient(lambda mm: _loss(mm, x, y), b)
        _weight(gb).data
        tf.update(sb, b, gb[0])
        assert _same(_params(a), _params(b))


def test_a_compiled_training_step_matches_the_folded_eager_loop() -> None:
    a, sa = _armed()
    b, sb = _armed()

    def step(m: Any, st: Any, x: Any, y: Any) -> Any:
        val, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)
        tf.update(st, m, g[0])
        return val

    compiled = tf.compile(step)
    for x, y in _batches(4):
        assert compiled(a, sa, x, y).item() == step(b, sb, x, y).item()
        assert _same(_params(a), _params(b))


def test_nothing_is_left_unmade_where_the_product_is_shared_or_inside_a_recording() -> None:
    m, _ = _armed()
    x, y = _batches(1)[0]
    # No relu: the layer's output gradient may be another leaf's gradient array.
    tf.seed(0)
    lin = tf.Chain(tf.Dense(256, 64), tf.Dense(64, 3))
    st = tf.setup(tf.Descent(0.1), lin)
    for _ in range(2):
        _, g = tf.withgradient(lambda mm: _loss(mm, x, y), lin)
        assert type(g[0].layers[0].weight) is Tensor
        tf.update(st, lin, g[0])
    # An input that is a strided view (every other column): its copy would be contiguous,
    # and the product would not take the BLAS call the unfolded backward's takes.
    wide = tf.tensor(np.repeat(x.numpy(), 2, axis=1))
    _, g = tf.withgradient(lambda mm: _loss(mm, wide[:, ::2], y), m)
    assert type(_weight(g)) is Tensor
    assert np.array_equal(_weight(g).data, _weight(_plain_gradient(m, x, y)).data)
    # A gradient taken inside another one's loss (its backward runs while a tape records).
    inner: List[Any] = []

    def outer(other: Any) -> Any:
        _, gi = tf.withgradient(lambda m2: _loss(m2, x, y), m)
        inner.append(type(_weight(gi)))
        return _loss(other, x, y)

    tf.withgradient(outer, lin)
    assert inner == [Tensor]
    _, g = tf.withgradient(lambda mm: _loss(mm, x, y), m)  # (and alone, it is left unmade)
    assert type(_weight(g)) is DeferredTensor
