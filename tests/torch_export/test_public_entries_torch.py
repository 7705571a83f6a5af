"""The unary public functions that are their ops' entry points themselves (``tf.exp``,
``tf.relu``: ``Primitive.public``) still run in PyTorch on a TorchTensor inside
``dispatching()``: the bridge's swap of ``prim.invoke`` does not reach them, its
``engine.invoke.FOREIGN`` handler does (and is gone afterwards)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

import typedflux as tf  # noqa: E402
from typedflux.engine.invoke import FOREIGN  # noqa: E402
from typedflux.torch.bridge import TorchTensor, dispatching  # noqa: E402

NAMES = ["exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "sigmoid", "relu", "gelu", "swish",
         "softplus"]


@pytest.mark.parametrize("name", NAMES)
def test_a_public_entry_point_runs_in_torch_inside_dispatching(name: str) -> None:
    x = torch.tensor([0.5, 1.5, 2.0], requires_grad=True)
    with dispatching():
        y = getattr(tf, name)(TorchTensor(x))
        plain = getattr(tf, name)(tf.tensor([0.5, 1.5, 2.0]))  # numpy as ever
    assert type(y) is TorchTensor and y.data.grad_fn is not None
    assert torch.allclose(y.data, torch.from_numpy(plain.numpy()), atol=1e-6)
    assert FOREIGN[0] is None
