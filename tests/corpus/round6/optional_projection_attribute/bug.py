"""A residual block with an optional 1x1 projection attribute (None when the widths agree);
the projection was built for the wrong output width."""
from typing import Optional

import typedflux as tf
from typedflux import Dense, Tensor, relu


class Residual:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout, relu)
        self.proj: Optional[Dense] = Dense(cin, cin) if cin != cout else None

    def __call__(self, x: Tensor) -> Tensor:
        shortcut = x if self.proj is None else self.proj(x)
        return self.fc(x) + shortcut


print(Residual(16, 16)(tf.randn(2, 16)).shape)
print(Residual(16, 32)(tf.randn(2, 16)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 32], y has Tensor[2, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]
