"""PyTorch reads typedflux's safetensors checkpoints, and typedflux reads PyTorch's: the same
names (PyTorch's parameter names and layouts), the same values, the same outputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0
from safetensors.torch import load_file, save_file  # noqa: E402  (needs torch)

import typedflux as tf


def test_torch_reads_our_file_with_the_same_names_and_values(tmp_path: Path) -> None:
    tf.seed(0)
    model = tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu), tf.BatchNorm(4), tf.Flatten(),
                     tf.Dense(4 * 6 * 6, 3))
    x = tf.randn(8, 1, 8, 8)
    tf.gradient(lambda m: m(x).sum(), model)  # moves BatchNorm's running statistics
    path = tmp_path / "model.safetensors"
    tf.save(model, path)
    state = load_file(str(path))
    assert list(state) == sorted(n for n, _ in tf.named_tensors(model))
    for name, t in tf.named_tensors(model):
        assert state[name].dtype == torch.float32
        np.testing.assert_array_equal(state[name].numpy(), t.numpy())
    # The layouts are PyTorch's: the same state dict drives torch's own layers.
    net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.ReLU(), torch.nn.BatchNorm2d(4),
                              torch.nn.Flatten(), torch.nn.Linear(4 * 6 * 6, 3))
    position = {"layers.0": "0", "layers.1": "2", "layers.3": "4"}  # torch's ReLU is a module
    renamed = {position[k.rsplit(".", 1)[0]] + "." + k.rsplit(".", 1)[1]: v
               for k, v in state.items()}
    missing, unexpected = net.load_state_dict(renamed, strict=False)
    assert unexpected == [] and set(missing) <= {"2.num_batches_tracked"}
    net.eval()
    tf.testmode(model)
    with torch.no_grad():
        want = net(torch.from_numpy(x.numpy())).numpy()
    np.testing.assert_allclose(model(x).numpy(), want, rtol=1e-5, atol=1e-5)


def test_we_read_torchs_file(tmp_path: Path) -> None:
    torch.manual_seed(0)
    linear = torch.nn.Linear(5, 3)
    path = tmp_path / "linear.safetensors"
    save_file(linear.state_dict(), str(path), metadata={"format": "pt"})
    dense = tf.load(tf.Dense(5, 3), path)
    np.testing.assert_array_equal(dense.weight.numpy(), linear.weight.detach().numpy())
    x = np.random.default_rng(0).standard_normal((4, 5)).astype(np.float32)
    with torch.no_grad():
        want = linear(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(dense(tf.tensor(x)).numpy(), want, rtol=1e-6, atol=1e-6)
    # A torch float64 state dict into a float32 model would round: refused.
    save_file(linear.double().state_dict(), str(tmp_path / "f64.safetensors"))
    with pytest.raises(ValueError, match="dtype differs: weight is float32 in the model, "
                                         "float64 in the file"):
        tf.load(tf.Dense(5, 3), tmp_path / "f64.safetensors")
