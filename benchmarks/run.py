"""g7's benchmarks (issue 6): start-up, query latency, ingest at scale.

    python benchmarks/run.py            # N = 1,000 and 10,000   -> benchmarks/RESULTS.md
    python benchmarks/run.py --full     # N = 1,000, 10,000 and 100,000
    python benchmarks/run.py --quick    # N = 50 and 200, 5 runs -> benchmarks/RESULTS-quick.md (CI)

Every number is a RATIO of two things measured in this same run, each timed
as a whole process (start-up included): g7 against a floor (a bare
`python -c "import sqlite3; ..."` running the SQL g7 runs and printing TSV)
and a peer (`sqlite-utils query DB "SQL" --tsv`); ingest against a plain load
of the same texts into one SQLite table; the largest database against the
seeds-only one. Commands are run round-robin (not one after the other) so
that a burst of load on the machine falls on all of them alike; medians
are reported. The targets of issue 6 are printed beside each ratio.

Standard library only. The g7 under test is the `g7` next to the running
interpreter, else ./.venv/bin/g7, else `g7` on PATH (or --g7 PATH); its
interpreter (the script's #! line) runs the floor, and `sqlite-utils` from
the same bin/ folder is the peer.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (benchmarks/generate.py)

# --- the targets of issue 6 ---------------------------------------------------------

QUERY_VS_FLOOR = 3.5      # g7 meetings --year 2024 --format tsv, at most x the floor
QUERY_VS_PEER = 0.6       # ... and at most x sqlite-utils
HELP_VS_FLOOR = 4.0
TABLE_VS_FLOOR = 5.0
INGEST_VS_PLAIN = 10.0
LINEAR_SLACK = 1.1        # time(N2)/time(N1) at most 1.1 x N2/N1 (100,000 vs 10,000: 11 x)
MEMORY_FLAT = 1.2         # our reading of "peak memory flat in N": largest N within 20% of smallest
REINGEST_SPEEDUP = 20.0   # re-ingesting an unchanged folder at least 20 x faster
SCALE_VS_SEEDS = 1.5

ALLOWED_TARGET_WORDS = ("met", "not met")

# --- the commands ----------------------------------------------------------------------

@dataclass
class Query:
    key: str
    args: list[str]
    label: str
    main_from: str   # how the SELECT of the command's rows names its table (the peer runs that one)


QUERIES = [
    Query("meetings-2024", ["meetings", "--year", "2024", "--format", "tsv"], "g7 meetings --year 2024 --format tsv",
          "FROM meetings m"),
    Query("bilaterals-italy", ["bilaterals", "--country", "Italy", "--format", "tsv"],
          "g7 bilaterals --country Italy --format tsv", "FROM bilaterals b"),
    # The SQL of the terminal table (a table and TSV run the same queries): its floor.
    Query("meetings-all", ["meetings", "--format", "tsv"], "g7 meetings --format tsv", "FROM meetings m"),
    # A filter whose answer does not grow with the database (no synthetic
    # delegate is a Hasegawa): index use shows alone, without output growth.
    Query("delegates-hasegawa", ["delegates", "--delegate", "Hasegawa", "--format", "tsv"],
          "g7 delegates --delegate Hasegawa --format tsv", "FROM delegates d"),
]
TABLE_ARGS = ["meetings", "--format", "table"]
TABLE_LABEL = "g7 meetings --format table (on a pseudo-terminal, 160 x 50)"
HELP_ARGS = ["--help"]

FLOOR_TEMPLATE = (
    "import sqlite3,sys\n"
    "c=sqlite3.connect({uri!r},uri=True)\n"
    "w=sys.stdout.write\n"
    "for q in {sql}:\n"
    " r=c.execute(q)\n"
    " w('\\t'.join(d[0] for d in r.description)+'\\n')\n"
    " for t in r:w('\\t'.join('' if v is None else str(v) for v in t)+'\\n')\n"
)
# Beyond this an argument would hit Linux's per-argument limit (128 KiB):
# the floor then reads its SQL from a file (only a huge id list gets there).
MAX_INLINE_SQL = 100_000

PLAIN_LOAD = (
    "import pathlib,sqlite3,sys\n"
    "c=sqlite3.connect(sys.argv[1])\n"
    "c.execute('CREATE TABLE docs(path TEXT PRIMARY KEY, text TEXT)')\n"
    "with c:\n"
    " c.executemany('INSERT INTO docs VALUES (?,?)',((str(p),p.read_text(encoding='utf-8-sig'))"
    " for p in sorted(pathlib.Path(sys.argv[2]).rglob('*.txt'))))\n"
)

TRACE_SQL = (
    "import json,sqlite3,sys\n"
    "out,args=sys.argv[1],sys.argv[2:]\n"
    "seen=[]\n"
    "_connect=sqlite3.connect\n"
    "def connect(*a,**k):\n"
    " c=_connect(*a,**k); c.set_trace_callback(seen.append); return c\n"
    "sqlite3.connect=connect\n"
    "from g7cli.entry import main\n"
    "sys.argv=['g7',*args]\n"
    "try: main()\n"
    "except SystemExit: pass\n"
    "json.dump(seen,open(out,'w'))\n"
)

PROFILE_INGEST = r'''
import cProfile, io, os, pstats, sys
db, corpus, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
from g7cli.entry import main
# One process (--jobs 1): with workers, cProfile would see only the parent
# waiting for them, not the extraction they do.
sys.argv = ["g7", "--db", db, "ingest", "--jobs", "1", corpus]
pr = cProfile.Profile()
pr.enable()
try:
    main()
except SystemExit:
    pass
pr.disable()
st = pstats.Stats(pr)
total = sum(v[2] for v in st.stats.values())
prefixes = sorted({os.path.dirname(os.path.dirname(m.__file__)) + os.sep
                   for m in (sys.modules.get("g7cli"), sys.modules.get("re"), sys.modules.get("sqlite3"))
                   if m is not None and getattr(m, "__file__", None)}, key=len, reverse=True)
def short(path):
    for p in prefixes:
        if path.startswith(p):
            return path[len(p):]
    return path
def name(key):
    f, line, fn = key
    return fn if f == "~" else f"{short(f)}:{line}({fn})"
by_file = {}
for (f, line, fn), v in st.stats.items():
    k = fn if f == "~" else short(f)
    by_file[k] = by_file.get(k, 0.0) + v[2]
out = {"total": total,
       "by_file": sorted(by_file.items(), key=lambda kv: -kv[1])[:top],
       "tottime": [(name(k), v[1], v[2], v[3]) for k, v in sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]],
       "cumtime": [(name(k), v[1], v[2], v[3]) for k, v in sorted(st.stats.items(), key=lambda kv: -kv[1][3])[:top]]}
import json
print(json.dumps(out))
'''


# --- tools ---------------------------------------------------------------------------

@dataclass
class Tools:
    g7: Path
    python: Path
    sqlite_utils: Path


def find_tools(g7_arg: str | None) -> Tools:
    candidates = [Path(g7_arg)] if g7_arg else [
        Path(sys.executable).with_name("g7"), ROOT / ".venv" / "bin" / "g7"]
    g7 = next((c for c in candidates if c.is_file()), None)
    if g7 is None and not g7_arg:
        found = shutil.which("g7")
        g7 = Path(found) if found else None
    if g7 is None:
        sys.exit("run.py: cannot find g7 (install the project, or pass --g7 PATH)")
    python = _interpreter(g7)
    su = g7.with_name("sqlite-utils")
    if not su.is_file():
        found = shutil.which("sqlite-utils")
        if not found:
            sys.exit("run.py: cannot find sqlite-utils (it is a dependency of g7)")
        su = Path(found)
    return Tools(g7.absolute(), python, su.absolute())


def _interpreter(script: Path) -> Path:
    try:
        first = script.read_bytes().split(b"\n", 1)[0].decode()
    except (OSError, UnicodeDecodeError):
        first = ""
    if first.startswith("#!"):
        exe = Path(first[2:].strip().split()[0])
        if exe.is_file():
            return exe
    sibling = script.with_name("python")
    return sibling if sibling.is_file() else Path(sys.executable)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    for k in ("G7_DB", "G7_DEBUG", "NO_COLOR", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE",
              "PYTHONPROFILEIMPORTTIME", "FORCE_COLOR"):
        env.pop(k, None)
    env["PYTHONUTF8"] = "1"
    return env


# --- running and timing --------------------------------------------------------------

def run_piped(argv: list[str], env: dict) -> tuple[float, int, bytes, bytes]:
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    return time.perf_counter() - t0, p.returncode, out, err


def run_pty(argv: list[str], env: dict, cols: int = 160, rows: int = 50) -> tuple[float, int, bytes, bytes]:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(env, TERM=env.get("TERM") if env.get("TERM") not in (None, "", "dumb") else "xterm-256color")
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child side is closed
            break
        if not data:
            break
        chunks.append(data)
    p.wait()
    elapsed = time.perf_counter() - t0
    os.close(master)
    return elapsed, p.returncode, b"".join(chunks), b""


@dataclass
class Measured:
    seconds: float
    cpu: float
    maxrss_kib: int
    returncode: int
    stderr: str


# On Linux a child's ru_maxrss includes the RSS of the process that forked it
# (exec keeps the old address space's high-water mark), and this process
# grows (it generates the corpora): every child measured after the 100,000
# corpus reported the same 68.6 MiB. A small launcher process forks the
# measured command and reports that grandchild's own wall time, CPU time and
# peak RSS (wait4: the command and the workers it waited for).
LAUNCHER = (
    "import json,os,sys,time\n"
    "out,log,argv=sys.argv[1],sys.argv[2],sys.argv[3:]\n"
    "t=time.perf_counter()\n"
    "pid=os.fork()\n"
    "if pid==0:\n"
    " fd=os.open(log,os.O_WRONLY|os.O_CREAT|os.O_TRUNC,0o644)\n"
    " nul=os.open(os.devnull,os.O_RDONLY)\n"
    " os.dup2(nul,0);os.dup2(fd,1);os.dup2(fd,2)\n"
    " try: os.execv(argv[0],argv)\n"
    " finally: os._exit(127)\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "json.dump({'wall':time.perf_counter()-t,'cpu':ru.ru_utime+ru.ru_stime,'maxrss_kib':ru.ru_maxrss,"
    "'rc':os.waitstatus_to_exitcode(st)},open(out,'w'))\n"
)


def run_measured(argv: list[str], env: dict, log: Path) -> Measured:
    """Wall time, CPU time and peak RSS of one command (through LAUNCHER: that command only)."""
    figures = log.with_suffix(".measured.json")
    subprocess.run([sys.executable, "-c", LAUNCHER, str(figures), str(log), *argv], env=env,
                   stdin=subprocess.DEVNULL, check=True)
    m = json.loads(figures.read_text(encoding="utf-8"))
    return Measured(m["wall"], m["cpu"], m["maxrss_kib"], m["rc"], log.read_text(encoding="utf-8", errors="replace"))


def check(argv: list[str], env: dict, what: str) -> str:
    r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"run.py: {what} failed (exit {r.returncode}): {r.stderr.decode(errors='replace')[-2000:]}")
    return r.stdout.decode("utf-8", errors="replace")


@dataclass
class Bench:
    key: str
    argv: list[str]
    pty: bool = False
    times: list[float] = field(default_factory=list)
    rows: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def time_round_robin(benches: list[Bench], runs: int, env: dict, budget_s: float, log) -> None:
    """Each bench `runs` times, interleaved; a bench stops early once it has
    used `budget_s` seconds (and has at least 3 runs)."""
    for b in benches:  # warm-up: bytecode caches, page cache; not timed
        t, code, out, err = (run_pty if b.pty else run_piped)(b.argv, env)
        if code != 0:
            raise SystemExit(f"run.py: {' '.join(b.argv)[:300]} failed (exit {code}): "
                             f"{(err or out).decode(errors='replace')[-2000:]}")
        if not b.pty and ":floor" not in b.key and b.argv[-1] != "--help":
            b.rows = max(0, out.count(b"\n") - 1)
    for i in range(runs):
        for b in benches:
            if len(b.times) >= 3 and sum(b.times) > budget_s:
                continue
            t, code, _, _ = (run_pty if b.pty else run_piped)(b.argv, env)
            if code != 0:
                raise SystemExit(f"run.py: {' '.join(b.argv)[:300]} failed (exit {code})")
            b.times.append(t)
        log(f"  round {i + 1}/{runs} done")


# --- SQL of a g7 query, for the floor and the peer -----------------------------------

def traced_sql(tools: Tools, db: Path, args: list[str], env: dict, tmp: Path) -> list[str]:
    out = tmp / "trace.json"
    check([str(tools.python), "-c", TRACE_SQL, str(out), "--db", str(db), *args], env, "tracing g7's SQL")
    stmts = json.loads(out.read_text(encoding="utf-8"))
    return [s for s in stmts if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def main_statement(stmts: list[str], main_from: str) -> str:
    """The statement that selects the command's rows (the peer runs that one):
    the first that reads the command's table under its usual alias, else the longest."""
    for s in stmts:
        if main_from in s:
            return s
    data = [s for s in stmts if "_sqlite_migrations" not in s and "sqlite_master" not in s]
    if not data:
        raise SystemExit("run.py: no data query in g7's SQL")
    return max(data, key=len)


def floor_argv(tools: Tools, db: Path, stmts: list[str], tmp: Path, key: str) -> list[str]:
    uri = db.absolute().as_uri() + "?mode=ro"
    sql = repr(stmts)
    if len(sql) > MAX_INLINE_SQL:
        path = tmp / f"floor-{key}.sql"
        path.write_text("\0".join(stmts), encoding="utf-8")
        sql = f"open({str(path)!r},encoding='utf-8').read().split('\\0')"
    return [str(tools.python), "-c", FLOOR_TEMPLATE.format(uri=uri, sql=sql)]


# --- profiles ----------------------------------------------------------------------------

def importtime(tools: Tools, argv_tail: list[str], env: dict, tries: int = 5) -> dict:
    """`-X importtime` of one command, best of `tries` (by total): the total (ms)
    and the import tree: roots as (module, cumulative ms, children)."""
    best = None
    for _ in range(tries):
        r = subprocess.run([str(tools.python), "-X", "importtime", *argv_tail], stdin=subprocess.DEVNULL,
                           capture_output=True, env=env)
        # importtime prints children before their parent, indented 2 more per level.
        pending: dict[int, list] = {}
        roots = []
        for line in r.stderr.decode(errors="replace").splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)", line)
            if not m:
                continue
            depth = (len(m.group(3)) - 1) // 2
            node = (m.group(4), int(m.group(2)) / 1000, pending.pop(depth + 1, []))
            (roots if depth == 0 else pending.setdefault(depth, [])).append(node)
        total = sum(ms for _, ms, _ in roots)
        if best is None or total < best["total"]:
            best = {"total": total, "roots": roots}
    return best


def import_tree_lines(tree: dict, min_ms: float = 2.5, max_depth: int = 4) -> list[str]:
    out = []

    def walk(nodes, depth):
        for name, ms_, children in sorted(nodes, key=lambda n: -n[1]):
            if ms_ < min_ms:
                continue
            out.append(f"{'  ' * depth}{ms_:7.1f} ms  {name}")
            if depth + 1 < max_depth:
                walk(children, depth + 1)

    walk(tree["roots"], 0)
    return out


def loaded_modules(tools: Tools, args: list[str], env: dict) -> dict:
    """Which modules a command leaves loaded (run in-process): all, third-party packages, g7cli's."""
    code = ("import sys,io,contextlib,json\nfrom g7cli.entry import main\nsys.argv=['g7',*sys.argv[1:]]\n"
            "buf=io.StringIO()\nwith contextlib.redirect_stdout(buf):\n try: main()\n except SystemExit: pass\n"
            "mods=sorted(sys.modules)\n"
            "third=sorted({m.split('.')[0] for m in mods if m.split('.')[0] not in sys.stdlib_module_names"
            " and not m.startswith(('g7cli','_'))})\n"
            "sys.stderr.write('\\n@@'+json.dumps({'all':mods,'third':third}))")
    r = subprocess.run([str(tools.python), "-c", code, *args], stdin=subprocess.DEVNULL, capture_output=True, env=env)
    tail = r.stderr.decode(errors="replace").rsplit("@@", 1)[-1]
    try:
        return json.loads(tail)
    except ValueError:
        return {"all": [], "third": []}


# --- report helpers --------------------------------------------------------------------------

def fmt_n(n: int) -> str:
    return f"{n:,}"


def ms(s: float) -> str:
    return f"{s * 1000:.1f} ms"


@dataclass
class Row:
    name: str
    measured: str
    ratio: float
    target: str
    ok: bool
    note: str = ""


def at_most(ratio: float, limit: float) -> tuple[str, bool]:
    return f"≤ {limit:g} x", ratio <= limit


def at_least(ratio: float, limit: float) -> tuple[str, bool]:
    return f"≥ {limit:g} x", ratio >= limit


def row(name: str, measured: str, ratio: float, rule, limit: float, note: str = "") -> Row:
    target, ok = rule(ratio, limit)
    return Row(name, measured, ratio, target, ok, note)


def table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(out)


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")) if p.exists())


def git_state() -> str:
    """HEAD, and whether g7's code differs from it (others may be editing it while we measure)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "g7cli", "migrations"],
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "-"
    if not head:
        return "-"
    return head + (" (g7cli/ or migrations/ modified in the working tree)" if dirty else "")


def machine_facts(tools: Tools, env: dict) -> list[tuple[str, str]]:
    info = json.loads(check([str(tools.python), "-c",
                             "import json,platform,sqlite3,sys\n"
                             "from importlib.metadata import version as v\n"
                             "def ver(p):\n try: return v(p)\n except Exception: return '-'\n"
                             "print(json.dumps({'python':sys.version.split()[0],'impl':platform.python_implementation(),"
                             "'sqlite':sqlite3.sqlite_version,'g7':ver('g7cli'),'typer':ver('typer'),"
                             "'click':ver('click'),'rich':ver('rich'),'sqlite-utils':ver('sqlite-utils')}))"],
                            env, "reading versions"))
    cpu = "-"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "-"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    git = git_state()
    return [
        ("date", dt.datetime.now().astimezone().isoformat(timespec="seconds")),
        ("nproc", str(os.cpu_count())),
        ("CPU", cpu),
        ("memory", mem),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("python (g7's)", f"{info['python']} ({info['impl']}) at {tools.python}"),
        ("SQLite (g7's python)", info["sqlite"]),
        ("g7", f"{info['g7']} at {tools.g7}; git {git}"),
        ("typer / click / rich / sqlite-utils", f"{info['typer']} / {info['click']} / {info['rich']} / {info['sqlite-utils']}"),
    ]


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "-"


# --- the benchmark ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="g7 benchmarks (issue 6); writes a Markdown report.")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="N = 50 and 200, 5 runs per command (for CI)")
    mode.add_argument("--full", action="store_true", help="also N = 100,000 (hours)")
    ap.add_argument("--sizes", help="comma-separated N, overriding the mode's (e.g. 1000,5000)")
    ap.add_argument("--runs", type=int, help="timed runs per command (default 15; 5 with --quick)")
    ap.add_argument("--out", type=Path, help="report path (default benchmarks/RESULTS.md; "
                                              "benchmarks/RESULTS-quick.md with --quick)")
    ap.add_argument("--g7", help="the g7 executable to measure")
    ap.add_argument("--tmp", type=Path, help="work folder (default: a temporary one, removed afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args(argv)

    if args.sizes:
        sizes = sorted({int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()})
    elif args.quick:
        sizes = [50, 200]
    elif args.full:
        sizes = [1_000, 10_000, 100_000]
    else:
        sizes = [1_000, 10_000]
    runs = args.runs or (5 if args.quick else 15)
    out_path = args.out or (HERE / ("RESULTS-quick.md" if args.quick else "RESULTS.md"))
    budget = 15.0 if args.quick else 60.0
    profile_n = 20 if args.quick else 200
    tries = 2 if args.quick else 5
    command_line = "python benchmarks/run.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))

    tools = find_tools(args.g7)
    env = child_env()
    if args.tmp:
        args.tmp.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="g7-bench-", dir=args.tmp))
    started = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f}s] {msg}", file=sys.stderr, flush=True)

    try:
        facts = machine_facts(tools, env)
        facts_git = git_state()
        load_start = loadavg()
        log(f"g7: {tools.g7}; work folder {work}; sizes {sizes}; {runs} runs")
        g7 = [str(tools.g7)]

        # 1. the seeds database
        seeds_db = work / "seeds.db"
        check(g7 + ["--db", str(seeds_db), "ingest"], env, "g7 ingest (seeds)")
        log("seeds ingested")

        # 2. ingest at scale
        ingests = []
        for n in sizes:
            corpus = work / f"corpus-{n}"
            t0 = time.perf_counter()
            written = generate.generate(n, corpus)
            gen_s = time.perf_counter() - t0
            corpus_bytes = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
            log(f"N={n}: {written} documents generated ({corpus_bytes / 1e6:.1f} MB) in {gen_s:.1f}s; ingesting")
            db = work / f"gen-{n}.db"
            first = run_measured(g7 + ["--db", str(db), "ingest", str(corpus)], env, work / f"ingest-{n}.log")
            if first.returncode != 0:
                raise SystemExit(f"run.py: g7 ingest of N={n} failed (exit {first.returncode}): {first.stderr[-2000:]}")
            size = db_bytes(db)
            log(f"N={n}: ingested in {first.seconds:.1f}s; re-ingesting")
            again = run_measured(g7 + ["--db", str(db), "ingest", str(corpus)], env, work / f"reingest-{n}.log")
            if again.returncode != 0:
                raise SystemExit(f"run.py: re-ingest of N={n} failed: {again.stderr[-2000:]}")
            plain_db = work / f"plain-{n}.db"
            plain = run_measured([str(tools.python), "-c", PLAIN_LOAD, str(plain_db), str(corpus)], env,
                                 work / f"plain-{n}.log")
            if plain.returncode != 0:
                raise SystemExit(f"run.py: plain load of N={n} failed: {plain.stderr[-2000:]}")
            counts = json.loads(check(g7 + ["--db", str(db), "info", "--format", "json"], env, "g7 info"))[0]
            ingests.append({"n": n, "written": written, "corpus_bytes": corpus_bytes, "first": first,
                            "again": again, "plain": plain, "db_bytes": size, "plain_bytes": db_bytes(plain_db),
                            "counts": counts, "summary": first.stderr.strip(), "again_summary": again.stderr.strip()})
            log(f"N={n}: re-ingest {again.seconds:.2f}s, plain load {plain.seconds:.2f}s")
            if n != sizes[-1]:
                shutil.rmtree(corpus)
                plain_db.unlink()

        # 3. the largest database, with the seeds too (so seed-only filters find their rows)
        big_n = sizes[-1]
        big_db = work / f"gen-{big_n}.db"
        check(g7 + ["--db", str(big_db), "ingest"], env, "g7 ingest (seeds into the largest database)")

        # 4. latency: g7, floor and peer on both databases, help, python alone; round-robin
        benches: dict[tuple[str, str], Bench] = {}
        sql_main: dict[tuple[str, str], str] = {}
        n_stmts: dict[tuple[str, str], int] = {}
        for dbkey, db in (("seeds", seeds_db), ("big", big_db)):
            for q in QUERIES:
                stmts = traced_sql(tools, db, q.args, env, work)
                sql_main[dbkey, q.key] = main_statement(stmts, q.main_from)
                n_stmts[dbkey, q.key] = len(stmts)
                benches[dbkey, q.key, "g7"] = Bench(f"{dbkey}:{q.key}:g7", g7 + ["--db", str(db), *q.args])
                benches[dbkey, q.key, "floor"] = Bench(f"{dbkey}:{q.key}:floor",
                                                       floor_argv(tools, db, stmts, work, f"{dbkey}-{q.key}"))
                if q.key != "meetings-all":
                    benches[dbkey, q.key, "peer"] = Bench(
                        f"{dbkey}:{q.key}:peer", [str(tools.sqlite_utils), "query", str(db), sql_main[dbkey, q.key], "--tsv"])
            benches[dbkey, "table", "g7"] = Bench(f"{dbkey}:table", g7 + ["--db", str(db), *TABLE_ARGS], pty=True)
        benches["-", "help", "g7"] = Bench("help", g7 + HELP_ARGS)
        benches["-", "python", "bare"] = Bench("python -c pass", [str(tools.python), "-c", "pass"])
        benches["-", "python", "sqlite3"] = Bench("python -c 'import sqlite3'", [str(tools.python), "-c", "import sqlite3"])
        log(f"timing {len(benches)} commands, {runs} rounds")
        time_round_robin(list(benches.values()), runs, env, budget, log)

        # 5. profiles
        log("profiles: -X importtime, module sets, cProfile of an ingest")
        imports = {
            "meetings": importtime(tools, [str(tools.g7), "--db", str(seeds_db), *QUERIES[0].args], env, tries),
            "help": importtime(tools, [str(tools.g7), *HELP_ARGS], env, tries),
            "floor": importtime(tools, ["-c", "import sqlite3"], env, tries),
        }
        imports["tries"] = tries
        modules = loaded_modules(tools, ["--db", str(seeds_db), *QUERIES[0].args], env)
        help_modules = loaded_modules(tools, HELP_ARGS, env)
        prof_corpus = work / "profile-corpus"
        generate.generate(profile_n, prof_corpus, seed=11)
        prof = json.loads(check([str(tools.python), "-c", PROFILE_INGEST, str(work / "profile.db"), str(prof_corpus), "40"],
                                env, "cProfile of g7 ingest").strip().splitlines()[-1])
        plans = {}
        for q in QUERIES:
            plan_code = ("import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\n"
                         "for r in c.execute('EXPLAIN QUERY PLAN '+sys.argv[2]): print(r[3])")
            plans[q.key] = check([str(tools.python), "-c", plan_code, str(big_db), sql_main["big", q.key]], env,
                                 "EXPLAIN QUERY PLAN").rstrip()
        load_end = loadavg()
        git_end = git_state()
        if git_end != facts_git:
            facts.append(("g7 at the end of the run", f"git {git_end}: THE CODE CHANGED DURING THE RUN; "
                                                      "earlier and later measurements saw different code"))
        total_s = time.perf_counter() - started

        # --- ratios
        B = benches
        rows: list[Row] = []

        def ratio_row(name, a: Bench, b: Bench, rule, limit, note=""):
            r = a.median / b.median
            rows.append(row(name, f"{ms(a.median)} / {ms(b.median)}", r, rule, limit, note))

        ratio_row("meetings --year 2024 (tsv) / floor", B["seeds", "meetings-2024", "g7"],
                  B["seeds", "meetings-2024", "floor"], at_most, QUERY_VS_FLOOR)
        ratio_row("meetings --year 2024 (tsv) / sqlite-utils", B["seeds", "meetings-2024", "g7"],
                  B["seeds", "meetings-2024", "peer"], at_most, QUERY_VS_PEER)
        ratio_row("bilaterals --country Italy (tsv) / floor", B["seeds", "bilaterals-italy", "g7"],
                  B["seeds", "bilaterals-italy", "floor"], at_most, QUERY_VS_FLOOR, "the query target applied to it")
        ratio_row("bilaterals --country Italy (tsv) / sqlite-utils", B["seeds", "bilaterals-italy", "g7"],
                  B["seeds", "bilaterals-italy", "peer"], at_most, QUERY_VS_PEER, "the query target applied to it")
        ratio_row("--help / floor", B["-", "help", "g7"], B["seeds", "meetings-2024", "floor"], at_most, HELP_VS_FLOOR,
                  "floor: that of meetings --year 2024")
        ratio_row("meetings table on a terminal / floor", B["seeds", "table", "g7"], B["seeds", "meetings-all", "floor"],
                  at_most, TABLE_VS_FLOOR, "floor: the same query's SQL, printed as TSV")
        for ing in ingests:
            n, first, plain = ing["n"], ing["first"], ing["plain"]
            rows.append(row(f"ingest N={fmt_n(n)} / plain load", f"{first.seconds:.2f} s / {plain.seconds:.2f} s",
                            first.seconds / plain.seconds, at_most, INGEST_VS_PLAIN,
                            f"CPU time: {first.cpu:.2f} s / {plain.cpu:.2f} s = {first.cpu / plain.cpu:.1f} x"))
        for a, b in zip(ingests, ingests[1:]):
            limit = LINEAR_SLACK * b["n"] / a["n"]
            rows.append(row(f"ingest time N={fmt_n(b['n'])} / N={fmt_n(a['n'])}",
                            f"{b['first'].seconds:.2f} s / {a['first'].seconds:.2f} s",
                            b["first"].seconds / a["first"].seconds, at_most, limit,
                            f"linear: {LINEAR_SLACK:g} x the ratio of N; CPU time: {b['first'].cpu:.1f} s / "
                            f"{a['first'].cpu:.1f} s = {b['first'].cpu / a['first'].cpu:.2f} x"))
        lo, hi = ingests[0], ingests[-1]
        rows.append(row(f"peak memory N={fmt_n(hi['n'])} / N={fmt_n(lo['n'])}",
                        f"{hi['first'].maxrss_kib / 1024:.1f} MiB / {lo['first'].maxrss_kib / 1024:.1f} MiB",
                        hi["first"].maxrss_kib / lo["first"].maxrss_kib, at_most, MEMORY_FLAT,
                        "flat in N (our threshold: within 20%)"))
        for ing in ingests:
            rows.append(row(f"first ingest / unchanged re-ingest, N={fmt_n(ing['n'])}",
                            f"{ing['first'].seconds:.2f} s / {ing['again'].seconds:.2f} s",
                            ing["first"].seconds / ing["again"].seconds, at_least, REINGEST_SPEEDUP,
                            f"CPU time: {ing['first'].cpu / ing['again'].cpu:.0f} x"))
        for key, label in (("meetings-2024", "meetings --year 2024 (tsv)"),
                           ("bilaterals-italy", "bilaterals --country Italy (tsv)"),
                           ("table", "meetings table on a terminal"),
                           ("delegates-hasegawa", "delegates --delegate Hasegawa (tsv)")):
            big, small = B["big", key, "g7"], B["seeds", key, "g7"]
            same_sql = "meetings-all" if key == "table" else key
            note = f"rows: {B['seeds', same_sql, 'g7'].rows} -> {B['big', same_sql, 'g7'].rows}"
            # The floor runs the same SQL and prints the same rows: how much
            # of the growth is the answer's own size rather than g7's.
            floor_big, floor_small = B["big", same_sql, "floor"], B["seeds", same_sql, "floor"]
            note += f"; the floor: {ms(floor_big.median)} / {ms(floor_small.median)} = " \
                    f"{floor_big.median / floor_small.median:.2f} x"
            ratio_row(f"at scale: {label}, N={fmt_n(big_n)} db / seeds db", big, small, at_most, SCALE_VS_SEEDS, note)

        report = render_report(
            command_line=command_line, facts=facts, load=(load_start, load_end), total_s=total_s, runs=runs,
            sizes=sizes, rows=rows, benches=B, ingests=ingests, imports=imports, modules=modules,
            help_modules=help_modules, prof=prof, profile_n=profile_n, plans=plans, sql_main=sql_main, n_stmts=n_stmts,
            tools=tools, big_n=big_n, out_path=out_path, quick=args.quick)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(report, encoding="utf-8")
        log(f"wrote {out_path}")
        met = sum(r.ok for r in rows)
        print(f"{met}/{len(rows)} targets met; report: {out_path}")
        for r in rows:
            print(f"  {'met    ' if r.ok else 'NOT MET'}  {r.ratio:7.2f} x  (target {r.target})  {r.name}")
        return 0
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


# --- the report ----------------------------------------------------------------------------------

ANALYSIS_BEGIN = "<!-- analysis: begin (hand-written; kept when run.py rewrites this file) -->"
ANALYSIS_END = "<!-- analysis: end -->"


def _kept_analysis(out_path: Path) -> str | None:
    try:
        old = out_path.read_text(encoding="utf-8")
    except OSError:
        return None
    i, j = old.find(ANALYSIS_BEGIN), old.find(ANALYSIS_END)
    if i < 0 or j < i:
        return None
    return old[i:j + len(ANALYSIS_END)]


def render_report(*, command_line, facts, load, total_s, runs, sizes, rows, benches, ingests, imports, modules,
                  help_modules, prof, profile_n, plans, sql_main, n_stmts, tools, big_n, out_path, quick) -> str:
    B = benches
    L = []
    add = L.append
    met = sum(r.ok for r in rows)
    add("# g7 benchmarks (issue 6)")
    add("")
    add(f"Written by `{command_line}` ({'quick mode: small N, few runs; for CI, not for conclusions' if quick else 'sizes ' + ', '.join(fmt_n(n) for n in sizes)}), "
        f"in {total_s / 60:.1f} minutes. **{met} of {len(rows)} targets met.** Every figure is a ratio of two "
        "measurements taken in this same run; each is a whole process (start-up included), timed "
        f"{runs} times round-robin with the other commands; medians. Ingest rows also give the ratio of CPU "
        "times (user + system of the child), which a busy machine disturbs less than wall time.")
    add("")
    add("## Machine")
    add("")
    add(table(["", ""], [[k, v] for k, v in facts] + [["load average (start / end)", f"{load[0]} / {load[1]}"]]))
    add("")
    add("## Ratios and the targets of issue 6")
    add("")
    add(table(["row", "measured", "ratio", "target", "", "note"],
              [[r.name, r.measured, f"{r.ratio:.2f} x", r.target, "met" if r.ok else "**not met**", r.note] for r in rows]))
    add("")
    gaps = [r for r in rows if not r.ok]
    if gaps:
        add("Gaps: " + "; ".join(f"{r.name}: {r.ratio:.2f} x against {r.target}" for r in gaps)
            + ". The profiles below explain them.")
        add("")

    # latency detail
    add("## Start-up and query latency")
    add("")
    add(f"Medians of whole processes on the seeds database (5 releases) and on the N={fmt_n(big_n)} database "
        "(the synthetic releases plus the seeds). `rows`: lines of TSV output without the header.")
    add("")
    lat = []
    for q in QUERIES:
        for kind in ("g7", "floor", "peer"):
            s, b = B.get(("seeds", q.key, kind)), B.get(("big", q.key, kind))
            if s is None:
                continue
            lat.append([q.label if kind == "g7" else f"  {kind} of the above", ms(s.median), ms(b.median),
                        "" if kind == "floor" else f"{s.rows} / {b.rows}", f"{len(s.times)} / {len(b.times)}"])
    s, b = B["seeds", "table", "g7"], B["big", "table", "g7"]
    lat.append([TABLE_LABEL, ms(s.median), ms(b.median), "-", f"{len(s.times)} / {len(b.times)}"])
    for key, label in ((("-", "help", "g7"), "g7 --help"), (("-", "python", "bare"), "python -c pass (reference)"),
                       (("-", "python", "sqlite3"), "python -c 'import sqlite3' (reference)")):
        lat.append([label, ms(B[key].median), "", "", str(len(B[key].times))])
    add(table(["command", "seeds db", f"N={fmt_n(big_n)} db", "rows", "runs"], lat))
    add("")

    # ingest detail
    add("## Ingest at scale")
    add("")
    add("`benchmarks/generate.py N DIR` writes N synthetic releases (English and Japanese, four layouts, invented "
        "names; a meeting is reported by one to four releases). Each N is ingested into a new database; "
        "then the same folder again (unchanged); then the plain load reads the same files into one table.")
    add("")
    ing_rows = []
    for ing in ingests:
        f, a, p, c = ing["first"], ing["again"], ing["plain"], ing["counts"]
        ing_rows.append([
            fmt_n(ing["n"]), f"{ing['corpus_bytes'] / 1e6:.1f} MB", f"{f.seconds:.2f} s", f"{ing['n'] / f.seconds:.1f}",
            f"{f.cpu:.2f} s", f"{f.maxrss_kib / 1024:.1f} MiB", f"{ing['db_bytes'] / 1e6:.1f} MB",
            f"{a.seconds:.2f} s", f"{a.maxrss_kib / 1024:.1f} MiB",
            f"{p.seconds:.2f} s", f"{ing['n'] / p.seconds:,.0f}", f"{p.maxrss_kib / 1024:.1f} MiB",
            f"{ing['plain_bytes'] / 1e6:.1f} MB",
            f"{c.get('meetings')} / {c.get('delegates')} / {c.get('bilaterals')}",
        ])
    add(table(["N", "corpus", "ingest", "docs/s", "CPU", "peak RSS", "DB", "re-ingest", "re-ingest RSS",
               "plain load", "plain docs/s", "plain RSS", "plain DB", "meetings / delegates / talks"], ing_rows))
    add("")
    if len(ingests) >= 2:
        a, b = ingests[-2], ingests[-1]
        marginal = (b["first"].seconds - a["first"].seconds) / (b["n"] - a["n"])
        add(f"Marginal cost per document between N={fmt_n(a['n'])} and N={fmt_n(b['n'])}: "
            f"{marginal * 1000:.1f} ms ({1 / marginal:.1f} documents/s); the rest of the smaller run is "
            "fixed cost (start-up, migrations, gazetteers).")
        add("")
    add("g7's summaries (stderr):")
    add("")
    add("```")
    for ing in ingests:
        add(f"N={ing['n']}: " + ing["summary"].replace("\n", " | "))
        add(f"N={ing['n']} again: " + ing["again_summary"].replace("\n", " | "))
    add("```")
    add("")

    # profiles
    add("## Profiles")
    add("")
    add(f"### Start-up: `python -X importtime` (the fastest of {imports['tries']} runs; cumulative times)")
    add("")
    for key, label in (("meetings", "g7 meetings --year 2024 --format tsv"), ("help", "g7 --help"),
                       ("floor", "the floor's imports: python -c 'import sqlite3'")):
        add(f"{label}: {imports[key]['total']:.1f} ms of imports in all (modules of 2 ms or more, "
            "cumulative, four levels deep):")
        add("")
        add("```")
        L.extend(import_tree_lines(imports[key]))
        add("```")
        add("")
    watch = ["typer", "typer._click", "typer.rich_utils", "rich", "sqlite_utils", "pydantic", "shellingham",
             "jaconv", "platformdirs", "g7cli.queries", "g7cli.output", "g7cli.gazetteer", "g7cli.names",
             "g7cli.extract", "json", "csv", "dataclasses", "typing", "pathlib", "inspect", "datetime"]
    add("Modules left loaded by a plain query and by `--help` (run in-process):")
    add("")
    q_all, h_all = set(modules["all"]), set(help_modules["all"])
    add(table(["module", "meetings --year 2024 --format tsv", "--help"],
              [[m, "yes" if m in q_all else "no", "yes" if m in h_all else "no"] for m in watch]
              + [["third-party packages", ", ".join(modules["third"]) or "-", ", ".join(help_modules["third"]) or "-"],
                 ["modules in all", str(len(q_all)), str(len(h_all))]]))
    add("")
    add(f"### Ingest: cProfile of `g7 ingest --jobs 1` of {profile_n} synthetic releases into a new database")
    add("")
    add(f"Total profiled time {prof['total']:.2f} s (cProfile roughly doubles the run time; proportions matter).")
    add("")
    add("By file (own time):")
    add("")
    add(table(["file or built-in", "own time", "share"],
              [[k, f"{v:.2f} s", f"{100 * v / prof['total']:.0f}%"] for k, v in prof["by_file"][:14]]))
    add("")
    add("By function, cumulative time (below the command-line layers):")
    add("")
    below = [p for p in prof["cumtime"] if "typer/" not in p[0] and "g7cli/cli.py" not in p[0]]
    add(table(["function", "calls", "own", "cumulative"],
              [[n, fmt_n(c), f"{t:.2f} s", f"{ct:.2f} s"] for n, c, t, ct in below[:18]]))
    add("")
    add("By function, own time:")
    add("")
    add(table(["function", "calls", "own", "cumulative"],
              [[n, fmt_n(c), f"{t:.2f} s", f"{ct:.2f} s"] for n, c, t, ct in prof["tottime"][:18]]))
    add("")

    add(f"### Query plans on the N={fmt_n(big_n)} database (`EXPLAIN QUERY PLAN` of each command's main SELECT)")
    add("")
    for q in QUERIES:
        add(f"{q.label}:")
        add("")
        add("```")
        add(sql_main["big", q.key])
        add(plans[q.key])
        add("```")
        add("")

    analysis = _kept_analysis(out_path)
    if analysis:
        add("## Analysis")
        add("")
        add(analysis)
        add("")

    # commands
    add("## Commands")
    add("")
    add("`DB` is the database under test, `CORPUS` a generated folder, `PY` g7's interpreter "
        f"(`{tools.python}`). Children run with `G7_DB`, `NO_COLOR`, `COLUMNS` and `PYTHONDONTWRITEBYTECODE` "
        "removed from the environment (bytecode caches as on a user's machine), after one untimed warm-up run each.")
    add("")
    add("```sh")
    add("g7 --db DB ingest                      # the seeds database")
    add("python benchmarks/generate.py N CORPUS  # (called in-process)")
    add("g7 --db DB ingest CORPUS               # timed; peak RSS from os.wait4; then again, unchanged")
    add("g7 --db DB ingest                      # the seeds into the largest database, before the query timings")
    for q in QUERIES:
        add(f"g7 --db DB {' '.join(q.args)}")
    add(f"g7 --db DB {' '.join(TABLE_ARGS)}   # on a pseudo-terminal (pty.openpty, 160 x 50, TERM=xterm-256color)")
    add("g7 --help")
    add("sqlite-utils query DB \"MAIN SELECT\" --tsv   # the peer: g7's main SELECT, parameters inlined")
    add("PY -c pass; PY -c 'import sqlite3'     # references")
    add("```")
    add("")
    add("The floor (`PY -c`; SQL: every SELECT g7 ran for that command, captured with "
        "`sqlite3.Connection.set_trace_callback`, parameters inlined):")
    add("")
    add("```python")
    add(FLOOR_TEMPLATE.format(uri="file:///.../DB?mode=ro", sql="[SQL, ...]").rstrip())
    add("```")
    add("")
    add("The plain load (`PY -c SCRIPT DB CORPUS`):")
    add("")
    add("```python")
    add(PLAIN_LOAD.rstrip())
    add("```")
    add("")
    add("The peer's SQL on the seeds database: the SELECT of the command's rows (the floor ran it and "
        "every other SELECT g7 ran for the command, schema checks included):")
    add("")
    for q in QUERIES:
        add(f"- {q.label} ({n_stmts['seeds', q.key]} SELECTs in all): `{sql_main['seeds', q.key]}`")
    add("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    sys.exit(main())
