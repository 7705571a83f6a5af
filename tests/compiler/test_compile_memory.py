"""Where a compiled program's buffers live (compiler/memory.py): an elementwise result takes
the bytes of an input that dies at that call, and only then; replays stay exact."""

from __future__ import annotations

import mmap
from typing import Any, Callable, List

import numpy as np
import pytest

from typedflux.compiler.memory import zeros
from typedflux.compiler.program import Program
from typedflux.compiler.record import Recorder


def _program(body: Callable[..., Any], *shapes: Any) -> Any:
    rec = Recorder()
    ins = [rec.input(np.ones(s, np.float32), f"x{i}") for i, s in enumerate(shapes)]
    with rec:
        outs = body(*ins)
    return rec, Program(rec, [x.ref for x in ins], [o.ref for o in outs])


def _shared(rec: Any, a: int, b: int) -> bool:
    return bool(np.shares_memory(rec.vars[a].arr, rec.vars[b].arr))


def _check(prog: Any, body: Callable[..., Any], *shapes: Any) -> None:
    # Replays with fresh inputs give numpy's own results, bit for bit.
    r = np.random.default_rng(0)
    for _ in range(3):
        xs: List[Any] = [r.standard_normal(s).astype(np.float32) for s in shapes]
        want = body(*xs)
        got = prog.replay(*xs)
        for w, g in zip(want, got):
            assert np.array_equal(w, g, equal_nan=True)


def test_an_elementwise_result_takes_the_bytes_of_an_input_that_dies_there() -> None:
    body = lambda x: (np.exp(np.multiply(x, 2.0)) + 1.0,)  # noqa: E731
    rec, prog = _program(body, (64,))
    mul, exp = (next(v.n for v in rec.vars if v.name == name) for name in ("multiply", "exp"))
    assert _shared(rec, mul, exp)
    # (The very same array object: numpy then skips its overlap test, which costs more than
    # a 16-vector's whole op.)
    assert rec.vars[exp].arr is rec.vars[mul].arr
    _check(prog, body, (64,))


def test_no_bytes_are_taken_from_an_input_read_later_or_of_another_layout() -> None:
    later = lambda x: (lambda a: (np.exp(a) + a,))(x * 2.0)  # noqa: E731
    rec, prog = _program(later, (64,))
    mul, exp = (next(v.n for v in rec.vars if v.name == name) for name in ("multiply", "exp"))
    assert not _shared(rec, mul, exp)
    _check(prog, later, (64,))
    wider = lambda x, y: (np.add(x * 2.0, y),)  # noqa: E731  # [64] + [3, 64]: broadcast
    rec, prog = _program(wider, (64,), (3, 64))
    mul, add = (next(v.n for v in rec.vars if v.name == name) for name in ("multiply", "add"))
    assert not _shared(rec, mul, add)
    _check(prog, wider, (64,), (3, 64))


def test_no_bytes_are_taken_when_the_call_also_reads_a_view_of_the_input() -> None:
    # (Written in place, a + a[::-1] would read entries it has already overwritten.)
    body = lambda x: (lambda a: (np.add(a, a[::-1]),))(x * 3.0)  # noqa: E731
    rec, prog = _program(body, (64,))
    mul, add = (next(v.n for v in rec.vars if v.name == name) for name in ("multiply", "add"))
    assert not _shared(rec, mul, add)
    _check(prog, body, (64,))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_zeros_are_read_only_zeros_on_an_anonymous_mapping(dtype: Any) -> None:
    z = zeros(70_000, dtype)
    assert z.shape == (70_000,) and z.dtype == dtype and not z.flags.writeable
    assert not z.view(f"u{z.itemsize}").any()  # +0.0 everywhere, bit for bit
    with pytest.raises(ValueError):
        z[3] = 1.0
    if hasattr(mmap, "MAP_ANONYMOUS") and hasattr(mmap, "PROT_READ"):
        assert isinstance(z.base, memoryview) and isinstance(z.base.obj, mmap.mmap)
        assert z.ctypes.data % mmap.PAGESIZE == 0
    # (Nothing to map: plain read-only zeros.)
    e = zeros(0, dtype)
    assert e.shape == (0,) and not e.flags.writeable


def _mapped(a: Any) -> bool:
    # Whether the memory of ``a`` (through its views) is an anonymous mapping.
    base = a
    while isinstance(base, np.ndarray) and base.base is not None:
        base = base.base
    return isinstance(base, memoryview) and isinstance(base.obj, mmap.mmap)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_eager_relu_reads_zeros_on_the_zero_page_as_compiled_programs_do(
        monkeypatch: Any, dtype: Any) -> None:
    # The fused ReLU of Dense and Conv (ops/kernels/relu.py) compares with cached zeros of the
    # output's shape: mapped like compiler/memory.py's (np.zeros would give reused heap memory
    # under typedflux's allocator settings, a pass over real memory at every ReLU), read-only,
    # +0.0, and the ReLU's bits are maximum(x, 0)'s.
    from typedflux.ops.kernels import relu as r

    monkeypatch.setattr(r, "_ZEROS", {})
    rng = np.random.default_rng(1)
    pre = rng.standard_normal((64, 8, 28, 28)).astype(dtype)
    pre.ravel()[:8] = [np.nan, -np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-40, -1e-40]
    want = np.maximum(pre, 0)
    got = r.relu_(pre.copy())
    assert got.tobytes() == want.tobytes()
    z = r.cached_zeros(pre.shape, dtype)
    if not r.maximum_agrees(np.dtype(dtype)):  # (a dtype whose loops differ keeps the scalar)
        assert z is None
        return
    assert z is not None and z.shape == pre.shape and not z.flags.writeable
    assert not z.view(f"u{z.itemsize}").any()
    if hasattr(mmap, "MAP_ANONYMOUS") and hasattr(mmap, "PROT_READ"):
        assert _mapped(z)
    assert r.relu_(pre.copy()).tobytes() == want.tobytes()  # (the cached zeros, again)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.complex64])
def test_kernel_zeros_outside_a_recording_are_numpys_zeros(dtype: Any) -> None:
    # ops/kernels/common.py zeros: np.zeros for a plain array (its calloc clears faster than
    # zeros_like's fill); the same dtype, shape, C order and +0.0 bits as zeros_like.
    from typedflux.ops.kernels.common import zeros as kernel_zeros

    like = np.ones((3, 5), dtype, order="F")
    got = kernel_zeros(like, (4, 6, 2))
    want = np.zeros_like(like, shape=(4, 6, 2), order="C")
    assert got.dtype == want.dtype and got.shape == want.shape and got.flags.c_contiguous
    assert got.tobytes() == want.tobytes() and got.flags.writeable


def test_kernel_zeros_while_recording_are_a_recorded_buffer() -> None:
    # While tf.compile records, the kernel's zeros are made from the recorded array (what lets
    # a replay write into them): a conv with padding, recorded and replayed, gives the eager
    # bits at every call.
    from typedflux.ops.kernels.conv import conv2d_forward

    w = np.random.default_rng(2).standard_normal((4, 3, 3, 3)).astype(np.float32)

    def body(x: Any) -> Any:
        y, _ = conv2d_forward(x, w, None, (1, 1), (1, 1), (1, 1), "relu")
        return [y]

    _, prog = _program(body, (2, 3, 8, 8))
    _check(prog, body, (2, 3, 8, 8))
