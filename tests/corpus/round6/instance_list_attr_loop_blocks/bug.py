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
print(tower(tf.randn(2, 16)).shape)  # BUG[gap flow: a list attribute built by a comprehension in __init__ (self.blocks = [Dense(w, w) for _ in range(depth)]) is not followed in the traced instance]
