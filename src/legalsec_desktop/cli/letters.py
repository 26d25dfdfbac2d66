"""The drafting commands: `templates list` and `templates add` (the templates folder), and `letter` (a letter made
from a template, filed in the matter's documents and logged as an outgoing letter)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop import paths
from legalsec_desktop.cli.arguments import Parser, path, text
from legalsec_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, MAX_NAME, MAX_NUMBER, open_existing, say
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.letters import NO_ADDRESS
from legalsec_desktop.domain.text_limits import end_sentence, printable, shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from legalsec_desktop.services.template_folder import TemplateInfo

SPECIAL = ("signer", "address", "subject")  # --set names that are not the template's questions
_SET = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)=(?P<value>.*)", re.DOTALL)
NO_DATABASE = "create it first (run legalsec with no command)"


def _setting(value: str) -> tuple[str, str]:
    checked = text(2000, "a --set value")(value)
    found = _SET.fullmatch(checked)
    if found is None:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not FIELD=VALUE (for example hearing_date=12/3/2026)")
    return found.group("name"), found.group("value")


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """templates (list, add) and letter."""
    templates = commands.add_parser(
        "templates", parents=[common], help="the letter templates: list them, add a Word file",
        description="The letter templates are the .docx files of the templates folder (set in Settings; else "
                    f"{paths.default_templates_root()}). A file put there by hand is a template too.")
    actions = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list", parents=[common], help="one template per line, the most recently used first",
        description="One template per line, tab-separated: name, file, the fields it uses (comma-separated), "
                    "the values it asks for (name:kind, comma-separated), and why it cannot be used (blank when "
                    "it can).")
    add = actions.add_parser(
        "add", parents=[common], help="check a Word file and copy it into the templates folder",
        description="Checks FILE.docx and copies it into the templates folder, never over another file. Word "
                    "mail-merge fields (MERGEFIELD, «…») are converted to the program's fields; each that cannot "
                    "be matched is listed and becomes a value asked for when a letter is drafted. Exit status 1, "
                    "with the reasons, when the file cannot be used (not a .docx, damaged, a mistake in a field, "
                    "a field the program does not know).")
    add.add_argument("file", metavar="FILE.docx", type=path(new=False), help="the Word file")
    add.add_argument("--name", metavar="NAME", type=text(200, "a template's name"),
                     help="the template's name (default: the file's name)")
    letter = commands.add_parser(
        "letter", parents=[common], help="make a letter from a template, file it in the matter and log it",
        description="Fills in the template with the matter's data for the recipient, saves it as --out, files it "
                    "in the matter's documents and logs it as an outgoing letter, all or nothing. A letter that "
                    "still holds an unfilled field is refused.")
    letter.add_argument("--matter", required=True, metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"))
    letter.add_argument("--template", required=True, metavar="NAME", type=text(200, "a template's name"))
    letter.add_argument("--to", required=True, metavar="CONTACT NAME", type=text(MAX_NAME, "a name"),
                        help="the recipient: a party of the matter, or any contact")
    letter.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", type=_setting,
                        help="a value the template asks for: run `legalsec templates list` to see each template's "
                             "questions (name:kind; a choice's options are listed when a value is not one of "
                             "them), or signer= "
                             "initials or name (when the matter has no responsible attorney), address= the "
                             "recipient's address when none is on file (lines separated by \\n), subject= the "
                             "subject of the log entry (repeatable)")
    letter.add_argument("--out", required=True, metavar="FILE.docx", type=path(new=True),
                        help="where to save a copy of the letter")


def _templates(args: argparse.Namespace, location: DatabaseLocation) -> int:
    return {"list": _list, "add": _add}[args.templates_command](args, location)


def _list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.letter_templates import list_templates

    store = open_existing(location, NO_DATABASE)
    try:
        found = list_templates(store)
    finally:
        store.close()
    if not found:
        print("No templates.", file=sys.stderr)
    for info in found:
        print(template_line(info))
    return EXIT_OK


def template_line(info: TemplateInfo) -> str:
    """One template's line: name, file, fields, asked-for values, problem (tab-separated)."""
    asks = ", ".join(f"{ask.name}:{ask.kind}" for ask in info.asks)
    return "\t".join(printable(" ".join(part.split())) for part in
                     (info.name, info.file_name, ", ".join(info.fields), asks, info.problem))


def _add(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.letter_templates import TemplateUnusable, add_template

    store = open_existing(location, NO_DATABASE)
    try:
        added = add_template(store, Path(args.file).expanduser(), args.name)
    except TemplateUnusable as unusable:
        say(f"“{shown(args.name or Path(args.file).stem)}” cannot be used as a template; nothing was added:")
        for reason in unusable.reasons:
            print(f"  {printable(reason)}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        store.close()
    info = added.info
    print(f"Added the template “{printable(info.name)}” ({printable(info.file_name)}).")
    print(template_line(info))
    if added.unmapped:
        print("Merge fields not matched, asked for when a letter is drafted: "
              + ", ".join(printable(name) for name in added.unmapped))
    return EXIT_OK


def _letter(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.cli.docs import root_of
    from legalsec_desktop.services.document_filing import matter_id_of
    from legalsec_desktop.services.letter_people import recipient_by_name, signer_by_text
    from legalsec_desktop.services.letter_templates import find_template
    from legalsec_desktop.services.letters import LetterRequest, MissingAnswers, create_letter

    settings = dict(args.set)
    info: TemplateInfo | None = None
    if Path(args.out).suffix.lower() != ".docx":
        raise UserFixableError(f"--out {shown(Path(args.out).name or str(args.out))}: a letter is saved as a Word "
                               "file, so the name must end in .docx (make a PDF of it in Word or LibreOffice).")
    store = open_existing(location, NO_DATABASE)
    try:
        matter_id = matter_id_of(store, args.matter)
        info = find_template(store, args.template)
        _no_strangers(info, settings)
        recipient_id = recipient_by_name(store, matter_id, args.to)
        signer = settings.pop("signer", "").strip()
        address = settings.pop("address", None)
        subject = settings.pop("subject", "")
        request = LetterRequest(matter_id, info.name, recipient_id, signer_by_text(store, signer) if signer else None,
                                settings, address.replace("\\n", "\n") if address is not None else None,
                                subject=subject)
        created = create_letter(store, request, copy_to=Path(args.out).expanduser(), root=root_of(store))
    except MissingAnswers as missing:
        raise UserFixableError(f"{missing.message} Give each with --set NAME=VALUE.") from None
    except ValidationError as error:
        question = next((ask for ask in info.asks if ask.name == error.field), None) if info else None
        if question is not None:
            message = error.message[:1].lower() + error.message[1:]
            raise UserFixableError(f"{question.name} ({question.question}): {message.rstrip('.')}") from None
        if error.field == "signer":
            raise UserFixableError(f"{error.message} Give the signer with --set signer=INITIALS.") from None
        raise
    finally:
        store.close()
    for warning in created.warnings:
        if warning.endswith(NO_ADDRESS):  # the window's words say to type one; here it is given with --set
            warning = (warning.removesuffix(NO_ADDRESS) + "has no address on file, so the letter has none: give "
                       "one with --set address=\"LINE 1\\nLINE 2\".")
        say(f"warning: {warning}")
    print(end_sentence(f"Saved the letter to {printable(str(args.out))}; filed as “{printable(created.path.name)}” "
                       f"in matter {printable(args.matter)} and logged as a letter to "
                       f"{printable(created.recipient or args.to)}"))
    return EXIT_OK


def _no_strangers(info: TemplateInfo, settings: dict[str, str]) -> None:
    """Every --set names a question of the template or signer / address / subject."""
    asked = {ask.name for ask in info.asks}
    strangers = [name for name in settings if name not in asked and name not in SPECIAL]
    if strangers:
        asks = ", ".join(f"{ask.name} ({ask.kind})" for ask in info.asks) or "nothing"
        raise UserFixableError(f"The template “{shown(info.name)}” does not ask for "
                               f"{', '.join(shown(s) for s in strangers)}; it asks for {asks} (and --set takes "
                               "signer, address and subject).")


COMMANDS: dict[str, Callable[[argparse.Namespace, DatabaseLocation], int]] = {"templates": _templates,
                                                                              "letter": _letter}
