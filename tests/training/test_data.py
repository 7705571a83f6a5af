"""DataLoader (batch-first, seeded shuffle, partial batches), onehot and onecold."""

from __future__ import annotations

import numpy as np
import pytest

import typedflux as tf
from typedflux import DataLoader, onecold, onehot


def _X(n: int = 10) -> np.ndarray:
    return np.arange(n * 3, dtype=np.float64).reshape(n, 3)


def test_batches_along_first_axis_with_partial_last_batch() -> None:
    X, Y = _X(), np.arange(10)
    loader = DataLoader((X, Y), batchsize=4)
    batches = list(loader)
    assert len(loader) == len(batches) == 3
    assert [x.shape for x, _ in batches] == [(4, 3), (4, 3), (2, 3)]
    assert np.concatenate([y.numpy() for _, y in batches]).tolist() == list(range(10))
    np.testing.assert_array_equal(np.concatenate([x.numpy() for x, _ in batches]), X)


def test_partial_false_drops_the_short_batch() -> None:
    loader = DataLoader(_X(), batchsize=4, partial=False)
    assert len(loader) == 2 and [b.shape for b in loader] == [(4, 3), (4, 3)]


def test_default_batchsize_is_one() -> None:
    assert [b.shape for b in DataLoader(_X(2))] == [(1, 3), (1, 3)]


def test_dtypes_follow_tf_tensor() -> None:
    x, y = next(iter(DataLoader((_X(), np.arange(10)), batchsize=2)))
    assert x.dtype == np.float32 and y.dtype == np.int64
    t = tf.tensor(_X(), dtype=np.float64)
    assert next(iter(DataLoader(t, batchsize=2))).dtype == np.float64  # Tensors keep theirs


def test_shuffle_is_a_permutation_new_each_epoch_and_seeded() -> None:
    Y = np.arange(20)
    loader = DataLoader((_X(20), Y), batchsize=6, shuffle=True, rng=3)
    epoch1 = np.concatenate([y.numpy() for _, y in loader])
    epoch2 = np.concatenate([y.numpy() for _, y in loader])
    assert sorted(epoch1.tolist()) == list(range(20))
    assert epoch1.tolist() != epoch2.tolist()
    assert epoch1.tolist() != list(range(20))
    # X and Y rows stay paired after shuffling.
    for x, y in loader:
        np.testing.assert_array_equal(x.numpy()[:, 0], y.numpy() * 3)
    again = DataLoader((_X(20), Y), batchsize=6, shuffle=True, rng=3)
    assert np.concatenate([y.numpy() for _, y in again]).tolist() == epoch1.tolist()
    by_seed = DataLoader((_X(20), Y), batchsize=6, shuffle=True, seed=3)
    assert np.concatenate([y.numpy() for _, y in by_seed]).tolist() == epoch1.tolist()
    with pytest.raises(ValueError, match="rng or seed, not both"):
        DataLoader(Y, rng=1, seed=1)


def test_shuffle_uses_global_seed_by_default() -> None:
    def run() -> list:
        tf.seed(11)
        return np.concatenate([b.numpy() for b in DataLoader(np.arange(12), batchsize=5, shuffle=True)]).tolist()

    assert run() == run()


def test_generator_rng_and_dict_data() -> None:
    loader = DataLoader({"x": _X(5), "y": np.arange(5)}, batchsize=2, rng=np.random.default_rng(0), shuffle=True)
    batch = next(iter(loader))
    assert set(batch) == {"x", "y"} and batch["x"].shape == (2, 3)


def test_batches_are_copies() -> None:
    X = tf.tensor(_X(4))
    b = next(iter(DataLoader(X, batchsize=2)))
    b.data[...] = -1
    assert X.numpy().min() >= 0


def test_list_of_arrays_is_a_tuple_but_list_of_numbers_is_data() -> None:
    x, y = next(iter(DataLoader([_X(4), np.arange(4)], batchsize=4)))
    assert x.shape == (4, 3) and y.shape == (4,)
    assert next(iter(DataLoader([1.0, 2.0, 3.0], batchsize=2))).shape == (2,)


def test_mismatched_lengths_and_bad_arguments() -> None:
    with pytest.raises(ValueError, match=r"data\[0\] has 10, data\[1\] has 9"):
        DataLoader((_X(), np.arange(9)))
    with pytest.raises(ValueError, match="batchsize must be a positive int"):
        DataLoader(_X(), batchsize=0)
    with pytest.raises(ValueError, match="is a scalar"):
        DataLoader(np.float64(3.0))


def test_repr() -> None:
    assert repr(DataLoader((_X(), np.arange(10)), batchsize=4)) == (
        "DataLoader((float32[10, 3], int64[10]), batchsize=4, shuffle=False; 3 batches)"
    )


def test_onehot_values_dtype_and_shape() -> None:
    labels = np.array([3, 0, 2, 2])
    out = onehot(labels, 4)
    assert out.dtype == np.float32 and out.shape == (4, 4)
    np.testing.assert_array_equal(out.numpy(), np.eye(4, dtype=np.float32)[labels])
    assert onehot(tf.tensor([1, 0]), 2).numpy().tolist() == [[0.0, 1.0], [1.0, 0.0]]
    assert onehot([], 3).shape == (0, 3)
    assert onehot([[0, 1]], 2).shape == (1, 2, 2)


@pytest.mark.parametrize(
    "labels, n, message",
    [
        ([0, 1, 5, 2], 5, "label 5 at position 2 is out of range for nclasses=5 (labels must be in 0..4)"),
        ([-1], 3, "label -1 at position 0 is out of range"),
        ([0.0, 1.0], 2, "labels must be integers, got dtype float64"),
        ([True], 2, "labels must be integers, got dtype bool"),
        ([0], 0, "nclasses must be a positive int"),
    ],
)
def test_onehot_errors(labels: list, n: int, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        onehot(labels, n)


def test_onecold_inverts_onehot() -> None:
    labels = [4, 0, 3, 3, 1]
    out = onecold(onehot(labels, 5))
    assert out.dtype == np.int64 and out.numpy().tolist() == labels
    scores = tf.randn(2, 3, 6)
    np.testing.assert_array_equal(onecold(scores).numpy(), np.argmax(scores.numpy(), axis=-1))
    assert onecold(np.array([0.1, 0.5, 0.4]), labels="abc") == "b"
    with pytest.raises(ValueError, match="scalar"):
        onecold(tf.tensor(1.0))
    with pytest.raises(ValueError, match="got 2 labels for 3 classes"):
        onecold(np.zeros((1, 3)), labels=["a", "b"])
