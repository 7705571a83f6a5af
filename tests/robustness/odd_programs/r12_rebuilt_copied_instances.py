"""A model rebuilt by a method returning self (Net(16).widen()), deep and shallow copies changed
after the copy, an instance in a list changed through the list, a method called by getattr."""
from __future__ import annotations

import copy

import typedflux as tf
from typedflux import Dense


class Net:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 4)

    def widen(self) -> Net:
        self.fc = Dense(8, 4)
        return self

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


m = Net(16).widen()
print(m(tf.randn(2, 8)).shape)
m2 = copy.deepcopy(Net(16))
m2.fc = Dense(8, 4)
print(m2(tf.randn(2, 8)).shape)
m3 = Net(16)
m4 = copy.copy(m3)
m4.fc = Dense(8, 4)
print(m3(tf.randn(2, 8)).shape if False else m4(tf.randn(2, 8)).shape)
nets = [Net(16)]
nets[0].widen()
print(nets[0](tf.randn(2, 8)).shape)
m5 = Net(16)
getattr(m5, "widen")()
print(m5(tf.randn(2, 8)).shape)
