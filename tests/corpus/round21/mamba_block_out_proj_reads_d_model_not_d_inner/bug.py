"""A Mamba block as mamba-minimal writes it: in_proj to 2 * d_inner split into x and the gate
z, a depthwise causal conv over time (channels first, left padding d_conv - 1), x_proj to
dt_rank + 2 * d_state (delta, B, C), dt_proj back to d_inner, a selective scan over the
sequence with A = -exp(A_log), and out_proj from d_inner to d_model after the silu gate."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Conv, Dense, Tensor


class MambaBlock:
    def __init__(self, d_model: int, d_state: int = 4, expand: int = 2, d_conv: int = 3) -> None:
        self.d_inner = expand * d_model
        self.dt_rank = math.ceil(d_model / 16)
        self.d_state = d_state
        self.d_conv = d_conv
        self.in_proj = Dense(d_model, self.d_inner * 2, bias=False)
        self.conv1d = Conv((1, d_conv), self.d_inner, self.d_inner, groups=self.d_inner)
        self.x_proj = Dense(self.d_inner, self.dt_rank + d_state * 2, bias=False)
        self.dt_proj = Dense(self.dt_rank, self.d_inner)
        self.A_log = tf.log(tf.ones(self.d_inner, d_state) * 2.0)
        self.D = tf.ones(self.d_inner)
        self.out_proj = Dense(d_model, d_model, bias=False)

    def ssm(self, x: Tensor) -> Tensor:
        A = -tf.exp(self.A_log)
        dbc = self.x_proj(x)
        delta, B, C = tf.split(dbc, (self.dt_rank, self.d_state, self.d_state), axis=-1)
        delta = tf.softplus(self.dt_proj(delta))
        h = tf.zeros(x.shape[0], self.d_inner, self.d_state)
        ys = []
        for t in range(x.shape[1]):
            dA = tf.exp(delta[:, t, :, None] * A)
            dBx = delta[:, t, :, None] * B[:, t, None, :] * x[:, t, :, None]
            h = dA * h + dBx
            ys.append((h * C[:, t, None, :]).sum(axis=-1))
        return tf.stack(ys, axis=1) + x * self.D

    def __call__(self, x: Tensor) -> Tensor:
        xz = self.in_proj(x)
        xs, z = tf.chunk(xz, 2, axis=-1)
        xc = tf.pad(xs.swapaxes(1, 2)[:, :, None, :], ((0, 0), (0, 0), (0, 0), (self.d_conv - 1, 0)))
        xs = tf.swish(self.conv1d(xc)[:, :, 0, :].swapaxes(1, 2))
        y = self.ssm(xs) * tf.swish(z)
        return self.out_proj(y)


block = MambaBlock(8)
out = block(tf.randn(2, 6, 8))  # BUG[gap boundaries: self.ssm(xs), a method whose body runs a for loop over range(x.shape[1]) rebinding the carried state h and appending to a list (a selective scan), is unknown where called in __call__ (the same lines at module level give Tensor[2, 6, 16]), so out_proj meets an unknown width]
print(out.shape)
