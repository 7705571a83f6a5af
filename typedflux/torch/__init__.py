"""typedflux on PyTorch: export a checked model to ``torch.nn.Module`` and bring weights back.

The optional extra ``pip install "typedflux[torch]"``; the rest of typedflux never imports
torch. A model whose shapes mypy has proved, prototyped on the numpy engine, becomes a
PyTorch module with the same numerics and the same parameter names, to train on GPUs, with
``DistributedDataParallel``, or to export to ONNX (see docs/scaling.md):

- :func:`to_torch` ``(model) -> torch.nn.Module``
- :func:`from_torch` ``(module_or_state_dict, into=model)``: weights back, checked by name
  and shape, all or nothing
- :func:`state_dict` ``(model)``: the model's tensors as torch tensors by dotted name
- :func:`register_function`: the torch version of a function used as a layer

A user's layer exports itself by a method ``to_torch(self) -> torch.nn.Module`` (whose
parameters are named like the layer's tensors); a layer written with typedflux ops needs
none: its ``__call__`` runs on torch tensors.

>>> import torch, typedflux as tf
>>> from typedflux.torch import to_torch, from_torch
>>> model = tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dense(8, 2))
>>> m = to_torch(model)
>>> opt = torch.optim.SGD(m.parameters(), lr=0.1)
>>> loss = m(torch.randn(16, 4)).pow(2).mean()
>>> loss.backward(); opt.step()
>>> _ = from_torch(m, into=model)
>>> bool((model.layers[1].bias.numpy() == m.layers[1].bias.detach().numpy()).all())
True
"""

try:
    import torch as _torch  # noqa: F401
except ImportError as _err:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "typedflux.torch needs PyTorch, which is not installed: pip install \"typedflux[torch]\" "
        "(the rest of typedflux works without it)"
    ) from _err

from typedflux.torch.export import FUNCTIONS, TorchExportError, register_function, to_torch
from typedflux.torch.weights import from_torch, state_dict

__all__ = [
    "to_torch",
    "from_torch",
    "state_dict",
    "register_function",
    "FUNCTIONS",
    "TorchExportError",
]
