"""Benchmarks: typedflux training steps vs hand-written numpy and PyTorch CPU, checker overhead,
runtime shape-check share, memory over many steps.

Usage (from the repository root)::

    python benchmarks/run.py                   # full run, prints the tables
    python benchmarks/run.py --out benchmarks/RESULTS.md
    python benchmarks/run.py --smoke           # everything tiny, for CI (seconds)

Method: every system runs the same model from the same initial parameters and data, all in
this process; before timing, typedflux's (and PyTorch's) loss and gradients are checked against
the numpy reference (``assert_allclose``). Systems are interleaved round-robin (one block of
steps each per repeat, start rotated), each time is a median over repeats, and ratios are to
the numpy reference of the same run. BLAS is pinned to one thread (threadpoolctl) and so is
PyTorch (``torch.set_num_threads(1)``). Exit status 1 when a check or a benchmark fails;
missed speed targets are reported, never an error.
"""

from __future__ import annotations

import os

# Pin every thread pool before numpy/torch start theirs (threadpoolctl re-pins below).
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import datetime
import gc
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Literal, Optional, Sequence, Tuple, TypeVar

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import refs  # noqa: E402
from bench_files import bench_files  # noqa: E402

import typedflux as tf  # noqa: E402
from typedflux import Tensor  # noqa: E402

try:
    import threadpoolctl
except ImportError:  # recorded in the results; timings then use whatever BLAS threads exist
    threadpoolctl = None  # type: ignore[assignment]

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    torch = None  # type: ignore[assignment]

Step = Callable[[], Any]
LR = 1e-3


# -- configuration ---------------------------------------------------------------------------


@dataclass
class Config:
    smoke: bool
    reps: int  # round-robin repeats (each gives one sample per system)
    block_s: float  # target wall time of one block of steps
    warmup: int
    mem_steps: int
    mypy_runs: int
    torch: bool

    @staticmethod
    def make(smoke: bool, use_torch: bool) -> "Config":
        if smoke:
            return Config(True, 2, 0.0, 1, 20, 1, use_torch)
        return Config(False, 21, 0.05, 5, 1000, 5, use_torch)


# -- helpers ---------------------------------------------------------------------------------


def arr(g: Any) -> Any:
    """A gradient as a numpy array (typedflux hands back Tensors)."""
    return np.asarray(getattr(g, "data", g))


def get_path(root: Any, dotted: str) -> Any:
    """``root.layers[0].weight`` from ``"layers.0.weight"`` (works on models and Grads)."""
    obj = root
    for part in dotted.split("."):
        if part.isdigit() and isinstance(obj, (list, tuple)):
            obj = obj[int(part)]
        elif isinstance(obj, dict):
            obj = obj[part]
        else:
            obj = getattr(obj, part)
    return obj


def load_params(model: Any, arrays: Sequence[Any]) -> List[str]:
    """Copy ``arrays`` into ``model``'s trainable parameters, in ``named_params`` order."""
    named = tf.named_params(model)
    if len(named) != len(arrays):
        raise AssertionError(f"model has {len(named)} params, reference {len(arrays)}")
    for (name, t), a in zip(named, arrays):
        if t.shape != a.shape:
            raise AssertionError(f"param {name}: model {t.shape}, reference {a.shape}")
        t.data[...] = a
    return [n for n, _ in named]


def check_close(what: str, got: Any, want: Any, rtol: float = 2e-3) -> None:
    """assert_allclose with a tolerance scaled to the reference's magnitude (float32 sums)."""
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    scale = float(np.abs(want).max()) if want.size else 0.0
    np.testing.assert_allclose(got, want, rtol=rtol, atol=1e-5 * max(scale, 1e-3), err_msg=what)


def copies(xs: Sequence[Any]) -> List[Any]:
    return [np.array(x, copy=True) for x in xs]


def torch_params(module: Any, arrays: Sequence[Any]) -> None:
    with torch.no_grad():
        for p, a in zip(module.parameters(), arrays):
            assert tuple(p.shape) == a.shape, (tuple(p.shape), a.shape)
            p.copy_(torch.from_numpy(np.array(a)))


# -- benchmark definitions -------------------------------------------------------------------


@dataclass
class Bench:
    name: str
    unit: str  # "ms/step" or "us/op"
    per: int  # a step's time is divided by this (ops per step for the chain)
    systems: Dict[str, Step]
    target: Optional[float] = None  # max ratio typedflux / numpy reference
    target_abs: Optional[float] = None  # max typedflux time in ``unit``
    torch_no_slower: bool = False
    note: str = ""
    times: Dict[str, float] = field(default_factory=dict)  # CPU-time medians, in ``unit``
    wall: Dict[str, float] = field(default_factory=dict)  # wall-clock medians
    paired: Optional[Tuple[float, float, float]] = None  # quartiles of per-repeat tf/ref
    error: str = ""


def tf_descent_step(loss: Callable[..., Any], model: Any, *data: Any) -> Step:
    state = tf.setup(tf.Descent(LR), model)

    # Differentiate with respect to the model only (as tf.train and Flux's train! do):
    # withgradient(loss, model, x, y) would also compute gradients for the data.
    def step() -> None:
        _, grads = tf.withgradient(lambda m: loss(m, *data), model)
        tf.update(state, model, grads[0])

    return step


def torch_sgd_step(module: Any, loss: Callable[[], Any]) -> Step:
    opt = torch.optim.SGD(module.parameters(), lr=LR)

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss().backward()
        opt.step()

    return step


def check_tf(name: str, loss: Callable[..., Any], model: Any, data: Sequence[Any],
             ref_loss: float, ref_grads: Sequence[Any]) -> None:
    val, grads = tf.withgradient(lambda m: loss(m, *data), model)
    check_close(f"{name}: typedflux loss", float(val.item()), ref_loss)
    for pname, rg in zip([n for n, _ in tf.named_params(model)], ref_grads):
        check_close(f"{name}: typedflux grad {pname}", arr(get_path(grads[0], pname)), rg)


def check_torch(name: str, module: Any, loss: Callable[[], Any], ref_loss: float,
                ref_grads: Sequence[Any]) -> None:
    module.zero_grad(set_to_none=True)
    out = loss()
    out.backward()
    check_close(f"{name}: torch loss", out.item(), ref_loss)
    for (pname, p), rg in zip(module.named_parameters(), ref_grads):
        check_close(f"{name}: torch grad {pname}", p.grad.numpy(), rg)
    module.zero_grad(set_to_none=True)


def onehot(rng: np.random.Generator, n: int, k: int) -> Any:
    return np.eye(k, dtype=np.float32)[rng.integers(0, k, n)]


def xent(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.logitcrossentropy(m(x), y)


def mlp_model() -> Any:
    return tf.Chain(tf.Dense(784, 256, tf.relu), tf.Dense(256, 128, tf.relu), tf.Dense(128, 10))


def _classifier_systems(
    cfg: Config, tag: str, p0: Any, x: Any, y: Any, loss_grad: Callable[..., Any],
    model: Any, torch_model: Callable[[], Any],
) -> Dict[str, Step]:
    """typedflux, the numpy reference and (when installed) torch training the same classifier
    from the same parameters and data, each checked against the reference before timing."""
    ref_loss, ref_grads = loss_grad(p0, x, y)
    load_params(model, p0)
    tx, ty = tf.tensor(x), tf.tensor(y)
    check_tf(tag, xent, model, (tx, ty), ref_loss, ref_grads)
    systems: Dict[str, Step] = {"typedflux": tf_descent_step(xent, model, tx, ty)}
    p = copies(p0)

    def np_step() -> None:
        _, g = loss_grad(p, x, y)
        refs.sgd(p, g, LR)

    systems["numpy"] = np_step
    if cfg.torch:
        tm = torch_model()
        torch_params(tm, p0)
        txx, tyy = torch.from_numpy(x), torch.from_numpy(y)

        def tloss() -> Any:
            return F.cross_entropy(tm(txx), tyy)

        check_torch(tag, tm, tloss, ref_loss, ref_grads)
        systems["torch"] = torch_sgd_step(tm, tloss)
    return systems


def bench_mlp(cfg: Config, batch: int) -> Bench:
    rng = np.random.default_rng(batch)
    p0 = refs.mlp_init(rng, (784, 256, 128, 10))
    x = rng.standard_normal((batch, 784)).astype(np.float32)
    y = onehot(rng, batch, 10)

    def torch_model() -> Any:
        nn = torch.nn
        return nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    systems = _classifier_systems(cfg, "mlp", p0, x, y, refs.mlp_loss_grad, mlp_model(), torch_model)
    target = 1.15 if batch <= 32 else 1.05
    return Bench(f"MLP 784-256-128-10 b{batch}", "ms/step", 1, systems, target=target)


def cnn_model() -> Any:
    return tf.Chain(
        tf.Conv((3, 3), 1, 8, tf.relu, pad=1),
        tf.MaxPool((2, 2)),
        tf.Conv((3, 3), 8, 16, tf.relu, pad=1),
        tf.MaxPool((2, 2)),
        tf.Flatten(),
        tf.Dense(784, 10),
    )


def bench_cnn(cfg: Config) -> Bench:
    rng = np.random.default_rng(64)
    batch = 64
    p0 = refs.cnn_init(rng)
    x = rng.standard_normal((batch, 1, 28, 28)).astype(np.float32)
    y = onehot(rng, batch, 10)

    def torch_model() -> Any:
        nn = torch.nn
        return nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(784, 10),
        )

    systems = _classifier_systems(cfg, "cnn", p0, x, y, refs.cnn_loss_grad, cnn_model(), torch_model)
    return Bench("CNN conv-pool-conv-pool-dense b64", "ms/step", 1, systems, target=1.0,
                 torch_no_slower=True)


def bench_chain(cfg: Config, nops: int = 200) -> Bench:
    rng = np.random.default_rng(200)
    x0 = rng.standard_normal(16).astype(np.float32)
    a0 = (1 + 0.1 * rng.standard_normal(16)).astype(np.float32)
    c0 = (0.1 * rng.standard_normal(16)).astype(np.float32)
    ref_loss, ref_grads = refs.chain_loss_grad(x0, a0, c0, nops)

    def f(x: Any, a: Any, c: Any) -> Any:
        h = x
        for i in range(nops):
            k = i % refs.CHAIN_CYCLE
            if k == 0:
                h = h * a
            elif k == 1:
                h = h + c
            elif k == 2:
                h = tf.tanh(h)
            else:
                h = h * 0.9
        return h.sum()

    tx, ta, tc = tf.tensor(x0), tf.tensor(a0), tf.tensor(c0)
    val, grads = tf.withgradient(f, tx, ta, tc)
    check_close("chain: typedflux loss", float(val.item()), ref_loss)
    for nm, g, rg in zip("xac", grads, ref_grads):
        check_close(f"chain: typedflux grad {nm}", arr(g), rg)

    def tf_step() -> None:
        _, (_, ga, gc) = tf.withgradient(f, tx, ta, tc)
        ta.data -= LR * arr(ga)
        tc.data -= LR * arr(gc)

    x, a, c = copies((x0, a0, c0))

    def np_step() -> None:
        _, (_, ga, gc) = refs.chain_loss_grad(x, a, c, nops)
        a[...] -= LR * ga
        c[...] -= LR * gc

    systems: Dict[str, Step] = {"typedflux": tf_step, "numpy": np_step}
    if cfg.torch:
        px = torch.from_numpy(x0.copy()).requires_grad_()
        pa = torch.from_numpy(a0.copy()).requires_grad_()
        pc = torch.from_numpy(c0.copy()).requires_grad_()

        def tf_forward() -> Any:
            h = px
            for i in range(nops):
                k = i % refs.CHAIN_CYCLE
                h = h * pa if k == 0 else h + pc if k == 1 else torch.tanh(h) if k == 2 else h * 0.9
            return h.sum()

        out = tf_forward()
        out.backward()
        check_close("chain: torch loss", out.item(), ref_loss)
        for nm, t, rg in zip("xac", (px, pa, pc), ref_grads):
            check_close(f"chain: torch grad {nm}", t.grad.numpy(), rg)

        def torch_step() -> None:
            for t in (px, pa, pc):
                t.grad = None
            tf_forward().backward()
            with torch.no_grad():
                pa.sub_(LR * pa.grad)
                pc.sub_(LR * pc.grad)

        systems["torch"] = torch_step
    return Bench(f"chain of {nops} elementwise ops, 16-vector", "us/op", nops, systems,
                 target_abs=2.5)


def bench_lstm(cfg: Config) -> Bench:
    rng = np.random.default_rng(20)
    nin, hidden, seq, batch = 32, 64, 20, 16
    p0 = refs.lstm_init(rng, nin, hidden)
    x = rng.standard_normal((batch, seq, nin)).astype(np.float32)
    ref_loss, ref_grads = refs.lstm_loss_grad(p0, x)

    def loss(m: Any, x: Any) -> Any:
        return m(x)[:, -1].mean()

    model = tf.LSTM(nin, hidden)
    load_params(model, p0)
    tx = tf.tensor(x)
    check_tf("lstm", loss, model, (tx,), ref_loss, ref_grads)
    systems: Dict[str, Step] = {"typedflux": tf_descent_step(loss, model, tx)}
    p = copies(p0)

    def np_step() -> None:
        _, g = refs.lstm_loss_grad(p, x)
        refs.sgd(p, g, LR)

    systems["numpy"] = np_step
    if cfg.torch:
        tm = torch.nn.LSTM(nin, hidden, batch_first=True)
        with torch.no_grad():
            tm.weight_ih_l0.copy_(torch.from_numpy(p0[0]))
            tm.weight_hh_l0.copy_(torch.from_numpy(p0[1]))
            tm.bias_ih_l0.copy_(torch.from_numpy(p0[2]))
            tm.bias_hh_l0.zero_()  # typedflux/Flux have one bias: the sum of PyTorch's two
        txx = torch.from_numpy(x)

        def tloss() -> Any:
            return tm(txx)[0][:, -1].mean()

        tm.zero_grad(set_to_none=True)
        out = tloss()
        out.backward()
        check_close("lstm: torch loss", out.item(), ref_loss)
        check_close("lstm: torch grad weight_ih", tm.weight_ih_l0.grad.numpy(), ref_grads[0])
        check_close("lstm: torch grad weight_hh", tm.weight_hh_l0.grad.numpy(), ref_grads[1])
        check_close("lstm: torch grad bias", tm.bias_ih_l0.grad.numpy(), ref_grads[2])
        tm.zero_grad(set_to_none=True)
        systems["torch"] = torch_sgd_step(tm, tloss)
    return Bench(f"LSTM in {nin} hidden {hidden} seq {seq} b{batch}", "ms/step", 1, systems,
                 target=1.3)


# -- timing ------------------------------------------------------------------------------------


# Every system computes on this thread (BLAS and torch pinned to one thread), so the
# thread's CPU time measures its work without the time it spent descheduled: other processes
# on a shared machine inflate wall-clock times far more than CPU times. Wall times are kept
# as a cross-check.
cpu_clock = time.thread_time


def time_round_robin(systems: Dict[str, Step], cfg: Config,
                     wall: Optional[Dict[str, float]] = None,
                     raw: Optional[Dict[str, List[float]]] = None) -> Dict[str, float]:
    """Median thread-CPU seconds per step of each system (wall-clock medians into ``wall``);
    blocks interleaved round-robin, the starting system rotated per repeat."""
    names = list(systems)
    for n in names:
        for _ in range(cfg.warmup):
            systems[n]()
    # One block size for every system of a benchmark, from the slowest system's step.
    t0 = time.perf_counter()
    for n in names:
        systems[n]()
    slowest = (time.perf_counter() - t0) / len(names)
    inner = max(1, int(cfg.block_s / max(slowest, 1e-9)))
    samples: Dict[str, List[float]] = {n: [] for n in names}
    walls: Dict[str, List[float]] = {n: [] for n in names}
    gc.collect()
    for r in range(cfg.reps):
        order = names[r % len(names):] + names[: r % len(names)]
        for n in order:
            fn = systems[n]
            w0 = time.perf_counter()
            c0 = cpu_clock()
            for _ in range(inner):
                fn()
            c1 = cpu_clock()
            w1 = time.perf_counter()
            samples[n].append((c1 - c0) / inner)
            walls[n].append((w1 - w0) / inner)
    if wall is not None:
        wall.update({n: statistics.median(s) for n, s in walls.items()})
    if raw is not None:
        raw.update(samples)
    return {n: statistics.median(s) for n, s in samples.items()}


def run_bench(make: Callable[[], Bench], cfg: Config, name: str) -> Bench:
    try:
        b = make()
    except Exception as e:  # reported in the table; the exit status says it failed
        return Bench(name, "", 1, {}, error=f"{type(e).__name__}: {e}".splitlines()[0][:200])
    wall: Dict[str, float] = {}
    raw: Dict[str, List[float]] = {}
    try:
        secs = time_round_robin(b.systems, cfg, wall, raw)
    except Exception as e:
        b.error = f"{type(e).__name__}: {e}".splitlines()[0][:200]
        return b
    scale = 1e3 if b.unit == "ms/step" else 1e6
    b.times = {n: s * scale / b.per for n, s in secs.items()}
    b.wall = {n: s * scale / b.per for n, s in wall.items()}
    if "typedflux" in raw and "numpy" in raw:
        # Ratios of the blocks of one repeat (run back to back) cancel slow drifts of the
        # machine; their quartiles show how far a single run can be trusted.
        pr = sorted(t / r for t, r in zip(raw["typedflux"], raw["numpy"]))
        q = statistics.quantiles(pr, n=4) if len(pr) >= 2 else [pr[0]] * 3
        b.paired = (q[0], statistics.median(pr), q[2])
    return b


# -- checker overhead: mypy with vs without the plugin ----------------------------------------

MYPY_INI = """[mypy]
python_version = 3.11
{plugins}show_error_codes = True
check_untyped_defs = True

[mypy-typedflux.*]
follow_imports = silent

[mypy-numpy.*]
follow_imports = silent

[mypy-tqdm.*,sklearn.*,matplotlib.*]
ignore_missing_imports = True
"""


# Cases plain mypy itself crashes on, so there is no plain run to compare with: mypy 2.4
# infers a variadic signature's run from a union type context and fails (the plugin avoids
# it: mypy_plugin/callbacks/union_contexts.py).
PLAIN_MYPY_CRASHES = frozenset({"case_rebound_unknown_params.py"})


def mypy_targets(smoke: bool, tmp: Path) -> List[str]:
    if smoke:
        # A file that imports nothing: exercises the runs in seconds (numpy's stubs dominate a
        # fresh-cache run of anything that imports typedflux).
        p = tmp / "tiny_case.py"
        p.write_text("x: int = 1\n")
        return [str(p)]
    return bench_files(ROOT, PLAIN_MYPY_CRASHES)


def bench_mypy(cfg: Config) -> Dict[str, Any]:
    """mypy's CPU time with the plugin over plain mypy on ``mypy_targets`` (fresh caches, runs
    alternating). To compare two versions of the plugin the same way, paired per round:
    ``benchmarks/plugin_ab.py`` (docs/performance.md, "Type-checking time")."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        inis = {}
        for kind, plug in (("with plugin", "plugins = mypy_plugin\n"), ("plain", "")):
            ini = tmp / (kind.replace(" ", "_") + ".ini")
            ini.write_text(MYPY_INI.format(plugins=plug))
            inis[kind] = ini
        targets = mypy_targets(cfg.smoke, tmp)
        samples: Dict[str, List[float]] = {k: [] for k in inis}
        for r in range(cfg.mypy_runs):
            order = list(inis) if r % 2 == 0 else list(inis)[::-1]
            for kind in order:
                cache = tmp / f"cache_{kind.replace(' ', '_')}_{r}"
                cmd = [sys.executable, "-m", "mypy", "--config-file", str(inis[kind]),
                       "--cache-dir", str(cache), *targets]
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                # mypy's CPU time (user + system), robust to other load on the machine.
                samples[kind].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                # 0 = clean, 1 = type errors (the snapshot cases have them on purpose);
                # anything else is a crash or a usage error.
                if res.returncode not in (0, 1):
                    raise RuntimeError(f"mypy ({kind}) exited {res.returncode}: "
                                       f"{(res.stderr or res.stdout).strip()[:300]}")
        med = {k: statistics.median(v) for k, v in samples.items()}
        return {
            "files": len(targets),
            "with": med["with plugin"],
            "plain": med["plain"],
            "ratio": med["with plugin"] / med["plain"],
            "runs": cfg.mypy_runs,
        }


# -- @tf.shapecheck overhead and the share of runtime shape checks in an MLP step -------------


B = TypeVar("B", bound=int)


def _sc_plain(x: Tensor[B, Literal[784]], w: Tensor[Literal[784], Literal[10]]
              ) -> Tensor[B, Literal[784]]:
    return x


def bench_shapecheck(cfg: Config) -> Dict[str, Any]:
    """Per-call cost of ``@tf.shapecheck`` on a function of two annotated tensors returning
    one (three shapes checked, one symbolic dim bound), against the undecorated function."""
    plain = _sc_plain

    checked = tf.shapecheck(plain)
    x, w = tf.zeros(32, 784), tf.zeros(784, 10)
    n = 200 if cfg.smoke else 20000
    checked(x, w)
    samples: Dict[str, List[float]] = {"plain": [], "checked": []}
    for _ in range(cfg.reps):
        for name, fn in (("plain", plain), ("checked", checked)):
            t0 = cpu_clock()
            for _ in range(n):
                fn(x, w)
            samples[name].append((cpu_clock() - t0) / n * 1e6)
    med = {k: statistics.median(v) for k, v in samples.items()}
    return {"plain_us": med["plain"], "checked_us": med["checked"],
            "overhead_us": med["checked"] - med["plain"]}


def _check_modes() -> Callable[[str], None]:
    """``set_mode(mode)`` for the runtime shape checks of ops (registry) and layers:

    - ``"on"``: as shipped (rule results memoised per op and input shapes);
    - ``"record"``: as shipped, and remember each layer's checked output shape;
    - ``"off"``: every op rule a no-op and every layer check a lookup of the recorded
      output (Flatten needs it), i.e. no shape checking at all; the registry's memo lookup
      itself stays (it is fused into the op's fast path);
    - ``"nomemo"``: memos disabled, so every op and layer re-runs its rule on every call
      (what a program whose shapes never repeat would pay).
    """
    from typedflux.layers import core
    from typedflux.ops import registry

    orig_rule = registry.Primitive.rule
    orig_remember = registry.Primitive.remember
    orig_check = core.Layer.check
    outs: Dict[int, Any] = {}

    def recording_check(self: Any, x: Any) -> Any:
        out = orig_check(self, x)
        outs[id(self)] = out
        return out

    def free_check(self: Any, x: Any) -> Any:
        return outs[id(self)]

    def rule_check(self: Any, x: Any) -> Any:
        # Layer.check without its memo: build the config and run the layer rule.
        shape = x.shape if isinstance(x, Tensor) else np.shape(x)
        return self.config.rule(shape)

    checks = {"on": orig_check, "record": recording_check, "off": free_check,
              "nomemo": rule_check}

    def set_mode(mode: str) -> None:
        if mode == "nomemo":
            for prim in registry.REGISTRY.values():
                prim._cache.clear()  # refilled by the next step run as shipped
        registry.Primitive.rule = (  # type: ignore[method-assign]
            (lambda self, values: None) if mode == "off" else orig_rule)
        registry.Primitive.remember = (  # type: ignore[method-assign]
            (lambda self, key, out: None) if mode == "nomemo" else orig_remember)
        core.Layer.check = checks[mode]  # type: ignore[method-assign]

    return set_mode


def bench_check_share(cfg: Config) -> Dict[str, Any]:
    """MLP b32 step time with runtime shape checks as shipped, with them all replaced by no-ops,
    and with the registry's rule memo disabled (every op re-runs its rule each call)."""
    rng = np.random.default_rng(1)
    x = tf.tensor(rng.standard_normal((32, 784)).astype(np.float32))
    y = tf.tensor(onehot(rng, 32, 10))
    model = mlp_model()
    step = tf_descent_step(xent, model, x, y)
    set_mode = _check_modes()
    set_mode("record")
    step()

    def in_mode(mode: str) -> Step:
        def run() -> None:
            set_mode(mode)
            try:
                step()
            finally:
                set_mode("on")

        return run

    # Switching costs a few microseconds; every variant pays it, "switch" alone measures it.
    t = time_round_robin({"on": in_mode("on"), "off": in_mode("off"),
                          "nomemo": in_mode("nomemo"), "switch": lambda: set_mode("on")}, cfg)
    t = {k: v - t["switch"] for k, v in t.items()}
    # The on/off difference is small against run-to-run noise on a busy machine, so also
    # time the checks themselves: each layer's check on its real input, as a step calls it.
    set_mode("on")
    inputs: List[Any] = []
    h = x
    for layer in model:
        inputs.append((layer, h))
        h = layer(h)
    n = 100 if cfg.smoke else 20000
    t0 = cpu_clock()
    for _ in range(n):
        for layer, inp in inputs:
            layer.check(inp)
    direct = (cpu_clock() - t0) / n
    t_off = t["off"]
    share = (t["on"] - t_off) / t["on"]
    cold = (t["nomemo"] - t_off) / t["nomemo"]
    return {"on_us": t["on"] * 1e6, "off_us": t_off * 1e6, "share": share,
            "direct_us": direct * 1e6, "direct_share": direct / t["on"],
            "nomemo_us": t["nomemo"] * 1e6, "cold_share": cold}


# -- memory over many MLP steps ------------------------------------------------------------------


def _rss_kib() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except OSError:
        return -1


def bench_memory(cfg: Config) -> Dict[str, Any]:
    """Memory over ``mem_steps`` MLP b32 steps after a short warm-up: tracemalloc peak and
    current within the first and the last tenth (numpy reports its buffers to tracemalloc),
    RSS, and the number of gc-tracked objects (a per-step leak of Python objects shows
    there first)."""
    rng = np.random.default_rng(2)
    x = tf.tensor(rng.standard_normal((32, 784)).astype(np.float32))
    y = tf.tensor(onehot(rng, 32, 10))
    model = mlp_model()
    step = tf_descent_step(xent, model, x, y)
    for _ in range(cfg.warmup * 10):
        step()
    n = cfg.mem_steps
    win = max(1, n // 10)
    gc.collect()
    objs0 = len(gc.get_objects())
    tracemalloc.start()
    try:
        peaks, currents, rss = [], [], []
        for i in range(n):
            if i % win == 0:
                tracemalloc.reset_peak()
            step()
            if i % win == win - 1:
                cur, peak = tracemalloc.get_traced_memory()
                peaks.append(peak)
                currents.append(cur)
                rss.append(_rss_kib())
    finally:
        tracemalloc.stop()
    gc.collect()
    objs1 = len(gc.get_objects())
    return {
        "steps": n, "window": win,
        "first_peak_kib": peaks[0] / 1024, "last_peak_kib": peaks[-1] / 1024,
        "first_current_kib": currents[0] / 1024, "last_current_kib": currents[-1] / 1024,
        "first_rss_kib": rss[0], "last_rss_kib": rss[-1],
        "objects": (objs0, objs1),
        # Growth beyond allocator warm-up noise (10 %, 256 KiB), or Python objects piling up.
        "grows": peaks[-1] > peaks[0] * 1.10 + 262144 or objs1 > objs0 + 100,
    }


# -- machine and report -----------------------------------------------------------------------


def machine_info(cfg: Config) -> Dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    blas = "threadpoolctl not installed (BLAS pinned only by OMP/OPENBLAS_NUM_THREADS=1)"
    try:  # numpy's build record names its BLAS even without threadpoolctl
        b = np.show_config(mode="dicts")["Build Dependencies"]["blas"]  # type: ignore[index]
        blas += f"; numpy built with {b.get('name')} {b.get('version')}"
    except Exception:
        pass
    if threadpoolctl is not None:
        infos = threadpoolctl.threadpool_info()
        blas = "; ".join(
            f"{i.get('internal_api')} {i.get('version')} ({i.get('threading_layer', '?')}, "
            f"{i.get('num_threads')} thread(s), {Path(i.get('filepath', '?')).name})"
            for i in infos
        ) or "none found"
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas,
        "torch": (f"{torch.__version__} (threads: {torch.get_num_threads()})"
                  if cfg.torch else "not installed / disabled"),
        "code": _git_state(),
        "load": "load average %.2f %.2f %.2f (1/5/15 min) at start" % os.getloadavg(),
        "command": "python " + " ".join(shlex.quote(a) for a in
                                         [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
    }


def _git_state() -> str:
    """The commit measured, and the library files that differed from it (if any)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "typedflux"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    changed = [line[3:] for line in dirty if line.strip()]
    return f"commit {head}" + (f" plus uncommitted changes to {', '.join(changed)}"
                               if changed else "")


def fmt(v: Optional[float], digits: int = 3) -> str:
    if v is None:
        return "-"
    return f"{v:.{digits}g}" if v < 100 else f"{v:.0f}"


def verdict(ok: Optional[bool]) -> str:
    return "-" if ok is None else ("met" if ok else "**not met**")


NOTES = """
## Notes on reading these numbers

- Ratios are within one run, systems interleaved; absolute times move with the machine's
  state (on a 2-vCPU machine shared with other jobs, a busy sibling hyperthread slows
  even CPU time by up to ~1.5x: compare ratios across runs, not absolute times).
- Ratio targets are judged on the median of the per-repeat ratios (typedflux's block
  against the reference's adjacent block of the same repeat), which cancels drifts of the
  machine's speed during a run. The ratio of the two systems' overall medians can be thrown
  far off by such a drift (one run of the MLP at batch 256 gave 1.24x that way against
  1.05x per repeat); both are in the tables. The chain's target is absolute (us per op), so
  it also depends on the machine's state: read it against the numpy reference's time in the
  same row.
- typedflux differentiates the model only (`tf.withgradient(lambda m: loss(m, x, y), model)`,
  as `tf.train` does); `tf.withgradient(loss, model, x, y)` would also differentiate the
  data (Zygote semantics), one more GEMM per first layer.
- The numpy references (benchmarks/refs.py) are hand-derived and tuned like careful numpy
  code (one GEMM per layer, channel-major im2col for the CNN, in-place ops); torch uses its
  own CPU kernels (oneDNN convolutions, a fused LSTM), so "no slower than PyTorch" compares
  against optimised C++, not against numpy.
- Importing typedflux tunes glibc's malloc thresholds for the whole process
  (typedflux/engine/alloc.py; `TYPEDFLUX_NO_MALLOC_TUNING=1` opts out), so the numpy
  reference and PyTorch, run in the same process, get the same allocator behaviour: the
  comparison stays like for like, but absolute numpy times here can be lower than in a
  process without typedflux (no page faults on large temporaries).
- Runtime shape checks: op rules and layer rules are memoised per input shape, so in a steady
  loop a check costs a dict lookup; the "timed alone" line is the verdict, the whole-step
  on/off difference is within run-to-run noise. "Memo disabled" shows what the rules would
  cost if every call re-ran them (a program whose shapes never repeat).
- Memory: traced memory still alive after a window grows by a few hundred KiB over the first
  ~1,500 steps from a cold start and then stays flat (interpreter and allocator caches; the
  count of gc-tracked Python objects does not grow); the per-window peak is the measure of
  per-step working memory.
"""


def report(cfg: Config, info: Dict[str, str], benches: List[Bench],
           extra: Dict[str, Any]) -> Tuple[str, List[Tuple[str, str, str, Optional[bool]]]]:
    lines: List[str] = []
    targets: List[Tuple[str, str, str, Optional[bool]]] = []
    lines.append("## Training steps (forward + backward + Descent update), medians\n")
    lines.append("Thread CPU time per step (see method). Quartiles: of the ratio typedflux / "
                 "reference within each repeat (adjacent blocks); the last column is the "
                 "ratio of wall-clock medians.\n")
    lines.append("| benchmark | unit | typedflux | numpy ref | torch | typedflux / ref | "
                 "torch / ref | per-repeat tf / ref: quartiles | typedflux / ref (wall) |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for b in benches:
        if b.error:
            lines.append(f"| {b.name} | ERROR | {b.error} | | | | | | |")
            targets.append((b.name, "runs and matches the reference", "error", False))
            continue
        t, r, p = b.times.get("typedflux"), b.times.get("numpy"), b.times.get("torch")
        ratio = t / r if t and r else None
        tratio = p / r if p and r else None
        wt, wr = b.wall.get("typedflux"), b.wall.get("numpy")
        wratio = f"{wt / wr:.3g}x" if wt and wr else "-"
        lines.append(f"| {b.name} | {b.unit} | {fmt(t)} | {fmt(r)} | {fmt(p)} | "
                     f"{fmt(ratio)}x | {fmt(tratio) + 'x' if tratio else '-'} | "
                     f"{'%.2f / %.2f / %.2f' % b.paired if b.paired else '-'} | {wratio} |")
        if b.target is not None and ratio is not None:
            # The verdict reads the median of the per-repeat ratios (adjacent blocks), which
            # cancels drifts of the machine's speed during a run; the ratio of the two
            # systems' medians is shown beside it (see the notes).
            est = b.paired[1] if b.paired else ratio
            targets.append((b.name, f"<= {b.target}x numpy ref",
                            f"{est:.2f}x (per-repeat median; ratio of medians {ratio:.2f}x)",
                            est <= b.target))
        if b.torch_no_slower:
            targets.append((b.name, "no slower than PyTorch",
                            f"{t / p:.2f}x torch" if t and p else "torch n/a",
                            (t <= p) if t and p else None))
        if b.target_abs is not None and t is not None:
            targets.append((b.name, f"<= {b.target_abs} {b.unit}", f"{t:.2f} {b.unit}",
                            t <= b.target_abs))
    m = extra.get("mypy")
    if {"mypy", "shapecheck", "checks"} & set(extra):
        lines.append("\n## Checker and runtime-check overhead\n")
        lines.append("| measurement | value |")
        lines.append("|---|---|")
    if m is None:
        pass
    elif isinstance(m, dict):
        lines.append(f"| mypy CPU time, plugin on ({m['files']} files, fresh cache, median of "
                     f"{m['runs']}) | {m['with']:.2f} s |")
        lines.append(f"| mypy CPU time, plain (same files and config, fresh cache) | "
                     f"{m['plain']:.2f} s |")
        lines.append(f"| plugin / plain | {m['ratio']:.2f}x |")
        targets.append(("mypy plugin overhead", "<= 1.25x plain mypy", f"{m['ratio']:.2f}x",
                        m["ratio"] <= 1.25))
    else:
        lines.append(f"| mypy | ERROR: {m} |")
        targets.append(("mypy plugin overhead", "<= 1.25x plain mypy", "error", False))
    s = extra.get("shapecheck")
    if s is None:
        pass
    elif isinstance(s, dict):
        lines.append(f"| `@tf.shapecheck` call (2 tensor args + result), plain | "
                     f"{s['plain_us']:.2f} us |")
        lines.append(f"| `@tf.shapecheck` call, checked | {s['checked_us']:.2f} us |")
        lines.append(f"| `@tf.shapecheck` overhead per call | {s['overhead_us']:.2f} us |")
    else:
        lines.append(f"| @tf.shapecheck | ERROR: {s} |")
    c = extra.get("checks")
    if c is None:
        pass
    elif isinstance(c, dict):
        lines.append(f"| MLP b32 step, shape checks on | {c['on_us']:.0f} us |")
        lines.append(f"| MLP b32 step, every shape rule a no-op | {c['off_us']:.0f} us |")
        lines.append(f"| share of shape checks in the step (memoised rules, as shipped) | "
                     f"{100 * c['share']:.1f} % |")
        lines.append(f"| layer checks of one MLP b32 step timed alone (3 Dense.check) | "
                     f"{c['direct_us']:.2f} us ({100 * c['direct_share']:.2f} % of the step) |")
        lines.append(f"| MLP b32 step, rule memo disabled (every op re-runs its rule) | "
                     f"{c['nomemo_us']:.0f} us ({100 * c['cold_share']:.1f} % in rules) |")
        # The verdict uses the checks timed alone: the on/off difference of whole steps is
        # within run-to-run noise on a shared machine (it is shown above as a cross-check).
        targets.append(("runtime shape checks", "<= 5 % of an MLP step",
                        f"{100 * c['direct_share']:.2f} % (on/off steps: "
                        f"{100 * c['share']:.1f} %)", c["direct_share"] <= 0.05))
    else:
        lines.append(f"| shape-check share | ERROR: {c} |")
        targets.append(("runtime shape checks", "<= 5 % of an MLP step", "error", False))
    mem = extra.get("memory")
    if mem is not None:
        lines.append("\n## Memory over MLP b32 training steps (tracemalloc; numpy buffers "
                     "included)\n")
    if mem is None:
        pass
    elif isinstance(mem, dict):
        w = mem["window"]
        lines.append(f"| window | peak traced | traced after | RSS after |")
        lines.append("|---|---|---|---|")
        lines.append(f"| steps 1-{w} | {mem['first_peak_kib']:.0f} KiB | "
                     f"{mem['first_current_kib']:.0f} KiB | {mem['first_rss_kib']} KiB |")
        lines.append(f"| steps {mem['steps'] - w + 1}-{mem['steps']} | "
                     f"{mem['last_peak_kib']:.0f} KiB | {mem['last_current_kib']:.0f} KiB | "
                     f"{mem['last_rss_kib']} KiB |")
        o0, o1 = mem["objects"]
        lines.append(f"\ngc-tracked Python objects before / after the {mem['steps']} steps: "
                     f"{o0} / {o1}")
        targets.append(("memory over MLP steps", f"no growth, first vs last {w} steps",
                        "grows" if mem["grows"] else "flat", not mem["grows"]))
    else:
        lines.append(f"ERROR: {mem}")
        targets.append(("memory over MLP steps", "no growth", "error", False))
    lines.append("\n## Targets\n")
    lines.append("| what | target | measured | verdict |")
    lines.append("|---|---|---|---|")
    for name, tgt, got, ok in targets:
        lines.append(f"| {name} | {tgt} | {got} | {verdict(ok)} |")
    lines.append(NOTES)
    head = [
        "# typedflux benchmarks" + (" (SMOKE RUN: numbers mean nothing)" if cfg.smoke else ""),
        "",
        f"- date: {info['date']}",
        f"- machine: {info['cpu']}, {info['cores']} cores; {info['load']}",
        f"- python {info['python']}, numpy {info['numpy']}, torch {info['torch']}",
        f"- BLAS: {info['blas']}",
        f"- command: `{info['command']}`; code: {info['code']}",
        f"- method: same process, same initial parameters and data; loss and gradients "
        f"checked against the numpy reference before timing; round-robin over systems, "
        f"{cfg.reps} repeats, medians of this thread's CPU time (time.thread_time; all systems "
        f"compute on the calling thread) so that other load on a shared machine does not "
        f"distort them; mypy timed by its CPU time (getrusage of the child); "
        + ("BLAS pinned to 1 thread" if threadpoolctl is not None
           else "BLAS pinned by environment variables only")
        + (", torch to 1 thread" if cfg.torch else ""),
        "",
    ]
    return "\n".join(head + lines).rstrip("\n") + "\n", targets


KEPT_START = "<!-- kept: benchmarks/run.py --out keeps this section -->"
KEPT_END = "<!-- /kept -->"


def _with_kept(text: str, old: str) -> str:
    """``text`` with the hand-kept section of ``old`` (between KEPT_START and KEPT_END: the
    compiled steps measured on the independent harness) put back after its title line."""
    start, end = old.find(KEPT_START), old.find(KEPT_END)
    if start < 0 or end < start:
        return text
    title, _, rest = text.partition("\n")
    return f"{title}\n\n{old[start:end + len(KEPT_END)]}\n{rest}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="everything tiny (CI)")
    ap.add_argument("--out", help="write the report (markdown) to this file")
    ap.add_argument("--no-torch", action="store_true", help="skip PyTorch even if installed")
    ap.add_argument("--code", help="describe the code measured in the report (default: the "
                                   "git commit and uncommitted library files)")
    ap.add_argument("--only", help="comma-separated subset: mlp,cnn,chain,lstm,mypy,"
                                   "shapecheck,checks,memory")
    args = ap.parse_args(argv)
    cfg = Config.make(args.smoke, torch is not None and not args.no_torch)
    only = set(args.only.split(",")) if args.only else None

    def want(k: str) -> bool:
        return only is None or k in only

    limiter = threadpoolctl.threadpool_limits(1) if threadpoolctl is not None else None
    if cfg.torch:
        torch.set_num_threads(1)
        torch.manual_seed(0)
    info = machine_info(cfg)
    if args.code:
        info["code"] = args.code
    benches: List[Bench] = []
    makers: List[Tuple[str, str, Callable[[], Bench]]] = [
        ("mlp", "MLP b32", lambda: bench_mlp(cfg, 32)),
        ("mlp", "MLP b256", lambda: bench_mlp(cfg, 256)),
        ("cnn", "CNN b64", lambda: bench_cnn(cfg)),
        ("chain", "chain of 200 ops", lambda: bench_chain(cfg)),
        ("lstm", "LSTM", lambda: bench_lstm(cfg)),
    ]
    for key, name, make in makers:
        if want(key):
            print(f"... {name}", file=sys.stderr, flush=True)
            benches.append(run_bench(make, cfg, name))
    extra: Dict[str, Any] = {}
    for key, fn in (("mypy", bench_mypy), ("shapecheck", bench_shapecheck),
                    ("checks", bench_check_share), ("memory", bench_memory)):
        if want(key):
            print(f"... {key}", file=sys.stderr, flush=True)
            try:
                extra[key] = fn(cfg)
            except Exception as e:
                extra[key] = f"{type(e).__name__}: {e}".splitlines()[0][:200]
    if limiter is not None:
        limiter.restore_original_limits()
    text, targets = report(cfg, info, benches, extra)
    print(text)
    if args.out:
        out = Path(args.out)
        out.write_text(_with_kept(text, out.read_text() if out.exists() else ""))
    failed = any(b.error for b in benches) or any(isinstance(v, str) for v in extra.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
