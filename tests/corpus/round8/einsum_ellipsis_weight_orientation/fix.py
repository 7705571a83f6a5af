"""A batched projection written as einsum with an ellipsis; the weight is stored as
[out, in] (PyTorch's layout) and the subscript reads it as [in, out]."""
import typedflux as tf

w = tf.randn(8, 24)          # out, in
x = tf.randn(2, 5, 24)
y = tf.einsum("...d,ed->...e", x, w)
print(y.shape)
