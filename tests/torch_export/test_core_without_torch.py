"""The core package never imports torch: it imports and trains with torch unavailable, and
``typedflux.torch`` says what to install. (Runs whether or not torch is installed: the
subprocess blocks the import.)"""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK = "import sys; sys.modules['torch'] = None  # as if PyTorch were not installed\n"


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCK + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=120)


def test_core_imports_and_trains_without_torch() -> None:
    done = run("""
        import importlib, pkgutil
        import typedflux as tf
        for m in pkgutil.walk_packages(tf.__path__, "typedflux."):
            if not m.name.startswith("typedflux.torch"):
                importlib.import_module(m.name)
        model = tf.Chain(tf.Dense(3, 4, tf.relu), tf.Dense(4, 1))
        state = tf.setup(tf.Adam(0.01), model)
        x, y = tf.randn(8, 3), tf.randn(8, 1)
        losses = tf.train(lambda m, x, y: tf.losses.mse(m(x), y), model,
                          tf.DataLoader((x, y), batchsize=4), state, progress=False)
        print(len(losses), "torch" in sys.modules and sys.modules["torch"] is not None)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "False"]


def test_the_torch_extra_says_what_to_install() -> None:
    done = run("import typedflux.torch")
    assert done.returncode == 1
    assert ('ImportError: typedflux.torch needs PyTorch, which is not installed: '
            'pip install "typedflux[torch]"') in done.stderr
