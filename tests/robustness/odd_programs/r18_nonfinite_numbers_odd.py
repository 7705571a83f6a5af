"""Odd but valid (round 18's crash hunt): numbers of unknown value in model bodies: nan, math.nan, np.float32("-inf"), sys.float_info.max negated, float("1e309"), a float from a Decimal, -np.finfo(np.float32).max, numbers through min/max/abs/round, a float attribute, and inf in tf.full, clip and where, both operand orders."""
from __future__ import annotations
import decimal
import math
import sys
import numpy as np
import typedflux as tf
from typedflux import Dense, Tensor


class Masked:
    def __init__(self, d: int, fill: float) -> None:
        self.fc = Dense(d, d)
        self.fill = fill

    def __call__(self, x: Tensor) -> Tensor:
        h = self.fc(x)
        keep = h > 0
        a = tf.where(keep, h, float("nan"))
        b = tf.where(keep, math.nan, h)
        c = tf.where(keep, h, np.float32("-inf"))
        e = tf.where(keep, h, -sys.float_info.max)
        f = tf.where(keep, h, float("1e309"))
        g = tf.where(keep, h, float(decimal.Decimal("-1e30")))
        k = tf.where(keep, h, -float(np.finfo(np.float32).max))
        m = tf.where(keep, h, min(-1e9, self.fill))
        n = tf.where(keep, abs(self.fill) * -1.0, h)
        full = tf.full(*h.shape, value=-math.inf)
        out = tf.where(keep, h, full)
        return tf.softmax(out, axis=-1) + (a * 0).sum() * 0 + b.sum() * 0 + c.shape[0] + e.shape[0] + f.shape[0] + g.shape[0] + k.shape[0] + m.shape[0] + n.shape[0]


y = Masked(4, -math.inf)(tf.randn(3, 4))
z = Dense(4, 2)(y)
print(z.shape)
