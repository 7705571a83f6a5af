"""Mamba's selective SSM projections: x_proj maps d_inner to dt_rank + 2*N, split into
(dt, B, C); dt_proj maps dt_rank back to d_inner. The split sizes were listed in the wrong
order, so dt comes out with N features."""
import typedflux as tf
from typedflux import Dense, softplus

D_INNER, DT_RANK, N = 32, 4, 8
x_proj = Dense(D_INNER, DT_RANK + 2 * N, bias=False)
dt_proj = Dense(DT_RANK, D_INNER)
x = tf.randn(2, 10, D_INNER)
dt, Bs, Cs = tf.split(x_proj(x), [N, N, DT_RANK], axis=-1)
delta = softplus(dt_proj(dt))  # BUG  # E: Dense(4 => 32) expects input Tensor[..., 4], got Tensor[2, 10, 8]; need size 4 at axis -1 (got 8)  [shape]
print(delta.shape, Bs.shape, Cs.shape)
