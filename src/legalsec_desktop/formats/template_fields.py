"""The fields a parsed letter template reads, found by walking its Jinja tree: `matter.case_number`, a loop's
`party.name` checked against what each party holds, `ask.*` always known; and what no letter template may do
(read another file, use a filter we do not offer, reach a name that starts with "_")."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, nodes

from legalsec_desktop.domain.letter_fields import FIELDS, PERSON, known_field
from legalsec_desktop.formats.template_sandbox import MAX_POWER, MAX_TEXT

_SAME_LIST = ("sort", "reverse", "unique", "list", "default", "d", "select", "reject", "selectattr", "rejectattr")
_ONE_ITEM = ("first", "last")


@dataclass(frozen=True)
class Shape:
    """What an expression holds: a record (its fields), a list of records, text, the `ask` or `roles` names, or
    anything (a value the template made itself). `label` is how the template wrote it; `track`: a field of ours."""

    kind: str
    fields: dict[str, str] | None = None
    label: str = ""
    track: bool = True


ANY = Shape("any")


class FieldWalker:
    """Walks one or more template trees; collects the fields used (in order), the unknown ones with their line."""

    def __init__(self, environment: Environment) -> None:
        self.environment = environment
        self.fields: dict[str, None] = {}
        self.unknown: list[tuple[str, int]] = []
        self.problems: list[tuple[int, str]] = []

    def walk(self, tree: nodes.Template) -> tuple[list[tuple[int, str]], list[tuple[str, int]]]:
        """(problems, unknown fields) of one part's tree, each with its line."""
        self.problems, self.unknown = [], []
        self._visit(tree, {})
        return self.problems, self.unknown

    def _use(self, dotted: str) -> None:
        self.fields.setdefault(dotted, None)

    def _visit(self, node: nodes.Node, scope: dict[str, Shape]) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter)):
            self._shape(node, scope)
        elif isinstance(node, nodes.For):
            self._for(node, scope)
        elif isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            self._children(node, scope, skip=("target",))
            self._bind(node.target, ANY, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self._visit(value, scope)
                self._bind(target, ANY, inner)
            for child in node.body:
                self._visit(child, inner)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope, caller=ANY, varargs=ANY, kwargs=ANY)
            for argument in node.args:
                inner[argument.name] = ANY
            if isinstance(node, nodes.Macro):
                scope[node.name] = ANY
            else:
                self._visit(node.call, scope)
            for child in node.body:
                self._visit(child, inner)
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            kind = type(node).__name__.lower().replace("fromimport", "from … import")
            self.problems.append((node.lineno, f"a template cannot read another file ({{% {kind} %}})."))
        elif isinstance(node, (nodes.Mul, nodes.Pow)):
            self._too_large(node)
            self._children(node, scope)
        elif isinstance(node, nodes.Test):
            if node.name not in self.environment.tests:
                self.problems.append((node.lineno, f"there is no test “{node.name}” in letter templates."))
            self._children(node, scope)
        else:
            self._children(node, scope)

    def _too_large(self, node: nodes.Mul | nodes.Pow) -> None:
        """A repetition or a power the sandbox refuses when the letter is drafted, said when the template is added:
        text repeated past MAX_TEXT characters ('a' * 200000000), a power above MAX_POWER."""
        if isinstance(node, nodes.Pow):
            power = _number(node.right)
            if power is not None and abs(power) > MAX_POWER:
                said = f"a power above {MAX_POWER} ({power:,}) is not allowed in a template."
                self.problems.append((node.lineno, said))
            return
        for count_node, other in ((node.right, node.left), (node.left, node.right)):
            count = _number(count_node)
            if count is None or not isinstance(count, int) or _number(other) is not None:
                continue  # not a repetition: numbers multiplied
            size = len(other.value) if isinstance(other, nodes.Const) and isinstance(other.value, str) else 1
            if count * max(size, 1) > MAX_TEXT:
                said = (f"a repetition that large ({count:,} times) is not allowed in a template: a letter may "
                        f"make at most {MAX_TEXT:,} characters that way.")
                self.problems.append((node.lineno, said))
                return

    def _children(self, node: nodes.Node, scope: dict[str, Shape], skip: tuple[str, ...] = ()) -> None:
        for field, value in node.iter_fields():
            if field in skip:
                continue
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, nodes.Node):
                    self._visit(child, scope)

    def _bind(self, target: nodes.Node, shape: Shape, scope: dict[str, Shape]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self._bind(item, ANY, scope)

    def _for(self, node: nodes.For, scope: dict[str, Shape]) -> None:
        listed = self._shape(node.iter, scope)
        item = ANY
        if listed is not None and listed.kind == "list":
            name = node.target.name if isinstance(node.target, nodes.Name) else ""
            item = Shape("record", listed.fields, name, track=False)
        inner = dict(scope, loop=ANY)
        self._bind(node.target, item, inner)
        for child in node.body:
            self._visit(child, inner)
        if node.test is not None:
            self._visit(node.test, inner)
        for child in node.else_:
            self._visit(child, scope)

    def _shape(self, node: nodes.Node, scope: dict[str, Shape]) -> Shape | None:
        """What `node` holds (None: something unknown, already reported); records the fields it reads."""
        if isinstance(node, nodes.Name):
            return self._name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self._attribute(node, self._shape(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            held = self._shape(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._attribute(node, held, node.arg.value)
            self._visit(node.arg, scope)
            if held is not None and held.kind == "list" and isinstance(node.arg, nodes.Const):
                return Shape("record", held.fields, f"{held.label}[{node.arg.value}]", track=False)
            return ANY
        if isinstance(node, nodes.Filter):
            return self._filter(node, scope)
        self._visit(node, scope)
        return ANY

    def _name(self, node: nodes.Name, scope: dict[str, Shape]) -> Shape | None:
        if node.name in scope:
            return scope[node.name]
        if node.name in ("ask", "roles"):
            return Shape(node.name, label=node.name)
        held = FIELDS.get(node.name)
        if held is None:
            self.unknown.append((node.name, node.lineno))
            return None
        if isinstance(held, str):
            self._use(node.name)
            return Shape("text", label=node.name)
        if isinstance(held, tuple):
            self._use(node.name)
            return Shape("list", held[1], node.name)
        return Shape("record", held, node.name)

    def _attribute(self, node: nodes.Node, held: Shape | None, attr: str) -> Shape | None:
        if held is None:
            return None
        if attr.startswith("_"):
            self.problems.append((node.lineno, f"“{attr}” is not something a template may reach."))
            return None
        dotted = f"{held.label}.{attr}"
        if held.kind in ("any", "text"):
            return ANY  # a value the template made, or a text's method (the sandbox says which are safe)
        if held.kind == "ask" or (held.kind == "roles" and known_field(dotted)):
            self._use(dotted)
            return Shape("text", label=dotted) if held.kind == "ask" else Shape("list", PERSON, dotted)
        if held.kind == "record" and held.fields is not None and attr in held.fields:
            if held.track:
                self._use(dotted)
            return Shape("text", label=dotted)
        self.unknown.append((dotted, node.lineno))
        return None

    def _filter(self, node: nodes.Filter, scope: dict[str, Shape]) -> Shape | None:
        if node.name not in self.environment.filters:
            why = " (every value is escaped for Word; nothing is marked safe)" if node.name == "safe" else ""
            self.problems.append((node.lineno, f"there is no filter “{node.name}” in letter templates{why}."))
        for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
            self._visit(argument, scope)
        if node.node is None:
            return ANY
        held = self._shape(node.node, scope)
        if held is not None and held.kind == "list" and node.name in _SAME_LIST:
            return held
        if held is not None and held.kind == "list" and node.name in _ONE_ITEM:
            return Shape("record", held.fields, f"{held.label}|{node.name}", track=False)
        return ANY if held is not None else None


def _number(node: nodes.Node) -> int | float | None:
    """The number a literal holds (-5 too), else None."""
    if isinstance(node, nodes.Neg):
        inner = _number(node.node)
        return -inner if inner is not None else None
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    return None
