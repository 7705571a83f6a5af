"""An attribute list extended through getattr and a star-unpacking target."""
import typedflux as tf
from typedflux import Dense


class MoE:
    def __init__(self) -> None:
        self.experts = [Dense(4, 4) for _ in range(2)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.stack([e(x) for e in self.experts], axis=1)


moe = MoE()
getattr(moe, "experts").append(Dense(4, 4))
first, *rest = moe.experts
print(moe(tf.randn(2, 4)).reshape(2, 12).shape, len(rest))
