"""Checkpoint paths that are not plain files, and tensor names a format reserves: ``tf.load``
of a named pipe with no writer waited forever, ``tf.save`` over a pipe or a device deleted it
(``/dev/null``, as root), a path with a NUL character failed with the operating system's
words, and a tensor named ``__metadata__`` was saved to a safetensors file that could not be
loaded again.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Any, List

import numpy as np
import pytest

import typedflux as tf

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _within(seconds: float, call: Any) -> BaseException:
    """What ``call()`` raised, failing the test if it is still running after ``seconds``."""
    out: List[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as err:  # noqa: BLE001 - handed back to the test
            out.append(err)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "still waiting (a pipe opened for reading blocks)"
    assert out, "no error"
    return out[0]


@needs_fifo
@pytest.mark.parametrize("name", ["m.safetensors", "m.npz"])
def test_loading_a_named_pipe_is_refused_without_waiting(tmp_path: Path, name: str) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    err = _within(20, lambda: tf.load(tf.Dense(2, 2), pipe))
    assert isinstance(err, ValueError)
    assert str(err) == (f"Cannot load {pipe}: not a regular file (a device, pipe or socket), "
                        "so not a checkpoint")


def test_loading_a_device_or_a_folder_names_the_path(tmp_path: Path) -> None:
    if os.path.exists("/dev/zero"):
        with pytest.raises(ValueError, match="^Cannot load /dev/zero: not a regular file"):
            tf.load(tf.Dense(2, 2), "/dev/zero")
    with pytest.raises(IsADirectoryError) as info:
        tf.load(tf.Dense(2, 2), tmp_path)
    assert info.value.filename == str(tmp_path)


@needs_fifo
def test_saving_over_a_named_pipe_keeps_the_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "m.safetensors"
    os.mkfifo(pipe)
    err = _within(20, lambda: tf.save(tf.Dense(2, 2), pipe))
    assert isinstance(err, OSError) and err.filename == str(pipe)
    assert "Not a regular file" in str(err)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # not replaced by a file
    assert os.listdir(tmp_path) == ["m.safetensors"]  # no temporary file left


@pytest.mark.parametrize("fn", ["save", "load"])
def test_a_nul_character_in_the_path_is_named(fn: str) -> None:
    call = getattr(tf, fn)
    with pytest.raises(ValueError, match=rf"^{fn}: path must not contain a NUL character, "
                       r"got 'a\\x00b'$"):
        call(tf.Dense(2, 2), "a\0b")


def test_a_tensor_named_like_the_safetensors_header_is_refused(tmp_path: Path) -> None:
    model = {"__metadata__": tf.ones(2), "w": tf.zeros(3)}
    path = tmp_path / "m.safetensors"
    with pytest.raises(ValueError, match='^save: safetensors reserves the name "__metadata__"'):
        tf.save(model, path)
    assert not path.exists()
    # The .npz format has no such name: it round-trips.
    tf.save(model, tmp_path / "m.npz")
    back = tf.load({"__metadata__": tf.zeros(2), "w": tf.ones(3)}, tmp_path / "m.npz")
    assert np.array_equal(back["__metadata__"].numpy(), np.ones(2, np.float32))
