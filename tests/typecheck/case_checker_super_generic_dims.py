"""``super().doubled()`` in a subclass that fixes a dim of its generic base (s15 gc02).

``Feat(Generic[B, N])`` returns ``Tensor[B, "2*N"]`` from ``doubled``; ``Feat4(Feat[B, 4])``
calls it through ``super()``. mypy puts the subclass's types into the base's bare type
variables but not into a string dim, and runs no method hook for a ``super()`` call, so the
result was ``Tensor[B, 2*N]`` and ``return super().doubled()`` under ``-> Tensor[B, 8]`` a
false ``[shape]``. The subclass's binding (``N`` is 4) is put in: ``Tensor[B, 8]``; a base
parameter bound to no dim (``Feat[B, int]``) leaves the dims that name it unknown.

Known limit: mypy's own ``[override]`` check of ``doubled`` compares the two annotations as
written (``Literal['2*N']`` against ``Literal[8]``) and keeps its error, in ``Literal`` words
(docs/errors.md, "Known limits").
"""

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
N = TypeVar("N", bound=int)


class Feat(Generic[B, N]):
    def __init__(self, x: Tensor[B, N]) -> None:
        self.x = x

    def doubled(self) -> Tensor[B, "2*N"]:
        return tf.cat(self.x, self.x, axis=1)


class Feat4(Feat[B, 4]):
    def doubled(self) -> Tensor[B, 8]:  # E: Return type "Tensor[B, Literal[8]]" of "doubled" incompatible with return type "Tensor[B, Literal['2*N']]" in supertype "Feat"  [override]
        return super().doubled()


class FeatAny(Feat[B, int]):
    def wide(self) -> Tensor[B, 8]:
        return super().doubled()  # (N is any size here: unknown, not 2*N)


class FeatC(Feat[C, 4]):
    @tf.shapecheck
    def halved(self) -> Tensor[C, 4]:
        return super().doubled()  # E: Return shape Tensor[C, 8] does not match the annotation Tensor[C, 4]: axis 1 is 8, expected 4  [shape]

    @tf.shapecheck
    def halved_fixed(self) -> Tensor[C, 8]:
        return super().doubled()


print(Feat4(tf.zeros(2, 4)).doubled().shape)
print(FeatAny(tf.zeros(2, 4)).wide().shape)
print(FeatC(tf.zeros(3, 4)).halved_fixed().shape)
FeatC(tf.zeros(3, 4)).halved()
