"""A construction choosing layers with walrus tests and a match statement on a mode string,
None defaults and tuples of sizes; the body matches on what the instance holds."""
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Conv, Dense, Tensor, gelu, relu


class Head:
    def __init__(self, d: int, mode: str = "linear", mid: Optional[int] = None,
                 kernel: Tuple[int, ...] = ()) -> None:
        if (m := mid) is None:
            m = d
        match mode:
            case "mlp":
                self.layers = [Dense(d, m, gelu), Dense(m, d)]
            case "deep" if m > 2:
                self.layers = [Dense(d, m, relu), Dense(m, m, relu), Dense(m, d)]
            case _:
                self.layers = [Dense(d, d)]
        self.conv = Conv(kernel, 1, 1, pad="same") if kernel and len(kernel) == 2 else None
        self.mode = mode

    def __call__(self, x: Tensor) -> Tensor:
        for layer in self.layers:
            x = layer(x)
        match self.mode:
            case "mlp":
                return tf.relu(x)
            case _:
                return x


for mode in ("linear", "mlp", "deep"):
    print(mode, Head(8, mode)(tf.randn(2, 8)).shape)
print(Head(8, "mlp", 32)(tf.randn(2, 8)).shape, Head(8, "deep", 1)(tf.randn(2, 8)).shape)
h = Head(4, kernel=(3, 3))
if (c := h.conv) is not None:
    print(c(tf.randn(1, 1, 5, 5)).shape)
