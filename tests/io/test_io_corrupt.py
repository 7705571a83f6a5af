"""Damaged and hostile checkpoints: every one is refused with a ValueError (or ShapeError)
naming the file, before the model changes -- every tensor is compared before and after.

Covers truncation at every length class, flipped bits in headers and data, wrong dtypes,
extra and missing names, oversized members and zip bombs (memory measured), pickles (never
unpickled), and files that are not checkpoints at all.
"""

from __future__ import annotations

import io
import json
import struct
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.io.npz_format import write_npz


def _model() -> Any:
    tf.seed(0)
    return tf.Chain(tf.Dense(3, 4, tf.relu), tf.BatchNorm(4), tf.Dense(4, 2))


def _snapshot(model: Any) -> List[Tuple[str, bytes]]:
    return [(n, t.data.tobytes()) for n, t in tf.named_tensors(model)]


def _refused(path: Path, error: Any = ValueError, match: str | None = None) -> str:
    """Load ``path`` into a fresh model: must raise ``error`` naming the file, and leave
    every tensor of the model as it was."""
    model = _model()
    before = _snapshot(model)
    with pytest.raises(error, match=match) as info:
        tf.load(model, path)
    assert _snapshot(model) == before
    text = str(info.value)
    assert str(path) in text, text
    return text


def _loads_exactly(path: Path, source: Any) -> None:
    model = _model()
    tf.load(model, path)
    assert _snapshot(model) == _snapshot(source)


def _saved(tmp_path: Path, name: str) -> Tuple[Path, Any]:
    source = _model()
    for i, (_, t) in enumerate(tf.named_tensors(source)):
        t.data = (t.data + i + 0.25).astype(t.data.dtype)
    path = tmp_path / name
    tf.save(source, path)
    return path, source


def _raw_safetensors(header: dict[str, Any], data: bytes) -> bytes:
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


# -- truncation ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["m.safetensors", "m.npz"])
def test_truncated_at_any_length_is_refused(tmp_path: Path, name: str) -> None:
    path, _ = _saved(tmp_path, name)
    data = path.read_bytes()
    cuts = sorted({0, 1, 7, 8, 9, 20, 100, len(data) // 3, len(data) // 2, len(data) - 100,
                   len(data) - 22, len(data) - 1})
    for cut in cuts:
        bad = tmp_path / f"cut{cut}-{name}"
        bad.write_bytes(data[:cut])
        _refused(bad, match="Cannot load")


# -- flipped bits ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["m.safetensors", "m.npz"])
def test_every_flipped_byte_is_refused_or_loads_the_same_values(tmp_path: Path, name: str) -> None:
    # A flip in a header may still give a sound header (a version string, zip timestamps);
    # then the values must be exactly those saved. Flips in data are caught by checksums
    # (the zip CRC, typedflux's CRC-32 table in the safetensors metadata).
    path, source = _saved(tmp_path, name)
    data = path.read_bytes()
    refused = 0
    for pos in range(len(data)):
        flipped = bytearray(data)
        flipped[pos] ^= 1 << (pos % 8)
        bad = tmp_path / "flip"
        bad.write_bytes(bytes(flipped))
        model = _model()
        before = _snapshot(model)
        try:
            tf.load(model, bad)
        except (ValueError, tf.ShapeError) as err:
            assert "Cannot load" in str(err)
            assert _snapshot(model) == before, pos
            refused += 1
        else:
            assert _snapshot(model) == _snapshot(source), pos
    # Most flips are noticed (measured: ~95% for safetensors; ~78% for .npz, whose zip
    # keeps every name and size twice and timestamps nobody reads).
    assert refused > len(data) * 0.7, (refused, len(data))


@pytest.mark.parametrize("name", ["m.safetensors", "m.npz"])
def test_damaged_data_of_the_last_tensor_changes_nothing(tmp_path: Path, name: str) -> None:
    # The first tensors read fine before the last one fails: none of them may be written.
    path, source = _saved(tmp_path, name)
    data = bytearray(path.read_bytes())
    last = tf.named_tensors(source)[-1][1].data.tobytes()
    at = bytes(data).rfind(last)
    assert at > 0
    data[at + 1] ^= 0x40
    path.write_bytes(bytes(data))
    text = _refused(path)
    assert "layers.2.bias" in text and ("damaged" in text or "CRC" in text)


# -- wrong dtypes, names ------------------------------------------------------------------------


def test_wrong_dtypes_are_refused(tmp_path: Path) -> None:
    ref = dict((n, t.data) for n, t in tf.named_tensors(_model()))
    cases = {
        "ints.npz": {**ref, "layers.0.weight": ref["layers.0.weight"].astype(np.int64)},
        "wide.npz": {**ref, "layers.0.bias": ref["layers.0.bias"].astype(np.float64)},
        "bools.npz": {**ref, "layers.1.running_var": ref["layers.1.running_var"] > 0},
        "complex.npz": {**ref, "layers.2.bias": ref["layers.2.bias"].astype(np.complex64)},
    }
    for fname, arrays in cases.items():
        write_npz(str(tmp_path / fname), arrays)
        assert "dtype differs" in _refused(tmp_path / fname)
    # BF16: a dtype safetensors has and numpy does not.
    header = {"layers.0.weight": {"dtype": "BF16", "shape": [4, 3], "data_offsets": [0, 24]}}
    (tmp_path / "bf16.safetensors").write_bytes(_raw_safetensors(header, bytes(24)))
    assert "BF16" in _refused(tmp_path / "bf16.safetensors")


def test_extra_and_missing_names_are_refused(tmp_path: Path) -> None:
    ref = dict((n, t.data) for n, t in tf.named_tensors(_model()))
    write_npz(str(tmp_path / "extra.npz"), {**ref, "layers.9.weight": np.zeros(2, np.float32)})
    assert "not in the model: layers.9.weight" in _refused(tmp_path / "extra.npz")
    del ref["layers.1.running_mean"]
    write_npz(str(tmp_path / "missing.npz"), ref)
    assert "missing from the file: layers.1.running_mean" in _refused(tmp_path / "missing.npz")


# -- oversized members and zip bombs ------------------------------------------------------------


def _peak_during(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def _bomb(size: int, lie: bool = False) -> bytes:
    """An .npz whose layers.0.weight member inflates to ``size`` bytes of zeros (an .npy
    header claiming that many float32s). With ``lie``, the zip's local header and directory
    claim a plausible member instead (176 bytes, stored in 176), keeping everything else."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("layers.0.weight.npy", "w", force_zip64=True) as f:
            header = io.BytesIO()
            np.lib.format.write_array_header_1_0(
                header, {"descr": "<f4", "fortran_order": False, "shape": (size // 4,)})
            f.write(header.getvalue())
            chunk = bytes(1 << 20)
            for _ in range(size // len(chunk)):
                f.write(chunk)
    data = buf.getvalue()
    if lie:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.infolist()[0]
        # The local header's zip64 field holds both sizes as 8-byte integers, the directory
        # entry as 4-byte ones.
        for real in (info.file_size, info.compress_size):
            found = 0
            for fmt in ("<Q", "<I"):
                old = struct.pack(fmt, real)
                found += data.count(old)
                data = data.replace(old, struct.pack(fmt, 176))
            assert found == 2, (real, found)
    return data


def test_oversized_member_is_refused_without_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.npz"
    path.write_bytes(_bomb(64 << 20))  # 64 MiB of zeros in a ~64 KiB file
    assert path.stat().st_size < 1 << 20
    text = ""

    def load() -> None:
        nonlocal text
        text = _refused(path)

    peak = _peak_during(load)
    assert "oversized: layers.0.weight declares" in text
    assert "refused without reading it" in text
    assert peak < 4 << 20, peak  # nothing near 64 MiB was inflated


def test_lying_zip_directory_inflates_no_more_than_it_declares(tmp_path: Path) -> None:
    # The directory claims a small member; the deflate stream behind it would inflate to
    # 64 MiB. Reading stops at the declared sizes, so the member is refused as damaged.
    path = tmp_path / "liar.npz"
    path.write_bytes(_bomb(64 << 20, lie=True))
    with zipfile.ZipFile(path) as z:
        assert z.infolist()[0].file_size == 176
    text = ""

    def load() -> None:
        nonlocal text
        text = _refused(path)

    peak = _peak_during(load)
    assert "layers.0.weight" in text
    assert peak < 4 << 20, peak


def test_oversized_npy_header_is_refused(tmp_path: Path) -> None:
    ref = dict((n, t.data) for n, t in tf.named_tensors(_model()))
    buf = io.BytesIO()
    write_npz(buf, ref)
    raw = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(raw, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "layers.0.bias.npy":
                # A 60 KB header: numpy's limit for untrusted headers is 10,000 bytes.
                text = "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), " + " " * 60000
                text = text + "}\n"
                body = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode() + bytes(16)
            dst.writestr(info.filename, body)
    (tmp_path / "header.npz").write_bytes(raw.getvalue())
    assert "layers.0.bias" in _refused(tmp_path / "header.npz")


def test_safetensors_header_claiming_huge_sizes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "huge.safetensors").write_bytes(struct.pack("<Q", 1 << 60) + b"{}")
    _refused(tmp_path / "huge.safetensors", match="not a readable safetensors")
    header = {"layers.0.weight": {"dtype": "F32", "shape": [1 << 40, 3],
                                  "data_offsets": [0, 12 << 40]}}
    (tmp_path / "big.safetensors").write_bytes(_raw_safetensors(header, bytes(48)))
    _refused(tmp_path / "big.safetensors", match="not a readable safetensors")


def test_safetensors_with_a_damaged_checksum_table_is_refused(tmp_path: Path) -> None:
    path, _ = _saved(tmp_path, "m.safetensors")
    data = path.read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8 : 8 + n])
    header["__metadata__"]["typedflux.crc32"] = "not json"
    (tmp_path / "crc.safetensors").write_bytes(_raw_safetensors(header, data[8 + n :]))
    assert "typedflux.crc32" in _refused(tmp_path / "crc.safetensors")


def test_duplicate_members_are_refused(tmp_path: Path) -> None:
    ref = dict((n, t.data) for n, t in tf.named_tensors(_model()))
    write_npz(str(tmp_path / "dup.npz"), ref)
    with pytest.warns(UserWarning, match="Duplicate name"):
        with zipfile.ZipFile(tmp_path / "dup.npz", "a") as z:
            with z.open("layers.0.bias.npy", "w") as f:
                np.lib.format.write_array(f, np.ones(4, np.float32))
    assert "layers.0.bias is in the file twice" in _refused(tmp_path / "dup.npz")


# -- not checkpoints ------------------------------------------------------------------------------


class _Trap:
    sprung = False

    def __reduce__(self) -> Any:
        return (_spring, ())


def _spring() -> None:
    _Trap.sprung = True


def test_pickles_are_never_unpickled(tmp_path: Path) -> None:
    ref = dict((n, t.data) for n, t in tf.named_tensors(_model()))
    arr = np.empty(4, dtype=object)
    arr[:] = [_Trap() for _ in range(4)]
    path = tmp_path / "pickle.npz"
    np.savez(path, **{**ref, "layers.0.bias": arr})
    assert "pickled data is never loaded" in _refused(path)
    assert not _Trap.sprung


@pytest.mark.parametrize(
    "content,match",
    [
        (b"", "it is empty"),
        (b"not a checkpoint at all", "neither a safetensors file nor an .npz"),
        (b"PK\x03\x04" + b"\x00" * 40, "not a readable .npz checkpoint"),
        (struct.pack("<Q", 10) + b"{garbage!}", "not a readable safetensors"),
    ],
    ids=["empty", "garbage", "broken-zip", "broken-json"],
)
def test_files_that_are_not_checkpoints(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "bad"
    path.write_bytes(content)
    _refused(path, match=match)


def test_a_single_npy_file_is_refused(tmp_path: Path) -> None:
    np.save(tmp_path / "one.npy", np.zeros(3))
    _refused(tmp_path / "one.npy", match="single .npy array")
