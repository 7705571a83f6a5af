"""Held list and dict methods in odd places: a declared list's append as a default argument
value, through functools.partial, in a lambda; dict.update with a list of pairs, a zip and a
generator of pairs of several shapes."""
import functools
from typing import Callable, Dict, List

import typedflux as tf
from typedflux import Tensor

feats: List[Tensor] = []
named: Dict[str, Tensor] = {}


def record(t: Tensor, sink: Callable[[Tensor], None] = feats.append) -> Tensor:
    sink(t)
    return t


push = functools.partial(feats.insert, 0)
push(tf.zeros(3, 3))
record(tf.zeros(2, 4))
record(tf.ones(5))
keep = lambda t: feats.append(t * 2)
keep(tf.zeros(1, 1, 1))
named.update([("a", tf.zeros(2))])
named.update(zip(["b", "c"], [tf.zeros(3, 3), tf.zeros(4)]))
named.update((f"f{i}", f) for i, f in enumerate(feats))
upd = named.update
upd([("z", tf.zeros(9, 9))])
print([f.shape for f in feats], sorted(named), named["z"].shape)
