"""The catalog holds exactly the specs other engineers bind to: names, args, public names."""

from __future__ import annotations

import inspect
from typing import Any, Dict, Tuple

import pytest

import typedflux.shapes  # noqa: F401  (registers every rule)
from typedflux.shapes.catalog import SPECS, Kind

T, TS, DIMS, DIM, AXIS, AXES, INT, BOOL, INDEX, IGN, STATIC, SIZES = (
    Kind.TENSOR, Kind.TENSORS, Kind.DIMS, Kind.DIM, Kind.AXIS, Kind.AXES, Kind.INT, Kind.BOOL,
    Kind.INDEX, Kind.IGNORED, Kind.STATIC, Kind.SIZES)
REQ = object()  # marks a parameter with no default

# The signatures agreed for these ops (the plugin's and the runtime's contract): changing a row
# changes the public API. A new op needs no row: the tests below and the registry-driven ones
# (tests/ops/test_registry.py: real signatures against the spec) cover every spec.
# name: (args as (name, kind, default)), functions, methods, reflected, properties, prim, diff
Row = Tuple[Tuple[Tuple[str, Kind, Any], ...], Tuple[str, ...], Tuple[str, ...],
            Tuple[str, ...], Tuple[str, ...], bool, bool]
XY = (("x", T, REQ), ("y", T, REQ))
X = (("x", T, REQ),)
RED = (("x", T, REQ), ("axis", AXIS, None), ("keepdims", BOOL, False))
TABLE: Dict[str, Row] = {
    "add": (XY, (), ("__add__",), ("__radd__",), (), True, True),
    "sub": (XY, (), ("__sub__",), ("__rsub__",), (), True, True),
    "mul": (XY, (), ("__mul__",), ("__rmul__",), (), True, True),
    "div": (XY, (), ("__truediv__",), ("__rtruediv__",), (), True, True),
    "pow": (XY, (), ("__pow__",), ("__rpow__",), (), True, True),
    "maximum": (XY, ("maximum",), (), (), (), True, True),
    "minimum": (XY, ("minimum",), (), (), (), True, True),
    **{c: (XY, (), (f"__{c}__",), (), (), True, False)
       for c in ("eq", "ne", "lt", "le", "gt", "ge")},
    "where": ((("cond", T, REQ),) + XY, ("where",), (), (), (), True, True),
    "neg": (X, (), ("__neg__",), (), (), True, True),
    **{u: (X, (u,), (u,), (), (), True, True)
       for u in ("exp", "log", "sqrt", "tanh", "sigmoid", "relu", "sin", "cos")},
    **{u: (X, (u,), (), (), (), True, True) for u in ("gelu", "swish", "softplus")},
    "abs": (X, ("abs",), ("__abs__", "abs"), (), (), True, True),
    "leakyrelu": (X + (("a", IGN, 0.01),), ("leakyrelu",), (), (), (), True, True),
    "elu": (X + (("alpha", IGN, 1.0),), ("elu",), (), (), (), True, True),
    "matmul": ((("x", T, REQ), ("w", T, REQ)), ("matmul",), ("__matmul__",), ("__rmatmul__",),
               (), True, True),
    "sum": (RED, ("sum",), ("sum",), (), (), True, True),
    "max": (RED, ("max",), ("max",), (), (), True, True),
    "min": (RED, ("min",), ("min",), (), (), True, True),
    "mean": (RED, ("mean",), ("mean",), (), (), False, True),
    "clamp": (X + (("min", IGN, None), ("max", IGN, None)), ("clamp",), ("clamp",), (), (), True, True),
    "var": (RED + (("correction", IGN, 1),), ("var",), ("var",), (), (), True, True),
    "std": (RED + (("correction", IGN, 1),), ("std",), ("std",), (), (), False, True),
    "argmax": (RED, ("argmax",), ("argmax",), (), (), True, False),
    "argmin": (RED, ("argmin",), ("argmin",), (), (), True, False),
    "cumsum": (X + (("axis", INT, REQ),), ("cumsum",), ("cumsum",), (), (), True, True),
    "tril": (X + (("k", IGN, 0),), ("tril",), ("tril",), (), (), True, True),
    "triu": (X + (("k", IGN, 0),), ("triu",), ("triu",), (), (), True, True),
    "split": (X + (("sizes", DIMS, REQ), ("axis", INT, -1)), ("split",), ("split",), (), (), False, True),
    "chunk": (X + (("chunks", INT, REQ), ("axis", INT, -1)), ("chunk",), ("chunk",), (), (), False, True),
    "tile": (X + (("reps", DIMS, REQ),), ("tile",), ("tile",), (), (), True, True),
    "repeat": (X + (("counts", DIMS, REQ),), ("repeat",), ("repeat",), (), (), False, True),
    "repeat_interleave": (X + (("repeats", DIM, REQ), ("axis", AXIS, None)),
                          ("repeat_interleave",), ("repeat_interleave",), (), (), True, True),
    "pad": (X + (("widths", STATIC, REQ), ("mode", STATIC, "constant"), ("value", IGN, 0.0)),
            ("pad",), (), (), (), True, True),
    "take_along_axis": ((("x", T, REQ), ("indices", T, REQ), ("axis", INT, REQ)),
                        ("take_along_axis",), (), (), (), True, True),
    "gather": ((("x", T, REQ), ("axis", INT, REQ), ("index", T, REQ)), ("gather",), ("gather",), (), (),
               False, True),
    "einsum": ((("subscripts", STATIC, REQ), ("xs", TS, REQ)), ("einsum",), (), (), (), True, True),
    "rearrange": (X + (("pattern", STATIC, REQ), ("sizes", SIZES, ())), ("rearrange",), (), (),
                  (), True, True),
    "reduce": (X + (("pattern", STATIC, REQ), ("reduction", STATIC, REQ), ("sizes", SIZES, ())),
               ("reduce",), (), (), (), False, True),
    "reshape": (X + (("shape", DIMS, REQ),), ("reshape",), ("reshape",), (), (), True, True),
    "transpose": (X + (("axes", AXES, ()),), ("transpose",), ("transpose",), (), (), True, True),
    "T": (X, (), (), (), ("T",), False, True),
    "swapaxes": (X + (("axis1", INT, REQ), ("axis2", INT, REQ)), ("swapaxes",), ("swapaxes",),
                 (), (), False, True),
    "squeeze": (X + (("axis", AXIS, None),), ("squeeze",), ("squeeze",), (), (), False, True),
    "unsqueeze": (X + (("axis", INT, REQ),), ("unsqueeze",), ("unsqueeze",), (), (), False, True),
    "flatten": (X, ("flatten",), (), (), (), False, True),
    "getitem": (X + (("key", INDEX, REQ),), (), ("__getitem__",), (), (), True, True),
    "concat": ((("xs", TS, REQ), ("axis", INT, -1)), ("concat",), (), (), (), True, True),
    "stack": ((("xs", TS, REQ), ("axis", INT, 0)), ("stack",), (), (), (), True, True),
    "cat": ((("xs", TS, REQ), ("axis", INT, -1)), ("cat",), (), (), (), False, True),
    "add_n": ((("xs", TS, REQ),), ("add",), (), (), (), False, True),
    "mul_n": ((("xs", TS, REQ),), ("mul",), (), (), (), False, True),
    "softmax": (X + (("axis", INT, -1),), ("softmax",), ("softmax",), (), (), True, True),
    "logsoftmax": (X + (("axis", INT, -1),), ("logsoftmax",), ("logsoftmax",), (), (), True, True),
    "logsumexp": (RED, ("logsumexp",), (), (), (), True, True),
    **{c: ((("shape", DIMS, REQ), ("dtype", IGN, None)), (c,), (), (), (), False, False)
       for c in ("zeros", "ones", "randn", "rand")},
    "full": ((("shape", DIMS, REQ), ("value", IGN, REQ), ("dtype", IGN, None)), ("full",), (),
             (), (), False, False),
    "arange": ((("start", DIM, REQ), ("stop", DIM, None), ("step", DIM, 1)), ("arange",), (),
               (), (), False, False),
}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_spec_matches_the_agreed_table(name: str) -> None:
    args, functions, methods, reflected, properties, prim, diff = TABLE[name]
    s = SPECS[name]
    got = tuple((a.name, a.kind, REQ if a.required else a.default) for a in s.args)
    assert got == args
    assert (s.functions, s.methods, s.reflected, s.properties) == (
        functions, methods, reflected, properties)
    assert (s.primitive, s.differentiable) == (prim, diff)
    assert s.several == (name in ("split", "chunk"))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_rule_accepts_the_shape_relevant_args_by_name(name: str) -> None:
    s = SPECS[name]
    params = inspect.signature(s.rule).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    for arg in s.args:
        if arg.kind is not Kind.IGNORED:
            assert arg.name in params or takes_any, (name, arg.name)
    assert s.doc, name


def test_no_public_name_is_claimed_twice() -> None:
    seen: Dict[Tuple[str, str], str] = {}
    for name, s in SPECS.items():
        for kind, names in (("function", s.functions), ("method", s.methods),
                            ("reflected", s.reflected), ("property", s.properties)):
            for public in names:
                assert (kind, public) not in seen, (public, seen.get((kind, public)), name)
                seen[(kind, public)] = name
