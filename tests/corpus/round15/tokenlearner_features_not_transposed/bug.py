"""TokenLearner: S spatial attention maps (a 3x3 conv to S channels and a sigmoid, flattened to
(B, S, HW)) weight the features, flattened to (B, HW, C), into S tokens; the features were
flattened to (B, C, HW) and not transposed."""
import typedflux as tf
from typedflux import Conv, sigmoid


class TokenLearner:
    def __init__(self, c: int, s: int) -> None:
        self.attn = Conv((3, 3), c, s, sigmoid, pad=1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        a = self.attn(x).reshape(b, -1, h * w)
        f = x.reshape(b, c, h * w)
        return a @ f / (h * w)


tl = TokenLearner(32, 8)
tokens = tl(tf.randn(2, 32, 4, 4))  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 8, 16], w has Tensor[2, 32, 16]; need x.shape[-1] == w.shape[-2] (16 vs 32); did you mean to swap the last two axes of w (swapaxes(w, -1, -2))?  [shape]
print(tokens.shape)
