"""An encoder keeps its feed-forward blocks and norms in list attributes built by
comprehensions; the norms were sized for the hidden width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu


class Encoder:
    def __init__(self, depth: int) -> None:
        self.ffs = [Chain(Dense(24, 96, gelu), Dense(96, 24)) for _ in range(depth)]
        self.norms = [LayerNorm(96) for _ in range(depth)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for ff, norm in zip(self.ffs, self.norms):
            x = x + ff(norm(x))
        return x


print(Encoder(2)(tf.randn(2, 5, 24)).shape)  # BUG  # E: LayerNorm(96) expects input Tensor[..., 96], got Tensor[2, 5, 24]; need size 96 at axis -1 (got 24)  [shape]
