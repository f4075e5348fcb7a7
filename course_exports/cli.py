"""
The ``cadre-course`` console command: convert and check question banks, build and extract courses.

Exit codes: 0 done, 1 the input has problems (all listed, nothing written), 2 wrong usage.
"""
import argparse
import os
import sys
from pathlib import Path

from cadre_common.problems import listed
from cadre_common.spreadsheets import too_big
from question_bank import api as bank_api

from .course_build import build_course
from .course_extract import extract_course
from .errors import InputProblems
from .i18n import _


def _read(path: Path, name: str, out):
    """(questions, errors) for a bank file, printing skipped questions as warnings."""
    try:
        refusal = too_big(path.stat().st_size)
        if refusal:  # refused by its size, before it is read
            print(f"{path}: {refusal}", file=out)
            return [], 1
        data = path.read_bytes()
    except OSError as exc:
        print(_("{file}: cannot be read ({reason})").format(file=path, reason=exc.strerror), file=out)
        return [], 1
    questions, problems = bank_api.read_bank(data, filename=path.name, format_name=name)
    for line in listed([f"{path}: {problem}" for problem in problems]):  # the first 100, then how many more
        print(line, file=out)
    return questions, sum(1 for problem in problems if not problem.skipped)


def convert(args) -> int:
    questions, errors = _read(Path(args.input), args.source_format, sys.stderr)
    if errors:
        print(_("{count} problems; nothing written").format(count=errors), file=sys.stderr)
        return 1
    output = Path(args.output)
    try:
        data, skipped = bank_api.write_bank(questions, filename=output.name, format_name=args.target_format)
    except bank_api.UnknownFormat as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in skipped:
        print(f"{output}: {problem}", file=sys.stderr)
    try:
        output.write_bytes(data)
    except OSError as exc:
        print(_("{file}: cannot be written ({reason})").format(file=output, reason=exc.strerror), file=sys.stderr)
        return 1
    print(_("{count} questions written to {file}").format(count=len(questions) - len(skipped), file=output))
    return 0


def check(args) -> int:
    questions, errors = _read(Path(args.file), args.source_format, sys.stdout)
    print("\n".join(bank_api.bank_summary(questions).lines()))
    if errors:
        print(_("{count} problems").format(count=errors))
        return 1
    print(_("No problems."))
    return 0


def _report(exc: InputProblems) -> int:
    for line in listed(exc.problems):
        print(line, file=sys.stderr)
    print(_("{count} problems; nothing written").format(count=len(exc.problems)), file=sys.stderr)
    return 1


def build(args) -> int:
    try:
        files = build_course(Path(args.outline), Path(args.output))
    except InputProblems as exc:
        return _report(exc)
    print(_("{file}: course archive with {count} files").format(file=args.output, count=len(files)))
    return 0


def extract(args) -> int:
    try:
        extracted = extract_course(Path(args.archive), Path(args.directory))
    except InputProblems as exc:
        return _report(exc)
    for item in extracted:
        print(f"{Path(args.directory) / item.filename}  ({item.block_type} {item.display_name}"
              f"{', ' + str(item.questions) + ' questions' if item.block_type == 'level_challenge' else ''})")
    return 0


def parser() -> argparse.ArgumentParser:
    formats = ", ".join(bank_api.FORMAT_NAMES)
    main = argparse.ArgumentParser(prog="cadre-course", description=_(
        "Question banks (XLSX/CSV, GIFT, Aiken, Moodle XML, level_challenge OLX) and OLX courses for Studio."))
    commands = main.add_subparsers(dest="command", required=True)
    command = commands.add_parser("convert", help=_("convert a question bank from one format to another"))
    command.add_argument("input")
    command.add_argument("output")
    command.add_argument("--from", dest="source_format", default="", help=_("input format: {formats}").format(
        formats=formats))
    command.add_argument("--to", dest="target_format", default="", help=_("output format: {formats}").format(
        formats=formats))
    command.set_defaults(run=convert)
    command = commands.add_parser("check", help=_("list every problem in a question bank and summarise it"))
    command.add_argument("file")
    command.add_argument("--from", dest="source_format", default="")
    command.set_defaults(run=check)
    command = commands.add_parser("build", help=_("build an OLX course archive from an outline"))
    command.add_argument("outline")
    command.add_argument("-o", "--output", default="course.tar.gz")
    command.set_defaults(run=build)
    command = commands.add_parser("extract", help=_("write the banks and surveys in a course archive out as files"))
    command.add_argument("archive")
    command.add_argument("-d", "--directory", default=".")
    command.set_defaults(run=extract)
    return main


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        code = args.run(args)
        sys.stdout.flush()  # here, not at exit, where Python would report a closed pipe on stderr
        return code
    except BrokenPipeError:
        # The reader went away (``cadre-course check bank.xlsx | head``): stop quietly, as Unix tools do;
        # what is still buffered goes nowhere instead of failing again when Python exits.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
