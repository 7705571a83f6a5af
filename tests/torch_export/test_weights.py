"""Weights both ways by the shared dotted names: exact, all or nothing."""

from __future__ import annotations

import io
from typing import Any, Dict

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import typedflux as tf  # noqa: E402
from typedflux.torch import from_torch, state_dict, to_torch  # noqa: E402


def build() -> Any:
    tf.seed(3)
    return tf.Chain(conv=tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu), tf.BatchNorm(4)),
                    rnn=tf.Chain(tf.Flatten(), tf.Dense(64, 6)),
                    head=tf.SkipConnection(tf.Dense(6, 6), tf.add))


def snapshot(model: Any) -> Dict[str, np.ndarray]:
    return {n: t.numpy().copy() for n, t in tf.named_tensors(model)}


def test_state_dict_names_are_typedflux_names_and_values_are_exact() -> None:
    model = build()
    module = to_torch(model)
    names = [n for n, _ in tf.named_tensors(model)]
    assert list(state_dict(model)) == names
    assert sorted(module.state_dict()) == sorted(names)
    for n, t in tf.named_tensors(model):
        assert np.array_equal(module.state_dict()[n].numpy(), t.numpy())
        assert module.state_dict()[n].dtype == torch.float32


def test_round_trip_after_training_is_exact() -> None:
    model = build()
    module = to_torch(model)
    opt = torch.optim.Adam(module.parameters(), lr=0.01)
    for _ in range(3):
        opt.zero_grad()
        module(torch.randn(5, 1, 6, 6)).pow(2).mean().backward()
        opt.step()
    returned = from_torch(module, into=model)
    assert returned is model
    for n, t in tf.named_tensors(model):
        assert np.array_equal(t.numpy(), module.state_dict()[n].numpy()), n
    # The running statistics moved in torch's training forwards and came back too.
    assert not np.array_equal(model.conv[1].running_mean.numpy(), np.zeros(4))
    # A fresh export of the updated model holds the same values (exact both ways).
    again = to_torch(model).state_dict()
    for n, v in module.state_dict().items():
        assert torch.equal(again[n], v), n


def test_torch_save_and_load_round_trip() -> None:
    model = build()
    buffer = io.BytesIO()
    torch.save(to_torch(model).state_dict(), buffer)
    other = build()
    for _, t in tf.named_tensors(other):
        t.data[...] = 0.0
    from_torch(torch.load(io.BytesIO(buffer.getvalue())), into=other)
    assert all(np.array_equal(a, b) for a, b in zip(snapshot(model).values(),
                                                    snapshot(other).values()))


def test_a_failed_copy_changes_nothing_and_lists_every_difference() -> None:
    model = build()
    before = snapshot(model)
    good = {k: v.clone() + 1 for k, v in state_dict(model).items()}
    bad = dict(good)
    bad["layers.head.layer.weight"] = torch.zeros(6, 5)          # wrong shape
    del bad["layers.conv.layers.1.running_var"]                  # missing
    bad["layers.conv.layers.1.num_batches_tracked"] = torch.tensor(3)  # unexpected (PyTorch's BN)
    with pytest.raises(ValueError) as err:
        from_torch(bad, into=model)
    assert str(err.value).splitlines() == [
        "Cannot copy a state dict into Chain: 3 tensors differ",
        "  missing from the source: layers.conv.layers.1.running_var",
        "  not in the model: layers.conv.layers.1.num_batches_tracked",
        "  shape differs: layers.head.layer.weight is Tensor[6, 6] in the model, Tensor[6, 5] in "
        "the source",
    ]
    only_shape = dict(good)
    only_shape["layers.head.layer.bias"] = torch.zeros(7)
    with pytest.raises(tf.ShapeError):
        from_torch(only_shape, into=model)
    ints = dict(good)
    ints["layers.head.layer.bias"] = torch.zeros(6, dtype=torch.complex64)
    with pytest.raises(ValueError, match="dtype differs: layers.head.layer.bias is float32"):
        from_torch(ints, into=model)
    after = snapshot(model)
    assert all(np.array_equal(before[n], after[n]) for n in before)
    from_torch(good, into=model)
    assert all(np.array_equal(before[n] + 1, t.numpy()) for n, t in tf.named_tensors(model))


def test_from_torch_refuses_what_is_not_a_module_or_state_dict() -> None:
    with pytest.raises(TypeError, match="must be a torch.nn.Module or a state dict"):
        from_torch([1, 2], into=tf.Dense(2, 2))


def test_float64_models_export_float64() -> None:
    model = tf.Dense(2, 3)
    model.weight = tf.Tensor(model.weight.numpy(), dtype=np.float64)
    module = to_torch(model)
    assert module.weight.dtype == torch.float64 and module.bias.dtype == torch.float32
    from_torch(module, into=model)
    assert model.weight.dtype == np.float64


def test_a_whole_exported_module_pickles() -> None:
    # torch.save(module) (not only its state dict) and copy.deepcopy work for built-in layers.
    import pickle

    module = to_torch(build()).eval()
    again = pickle.loads(pickle.dumps(module))
    x = torch.randn(2, 1, 6, 6)
    assert torch.equal(module(x), again(x))
