"""Reading a checked program line by line, as both checkers' tests do (the snapshot cases of
tests/typecheck and the bug/fix corpus here): its ``# E:``/``# N:`` marks (the snapshot syntax)
and the lines a ShapeError raised by running it belongs to.

(It sits next to corpus.py, which also runs as a script: Python then puts this folder, and
only this one, on the import path.)

>>> parse_line('y = f(x)  # E: Bad  [shape]  # N: Revealed type is "int"')
('y = f(x)', [('E', 'Bad  [shape]'), ('N', 'Revealed type is "int"')])
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import traceback
import types
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

Mark = Tuple[str, str]  # ("E" | "N", text)

_MARK = re.compile(r"\s*#\s*([EN]):\s?")
_OUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<kind>error|note): (?P<text>.*)$")
# Errors no run-time check can see: a variable annotation is not evaluated at run time, nor
# are a layer's annotated sizes, nor a parameter's default (a call that leaves it is checked
# on the arguments it passes), nor a user generic class's type arguments (``Return value
# Box[B - 1] ...``: Python erases them).
STATIC_ONLY = ("Assigned shape ", "Assigned layer ", "Return layer ", "Yielded layer ",
               "Default shape ", "Assigned value ", "Return value ", "Yielded value ")


def mypy_cache(name: str) -> Path:
    """The repository's ``.mypy_cache/<name>`` folder, one per pytest-xdist worker.

    The test suite runs in two worker processes (README's test command), and a session fixture
    used by two test files runs once in each: two mypy runs writing one cache folder at once
    could read each other's half-written entries.

    >>> mypy_cache("corpus").parent.name
    '.mypy_cache'
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return Path(__file__).resolve().parents[2] / ".mypy_cache" / (
        f"{name}-{worker}" if worker else name)


def static_only(text: str) -> bool:
    """Whether a message has no run-time twin: an annotation Python never evaluates (a local
    variable's), or a passed function's annotations (read only by the checker).

    >>> static_only('Argument "f" of "apply" is a function whose return shape ...')
    True
    """
    return text.startswith(STATIC_ONLY) or " is a function whose " in text


def parse_line(line: str) -> Tuple[str, List[Mark]]:
    """Split a source line into its code (with any ``# BUG`` tag) and its marks, in order.

    >>> parse_line("y = m(x)  # BUG  # E: Boom  [shape]  # N: B=3")
    ('y = m(x)  # BUG', [('E', 'Boom  [shape]'), ('N', 'B=3')])
    """
    marks = list(_MARK.finditer(line))
    if not marks:
        return line.rstrip(), []
    out: List[Mark] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        out.append((m.group(1), line[m.end():end].strip()))
    return line[: marks[0].start()].rstrip(), out


def marks_of(path: Path) -> Dict[int, List[Mark]]:
    """Line number -> the marks written on that line of ``path``.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "c.py"; _ = p.write_text("x = 1\\ny = 2  # N: hi\\n")
    >>> marks_of(p)
    {2: [('N', 'hi')]}
    """
    out: Dict[int, List[Mark]] = {}
    for n, line in enumerate(path.read_text().splitlines(), start=1):
        _, found = parse_line(line)
        if found:
            out[n] = found
    return out


def rewrite(path: Path, actual: Dict[int, List[Mark]]) -> bool:
    """Rewrite ``path``'s marks to ``actual`` (code and ``# BUG`` tags stay); return whether
    anything changed."""
    old = path.read_text()
    new = []
    for n, line in enumerate(old.splitlines(), start=1):
        code, _ = parse_line(line)
        new.append(code + "".join(f"  # {k}: {t}" for k, t in actual.get(n, [])))
    text = "\n".join(new) + "\n"
    if text != old:
        path.write_text(text)
        return True
    return False


def parse_mypy_output(stdout: str, files: Sequence[Path],
                      stray: Optional[List[str]] = None) -> Dict[Path, Dict[int, List[Mark]]]:
    """mypy's messages about ``files``, by file and line, as marks; messages about other
    files are dropped, or collected in ``stray`` when given.

    >>> p = Path("/x/case_a.py")
    >>> parse_mypy_output("/x/case_a.py:3: error: Boom  [shape]\\n", [p])[p]
    {3: [('E', 'Boom  [shape]')]}
    """
    by_name = {str(f.resolve()): f for f in files}
    out: Dict[Path, Dict[int, List[Mark]]] = {f: {} for f in files}
    for raw in stdout.splitlines():
        m = _OUT.match(raw)
        if not m:
            continue
        f = by_name.get(str(Path(m.group("path")).resolve()))
        if f is None:
            if stray is not None:
                stray.append(raw)
            continue
        kind = "E" if m.group("kind") == "error" else "N"
        out[f].setdefault(int(m.group("line")), []).append((kind, m.group("text")))
    return out


# Frames of a lambda and (before Python 3.12) of a comprehension: part of the code around them
# (``[emb(x) for emb in self.embs]`` in a ``__call__`` body).
_INNER = frozenset({"<lambda>", "<listcomp>", "<genexpr>", "<setcomp>", "<dictcomp>"})


def error_lines(err: Any, path: str, tree: ast.Module) -> List[int]:
    """The lines of the program at ``path`` (parsed: ``tree``) that a ShapeError it raised
    belongs to, where mypy reports it: the program's last line in the traceback; for a
    ``Return shape`` error, the ``return`` statements of the function ``@shapecheck``
    rejected (the run time raises after the call returned). Empty when neither is found.

    >>> import typedflux as tf
    >>> source = "import typedflux as tf\\ntf.ones(2) + tf.ones(3)\\n"
    >>> try:
    ...     exec(compile(source, "p.py", "exec"), {})
    ... except tf.ShapeError as e:
    ...     error_lines(e, "p.py", ast.parse(source))
    [2]
    """
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == path]
    lines = [frames[-1].lineno] if frames and frames[-1].lineno else []
    # Raised in a lambda's or a one-return def's body: mypy evaluates such a body where the
    # layer or container holding it is called, so the error belongs to that call's line too;
    # so does one raised in a model's ``__init__`` or ``__call__`` that mypy runs on the
    # values of the call that builds or calls it (mypy_plugin/flow_instances.py), or in a
    # method ``__call__`` calls on ``self`` (``self.encode(x)``: layer_bodies.py runs it).
    # A helper annotated to return a layer too: mypy runs it on the call's values
    # (mypy_plugin/callbacks/factories.py: a helper that cannot build for its arguments is
    # an error at the call).
    bodies = (_body_functions(tree) | _call_methods(tree) | _layer_helpers(tree)
              | _bare_tensor_functions(tree) | {"__init__", "__call__"})
    i = len(frames) - 1
    while i > 0 and (frames[i].name in _INNER or frames[i].name in bodies):
        i -= 1
        if frames[i].lineno:
            lines.append(frames[i].lineno)
    if err.message.startswith("Return shape "):
        lines = _return_lines(tree, _checked_function(err)) or lines
    return lines


def _call_methods(tree: ast.Module) -> Set[str]:
    # Names of the methods a class's ``__call__`` calls as ``self.name(...)``, and those
    # they call so in turn.
    out: Set[str] = set()
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        todo = ["__call__"] if "__call__" in methods else []
        while todo:
            for node in ast.walk(methods[todo.pop()]):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                        isinstance(node.func.value, ast.Name) and node.func.value.id == "self" \
                        and node.func.attr in methods and node.func.attr not in out:
                    out.add(node.func.attr)
                    todo.append(node.func.attr)
    return out


def _layer_helpers(tree: ast.Module) -> Set[str]:
    # Names of the functions annotated to return one of typedflux's layers or containers.
    import typedflux
    from typedflux.layers import containers
    from typedflux.layers.core import Layer

    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.returns is not None:
            ann = node.returns.value if isinstance(node.returns, ast.Subscript) else node.returns
            name = ann.attr if isinstance(ann, ast.Attribute) else getattr(ann, "id", "")
            cls = getattr(typedflux, name, None) if name and name != "Tensor" else None
            if isinstance(cls, type) and (issubclass(cls, Layer)
                                          or cls.__module__ == containers.__name__):
                out.add(node.name)
    return out


def _bare_tensor_functions(tree: ast.Module) -> Set[str]:
    """Names of the undecorated functions annotated to return a bare ``Tensor``: mypy runs
    such a body on the shapes of the call (mypy_plugin/flow_functions.py), so an error it
    raises belongs to the call's line too.

    >>> import typedflux as tf
    >>> source = ("from typedflux import Dense, Tensor\\nimport typedflux as tf\\n"
    ...           "d = Dense(3, 2)\\ndef f(x: Tensor) -> Tensor:\\n    h = x\\n    return d(h)\\n"
    ...           "f(tf.ones(4, 5))\\n")
    >>> sorted(_bare_tensor_functions(ast.parse(source)))
    ['f']
    >>> try:
    ...     exec(compile(source, "p.py", "exec"), {})
    ... except tf.ShapeError as e:
    ...     error_lines(e, "p.py", ast.parse(source))
    [6, 7]
    """
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and not node.decorator_list and isinstance(
                node.returns, (ast.Name, ast.Attribute)):
            ann = node.returns
            if (ann.attr if isinstance(ann, ast.Attribute) else ann.id) == "Tensor":
                out.add(node.name)
    return out


def _body_functions(tree: ast.Module) -> Set[str]:
    # Names of the functions whose body is one ``return <expr>`` (after a docstring).
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and not node.decorator_list:
            body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(
                b.value, ast.Constant) and isinstance(b.value.value, str))]
            if len(body) == 1 and isinstance(body[0], ast.Return):
                out.add(node.name)
    return out


def _return_lines(tree: ast.Module, fn: object) -> List[int]:
    # Lines of the return statements of fn (a function defined in tree).
    code = fn if isinstance(fn, types.CodeType) else getattr(
        inspect.unwrap(fn), "__code__", None)  # type: ignore[arg-type]
    if code is None:
        return []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if code.co_firstlineno in {node.lineno, *(d.lineno for d in node.decorator_list)}:
                return [n.lineno for n in _own_nodes(node) if isinstance(n, ast.Return)]
    return []


def _own_nodes(fn: ast.AST) -> List[ast.AST]:
    # The nodes of a function body, not those of functions or classes nested in it.
    out: List[ast.AST] = []
    stack = list(ast.iter_child_nodes(fn))
    while stack:
        node = stack.pop()
        out.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return out


def _checked_function(err: BaseException) -> object:
    # The function whose result @shapecheck or a container holding a user layer rejected
    # (a ReturnMismatch names it), else from the traceback (else None).
    tb, found = err.__traceback__, getattr(err, "function", None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name == "checked" and code.co_filename.endswith("shapecheck.py"):
            found = tb.tb_frame.f_locals.get("fn")
        elif code.co_name == "checked_coroutine" and code.co_filename.endswith(
                "shapecheck_async.py"):
            # an ``async def``'s result is checked once awaited, after its frame is gone:
            # the coroutine object still names its code
            found = getattr(tb.tb_frame.f_locals.get("awaitable"), "cr_code", found)
        tb = tb.tb_next
    return found
