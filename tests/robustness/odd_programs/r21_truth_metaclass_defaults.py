"""Constructions deciding widths by Python truth of None, 0, "", () defaults, in classes made by
a metaclass that adds a class attribute; an object with __bool__ and a list stay undecided."""
from typing import Any, Dict, List, Optional, Tuple

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu


class WithDefaults(type):
    def __new__(mcs, name: str, bases: Tuple[type, ...], ns: Dict[str, Any]) -> "WithDefaults":
        ns.setdefault("scale", 2)
        return super().__new__(mcs, name, bases, ns)


class Flag:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


class Mlp(metaclass=WithDefaults):
    def __init__(self, d: int, hidden: Optional[int] = None, norm: str = "", extra: Tuple[int, ...] = (),
                 depth: int = 0, flag: Optional[Flag] = None, widths: Optional[List[int]] = None) -> None:
        hidden = hidden if hidden else d * 2
        self.up = Dense(d, hidden, relu)
        self.down = Dense(hidden, d)
        self.norm = LayerNorm(d) if norm else None
        self.more = [Dense(d, d) for _ in range(depth)] if depth else []
        self.extra = Dense(d, extra[0]) if extra else None
        self.gate = Dense(d, d) if flag else Dense(d, d)
        self.widths = widths or [d]

    def __call__(self, x: Tensor) -> Tensor:
        h = self.gate(x + self.down(self.up(x)))
        if self.norm is not None:
            h = self.norm(h)
        for m in self.more:
            h = m(h)
        if self.extra is not None:
            return self.extra(h)
        return h


print(Mlp(4)(tf.randn(2, 4)).shape)
print(Mlp(4, 0, "ln", (), 2, Flag(False))(tf.randn(2, 4)).shape)
print(Mlp(4, 16, "", (3,), flag=Flag(True), widths=[])(tf.randn(2, 4)).shape)
print(Chain(Mlp(6, norm="x", extra=(5,)), Dense(5, 1))(tf.randn(3, 6)).shape)
