"""Schedules against written-out formulas and PyTorch's schedulers, the Scheduler rule, tf.train's
per-epoch callback and description, and early stopping."""

from __future__ import annotations

import math
import sys
from typing import Any, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.optimise.schedules import Constant, CosAnneal, Exp, Linear, Sequence, Step

S = tf.schedules


def test_formulas() -> None:
    assert [Step(1.0, 0.5, 3)(t) for t in range(1, 8)] == [1, 1, 1, 0.5, 0.5, 0.5, 0.25]
    assert [Step(2.0, 0.1, (2, 1))(t) for t in range(1, 6)] == pytest.approx([2, 2, 0.2, 0.02, 0.02])
    assert [Exp(3.0, 0.5)(t) for t in range(1, 5)] == [3, 1.5, 0.75, 0.375]
    c = CosAnneal(0.1, 1.0, 10)
    for t in range(1, 25):
        want = 0.1 + 0.9 * (1 + math.cos(math.pi * ((t - 1) % 10) / 10)) / 2
        assert c(t) == pytest.approx(want, rel=1e-12)
    c = CosAnneal(1.0, 0.1, 10, restart=False)
    assert c(11) == pytest.approx(0.1) and c(21) == pytest.approx(1.0)  # a full cosine, no restart
    assert [Linear(1.0, 0.0, 2)(t) for t in (1, 2, 3, 9)] == [1.0, 0.5, 0.0, 0.0]
    assert Constant(0.3)(10**9) == 0.3


def test_sequence_warmup_then_cosine_restarts_each_stage_at_its_step_1() -> None:
    s = Sequence((Linear(0.0, 1.0, 3), 3), (CosAnneal(1.0, 0.0, 4), 4), (0.01, 1))
    got = [s(t) for t in range(1, 11)]
    want = [0.0, 1 / 3, 2 / 3] + [CosAnneal(1.0, 0.0, 4)(t) for t in range(1, 5)] + [0.01] * 3
    assert got == pytest.approx(want)
    assert "Sequence((Linear(l0=0.0, l1=1.0, steps=3), 3)" in repr(s)
    values = [v for v, _ in zip(s, range(4))]
    assert values == pytest.approx(want[:4])


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: Exp(1.0, 0), ValueError, "Exp: decay (decay factor) must be a real number > 0, got 0"),
        (lambda: Exp("a", 0.5), TypeError, "Exp: start (start value) must be a real number, got 'a'"),
        (lambda: Step(1.0, 0.5, 0), ValueError, "Step: step_sizes (step sizes) must be an int >= 1 or a non-empty sequence of them, got 0"),
        (lambda: Step(1.0, 0.5, ()), TypeError, "Step: step_sizes (step sizes) must be an int >= 1 or a non-empty sequence of them, got ()"),
        (lambda: CosAnneal(1.0, 0.0, 2.5), TypeError, "CosAnneal: period (number of steps) must be an int >= 1, got 2.5"),
        (lambda: Linear(0.0, 1.0, 0), ValueError, "Linear: steps (number of steps) must be an int >= 1, got 0"),
        (lambda: Sequence(), TypeError, "Sequence takes (schedule, steps) pairs, got none"),
        (lambda: Sequence(Exp(1.0, 0.5)), TypeError, "Sequence: stage 1 must be a (schedule, steps) pair, got Exp(start=1.0, decay=0.5)"),
        (lambda: Sequence((Exp(1.0, 0.5), 0)), ValueError, "Sequence: steps of stage 1 (number of steps) must be an int >= 1, got 0"),
        (lambda: Sequence(("x", 2)), TypeError, "Sequence: stage 1 needs a schedule or a number, got 'x'"),
        (lambda: Exp(1.0, 0.5)(0), ValueError, "Exp: the step t must be an int >= 1, got 0"),
        (lambda: tf.Scheduler(tf.Adam(), lr=Exp(1.0, 0.5)), TypeError, "Scheduler: Adam has no hyperparameter lr (it has eta, beta, epsilon)"),
        (lambda: tf.Scheduler(tf.Adam(), eta="fast"), TypeError, "Scheduler: eta needs a schedule (a function of the step), got 'fast'"),
        (lambda: tf.Scheduler(tf.Adam()), TypeError, "Scheduler: name the hyperparameter to schedule, e.g. eta=... (of eta, beta, epsilon)"),
        (lambda: tf.Scheduler(tf.Adam(), eta=Linear(-1.0, 1.0, 2)), ValueError, "Adam: eta (learning rate) must be a real number >= 0, got -1.0"),
        (lambda: tf.Scheduler(0.1, eta=Exp(1.0, 0.5)), TypeError, "Scheduler takes a rule such as tf.Adam() first, got 0.1"),
    ],
)
def test_bad_arguments(make: Any, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        make()
    assert str(info.value) == message


def test_scheduler_drives_the_rule_per_update_like_pytorch() -> None:
    torch = pytest.importorskip("torch")
    r = np.random.default_rng(0)
    x0 = r.standard_normal(4)
    grads = [r.standard_normal(4) for _ in range(12)]
    m = {"w": tf.tensor(x0, dtype=np.float64)}
    # (Adam: its eta scales the step, as PyTorch's lr does. Optimisers.jl's Momentum keeps
    # eta inside the velocity, so after a change of eta it differs from PyTorch's SGD.)
    st = tf.setup(tf.Scheduler(tf.Adam(0.1, (0.8, 0.9)), eta=Step(0.1, 0.5, 4)), m)
    p = torch.tensor(x0.copy(), requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.1, betas=(0.8, 0.9), eps=1e-8)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=4, gamma=0.5)
    for g in grads:
        tf.update(st, m, {"w": tf.tensor(g, dtype=np.float64)})
        p.grad = torch.tensor(g)
        opt.step()
        sched.step()
        np.testing.assert_allclose(m["w"].numpy(), p.detach().numpy(), rtol=1e-12)
    assert st["w"].state.t == 13


def test_cosine_matches_pytorch_warm_restarts() -> None:
    torch = pytest.importorskip("torch")
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=5, eta_min=0.1)
    ours = CosAnneal(1.0, 0.1, 5)
    for t in range(1, 16):
        assert ours(t) == pytest.approx(opt.param_groups[0]["lr"], rel=1e-12)
        opt.step()
        sched.step()


def test_adjust_reaches_inside_a_scheduler_but_not_a_scheduled_field() -> None:
    st = tf.setup(tf.Scheduler(tf.Momentum(), eta=Exp(0.1, 0.9)), {"w": tf.ones(2)})
    tf.adjust(st, rho=0.5)
    assert st["w"].rule.rule.rho == 0.5
    with pytest.raises(TypeError, match="adjust: eta of Scheduler.* follows a schedule"):
        tf.adjust(st, eta=0.1)


def _regression() -> tuple:
    tf.seed(0)
    x = tf.randn(32, 3)
    y = x @ tf.tensor([[1.0], [-2.0], [0.5]])
    return tf.Dense(3, 1), tf.DataLoader((x, y), batchsize=8)


def _mse(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.mse(m(x), y)


def test_callback_gets_each_epoch_and_its_losses_and_can_stop() -> None:
    model, data = _regression()
    st = tf.setup(tf.Adam(0.05), model)
    seen: List[tuple] = []

    def cb(epoch: int, losses: List[float]) -> bool:
        seen.append((epoch, list(losses)))
        return epoch == 3

    history = tf.train(_mse, model, data, st, epochs=10, callback=cb, progress=False)
    assert [e for e, _ in seen] == [1, 2, 3]
    assert all(len(ls) == 4 for _, ls in seen)
    assert history == [v for _, ls in seen for v in ls]


def test_callback_return_values_are_checked() -> None:
    model, data = _regression()
    st = tf.setup(tf.Adam(0.05), model)
    with pytest.raises(TypeError, match=r"train: the callback returns True to stop, or None/False to go on; it returned 0.5 after epoch 1"):
        tf.train(_mse, model, data, st, epochs=3, callback=lambda e, ls: 0.5, progress=False)
    with pytest.raises(TypeError, match="train: callback must be a function"):
        tf.train(_mse, model, data, st, callback=3, progress=False)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="train: desc must be a string, got 3"):
        tf.train(_mse, model, data, st, desc=3, progress=False)  # type: ignore[arg-type]


def test_callback_with_adjust_is_a_per_epoch_schedule() -> None:
    model, data = _regression()
    st = tf.setup(tf.Descent(), model)
    sched = Exp(0.1, 0.5)
    etas = []

    def cb(epoch: int, losses: List[float]) -> None:
        tf.adjust(st, eta=sched(epoch + 1))
        etas.append(st["weight"].rule.eta)

    tf.adjust(st, eta=sched(1))
    tf.train(_mse, model, data, st, epochs=3, callback=cb, progress=False)
    assert etas == [0.05, 0.025, 0.0125]


def test_desc_labels_the_progress_bar(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    model, data = _regression()
    st = tf.setup(tf.Adam(0.05), model)
    tf.train(_mse, model, data, st, epochs=2, desc="fit")
    tf.train(_mse, model, data, st, desc="one")
    err = capsys.readouterr().err
    assert "\rfit: epoch 1/2 4/4 loss=" in err and "\rfit: epoch 2/2 4/4 loss=" in err
    assert "\rone 4/4 loss=" in err


def test_early_stopping_counts_patience_and_min_delta() -> None:
    stop = tf.EarlyStopping(patience=3, min_delta=0.1)
    verdicts = [stop(v) for v in (1.0, 0.95, 0.92, 0.91, 0.7, 0.69, 0.68, 0.67)]
    # 0.95, 0.92 and 0.91 are within 0.1 of 1.0 (the 3rd of them stops); 0.7 is a new best.
    assert verdicts == [False, False, False, True, False, False, False, True]
    assert stop.best == 0.7 and stop.best_epoch == 5 and stop.wait == 3
    up = tf.EarlyStopping(1, mode="max")
    assert [up(v) for v in (0.1, 0.5, 0.5)] == [False, False, True]
    nan = tf.EarlyStopping(2)
    assert [nan(v) for v in (float("nan"), 1.0, float("nan"), float("nan"))] == [False, False, False, True]


def test_early_stopping_as_a_train_callback_on_a_validation_metric() -> None:
    model, data = _regression()
    xv = tf.randn(16, 3)
    yv = xv @ tf.tensor([[1.0], [-2.0], [0.5]])
    calls: List[float] = []

    def val_loss() -> Any:
        out = tf.losses.mse(model(xv), yv)  # a Tensor[()] is accepted
        calls.append(out.item())
        return out

    stop = tf.EarlyStopping(patience=2, min_delta=1e-4, metric=val_loss)
    st = tf.setup(tf.Adam(0.1), model)
    history = tf.train(_mse, model, data, st, epochs=500, callback=stop, progress=False)
    epochs = len(history) // 4
    assert epochs < 500 and len(calls) == epochs
    assert stop.wait == 2 and stop.best_epoch == epochs - 2
    assert stop.best == min(calls) == calls[stop.best_epoch - 1]
    assert all(v >= stop.best - 1e-4 for v in calls[stop.best_epoch:])  # no improvement after


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: tf.EarlyStopping(0), ValueError, "EarlyStopping: patience (number of steps) must be an int >= 1, got 0"),
        (lambda: tf.EarlyStopping(2, min_delta=-1), ValueError, "EarlyStopping: min_delta (smallest change that counts as an improvement) must be a real number >= 0, got -1"),
        (lambda: tf.EarlyStopping(2, mode="lower"), ValueError, "EarlyStopping: mode must be \"min\" or \"max\", got 'lower'"),
        (lambda: tf.EarlyStopping(2, metric=0.5), TypeError, "EarlyStopping: metric must be a function of no arguments, got 0.5"),
        (lambda: tf.EarlyStopping(2)("a"), TypeError, "EarlyStopping: the metric must be a real number, got 'a'"),
        (lambda: tf.EarlyStopping(2)(1, 2, 3), TypeError, "EarlyStopping is called with one metric value, or as a tf.train callback (epoch, losses); got 3 arguments"),
    ],
)
def test_early_stopping_bad_arguments(make: Any, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        make()
    assert str(info.value) == message
