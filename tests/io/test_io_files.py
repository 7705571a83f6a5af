"""How save writes files: atomically, keeping permissions, through symlinks, errors naming
the caller's path, nothing left behind and the old file intact when writing fails."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import numpy as np
import pytest

import typedflux as tf
import typedflux.io as tio
from typedflux.io import files

FORMATS = ["m.safetensors", "m.npz"]


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


@pytest.mark.parametrize("filename", FORMATS)
def test_new_file_gets_the_mode_open_would_give(tmp_path: Path, filename: str) -> None:
    tf.save(tf.Dense(2, 2), tmp_path / filename)
    mode = stat.S_IMODE(os.stat(tmp_path / filename).st_mode)
    assert mode == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == [filename]  # no temporary file left


@pytest.mark.parametrize("filename", FORMATS)
def test_existing_file_keeps_its_permissions(tmp_path: Path, filename: str) -> None:
    path = tmp_path / filename
    tf.save(tf.Dense(2, 2), path)
    for mode in (0o640, 0o604, 0o755):
        os.chmod(path, mode)
        tf.save(tf.Dense(2, 2), path)
        assert stat.S_IMODE(os.stat(path).st_mode) == mode


@pytest.mark.parametrize("filename", FORMATS)
def test_save_writes_through_a_symlink(tmp_path: Path, filename: str) -> None:
    real = tmp_path / "store" / filename
    real.parent.mkdir()
    tf.save(tf.Dense(2, 2), real)
    os.chmod(real, 0o640)
    link = tmp_path / ("link-" + filename)
    link.symlink_to(real)
    model = tf.Dense(2, 2)
    tf.save(model, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    fresh = tf.Dense(2, 2)
    tf.load(fresh, real)
    np.testing.assert_array_equal(fresh.weight.numpy(), model.weight.numpy())
    assert sorted(p.name for p in real.parent.iterdir()) == [filename]


def test_a_chain_of_symlinks_and_a_dangling_one(tmp_path: Path) -> None:
    target = tmp_path / "t.safetensors"
    (tmp_path / "l1").symlink_to(target)  # dangling: the file does not exist yet
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    tf.save(tf.Dense(2, 2), tmp_path / "l2")
    assert target.is_file() and (tmp_path / "l1").is_symlink() and (tmp_path / "l2").is_symlink()


@pytest.mark.parametrize("filename", FORMATS)
def test_missing_folder_is_reported_with_the_users_path(tmp_path: Path, filename: str) -> None:
    path = tmp_path / "no" / "such" / filename
    with pytest.raises(FileNotFoundError) as info:
        tf.save(tf.Dense(2, 2), path)
    err = info.value
    assert err.errno == errno.ENOENT and err.filename == str(path)
    assert str(path) in str(err) and ".tmp" not in str(err)
    assert not (tmp_path / "no").exists()


def test_a_folder_as_the_path_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "d.safetensors").mkdir()
    with pytest.raises(IsADirectoryError) as info:
        tf.save(tf.Dense(2, 2), tmp_path / "d.safetensors")
    assert info.value.filename == str(tmp_path / "d.safetensors")
    assert [p.name for p in tmp_path.iterdir()] == ["d.safetensors"]


@pytest.mark.parametrize("filename", FORMATS)
def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, filename: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / filename
    old = tf.Dense(2, 2)
    tf.save(old, path)
    before = path.read_bytes()

    def half_then_fail(tmp: str, *args: object) -> None:
        with open(tmp, "wb") as f:
            f.write(b"half a checkpoint")
        raise OSError(errno.ENOSPC, "No space left on device", tmp)

    monkeypatch.setattr(tio, "write_npz", half_then_fail)
    monkeypatch.setattr(tio, "write_safetensors", half_then_fail)
    with pytest.raises(OSError) as info:
        tf.save(tf.Dense(2, 2), path)
    assert info.value.errno == errno.ENOSPC
    assert info.value.filename == str(path) and ".tmp" not in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [filename]


def test_replace_file_removes_its_temporary_on_any_exception(tmp_path: Path) -> None:
    def boom(tmp: str) -> None:
        Path(tmp).write_bytes(b"x")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        files.replace_file(tmp_path / "f", boom)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_to_load_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        tf.load(tf.Dense(2, 2), tmp_path / "nope.safetensors")
    assert info.value.filename == str(tmp_path / "nope.safetensors")


def test_wrong_argument_types_are_named() -> None:
    for bad in (None, 3, b"bytes", ["a"]):
        with pytest.raises(TypeError, match="^save: path must be a str or os.PathLike"):
            tf.save(tf.Dense(2, 2), bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="^load: path must be a str or os.PathLike"):
            tf.load(tf.Dense(2, 2), bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="^save: path must be a non-empty file name"):
        tf.save(tf.Dense(2, 2), "")
    with pytest.raises(TypeError, match="^load: strict must be True or False"):
        tf.load(tf.Dense(2, 2), "x.safetensors", strict="no")  # type: ignore[arg-type]
