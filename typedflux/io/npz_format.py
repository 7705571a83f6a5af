"""The ``.npz`` checkpoint format: a zip archive with one ``<name>.npy`` member per tensor.

Reading is in two phases so a checkpoint is judged before any of its data is touched:
:class:`NpzReader` lists the members from the zip's directory and reads each expected
member's small ``.npy`` header (shape, dtype, layout) -- refusing, without decompressing
it, a member whose declared sizes exceed the model tensor it claims to be (a zip bomb);
only then does :meth:`NpzReader.read` decompress data, at most the declared bytes.
Pickled (object) arrays are never read.

>>> import io, numpy as np
>>> buf = io.BytesIO()
>>> write_npz(buf, {"w": np.ones((2, 3), np.float32)})
>>> with NpzReader(buf, {"w": 24}) as r:
...     r.entries["w"].shape, float(r.read("w").sum())
((2, 3), 6.0)
"""

from __future__ import annotations

import math
import struct
import zipfile
import zlib
from typing import IO, Any, Dict, List, Mapping, NamedTuple, Union

import numpy as np
import numpy.typing as npt
from numpy.lib import format as npy

__all__ = ["NpzReader", "Entry", "write_npz", "HEADER_LIMIT", "ZIP_ERRORS"]

# What reading a damaged or hostile zip member can raise (zipfile raises NotImplementedError
# for unknown flags and methods, RuntimeError for encryption, zlib.error for a bad stream).
ZIP_ERRORS = (ValueError, EOFError, OSError, zipfile.BadZipFile, NotImplementedError,
              RuntimeError, zlib.error, KeyError, struct.error)

# numpy's own cap on an .npy header (read_array_header's default max_header_size).
HEADER_LIMIT = 10000
# The magic string and version (8 bytes) and the header length field (2 or 4 bytes).
_PREFIX = 12

Source = Union[str, IO[bytes]]


class Entry(NamedTuple):
    """One tensor of a checkpoint as its header declares it (no data read)."""

    shape: tuple[int, ...]
    dtype: np.dtype[Any]
    fortran: bool = False
    offset: int = 0  # where the data starts in the member (npz only)


class NpzReader:
    """The members of an ``.npz`` checkpoint, judged from headers alone.

    ``limits`` maps each tensor name the model has to its size in bytes; only those members'
    headers are read. After construction:

    - ``names``: every tensor name in the archive (members without ``.npy`` are problems);
    - ``entries``: name -> :class:`Entry` for each member in ``limits`` whose header was
      read and found sound (members not in ``limits`` are never opened);
    - ``problems``: why members cannot be loaded (oversized, corrupt header, pickled data,
      duplicated names), one line each.

    Raises ``zipfile.BadZipFile``/``OSError``/``EOFError`` when the archive itself is
    unreadable.
    """

    def __init__(self, source: Source, limits: Mapping[str, int]) -> None:
        self._zip = zipfile.ZipFile(source)
        self.names: List[str] = []
        self.entries: Dict[str, Entry] = {}
        self.problems: List[str] = []
        self._infos: Dict[str, zipfile.ZipInfo] = {}
        try:
            for info in self._zip.infolist():
                self._judge(info, limits)
        except BaseException:
            self._zip.close()
            raise

    def _judge(self, info: zipfile.ZipInfo, limits: Mapping[str, int]) -> None:
        member = info.filename
        if not member.endswith(".npy"):
            self.problems.append(f"member {member!r} is not an .npy array")
            return
        name = member[: -len(".npy")]
        if name in self._infos:
            self.problems.append(f"{name} is in the file twice")
            return
        self._infos[name] = info
        self.names.append(name)
        if name not in limits:
            return
        if info.flag_bits & 0x1:
            self.problems.append(f"{name} is encrypted")
            return
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            self.problems.append(f"{name} uses an unsupported compression ({info.compress_type})")
            return
        # Bounds from the zip directory alone: an honest member holds its header and
        # exactly the model tensor's bytes; deflate never grows data by more than ~0.1%.
        most = limits[name] + HEADER_LIMIT + _PREFIX
        if info.file_size > most or info.compress_size > most + most // 100 + 1024:
            declared = max(info.file_size, info.compress_size)
            self.problems.append(
                f"oversized: {name} declares {declared:,} bytes, the model's tensor holds "
                f"{limits[name]:,} (refused without reading it)"
            )
            return
        try:
            entry = self._header(info)
        except ZIP_ERRORS as err:
            self.problems.append(f"{name} has no readable .npy header ({err})")
            return
        if entry.dtype.hasobject:
            self.problems.append(f"{name} holds Python objects (pickled data is never loaded)")
            return
        nbytes = math.prod(entry.shape) * entry.dtype.itemsize
        if info.file_size != entry.offset + nbytes:
            self.problems.append(
                f"{name}: its header declares {nbytes:,} bytes of data, the archive "
                f"{info.file_size - entry.offset:,}"
            )
            return
        self.entries[name] = entry

    def _header(self, info: zipfile.ZipInfo) -> Entry:
        with self._zip.open(info) as f:
            counted = _Counting(f)
            version = npy.read_magic(counted)
            if version == (1, 0):
                shape, fortran, dtype = npy.read_array_header_1_0(
                    counted, max_header_size=HEADER_LIMIT
                )
            elif version == (2, 0):
                shape, fortran, dtype = npy.read_array_header_2_0(
                    counted, max_header_size=HEADER_LIMIT
                )
            else:
                raise ValueError(f".npy format version {version} is not supported")
            return Entry(tuple(int(d) for d in shape), np.dtype(dtype), bool(fortran),
                         counted.count)

    def read(self, name: str) -> npt.NDArray[Any]:
        """The data of member ``name`` (a judged entry) as a new array: decompresses at most
        the declared bytes; the zip's CRC check catches damaged data."""
        entry = self.entries[name]
        nbytes = math.prod(entry.shape) * entry.dtype.itemsize
        with self._zip.open(self._infos[name]) as f:
            f.read(entry.offset)
            data = f.read(nbytes)
            if len(data) != nbytes or f.read(1):
                raise ValueError(f"{name}: the data ends early or runs past its header")
        arr = np.frombuffer(data, dtype=entry.dtype)
        return arr.reshape(entry.shape, order="F" if entry.fortran else "C")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "NpzReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Counting:
    """A read-only stream that counts the bytes read through it (the header's length)."""

    def __init__(self, f: IO[bytes]) -> None:
        self._f = f
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        self.count += len(data)
        return data


def write_npz(target: Source, arrays: Mapping[str, npt.NDArray[Any]]) -> None:
    """Write ``arrays`` as an uncompressed ``.npz`` archive, one ``<name>.npy`` member each
    (what ``np.savez`` writes, without its keyword arguments: a tensor may be called
    ``file`` or ``allow_pickle``). Never pickles.

    >>> import io
    >>> buf = io.BytesIO(); write_npz(buf, {"file": np.zeros(2)}); _ = buf.seek(0)
    >>> sorted(np.load(buf).files)
    ['file']
    """
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as z:
        for name, arr in arrays.items():
            with z.open(name + ".npy", "w", force_zip64=True) as f:
                npy.write_array(f, np.asanyarray(arr), allow_pickle=False)
