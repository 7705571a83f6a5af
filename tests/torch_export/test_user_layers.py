"""User-defined layers: written with tf ops they export as they are (their ``__call__`` runs
on torch tensors); a ``to_torch`` method exports anything else; a layer that leaves the torch
graph is refused naming it and saying what to add."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import typedflux as tf  # noqa: E402
from typedflux.torch import TorchExportError, from_torch, to_torch  # noqa: E402

from torch_helpers import compare  # noqa: E402


class Gated:
    """A layer written only with typedflux ops and built-in sub-layers."""

    def __init__(self, d: int) -> None:
        self.weight = tf.randn(d, d) * 0.3
        self.gate = tf.Dense(d, d, tf.sigmoid)
        self.norm = tf.BatchNorm(d)
        self.drop = tf.Dropout(0.3)
        self.heads = [tf.Dense(d, 2), tf.Dense(d, 2, bias=False)]
        self.scale = 0.5

    def __call__(self, x: Any) -> Any:
        h = tf.tanh(x @ self.weight.T) * self.gate(x)
        h = self.norm(h) + x[:, ::-1] * self.scale
        h = self.drop(h) - h.mean(axis=-1, keepdims=True)
        h = tf.where(h > 0.0, h, h * 0.1) + self.gate.weight.sum(axis=0)
        return tf.concat([head(h) for head in self.heads], axis=-1).reshape(x.shape[0], 2, 2)


def inputs(g: np.random.Generator) -> List[Any]:
    return [g.standard_normal((6, 4))]


@pytest.mark.parametrize("train", [True, False], ids=["train", "test"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_a_layer_written_with_tf_ops_exports_as_it_is(dtype: Any, train: bool,
                                                      monkeypatch: Any) -> None:
    model, module = compare(lambda: tf.Chain(Gated(4), tf.Flatten()), inputs, dtype, train,
                            monkeypatch)
    names = [n for n, _ in tf.named_tensors(model)]
    assert sorted(module.state_dict()) == sorted(names)
    assert "layers.0.norm.running_var" in names and "layers.0.heads.1.weight" in names


def test_a_tf_op_layer_trains_in_torch_and_its_weights_come_back() -> None:
    tf.seed(1)
    model = tf.Chain(Gated(4), tf.Flatten())
    module = to_torch(model)
    opt = torch.optim.SGD(module.parameters(), lr=0.1)
    x = torch.randn(8, 4)
    for _ in range(3):
        opt.zero_grad()
        module(x).pow(2).mean().backward()
        opt.step()
    from_torch(module, into=model)
    tf.testmode(model)
    module.eval()
    with torch.no_grad():
        want = module(x).numpy()
    got = model(tf.tensor(x.numpy())).numpy()
    assert np.abs(got - want).max() < 1e-5


class Scaled:
    """Exports itself through the protocol (its forward uses numpy, which torch cannot)."""

    def __init__(self) -> None:
        self.gain = tf.ones(3) * 2.0

    def __call__(self, x: Any) -> Any:
        return tf.Tensor(np.asarray(x.numpy()) * self.gain.numpy())

    def to_torch(self) -> Any:
        gain = torch.nn.Parameter(torch.from_numpy(self.gain.numpy().copy()))

        class Module(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.gain = gain

            def forward(self, x: Any) -> Any:
                return x * self.gain

        return Module()


def test_the_to_torch_protocol_exports_any_layer() -> None:
    model = tf.Chain(tf.Dense(2, 3), Scaled())
    module = to_torch(model)
    assert sorted(module.state_dict()) == ["layers.0.bias", "layers.0.weight", "layers.1.gain"]
    x = tf.randn(4, 2)
    got = module(torch.from_numpy(x.numpy())).detach().numpy()
    assert np.abs(got - model(x).numpy()).max() < 1e-6


class Misnamed(Scaled):
    def to_torch(self) -> Any:
        return torch.nn.Linear(3, 3)


def test_a_protocol_module_must_use_the_layers_names() -> None:
    with pytest.raises(TorchExportError) as err:
        to_torch(tf.Chain(Misnamed()))
    text = str(err.value)
    assert text.startswith("Misnamed.to_torch() must return a module whose parameters")
    assert "missing: gain (3,)" in text and "unexpected: weight (3, 3)" in text


class NumpyLayer:
    def __init__(self) -> None:
        self.weight = tf.ones(3)

    def __repr__(self) -> str:
        return "NumpyLayer()"

    def __call__(self, x: Any) -> Any:
        return tf.Tensor(np.tanh(x.numpy()) * self.weight.numpy())


def test_a_layer_leaving_the_torch_graph_is_refused_naming_it() -> None:
    module = to_torch(tf.Chain(tf.Dense(3, 3), NumpyLayer()))
    with pytest.raises(TorchExportError) as err:
        module(torch.ones(2, 3))
    text = str(err.value)
    assert text.startswith("NumpyLayer() cannot run on PyTorch tensors (NotTorchable: x.numpy()")
    assert "give NumpyLayer a method `to_torch(self) -> torch.nn.Module`" in text
    assert "named like its tensors (weight)" in text


def test_a_function_leaving_the_torch_graph_is_refused_naming_it() -> None:
    def squash(x: Any) -> Any:
        return tf.Tensor(np.tanh(x.numpy()))

    module = to_torch(tf.Chain(tf.Dense(3, 3), squash))
    with pytest.raises(TorchExportError) as err:
        module(torch.ones(2, 3))
    assert "the function squash cannot run on PyTorch tensors" in str(err.value)
    assert "typedflux.torch.register_function(squash, ...)" in str(err.value)


class Settings:
    def __repr__(self) -> str:
        return "Settings()"


def test_what_is_not_a_layer_is_refused_at_export() -> None:
    with pytest.raises(TorchExportError) as err:
        to_torch(Settings())
    assert str(err.value) == (
        "cannot export Settings (Settings()): it is not a layer (not callable, holds no "
        "tensors). Give it a method `to_torch(self) -> torch.nn.Module`")


def test_shape_errors_keep_typedflux_words_on_torch() -> None:
    module = to_torch(tf.Chain(Gated(4)))
    with pytest.raises(tf.ShapeError) as err:
        module(torch.ones(2, 5))
    assert "Tensor[2, 5]" in str(err.value) and "matmul" in str(err.value)


class Tied:
    def __init__(self) -> None:
        self.embed = tf.Embedding(5, 3)
        self.out = tf.Dense(3, 5, bias=False)
        self.out.weight = self.embed.weight  # the output projection shares the embedding

    def __call__(self, ids: Any) -> Any:
        return self.out(self.embed(ids))


def test_tied_weights_stay_tied() -> None:
    tf.seed(0)
    model = Tied()
    module = to_torch(model)
    assert [n for n, _ in module.named_parameters()] == ["embed.weight"]
    assert module.out.weight is module.embed.weight
    ids = torch.tensor([[0, 1, 4]])
    got = module(ids).detach().numpy()
    assert np.abs(got - model(tf.tensor(ids.numpy())).numpy()).max() < 1e-6


def test_frozen_tensors_and_buffers_are_not_trained_and_modes_carry_over() -> None:
    model = tf.Chain(tf.Dense(2, 2), tf.BatchNorm(2), tf.Dropout(0.5))
    tf.freeze(model.layers[0], "bias")
    tf.testmode(model.layers[2])
    module = to_torch(model)
    trainable = sorted(n for n, p in module.named_parameters() if p.requires_grad)
    assert trainable == ["layers.0.weight", "layers.1.bias", "layers.1.weight"]
    assert sorted(n for n, _ in module.named_buffers()) == ["layers.1.running_mean",
                                                           "layers.1.running_var"]
    assert module.training and module.layers[1].training and not module.layers[2].training
