#!/usr/bin/env python3
"""Runs the same questions through stmt, DuckDB, sqlite3 (indexed) and jq on the same generated data
and prints one table per corpus size, then a growth table across sizes. Called by Benchmarks/run
after it builds stmt in release mode."""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STMT = os.path.join(ROOT, ".build/release/stmt")
BENCH = os.path.join(ROOT, ".build/release/stmt-bench")
OUT = os.path.join(ROOT, "Benchmarks/out")
RUNS = 5
# A query whose median of RUNS runs is under a millisecond is timed again over FAST_RUNS runs (each
# tool alike), and that median is reported: five runs of a few microseconds are at the mercy of one
# scheduler hiccup on a shared machine.
FAST_RUNS = 101


# stmt's snapshots of the corpora live beside them, not in the user's cache.
ENV = dict(os.environ, XDG_CACHE_HOME=os.path.join(OUT, "cache"), STMT_CACHE_LIMIT="16G")


def timed(cmd, stdin=None, cwd=None):
    """Wall seconds and peak RSS (MiB) of a command, via /usr/bin/time."""
    r = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + cmd, input=stdin, capture_output=True, text=True, cwd=cwd, env=ENV)
    if r.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    m = re.findall(r"TIME ([\d.]+) (\d+)", r.stderr)[-1]
    return float(m[0]), int(m[1]) / 1024, r.stdout


def generate(n):
    d = os.path.join(OUT, str(n))
    if not os.path.exists(os.path.join(d, "queries.txt")):
        args = ["python3", os.path.join(ROOT, "Benchmarks/generate.py"), str(n), d]
        if n <= 100_000:
            args.append("--yaml")
        subprocess.run(args, check=True)
    q = dict(line.strip().split("=", 1) for line in open(os.path.join(d, "queries.txt")))
    return d, q


def duck_sql(q):
    """The questions in DuckDB's SQL over the JSON Lines model as read_json gives it (tables st, ent)."""
    t, sid, w = q["target"].lower().replace("'", "''"), q["show"], q["word"]
    return [
        f"SELECT count(*) FROM st WHERE act.force = 'urge' AND list_has_any(targets, (SELECT list(id) FROM ent "
        f"WHERE lower(id) = '{t}' OR lower(name) = '{t}' OR list_contains(list_transform(aliases, lambda x: lower(x)), '{t}')))",
        "SELECT sp, count(*) AS c FROM (SELECT unnest(speakers) AS sp FROM st) GROUP BY sp ORDER BY c DESC",
        f"SELECT count(*) FROM st WHERE content ILIKE '%{w}%'",
        f"SELECT * FROM st WHERE id = '{sid}'",
        "SELECT id, date FROM st ORDER BY date DESC NULLS LAST LIMIT 10",
    ]


def duck_queries(model, sqlite_dir, q):
    """DuckDB in a process of its own (for its peak memory): load times, query medians, answers."""
    path = os.path.join(OUT, "duck-queries.json")
    json.dump(duck_sql(q), open(path, "w"))
    _, mem, out = timed(["python3", os.path.join(ROOT, "Benchmarks/duck.py"), model, sqlite_dir, path, str(RUNS)])
    r = json.loads(out)
    r["memory"] = mem
    return r


def queries(q):
    t, sid, w = q["target"], q["show"], q["word"]
    tl = t.replace("'", "''")
    return [
        ("filter + count", f'statements | where act = "urge" and targets has "{t}" | count',
         f"SELECT count(*) FROM statements WHERE force = 'urge' AND id IN (SELECT t.statement FROM targets t JOIN names n ON n.entity = t.entity WHERE n.name = '{tl}' COLLATE NOCASE);",
         '($t | ascii_downcase) as $lt | ([.entities[] | select((.id | ascii_downcase) == $lt or (.name | ascii_downcase) == $lt or any(.aliases[]; ascii_downcase == $lt)) | .id]) as $ids '
         '| [.statements[] | select(.act.force == "urge" and any(.targets[]; . as $x | $ids | index($x)))] | length'),
        ("count by speaker", "statements | count by speakers",
         "SELECT e.name, count(*) AS c FROM speakers s JOIN entities e ON e.id = s.entity GROUP BY s.entity ORDER BY c DESC;",
         "[.statements[].speakers[]] | group_by(.) | map({speaker: .[0], count: length}) | sort_by(-.count)"),
        ("substring search", f'statements | where content ~ "{w}" | count',
         f"SELECT count(*) FROM statements WHERE content LIKE '%{w}%';",
         f'[.statements[] | select(.content | ascii_downcase | contains("{w}"))] | length'),
        ("show one", f"show {sid}",
         f"SELECT s.*, (SELECT group_concat(e.name) FROM speakers sp JOIN entities e ON e.id = sp.entity WHERE sp.statement = s.id) FROM statements s WHERE s.id = '{sid}';",
         f'.statements[] | select(.id == "{sid}")'),
        ("sort + limit", "statements | sort date desc | limit 10 | select id, date",
         "SELECT id, date FROM statements ORDER BY date DESC LIMIT 10;",
         ".statements | sort_by(.date) | reverse | .[:10] | map({id, date})"),
    ]


def stmt_run(model, script):
    r = subprocess.run([STMT, "--model", model, "-"], input=script, capture_output=True, text=True, env=ENV)
    if r.returncode != 0:
        raise SystemExit("stmt failed: " + r.stderr[-2000:])
    # The evaluation time: producing the answer, as SQLite's execute-and-fetch does; not printing it.
    return r, [float(x) for x in re.findall(r"Run Time: [\d.]+ ms \(evaluation ([\d.]+) ms", r.stdout)][1:]   # the first is `set timer on`


def stmt_queries(model, qs):
    # One warm-up of each query (the first `sort date` builds the date order), then RUNS timed runs.
    script = "set timer on\n" + "".join((s + "\n") * (RUNS + 1) for _, s, _, _ in qs)
    # Then the five largest speaker counts, to check them against DuckDB's.
    script += "set timer off\nset mode csv\nstatements | count by speakers | sort count desc | limit 5 | select count\n"
    r, times = stmt_run(model, script)
    out, first = [], []
    for i in range(len(qs)):
        out.append(statistics.median(times[i * (RUNS + 1) + 1:(i + 1) * (RUNS + 1)]))
        first.append(times[i * (RUNS + 1)])
    fast = [i for i in range(len(qs)) if out[i] < 1]
    if fast:
        # A warm-up again (a new process), then FAST_RUNS runs of each.
        _, again = stmt_run(model, "set timer on\n" + "".join((qs[i][1] + "\n") * (FAST_RUNS + 1) for i in fast))
        for n, i in enumerate(fast):
            out[i] = statistics.median(again[n * (FAST_RUNS + 1) + 1:(n + 1) * (FAST_RUNS + 1)])
    return out, first, r.stdout.split("\n")


def sqlite_queries(db, qs):
    """The same SQLite library as the sqlite3 shell, timed to the microsecond (the shell's .timer
    stops at milliseconds): one warm-up, then the median of RUNS runs, rows fetched."""
    import sqlite3
    con = sqlite3.connect(db)
    times, answers = [], []
    for _, _, sql, _ in qs:
        answers.append(con.execute(sql).fetchall())
        runs = []
        for _ in range(RUNS):
            t = time.perf_counter()
            con.execute(sql).fetchall()
            runs.append((time.perf_counter() - t) * 1000)
        if statistics.median(runs) < 1:
            runs = []
            for _ in range(FAST_RUNS):
                t = time.perf_counter()
                con.execute(sql).fetchall()
                runs.append((time.perf_counter() - t) * 1000)
        times.append(statistics.median(runs))
    con.close()
    return times, answers


def jq_queries(corpus, qs, target, runs):
    out = []
    for _, _, _, jq in qs:
        ts = []
        for _ in range(runs):
            t, _, _ = timed(["jq", "-c", "--arg", "t", target, jq, corpus])
            ts.append(t * 1000)
        out.append(statistics.median(ts))
    return out


def fmt_ms(x):
    if x != x:   # NaN: the tool sat out this size
        return "–"
    if x < 1:
        return f"{x * 1000:,.0f} µs"
    return f"{x:,.1f} ms" if x < 10_000 else f"{x / 1000:,.1f} s"


def ratio(other, ours):
    if other != other:
        return "–"
    return f"{other / ours:,.1f}×" if ours > 0 else "–"


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000, 3_000_000]
    growth = []
    os.makedirs(OUT, exist_ok=True)
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    lines = [f"Machine: {os.cpu_count()} cores, {cpu}, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') >> 30} GiB; "
             f"{subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]} (sqlite3), "
             f"{subprocess.run(['jq', '--version'], capture_output=True, text=True).stdout.strip()}, DuckDB {__import__('duckdb').__version__} (Python, 2 threads); run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", ""]
    for n in sizes:
        d, q = generate(n)
        model, corpus = os.path.join(d, "model.jsonl"), os.path.join(d, "corpus.json")
        # Load: stmt (JSON Lines, and YAML for the smaller sizes), sqlite3 import with indexes, jq parse.
        loads = [timed([STMT, "--model", model, "--no-cache", "-c", "info"]) for _ in range(3)]
        st_load = statistics.median(x[0] for x in loads)
        st_mem = max(x[1] for x in loads)
        # The snapshot: a first run that writes it (from an empty cache), then reopens that read it.
        subprocess.run([STMT, "cache", "clear"], capture_output=True, env=ENV)
        first_run = timed([STMT, "--model", model, "-c", "info"])
        # The snapshot's pages reach the disk before the reopens are timed, as they have by a user's
        # next run: otherwise the kernel's write-back of 600 MB competes with the first reopen.
        os.sync()
        reopens = [timed([STMT, "--model", model, "-c", "info"]) for _ in range(3)]
        st_reopen = statistics.median(x[0] for x in reopens)
        st_reopen_mem = max(x[1] for x in reopens)
        yaml = os.path.join(d, "model.yaml")
        yaml_load = timed([STMT, "--model", yaml, "-c", "info"]) if os.path.exists(yaml) else None
        db = os.path.join(d, "bench.db")
        sq = []
        for _ in range(1 if n >= 1_000_000 else 3):
            if os.path.exists(db):
                os.remove(db)
            sq.append(timed(["sqlite3", db], stdin=open(os.path.join(ROOT, "Benchmarks/sqlite-import.sql")).read(), cwd=os.path.join(d, "sqlite")))
        sq_load = statistics.median(x[0] for x in sq)
        sq_mem = max(x[1] for x in sq)
        # jq holds the whole corpus as a tree: about 6 GB per million statements, so it sits out above 1M.
        use_jq = n <= 1_000_000
        jq_parse = timed(["jq", ".statements | length", corpus]) if use_jq else (float("nan"), float("nan"), "")
        qs = queries(q)
        st_q, st_first, st_out = stmt_queries(model, qs)
        sq_q, sq_answers = sqlite_queries(db, qs)
        jq_q = jq_queries(corpus, qs, q["target"], 1 if n >= 1_000_000 else 3) if use_jq else [float("nan")] * len(qs)
        dk = duck_queries(model, os.path.join(d, "sqlite"), q)
        # The answers must agree: the counts of the filter and the search.
        st_counts = [int(l) for l in st_out if re.fullmatch(r"\d+", l.strip())]
        sq_counts = [sq_answers[0][0][0], sq_answers[2][0][0]]
        agree = st_counts[0] == sq_counts[0] and st_counts[RUNS + 1] == sq_counts[1]
        dk_counts = [int(dk["answers"][0][0][0]), int(dk["answers"][2][0][0])]
        dk_agree = dk_counts == [st_counts[0], st_counts[RUNS + 1]]
        # count by speaker: the largest counts agree (stmt names speakers, DuckDB keeps ids).
        st_top = [int(x) for x in st_out[-7:] if re.fullmatch(r"\d+", x.strip())][-5:]
        dk_top = [int(r[1]) for r in dk["answers"][1][:5]]
        dk_agree = dk_agree and (not st_top or st_top == dk_top)
        comp = subprocess.run([BENCH, model], capture_output=True, text=True, check=True).stdout
        comp_worst = max(float(l.split("\t")[1]) for l in comp.strip().split("\n"))
        lines += [f"### {n:,} statements", "",
                  f"Files: model.jsonl {os.path.getsize(model) / 2**20:,.0f} MiB, corpus.json {os.path.getsize(corpus) / 2**20:,.0f} MiB, "
                  f"bench.db {os.path.getsize(db) / 2**20:,.0f} MiB. The filter's and the search's counts agree (stmt {st_counts[0]:,} and {st_counts[RUNS + 1]:,}): "
                  f"{'yes' if agree else 'NO, sqlite3 says ' + str(sq_counts)}; with DuckDB's (and its top speaker counts): "
                  f"{'yes' if dk_agree else 'NO, DuckDB says ' + str(dk_counts)}. The first `sort date` builds the date order: {fmt_ms(st_first[4])}.", "",
                  "| | stmt | DuckDB | DuckDB ÷ stmt | sqlite3 (indexed) | sqlite3 ÷ stmt | jq | jq ÷ stmt |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                  f"| load | {fmt_ms(st_load * 1000)} | {fmt_ms(dk['load_json'] * 1000)} (read_json) | {ratio(dk['load_json'], st_load)} "
                  f"| {fmt_ms(sq_load * 1000)} (import + indexes) | {ratio(sq_load, st_load)} | {fmt_ms(jq_parse[0] * 1000)} (parse) | {ratio(jq_parse[0], st_load)} |",
                  f"| load the CSV tables | | {fmt_ms(dk['load_csv'] * 1000)} | | | | | |",
                  f"| first run, writing the snapshot | {fmt_ms(first_run[0] * 1000)}, {first_run[1]:,.0f} MiB | | | | | | |",
                  f"| reopen from the snapshot | {fmt_ms(st_reopen * 1000)}, {st_reopen_mem:,.0f} MiB | {fmt_ms(dk['load_json'] * 1000)} | {ratio(dk['load_json'], st_reopen)} | | | | |",
                  f"| peak memory | {st_mem:,.0f} MiB | {dk['memory']:,.0f} MiB (both loads) | | {sq_mem:,.0f} MiB | | {'–' if jq_parse[1] != jq_parse[1] else format(jq_parse[1], ',.0f') + ' MiB'} | |"]
        for (name, _, _, _), a, b, c, e in zip(qs, st_q, sq_q, jq_q, dk["times"]):
            lines.append(f"| {name} | {fmt_ms(a)} | {fmt_ms(e)} | {ratio(e, a)} | {fmt_ms(b)} | {ratio(b, a)} | {fmt_ms(c)} | {ratio(c, a)} |")
        lines.append(f"| completion (worst of {len(comp.strip().splitlines())} inputs) | {fmt_ms(comp_worst)} | – | | – | | – | |")
        growth.append((n, st_load, dk["load_json"], st_mem, dk["memory"], list(zip(st_q, dk["times"])), st_reopen))
        if yaml_load:
            lines.append(f"| load from YAML instead | {fmt_ms(yaml_load[0] * 1000)}, {yaml_load[1]:,.0f} MiB | | | | |")
        lines.append("")
        print("\n".join(lines[-(17 + (1 if yaml_load else 0)):]), flush=True)
    if len(growth) > 1:
        lines += ["### Growth", "", "How each cost grows with the corpus (stmt / DuckDB, same run):", "",
                  "| statements | load | reopen (snapshot) | peak memory | " + " | ".join(name for name, _, _, _ in queries(q)) + " |",
                  "| ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in queries(q)) + " |"]
        for n, sl, dl, sm, dm, qt, ro in growth:
            lines.append(f"| {n:,} | {fmt_ms(sl * 1000)} / {fmt_ms(dl * 1000)} | {fmt_ms(ro * 1000)} | {sm:,.0f} / {dm:,.0f} MiB | "
                         + " | ".join(f"{fmt_ms(a)} / {fmt_ms(b)}" for a, b in qt) + " |")
        lines.append("")
        print("\n".join(lines[-(len(growth) + 5):]), flush=True)
    lines += ["DuckDB runs in-process through its Python package with 2 threads, in a process of its own (so its peak memory "
              "is measured): load is `read_json` of the same model.jsonl (the whole file sampled for its schema, as its record kinds differ) into one table per record kind, or `read_csv` of the "
              "same CSV tables sqlite3 imports; its queries are the median of 5 runs after a warm-up, rows fetched.",
              "For every tool alike, a query whose median of 5 runs is under a millisecond is timed again over 101 runs and that median is given "
              "(sqlite3 and DuckDB on the same connection; stmt in a second process reopening the snapshot, after one warm-up of each such query).",
              "stmt's load is the whole process (start, read, validate, resolve every anchor, index) with --no-cache, median of 3; "
              "its reopen is the whole process reading the snapshot the first run wrote (synced to disk first; median of 3); sqlite3's is "
              "the shell importing the CSV tables and creating the indexes (journal and sync off). Query times: stmt's in-process "
              "by `set timer on` (its evaluation figure: the answer produced, not yet printed), SQLite's in-process through the same library version, each the median of 5 runs after a warm-up. "
              "jq has no persistent state, so each of its queries is a whole run that parses the JSON again (median of 3 runs; 1 at 1M)."]
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\nwritten to Benchmarks/out/results.md")


if __name__ == "__main__":
    main()
