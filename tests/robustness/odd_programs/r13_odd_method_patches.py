"""Odd patch forms (crash hunt for flow_patches): dynamic names, del, patches in loops, on
builtins, through type(), on a module, a lambda, a staticmethod, a property."""
import types

import typedflux as tf
from typedflux import Dense


class Net:
    def __init__(self) -> None:
        self.fc = Dense(4, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def other(self, x: tf.Tensor) -> tf.Tensor:
        return x


name = "oth" + "er"
setattr(Net, name, lambda self, x: self.fc(x))
for n in ("other",):
    setattr(Net, n, Net.other)
type(Net()).extra = staticmethod(lambda x: x)  # type: ignore[attr-defined]
Net.prop = property(lambda self: self.fc)  # type: ignore[attr-defined]
net = Net()
net.__call__ = types.MethodType(lambda self, x: self.fc(x), net)  # type: ignore[method-assign]
setattr(net, "other", lambda x: x)
delattr(Net, "other")
print(net(tf.randn(2, 4)).shape, Dense(8, 1)(net(tf.randn(2, 4))).shape)
tf.Dense.extra_helper = lambda self: None  # type: ignore[attr-defined]
setattr(tf, "helper", None)
print(Dense(4, 8)(tf.randn(2, 4)).shape)
