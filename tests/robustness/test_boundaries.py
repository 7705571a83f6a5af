"""The entry points that take the caller's functions, files and foreign objects, fed wrong
ones: ``tf.compile`` (non-callables, bad options, value-dependent code), ``tf.train``'s
options and callbacks, ``tf.save``/``tf.load`` (wrong objects, damaged safetensors headers),
and the ``typedflux.torch`` bridge (wrong objects, dtypes numpy lacks). The outcome is a
result or a clean error (``oracle.py``); damaged files change nothing.
"""

from __future__ import annotations

import json
import struct
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List

import numpy as np
import pytest

import typedflux as tf
from oracle import escape
from pool import POOL


# call label -> owner and reason: escapes found and not fixed yet. Each must still escape
# (the tests compare the sets: a fixed one fails until its line goes).
KNOWN: Dict[str, str] = {}


def _escapes(calls: Dict[str, Callable[[], Any]]) -> List[str]:
    """The escapes among ``calls`` not in KNOWN; KNOWN entries of these calls that no longer
    escape are reported too."""
    out = []
    for label, call in calls.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = escape(call)
        if found is not None and label not in KNOWN:
            out.append(f"{label}: {found}")
        elif found is None and label in KNOWN:
            out.append(f"{label}: no longer escapes, drop it from KNOWN")
    return out


def test_compile_of_wrong_things() -> None:
    calls: Dict[str, Callable[[], Any]] = {}
    for label, make in POOL:
        calls[f"compile({label})"] = lambda make=make: tf.compile(make())
        calls[f"compile({label})(x)"] = lambda make=make: tf.compile(make())(tf.ones(2))
        calls[f"compile(fallback={label})"] = (
            lambda make=make: tf.compile(lambda x: x.sum(), fallback=make())(tf.ones(2)))
        calls[f"compiled(x={label})"] = (
            lambda make=make: tf.compile(lambda x: x * 2)(make()))
    escapes = _escapes(calls)
    assert not escapes, "\n".join(escapes[:15])


def _branchy(x: Any) -> Any:
    return x * 2 if x.sum().item() > 0 else x * 3


def test_value_dependent_code_is_refused_with_or_without_fallback() -> None:
    # (By design: an eager fallback would hide a function that silently cannot be compiled.)
    for fallback in (False, True):
        with pytest.raises(tf.ValueDependentError, match=r"reads a tensor's value \(x\.item"):
            tf.compile(_branchy, fallback=fallback)(tf.ones(2))


def _writes_into_its_input(x: Any) -> Any:
    x.data[0] = 5.0
    return x * 1


def test_compiled_function_that_writes_into_its_input() -> None:
    c = tf.compile(_writes_into_its_input)
    for _ in range(3):
        assert c(tf.ones(3)).numpy().tolist() == [5.0, 1.0, 1.0]


def _fit(**options: Any) -> Any:
    model = tf.Dense(3, 1)
    data = [(tf.ones(4, 3), tf.zeros(4, 1))] * 2
    return tf.train(lambda m, x, y: tf.losses.mse(m(x), y), model, data,
                    tf.setup(tf.Adam(), model), **options)


def test_train_options_and_callbacks() -> None:
    calls: Dict[str, Callable[[], Any]] = {}
    for key in ("callback", "desc", "progress", "nonfinite", "compile", "epochs"):
        for label, make in POOL:
            if key == "epochs" and label == "huge int":
                continue  # 2**62 epochs is a request to train (nearly) forever
            options = {"progress": False, key: make()} if key != "progress" else {key: make()}
            calls[f"train({key}={label})"] = lambda options=options: _fit(**options)
    for label, make in POOL:
        calls[f"EarlyStopping(patience={label})"] = lambda make=make: _fit(
            progress=False, epochs=3, callback=tf.EarlyStopping(make()))
        calls[f"EarlyStopping(metric=() -> {label})"] = lambda make=make: _fit(
            progress=False, epochs=3, callback=tf.EarlyStopping(1, metric=make))
        calls[f"EarlyStopping()(1, {label})"] = lambda make=make: tf.EarlyStopping(1)(1, make())
        calls[f"EarlyStopping().step({label})"] = lambda make=make: tf.EarlyStopping(1).step(make())
    escapes = _escapes(calls)
    assert not escapes, "\n".join(escapes[:15])


def test_train_refuses_a_state_of_another_model() -> None:
    model = tf.Dense(3, 1)
    with pytest.raises(ValueError, match=r"^train: the optimiser state of weight was set up for "
                                         r"shape Tensor\[2, 2\], but the parameter has "
                                         r"Tensor\[1, 3\]"):
        tf.train(lambda m, x: m(x).sum(), model, [tf.ones(4, 3)],
                 tf.setup(tf.Adam(), tf.Dense(2, 2)), progress=False)


def _model() -> Any:
    return tf.Chain(tf.GroupNorm(4, 2), tf.Conv((3, 3), 4, 2, pad="same", groups=2),
                    tf.Flatten(), tf.Bilinear(18, 18, 2))


def test_save_and_load_of_wrong_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # save(model, "abc") writes a file where it runs
    good = tmp_path / "good.safetensors"
    tf.save(_model(), good)
    calls: Dict[str, Callable[[], Any]] = {}
    for label, make in POOL:
        calls[f"save({label})"] = lambda make=make: tf.save(make(), tmp_path / "x.safetensors")
        calls[f"save(model, {label})"] = lambda make=make: tf.save(_model(), make())
        calls[f"load({label}, file)"] = lambda make=make: tf.load(make(), good)
        calls[f"load(model, {label})"] = lambda make=make: tf.load(_model(), make())
        calls[f"load(strict={label})"] = lambda make=make: tf.load(_model(), good, strict=make())
    escapes = _escapes(calls)
    assert not escapes, "\n".join(escapes[:15])


# Damage to one entry of a safetensors header: each must be refused, naming the problem.
HEADER_DAMAGE: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    "dtype unknown": lambda e: e.__setitem__("dtype", "Q99"),
    "dtype a number": lambda e: e.__setitem__("dtype", 3),
    "dtype BF16": lambda e: e.__setitem__("dtype", "BF16"),
    "dtype I64": lambda e: e.__setitem__("dtype", "I64"),
    "shape negative": lambda e: e.__setitem__("shape", [-1, 3]),
    "shape a string": lambda e: e.__setitem__("shape", "ab"),
    "shape of floats": lambda e: e.__setitem__("shape", [2.0, 2.0]),
    "shape huge": lambda e: e.__setitem__("shape", [2**40, 2**40]),
    "no shape": lambda e: e.pop("shape"),
    "no offsets": lambda e: e.pop("data_offsets"),
    "offsets reversed": lambda e: e.__setitem__("data_offsets", e["data_offsets"][::-1]),
    "offsets past the end": lambda e: e.__setitem__("data_offsets", [0, 10**12]),
    "offsets negative": lambda e: e.__setitem__("data_offsets", [-8, 8]),
    "offsets strings": lambda e: e.__setitem__("data_offsets", ["a", "b"]),
    "three offsets": lambda e: e.__setitem__("data_offsets", [0, 8, 16]),
}


@pytest.mark.parametrize("damage", sorted(HEADER_DAMAGE))
def test_damaged_safetensors_headers_are_refused_and_change_nothing(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "m.safetensors"
    tf.save(_model(), path)
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    name = next(k for k in header if k != "__metadata__")
    HEADER_DAMAGE[damage](header[name])
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + raw[8 + n:])
    target = _model()
    before = [t.numpy().copy() for t in tf.params(target)]
    found = escape(lambda: tf.load(target, path))
    assert found is None, found
    with pytest.raises((TypeError, ValueError)):
        tf.load(target, path)
    assert all(np.array_equal(a, t.numpy()) for a, t in zip(before, tf.params(target)))


def test_torch_bridge_of_wrong_things() -> None:
    tt = pytest.importorskip("typedflux.torch")
    calls: Dict[str, Callable[[], Any]] = {}
    for label, make in POOL:
        calls[f"to_torch({label})"] = lambda make=make: tt.to_torch(make())
        calls[f"state_dict({label})"] = lambda make=make: tt.state_dict(make())
        calls[f"from_torch({label}, into=model)"] = (
            lambda make=make: tt.from_torch(make(), into=_model()))
        calls[f"from_torch(state, into={label})"] = (
            lambda make=make: tt.from_torch(tt.state_dict(_model()), into=make()))
    escapes = _escapes(calls)
    assert not escapes, "\n".join(escapes[:15])


def test_from_torch_takes_floats_numpy_lacks_and_refuses_tensors_without_data() -> None:
    torch = pytest.importorskip("torch")
    tt = pytest.importorskip("typedflux.torch")
    w = torch.tensor([[0.5, -1.25, 3.0], [2.0, 0.0, -0.75]])
    for dtype in (torch.bfloat16, torch.float8_e4m3fn):
        d = tt.from_torch({"weight": w.to(dtype), "bias": torch.ones(2)}, into=tf.Dense(3, 2))
        assert d.weight.numpy().tolist() == w.tolist()  # exact in both
        assert d.weight.dtype == np.float32
    with pytest.raises(ValueError, match="^from_torch: weight is on the meta device"):
        tt.from_torch({"weight": torch.ones(2, 3, device="meta"), "bias": torch.ones(2)},
                      into=tf.Dense(3, 2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch: complex32 support is experimental
        half_complex = torch.ones(2, 3, dtype=torch.complex32)
    with pytest.raises(TypeError, match="^from_torch: weight has dtype torch.complex32, which "
                                        "numpy"):
        tt.from_torch({"weight": half_complex, "bias": torch.ones(2)}, into=tf.Dense(3, 2))


def test_functions_of_the_wrong_arity_are_refused_where_given() -> None:
    # (Python's own "takes 0 positional arguments" at the first epoch or update before.)
    with pytest.raises(TypeError, match=r"^Scheduler: eta needs a schedule \(a function of the "
                                        r"step\), got <function"):
        tf.Scheduler(tf.Adam(), eta=lambda: 0.1)
    with pytest.raises(TypeError, match=r"^train: callback must be a function \(epoch, losses\)"):
        _fit(progress=False, callback=tf.Dense(2, 2))
