"""Spec of Bilinear, the layer that combines two inputs:
``Tensor[*Bs, in1], Tensor[*Bs, in2] -> Tensor[*Bs, out]``.

>>> BilinearConfig(5, 3, 7).repr(), BilinearConfig(5, 3, 7).call([(4, 5), (4, 3)])
('Bilinear((5, 3) => 7)', (4, 7))
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from typedflux.shapes import messages
from typedflux.shapes.dims import Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.errors import LayerInputError
from typedflux.shapes.layer_args import ArgKind, Param
from typedflux.shapes.layer_config import ANY, B_, LayerConfig, Shape, dim_at, dims_only
from typedflux.shapes.layer_spec import layer

__all__ = ["BilinearConfig"]


@layer(
    "Bilinear",
    Param("in1", ArgKind.SIZE),
    Param("in2", ArgKind.SIZE),
    Param("out", ArgKind.SIZE),
    Param("activation", ArgKind.ACTIVATION, "identity"),
    Param("bias", ArgKind.FLAG, True),
    type_args=("in1", "in2", "out"),
    multi_input=True,
)
@dataclass(frozen=True)
class BilinearConfig(LayerConfig):
    """``Bilinear(in1, in2, out)``: ``b(x, y)`` maps ``Tensor[*Bs, in1]`` and
    ``Tensor[*Bs, in2]`` to ``Tensor[*Bs, out]``; ``b(x)`` is ``b(x, x)`` (``in1 == in2``).

    >>> BilinearConfig(4, 4, 2, "tanh", bias=False).repr()
    'Bilinear(4 => 2, tanh, bias=False)'
    >>> BilinearConfig(5, 3, 7).call([(4, 5), (4, 2)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Bilinear((5, 3) => 7) expects inputs Tensor[..., 5] and Tensor[..., 3], got Tensor[4, 5] and Tensor[4, 2]; need size 3 at axis -1 of y (got 2)
    """

    in1: Dim
    in2: Dim
    out: Dim
    activation: str = "identity"
    bias: bool = True

    name = "Bilinear"
    min_rank = 1
    keeps_rank = True

    def repr(self) -> str:
        ins = (str(self.in1) if equal(self.in1, self.in2) is True
               else f"({self.in1}, {self.in2})")
        extra = "" if self.activation == "identity" else f", {self.activation}"
        if not self.bias:
            extra += ", bias=False"
        return f"Bilinear({ins} => {self.out}{extra})"

    def expected(self) -> Shape:
        return (ANY, self.in1)

    def template(self) -> Shape:
        return (B_, self.in1)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in1=size, in2=size) if equal(self.in1, self.in2) else replace(
            self, in1=size)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, out=size)

    def rule(self, x: Shape) -> Shape:
        return self.call([x])

    def call(self, xs: Sequence[Shape]) -> Shape:
        if len(xs) not in (1, 2):
            raise CannotTell(f"Bilinear called with {len(xs)} inputs")
        x = xs[0]
        y = xs[1] if len(xs) == 2 else x
        self._rank(x)
        self._check(x, -1, self.in1)
        if len(xs) == 1:
            self._check_second(x, y, "x")
        else:
            self._rank(y)
            self._check_second(x, y, "y")
            dx, dy = dims_only(x), dims_only(y)
            if dx is not None and dy is not None and (len(dx) != len(dy) or any(
                    equal(p, q) is False for p, q in zip(dx[:-1], dy[:-1]))):
                raise ShapeError(
                    f'Sizes differ for "{self.repr()}": x has {messages.fmt_shape(x)}, y has '
                    f"{messages.fmt_shape(y)}; need the same leading dims "
                    f"({messages.fmt_dims(dx[:-1])} vs {messages.fmt_dims(dy[:-1])})")
        if x and isinstance(x[-1], Star):
            return x[:-2] + (Star(None), self.out)
        return x[:-1] + (self.out,)

    def _check_second(self, x: Shape, y: Shape, name: str) -> None:
        got = dim_at(y, -1)
        if isinstance(got, Star) or equal(got, self.in2) is not False:
            return
        both = (ANY, self.in1), (ANY, self.in2)
        text = (f"{self.repr()} expects inputs {messages.fmt_shape(both[0])} and "
                f"{messages.fmt_shape(both[1])}, got {messages.fmt_shape(x)} and "
                f"{messages.fmt_shape(y)}; need size {self.in2} at axis -1 of {name} "
                f"(got {got})")
        if name == "x":
            text = (f"{self.repr()} called with one input x uses it as y too: expects "
                    f"input {messages.fmt_shape(both[1])}, got {messages.fmt_shape(x)}; "
                    f"need in1 == in2 ({self.in1} vs {self.in2})")
        raise LayerInputError(text, self.repr(), both[1], y, -1)
