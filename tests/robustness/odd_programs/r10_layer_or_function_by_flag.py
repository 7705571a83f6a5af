"""A layer or a plain function picked by a flag: torch's `nn.LayerNorm(d) if norm else nn.Identity()`."""
import typedflux as tf
from typedflux import Dense, LayerNorm, relu, identity


class Block:
    def __init__(self, d: int, use_norm: bool) -> None:
        self.norm = LayerNorm(d) if use_norm else identity
        self.act = relu if use_norm else Dense(d, d)
        self.fc = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.act(self.fc(self.norm(x)))


print(Block(8, True)(tf.randn(2, 8)).shape, Block(8, False)(tf.randn(2, 8)).shape)
norm = LayerNorm(8) if len("ab") > 1 else identity
print(norm(tf.randn(2, 8)).shape)
