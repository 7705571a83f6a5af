"""The tape: accumulation, what gets recorded, freeing, long chains, dtypes, and messages."""

from __future__ import annotations

import contextvars
from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.tape import _NP_ERRSTATE, Tape, TapeError, unbroadcast


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


# -- numpy's error state while a tape records (Tape.__enter__ sets numpy's ContextVar to the
# value it has, so numpy's per-ufunc read stays a cached one; numpy >= 2 only) -----------------

def test_np_errstate_inside_a_recording_still_raises_and_is_undone_after() -> None:
    x = tf.tensor([1.0, 0.0])
    seen: List[str] = []

    def loss(x: Any) -> Any:
        with np.errstate(divide="raise"):
            seen.append(np.geterr()["divide"])
            with pytest.raises(FloatingPointError):
                np.float32(1.0) / x.data
        seen.append(np.geterr()["divide"])
        return (x * x).sum()

    before = np.geterr()
    (g,) = tf.gradient(loss, x)
    assert seen == ["raise", before["divide"]]
    assert np.geterr() == before
    np.testing.assert_array_equal(g, [2.0, 0.0])


def test_np_seterr_inside_a_recording_keeps_its_effect_as_without_a_tape() -> None:
    before = np.geterr()
    try:
        def loss(x: Any) -> Any:
            np.seterr(over="raise")
            return (x * x).sum()

        tf.gradient(loss, tf.ones(2))
        assert np.geterr()["over"] == "raise"
    finally:
        np.seterr(**before)
    assert np.geterr() == before


def test_a_recording_leaves_numpys_error_state_as_it_found_it() -> None:
    with np.errstate(under="ignore", invalid="warn"):
        inside = np.geterr()
        t = Tape()
        with t:
            assert np.geterr() == inside
            t.watch(tf.ones(2))
        assert np.geterr() == inside
    # Nothing stays set in the context afterwards (a fresh context holds no var).
    assert contextvars.Context().run(_vars_after_a_recording) == []


def _vars_after_a_recording() -> List[str]:
    with Tape():
        pass
    return [v.name for v in contextvars.copy_context()]


@pytest.mark.skipif(_NP_ERRSTATE is None, reason="numpy < 2 keeps its error state per thread")
def test_numpys_error_state_var_is_set_while_recording() -> None:
    # What keeps numpy's read of it cached (the reason for setting it: tape.py).
    def inside() -> Tuple[bool, bool]:
        with Tape():
            recording = _NP_ERRSTATE in contextvars.copy_context()
        return recording, _NP_ERRSTATE in contextvars.copy_context()

    assert contextvars.Context().run(inside) == (True, False)


def test_gradients_handed_out_as_copies_are_in_the_parameters_layout() -> None:
    # A conv weight's gradient is a view of the weight-gradient GEMM's transposed result; the
    # copy handed out is in C order, the parameter's (a copy in the view's own order made
    # tf.update's finite check copy it again, and its step run a strided loop). A Dense
    # weight is C-ordered, and one assigned Fortran-ordered stays so: its gradient follows
    # its layout (made so by the VJP, not copied).
    x = tf.tensor(np.random.default_rng(0).standard_normal((2, 2, 5, 5)).astype(np.float32))
    for fortran in (False, True):
        m = tf.Chain(tf.Conv((3, 3), 2, 4, tf.relu, pad=1), tf.Flatten(),
                     tf.Dense(4 * 5 * 5, 3))
        assert m.layers[2].weight.data.flags.c_contiguous
        if fortran:
            m.layers[2].weight = tf.tensor(np.asfortranarray(m.layers[2].weight.data))
            assert not m.layers[2].weight.data.flags.c_contiguous
        (g,) = tf.gradient(lambda m: m(x).sum(), m)
        for layer, own in ((g.layers[0], m.layers[0]), (g.layers[2], m.layers[2])):
            for a, p in ((layer.weight.data, own.weight.data),
                         (layer.bias.data, own.bias.data)):
                assert a.flags.owndata
                assert (a.flags.c_contiguous, a.flags.f_contiguous) == (
                    p.flags.c_contiguous, p.flags.f_contiguous)
    w = tf.tensor(np.arange(6.0, dtype=np.float32).reshape(2, 3))
    (gw,) = tf.gradient(lambda w: (tf.transpose(w) * 2.0).sum(), w)
    assert gw.numpy().flags.c_contiguous
    np.testing.assert_array_equal(gw.numpy(), np.full((2, 3), 2.0, np.float32))


# -- exact two-input nodes: the scan tells the VJP which inputs take gradients ----------------

@pytest.mark.parametrize("name", ["add", "sub", "mul", "div", "pow", "maximum", "minimum"])
def test_the_scan_tells_an_exact_two_input_vjp_which_inputs_take_gradients(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typedflux.ops.registry import REGISTRY

    prim = REGISTRY[name]
    real = prim.vjp_fn
    calls: List[Tuple[Any, ...]] = []

    def spy(*a: Any) -> Any:
        calls.append(a[4:])
        return real(*a)  # type: ignore[misc]

    monkeypatch.setattr(prim, "vjp_fn", spy)
    w = tf.tensor([1.5, 2.0])
    c = tf.tensor([3.0, 0.5])
    (gw,) = tf.gradient(lambda w: prim.invoke(w, c).sum(), w)  # exact: told (True, False)
    (gc,) = tf.gradient(lambda c: prim.invoke(w, c).sum(), c)  # told (False, True)
    gb = tf.gradient(lambda w: prim.invoke(w, tf.ones(3, 2)).sum(), w)[0]  # broadcast: not exact
    assert calls == [(True, False), (False, True), ()]
    monkeypatch.undo()
    # The same gradients as with nothing told (the reference path records no exact node).
    ref = type(prim)(prim.spec, "reference")
    ref.bind(prim.forward, tf.Tensor)
    ref.vjp_fn = prim.vjp_fn
    np.testing.assert_allclose(gw.numpy(), tf.gradient(lambda w: ref.invoke(w, c).sum(), w)[0].numpy())
    np.testing.assert_allclose(gc.numpy(), tf.gradient(lambda c: ref.invoke(w, c).sum(), c)[0].numpy())
    np.testing.assert_allclose(
        gb.numpy(), tf.gradient(lambda w: ref.invoke(w, tf.ones(3, 2)).sum(), w)[0].numpy())


def test_mul_computes_no_product_for_an_input_that_takes_no_gradient() -> None:
    from typedflux.ops.registry import REGISTRY

    g, x, y = np.ones(2), np.array([2.0, 3.0]), np.array([5.0, 7.0])
    vjp = REGISTRY["mul"].vjp_fn
    assert vjp is not None
    gx, gy = vjp(g, x * y, x, y, True, False)
    assert gy is None and np.array_equal(gx, y)
    gx, gy = vjp(g, x * y, x, y, False, True)
    assert gx is None and np.array_equal(gy, x)
    gx, gy = vjp(g, x * y, x, y)  # not told, outside a scan: both
    assert np.array_equal(gx, y) and np.array_equal(gy, x)


def test_a_two_tensor_elementwise_vjp_must_take_the_two_needs() -> None:
    from typedflux.engine.primitive import Primitive
    from typedflux.shapes.catalog import SPECS

    p = Primitive(SPECS["mul"])
    with pytest.raises(ValueError, match="need_x=None, need_y=None"):
        p.vjp(lambda g, out, x, y: (g * y, g * x))
    p.vjp(lambda g, out, x, y, nx=None, ny=None: (g * y, g * x))  # accepted
    q = Primitive(SPECS["exp"])
    q.vjp(lambda g, out, x: (g * out,))  # a one-input op: unchanged


def test_a_node_holds_its_input_count_when_exact_and_zero_otherwise() -> None:
    # The scan reads an exact node's arity from the node (no len() per node): Tape.record and
    # the fast lanes store 1 or 2, a general node 0; each is differentiated as such.
    x, y = tf.tensor([1.0, 2.0]), tf.tensor([3.0, 4.0])
    tape = Tape()
    with tape:
        tape.watch_all([x, y])
        a = x * y  # the binary lane: 2
        b = tf.exp(a)  # the unary lane: 1
        c = b + tf.ones(3, 1)  # broadcast: general, 0
        d = tf.Tensor(c.data * 2.0)
        tape.record(d, "demo2", lambda g, out, c: (g * 2.0,), (tape.id_of(c),), (c.data,), True)
        s = d.sum()  # general, 0
    assert [n[6] for n in tape.nodes] == [2, 1, 0, 1, 0]
    gx, gy = tape.backward(s, [x, y])
    want = 2.0 * 3.0 * np.exp(x.data * y.data)
    np.testing.assert_allclose(gx, want * y.data, rtol=1e-6)
    np.testing.assert_allclose(gy, want * x.data, rtol=1e-6)
