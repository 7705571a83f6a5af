"""Each optimisation rule's trajectory over several steps against its published formula."""

from __future__ import annotations

from typing import Callable, List

import numpy as np
import pytest

from typedflux.optimise.rules import (
    AdaGrad,
    Adam,
    AdamW,
    ClipGrad,
    ClipNorm,
    Descent,
    Momentum,
    Nesterov,
    OptimiserChain,
    RMSProp,
    Rule,
    WeightDecay,
)

STEPS = 6


def _grad(x: np.ndarray) -> np.ndarray:
    # The gradient of a non-quadratic loss, so trajectories depend on x at every step.
    return np.sin(3.0 * x) + 0.5 * x**3 - 0.2


def _run(rule: Rule, x0: np.ndarray) -> List[np.ndarray]:
    x = x0.copy()
    state = rule.init(x)
    out = []
    for _ in range(STEPS):
        state, step = rule.apply(state, x, _grad(x))
        x -= step
        out.append(x.copy())
    return out


def _reference(update: Callable[[np.ndarray, np.ndarray, int, dict], np.ndarray], x0: np.ndarray) -> List[np.ndarray]:
    x = x0.copy()
    mem: dict = {}
    out = []
    for t in range(1, STEPS + 1):
        x = update(x, _grad(x), t, mem)
        out.append(x.copy())
    return out


X0 = np.array([[0.3, -1.2, 2.0], [0.05, 0.7, -0.4]])


def sgd(x, g, t, mem):
    return x - 0.1 * g


def momentum_pytorch(x, g, t, mem):
    # PyTorch SGD(momentum=mu, dampening=0): b = mu*b + g; x -= lr*b (equals Optimisers.jl).
    lr, mu = 0.05, 0.8
    mem["b"] = g if t == 1 else mu * mem["b"] + g
    return x - lr * mem["b"]


def nesterov_pytorch(x, g, t, mem):
    # PyTorch SGD(nesterov=True): b = mu*b + g; x -= lr*(g + mu*b).
    lr, mu = 0.05, 0.8
    mem["b"] = g if t == 1 else mu * mem["b"] + g
    return x - lr * (g + mu * mem["b"])


def adam_paper(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.8, 0.95, 1e-8
    mem["m"] = b1 * mem.get("m", 0) + (1 - b1) * g
    mem["v"] = b2 * mem.get("v", 0) + (1 - b2) * g * g
    mhat = mem["m"] / (1 - b1**t)
    vhat = mem["v"] / (1 - b2**t)
    return x - lr * mhat / (np.sqrt(vhat) + eps)


def adamw_pytorch(x, g, t, mem):
    # PyTorch AdamW: x *= 1 - lr*wd first, then the Adam step.
    lr, b1, b2, eps, wd = 0.02, 0.8, 0.95, 1e-8, 0.3
    mem["m"] = b1 * mem.get("m", 0) + (1 - b1) * g
    mem["v"] = b2 * mem.get("v", 0) + (1 - b2) * g * g
    mhat = mem["m"] / (1 - b1**t)
    vhat = mem["v"] / (1 - b2**t)
    return x * (1 - lr * wd) - lr * mhat / (np.sqrt(vhat) + eps)


def rmsprop_pytorch(x, g, t, mem):
    lr, alpha, eps = 0.01, 0.9, 1e-8
    mem["v"] = alpha * mem.get("v", 0) + (1 - alpha) * g * g
    return x - lr * g / (np.sqrt(mem["v"]) + eps)


def rmsprop_centred_pytorch(x, g, t, mem):
    lr, alpha, eps = 0.01, 0.9, 1e-8
    mem["v"] = alpha * mem.get("v", 0) + (1 - alpha) * g * g
    mem["g"] = alpha * mem.get("g", 0) + (1 - alpha) * g
    return x - lr * g / (np.sqrt(mem["v"] - mem["g"] ** 2) + eps)


def adagrad_optimisers_jl(x, g, t, mem):
    # Optimisers.jl starts the accumulator at epsilon (PyTorch at 0).
    lr, eps = 0.1, 1e-8
    mem["acc"] = mem.get("acc", eps) + g * g
    return x - lr * g / (np.sqrt(mem["acc"]) + eps)


def clipgrad_descent(x, g, t, mem):
    return x - 0.1 * np.clip(g, -0.5, 0.5)


def clipnorm_descent(x, g, t, mem):
    n = np.sqrt(np.sum(g * g))
    return x - 0.1 * (g * min(1.0, 0.7 / n))


def weightdecay_momentum(x, g, t, mem):
    g = g + 0.01 * x
    return momentum_pytorch(x, g, t, mem)


CASES = [
    (Descent(0.1), sgd),
    (Momentum(0.05, 0.8), momentum_pytorch),
    (Nesterov(0.05, 0.8), nesterov_pytorch),
    (Adam(0.02, (0.8, 0.95)), adam_paper),
    (AdamW(0.02, (0.8, 0.95), 0.3), adamw_pytorch),
    (RMSProp(0.01, 0.9), rmsprop_pytorch),
    (RMSProp(0.01, 0.9, centred=True), rmsprop_centred_pytorch),
    (AdaGrad(0.1), adagrad_optimisers_jl),
    (OptimiserChain(ClipGrad(0.5), Descent(0.1)), clipgrad_descent),
    (OptimiserChain(ClipNorm(0.7), Descent(0.1)), clipnorm_descent),
    (OptimiserChain(WeightDecay(0.01), Momentum(0.05, 0.8)), weightdecay_momentum),
]


@pytest.mark.parametrize("rule, reference", CASES, ids=[repr(c[0]) for c in CASES])
def test_trajectory_matches_published_formula(rule: Rule, reference: Callable) -> None:
    got = _run(rule, X0)
    want = _reference(reference, X0)
    for step, (g, w) in enumerate(zip(got, want), 1):
        np.testing.assert_allclose(g, w, rtol=1e-10, atol=1e-12, err_msg=f"step {step}")
    # The trajectory really moves (the comparison above is not vacuous).
    assert not np.allclose(got[-1], X0)


def test_float32_parameters_stay_float32() -> None:
    for rule, _ in CASES:
        x = X0.astype(np.float32)
        state = rule.init(x)
        state, step = rule.apply(state, x, _grad(x).astype(np.float32))
        assert step.dtype == np.float32, rule


def test_clipnorm_nonfinite() -> None:
    g = np.array([np.inf, 1.0])
    with pytest.raises(FloatingPointError, match="norm is inf"):
        ClipNorm(1.0).apply(None, np.zeros(2), g)
    _, out = ClipNorm(1.0, throw=False).apply(None, np.zeros(2), g)
    assert out is g


def test_clipnorm_other_p() -> None:
    _, out = ClipNorm(1.0, p=np.inf).apply(None, np.zeros(2), np.array([4.0, -2.0]))
    np.testing.assert_allclose(out, [1.0, -0.5])


def test_chain_rejects_non_rules() -> None:
    with pytest.raises(TypeError, match="OptimiserChain takes rules"):
        OptimiserChain(Descent(), 0.1)  # type: ignore[arg-type]
