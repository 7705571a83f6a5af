"""A method __init__ calls writes attributes on one branch of an if (on a bool, an int's truth,
a string compare); properties and a staticmethod read them; called on other arguments."""
import typedflux as tf
from typedflux import Dense, Tensor


class Block:
    def __init__(self, d: int, wide: bool = False, depth: int = 0, kind: str = "plain") -> None:
        self.d = d
        self.proj = Dense(d, d)
        self._build(wide, depth, kind)

    def _build(self, wide: bool, depth: int, kind: str) -> None:
        if wide:
            self.proj = Dense(self.d, 2 * self.d)
        if depth:
            self.extra = [Dense(self.out_width, self.out_width) for _ in range(depth)]
        else:
            self.extra = []
        if kind == "gated":
            self.gate = Dense(self.out_width, self.out_width)

    @property
    def out_width(self) -> int:
        return self.proj.weight.shape[0]

    @staticmethod
    def act(x: Tensor) -> Tensor:
        return tf.relu(x)

    def __call__(self, x: Tensor) -> Tensor:
        h = self.act(self.proj(x))
        for e in self.extra:
            h = e(h)
        if hasattr(self, "gate"):
            h = h * tf.sigmoid(self.gate(h))
        return h


print(Block(4)(tf.randn(2, 4)).shape)
print(Block(4, True, 2, "gated")(tf.randn(2, 4)).shape)
print(Block(4, wide=True)(tf.randn(2, 4)).shape, Block(4, depth=1, kind="gated")(tf.randn(2, 4)).shape)
