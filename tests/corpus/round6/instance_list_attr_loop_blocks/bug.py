"""A model holding its blocks in a list attribute built in __init__, run in a loop in
__call__; the final norm has the wrong width."""
import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu


class Tower:
    def __init__(self, width: int, depth: int) -> None:
        self.blocks = [Dense(width, width, gelu) for _ in range(depth)]
        self.norm = LayerNorm(2 * width)

    def __call__(self, x: Tensor) -> Tensor:
        for block in self.blocks:
            x = x + block(x)
        return self.norm(x)


tower = Tower(16, 3)
print(tower(tf.randn(2, 16)).shape)  # BUG  # E: LayerNorm(32) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]
