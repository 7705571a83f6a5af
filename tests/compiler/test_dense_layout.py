"""Dense keeps its weight C-ordered (``[out, in]``, PyTorch's layout); a weight given
Fortran-ordered (``[in, out]`` in memory, the layout Dense kept before 2026-12-06 22:00) is
used as it lies. Either way Dense makes its weight gradient in the weight's layout, eagerly
and compiled alike: everything that touches a weight's memory keeps that layout (gradient,
optimiser state, update, checkpoints, the torch bridge, copies), and the compiled step still
equals the eager one bit for bit, the update folded into the gradient's GEMM in both
layouts."""

from __future__ import annotations

import copy
import os
import pickle
from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.layers.core import glorot_uniform
from typedflux.optimise import blas


def _f_only(a: Any) -> bool:
    return bool(a.flags.f_contiguous and not a.flags.c_contiguous)


def _mlp(seed: int = 0, fortran: bool = False) -> Any:
    tf.seed(seed)
    m = tf.Chain(tf.Dense(256, 128, tf.relu), tf.Dense(128, 64, tf.relu), tf.Dense(64, 3))
    return _to_fortran(m) if fortran else m


def _to_fortran(m: Any) -> Any:
    # Every Dense weight replaced by a Fortran-ordered array of its values.
    for layer in m.layers:
        layer.weight = tf.tensor(np.asfortranarray(layer.weight.data))
    return m


def _layout_is(a: Any, fortran: bool) -> bool:
    return _f_only(a) if fortran else bool(a.flags.c_contiguous)


def _data(batch: int = 16, n: int = 3) -> List[Tuple[Any, Any]]:
    r = np.random.default_rng(1)
    return [(tf.tensor(r.standard_normal((batch, 256)).astype(np.float32)),
             tf.onehot((np.arange(batch) % 3).tolist(), 3)) for _ in range(n)]


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.logitcrossentropy(m(x), y)


def test_a_dense_weight_is_c_ordered_with_the_draws_values() -> None:
    tf.seed(3)
    d = tf.Dense(5, 7)
    tf.seed(3)
    want = glorot_uniform(7, 5).data
    assert d.weight.shape == (7, 5) and d.weight.data.flags.c_contiguous
    assert np.array_equal(d.weight.data, want)


@pytest.mark.parametrize("fortran", [False, True])
def test_the_weight_gradient_comes_in_the_weights_layout_and_is_its_own_array(
        fortran: bool) -> None:
    m = _mlp(fortran=fortran)
    x, y = _data()[0]
    (g,) = tf.gradient(lambda m: _loss(m, x, y), m)
    _, (g2,) = tf.withgradient(lambda m: _loss(m, x, y), m)
    for grads in (g, g2):
        for layer in grads.layers:
            w = layer.weight.data
            assert _layout_is(w, fortran) and w.flags.owndata
    # The numbers of the other layout's gradient, up to the order OpenBLAS sums in.
    other = _mlp(fortran=not fortran)
    (go,) = tf.gradient(lambda m: _loss(m, x, y), other)
    for a, b in zip(tf.params(g), tf.params(go)):
        np.testing.assert_allclose(a.data, b.data, rtol=1e-5, atol=1e-6)
    assert _layout_is(go.layers[0].weight.data, not fortran)


def test_a_weight_given_in_fortran_order_is_used_as_it_lies_and_keeps_its_layout() -> None:
    m = _mlp()
    f = np.asfortranarray(m.layers[0].weight.data)
    w = tf.tensor(f)
    m.layers[0].weight = w
    held = w.data
    x, y = _data()[0]
    (g,) = tf.gradient(lambda m: _loss(m, x, y), m)
    assert m.layers[0].weight is w and w.data is held and _f_only(held)
    assert _f_only(g.layers[0].weight.data)
    assert g.layers[1].weight.data.flags.c_contiguous
    st = tf.setup(tf.Descent(0.1), m)
    tf.update(st, m, g)
    assert w.data is held and _f_only(held)


@pytest.mark.parametrize("fortran", [False, True])
@pytest.mark.parametrize("rule", [tf.Descent(0.05), tf.Momentum(0.05), tf.Adam(1e-3)])
def test_optimiser_state_and_updated_weights_keep_the_layout(rule: Any, fortran: bool) -> None:
    m = _mlp(fortran=fortran)
    st = tf.setup(rule, m)
    for x, y in _data():
        _, (g,) = tf.withgradient(lambda m: _loss(m, x, y), m)
        tf.update(st, m, g)
    for layer in m.layers:
        assert _layout_is(layer.weight.data, fortran)
    arrays = [v for leaf in st.leaves.values() for v in _state_arrays(leaf.state)
              if v.ndim == 2]
    assert len(arrays) == (0 if type(rule) is tf.Descent else (3 if type(rule) is tf.Momentum
                                                                else 6))
    assert all(_layout_is(a, fortran) for a in arrays)


def _state_arrays(s: Any) -> List[Any]:
    if isinstance(s, np.ndarray):
        return [s]
    if s is None or isinstance(s, (int, float)):
        return []
    if isinstance(s, (tuple, list)):
        return [a for v in s for a in _state_arrays(v)]
    slots = getattr(type(s), "__slots__", ())
    names = list(slots) + list(getattr(s, "__dict__", {}))
    return [a for n in names for a in _state_arrays(getattr(s, n, None))]


@pytest.mark.parametrize("name", ["model.safetensors", "model.npz"])
def test_a_checkpoint_round_trip_keeps_the_values_and_the_layout(tmp_path: Any, name: str) -> None:
    m = _mlp(0)
    path = os.path.join(tmp_path, name)
    tf.save(m, path)
    other = _mlp(1, fortran=True)
    held = other.layers[0].weight.data
    tf.load(other, path)
    for a, b in zip(tf.params(m), tf.params(other)):
        assert np.array_equal(a.data, b.data)
    assert other.layers[0].weight.data is held and _f_only(held)
    if name.endswith(".safetensors"):
        from safetensors.numpy import load_file

        stored = load_file(path)
        assert np.array_equal(stored["layers.0.weight"], m.layers[0].weight.data)


def test_copies_and_pickles_keep_the_layout() -> None:
    m = _mlp(fortran=True)
    for other in (copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert _f_only(other.layers[0].weight.data)
        assert np.array_equal(other.layers[0].weight.data, m.layers[0].weight.data)


def test_the_torch_bridge_hands_torch_c_ordered_copies_and_copies_back_in_place() -> None:
    torch = pytest.importorskip("torch")
    from typedflux.torch import from_torch, state_dict, to_torch

    m = _mlp()
    sd = state_dict(m)
    assert all(t.is_contiguous() for t in sd.values())
    assert np.array_equal(sd["layers.0.weight"].numpy(), m.layers[0].weight.data)
    module = to_torch(m)
    assert all(p.is_contiguous() for p in module.parameters())
    other = _mlp(2, fortran=True)
    held = other.layers[0].weight.data
    from_torch({k: v * 2 for k, v in sd.items()}, into=other)
    assert other.layers[0].weight.data is held and _f_only(held)
    assert np.array_equal(held, 2 * m.layers[0].weight.data)
    x = torch.ones(4, 256)
    np.testing.assert_allclose(module(x).detach().numpy(), m(tf.ones(4, 256)).numpy(),
                               rtol=1e-5, atol=1e-5)


def _train(compile: bool, fortran: bool, rule: Any) -> Tuple[List[float], List[Any], Any]:
    m = _mlp(fortran=fortran)
    st = tf.setup(rule, m)

    def step(m: Any, x: Any, y: Any) -> Any:
        v, (g,) = tf.withgradient(lambda m: _loss(m, x, y), m)
        tf.update(st, m, g)
        return v

    f: Any = tf.compile(step, fallback=False) if compile else step
    losses = [f(m, x, y).item() for x, y in _data() * 2]
    return losses, [p.data.copy(order="K") for p in tf.params(m)], f


@pytest.mark.parametrize("fortran", [False, True])
# (Descent's step a power of two: its fold is exact on every BLAS kernel tried (SkylakeX,
# Haswell, Sandybridge, Katmai), so it is made.)
@pytest.mark.parametrize("rule", [tf.Descent(0.0625), tf.Adam(1e-3)])
def test_compiled_equals_eager_in_both_layouts(fortran: bool, rule: Any) -> None:
    e_losses, e_params, _ = _train(False, fortran, rule)
    c_losses, c_params, f = _train(True, fortran, rule)
    assert e_losses == c_losses
    for a, b in zip(e_params, c_params):
        assert a.tobytes(order="K") == b.tobytes(order="K")
        assert a.flags.f_contiguous == b.flags.f_contiguous
    assert _f_only(e_params[0]) is fortran
    if type(rule) is tf.Descent and blas.available():
        # The first layer's update is folded into its gradient's GEMM, in either layout.
        steps = next(iter(f._entries.values()))[0].program.steps
        gemms = [s.fn for s in steps if isinstance(s.fn, blas.Gemm)]
        assert [g.transposed for g in gemms] == [fortran]


@pytest.mark.parametrize("fortran", [False, True])
def test_tf_train_compiled_equals_eager_with_the_layout_kept(fortran: bool) -> None:
    out = []
    for compile in (False, True):
        m = _mlp(fortran=fortran)
        st = tf.setup(tf.Descent(0.05), m)
        losses = tf.train(_loss, m, _data(), st, 2, progress=False, compile=compile)
        out.append((losses, [p.data.copy(order="K") for p in tf.params(m)]))
        assert all(_layout_is(layer.weight.data, fortran) for layer in m.layers)
    assert out[0][0] == out[1][0]
    assert all(np.array_equal(a, b) for a, b in zip(out[0][1], out[1][1]))


def test_the_eager_fold_of_a_fortran_weight_equals_the_unfolded_step() -> None:
    # At batch 16 the first layer's gradient comes unmade from withgradient and update folds
    # Descent into its GEMM (writing w.T); tf.gradient's gradient is made, then stepped.
    from typedflux.engine.deferred import DeferredTensor

    def run(fold: bool) -> List[Any]:
        m = _mlp(fortran=True)
        st = tf.setup(tf.Descent(0.05), m)
        kinds = []
        for x, y in _data() * 3:
            if fold:
                _, (g,) = tf.withgradient(lambda m: _loss(m, x, y), m)
                kinds.append(type(g.layers[0].weight))
            else:
                (g,) = tf.gradient(lambda m: _loss(m, x, y), m)
            tf.update(st, m, g)
        assert not fold or DeferredTensor in kinds
        return [p.data for p in tf.params(m)]

    for a, b in zip(run(True), run(False)):
        assert a.tobytes(order="K") == b.tobytes(order="K") and a.flags.f_contiguous


def test_blas_folds_and_steps_a_fortran_ordered_array_in_its_memory_order() -> None:
    if not blas.available():
        pytest.skip("no BLAS bound: axpy and Gemm return False/None by contract")
    r = np.random.default_rng(0)
    # (A Dense layer's shapes: where the unfolded pair rounds as the GEMM does, in either
    # layout; at some shapes neither layout's fold does, which tf.compile checks.)
    x = r.standard_normal((32, 256)).astype(np.float32)
    g = r.standard_normal((32, 128)).astype(np.float32)
    w = np.asfortranarray(r.standard_normal((128, 256)).astype(np.float32))
    want = w.copy(order="K")
    assert blas.axpy(-0.1, np.matmul(x.T, g).T.copy(order="F"), want)
    call = blas.Gemm.prepare(-0.1, x.T, g, 1.0, w, transposed=True)
    assert call is not None and call.transposed
    call(x.T, g, w)
    assert w.tobytes(order="K") == want.tobytes(order="K")
    # Layouts that differ are refused (a strided loop is numpy's job), as is a C-ordered c
    # for a transposed product.
    assert not blas.axpy(1.0, np.ones((3, 4), np.float32), np.ones((3, 4), np.float32, order="F"))
    assert blas.Gemm.prepare(1.0, x.T, g, 1.0, np.ascontiguousarray(w), transposed=True) is None


def _wide_mlp() -> Any:
    # Layer 2's input gradient is a small batch out of 128 features through a Fortran-ordered
    # weight: ops/kernels/dense.py takes the transposes' product there.
    tf.seed(3)
    return _to_fortran(
        tf.Chain(tf.Dense(64, 256, tf.relu), tf.Dense(256, 128, tf.relu), tf.Dense(128, 3)))


@pytest.mark.parametrize("batch", [8, 32, 64])
def test_a_small_batchs_input_gradient_through_a_fortran_weight_is_c_ordered_and_right(
        batch: int) -> None:
    from typedflux.ops.kernels.dense import dense_vjp_parts

    r = np.random.default_rng(batch)
    w = np.asfortranarray(r.standard_normal((128, 256)).astype(np.float32))
    g = r.standard_normal((batch, 128)).astype(np.float32)
    x = r.standard_normal((batch, 256)).astype(np.float32)
    out = np.maximum(x @ w.T, 0)
    gx, g2, _, _ = dense_vjp_parts(g, out, x, w, 0.0, "relu", True)
    want = (g * (out > 0)) @ np.ascontiguousarray(w)
    assert gx.shape == (batch, 256) and gx.flags.c_contiguous and gx.dtype == np.float32
    assert np.allclose(gx, want, rtol=1e-5, atol=1e-5)
    # (The same products: on OpenBLAS's AVX-512 kernels the very bits of g @ w.)
    assert np.array_equal(g2, g * (out > 0))


@pytest.mark.parametrize("rule", [tf.Descent(0.0625), tf.Adam(1e-3)])
@pytest.mark.parametrize("batch", [16, 64])
def test_compiled_equals_eager_through_the_transposes_product(rule: Any, batch: int) -> None:
    r = np.random.default_rng(4)
    data = [(tf.tensor(r.standard_normal((batch, 64)).astype(np.float32)),
             tf.onehot((np.arange(batch) % 3).tolist(), 3)) for _ in range(3)]
    runs = []
    for compile in (False, True):
        m = _wide_mlp()
        st = tf.setup(rule, m)

        def step(m: Any, x: Any, y: Any) -> Any:
            v, (g,) = tf.withgradient(lambda m: _loss(m, x, y), m)
            tf.update(st, m, g)
            return v

        f: Any = tf.compile(step, fallback=False) if compile else step
        losses = [f(m, x, y).item() for x, y in data * 2]
        runs.append((losses, [p.data.copy(order="K") for p in tf.params(m)]))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1]):
        assert a.tobytes(order="K") == b.tobytes(order="K")
