"""Each optimisation rule's trajectory over several steps against its published formula."""

from __future__ import annotations

from typing import Callable, List

import numpy as np
import pytest

from typedflux.optimise import (
    AccumGrad,
    AdaBelief,
    AdaDelta,
    AdaGrad,
    AdaMax,
    Adam,
    AdamW,
    ClipGrad,
    ClipNorm,
    Descent,
    Lion,
    Momentum,
    NAdam,
    Nesterov,
    OAdam,
    OptimiserChain,
    RAdam,
    RMSProp,
    Rule,
    SignDecay,
    WeightDecay,
)

STEPS = 8  # RAdam switches to its adaptive step at step 5


def _grad(x: np.ndarray) -> np.ndarray:
    # The gradient of a non-quadratic loss, so trajectories depend on x at every step.
    return np.sin(3.0 * x) + 0.5 * x**3 - 0.2


def _run(rule: Rule, x0: np.ndarray) -> List[np.ndarray]:
    x = x0.copy()
    state = rule.init(x)
    out = []
    for _ in range(STEPS):
        state, step = rule.apply(state, x, _grad(x))
        if step is not None:
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


def _adam_moments(g, t, mem, b1, b2):
    mem["m"] = b1 * mem.get("m", 0) + (1 - b1) * g
    mem["v"] = b2 * mem.get("v", 0) + (1 - b2) * g * g
    return mem["m"] / (1 - b1**t), mem["v"] / (1 - b2**t)


def radam_optimisers_jl(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.8, 0.95, 1e-8
    mhat, vhat = _adam_moments(g, t, mem, b1, b2)
    rho_inf = 2 / (1 - b2) - 1
    rho = rho_inf - 2 * t * b2**t / (1 - b2**t)
    if rho > 4:
        r = np.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
        return x - lr * r * mhat / (np.sqrt(vhat) + eps)
    return x - lr * mhat


def nadam_optimisers_jl(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.8, 0.95, 1e-8
    _adam_moments(g, t, mem, b1, b2)
    num = b1 * mem["m"] / (1 - b1 ** (t + 1)) + (1 - b1) * g / (1 - b1**t)
    return x - lr * num / (np.sqrt(mem["v"] * b2 / (1 - b2**t)) + eps)


def adamax_paper(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.8, 0.95, 1e-8
    mem["m"] = b1 * mem.get("m", 0) + (1 - b1) * g
    mem["u"] = np.maximum(b2 * mem.get("u", 0), np.abs(g))
    return x - lr / (1 - b1**t) * mem["m"] / (mem["u"] + eps)


def adabelief_paper(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.8, 0.95, 1e-16
    mem["m"] = b1 * mem.get("m", 0) + (1 - b1) * g
    mem["s"] = b2 * mem.get("s", 0) + (1 - b2) * (g - mem["m"]) ** 2 + eps
    mhat, shat = mem["m"] / (1 - b1**t), mem["s"] / (1 - b2**t)
    return x - lr * mhat / (np.sqrt(shat) + eps)


def oadam_optimisers_jl(x, g, t, mem):
    lr, b1, b2, eps = 0.02, 0.5, 0.9, 1e-8
    mhat, vhat = _adam_moments(g, t, mem, b1, b2)
    term = lr * mhat / (np.sqrt(vhat) + eps)
    step = 2 * term - mem.get("term", 0)
    mem["term"] = term
    return x - step


def lion_paper(x, g, t, mem):
    lr, b1, b2 = 0.02, 0.8, 0.95
    m = mem.get("m", 0)
    c = b1 * m + (1 - b1) * g
    mem["m"] = b2 * m + (1 - b2) * g
    return x - lr * np.sign(c)


def adadelta_paper(x, g, t, mem):
    rho, eps = 0.8, 1e-3
    mem["a"] = rho * mem.get("a", 0) + (1 - rho) * g * g
    step = g * np.sqrt(mem.get("d", 0) + eps) / np.sqrt(mem["a"] + eps)
    mem["d"] = rho * mem.get("d", 0) + (1 - rho) * step * step
    return x - step


def signdecay_descent(x, g, t, mem):
    return x - 0.1 * (g + 0.05 * np.sign(x))


def accumgrad_descent(x, g, t, mem):
    # Two gradients, each at the unchanged x, then one step on their mean.
    mem.setdefault("acc", []).append(g)
    if len(mem["acc"]) < 2:
        return x
    mean = sum(mem["acc"]) / 2
    mem["acc"] = []
    return x - 0.1 * mean


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
    (RAdam(0.02, (0.8, 0.95)), radam_optimisers_jl),
    (NAdam(0.02, (0.8, 0.95)), nadam_optimisers_jl),
    (AdaMax(0.02, (0.8, 0.95)), adamax_paper),
    (AdaBelief(0.02, (0.8, 0.95)), adabelief_paper),
    (OAdam(0.02), oadam_optimisers_jl),
    (Lion(0.02, (0.8, 0.95)), lion_paper),
    (AdaDelta(0.8, 1e-3), adadelta_paper),
    (OptimiserChain(SignDecay(0.05), Descent(0.1)), signdecay_descent),
    (OptimiserChain(AccumGrad(2), Descent(0.1)), accumgrad_descent),
]


@pytest.mark.parametrize("rule, reference", CASES, ids=[repr(c[0]) for c in CASES])
def test_trajectory_matches_published_formula(rule: Rule, reference: Callable) -> None:
    got = _run(rule, X0)
    want = _reference(reference, X0)
    for step, (g, w) in enumerate(zip(got, want), 1):
        np.testing.assert_allclose(g, w, rtol=1e-10, atol=1e-12, err_msg=f"step {step}")
    # The trajectory really moves (the comparison above is not vacuous).
    assert not np.allclose(got[-1], X0)


@pytest.mark.parametrize("rule, reference", CASES, ids=[repr(c[0]) for c in CASES])
def test_a_0d_parameter_follows_the_same_formula(rule: Rule, reference: Callable) -> None:
    # A learned scalar (CLIP's logit scale, a temperature): the engine's gradient of a 0-d
    # parameter is a 0-d array. Adam's moments failed on it ('return arrays must be of
    # ArrayType': the square of a 0-d array is a numpy scalar).
    x0 = np.array(0.3)
    x, state, got = x0.copy(), rule.init(x0.copy()), []
    for _ in range(STEPS):
        state, step = rule.apply(state, x, np.asarray(_grad(x)))
        if step is not None:
            x -= step
        got.append(x.copy())
    want = _reference(reference, x0)
    np.testing.assert_allclose(np.array(got), np.array(want), rtol=1e-10, atol=1e-12)
    assert not np.allclose(got[-1], x0)


def test_float32_parameters_stay_float32() -> None:
    for rule, _ in CASES:
        x = X0.astype(np.float32)
        state = rule.init(x)
        for _ in range(2):  # (AccumGrad's first step is None)
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


def test_optimisers_jl_defaults() -> None:
    assert repr(RAdam()) == "RAdam(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08)"
    assert repr(NAdam()) == "NAdam(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08)"
    assert repr(AdaMax()) == "AdaMax(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08)"
    assert repr(AdaBelief()) == "AdaBelief(eta=0.001, beta=(0.9, 0.999), epsilon=1e-16)"
    assert repr(OAdam()) == "OAdam(eta=0.001, beta=(0.5, 0.9), epsilon=1e-08)"
    assert repr(Lion()) == "Lion(eta=0.001, beta=(0.9, 0.999))"
    assert repr(AdaDelta()) == "AdaDelta(rho=0.9, epsilon=1e-08)"
    assert repr(SignDecay()) == "SignDecay(lambd=0.001)"
    assert repr(AccumGrad(4)) == "AccumGrad(n=4)"


def test_accumgrad_holds_later_rules_in_a_chain() -> None:
    chain = OptimiserChain(AccumGrad(3), Momentum(0.1, 0.5))
    state = chain.init(np.zeros(1))
    steps = [chain.apply(state, np.zeros(1), np.array([g]))[1] for g in (1.0, 2.0, 6.0)]
    assert steps[0] is None and steps[1] is None
    np.testing.assert_allclose(steps[2], [0.3])  # Momentum saw one gradient, the mean 3
