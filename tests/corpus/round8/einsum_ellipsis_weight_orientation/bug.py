"""A batched projection written as einsum with an ellipsis; the weight is stored as
[out, in] (PyTorch's layout) and the subscript reads it as [in, out]."""
import typedflux as tf

w = tf.randn(8, 24)          # out, in
x = tf.randn(2, 5, 24)
y = tf.einsum("...d,de->...e", x, w)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[2, 5, 24], xs[1] has Tensor[8, 24]; need one size for "d" in "...d,de->...e" (24 at axis 2 of xs[0] vs 8 at axis 0 of xs[1])  [shape]
print(y.shape)
