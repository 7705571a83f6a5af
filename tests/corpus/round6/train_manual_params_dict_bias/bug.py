"""Linear regression with parameters in a dict and a hand-written SGD step; the bias was
sized by the inputs."""
import typedflux as tf

tf.seed(6)
x = tf.randn(40, 5)
y = tf.randn(40, 3)
params = {"w": tf.randn(5, 3) * 0.1, "b": tf.zeros(5)}
pred = x @ params["w"] + params["b"]  # BUG  # E: Cannot broadcast for "add": x has Tensor[40, 3], y has Tensor[5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]
for step in range(5):
    (g,) = tf.gradient(lambda p: tf.losses.mse(x @ p["w"] + p["b"], y), params)
    params = {k: params[k] - 0.1 * g[k] for k in params}
print(tf.losses.mse(x @ params["w"] + params["b"], y).item(), pred.shape)
