"""Which modules a hook can skip: those that cannot hold a typedflux type and whose errors
mypy never shows.

A program that imports torch (``examples/train_ddp.py``) makes mypy check all of torch (and
onnx, matplotlib, pyparsing...): thousands of modules whose module-level calls and attribute
reads reach the plugin's catch-all hooks (a user function's call, an attribute read), ~40 %
of the hooks' time on the examples and snapshot cases. What those hooks do there is about
typedflux types: a helper call gets a layer type only when it builds a typedflux layer, and
the boundary checks compare tensors with a ``Tensor`` annotation; their messages are
``[shape]`` errors. A module can only hold a typedflux type if typedflux is among its
imports, directly or through other modules. So a hook skips a module when both hold:

- no chain of imports leads from it to a ``typedflux`` module (read from each tree's
  ``imports``, every import statement of the file, in functions too; a tree read from mypy's
  cache has none, so it counts as reaching typedflux);
- mypy ignores its errors (an installed package, ``follow_imports = silent``,
  ``ignore_errors``): nothing a hook said there would be shown.

There the hook gives mypy's own type, which is what it gives in such a module anyway: the
output of mypy is the same, only sooner (hooks whose work is not about typedflux types, a
plain class's attribute values in flow_instances.py, still run everywhere). The same holds
for the signature hook of a user function's call (``calls.py``: shaped parameters, dims
bound per call, an annotation's shape): there it gives mypy's signature, made safe under a
union type context as everywhere (``union_contexts.py``).

The answer is computed once per build from the modules mypy hands the plugin
(:meth:`Reach.set_modules`; mypy's daemon calls it again after an edit, and a changed number
of modules recomputes it too), so an edit that adds an import is never answered stale.

>>> from mypy.nodes import Import, MypyFile
>>> def tree(name, *imports):
...     t = MypyFile([], [Import([(i, None)]) for i in imports]); t._fullname = name
...     return t
>>> reach = Reach()
>>> reach.set_modules({"typedflux": tree("typedflux"), "user": tree("user", "helper"),
...                    "helper": tree("helper", "typedflux"), "torch": tree("torch", "os")})
>>> sorted(reach.unreached())
['torch']
"""

from __future__ import annotations

from typing import Container, Dict, FrozenSet, List, Optional, Tuple

from mypy.nodes import Import, ImportAll, ImportFrom, MypyFile
from mypy.util import correct_relative_import

__all__ = ["Reach", "imported"]

_ROOT = "typedflux"


def imported(tree: MypyFile, modules: Container[str],
             packages: Container[str]) -> Optional[List[str]]:
    """The modules of ``modules`` that ``tree``'s import statements name (a ``from`` import's
    names too, when they are submodules: only a name in ``packages`` has any), or the
    nearest package above a module the build does not hold; None when a relative import
    cannot be resolved (the tree is then taken to reach anything). The packages above each
    are reached through :class:`Reach`'s edge from every module to its package
    (``import a.b`` runs ``a`` too).

    >>> from mypy.nodes import ImportFrom, MypyFile
    >>> t = MypyFile([], [ImportFrom("a.b", 0, [("c", None)])]); t._fullname = "m"
    >>> imported(t, {"a", "a.b.c"}, {"a", "a.b"})
    ['a', 'a.b.c']
    """
    out: List[str] = []
    init = tree.is_package_init_file()
    for imp in tree.imports:
        if isinstance(imp, Import):
            targets = [name for name, _ in imp.ids]
        elif isinstance(imp, (ImportFrom, ImportAll)):
            base, ok = correct_relative_import(tree.fullname, imp.relative, imp.id, init)
            if not ok or not base:
                return None
            targets = [base]
            if isinstance(imp, ImportFrom) and base in packages:
                targets += [f"{base}.{name}" for name, _ in imp.names]
        else:
            return None
        for target in targets:
            if target in modules:
                out.append(target)
                continue
            while "." in target:  # (not in the build: the nearest package above that is)
                target = target.rpartition(".")[0]
                if target in modules:
                    out.append(target)
                    break
    return out


class Reach:
    """The modules of this build with no import path to typedflux (see the module docs).

    >>> Reach().unreached()
    frozenset()
    """

    def __init__(self) -> None:
        self._modules: Dict[str, MypyFile] = {}
        self._unreached: Optional[FrozenSet[str]] = None
        self._count = -1
        self._last: Tuple[object, bool] = (None, False)

    def set_modules(self, modules: Dict[str, MypyFile]) -> None:
        """A new build (or mypy's daemon after an edit): read the imports again."""
        self._modules = modules
        self._unreached = None
        self._last = (None, False)

    def unreached(self) -> FrozenSet[str]:
        """The names of the modules no import chain leads from to typedflux."""
        if self._unreached is None or len(self._modules) != self._count:
            self._count = len(self._modules)
            self._unreached = self._compute()
            self._last = (None, False)
        return self._unreached

    def _compute(self) -> FrozenSet[str]:
        importers: Dict[str, List[str]] = {}
        reaching: List[str] = []
        modules = self._modules
        packages = {name.rpartition(".")[0] for name in modules}
        for name, tree in list(modules.items()):
            if name == _ROOT or name.startswith(_ROOT + "."):
                reaching.append(name)
                continue
            deps = None if tree.is_cache_skeleton else imported(tree, modules, packages)
            if deps is None:
                reaching.append(name)
                continue
            package = name.rpartition(".")[0]
            if package:
                deps.append(package)  # (its package runs first: ``a.b`` sees ``a``)
            for dep in deps:
                found = importers.get(dep)
                if found is None:
                    importers[dep] = [name]
                else:
                    found.append(name)
        seen = set(reaching)
        while reaching:
            for importer in importers.get(reaching.pop(), ()):
                if importer not in seen:
                    seen.add(importer)
                    reaching.append(importer)
        return frozenset(modules.keys() - seen)

    def unreached_name(self, fullname: str) -> bool:
        """Whether ``fullname`` is defined in a module no import chain leads from to
        typedflux (so its value is no typedflux type, nor an alias of one).

        >>> Reach().unreached_name("os.path")
        False
        """
        module = fullname
        while "." in module:
            module = module.rpartition(".")[0]
            if module in self._modules:
                return module in self.unreached()
        return False

    def skips(self, api: object) -> bool:
        """Whether a hook called by the checker ``api`` may leave mypy's type as it is: its
        module reaches no typedflux module and its errors are not shown.

        >>> Reach().skips(object())
        False
        """
        tree = getattr(api, "tree", None)
        if tree is self._last[0] and self._unreached is not None:
            return self._last[1]  # (hooks come module by module: the last answer is kept)
        # (errors shown first: the user's modules never need the imports read)
        errors = getattr(api, "errors", None)
        skip = isinstance(tree, MypyFile) and getattr(api, "path", None) in getattr(
            errors, "ignored_files", ()) and tree.fullname in self.unreached()
        self._last = (tree, skip)
        return skip
