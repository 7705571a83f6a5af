"""RWKV-4's ChannelMix and TimeMix (as in BlinkDL's RWKV-LM, simplified): token shift by one
step (pad one step of zeros at the front, drop the last), per-channel mix weights, the
channel mix a squared-relu key of `hidden = 4 * n_embd` read back by `value`, gated by a
sigmoid receptance; the time mix a WKV recurrence over the sequence with per-channel decay."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor


def time_shift(x: Tensor) -> Tensor:
    return tf.pad(x, ((0, 0), (1, 0), (0, 0)))[:, :-1, :]


class ChannelMix:
    def __init__(self, n_embd: int, hidden: int) -> None:
        self.time_mix_k = tf.ones(1, 1, n_embd) * 0.5
        self.time_mix_r = tf.ones(1, 1, n_embd) * 0.5
        self.key = Dense(n_embd, hidden, bias=False)
        self.receptance = Dense(n_embd, n_embd, bias=False)
        self.value = Dense(n_embd, n_embd, bias=False)

    def __call__(self, x: Tensor) -> Tensor:
        xx = time_shift(x)
        xk = x * self.time_mix_k + xx * (1 - self.time_mix_k)
        xr = x * self.time_mix_r + xx * (1 - self.time_mix_r)
        k = tf.relu(self.key(xk))
        kv = self.value(k * k)
        return tf.sigmoid(self.receptance(xr)) * kv


class TimeMix:
    def __init__(self, n_embd: int) -> None:
        self.time_decay = tf.ones(n_embd) * -0.5
        self.time_first = tf.zeros(n_embd)
        self.time_mix = tf.ones(1, 1, n_embd) * 0.5
        self.key = Dense(n_embd, n_embd, bias=False)
        self.value = Dense(n_embd, n_embd, bias=False)
        self.receptance = Dense(n_embd, n_embd, bias=False)
        self.output = Dense(n_embd, n_embd, bias=False)

    def __call__(self, x: Tensor) -> Tensor:
        xm = x * self.time_mix + time_shift(x) * (1 - self.time_mix)
        k, v, r = self.key(xm), self.value(xm), tf.sigmoid(self.receptance(xm))
        w = tf.exp(self.time_decay)
        num = tf.zeros(x.shape[0], x.shape[2])
        den = tf.zeros(x.shape[0], x.shape[2])
        outs = []
        for t in range(x.shape[1]):
            kt, vt = k[:, t], v[:, t]
            e = tf.exp(self.time_first + kt)
            outs.append((num + e * vt) / (den + e))
            num = num * tf.exp(-w) + tf.exp(kt) * vt
            den = den * tf.exp(-w) + tf.exp(kt)
        return self.output(r * tf.stack(outs, axis=1))


class Block:
    def __init__(self, n_embd: int) -> None:
        self.ln1 = LayerNorm(n_embd)
        self.ln2 = LayerNorm(n_embd)
        self.att = TimeMix(n_embd)
        self.ffn = ChannelMix(n_embd, 4 * n_embd)

    def __call__(self, x: Tensor) -> Tensor:
        x = x + self.att(self.ln1(x))
        return x + self.ffn(self.ln2(x))


block = Block(16)
y = block(tf.randn(2, 5, 16))  # BUG[gap boundaries: TimeMix's body runs the WKV recurrence in a for loop over range(x.shape[1]) (num/den carried, outs appended, tf.stack(outs)): block.att(x) is unknown, so x = x + self.att(...) loses its shape before the ChannelMix; block.ffn(tf.randn(2, 5, 16)) alone is reported]
print(y.shape)
