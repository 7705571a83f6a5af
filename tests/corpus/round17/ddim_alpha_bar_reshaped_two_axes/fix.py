"""A DDIM step: each sample's alpha_bar(t) is gathered for its timestep and reshaped to (B, 1,
1, 1) so it scales that sample's whole latent; the predicted x0 is then re-noised."""
import typedflux as tf

B, C, H, W, STEPS = 4, 4, 8, 8, 50
alphas_bar = tf.tensor([1.0 - 0.02 * i for i in range(STEPS)])
t = tf.tensor([10, 20, 30, 40])
a = alphas_bar[t].reshape(B, 1, 1, 1)
x_t = tf.randn(B, C, H, W)
eps = tf.randn(B, C, H, W)
x0 = (x_t - tf.sqrt(1.0 - a) * eps) / tf.sqrt(a)
a_prev = alphas_bar[t - 5].reshape(B, 1, 1, 1)
x_prev = tf.sqrt(a_prev) * x0 + tf.sqrt(1.0 - a_prev) * eps
print(x_prev.shape)
