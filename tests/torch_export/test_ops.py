"""Every registered primitive has a PyTorch version with typedflux's numerics.

Driven by the registry and each primitive's gradient-check examples (``@p.examples``), so a new primitive cannot
skip it: float64 forward values and the gradients of ``<u, f>`` for a random cotangent ``u``
must agree to 1e-10 between the numpy engine and :data:`typedflux.torch.functional.OPS` run
through the bridge (shape rule first, then torch, differentiated by torch's autograd).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, List, Tuple

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import typedflux as tf  # noqa: E402
import typedflux.ops  # noqa: E402
from typedflux.ops.registry import REGISTRY, Primitive  # noqa: E402
from typedflux.torch.bridge import PLAIN_MEMBERS, TorchTensor, dispatching, run_op  # noqa: E402
from typedflux.torch.functional import OPS  # noqa: E402

from primitive_examples import example_arguments, examples, is_float_array  # noqa: E402
from torch_helpers import close  # noqa: E402

for _m in pkgutil.iter_modules(typedflux.ops.__path__):
    importlib.import_module(f"typedflux.ops.{_m.name}")


def test_every_primitive_has_a_torch_version() -> None:
    missing = sorted(set(REGISTRY) - set(OPS))
    assert not missing, (
        f"primitives without a PyTorch version: {missing}; add each to OPS in "
        f"typedflux/torch/functional.py (its forward in torch, same arguments in spec order)"
    )
    assert not set(OPS) - set(REGISTRY), sorted(set(OPS) - set(REGISTRY))


CASES = [(name, i, args) for name, prim in sorted(REGISTRY.items())
         for i, args in enumerate(examples(prim))]


def _build(prim: Primitive, args: Tuple[Any, ...], tensor: Any) -> Tuple[List[Any], List[Any]]:
    """The arguments for one engine, and its differentiated leaves: the float numpy arrays
    of the example (as tests/ops/test_gradcheck.py differentiates)."""
    leaves: List[Any] = []

    def conv(v: Any) -> Any:
        t = tensor(v)
        if is_float_array(v):
            leaves.append(t)
        return t

    return example_arguments(prim, args, conv), leaves


def _np_tensor(v: Any) -> Any:
    return tf.Tensor(v, dtype=v.dtype) if isinstance(v, np.ndarray) else v


def _torch_tensor(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return TorchTensor(torch.tensor(v, requires_grad=is_float_array(v)))
    if isinstance(v, tf.Tensor):
        return TorchTensor(torch.tensor(v.numpy()))
    return v


@pytest.mark.parametrize("name,i,args", CASES, ids=[f"{n}-{i}" for n, i, _ in CASES])
def test_torch_op_matches_numpy_op(name: str, i: int, args: Tuple[Any, ...]) -> None:
    prim = REGISTRY[name]
    ours, leaves = _build(prim, args, _np_tensor)
    theirs, tleaves = _build(prim, args, _torch_tensor)
    expected = np.asarray(prim.invoke(*ours).numpy())
    y = run_op(name, *theirs).data
    assert tuple(y.shape) == expected.shape
    if expected.dtype.kind in "biu":
        assert np.array_equal(y.numpy(), expected)
        return
    close(y.detach().numpy(), expected, 1e-10, f"{name} forward")
    if not prim.spec.differentiable or not leaves:
        return
    u = np.random.default_rng(i).standard_normal(expected.shape)

    def inner(*xs: Any) -> Any:
        swap = {id(a): b for a, b in zip(leaves, xs)}
        call = [[swap.get(id(x), x) for x in v] if isinstance(v, list) else swap.get(id(v), v)
                for v in ours]
        return (prim.invoke(*call) * tf.Tensor(u, dtype=u.dtype)).sum()

    grads = tf.gradient(inner, *leaves)
    (y * torch.from_numpy(u)).sum().backward()
    for k, (g, t) in enumerate(zip(grads, tleaves)):
        want = np.zeros(t.shape) if g is None else g.numpy()
        got = np.zeros(t.shape) if t.data.grad is None else t.data.grad.numpy()
        close(got, want, 1e-10, f"{name} gradient {k}")


def test_bridge_keeps_numpy_calls_unchanged_and_restores_entry_points() -> None:
    before = {n: p.invoke for n, p in REGISTRY.items()}
    with dispatching():
        with dispatching():  # re-entrant
            y = tf.relu(tf.tensor([-1.0, 2.0]))  # a numpy call inside: the numpy engine
        assert type(y) is tf.Tensor and y.numpy().tolist() == [0.0, 2.0]
        assert REGISTRY["relu"].invoke is not before["relu"]
    assert all(REGISTRY[n].invoke is f for n, f in before.items())


def test_bridge_runs_the_shape_rule_first() -> None:
    x = TorchTensor(torch.ones(2, 3))
    with dispatching(), pytest.raises(tf.ShapeError) as err:
        tf.matmul(x, TorchTensor(torch.ones(2, 3)))
    with pytest.raises(tf.ShapeError) as numpy_err:
        tf.matmul(tf.ones(2, 3), tf.ones(2, 3))
    assert str(err.value) == str(numpy_err.value)


def test_every_computing_tensor_method_runs_in_torch() -> None:
    # Tensor's operators and methods are bound to the ops' entry points when the class is
    # made, so the bridge's dispatchers do not see them: TorchTensor has its own of each.
    members = {n for c in tf.Tensor.__mro__ if c.__module__.startswith("typedflux.")
               for n in vars(c)}
    missing = sorted(n for n in members if n not in PLAIN_MEMBERS and n not in vars(TorchTensor))
    assert not missing, (
        f"Tensor members TorchTensor does not have: {missing}; a computing member must call "
        f"an op entry from its module's globals (or be overridden in "
        f"typedflux/torch/bridge.py); a plain one belongs in PLAIN_MEMBERS"
    )
    t = TorchTensor(torch.arange(6.0, requires_grad=True).reshape(2, 3))
    assert t.reshape(3, 2).shape == (3, 2) and t.T.shape == (3, 2)
    assert t.transpose(1, 0).shape == (3, 2) and t.swapaxes(0, 1).shape == (3, 2)
    assert t.unsqueeze(0).shape == (1, 2, 3) and t.unsqueeze(0).squeeze(0).shape == (2, 3)
    assert t.mean(axis=1).data.tolist() == [1.0, 4.0] and isinstance(t.mean(), TorchTensor)
    numpy_t = tf.arange(6.0).reshape(2, 3)
    for name, args in [("exp", ()), ("tanh", ()), ("softmax", ()), ("clamp", (1.0, 4.0)),
                       ("cumsum", (1,)), ("tril", ()), ("var", ())]:
        if not hasattr(tf.Tensor, name):
            continue
        ours = getattr(t, name)(*args)
        assert isinstance(ours, TorchTensor), name
        want = getattr(numpy_t, name)(*args).numpy()
        close(ours.data.detach().numpy(), want, 1e-6, name)
