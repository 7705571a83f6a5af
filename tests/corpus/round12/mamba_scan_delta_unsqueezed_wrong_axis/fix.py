"""A Mamba-style selective scan written as a loop: at each step the input-dependent step size
delta_t (B, D) discretises A (D, N) as exp(delta_t[..., None] * A); delta_t was given its new
axis in front of the channels."""
import typedflux as tf
from typedflux import Dense, softplus

B, L, D, N = 2, 5, 8, 4
A = -tf.exp(tf.randn(D, N))
to_delta = Dense(D, D)
to_b = Dense(D, N)
to_c = Dense(D, N)
x = tf.randn(B, L, D)
delta = softplus(to_delta(x))
bs, cs = to_b(x), to_c(x)
h = tf.zeros(B, D, N)
ys = []
for t in range(L):
    da = tf.exp(delta[:, t].unsqueeze(-1) * A)
    h = da * h + (delta[:, t] * x[:, t]).unsqueeze(-1) * bs[:, t].unsqueeze(1)
    ys.append((h * cs[:, t].unsqueeze(1)).sum(axis=-1))
print(tf.stack(ys, axis=1).shape)
