"""Profile one benchmark's typedflux training step with cProfile: where the time goes, in
microseconds per step, by function (file:function).

Usage (from the repository root)::

    python benchmarks/profile_steps.py mlp32 [--steps 300] [--top 25] [--system numpy]

Benchmarks: mlp32, mlp256, cnn, chain, lstm (the same setups as run.py, checked against
the numpy reference first). cProfile adds a roughly constant cost per Python call, so
Python-heavy functions look dearer than they are; compare with run.py's timings.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from typing import Callable, Dict

import run

MAKERS: Dict[str, Callable[[run.Config], run.Bench]] = {
    "mlp32": lambda cfg: run.bench_mlp(cfg, 32),
    "mlp256": lambda cfg: run.bench_mlp(cfg, 256),
    "cnn": run.bench_cnn,
    "chain": run.bench_chain,
    "lstm": run.bench_lstm,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench", choices=sorted(MAKERS))
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--system", default="typedflux", choices=["typedflux", "numpy", "torch"])
    args = ap.parse_args()
    cfg = run.Config.make(False, args.system == "torch" and run.torch is not None)
    limiter = run.threadpoolctl.threadpool_limits(1) if run.threadpoolctl else None
    if cfg.torch:
        run.torch.set_num_threads(1)
    step = MAKERS[args.bench](cfg).systems[args.system]
    for _ in range(20):
        step()
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(args.steps):
        step()
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{args.bench} ({args.system}): {total / args.steps * 1e6:.0f} us/step under "
          f"cProfile, {args.steps} steps")
    print(f"{'tottime us/step':>16} {'cumtime us/step':>16} {'calls/step':>10}  function")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])  # type: ignore[attr-defined]
    for (path, line, fn), (_, ncalls, tt, ct, _) in rows[: args.top]:
        where = f"{path.split('/typedflux/')[-1] if '/typedflux/' in path else path}:{line}"
        print(f"{tt / args.steps * 1e6:16.1f} {ct / args.steps * 1e6:16.1f} "
              f"{ncalls / args.steps:10.1f}  {where}({fn})")
    if limiter is not None:
        limiter.restore_original_limits()
    return 0


if __name__ == "__main__":
    sys.exit(main())
