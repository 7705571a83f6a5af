"""Why jax jit beats every numpy program on the MLP: the step's GEMMs alone, numpy against jax.

The MLP 784-256-128-10 training step (issue 16's harness workload) makes eight GEMMs: three
forward, three weight gradients, two input gradients (the data needs none). This times
those eight, with the same shapes and orientations as the hand-written numpy reference
(``x @ W1``, ``h1.T @ d2``, ...), once through numpy (``np.matmul`` into preallocated
outputs: the BLAS numpy ships, nothing else) and once as one ``jax.jit`` function of the
same eight products (XLA), next to jax's whole jitted training step (value_and_grad of the
same loss + the SGD update, as the harness writes it) and numpy's whole hand-written step.
If numpy's eight GEMMs alone take longer than jax's whole step, no program that computes
with numpy's BLAS (the numpy reference, typedflux eager or compiled) can be level with jax.

One thread everywhere, set as the harness sets it: the BLAS and OpenMP variables before
numpy is imported, and the XLA CPU client created while the process's CPU affinity is
narrowed to one CPU (what sizes XLA's thread pool). ``OPENBLAS_CORETYPE`` is left as found
and printed (on the benchmark machine it pins OpenBLAS to its Haswell, AVX2 kernels).
Wall-clock time (XLA computes on its own threads), median of blocks, the variants
interleaved in shuffled rounds.

Usage (needs ``jax``, which typedflux does not depend on; without it only numpy's columns are
printed)::

    python benchmarks/gemm_floor.py [--rounds 15] [--batches 32,256] [--smoke]

``--smoke``: one short round at batch 32, to show the script runs (tests/test_benchmarks_smoke.py
runs it); its timings mean nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any, Callable, Dict, List

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault(
    "XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import numpy as np  # noqa: E402

Array = Any


def _jax() -> Any:
    # The XLA client made while this process may run on one CPU only (its thread pool is
    # sized from the affinity mask), then the mask is given back.
    import jax

    jax.config.update("jax_platforms", "cpu")
    full = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {full[0]})
    try:
        jax.jit(lambda a: a + 1)(jax.numpy.ones(2)).block_until_ready()
    finally:
        os.sched_setaffinity(0, set(full))
    return jax


def _data(batch: int) -> Dict[str, Array]:
    r = np.random.default_rng(0)

    def f(*shape: int) -> Array:
        return (r.standard_normal(shape) * 0.05).astype(np.float32)

    return {"x": f(batch, 784), "y": r.integers(0, 10, batch),
            "W1": f(784, 256), "b1": f(256), "W2": f(256, 128), "b2": f(128),
            "W3": f(128, 10), "b3": f(10),
            # activations and gradients of the right shapes for the GEMMs alone
            "h1": f(batch, 256), "h2": f(batch, 128), "d3": f(batch, 10),
            "d2": f(batch, 128), "d1": f(batch, 256)}


_GEMMS = [  # (left, right, transpose left, transpose right): the reference's eight GEMMs
    ("x", "W1", False, False), ("h1", "W2", False, False), ("h2", "W3", False, False),
    ("h2", "d3", True, False), ("d3", "W3", False, True),
    ("h1", "d2", True, False), ("d2", "W2", False, True),
    ("x", "d1", True, False),
]


def numpy_gemms(D: Dict[str, Array]) -> Callable[[], None]:
    """The eight GEMMs through numpy's matmul into preallocated outputs."""
    ops = []
    for a, b, ta, tb in _GEMMS:
        left = D[a].T if ta else D[a]
        right = D[b].T if tb else D[b]
        ops.append((left, right, np.empty((left.shape[0], right.shape[1]), np.float32)))
    mm = np.matmul

    def run() -> None:
        for left, right, out in ops:
            mm(left, right, out=out)

    return run


def numpy_step(D: Dict[str, Array]) -> Callable[[], None]:
    """The whole step written by hand in numpy (the harness reference's MLP step)."""
    P = {k: D[k].copy() for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
    x, y = D["x"], D["y"]
    n = x.shape[0]
    ar = np.arange(n)

    def run() -> None:
        h1 = x @ P["W1"]
        h1 += P["b1"]
        np.maximum(h1, 0, out=h1)
        h2 = h1 @ P["W2"]
        h2 += P["b2"]
        np.maximum(h2, 0, out=h2)
        lg = h2 @ P["W3"]
        lg += P["b3"]
        e = lg - lg.max(axis=1, keepdims=True)
        np.exp(e, out=e)
        e /= e.sum(axis=1, keepdims=True)
        e[ar, y] -= 1
        e *= 1.0 / n
        g = {"W3": h2.T @ e, "b3": e.sum(axis=0)}
        dh = e @ P["W3"].T
        dh *= h2 > 0
        g["W2"], g["b2"] = h1.T @ dh, dh.sum(axis=0)
        dh = dh @ P["W2"].T
        dh *= h1 > 0
        g["W1"], g["b1"] = x.T @ dh, dh.sum(axis=0)
        for k, v in g.items():
            v *= 0.01
            P[k] -= v

    return run


def jax_gemms(jax: Any, D: Dict[str, Array]) -> Callable[[], None]:
    """The same eight products as one jitted function (all eight returned, none fused away)."""
    jnp = jax.numpy
    J = {k: jnp.asarray(v) for k, v in D.items()}

    def eight(J: Dict[str, Any]) -> Any:
        out = []
        for a, b, ta, tb in _GEMMS:
            left = J[a].T if ta else J[a]
            right = J[b].T if tb else J[b]
            out.append(left @ right)
        return out

    f = jax.jit(eight)

    def run() -> None:
        jax.block_until_ready(f(J))

    return run


def jax_step(jax: Any, D: Dict[str, Array]) -> Callable[[], None]:
    """jax's whole training step as the harness writes it (value_and_grad + SGD, one jit)."""
    jnp = jax.numpy
    P = {k: jnp.asarray(D[k]) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
    x, y = jnp.asarray(D["x"]), jnp.asarray(D["y"])

    def loss(P: Dict[str, Any]) -> Any:
        h = jax.nn.relu(x @ P["W1"] + P["b1"])
        h = jax.nn.relu(h @ P["W2"] + P["b2"])
        logp = jax.nn.log_softmax(h @ P["W3"] + P["b3"], axis=1)
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))

    @jax.jit
    def step(P: Dict[str, Any]) -> Any:
        g = jax.grad(loss)(P)
        return jax.tree_util.tree_map(lambda p, q: p - 0.01 * q, P, g)

    state = [P]

    def run() -> None:
        state[0] = step(state[0])
        jax.block_until_ready(state[0])

    return run


def measure(runs: Dict[str, Callable[[], None]], rounds: int, block: float = 0.05
            ) -> Dict[str, float]:
    """Median wall time per call (seconds), over blocks of calls, in shuffled rounds."""
    for f in runs.values():
        for _ in range(5):
            f()
    times: Dict[str, List[float]] = {k: [] for k in runs}
    order = list(runs)
    rng = np.random.default_rng(0)
    for _ in range(rounds):
        rng.shuffle(order)
        for k in order:
            f = runs[k]
            f()
            n, t0 = 0, time.perf_counter()
            while time.perf_counter() - t0 < block:
                f()
                n += 1
            times[k].append((time.perf_counter() - t0) / n)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--batches", default="32,256")
    p.add_argument("--smoke", action="store_true", help="one short round at batch 32")
    args = p.parse_args()
    rounds, batches, block = args.rounds, args.batches, 0.05
    if args.smoke:
        rounds, batches, block = 1, "32", 0.002
    try:
        jax: Any = _jax()
    except ImportError:
        jax = None
        print("jax is not installed: numpy's columns only")
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:  # (then the variables set above are what holds BLAS to one thread)
        blas: Any = "threadpoolctl not installed"
    else:
        threadpool_limits(1)
        blas = [(i.get("internal_api"), i.get("version"), i.get("architecture"),
                 i.get("num_threads")) for i in threadpool_info()]
    print(f"numpy {np.__version__}, jax {jax.__version__ if jax else None}; BLAS {blas}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE')}; "
          f"load {os.getloadavg()[0]:.2f}")
    print("| batch | numpy: 8 GEMMs | numpy: whole step | jax jit: 8 GEMMs | jax jit: whole step "
          "| numpy GEMMs / jax step |")
    print("|---|---|---|---|---|---|")
    for b in (int(v) for v in batches.split(",")):
        D = _data(b)
        runs = {"np_gemms": numpy_gemms(D), "np_step": numpy_step(D)}
        if jax is not None:
            runs.update(jax_gemms=jax_gemms(jax, D), jax_step=jax_step(jax, D))
        t = measure(runs, rounds, block)
        us = {k: f"{v * 1e6:.0f} us" for k, v in t.items()}
        ratio = f"{t['np_gemms'] / t['jax_step']:.2f}" if jax is not None else "n/a"
        print(f"| {b} | {us['np_gemms']} | {us['np_step']} | {us.get('jax_gemms', 'n/a')} | "
              f"{us.get('jax_step', 'n/a')} | {ratio} |")
    print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
