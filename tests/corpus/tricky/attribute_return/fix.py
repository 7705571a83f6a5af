"""A cache attribute is returned from a method annotated with another width."""
import typedflux as tf
from typedflux import Dense, Tensor


class Memory:
    def __init__(self) -> None:
        self.proj = Dense(16, 8)
        self.cache = self.proj(tf.zeros(2, 16))

    @tf.shapecheck
    def read(self) -> Tensor[2, 8]:
        return self.cache


print(Memory().read().shape)
