"""A U-Net written with loops over lists of layers (PyTorch ModuleList style); the input has 3 channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class UNet:
    def __init__(self) -> None:
        self.downs = [Conv((3, 3), 1, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
        self.pool = MaxPool((2, 2))
        self.mid = Conv((3, 3), 16, 32, relu, pad=1)
        self.ups = [ConvTranspose((2, 2), 32, 16, stride=2), ConvTranspose((2, 2), 16, 8, stride=2)]
        self.decs = [Conv((3, 3), 32, 16, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
        self.out = Conv((1, 1), 8, 2)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 1, 16, 16]) -> Tensor[B, 2, 16, 16]:
        skips = []
        h = x
        for down in self.downs:
            h = down(h)  # ALARM[gap layers: layers of different sizes in one list join to object]  # E: "object" not callable  [operator]
            skips.append(h)
            h = self.pool(h)
        h = self.mid(h)  # ALARM[gap layers: a layer called on a union of shapes (a loop's variable) fails mypy's own arg-type check of the declared __call__]  # E: Argument 1 to "__call__" of "Conv" has incompatible type "Tensor[B, Literal[1], Literal[16], Literal[16]] | Tensor[Any, Any, Any, Any]"; expected "Tensor[Any, Literal[16], Any, Any]"  [arg-type]
        for up, dec in zip(self.ups, self.decs):
            h = up(h)  # ALARM[gap layers: layers of different sizes in one list join to object]  # E: "object" not callable  [operator]
            h = dec(tf.cat(h, skips.pop(), axis=1))  # ALARM[gap layers: layers of different sizes in one list join to object]  # E: "object" not callable  [operator]
        return self.out(h)  # ALARM[gap layers: a layer called on a union of shapes (a loop's variable) fails mypy's own arg-type check of the declared __call__]  # E: Argument 1 to "__call__" of "Conv" has incompatible type "Any | Tensor[Any, Literal[32], Any, Any]"; expected "Tensor[B, Literal[8], Any, Any]"  [arg-type]


net = UNet()
print(net(tf.randn(2, 3, 16, 16)).shape)  # BUG  # E: Argument "x" of "UNet.__call__" has shape Tensor[2, 3, 16, 16], which does not match the annotation Tensor[B, 1, 16, 16]: axis 1 is 3, expected 1  [shape]  # N: B=2
