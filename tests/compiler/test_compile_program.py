"""The generated program's own rewrites: a Python number next to a float array is passed as a
0-d array of that array's dtype (what NEP 50 casts it to), never changing a result."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

from typedflux.compiler.program import Program
from typedflux.compiler.record import Recorder


def _program(fn: Any, x: np.ndarray[Any, Any]) -> Program:
    rec = Recorder()
    with rec:
        xi = rec.input(x, "x")
        out = fn(xi)
    return Program(rec, [xi.ref], [out.ref])


def _constants(prog: Program) -> List[Any]:
    # The replay function's closure cells named k<n>, in order.
    code, cells = prog.replay.__code__, prog.replay.__closure__ or ()
    named = dict(zip(code.co_freevars, (c.cell_contents for c in cells)))
    return [named[k] for k in sorted(n for n in named if n.startswith("k"))]


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_numbers_next_to_float_arrays_become_arrays_of_their_dtype(dtype: Any) -> None:
    def f(x: Any) -> Any:
        # (minimum: a maximum with 0 reads a zeros array instead, test_compile_peephole.py)
        return np.minimum(x * 0.1 - 3, 0) + np.greater(x, 2) * (1.0 / 3.0) + 7 / x

    x = np.linspace(-5.0, 9.0, 12).astype(dtype)
    prog = _program(f, x)
    consts = _constants(prog)
    # (1/3 multiplies a bool array: numpy makes that float64, so it stays a number.)
    assert consts[4] == 1.0 / 3.0
    del consts[4]
    assert len(consts) == 5 and all(type(c) is np.ndarray and c.dtype == dtype and c.ndim == 0
                                    for c in consts)
    for probe in (x, x[::-1].copy(), np.full(12, np.nan, dtype)):
        with np.errstate(all="ignore"):
            want = f(probe)
            got = prog.replay(probe)[0]
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()


def test_numbers_outside_the_dtype_stay_numbers() -> None:
    x = np.ones(3, np.float16)
    with np.errstate(over="ignore"):  # (numpy's own warning: 1e6 is inf in float16)
        prog = _program(lambda a: np.minimum(a, 1e6), x)
    assert _constants(prog) == [1e6]
    with np.errstate(all="ignore"):
        assert prog.replay(x)[0].tobytes() == np.minimum(x, 1e6).tobytes()
