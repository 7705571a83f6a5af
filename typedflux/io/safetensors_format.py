"""The safetensors checkpoint format (the default): an 8-byte header length, a JSON header
naming every tensor's dtype, shape and byte range, then the raw little-endian data. No code
is ever run to read it, and PyTorch (``safetensors.torch.load_file``) and Hugging Face tools
read it as they read their own.

typedflux adds string metadata only: ``typedflux.format`` (this layout's version),
``typedflux.version`` and ``typedflux.crc32``, a JSON object of each tensor's CRC-32, which
:class:`SafetensorsReader` checks when present (safetensors itself has no checksum, so a
flipped bit in the data would otherwise load silently). Files written by other tools have
no checksums and load without that check.

>>> import os, tempfile, numpy as np
>>> p = os.path.join(tempfile.mkdtemp(), "m.safetensors")
>>> write_safetensors(p, {"w": np.ones((2, 3), np.float32)}, {"typedflux.format": "1"})
>>> with SafetensorsReader(p, {"w"}) as r:
...     r.names, r.entries["w"].shape, float(r.read("w").sum())
(['w'], (2, 3), 6.0)
"""

from __future__ import annotations

import json
import zlib
from typing import Any, Collection, Dict, List, Mapping, Optional, cast

import numpy as np
import numpy.typing as npt
from safetensors import safe_open
from safetensors.numpy import save_file

from typedflux.io.npz_format import Entry

__all__ = ["SafetensorsReader", "write_safetensors", "unsupported", "crc32", "DTYPES", "CRC_KEY"]

# safetensors dtype names -> numpy dtypes (the ones numpy can hold; BF16 and the F8 types
# cannot be loaded into a numpy tensor).
DTYPES: Dict[str, np.dtype[Any]] = {
    "BOOL": np.dtype(np.bool_),
    "U8": np.dtype(np.uint8),
    "I8": np.dtype(np.int8),
    "U16": np.dtype(np.uint16),
    "I16": np.dtype(np.int16),
    "F16": np.dtype(np.float16),
    "U32": np.dtype(np.uint32),
    "I32": np.dtype(np.int32),
    "F32": np.dtype(np.float32),
    "U64": np.dtype(np.uint64),
    "I64": np.dtype(np.int64),
    "F64": np.dtype(np.float64),
}
_NUMPY_OK = frozenset(DTYPES.values())

CRC_KEY = "typedflux.crc32"


def crc32(arr: npt.NDArray[Any]) -> int:
    """CRC-32 of an array's bytes as safetensors stores them (C order, little-endian).

    >>> crc32(np.zeros(3, np.float32)) == crc32(np.zeros(3, ">f4"))
    True
    """
    little = np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("<"))
    return zlib.crc32(little.reshape(-1).data)


class SafetensorsReader:
    """A safetensors checkpoint judged from its header alone (``safe_open`` reads no data
    until asked). Only names in ``wanted`` (the model's) are judged:

    - ``names``: every tensor name in the file;
    - ``entries``: name -> :class:`~typedflux.io.npz_format.Entry` for each wanted name
      whose dtype numpy can hold;
    - ``problems``: what cannot be loaded (a dtype numpy cannot hold, an unreadable
      checksum table).

    Raises ``safetensors.SafetensorError`` (or ``OSError``) when the header is unreadable or
    does not describe the file (a truncated or damaged file).
    """

    def __init__(self, path: str, wanted: Collection[str]) -> None:
        # (safe_open's methods are untyped.)
        self._f: Any = cast(Any, safe_open(path, framework="np"))
        try:
            self.names: List[str] = list(self._f.keys())
            self.entries: Dict[str, Entry] = {}
            self.problems: List[str] = []
            meta: Mapping[str, str] = self._f.metadata() or {}
            self.metadata = dict(meta)
            self._crc = self._checksums(meta.get(CRC_KEY))
            for name in self.names:
                if name not in wanted:
                    continue
                part = self._f.get_slice(name)
                kind = part.get_dtype()
                dtype = DTYPES.get(kind)
                if dtype is None:
                    self.problems.append(f"{name} has dtype {kind} in the file, which numpy "
                                         f"cannot hold")
                    continue
                self.entries[name] = Entry(tuple(int(d) for d in part.get_shape()), dtype)
        except BaseException:
            self.close()
            raise

    def _checksums(self, text: Optional[str]) -> Optional[Dict[str, int]]:
        if text is None:
            return None
        try:
            table = json.loads(text)
        except ValueError:
            table = None
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in table.items()
        ):
            self.problems.append(f"the metadata {CRC_KEY!r} is damaged")
            return None
        return table

    def read(self, name: str) -> npt.NDArray[Any]:
        """The data of tensor ``name`` (a judged entry), checked against its CRC-32 when the
        file carries one; ``ValueError`` when it does not match."""
        arr: npt.NDArray[Any] = self._f.get_tensor(name)
        if self._crc is not None:
            want = self._crc.get(name)
            if want is None or crc32(arr) != want:
                raise ValueError(f"the data of {name} is damaged (its CRC-32 does not match)")
        return arr

    def close(self) -> None:
        self._f.__exit__(None, None, None)

    def __enter__(self) -> "SafetensorsReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def unsupported(dtype: np.dtype[Any]) -> bool:
    """Whether safetensors cannot store ``dtype`` (complex, strings, objects, ...).

    >>> unsupported(np.dtype(np.float32)), unsupported(np.dtype(np.complex64))
    (False, True)
    """
    return dtype.newbyteorder("=") not in _NUMPY_OK


def write_safetensors(
    path: str, arrays: Mapping[str, npt.NDArray[Any]], metadata: Mapping[str, str]
) -> None:
    """Write ``arrays`` to ``path`` in safetensors format with string ``metadata`` plus the
    CRC-32 table :class:`SafetensorsReader` checks. Every dtype must be one safetensors
    holds (see :func:`unsupported`)."""
    # (np.ascontiguousarray would turn a 0-d array into a 1-d one.)
    data = {name: a if a.flags.c_contiguous else a.copy(order="C") for name, a in arrays.items()}
    meta = dict(metadata)
    meta[CRC_KEY] = json.dumps({name: crc32(a) for name, a in data.items()},
                               separators=(",", ":"))
    save_file(data, path, metadata=meta)
