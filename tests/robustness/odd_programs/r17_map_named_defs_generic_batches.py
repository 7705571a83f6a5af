"""Correct (round 17's false-alarm hunt): a generic def mapped over a list of tensors of several batch sizes (B binds per call)."""
from typing import List, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def scale(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x * 2.0


outs = list(map(scale, [tf.zeros(2, 4), tf.zeros(5, 4)]))
outs2 = [*map(scale, (tf.zeros(1, 4), tf.zeros(3, 4)))]
print(len(outs), len(outs2))


def run(xs: List[Tensor[B, 4]]) -> List[Tensor[B, 4]]:
    return list(map(scale, xs))


print(len(run([tf.zeros(2, 4)])))
