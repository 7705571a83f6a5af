"""Shared by the torch tests: run a typedflux model and its export on the same input and
return outputs and gradients by dotted name, in float32 or float64."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import torch

import typedflux as tf
from typedflux.engine.tree import named_tensors, walk_with
from typedflux.ops.creation import rng
from typedflux.torch import layers as torch_layers
from typedflux.torch import to_torch

TOL = {np.float32: 1e-5, np.float64: 1e-10}


def cast(model: Any, dtype: Any) -> Any:
    """Every float tensor of ``model`` in ``dtype`` (typedflux computes in its inputs'
    and weights' dtype)."""
    for _, t in named_tensors(model):
        if t.data.dtype.kind == "f":
            t.data = t.data.astype(dtype)
    return model


def close(a: Any, b: Any, tol: float, what: str) -> None:
    """``|a - b| <= tol * max(1, |b|)`` elementwise-maximum: an absolute test scaled by the
    magnitude of the values (a sum of 500 float32 products is not exact to 1e-5)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    assert a.shape == b.shape, f"{what}: shapes {a.shape} vs {b.shape}"
    if a.size == 0:
        return
    err = float(np.max(np.abs(a - b)))
    scale = max(1.0, float(np.max(np.abs(b))))
    assert err <= tol * scale, f"{what}: max error {err:.3g} > {tol:g} * {scale:.3g}"


Result = Tuple[List[np.ndarray], Dict[str, np.ndarray], List[Optional[np.ndarray]],
               Dict[str, np.ndarray]]


def _outputs(y: Any) -> List[Any]:
    # Several outputs, nested too (an LSTM's (y, (h, c))), in order.
    if isinstance(y, (tuple, list)):
        return [t for item in y for t in _outputs(item)]
    return [y]


def run_typedflux(model: Any, inputs: List[Any], cotangents: List[np.ndarray],
                  kwargs: Dict[str, Any], seed: int) -> Result:
    """typedflux's outputs, parameter gradients, input gradients (None for integer inputs)
    and tensors after the call (running statistics), for ``<cotangent, output>``."""
    xs = [tf.Tensor(x, dtype=x.dtype) for x in inputs]
    float_idx = [i for i, x in enumerate(inputs) if x.dtype.kind == "f"]
    captured: List[Any] = []

    def loss(m: Any, *fx: Any) -> Any:
        full = list(xs)
        for i, v in zip(float_idx, fx):
            full[i] = v
        ys = _outputs(m(*full, **kwargs))
        captured[:] = [y.numpy().copy() for y in ys]
        total: Any = 0.0
        for y, g in zip(ys, cotangents):
            total = total + (y * tf.Tensor(g, dtype=g.dtype)).sum()
        return total

    tf.seed(seed)
    _, grads = tf.withgradient(loss, model, *[xs[i] for i in float_idx])
    by_name = {n: np.asarray(g.numpy()) for n, _, _, g in walk_with(model, grads[0])
               if g is not None}
    gx: List[Optional[np.ndarray]] = [None] * len(inputs)
    for i, g in zip(float_idx, grads[1:]):
        gx[i] = None if g is None else g.numpy()
    after = {n: t.numpy().copy() for n, t in named_tensors(model)}
    return captured, by_name, gx, after


def same_masks(monkeypatch: Any, seed: int) -> None:
    """Make the exported Dropout draw typedflux's masks: the same generator, seeded the same,
    drawn in the same order (tests compare one forward pass of each engine)."""

    def mask(p: float, x: torch.Tensor) -> torch.Tensor:
        dtype = np.float64 if x.dtype == torch.float64 else np.float32
        if p >= 1.0:
            return torch.zeros_like(x)
        keep = rng().random(tuple(x.shape)) >= p
        return torch.from_numpy((keep / (1.0 - p)).astype(dtype))

    monkeypatch.setattr(torch_layers, "dropout_mask", mask)
    tf.seed(seed)


def run_torch(module: torch.nn.Module, inputs: List[Any], cotangents: List[np.ndarray],
              kwargs: Dict[str, Any]) -> Result:
    xs = [torch.tensor(x, requires_grad=x.dtype.kind == "f") for x in inputs]
    ys = _outputs(module(*xs, **kwargs))
    total = sum((y * torch.from_numpy(g)).sum() for y, g in zip(ys, cotangents))
    assert isinstance(total, torch.Tensor)
    total.backward()
    grads = {n: p.grad.numpy() for n, p in module.named_parameters() if p.grad is not None}
    gx = [None if x.grad is None else x.grad.numpy() for x in xs]
    after = {n: t.detach().numpy().copy() for n, t in module.state_dict().items()}
    return [y.detach().numpy() for y in ys], grads, gx, after


def compare(make: Callable[[], Any], inputs: Callable[[np.random.Generator], List[Any]],
            dtype: Any, train: bool, monkeypatch: Any, kwargs: Optional[Dict[str, Any]] = None,
            seed: int = 0) -> Any:
    """Build the model, export it, run both on the same random inputs in the same mode and
    check outputs, every parameter gradient, input gradients and state after the call."""
    tf.seed(seed)
    model = cast(make(), dtype)
    (tf.trainmode if train else tf.testmode)(model)
    gen = np.random.default_rng(seed)
    xs = [x.astype(dtype) if x.dtype.kind == "f" else x for x in inputs(gen)]
    kw = dict(kwargs or {})
    module = to_torch(model)
    module.train(train)
    tol = TOL[dtype]

    # Cotangents shaped like the outputs (one forward in test mode tells the shapes).
    probe = _outputs(to_torch(model).eval()(*[torch.tensor(x) for x in xs], **kw))
    cots = [gen.standard_normal(tuple(p.shape)).astype(dtype) for p in probe]

    same_masks(monkeypatch, seed + 1)
    t_out, t_grads, t_gx, t_after = run_torch(module, xs, cots, kw)
    ours = run_typedflux(model, xs, cots, kw, seed + 1)
    f_out, f_grads, f_gx, f_after = ours
    assert len(t_out) == len(f_out)
    for i, (a, b) in enumerate(zip(t_out, f_out)):
        assert a.dtype == b.dtype, f"output {i}: torch {a.dtype}, typedflux {b.dtype}"
        close(a, b, tol, f"output {i}")
    assert sorted(t_grads) == sorted(f_grads), (sorted(t_grads), sorted(f_grads))
    for name in f_grads:
        close(t_grads[name], f_grads[name], tol, f"gradient of {name}")
    for i, (a, b) in enumerate(zip(t_gx, f_gx)):
        assert (a is None) == (b is None), f"input {i} gradient presence"
        if a is not None:
            close(a, b, tol, f"gradient of input {i}")
    assert sorted(t_after) == sorted(f_after)
    for name in f_after:
        close(t_after[name], f_after[name], tol, f"{name} after the call")
    return model, module
