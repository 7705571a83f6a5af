"""Every hint is checked by applying it: each buggy program below gets one ``[shape]`` error
whose hint ("change A to B", "change A to B and C to D" for a layer and the norms after it, alternatives joined by ", or "
for a residual block that does not say which side is wrong,
"insert Flatten() before A", or the projection shortcut for a downsampling block) is applied
to the source; the fixed program must type-check clean with the plugin and run. The buggy
program raises the same words at run time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import typedflux as tf
from mypy_run import Report, run_mypy

HEADER = """\
import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, Dense, Embedding, Flatten, GlobalMeanPool, LSTM,
                       LayerNorm, MaxPool, Parallel, SkipConnection, gelu, relu)
"""

PROGRAMS: Dict[str, str] = {
    "design": "model = Chain(Dense(784, 32, relu), Dense(64, 10))\n",
    "gpt_mlp": (
        "mlp = SkipConnection(Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(32, 128)), tf.add)\n"
        "y = mlp(tf.zeros(2, 5, 32))\n"
    ),
    "gpt_norm": (
        "mlp = SkipConnection(Chain(LayerNorm(256), Dense(64, 256, gelu), Dense(256, 64)), tf.add)\n"
        "y = mlp(tf.zeros(2, 5, 64))\n"
    ),
    "residual_width": (
        "block = SkipConnection(Chain(Dense(64, 256, relu), Dense(256, 32)), tf.add)\n"
        "y = block(tf.zeros(3, 64))\n"
    ),
    "cnn_flatten": (
        "model = Chain(Conv((3, 3), 1, 8, relu), MaxPool((2, 2)), Flatten(), Dense(1568, 10))\n"
        "y = model(tf.zeros(2, 1, 28, 28))\n"
    ),
    "batchnorm": (
        "model = Chain(Conv((3, 3), 3, 16, relu), BatchNorm(8))\n"
        "y = model(tf.zeros(2, 3, 8, 8))\n"
    ),
    "lstm": (
        "model = Chain(Embedding(100, 16), LSTM(8, 32))\n"
        "y = model(tf.zeros(2, 7, dtype=tf.int64))\n"
    ),
    "skip_cat": (
        "model = Chain(Dense(8, 8), SkipConnection(Dense(8, 4), tf.cat), Dense(8, 2))\n"
        "y = model(tf.zeros(3, 8))\n"
    ),
    "nested": (
        "model = Chain(Chain(Dense(4, 8), Dense(8, 3)), Dense(5, 1))\n"
        "y = model(tf.zeros(2, 4))\n"
    ),
    "pool_no_flatten": (
        "model = Chain(Conv((3, 3), 3, 64, relu), GlobalMeanPool(), Dense(64, 10))\n"
    ),
    "cnn_no_flatten": (
        "model = Chain(Conv((3, 3), 1, 8, relu), MaxPool((2, 2)), Dense(1352, 10))\n"
        "y = model(tf.zeros(2, 1, 28, 28))\n"
    ),
    "inverted_residual": (
        "block = SkipConnection(Chain(Conv((1, 1), 16, 96), BatchNorm(96, relu),\n"
        "                             Conv((3, 3), 96, 96, pad=1, groups=96), BatchNorm(96, relu),\n"
        "                             Conv((1, 1), 96, 96), BatchNorm(96)), tf.add)\n"
        "y = block(tf.zeros(2, 16, 8, 8))\n"
    ),
    "resnet_down": (
        "main = Chain(Conv((3, 3), 64, 128, stride=2, pad=1), BatchNorm(128, relu),\n"
        "             Conv((3, 3), 128, 128, pad=1), BatchNorm(128))\n"
        "block = SkipConnection(main, tf.add)\n"
        "y = block(tf.zeros(2, 64, 16, 16))\n"
    ),
    # A SkipConnection whose main path's FIRST layer takes the wrong width (the mutation fuzz's
    # forms: redteam 2026-12-07 07:48): built alone the block does not say which side is wrong,
    # so the hint names both; the layer before it (8, 16, 4 wide) says it is the second.
    "skip_first_layer": (
        "model = Chain(Dense(16, 8, gelu), SkipConnection(Chain(Dense(11, 8, tf.tanh)), tf.add))\n"
        "y = model(tf.zeros(3, 16))\n"
    ),
    "skip_first_of_two": (
        "model = Chain(relu, SkipConnection(Chain(Dense(19, 4, tf.tanh), Dense(4, 16)), tf.add))\n"
        "y = model(tf.zeros(2, 5, 16))\n"
    ),
    "skip_first_nested": (
        "model = Chain(LayerNorm(8), lambda h: h[..., :4], SkipConnection(Chain(Dense(7, 12, tf.tanh), "
        "Chain(Dense(12, 24, tf.tanh), tf.identity), Dense(24, 4)), tf.add))\n"
        "y = model(tf.zeros(3, 8))\n"
    ),
    "skip_first_conv": (
        "model = Chain(Conv((3, 3), 3, 16, pad=1), SkipConnection(Chain(\n"
        "    Conv((1, 1), 19, 8), BatchNorm(8, relu), Conv((3, 3), 8, 16, pad=1)), tf.add))\n"
        "y = model(tf.zeros(2, 3, 8, 8))\n"
    ),
    # The same with a Parallel first in the main path (fuzz f2_27, f5_6: redteam 2026-12-07
    # 10:46): the first-input fix is the one branch's layer that takes the input's width (the
    # other branch, a mean, takes any width).
    "skip_parallel_first": (
        "model = Chain(Dense(16, 8, relu), SkipConnection(Chain(Parallel(tf.add, Dense(11, 4), "
        "tf.mean), Dense(4, 8)), tf.add))\n"
        "y = model(tf.zeros(3, 16))\n"
    ),
    "skip_parallel_first_nested": (
        "model = Chain(LayerNorm(8), SkipConnection(Chain(Parallel(tf.add, Chain(Dense(11, 16, "
        "tf.tanh)), tf.mean), Dense(16, 8)), tf.add))\n"
        "y = model(tf.zeros(3, 8))\n"
    ),
}

# Which of a hint's alternatives (", or ...") the program's context asks for: 0 unless named.
ALTERNATIVE: Dict[str, int] = {
    "skip_first_layer": 1, "skip_first_of_two": 1, "skip_first_nested": 1, "skip_first_conv": 1,
    "skip_parallel_first": 1, "skip_parallel_first_nested": 1,
}


def _source(text: str) -> str:
    """A Flux-style repr as constructor source: ``Dense(64 => 10)`` -> ``Dense(64, 10)``,
    ``Dense(11 => 8, tanh)`` -> ``Dense(11, 8, tf.tanh)``."""
    return text.replace(" => ", ", ").replace(", tanh)", ", tf.tanh)")


def _apply(program: str, message: str, alternative: int = 0) -> str:
    m = re.search(r"project the shortcut: Parallel\(add, <the layer>, (.*)\)$", message)
    if m:
        call = re.search(r"SkipConnection\((\w+), tf\.add\)", program)
        assert call, program
        return program.replace(
            call.group(0), f"Parallel(tf.add, {call.group(1)}, {_source(m.group(1))})")
    m = re.search(r"; insert Flatten\(\) before (.*)$", message)
    if m:
        old = _source(m.group(1))
        assert program.count(old) == 1, (old, program)
        return program.replace(old, f"Flatten(), {old}")
    m = re.search(r"; change (.*)$", message)
    assert m, f"no hint in: {message}"
    # Alternatives joined by ", or "; each one change, or several joined by " and " (a layer
    # and the norms after it).
    alternatives = m.group(1).split(", or ")
    chosen = alternatives[alternative]
    if chosen.startswith("to "):  # (the same layer as the first: ", or to Y")
        chosen = alternatives[0].split(" to ")[0] + " " + chosen
    for change in chosen.split(" and "):
        old, new = (_source(t) for t in change.split(" to "))
        assert program.count(old) == 1, (old, program)
        program = program.replace(old, new)
    return program


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Tuple[Dict[str, str], Dict[str, List[Report]]]:
    tmp = tmp_path_factory.mktemp("hints")
    for name, body in PROGRAMS.items():
        (tmp / f"bug_{name}.py").write_text(HEADER + body)
    bugs = run_mypy([f"bug_{n}.py" for n in PROGRAMS], tmp)
    messages: Dict[str, str] = {}
    for r in bugs:
        if r.kind == "error":
            name = r.file[len("bug_"):-len(".py")]
            assert name not in messages, f"more than one error in {name}: {r}"
            messages[name] = r.text
            assert r.code == "shape", r
    fixed: Dict[str, str] = {}
    for name, body in PROGRAMS.items():
        assert name in messages, f"no error reported for {name}"
        fixed[name] = _apply(HEADER + body, messages[name], ALTERNATIVE.get(name, 0))
        (tmp / f"fix_{name}.py").write_text(fixed[name])
    after: Dict[str, List[Report]] = {n: [] for n in PROGRAMS}
    for r in run_mypy([f"fix_{n}.py" for n in PROGRAMS], tmp):
        after[r.file[len("fix_"):-len(".py")]].append(r)
    return messages, {"fixed": fixed, **after}  # type: ignore[dict-item]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_hint_names_a_fix_that_composes(
    name: str, checked: Tuple[Dict[str, str], Dict[str, object]]
) -> None:
    messages, results = checked
    assert results[name] == [], f"{name} still fails after the hint: {results[name]}"
    fixed = results["fixed"][name]  # type: ignore[index]
    exec(compile(fixed, f"fix_{name}.py", "exec"), {})  # noqa: S102 - our own programs
    with pytest.raises(tf.ShapeError) as info:
        exec(compile(HEADER + PROGRAMS[name], f"bug_{name}.py", "exec"), {})  # noqa: S102
    static = messages[name]
    runtime = info.value.message
    # At module level the static and runtime words are the same (Tensor[B, ...] when the
    # error is found where the model is built, concrete sizes where it is called).
    assert runtime == static, (runtime, static)


def test_hints_read_as_expected(checked: Tuple[Dict[str, str], Dict[str, object]]) -> None:
    messages, _ = checked
    assert messages["design"].endswith("; change Dense(64 => 10) to Dense(32 => 10)")
    assert messages["gpt_mlp"].endswith("; change Dense(32 => 128) to Dense(128 => 32)")
    assert messages["gpt_norm"].endswith(
        "; change LayerNorm(256) to LayerNorm(64), or Dense(64 => 256, gelu) to "
        "Dense(256 => 256, gelu)")
    assert messages["pool_no_flatten"].endswith("; insert Flatten() before Dense(64 => 10)")
    assert messages["inverted_residual"].endswith(
        "; change Conv((1, 1), 96 => 96) to Conv((1, 1), 96 => 16) and BatchNorm(96) to "
        "BatchNorm(16), or Conv((1, 1), 16 => 96) to Conv((1, 1), 96 => 96)")
    assert messages["resnet_down"].endswith(
        "project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 64 => 128, stride=2))")
    assert messages["skip_first_layer"].endswith(
        "; change Dense(11 => 8, tanh) to Dense(11 => 11, tanh), or to Dense(8 => 8, tanh)")
    assert messages["skip_first_of_two"].endswith(
        "; change Dense(4 => 16) to Dense(4 => 19), or Dense(19 => 4, tanh) to "
        "Dense(16 => 4, tanh)")
    assert messages["skip_parallel_first"].endswith(
        "; change Dense(4 => 8) to Dense(4 => 11), or Dense(11 => 4) to Dense(8 => 4)")
    assert messages["skip_parallel_first_nested"].endswith(
        "; change Dense(16 => 8) to Dense(16 => 11), or Dense(11 => 16, tanh) to "
        "Dense(8 => 16, tanh)")


def test_each_alternative_of_a_skip_hint_composes_alone() -> None:
    # Built alone, either side of the block may be the wrong one: applied to the block alone,
    # each alternative builds and runs on the width it keeps (19 or 16).
    bug = "SkipConnection(Chain(Dense(19, 4, tf.tanh), Dense(4, 16)), tf.add)"
    with pytest.raises(tf.ShapeError) as info:
        eval(bug, {"tf": tf, **vars(tf)})  # noqa: S307 - our own program
    alternatives = info.value.message.split("; change ")[-1].split(", or ")
    assert len(alternatives) == 2, alternatives
    for text, width in zip(alternatives, (19, 16)):
        old, new = (_source(t) for t in text.split(" to "))
        block = eval(bug.replace(old, new), {"tf": tf, **vars(tf)})  # noqa: S307
        assert block(tf.zeros(2, width)).shape == (2, width)


def test_no_first_layer_fix_when_a_sibling_branch_takes_the_same_width() -> None:
    # Both branches of the Parallel take 11: changing one of them alone cannot compose, so
    # only the last layer's fix (giving 11 back) is offered.
    with pytest.raises(tf.ShapeError) as info:
        tf.SkipConnection(tf.Chain(tf.Parallel(tf.add, tf.Dense(11, 4), tf.Dense(11, 4)),
                                   tf.Dense(4, 8)), tf.add)
    assert info.value.message.endswith("; change Dense(4 => 8) to Dense(4 => 11)")


def test_no_hint_when_nothing_composes() -> None:
    # The layer before is a norm of the wrong size and what follows needs yet another size:
    # no single change composes, so no hint is offered.
    with pytest.raises(tf.ShapeError) as info:
        tf.Chain(tf.Dense(16, 8), tf.Dense(4, 3), tf.Dense(5, 2))
    assert "; change" not in info.value.message
