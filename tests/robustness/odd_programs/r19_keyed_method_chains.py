"""a generic class's method whose result names its dims in a string, chained, called on a
subclass instance, through getattr, and on instances of two sizes in one list."""
from __future__ import annotations
from typing import Generic, List, TypeVar
import typedflux as tf
from typedflux import Tensor

K = TypeVar("K")
N = TypeVar("N", bound=int)


class Keyed(Generic[K, N]):
    def __init__(self, key: K, x: Tensor[N]) -> None:
        self.key = key
        self.x = x

    def pad(self) -> Keyed[K, "N + 1"]:
        return Keyed(self.key, tf.cat(self.x, tf.zeros(1), axis=0))


class Named(Keyed[str, N]):
    pass


a = Keyed("a", tf.zeros(5))
b: Keyed[str, 7] = a.pad().pad()
n = Named("n", tf.zeros(3))
c: Keyed[str, 4] = n.pad()
p = getattr(a, "pad")
d = p()
ks: List[Keyed[str, int]] = [Keyed("x", tf.zeros(2)), Keyed("y", tf.zeros(3))]
for k in ks:
    print(k.pad().x.shape)
print(b.x.shape, c.x.shape, d.x.shape)
