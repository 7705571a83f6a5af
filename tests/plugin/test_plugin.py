"""The plugin as a whole: failures become notes, own error codes, routing, cache key, no
false alarms on correct code. One in-process mypy run serves every test in this module."""

from __future__ import annotations

import importlib
import textwrap
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
from mypy import api

import mypy_plugin

# The plugin's own view of the op table (it may hold a private copy of typedflux.shapes,
# see mypy_plugin/_shapes_import.py): patch and inspect that one.
from mypy_plugin.routing import ROUTES, SPECS, TENSOR_FULLNAME, OpSpec, specs_digest

ROOT = Path(__file__).resolve().parents[2]

SNIPPETS: Dict[str, str] = {
    # A rule that blows up must become a note; mypy carries on with the unrefined type.
    "internal_failure": """
        import typedflux as tf
        y = tf.softplus(tf.zeros(2, 3))
        reveal_type(y)
        z = tf.zeros(2, 3) @ tf.zeros(4, 5)
    """,
    "losses": """
        import typedflux as tf
        from typedflux.losses import mse
        reveal_type(mse(tf.zeros(3, 2), tf.ones(3, 2)))
        bad = tf.losses.mse(tf.zeros(3, 1), tf.ones(3))
    """,
    "ignored": """
        import typedflux as tf
        a = tf.zeros(2, 3) @ tf.zeros(4, 5)  # type: ignore[shape]
    """,
    "disabled": """
        # mypy: disable-error-code="shape"
        import typedflux as tf
        a = tf.zeros(2, 3) @ tf.zeros(4, 5)
    """,
    "annotation_code": """
        from typing import TypeVar
        from typedflux import Tensor
        B = TypeVar("B", bound=int)
        def f(x: Tensor[B, "784"]) -> None: ...
    """,
    # Correct code a user would write: with the plugin it must stay clean.
    "realistic": """
        from typing import Any, List, Tuple, TypeVar
        import typedflux as tf
        from typedflux import Chain, Dense, Tensor, relu

        B = TypeVar("B", bound=int)
        N = TypeVar("N", bound=int)

        def mlp(x: Tensor[B, 784], w1: Tensor[784, 32], w2: Tensor[32, 10]) -> Tensor[B, 10]:
            h = tf.relu(x @ w1)
            return tf.softmax(h @ w2, axis=-1)

        def centre(x: Tensor[B, N]) -> Tensor[B, N]:
            return x - x.mean(axis=0, keepdims=True)

        def flatten(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
            return x.reshape(x.shape[0], -1)

        def batches(n: int) -> List[Tuple[Any, Any]]:
            out = []
            for i in range(n):
                xb = tf.randn(16, 28, 28)
                yb = tf.zeros(16, 10)
                out.append((flatten(xb), yb))
            return out

        model = Chain(Dense(784, 32, relu), Dense(32, 10))
        w1, w2 = tf.randn(784, 32), tf.randn(32, 10)
        for xb, yb in batches(2):
            p = mlp(xb, w1, w2)
            q = model(xb)
            loss = ((p - yb) ** 2).mean() + ((q - yb) ** 2).sum() / 16
            loss.item()
        stacked = tf.stack([tf.zeros(3), tf.ones(3)])
        joined = tf.concat([tf.zeros(2, 3), tf.zeros(2, 5)], axis=-1)
        parts = [tf.zeros(2, 3), tf.zeros(4, 3)]
        rows = tf.concat(parts, axis=0)
        scalar = tf.zeros(4).sum()
        err = tf.losses.mse(tf.zeros(3, 2), tf.ones(3, 2)) + tf.losses.logitcrossentropy(p, yb)
        scaled = 2 * centre(tf.randn(5, 7)) / 3.0 + 1
        pick = joined[:, 2:5].T @ tf.ones(2)
    """,
    # Odd calls the plugin cannot read must be silent and must not fail.
    "odd": """
        from typing import Any
        import typedflux as tf
        dims = (2, 3)
        a = tf.zeros(*dims)
        b = a.reshape(*dims)
        idx: Any = [0, 1]
        c = a[idx]
        d = a.sum(axis=int("1"))
        e = tf.concat([a] * 3)
        f = a.transpose(*[1, 0])
        g = tf.where(a > 0, 1.0, a)
        h = tf.arange(3.5)
        k = (lambda t: t @ t.T)(a)
        m = tf.zeros(3) + tf.zeros(3)[None]
        n = tf.zeros(2, 3).reshape(-1)
    """,
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, List[str]]]:
    tmp = tmp_path_factory.mktemp("plugin_cases")
    files = []
    for name, body in SNIPPETS.items():
        path = tmp / f"{name}.py"
        path.write_text(textwrap.dedent(body).lstrip())
        files.append(path)
    ini = tmp / "mypy.ini"
    ini.write_text(
        "[mypy]\nplugins = mypy_plugin\nallow_redefinition = True\n"
        "[mypy-typedflux.*]\nfollow_imports = silent\n"
    )
    # The plugin must survive a rule that raises something unexpected.
    spec = SPECS["softplus"]

    def broken(**kwargs: object) -> object:
        raise RuntimeError("boom")

    original = spec.rule
    object.__setattr__(spec, "rule", broken)
    try:
        stdout, stderr, status = api.run(
            ["--config-file", str(ini), "--no-incremental", "--cache-dir", str(tmp / "cache"),
             "--show-error-codes", "--no-error-summary", *map(str, files)]
        )
    finally:
        object.__setattr__(spec, "rule", original)
    assert status in (0, 1), stdout + stderr
    by_file: Dict[str, List[str]] = {name: [] for name in SNIPPETS}
    for line in stdout.splitlines():
        for name in SNIPPETS:
            if line.startswith(str(tmp / f"{name}.py") + ":"):
                by_file[name].append(line.split(":", 2)[2].strip())
    yield by_file


def test_internal_failure_is_a_note_and_checking_goes_on(output: Dict[str, List[str]]) -> None:
    lines = output["internal_failure"]
    assert any(
        line.startswith("note: typedflux plugin failed in \"softplus\" (RuntimeError: boom")
        for line in lines
    ), lines
    # The default type is kept, and other lines are still checked.
    assert 'note: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"' in lines
    assert any(line.startswith("error: Inner dimensions differ") for line in lines), lines


def test_shape_errors_use_their_own_code(output: Dict[str, List[str]]) -> None:
    assert output["ignored"] == []
    assert output["disabled"] == []
    [line] = output["annotation_code"]
    assert line.endswith("[shape-annotation]"), line


def test_losses_are_routed(output: Dict[str, List[str]]) -> None:
    lines = output["losses"]
    assert lines[0] == 'note: Revealed type is "typedflux.tensor.Tensor[()]"', lines
    assert lines[1].startswith("error: ") and lines[1].endswith("[shape]"), lines
    assert len(lines) == 2, lines


def test_correct_code_is_clean(output: Dict[str, List[str]]) -> None:
    assert output["realistic"] == []


def test_unreadable_calls_are_silent(output: Dict[str, List[str]]) -> None:
    assert output["odd"] == []


def test_routing_reaches_every_public_name_of_every_spec(output: Dict[str, List[str]]) -> None:
    import typedflux
    import typedflux.losses
    from typedflux.tensor import Tensor

    assert ROUTES.functions_resolved and ROUTES.methods_resolved
    for spec in SPECS.values():
        for fn in spec.functions:
            obj = getattr(typedflux, fn, None) or getattr(typedflux.losses, fn)
            fullname = f"{obj.__module__}.{obj.__qualname__}"
            assert ROUTES.by_function_fullname[fullname].spec is spec, fullname
        for m in (*spec.methods, *spec.reflected):
            owner = next(c for c in Tensor.__mro__ if m in vars(c))
            fullname = f"{owner.__module__}.{owner.__qualname__}.{m}"
            assert ROUTES.by_method_fullname[fullname].spec is spec, fullname
        for p in spec.properties:
            assert ROUTES.by_property_fullname[f"{TENSOR_FULLNAME}.{p}"].spec is spec


def test_cache_key_changes_with_the_op_table() -> None:
    plugin = mypy_plugin.TypedfluxPlugin.__new__(mypy_plugin.TypedfluxPlugin)
    key = plugin.report_config_data(None)  # type: ignore[arg-type]
    assert isinstance(key, str) and specs_digest() in key
    before = specs_digest()
    extra = OpSpec("zz_demo", lambda x: x, ())
    SPECS["zz_demo"] = extra
    try:
        assert specs_digest() != before
    finally:
        del SPECS["zz_demo"]
    assert specs_digest() == before


def test_plugin_module_reloads_cleanly() -> None:
    # mypy imports the entry point by name; importing it twice must not register twice.
    importlib.reload(importlib.import_module("mypy_plugin.codes"))
    assert mypy_plugin.plugin("2.4.1") is mypy_plugin.TypedfluxPlugin
