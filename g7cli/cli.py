"""The `g7` command line: parse options, call one plain function, render.

Start-up matters (g7 is run in loops): this module imports only typer and
the option declarations; each command imports what it needs when it runs
(sqlite_utils only for ingest, rich only for the ingest progress bar). The
console script (entry.py) runs a list command with plain options without
coming here at all; the list commands below call the same function.

Errors never reach the user as tracebacks: `G7Group.main` turns a bad option
value into one line and exit 2, a `G7Error` into its message and code, and
anything unexpected into one line and exit 1 (`--debug` shows a traceback;
errors.report, shared with entry.py).
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from g7cli import __version__, errors
from g7cli.errors import EXIT_FAILURE, EXIT_USAGE, G7Error
from g7cli.options import (CountryOption, DbOption, DelegateOption, EvidenceOption, FormatOption, MeetingOption,
                           PersonOption, SinceOption, TopicOption, UntilOption, YearOption, checked,
                           non_empty, parse_year)


class G7Group(TyperGroup):
    """Runs every command non-standalone so that errors are reported our way."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from typer import exceptions as typer_exc
        from typer._click import exceptions as click_exc

        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv or bool(os.environ.get("G7_DEBUG"))
        errors.utf8_stdio()
        try:
            rv = super().main(args=argv, prog_name=prog_name or "g7", complete_var=complete_var,
                              standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else 0
        except click_exc.NoArgsIsHelpError as e:
            e.show()  # bare `g7`: the help text, as a usage error
            code = EXIT_USAGE
        except click_exc.UsageError as e:
            where = e.ctx.command_path if e.ctx is not None else "g7"
            errors.error(f"{where}: {errors.one_line(e.format_message())} (see `{where} --help`)")
            code = EXIT_USAGE
        except click_exc.ClickException as e:
            errors.error(f"g7: {errors.one_line(e.format_message())}")
            code = e.exit_code
        except typer_exc.Abort:
            errors.error("g7: aborted")
            code = EXIT_FAILURE
        except SystemExit as e:
            # typer exits by itself on some paths (a closed pipe, completion).
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else EXIT_FAILURE)
        except (Exception, KeyboardInterrupt) as e:
            code = errors.report(e, debug=debug)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=G7Group,
    name="g7",
    help="Turn press releases about G7 ministerial meetings into a local SQLite database and query it.\n\n"
         "\b\nExamples:\n  g7 ingest                      # the bundled seed press releases\n"
         "  g7 ingest releases/            # every *.txt under a folder\n"
         "  g7 meetings --year 2024\n  g7 bilaterals --country Italy --format json",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"g7 {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: DbOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something fails.")] = False,
    version: Annotated[Optional[bool], typer.Option(
        "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    ctx.obj = {"db": db, "debug": debug}


def _db_path(ctx: typer.Context, db: Path | None) -> Path:
    from g7cli.location import resolve_db_path

    # --db after the subcommand wins over --db before it, which wins over $G7_DB.
    return resolve_db_path(db or (ctx.obj or {}).get("db"))


def _query(ctx: typer.Context, name: str, db: Path | None, fmt, evidence: bool = False, **options) -> None:
    """A list command (g7cli.listing): its option values checked, its rows printed."""
    from g7cli import listing, values

    filters = checked(values.list_filters, **options)
    listing.run(name, _db_path(ctx, db), fmt.value if fmt else None, filters, evidence=evidence)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(
        metavar="[PATH]...", show_default=False,
        help="Files or folders (searched recursively for *.txt, *.html, *.htm); - reads one document "
             "from stdin. Default: the bundled seeds.")] = None,
    db: DbOption = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", "-e", metavar="NAME", show_default=False,
        help="Read every file in this encoding (utf-8, cp932, euc-jp, utf-16, ...) instead of detecting it.")] = None,
    max_size: Annotated[str, typer.Option(
        "--max-size", metavar="SIZE", help="Refuse files larger than this (20MB, 512K, bytes).")] = "20MB",
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar, notes or summary; only failures.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, metavar="N",
        help="Extract up to N documents at once, in worker processes (0: one per CPU; 1: one at a time, "
             "no workers). The database comes out the same either way.")] = 0,
) -> None:
    """Read press releases into the database (creating it if needed).

    Text files in UTF-8 (with or without BOM), UTF-16, Shift_JIS/CP932 or
    EUC-JP, and saved web pages (.html, .htm: the main text, without menus
    and footers). Each document goes in its own transaction; the same text
    again is left unchanged; a changed file at a known path replaces that
    document. A file that cannot be read (empty, binary, too large,
    unreadable, missing) gets one line on stderr and the rest go on; files
    in a folder that are neither text nor HTML are skipped with a note.
    Exit status 1 when any file failed, 130 when interrupted (run the same
    command again to finish).

    \b
    Examples:
      g7 ingest
      g7 ingest press/2024-verona.txt press/archive/
      g7 ingest --encoding cp932 old-release.txt
      curl -s https://example.go.jp/release.html | g7 ingest -
      g7 --db /tmp/g7.db ingest
    """
    from g7cli.ingest import ingest as run, parse_size
    from g7cli.resources import seeds_dir

    limit = _checked(parse_size, max_size, "--max-size")
    if encoding is not None:
        from g7cli.decode import check_encoding

        _checked(check_encoding, encoding, "--encoding")
    summary = run(_db_path(ctx, db), list(paths) if paths else [seeds_dir()],
                  debug=bool((ctx.obj or {}).get("debug")), encoding=encoding, max_size=limit,
                  progress=False if quiet else None, quiet=quiet, jobs=jobs)
    if not quiet or summary.interrupted:
        for line in summary.lines():
            errors.error(line)
    if summary.interrupted:
        raise G7Error(f"interrupted after {summary.done} of {summary.total} documents (each stored one is "
                      "complete); run the same command again to finish", code=130)
    raise typer.Exit(EXIT_FAILURE if summary.failed else 0)


def _checked(parse, value: str, option: str):
    try:
        return parse(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint=f"'{option}'") from None


@app.command()
def reextract(
    ctx: typer.Context,
    db: DbOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Report what would change; change nothing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Rebuild every fact from the stored texts (after upgrading g7), and report what changed.

    No original file is needed: each document's text is in the database.
    Each document is re-extracted in its own transaction; one whose facts
    come out the same is left untouched. Changed documents are listed on
    stdout, one line each; the summary goes to stderr.

    \b
    Examples:
      g7 reextract
      g7 reextract --dry-run
    """
    from g7cli.reextract import reextract as run

    summary = run(_db_path(ctx, db), dry_run=dry_run, debug=bool((ctx.obj or {}).get("debug")),
                  progress=False if quiet else None)
    if not quiet or summary.interrupted:
        for line in summary.lines():
            errors.error(line)
    if summary.interrupted:
        raise G7Error("interrupted; every document is either as it was or fully re-extracted; "
                      "run the same command again to finish", code=130)
    raise typer.Exit(EXIT_FAILURE if summary.failed else 0)


@app.command()
def backup(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The file to write (or a folder to write it in).")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Write a consistent copy of the database to PATH (safe while an ingest runs).

    \b
    Examples:
      g7 backup ~/g7-backup.db
      g7 backup backups/          # backups/g7-YYYYMMDD-HHMMSS.db
    """
    from g7cli.backup import backup as run

    errors.error(run(_db_path(ctx, db), path.expanduser(), overwrite=force).line())


@app.command()
def meetings(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
             topic: TopicOption = None, delegate: DelegateOption = None, meeting: MeetingOption = None,
             format: FormatOption = None, db: DbOption = None, since: SinceOption = None,
             until: UntilOption = None, person: PersonOption = None) -> None:
    """List meetings: dates, cities, host, and the documents that report each.

    --country matches meetings hosted in or attended by that country.

    \b
    Examples:
      g7 meetings --year 2024
      g7 meetings --country Italy --format json
      g7 meetings --topic quantum --format csv
      g7 meetings --country 米国 --since 2023-01-01
      g7 meetings --person Vestager
    """
    _query(ctx, "meetings", db, format, year=year, country=country, topic=topic, delegate=delegate,
           meeting=meeting, person=person, since=since, until=until)


@app.command()
def delegates(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
              delegate: DelegateOption = None, meeting: MeetingOption = None, topic: TopicOption = None,
              format: FormatOption = None, db: DbOption = None, since: SinceOption = None,
              until: UntilOption = None, evidence: EvidenceOption = False) -> None:
    """List Japan's delegates at each meeting, with their roles.

    A delegate reported by several documents is one row with every spelling
    (--country filters the delegate's own country).

    \b
    Examples:
      g7 delegates --year 2024
      g7 delegates --delegate Hasegawa --format json
      g7 delegates --delegate 長谷川 --evidence
    """
    _query(ctx, "delegates", db, format, evidence=evidence, year=year, country=country, delegate=delegate,
           meeting=meeting, topic=topic, since=since, until=until)


@app.command()
def participants(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
                 meeting: MeetingOption = None, format: FormatOption = None, db: DbOption = None,
                 since: SinceOption = None, until: UntilOption = None) -> None:
    """List participating countries and organizations (member, invited, organization; chair).

    \b
    Examples:
      g7 participants --meeting 1
      g7 participants --country Brazil --format json
    """
    _query(ctx, "participants", db, format, year=year, country=country, meeting=meeting, since=since,
           until=until)


@app.command()
def themes(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
           topic: TopicOption = None, meeting: MeetingOption = None, format: FormatOption = None,
           db: DbOption = None, since: SinceOption = None, until: UntilOption = None,
           evidence: EvidenceOption = False) -> None:
    """List the themes each meeting discussed, with their topic tags.

    \b
    Examples:
      g7 themes --topic ai
      g7 themes --year 2017 --format json
      g7 themes --topic 量子 --evidence
    """
    _query(ctx, "themes", db, format, evidence=evidence, year=year, country=country, topic=topic,
           meeting=meeting, since=since, until=until)


@app.command()
def bilaterals(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
               delegate: DelegateOption = None, meeting: MeetingOption = None, format: FormatOption = None,
               db: DbOption = None, since: SinceOption = None, until: UntilOption = None,
               person: PersonOption = None, evidence: EvidenceOption = False) -> None:
    """List bilateral talks held by Japan's delegates on the margins of a meeting.

    --country filters the counterpart's country or organization.

    \b
    Examples:
      g7 bilaterals --country Italy
      g7 bilaterals --delegate Kono --format json
      g7 bilaterals --country イタリア --evidence
      g7 bilaterals --person ヴェステアー --since 2024
    """
    _query(ctx, "bilaterals", db, format, evidence=evidence, year=year, country=country, delegate=delegate,
           meeting=meeting, person=person, since=since, until=until)


@app.command()
def outcomes(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
             meeting: MeetingOption = None, format: FormatOption = None, db: DbOption = None,
             since: SinceOption = None, until: UntilOption = None) -> None:
    """List outcome documents: declarations, annexes, statements.

    \b
    Examples:
      g7 outcomes --year 2025
      g7 outcomes --meeting 1 --format csv
    """
    _query(ctx, "outcomes", db, format, year=year, country=country, meeting=meeting, since=since, until=until)


@app.command()
def documents(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
              meeting: MeetingOption = None, format: FormatOption = None, db: DbOption = None,
              since: SinceOption = None, until: UntilOption = None) -> None:
    """List stored documents (file, language, publisher, date) and their meeting.

    \b
    Examples:
      g7 documents
      g7 documents --meeting 1 --format json
    """
    _query(ctx, "documents", db, format, year=year, country=country, meeting=meeting, since=since,
           until=until)


@app.command()
def search(ctx: typer.Context,
           text: Annotated[list[str], typer.Argument(
               metavar="TEXT...", show_default=False,
               help='Words (all must occur) or "quoted phrases", in either language.')],
           year: YearOption = None, country: CountryOption = None, meeting: MeetingOption = None,
           since: SinceOption = None, until: UntilOption = None,
           limit: Annotated[int, typer.Option("--limit", "-n", min=0, metavar="N",
                                              help="At most N documents (0: all).")] = 20,
           format: FormatOption = None, db: DbOption = None) -> None:
    """Search the full text of every stored document, best match first.

    Each hit is a document with its meeting and year and a snippet in which
    the words are marked «like this». Case is ignored; words of one or two
    characters (会談, 河野, AI) are found too.

    \b
    Examples:
      g7 search 会談
      g7 search "Hiroshima AI"
      g7 search '"Hiroshima AI Process"' --year 2023..2024 --format json
      g7 search 量子 --country カナダ
    """
    from g7cli import db as database, output, queries, search as fts, values

    f = queries.Filters(**checked(values.list_filters, year=year, country=country, meeting=meeting,
                                  since=since, until=until))
    conn = database.open_read(_db_path(ctx, db))
    try:
        rows = fts.search(conn, " ".join(text), f, limit=limit or None)
    finally:
        conn.close()
    output.render(rows, fts.COLUMNS, format.value if format else None, table_columns=fts.TABLE_COLUMNS)


@app.command()
def show(ctx: typer.Context,
         meeting: Annotated[list[str], typer.Argument(
             metavar="MEETING", show_default=False,
             help="An id, a year and a place ('2024 Verona') or words of a title in either language.")],
         evidence: EvidenceOption = False, format: FormatOption = None, db: DbOption = None) -> None:
    """Show one meeting on one screen: dates, places, host, presidency, sources,
    delegates, participants, themes, outcome documents and bilateral talks.

    JSON is one object with a list for each part; --evidence adds each
    fact's source sentence and document.

    \b
    Examples:
      g7 show 2
      g7 show "2024 Verona" --evidence
      g7 show 高崎 --format json
    """
    from g7cli import db as database, output, show as one

    conn = database.open_read(_db_path(ctx, db))
    try:
        record = one.show(conn, " ".join(meeting), evidence=evidence)
    finally:
        conn.close()
    output.render_sections(record, one.SECTIONS, format.value if format else None,
                           table_record=one.table_view(record))


@app.command()
def topics(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
           meeting: MeetingOption = None, format: FormatOption = None, db: DbOption = None) -> None:
    """List the topic tags with their words in English and Japanese, and how
    many themes and meetings carry each.

    --topic on other commands takes a tag or any of these words.

    \b
    Examples:
      g7 topics
      g7 topics --year 2024 --format json
    """
    from g7cli import db as database, output, queries, taxonomy

    f = queries.Filters(year=parse_year(year), country=non_empty(country, "--country"), meeting=meeting)
    conn = database.open_read(_db_path(ctx, db))
    try:
        rows = taxonomy.topics(conn, f)
    finally:
        conn.close()
    fmt = format.value if format else output.default_format()
    output.render(taxonomy.for_table(rows) if fmt == "table" else rows, taxonomy.COLUMNS, fmt,
                  table_columns=taxonomy.TABLE_COLUMNS)


@app.command()
def info(ctx: typer.Context, format: FormatOption = None, db: DbOption = None,
         path_only: Annotated[bool, typer.Option("--path", help="Print only the database path.")] = False) -> None:
    """Show the database path, schema version and row counts.

    \b
    Examples:
      g7 info
      g7 info --format json
      g7 info --path
    """
    from g7cli import db as database, output, queries

    path = _db_path(ctx, db)
    if path_only:
        print(path)
        return
    conn = database.open_read(path)
    try:
        row = queries.info(conn, path)[0]
    finally:
        conn.close()
    output.render_record(row, format.value if format else None)


class StatsBy(str, Enum):
    year = "year"
    country = "country"
    topic = "topic"
    delegate = "delegate"
    publisher = "publisher"


@app.command()
def stats(ctx: typer.Context,
          by: Annotated[StatsBy, typer.Option("--by", "-b", case_sensitive=False,
                                              help="What to count by.")] = StatsBy.year,
          format: FormatOption = None, db: DbOption = None) -> None:
    """Count meetings, bilateral talks and themes per year, country, topic, delegate or publisher.

    Like Datasette's facets: each count is the number of rows the list
    command prints for that value (`g7 meetings --year 2024`, `g7 bilaterals
    --country IT`, `g7 themes --topic ai`). On a terminal each count is drawn
    as a bar; --by year lists every year from the first to the last, gaps as
    zeros, so it reads as a timeline.

    \b
    Examples:
      g7 stats
      g7 stats --by country
      g7 stats --by topic --format json
    """
    from g7cli import db as database, output, stats as facets

    conn = database.open_read(_db_path(ctx, db))
    try:
        rows = facets.stats(conn, by.value)
    finally:
        conn.close()
    output.render(rows, facets.COLUMNS[by.value], format.value if format else None, bars=facets.BARS[by.value])


@app.command()
def people(ctx: typer.Context,
           person: Annotated[Optional[str], typer.Option(
               "--person", "-p", metavar="NAME", show_default=False,
               help="Only people with a spelling (or a word of one) starting so, in either script "
                    "(Kono, 河野, Vestager, ヴェステアー).")] = None,
           format: FormatOption = None, db: DbOption = None) -> None:
    """List every person known: Japan's delegates and their counterparts.

    One row per person across meetings, with the spellings seen in each
    language, the roles they held each year, the meetings they appear in and
    the talks they held.

    \b
    Examples:
      g7 people
      g7 people --person Kono --format json
      g7 people --person ヴィッシング
    """
    from g7cli import db as database, output, people as who

    conn = database.open_read(_db_path(ctx, db))
    try:
        rows = who.people(conn, non_empty(person, "--person"))
    finally:
        conn.close()
    output.render(rows, who.COLUMNS, format.value if format else None, table_columns=who.TABLE_COLUMNS)


class GraphNodes(str, Enum):
    people = "people"
    countries = "countries"


class GraphFormat(str, Enum):
    dot = "dot"
    graphml = "graphml"
    json = "json"


@app.command()
def graph(ctx: typer.Context, year: YearOption = None, country: CountryOption = None,
          nodes: Annotated[GraphNodes, typer.Option(
              "--nodes", "-n", case_sensitive=False, help="People (each side of a talk) or countries.")
          ] = GraphNodes.people,
          format: Annotated[GraphFormat, typer.Option(
              "--format", "-f", case_sensitive=False,
              help="dot (Graphviz), graphml (Gephi, yEd) or json (node-link, for networkx).")] = GraphFormat.dot,
          db: DbOption = None) -> None:
    """Print the network of bilateral talks, for Graphviz, Gephi or a notebook.

    Nodes are people (Japan's delegates and their counterparts) or countries;
    an edge is one or more talks, weighted by their number and labelled with
    the meetings and years ("2024 Verona"). --year and --country choose the
    talks as they do on `g7 bilaterals`.

    \b
    Examples:
      g7 graph | dot -Tpng -o talks.png
      g7 graph --nodes countries --format graphml > talks.graphml
      g7 graph --year 2024 --country Italy --format json
    """
    from g7cli import db as database, graph as network, output

    conn = database.open_read(_db_path(ctx, db))
    try:
        g = network.build(conn, nodes.value, year=parse_year(year), country=non_empty(country, "--country"))
    finally:
        conn.close()
    output.render_text(network.render(g, format.value))


def main() -> None:
    # Straight to the click group: typer's __call__ would install its own
    # exception hook, and G7Group.main already reports every error.
    from typer.main import get_command

    # typer turns every registered function into a click command before it
    # parses anything (~2 ms each, 17 of them); a query needs only its own.
    # The full set is kept for the root's help, an unknown name (its error
    # lists the choices) and shell completion.
    registered = app.registered_commands
    name = _command_name(sys.argv[1:])
    only = [c for c in registered if _registered_name(c) == name]
    if os.environ.get("_G7_COMPLETE"):
        pass
    elif only:
        app.registered_commands = only
    elif name is None:
        # No command named: only the root's help (or its usage error) can
        # follow, which needs each command's name and help text alone.
        app.registered_commands = [_listing(c) for c in registered]
    try:
        get_command(app).main(prog_name="g7")
    finally:
        app.registered_commands = registered


# The root's options that take a value (see `root`): the word after them is
# not a command name.
_ROOT_VALUE_OPTIONS = ("--db",)


def _command_name(argv: list[str]) -> str | None:
    """The subcommand named on a command line, skipping the root's options."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _ROOT_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _listing(command):
    """A command as the root's help lists it, without its parameters."""
    from typer.models import CommandInfo

    return CommandInfo(name=_registered_name(command), callback=_listed_only, hidden=command.hidden,
                       help=command.help or command.callback.__doc__, short_help=command.short_help,
                       deprecated=command.deprecated)


def _listed_only() -> None:  # pragma: no cover - never invoked: no command name was given
    raise AssertionError("a listed-only command was invoked")


def _registered_name(command) -> str:
    return command.name or command.callback.__name__.replace("_", "-")
