"""save/load round trips: every public layer, every dtype, both formats, exact to the bit;
the format rule; strict and partial loading; what load refuses before reading data."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np
import pytest
from safetensors import safe_open
from safetensors.numpy import load_file

import typedflux as tf
from typedflux.io import checkpoint_format
from zoo import example, input_for, layer_names, outputs

FORMATS = ["model.safetensors", "model.npz"]


def _randomise(model: Any, seed: int, dtype: Any = None) -> None:
    """Every tensor of ``model`` gets new random values (optionally a new float dtype)."""
    rng = np.random.default_rng(seed)
    for _, t in tf.named_tensors(model):
        a = t.data
        if dtype is not None and a.dtype.kind == "f":
            a = a.astype(dtype)
        if a.dtype.kind == "f":
            t.data = rng.standard_normal(a.shape).astype(a.dtype) + 0.5
        elif a.dtype.kind in "iu":
            t.data = rng.integers(0, 100, size=a.shape).astype(a.dtype)
        else:
            t.data = rng.random(a.shape) > 0.5


def _snapshot(model: Any) -> List[Tuple[str, np.ndarray[Any, Any]]]:
    return [(n, t.data.copy()) for n, t in tf.named_tensors(model)]


def _assert_bitwise(a: List[Tuple[str, Any]], b: List[Tuple[str, Any]]) -> None:
    assert [n for n, _ in a] == [n for n, _ in b]
    for (name, x), (_, y) in zip(a, b):
        assert x.dtype == y.dtype and x.shape == y.shape, name
        assert x.tobytes() == y.tobytes(), name


@pytest.mark.parametrize("filename", FORMATS)
@pytest.mark.parametrize("name", layer_names())
def test_every_layer_round_trips_exactly(tmp_path: Path, name: str, filename: str) -> None:
    model, shape, dtype = example(name)
    if not tf.named_tensors(model):
        with pytest.raises(ValueError, match="holds no tensors; nothing to save"):
            tf.save(model, tmp_path / filename)
        return
    _randomise(model, 1)
    path = tmp_path / filename
    tf.save(model, path)
    fresh = example(name)[0]
    _randomise(fresh, 2)
    assert tf.load(fresh, path) is fresh
    _assert_bitwise(_snapshot(fresh), _snapshot(model))
    tf.testmode(model)
    tf.testmode(fresh)
    x = input_for(shape, dtype)
    for a, b in zip(outputs(model(x)), outputs(fresh(x))):
        assert a.numpy().tobytes() == b.numpy().tobytes()


@pytest.mark.parametrize("filename", FORMATS)
@pytest.mark.parametrize("name", ["Dense", "Conv", "BatchNorm", "LSTM", "MultiHeadAttention"])
def test_float64_models_round_trip_exactly(tmp_path: Path, name: str, filename: str) -> None:
    model = example(name)[0]
    _randomise(model, 3, np.float64)
    tf.save(model, tmp_path / filename)
    fresh = example(name)[0]
    _randomise(fresh, 4, np.float64)
    tf.load(fresh, tmp_path / filename)
    _assert_bitwise(_snapshot(fresh), _snapshot(model))


class Everything:
    """A model holding a buffer of every dtype a checkpoint can hold, with awkward values."""

    _buffers = ("f16", "f64", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "flags",
                "scalar", "empty", "odd")

    def __init__(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        special = np.array([np.nan, -np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-45, 3.4e38],
                           dtype=np.float32)
        # A NaN with a payload: bitwise equality must keep it.
        special[0] = np.frombuffer(np.uint32(0x7FC00123).tobytes(), dtype=np.float32)[0]
        self.weight = tf.tensor(np.concatenate([special, rng.standard_normal(4).astype(np.float32)]))
        self.f16 = tf.tensor(rng.standard_normal(5), dtype=np.float16)
        self.f64 = tf.tensor(np.array([np.nextafter(1.0, 2.0), 5e-324, -np.inf, np.nan]),
                             dtype=np.float64)
        for name, dt in [("i8", np.int8), ("i16", np.int16), ("i32", np.int32),
                         ("i64", np.int64), ("u8", np.uint8), ("u16", np.uint16),
                         ("u32", np.uint32), ("u64", np.uint64)]:
            info = np.iinfo(dt)
            values = np.array([info.min, info.max, 0, seed], dtype=dt)
            setattr(self, name, tf.Tensor(values, dtype=dt))
        self.flags = tf.tensor(rng.random((2, 3)) > 0.5)
        self.scalar = tf.tensor(float(seed))
        self.empty = tf.zeros(0, 3)
        # A Fortran-ordered (non-contiguous in C order) array.
        self.odd = tf.Tensor(np.asfortranarray(rng.standard_normal((3, 4)).astype(np.float32)))


@pytest.mark.parametrize("filename", FORMATS)
def test_every_dtype_round_trips_bit_for_bit(tmp_path: Path, filename: str) -> None:
    a, b = Everything(7), Everything(8)
    tf.save(a, tmp_path / filename)
    tf.load(b, tmp_path / filename)
    _assert_bitwise(_snapshot(b), _snapshot(a))


def test_format_follows_the_extension_and_load_reads_either(tmp_path: Path) -> None:
    model = tf.Dense(3, 2)
    for name, magic in [("a.npz", b"PK"), ("b.NPZ", b"PK"), ("c.safetensors", None),
                        ("d.bin", None), ("e", None)]:
        tf.save(model, tmp_path / name)
        head = (tmp_path / name).read_bytes()[:9]
        if magic is not None:
            assert checkpoint_format(name) == "npz" and head.startswith(magic)
        else:
            assert checkpoint_format(name) == "safetensors" and head[8:9] == b"{"
    # load looks at the content, not the name: an .npz saved earlier and renamed loads.
    (tmp_path / "a.npz").rename(tmp_path / "renamed.ckpt")
    for name in ["renamed.ckpt", "b.NPZ", "c.safetensors", "d.bin", "e"]:
        fresh = tf.Dense(3, 2)
        tf.load(fresh, tmp_path / name)
        np.testing.assert_array_equal(fresh.weight.numpy(), model.weight.numpy())


def test_files_are_readable_by_numpy_and_safetensors_with_metadata(tmp_path: Path) -> None:
    model = tf.Chain(tf.Conv((3, 3), 1, 2), tf.BatchNorm(2))
    tf.save(model, tmp_path / "m.npz")
    tf.save(model, tmp_path / "m.safetensors")
    names = [n for n, _ in tf.named_tensors(model)]
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        assert sorted(npz.files) == sorted(names)
    stored = load_file(str(tmp_path / "m.safetensors"))
    assert sorted(stored) == sorted(names)
    for n, t in tf.named_tensors(model):
        np.testing.assert_array_equal(stored[n], t.numpy())
    with safe_open(str(tmp_path / "m.safetensors"), framework="np") as f:
        meta = f.metadata()
    assert meta["typedflux.format"] == "1"
    assert meta["typedflux.version"]
    assert set(meta) == {"typedflux.format", "typedflux.version", "typedflux.crc32"}


def test_load_is_in_place(tmp_path: Path) -> None:
    a, b = tf.Dense(3, 2), tf.Dense(3, 2)
    w = b.weight
    array = w.data
    tf.save(a, tmp_path / "a.safetensors")
    tf.load(b, tmp_path / "a.safetensors")
    assert b.weight is w and w.data is array
    np.testing.assert_array_equal(w.numpy(), a.weight.numpy())


def test_shape_mismatch_lists_every_tensor_and_changes_nothing(tmp_path: Path) -> None:
    tf.save(tf.Chain(tf.Dense(4, 3), tf.Dense(3, 2)), tmp_path / "m.safetensors")
    target = tf.Chain(tf.Dense(4, 5), tf.Dense(5, 2))
    before = _snapshot(target)
    with pytest.raises(tf.ShapeError) as info:
        tf.load(target, tmp_path / "m.safetensors")
    lines = str(info.value).splitlines()
    assert lines[0].endswith(
        "m.safetensors into Chain(Dense(4 => 5), Dense(5 => 2)): 3 tensors differ"
    ), lines[0]
    assert lines[1:] == [
        "  shape differs: layers.0.weight is Tensor[5, 4] in the model, Tensor[3, 4] in the file",
        "  shape differs: layers.0.bias is Tensor[5] in the model, Tensor[3] in the file",
        "  shape differs: layers.1.weight is Tensor[2, 5] in the model, Tensor[2, 3] in the file",
    ]
    _assert_bitwise(_snapshot(target), before)


@pytest.mark.parametrize("filename", FORMATS)
def test_missing_and_unexpected_names_are_refused(tmp_path: Path, filename: str) -> None:
    tf.save(tf.Chain(tf.Dense(2, 2), tf.Dense(2, 2)), tmp_path / filename)
    bigger = tf.Chain(tf.Dense(2, 2), tf.Dense(2, 2), tf.Dense(2, 2))
    before = _snapshot(bigger)
    with pytest.raises(ValueError) as info:
        tf.load(bigger, tmp_path / filename)
    text = str(info.value)
    assert "2 tensors differ" in text
    assert "missing from the file: layers.2.weight" in text
    assert "missing from the file: layers.2.bias" in text
    _assert_bitwise(_snapshot(bigger), before)
    with pytest.raises(ValueError) as info:
        tf.load(tf.Chain(tf.Dense(2, 2)), tmp_path / filename)
    assert "not in the model: layers.1.weight" in str(info.value)
    assert "not in the model: layers.1.bias" in str(info.value)
    tf.save(tf.Dense(2, 2, bias=False), tmp_path / ("nobias" + filename))
    with pytest.raises(ValueError, match="missing from the file: bias"):
        tf.load(tf.Dense(2, 2), tmp_path / ("nobias" + filename))


@pytest.mark.parametrize("filename", FORMATS)
def test_partial_loading_with_strict_false(tmp_path: Path, filename: str) -> None:
    # A pretrained body into a model with a new head: the shared names load, the rest stay.
    pretrained = tf.Chain(body=tf.Dense(4, 8), head=tf.Dense(8, 3))
    tf.save(pretrained, tmp_path / filename)
    model = tf.Chain(body=tf.Dense(4, 8), head2=tf.Dense(8, 5))
    head_before = _snapshot(model.head2)
    tf.load(model, tmp_path / filename, strict=False)
    _assert_bitwise(_snapshot(model.body), _snapshot(pretrained.body))
    _assert_bitwise(_snapshot(model.head2), head_before)
    # Shapes of shared names still must match, and nothing changes when one does not.
    wrong = tf.Chain(body=tf.Dense(4, 9))
    before = _snapshot(wrong)
    with pytest.raises(tf.ShapeError, match="layers.body.weight is Tensor\\[9, 4\\]"):
        tf.load(wrong, tmp_path / filename, strict=False)
    _assert_bitwise(_snapshot(wrong), before)
    # No name in common is a mistake (a wrong prefix), not a silent no-op.
    with pytest.raises(ValueError, match="no tensor names in common"):
        tf.load(tf.Dense(4, 8), tmp_path / filename, strict=False)


def test_dtypes_convert_only_without_loss(tmp_path: Path) -> None:
    small = tf.Dense(2, 2)
    tf.save(small, tmp_path / "f32.safetensors")
    wide = tf.Dense(2, 2)
    for _, t in tf.named_tensors(wide):
        t.data = t.data.astype(np.float64)
    tf.load(wide, tmp_path / "f32.safetensors")  # float32 -> float64 is exact
    assert wide.weight.dtype == np.float64
    np.testing.assert_array_equal(wide.weight.numpy(), small.weight.numpy().astype(np.float64))
    tf.save(wide, tmp_path / "f64.safetensors")
    target = tf.Dense(2, 2)
    before = _snapshot(target)
    with pytest.raises(ValueError, match="dtype differs: weight is float32 in the model, "
                                         "float64 in the file"):
        tf.load(target, tmp_path / "f64.safetensors")
    _assert_bitwise(_snapshot(target), before)


def test_repeated_dotted_names_are_refused(tmp_path: Path) -> None:
    # "a.b" and a["b"] both name a.b.weight: one file entry cannot hold two tensors.
    model = {"a.b": tf.Dense(2, 2), "a": {"b": tf.Dense(2, 2)}}
    with pytest.raises(ValueError, match=r"a\.b\.weight"):
        tf.save(model, tmp_path / "m.safetensors")
    assert not (tmp_path / "m.safetensors").exists()
    tf.save({"a": {"b": tf.Dense(2, 2)}}, tmp_path / "ok.safetensors")
    with pytest.raises(ValueError, match=r"a\.b\.weight"):
        tf.load(model, tmp_path / "ok.safetensors")


def test_tied_tensor_is_stored_once_and_loaded_into_both_uses(tmp_path: Path) -> None:
    shared = tf.Dense(3, 3)
    model = tf.Chain(shared, tf.relu, shared)
    tf.save(model, tmp_path / "tied.safetensors")
    assert sorted(load_file(str(tmp_path / "tied.safetensors"))) == [
        "layers.0.bias", "layers.0.weight"]
    other = tf.Dense(3, 3)
    fresh = tf.Chain(other, tf.relu, other)
    tf.load(fresh, tmp_path / "tied.safetensors")
    assert fresh[0] is fresh[2]
    np.testing.assert_array_equal(fresh[2].weight.numpy(), shared.weight.numpy())


def test_unsupported_dtypes_are_refused_before_writing(tmp_path: Path) -> None:
    class Odd:
        def __init__(self) -> None:
            # (tf.Tensor refuses complex data; a tensor's data can still be set to it.)
            self.z = tf.zeros(2)
            self.z.data = np.zeros(2, dtype=np.complex64)

    with pytest.raises(ValueError, match=r"safetensors cannot hold the dtype of z \(complex64\);"
                                         " save to a path ending in .npz"):
        tf.save(Odd(), tmp_path / "z.safetensors")
    assert list(tmp_path.iterdir()) == []
    tf.save(Odd(), tmp_path / "z.npz")  # numpy's format holds complex numbers
    fresh = Odd()
    fresh.z.data[:] = 1
    tf.load(fresh, tmp_path / "z.npz")
    assert (fresh.z.numpy() == 0).all()
    with pytest.raises(ValueError, match="holds no tensors"):
        tf.save(tf.Flatten(), tmp_path / "x.safetensors")


@pytest.mark.parametrize("filename", FORMATS)
def test_a_bare_tensors_empty_name_is_said_in_the_refusal(tmp_path: Path, filename: str) -> None:
    # A bare tensor's name is "": the lists of differences printed nothing after the colon.
    tf.save({"w": tf.ones(2)}, tmp_path / filename)
    with pytest.raises(ValueError) as info:
        tf.load(tf.ones(2), tmp_path / filename)
    assert str(info.value).splitlines()[1:] == [
        '  missing from the file: "" (a bare tensor)', "  not in the model: w"]
    tf.save(tf.ones(3), tmp_path / ("bare" + filename))
    with pytest.raises(ValueError, match=r'shape differs: "" \(a bare tensor\) is Tensor\[2\] in '
                                         r'the model, Tensor\[3\] in the file'):
        tf.load(tf.ones(2), tmp_path / ("bare" + filename))
