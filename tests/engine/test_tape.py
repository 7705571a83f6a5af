"""The tape: accumulation, what gets recorded, freeing, long chains, dtypes, and messages."""

from __future__ import annotations

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.tape import Tape, TapeError, unbroadcast


def test_fan_out_accumulates() -> None:
    x = tf.tensor([1.0, -2.0, 3.0])
    (g,) = tf.gradient(lambda x: (x * x + x).sum(), x)
    np.testing.assert_allclose(g.numpy(), 2 * x.numpy() + 1)


def test_fan_out_scalar_accumulates() -> None:
    # 0-d gradients: numpy's a + b on 0-d arrays gives an immutable scalar; must still sum.
    x = tf.tensor(3.0)
    (g,) = tf.gradient(lambda x: x * x + x + x, x)
    assert g.item() == pytest.approx(8.0)
    assert isinstance(g.numpy(), np.ndarray)


def test_add_same_tensor_twice_does_not_alias() -> None:
    # add's VJP hands the same g to both inputs; summing them must not corrupt either.
    x = tf.ones(3)
    (g,) = tf.gradient(lambda x: ((x + x) * tf.tensor([1.0, 2.0, 3.0])).sum(), x)
    np.testing.assert_allclose(g.numpy(), [2.0, 4.0, 6.0])


def test_constants_record_nothing() -> None:
    x, c = tf.ones(3), tf.ones(3)
    tape = Tape()
    with tape:
        tape.watch(x)
        _ = c * c + 1.0  # no watched input: not recorded
        assert len(tape.nodes) == 0
        _ = (x * c).sum()
        assert len(tape.nodes) == 2
    tape.free()
    # Outside any tape nothing is recorded at all.
    y = x * 2.0
    assert y._tape is None


def test_integer_tensors_are_not_watched() -> None:
    tape = Tape()
    with tape:
        assert tape.watch(tf.arange(3)) == -1
    tape.free()


def test_tape_is_used_once() -> None:
    x = tf.tensor([1.0, 2.0])
    tape = Tape()
    with tape:
        tape.watch(x)
        y = (x * x).sum()
    (g,) = tape.backward(y, [x])
    np.testing.assert_allclose(g, [2.0, 4.0])
    assert tape.freed and tape.nodes == []
    with pytest.raises(TapeError, match="freed by backward"):
        tape.backward(y, [x])
    with pytest.raises(TapeError, match="a tape is used once"):
        with tape:
            pass
    with pytest.raises(TapeError):
        tape.watch(x)


def test_backward_inside_the_recording_block_is_an_error() -> None:
    x = tf.ones(2)
    tape = Tape()
    with tape:
        tape.watch(x)
        y = x.sum()
        with pytest.raises(TapeError, match="still recording"):
            tape.backward(y, [x])


def test_leaves_are_unmarked_after_gradient_even_on_error() -> None:
    x = tf.ones(2)

    def boom(x: tf.Tensor) -> tf.Tensor:
        _ = x * 2.0
        raise RuntimeError("inside f")

    with pytest.raises(RuntimeError, match="inside f"):
        tf.gradient(boom, x)
    assert x._tape is None
    assert not tf.is_recording()
    tf.gradient(lambda x: x.sum(), x)
    assert x._tape is None


def test_escaped_intermediate_is_a_constant_later() -> None:
    # A tensor computed on a finished tape (e.g. a running statistic kept by a layer) is an
    # ordinary constant afterwards, not an error.
    kept = []

    def f(x: tf.Tensor) -> tf.Tensor:
        y = x * 2.0
        kept.append(y)
        return y.sum()

    x = tf.ones(2)
    tf.gradient(f, x)
    (g,) = tf.gradient(lambda x: (x * kept[0]).sum(), x)
    np.testing.assert_allclose(g.numpy(), [2.0, 2.0])
    assert (kept[0] + 1.0)._tape is None


def test_long_chain_is_one_scan() -> None:
    # 100,000 recorded ops: no recursion limit, one pass.
    x = tf.tensor(1.0, dtype=np.float64)

    def f(x: tf.Tensor) -> tf.Tensor:
        y = x
        for _ in range(100_000):
            y = y * 1.00001
        return y

    (g,) = tf.gradient(f, x)
    assert g.item() == pytest.approx(1.00001**100_000, rel=1e-9)


def test_float32_stays_float32() -> None:
    x = tf.randn(3, 4)
    w = tf.randn(4, 2)
    b = tf.zeros(2)

    def loss(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
        h = tf.tanh(x @ w + b) * 0.5 + 1
        return (tf.logsoftmax(h) ** 2).mean() / 3 + tf.sqrt(h).sum()

    value, grads = tf.withgradient(loss, x, w, b)
    assert value.dtype == np.float32
    for g in grads:
        assert g.dtype == np.float32
    # Python floats, ints and int tensors do not promote float32 either.
    assert (tf.arange(3) * 0.5).dtype == np.float32
    assert (tf.arange(3) / 2).dtype == np.float32
    assert tf.mean(tf.arange(4)).dtype == np.float32
    assert (x * np.float64(2.0)).dtype == np.float32


def test_float64_in_float64_out() -> None:
    x = tf.tensor([1.0, 2.0], dtype=np.float64)
    (g,) = tf.gradient(lambda x: (tf.exp(x) * 2.0).sum(), x)
    assert g.dtype == np.float64 and (x * 2.0).dtype == np.float64


def test_mixed_precision_gradient_has_input_dtype() -> None:
    x = tf.ones(2)
    y = tf.tensor([1.0, 2.0], dtype=np.float64)
    gx, gy = tf.gradient(lambda x, y: (x * y).sum(), x, y)
    assert gx.dtype == np.float32 and gy.dtype == np.float64


def test_gradients_do_not_alias_user_or_forward_arrays() -> None:
    x = tf.ones(3)
    (g,) = tf.gradient(lambda x: x.sum(), x)
    g.numpy()[:] = 5.0  # writable, and changing it touches nothing else
    assert float(x.numpy().sum()) == 3.0
    (g2,) = tf.gradient(lambda x: x.sum(), x)
    np.testing.assert_allclose(g2.numpy(), [1.0, 1.0, 1.0])


def test_unbroadcast() -> None:
    g = np.arange(24.0).reshape(2, 3, 4)
    np.testing.assert_allclose(unbroadcast(g, (3, 1)), g.sum(axis=(0, 2))[:, None])
    np.testing.assert_allclose(unbroadcast(g, ()), g.sum())
    np.testing.assert_allclose(unbroadcast(g, (1, 4)), g.sum(axis=(0, 1))[None, :])
    assert unbroadcast(g, (2, 3, 4)) is g
    with pytest.raises(AssertionError, match="internal error"):
        unbroadcast(g, (5,))


def test_matmul_mismatch_message() -> None:
    with pytest.raises(tf.ShapeError) as err:
        tf.tensor([[1.0, 2.0]]) @ tf.zeros(3, 4)
    text = str(err.value)
    assert '"matmul"' in text
    assert "Tensor[1, 2]" in text and "Tensor[3, 4]" in text
    assert "2" in text and "3" in text
    assert "(2 vs 3)" in text


def test_broadcast_mismatch_is_a_shape_error_not_numpy() -> None:
    with pytest.raises(tf.ShapeError, match='"add"'):
        tf.ones(2, 3) + tf.ones(2)
    with pytest.raises(tf.ShapeError, match='"reshape"'):
        tf.ones(2, 3).reshape(4, 2)
    with pytest.raises(tf.ShapeError, match='"squeeze"'):
        tf.ones(2, 3).squeeze(0)


def test_unknown_operand_type_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match='"add" needs a Tensor or a number for y'):
        tf.ones(2) + "a"  # type: ignore[operator]


def test_vjps_know_which_inputs_need_gradients(monkeypatch: pytest.MonkeyPatch) -> None:
    from typedflux.engine.tape import needed
    from typedflux.ops.registry import REGISTRY

    prim = REGISTRY["matmul"]
    real = prim.vjp_fn
    seen = []

    def spy(*a: object) -> object:
        seen.append((needed(0), needed(1)))
        return real(*a)  # type: ignore[misc]

    monkeypatch.setattr(prim, "vjp_fn", spy)
    x, w = tf.ones(2, 3), tf.ones(3, 4)
    (gw,) = tf.gradient(lambda w: (x @ w).sum(), w)
    assert seen == [(False, True)]
    np.testing.assert_allclose(gw.numpy(), np.full((3, 4), 2.0))
    assert needed(0)  # outside backward: everything counts as needed


def test_watch_outside_the_block_is_an_error() -> None:
    tape = Tape()
    with pytest.raises(TapeError, match="inside `with tape:`"):
        tape.watch(tf.ones(2))
