"""Tensor: type expressions at run time, the numpy-like surface, and that plain mypy (no
plugin) accepts annotated user code."""

from __future__ import annotations

import textwrap
import typing
from pathlib import Path
from typing import Literal, TypeVar

import numpy as np
import pytest
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Bs = TypeVarTuple("Bs")

ROOT = Path(__file__).resolve().parents[2]


def test_type_expressions_keep_raw_dims() -> None:
    assert typing.get_args(Tensor[B, 784]) == (B, 784)
    assert typing.get_args(Tensor[B, Literal[784]]) == (B, Literal[784])
    assert typing.get_args(Tensor[B, "2*N"]) == (B, "2*N")
    assert typing.get_args(Tensor[Unpack[Bs], 784]) == (Unpack[Bs], 784)
    assert typing.get_args(Tensor[()]) == ()
    assert typing.get_origin(Tensor[B, 784]) is Tensor
    star = eval("Tensor[*Bs, 784]")  # PEP 646 syntax (3.11+)
    assert typing.get_args(star)[-1] == 784 and len(typing.get_args(star)) == 2


def test_string_dims_survive_get_type_hints() -> None:
    def f(x: Tensor[B, "2*N"]) -> Tensor[B, 10]:
        return x

    hints = typing.get_type_hints(f, localns={"B": B})
    assert typing.get_args(hints["x"]) == (B, "2*N")
    assert typing.get_args(hints["return"]) == (B, 10)
    assert typing.get_args(typing.Optional[Tensor[B, 3]])[0] == Tensor[B, 3]


def test_creation_dtypes() -> None:
    assert tf.tensor([1.0, 2.0]).dtype == np.float32
    assert tf.tensor([1, 2]).dtype == np.int64
    assert tf.tensor([True]).dtype == np.bool_
    assert tf.tensor(np.ones(2)).dtype == np.float32
    assert tf.tensor([1.0], dtype=np.float64).dtype == np.float64
    assert tf.zeros(2, 3).shape == (2, 3) and tf.zeros((2, 3)).shape == (2, 3)
    assert tf.ones(2, dtype=tf.float64).dtype == np.float64
    assert tf.full(2, value=1.5).dtype == np.float32
    assert tf.full(2, value=True).dtype == np.bool_
    assert tf.arange(5).dtype == np.int64 and tf.arange(5).shape == (5,)
    assert tf.arange(0.0, 1.0, 0.25).dtype == np.float32
    assert tf.arange(2, 10, 3).numpy().tolist() == [2, 5, 8]
    assert tf.randn(3, 2).dtype == np.float32 and tf.rand(3).dtype == np.float32
    assert tf.randn(2, dtype=np.float64).dtype == np.float64


def test_tensor_copies_its_data() -> None:
    a = np.ones(3, dtype=np.float32)
    t = tf.tensor(a)
    a[0] = 5.0
    assert t.numpy()[0] == 1.0


def test_negative_size_is_a_shape_error() -> None:
    with pytest.raises(tf.ShapeError):
        tf.zeros(2, -1)
    with pytest.raises(TypeError, match="sizes must be ints"):
        tf.zeros(2.0)  # type: ignore[arg-type]


def test_seed_reproduces() -> None:
    tf.seed(42)
    a = tf.randn(4).numpy().copy()
    r = tf.rand(2).numpy().copy()
    tf.seed(42)
    np.testing.assert_array_equal(tf.randn(4).numpy(), a)
    np.testing.assert_array_equal(tf.rand(2).numpy(), r)


def test_repr() -> None:
    assert repr(tf.zeros(2, 3)) == "Tensor[2, 3] float32\n[[0. 0. 0.]\n [0. 0. 0.]]"
    assert repr(tf.tensor(1.5)) == "Tensor[()] float32\n1.5"
    long = repr(tf.zeros(1000))
    assert long.startswith("Tensor[1000] float32\n") and "..." in long and len(long) < 200


def test_numpy_surface() -> None:
    x = tf.arange(6.0).reshape(2, 3)
    assert x.shape == (2, 3) and x.ndim == 2 and len(x) == 2
    assert x.T.shape == (3, 2) and x.transpose().shape == (3, 2)
    assert x.transpose((1, 0)).shape == (3, 2)
    assert x.reshape((3, -1)).shape == (3, 2) and x.reshape(-1).shape == (6,)
    assert x.sum().item() == 15.0 and x.mean(axis=0).numpy().tolist() == [1.5, 2.5, 3.5]
    assert x.max(axis=1, keepdims=True).shape == (2, 1)
    assert x.min(axis=(0, 1)).item() == 0.0
    assert x[1].shape == (3,) and x[:, 1:].shape == (2, 2) and x[None].shape == (1, 2, 3)
    assert x[..., 0].numpy().tolist() == [0.0, 3.0] and x[::-1, 0].numpy().tolist() == [3.0, 0.0]
    assert x.unsqueeze(0).squeeze(0).shape == (2, 3) and x.swapaxes(0, 1).shape == (3, 2)
    assert [row.shape for row in x] == [(3,), (3,)]
    assert np.asarray(x).shape == (2, 3) and float(tf.tensor(2.0)) == 2.0
    assert x.detach()._tape is None


def test_operators_and_reflected() -> None:
    x = tf.tensor([1.0, 2.0])
    assert (1 + x).numpy().tolist() == [2.0, 3.0]
    assert (1 - x).numpy().tolist() == [0.0, -1.0]
    assert (2 * x).numpy().tolist() == [2.0, 4.0]
    assert (2 / x).numpy().tolist() == [2.0, 1.0]
    assert (2**x).numpy().tolist() == [2.0, 4.0]
    assert (x**2).numpy().tolist() == [1.0, 4.0]
    assert (-x).numpy().tolist() == [-1.0, -2.0]
    assert abs(-x).numpy().tolist() == [1.0, 2.0]
    assert (+x) is x
    assert (np.ones((2, 2), dtype=np.float32) @ x).shape == (2,)
    assert (x @ x).item() == 5.0


def test_comparisons_return_bool_tensors_and_hash_is_identity() -> None:
    x = tf.tensor([1.0, 2.0])
    for r in (x == 1.0, x != 1.0, x < 2, x <= 2, x > 1, x >= 1):
        assert isinstance(r, Tensor) and r.dtype == np.bool_
    assert (x == 1.0).numpy().tolist() == [True, False]
    y = tf.tensor([1.0, 2.0])
    assert len({x, y, x}) == 2 and hash(x) == hash(x)


def test_functions() -> None:
    x = tf.tensor([[1.0, -2.0], [3.0, 4.0]])
    assert tf.flatten(tf.zeros(2, 3, 4)).shape == (2, 12)
    assert tf.stack([x, x], axis=1).shape == (2, 2, 2)
    assert tf.cat(x, x, axis=0).shape == (4, 2)
    assert tf.add(x, x, x).numpy().tolist() == (3 * x).numpy().tolist()
    assert tf.mul(x, x).numpy().tolist() == (x * x).numpy().tolist()
    assert tf.identity(x) is x
    np.testing.assert_allclose(tf.softmax(x).numpy().sum(axis=-1), [1.0, 1.0], rtol=1e-6)
    np.testing.assert_allclose(
        tf.logsumexp(x, axis=1).numpy(), np.log(np.exp(x.numpy()).sum(axis=1)), rtol=1e-6
    )
    big = tf.tensor([[1000.0, -1000.0]])
    assert np.isfinite(tf.logsoftmax(big).numpy()).all()
    assert np.isfinite(tf.sigmoid(big).numpy()).all() and np.isfinite(tf.softplus(big).numpy()).all()
    masked = tf.tensor([[-np.inf, -np.inf]])
    assert tf.logsumexp(masked).item() == -np.inf


def test_max_ties_split_evenly() -> None:
    x = tf.tensor([3.0, 1.0, 3.0])
    (g,) = tf.gradient(lambda x: x.max(), x)
    assert g.numpy().tolist() == [0.5, 0.0, 0.5]
    (g,) = tf.gradient(lambda x: tf.maximum(x, 3.0).sum(), x)
    assert g.numpy().tolist() == [0.5, 0.0, 0.5]


def test_getitem_repeated_indices_accumulate() -> None:
    x = tf.tensor([1.0, 2.0, 3.0])
    (g,) = tf.gradient(lambda x: x[tf.tensor([0, 0, 2])].sum(), x)
    assert g.numpy().tolist() == [2.0, 0.0, 1.0]


def test_plain_mypy_accepts_annotated_user_code(tmp_path: Path) -> None:
    from mypy import api

    src = tmp_path / "user_code.py"
    src.write_text(textwrap.dedent('''
        from __future__ import annotations
        from typing import Literal, TypeVar
        from typing_extensions import TypeVarTuple, Unpack
        import typedflux as tf
        from typedflux import Tensor

        B = TypeVar("B", bound=int)
        Bs = TypeVarTuple("Bs")

        def predict(x: Tensor[B, Literal[784]],
                    w: Tensor[Literal[10], Literal[784]]) -> Tensor[B, Literal[10]]:
            return tf.relu(x @ w.T + 1.0)

        def scale(x: Tensor[Unpack[Bs], Literal[3]]) -> Tensor[Unpack[Bs], Literal[3]]:
            return 2 * x - x / 2.0 + abs(-x) ** 2

        def first(x: Tensor[B, Literal[3]]) -> B:
            return x.shape[0]

        y = predict(tf.zeros(32, 784), tf.randn(10, 784))
        z: Tensor[()] = y.sum(axis=1, keepdims=True).mean()
        h = hash(y)
        sel = tf.where(y > 0, y, 0.0)
        parts = tf.concat([y, y], axis=-1)[:, None, ...].reshape(32, -1).transpose(1, 0)
        g = tf.gradient(lambda t: (t * t).sum(), y)
        val, grads = tf.withgradient(lambda t: tf.logsumexp(t), y)
        s3: Tensor[Literal[3]] = scale(tf.ones(3))
        n: int = first(tf.ones(4, 3)) + len(y) + y.ndim
        t = tf.tensor([[1.0]]).squeeze().unsqueeze(0).max(axis=0).min().item()
    '''))
    out, err, status = api.run([
        "--strict", "--config-file", str(ROOT / "tests" / "mypy-strict.ini"),
        # Only the user's file is judged here (the package has its own strict test).
        "--follow-imports", "silent",
        "--cache-dir", str(tmp_path / ".mypy_cache"), str(src),
    ])
    assert status == 0, out + err


def test_numpy_left_operand_defers_to_tensor() -> None:
    x = tf.ones(2)
    assert isinstance(np.ones(2) * x, Tensor) and isinstance(np.float32(2.0) - x, Tensor)
    (g,) = tf.gradient(lambda x: (np.array([2.0, 3.0], dtype=np.float32) * x).sum(), x)
    assert g.numpy().tolist() == [2.0, 3.0]


def test_numpy_integer_arguments() -> None:
    x = tf.ones(2, 1)
    assert x.sum(axis=np.int64(1)).shape == (2,) and x.mean(axis=np.int64(0)).shape == (1,)
    assert x.squeeze(np.int64(1)).shape == (2,) and x.sum(axis=[0, 1]).shape == ()
    assert x.reshape(np.int64(1), np.int64(2)).shape == (1, 2)
    assert x[np.int64(1)].shape == (1,)


def test_copy_and_deepcopy() -> None:
    import copy

    x = tf.tensor([1.0, 2.0], dtype=np.float64)
    d = copy.deepcopy(x)
    assert d.dtype == np.float64 and d.numpy() is not x.numpy() and d._tape is None
    assert copy.copy(x).numpy() is x.numpy()
    model = {"w": tf.ones(2)}
    clone = copy.deepcopy(model)
    clone["w"].data += 1
    assert model["w"].numpy().tolist() == [1.0, 1.0]
