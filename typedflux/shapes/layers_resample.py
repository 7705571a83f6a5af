"""Specs of the resampling layers over NCHW images: Upsample (nearest, bilinear) and
PixelShuffle.

>>> UpsampleConfig(scale=(2, 2)).rule((1, 3, 4, 5)), PixelShuffleConfig(2).rule((1, 8, 4, 5))
((1, 3, 8, 10), (1, 2, 8, 10))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Dim, Expr
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.errors import LayerArgumentError
from typedflux.shapes.layer_args import ArgKind, Param, choice, remainder
from typedflux.shapes.layer_config import (
    B_,
    H_,
    W_,
    LayerConfig,
    Shape,
    image_dims,
    is_int,
)
from typedflux.shapes.layer_spec import layer
from typedflux.shapes.dims import sym
from typedflux.shapes.windows import IntPair, pair_text

__all__ = ["UpsampleConfig", "PixelShuffleConfig"]

_C = sym("C")


def _make_upsample(v: Dict[str, Any]) -> LayerConfig:
    scale, size = v["scale"], v["size"]
    if (scale is None) == (size is None):
        raise LayerArgumentError(messages.invalid_layer_argument(
            "Upsample", [("scale", _text(scale)), ("size", _text(size))],
            "exactly one of scale and size"), "scale")
    return UpsampleConfig(_pair_or_unknown(scale), _pair_or_unknown(size), v["mode"],
                          v["align_corners"])


def _pair_or_unknown(v: Any) -> Any:
    # None stays None; a pair the plugin could not read is a pair of unknown sizes.
    return v if v is None or isinstance(v, tuple) else (UNKNOWN, UNKNOWN)


def _text(v: Any) -> str:
    return pair_text(v) if isinstance(v, tuple) else repr(v)


@layer(
    "Upsample",
    Param("scale", ArgKind.OPTIONAL_WINDOW, None),
    Param("mode", ArgKind.CHOICE, "nearest", check=choice("nearest", "bilinear")),
    Param("size", ArgKind.OPTIONAL_WINDOW, None),
    Param("align_corners", ArgKind.FLAG, True),
    make=_make_upsample,
)
@dataclass(frozen=True)
class UpsampleConfig(LayerConfig):
    """``Upsample(scale)`` / ``Upsample(size=(oh, ow))``: ``Tensor[B, C, H, W] ->
    Tensor[B, C, H*sh, W*sw]`` or ``Tensor[B, C, oh, ow]``. Nearest needs ``oh``, ``ow``
    multiples of ``H``, ``W`` (each pixel is repeated a whole number of times, as NNlib's).

    >>> UpsampleConfig(size=(7, 7), mode="bilinear").repr()
    'Upsample("bilinear", size=(7, 7))'
    >>> UpsampleConfig(size=(10, 9)).rule((2, 3, 4, 3))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot fit the input of "Upsample(size=(10, 9))": x has Tensor[2, 3, 4, 3]; need the output size at axis 2 a multiple of the input size for "nearest" (10 % 4 = 2)
    """

    scale: Optional[IntPair] = None
    size: Optional[IntPair] = None
    mode: str = "nearest"
    align_corners: bool = True

    name = "Upsample"
    ranks = (4,)
    out_rank = 4

    def repr(self) -> str:
        parts = [] if self.mode == "nearest" else [f'"{self.mode}"']
        if self.scale is not None:
            parts.append(f"scale={_text(self.scale)}")
        if self.size is not None:
            parts.append(f"size=({self.size[0]}, {self.size[1]})")
        if not self.align_corners and self.mode != "nearest":
            parts.append("align_corners=False")
        return f"Upsample({', '.join(parts)})"

    def expected(self) -> Shape:
        return (B_, _C, H_, W_)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = image_dims(x)
        if self.scale is not None:
            return (b, c, h * self.scale[0], w * self.scale[1])
        if self.size is None:
            raise CannotTell("Upsample without scale or size")
        if self.mode == "nearest":
            for axis, (n, out) in enumerate(zip((h, w), self.size), start=2):
                if not is_int(out) or not (is_int(n) or isinstance(n, Expr)):
                    continue
                rest = remainder(out, n) if is_int(n) else None
                if rest:
                    raise ShapeError(messages.layer_not_multiple(
                        self.repr(), x, f"the output size at axis {axis} a multiple of the "
                        f'input size for "nearest" ({out} % {n} = {rest})'))
        return (b, c, self.size[0], self.size[1])


@layer("PixelShuffle", Param("r", ArgKind.SIZE), type_args=("r",))
@dataclass(frozen=True)
class PixelShuffleConfig(LayerConfig):
    """``PixelShuffle(r)``: ``Tensor[B, C*r^2, H, W] -> Tensor[B, C, H*r, W*r]``; the
    channels must divide by ``r^2``.

    >>> from typedflux.shapes.dims import sym
    >>> PixelShuffleConfig(2).rule((sym("B"), 4 * sym("K"), sym("H"), 5))
    (B, K, 2*H, 10)
    >>> PixelShuffleConfig(2).rule((sym("B"), 4 * sym("K") + 2, sym("H"), 5))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot fit the input of "PixelShuffle(2)": x has Tensor[B, 4*K + 2, H, 5]; need the size at axis 1 divisible by r^2 = 4 ((4*K + 2) % 4 = 2)
    """

    r: Dim

    name = "PixelShuffle"
    ranks = (4,)
    out_rank = 4

    def repr(self) -> str:
        return f"PixelShuffle({self.r})"

    def expected(self) -> Shape:
        return (B_, _C, H_, W_)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = image_dims(x)
        r = self.r
        rr = r * r
        rest = remainder(c, rr)
        if rest:
            text = str(c)
            shown = f"({text})" if " " in text else text
            raise ShapeError(messages.layer_not_multiple(
                self.repr(), x, f"the size at axis 1 divisible by r^2 = {rr} ({shown} % {rr} = "
                f"{rest})"))
        return (b, c // rr, h * r, w * r)
