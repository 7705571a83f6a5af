"""save/load: round trip into a fresh model, strict name and shape checks, corrupt files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import typedflux as tf
from typedflux import losses


def _model() -> tf.Chain:
    return tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu), tf.BatchNorm(4), tf.Flatten(), tf.Dense(4 * 6 * 6, 3))


def test_save_then_load_into_fresh_model_gives_identical_predictions(tmp_path: Path) -> None:
    tf.seed(0)
    model = _model()
    x = tf.randn(5, 1, 8, 8)
    # Train a little so parameters and BatchNorm running statistics move off their init.
    state = tf.setup(tf.Adam(0.01), model)
    y = tf.onehot([0, 1, 2, 1, 0], 3)
    tf.train(lambda m, a, b: losses.logitcrossentropy(m(a), b), model, [(x, y)] * 3, state, progress=False)
    path = tmp_path / "model.npz"
    tf.save(model, path)
    fresh = _model()
    tf.testmode(model)
    tf.testmode(fresh)
    assert not np.allclose(fresh(x).numpy(), model(x).numpy())
    assert tf.load(fresh, path) is fresh
    np.testing.assert_array_equal(fresh(x).numpy(), model(x).numpy())
    for (n1, t1), (n2, t2) in zip(tf.named_tensors(model), tf.named_tensors(fresh)):
        assert n1 == n2 and t1.dtype == t2.dtype
        np.testing.assert_array_equal(t1.numpy(), t2.numpy())
    # Buffers are in the file too, under PyTorch's names.
    names = set(np.load(path).files)
    assert {"layers.1.running_mean", "layers.1.running_var", "layers.3.weight"} <= names


def test_exact_path_and_no_pickle(tmp_path: Path) -> None:
    path = tmp_path / "weights.bin"  # no .npz extension is appended
    tf.save(tf.Dense(2, 2), path)
    assert path.exists() and not (tmp_path / "weights.bin.npz").exists()
    with np.load(path, allow_pickle=False) as f:
        assert all(f[k].dtype == np.float32 for k in f.files)
    assert [p.name for p in tmp_path.iterdir()] == ["weights.bin"]  # no temp file left


def test_load_is_in_place(tmp_path: Path) -> None:
    a, b = tf.Dense(3, 2), tf.Dense(3, 2)
    w = b.weight
    tf.save(a, tmp_path / "a.npz")
    tf.load(b, tmp_path / "a.npz")
    assert b.weight is w
    np.testing.assert_array_equal(w.numpy(), a.weight.numpy())


def test_shape_mismatch_lists_every_tensor_and_changes_nothing(tmp_path: Path) -> None:
    tf.save(tf.Chain(tf.Dense(4, 3), tf.Dense(3, 2)), tmp_path / "m.npz")
    target = tf.Chain(tf.Dense(4, 5), tf.Dense(5, 2))
    before = [t.numpy().copy() for t in tf.params(target)]
    with pytest.raises(tf.ShapeError) as info:
        tf.load(target, tmp_path / "m.npz")
    lines = str(info.value).splitlines()
    assert lines[0].endswith(
        "m.npz into Chain(Dense(4 => 5), Dense(5 => 2)): 3 tensors differ"
    ), lines[0]
    assert lines[1:] == [
        "  shape differs: layers.0.weight is Tensor[5, 4] in the model, Tensor[3, 4] in the file",
        "  shape differs: layers.0.bias is Tensor[5] in the model, Tensor[3] in the file",
        "  shape differs: layers.1.weight is Tensor[2, 5] in the model, Tensor[2, 3] in the file",
    ]
    for b, t in zip(before, tf.params(target)):
        np.testing.assert_array_equal(b, t.numpy())


def test_missing_and_unexpected_names(tmp_path: Path) -> None:
    tf.save(tf.Chain(tf.Dense(2, 2), tf.Dense(2, 2)), tmp_path / "two.npz")
    with pytest.raises(ValueError) as info:
        tf.load(tf.Chain(tf.Dense(2, 2), tf.Dense(2, 2), tf.Dense(2, 2)), tmp_path / "two.npz")
    text = str(info.value)
    assert "3 tensors differ" not in text and "2 tensors differ" in text
    assert "missing from the file: layers.2.weight" in text
    assert "missing from the file: layers.2.bias" in text
    with pytest.raises(ValueError) as info:
        tf.load(tf.Chain(tf.Dense(2, 2)), tmp_path / "two.npz")
    assert "not in the model: layers.1.weight" in str(info.value)
    assert "not in the model: layers.1.bias" in str(info.value)
    tf.save(tf.Dense(2, 2, bias=False), tmp_path / "nobias.npz")
    with pytest.raises(ValueError, match="missing from the file: bias"):
        tf.load(tf.Dense(2, 2), tmp_path / "nobias.npz")


def test_dtype_kind_mismatch(tmp_path: Path) -> None:
    np.savez(tmp_path / "ints.npz", weight=np.zeros((2, 2), dtype=np.float64), bias=np.zeros(2, dtype=np.complex128))
    with pytest.raises(ValueError, match="dtype differs: bias is float32 in the model, complex128 in the file"):
        tf.load(tf.Dense(2, 2), tmp_path / "ints.npz")


@pytest.mark.parametrize(
    "content",
    [b"not a zip file at all", b"PK\x03\x04" + b"\x00" * 40, b""],
    ids=["garbage", "truncated-zip", "empty"],
)
def test_corrupt_file_is_a_value_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="Cannot load .*bad.npz.*not a readable typedflux .npz file"):
        tf.load(tf.Dense(2, 2), path)


def test_truncated_real_archive(tmp_path: Path) -> None:
    path = tmp_path / "cut.npz"
    tf.save(tf.Dense(20, 20), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="not a readable typedflux .npz file"):
        tf.load(tf.Dense(20, 20), path)


def test_npy_and_pickled_files_are_refused(tmp_path: Path) -> None:
    np.save(tmp_path / "one.npy", np.zeros(3))
    with pytest.raises(ValueError, match="single .npy array"):
        tf.load(tf.Dense(2, 2), tmp_path / "one.npy")
    np.savez(tmp_path / "obj.npz", weight=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ValueError, match="not a readable typedflux .npz file"):
        tf.load(tf.Dense(2, 2), tmp_path / "obj.npz")


def test_missing_file_and_empty_model(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        tf.load(tf.Dense(2, 2), tmp_path / "nope.npz")
    with pytest.raises(ValueError, match="holds no tensors"):
        tf.save(tf.Flatten(), tmp_path / "x.npz")
