#!/usr/bin/env python3
"""The bad-input corpus: one-defect copies of content/, each run through `validate` and `build`.

    python3 tests/bad-input/run.py --dll PATH/TO/DxCompare.dll [--only NAME] [--keep]

For every case it records what a user would meet:
  crash    the process died with an unhandled exception (a stack trace) or a signal
  hang     a command did not finish within the timeout
  escape   a file appeared outside the content and output folders, or a message printed the
           contents of a file outside content/ (the symlink cases point at such a file)
  accepted validate passed content that is wrong
  mismatch validate passed but build failed
  messages how many problems validate printed (one defect should give one message)
The table at the end is the one in the report of issue 15.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTENT = os.path.join(ROOT, "content")
THEME = os.path.join(ROOT, "theme")
SECRET = "dxcompare-secret-7f3a"  # the contents of the "outside" file the symlink cases point at


def edit(path, old, new, count=1):
    def apply(c):
        p = os.path.join(c, path)
        text = open(p, encoding="utf-8").read()
        assert old in text, (path, old)
        open(p, "w", encoding="utf-8").write(text.replace(old, new, count))
    return apply


def write(path, text=None, data=None):
    def apply(c):
        p = os.path.join(c, path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if data is not None: open(p, "wb").write(data)
        else: open(p, "w", encoding="utf-8").write(text)
    return apply


def page(title="テスト", body="本文\n"):
    return f"---\ntitle: {title}\ndescription: 説明\n---\n{body}"


def remove(path):
    def apply(c):
        p = os.path.join(c, path)
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    return apply


def make_folder(path):
    return lambda c: (remove(path)(c), os.makedirs(os.path.join(c, path)))


def make_file(path):
    return lambda c: (remove(path)(c), open(os.path.join(c, path), "w").write("x: 1\n"))


def symlink(path, target):
    def apply(c):
        p = os.path.join(c, path)
        if os.path.lexists(p): remove(path)(c)
        os.symlink(target(c) if callable(target) else target, p)
    return apply


def outside_file(c):
    path = os.path.join(os.path.dirname(c), "outside.txt")
    open(path, "w").write(f"root:x:0:0:{SECRET}:/root:/bin/bash\n")
    return path


def outside_folder(c):
    path = os.path.join(os.path.dirname(c), "outside-pages")
    os.makedirs(path, exist_ok=True)
    open(os.path.join(path, "x.md"), "w").write(page(title=SECRET))
    return path


def alias_bomb(levels=12):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + f"\n"


def plan_with_alias_bomb(c):
    """About 3 KB: a value repeated 100 times in an indicator, that indicator 100 times in an initiative,
    that initiative 100 times in a pillar, that pillar 100 times as the plan's pillars: 10^8 values."""
    p = os.path.join(c, "plans", "koto.yml")
    text = open(p, encoding="utf-8").read()
    rep = lambda name: "[" + ",".join([f"*{name}"] * 100) + "]"
    bomb = ("x-value: &v {fy: 2026, type: target, value: 1}\n"
            f"x-indicator: &i {{name: n, kind: 指標, unit: 人, values: {rep('v')}}}\n"
            f"x-initiative: &n {{number: 1, title: t, indicators: {rep('i')}}}\n"
            f"x-pillar: &p {{number: 1, title: t, initiatives: {rep('n')}}}\n")
    assert "\npillars:\n" in text
    text = text.replace("\npillars:\n", f"\npillars: {rep('p')}\nold-pillars:\n", 1)
    open(p, "w", encoding="utf-8").write(bomb + text)


def deep_flow(c):
    p = os.path.join(c, "plans", "koto.yml")
    open(p, "a", encoding="utf-8").write("deep: " + "[" * 100000 + "]" * 100000 + "\n")


def deep_block(c):
    p = os.path.join(c, "plans", "koto.yml")
    with open(p, "a", encoding="utf-8") as f:
        f.write("deep:\n")
        for i in range(1, 3000):
            f.write(" " * i + "- \n")


def huge_file(c):
    p = os.path.join(c, "plans", "koto.yml")
    with open(p, "a", encoding="utf-8") as f:
        f.write(("# " + "x" * 1000 + "\n") * 60000)


def many_initiatives(c):
    p = os.path.join(c, "plans", "koto.yml")
    text = open(p, encoding="utf-8").read()
    marker = "    initiatives:\n"
    assert marker in text
    extra = "".join(f"      - number: {900 + i}\n        title: 取組{i}\n" for i in range(1, 20001))
    open(p, "w", encoding="utf-8").write(text.replace(marker, marker + extra, 1))


def many_topics(c):
    p = os.path.join(c, "topics.yml")
    with open(p, "a", encoding="utf-8") as f:
        for i in range(200000):
            f.write(f"  - id: t{i}\n    label: トピック{i}\n")


def long_title(c):
    edit("plans/koto.yml", "title: 江東区DX推進計画", "title: " + "長" * 3_000_000)(c)


def utf16(c):
    p = os.path.join(c, "plans", "koto.yml")
    text = open(p, encoding="utf-8").read()
    open(p, "wb").write(text.encode("utf-16"))


def fifo(c):
    os.mkfifo(os.path.join(c, "plans", "pipe.yml"))


def published(value):
    def apply(c):
        p = os.path.join(c, "plans", "koto.yml")
        lines = open(p, encoding="utf-8").read().split("\n")
        i = next(i for i, l in enumerate(lines) if l.startswith("published: "))
        lines[i] = f"published: {value}"
        open(p, "w", encoding="utf-8").write("\n".join(lines))
    return apply


# (class, name, mutation, expected: "reject" | "accept")
CASES = [
    # 1. confinement: names that become paths, routes and reserved files, symlinks
    ("confinement", "page ...md", write("pages/...md", page())),
    ("confinement", "page ..md", write("pages/..md", page())),
    ("confinement", "page .md", write("pages/.md", page())),
    ("confinement", "page koto.md (plan slug)", write("pages/koto.md", page())),
    ("confinement", "page index.md", write("pages/index.md", page())),
    ("confinement", "page admin.md", write("pages/admin.md", page())),
    ("confinement", "page 404.html.md", write("pages/404.html.md", page())),
    ("confinement", "page assets.md", write("pages/assets.md", page())),
    ("confinement", "page data.md", write("pages/data.md", page())),
    ("confinement", "page search.md", write("pages/search.md", page())),
    ("confinement", "page topics.md", write("pages/topics.md", page())),
    ("confinement", "page compare.md", write("pages/compare.md", page())),
    ("confinement", "page sitemap.xml.md", write("pages/sitemap.xml.md", page())),
    ("confinement", "page _headers.md", write("pages/_headers.md", page())),
    ("confinement", "page About.md (capital)", write("pages/About.md", page())),
    ("confinement", "page 'a b.md'", write("pages/a b.md", page())),
    ("confinement", "plan slug admin", lambda c: (edit("plans/koto.yml", "slug: koto", "slug: admin")(c), os.rename(os.path.join(c, "plans/koto.yml"), os.path.join(c, "plans/admin.yml")))),
    ("confinement", "plan slug assets", lambda c: (edit("plans/koto.yml", "slug: koto", "slug: assets")(c), os.rename(os.path.join(c, "plans/koto.yml"), os.path.join(c, "plans/assets.yml")))),
    ("confinement", "plan slug search", lambda c: (edit("plans/koto.yml", "slug: koto", "slug: search")(c), os.rename(os.path.join(c, "plans/koto.yml"), os.path.join(c, "plans/search.yml")))),
    ("confinement", "plan slug data", lambda c: (edit("plans/koto.yml", "slug: koto", "slug: data")(c), os.rename(os.path.join(c, "plans/koto.yml"), os.path.join(c, "plans/data.yml")))),
    ("confinement", "plan slug about (a page)", lambda c: (edit("plans/koto.yml", "slug: koto", "slug: about")(c), os.rename(os.path.join(c, "plans/koto.yml"), os.path.join(c, "plans/about.yml")))),
    ("confinement", "plan slug 'koto\\n'", edit("plans/koto.yml", "slug: koto", 'slug: "koto\\n"')),
    ("confinement", "symlink plan -> outside file", symlink("plans/evil.yml", outside_file)),
    ("confinement", "symlink page -> outside file", symlink("pages/evil.md", outside_file)),
    ("confinement", "symlink topics.yml -> outside file", symlink("topics.yml", outside_file)),
    ("confinement", "symlink pages/ -> outside folder", symlink("pages", outside_folder)),
    ("confinement", "plan is a FIFO", fifo),
    # 2. limits
    ("limits", "alias bomb in a plan", plan_with_alias_bomb),
    ("limits", "alias bomb in topics.yml", lambda c: open(os.path.join(c, "topics.yml"), "a").write(alias_bomb())),
    ("limits", "100,000 nested flow lists", deep_flow),
    ("limits", "3,000 nested block lists", deep_block),
    ("limits", "60 MB plan file", huge_file),
    ("limits", "20,000 initiatives under one pillar", many_initiatives),
    ("limits", "200,000 topics", many_topics),
    ("limits", "3,000,000-character title", long_title),
    # 3. validate passes, build fails
    ("validate=build", "control char in a title", edit("plans/koto.yml", "title: 江東区DX推進計画", 'title: "江東区\\x01DX推進計画"')),
    ("validate=build", "control char in a label", edit("plans/koto.yml", "pillar: 視点", 'pillar: "視\\x01点"')),
    ("validate=build", "control char in a page title", write("pages/x.md", page(title='"a\\x01b"'))),
    ("validate=build", "control char in a topic label", edit("topics.yml", "label: オンライン手続", 'label: "オンライン\\x01手続"')),
    ("validate=build", "NUL in a page body", write("pages/x.md", page(body="本文\x00です\n"))),
    ("validate=build", "escape char in a metric label", edit("metrics.yml", "label: オンライン手続の割合", 'label: "オンライン\\e手続の割合"')),
    ("validate=build", "U+FFFE in a title", edit("plans/koto.yml", "title: 江東区DX推進計画", 'title: "江東区\\uFFFE"')),
    ("validate=build", "lone surrogate in a title", edit("plans/koto.yml", "title: 江東区DX推進計画", 'title: "江東区\\uD800"')),
    ("validate=build", "decimal.MaxValue as a value", edit("plans/koto.yml", "value: 12.1", "value: 79228162514264337593543950335")),
    ("validate=build", "-decimal.MaxValue as a value", edit("plans/koto.yml", "value: 12.1", "value: -79228162514264337593543950335")),
    ("validate=build", "28 decimal places", edit("plans/koto.yml", "value: 12.1", "value: 0.0000000000000000000000000001")),
    ("validate=build", "duplicate topic id (fuzz)", edit("topics.yml", "topics:\n", "topics:\n  - id: cashless\n    label: 重複\n")),
    ("validate=build", "U+FFFE in a year (fuzz)", edit("plans/koto.yml", "start: 2025", 'start: "\\uFFFE"')),
    ("validate=build", "unclosed [ at the end of a file (fuzz)", lambda c: open(os.path.join(c, "plans", "koto.yml"), "a").write("x: [\ny: 1")),
    ("validate=build", "no plans at all", lambda c: [os.remove(os.path.join(c, "plans", f)) for f in os.listdir(os.path.join(c, "plans"))]),
    ("validate=build", "plans/ is a file", make_file("plans")),
    ("validate=build", "pages/ is a file", make_file("pages")),
    ("validate=build", "topics.yml is a folder", make_folder("topics.yml")),
    # 4. validation bypasses
    ("bypass", "full-width code", edit("plans/koto.yml", 'code: "131083"', 'code: "１３１０８３"')),
    ("bypass", "full-width code, wrong check digit", edit("plans/koto.yml", 'code: "131083"', 'code: "１３１０８９"')),
    ("bypass", "code with trailing newline", edit("plans/koto.yml", 'code: "131083"', 'code: "131083\\n"')),
    ("bypass", "topic id with trailing newline", edit("topics.yml", "id: online-procedures", 'id: "online-procedures\\n"')),
    ("bypass", "published with trailing newline", published('"2026-03\\n"')),
    ("bypass", "full-width digits in published", published('"２０２６-03"')),
    # 6. one error, one message
    ("one message", "bad end year", edit("plans/koto.yml", "end: 2029", "end: 20x9")),
    ("one message", "missing topics.yml", remove("topics.yml")),
    ("one message", "missing metrics.yml", remove("metrics.yml")),
    ("one message", "metrics.yml is a folder", make_folder("metrics.yml")),
    ("one message", "unreadable activity year (fuzz)", edit("plans/koto.yml", "        activities:\n          - fy: 2025\n", "        activities:\n          - fy: 2025'\n")),
    ("one message", "full-width year ２０２９", edit("plans/koto.yml", "end: 2029", "end: ２０２９")),
    ("one message", "UTF-16 plan", utf16),
    ("one message", "second YAML document", lambda c: open(os.path.join(c, "plans", "koto.yml"), "a").write("---\ntitle: 二つ目\n")),
    ("one message", "broken topics.yml", edit("topics.yml", "topics:", "topics: [")),
]

def tree(folder, skip):
    found = set()
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if os.path.join(base, d) not in skip and not d.startswith(".out.")]
        for f in files + [d for d in dirs if os.path.islink(os.path.join(base, d))]:
            found.add(os.path.relpath(os.path.join(base, f), folder))
    return found


def run(args, cwd, timeout):
    start = time.time()
    try:
        p = subprocess.run(args, cwd=cwd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        out = (p.stdout + p.stderr).decode("utf-8", "replace")
        crash = p.returncode not in (0, 1) or "Unhandled exception" in out or "\n   at " in out
        return dict(code=p.returncode, out=out, crash=crash, hang=False, secs=time.time() - start)
    except subprocess.TimeoutExpired as e:
        return dict(code=None, out="", crash=False, hang=True, secs=timeout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dll", required=True)
    parser.add_argument("--only")
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    a = parser.parse_args()
    dll = os.path.abspath(a.dll)
    rows = []
    for kind, name, mutate in CASES:
        if a.only and a.only not in name: continue
        sandbox = tempfile.mkdtemp(prefix="dx-bad-")
        content = os.path.join(sandbox, "site", "content")
        shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("schema"))
        mutate(content)
        before = tree(sandbox, {content})
        v = run(["dotnet", dll, "validate", "content"], os.path.join(sandbox, "site"), a.timeout)
        b = run(["dotnet", dll, "build", "--content", "content", "--output", "out", "--theme", THEME], os.path.join(sandbox, "site"), a.timeout)
        after = tree(sandbox, {content, os.path.join(sandbox, "site", "out")})
        new_files = sorted(after - before)
        leaked = SECRET in v["out"] or SECRET in b["out"]
        messages = sum(1 for line in v["out"].splitlines() if ": " in line and line.startswith("content/"))
        row = dict(kind=kind, name=name,
                   crash=v["crash"] or b["crash"], hang=v["hang"] or b["hang"],
                   escape=bool(new_files) or leaked,
                   accepted=v["code"] == 0, mismatch=v["code"] == 0 and b["code"] != 0,
                   messages=messages, new_files=new_files[:3], leaked=leaked,
                   vcode=v["code"], bcode=b["code"], secs=round(v["secs"] + b["secs"], 1))
        rows.append(row)
        flags = [f for f in ("crash", "hang", "escape", "accepted", "mismatch") if row[f]]
        print(f"{kind:15} {name:40} validate={v['code']} build={b['code']} messages={messages} {' '.join(flags)} {row['new_files'] if new_files else ''} ({row['secs']} s)", flush=True)
        if a.verbose: print("   " + v["out"][:2000].replace("\n", "\n   ") + "\n   --- build\n   " + b["out"][-1500:].replace("\n", "\n   "))
        if not a.keep: shutil.rmtree(sandbox, ignore_errors=True)
    print()
    print("| class | cases | crashes | hangs | escapes | accepted by validate | validate passed, build failed | more than one message |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    for k in kinds + ["total"]:
        rs = [r for r in rows if k in ("total", r["kind"])]
        n = lambda f: sum(1 for r in rs if f(r))
        print(f"| {k} | {len(rs)} | {n(lambda r: r['crash'])} | {n(lambda r: r['hang'])} | {n(lambda r: r['escape'])} | "
              f"{n(lambda r: r['accepted'])} | {n(lambda r: r['mismatch'])} | {n(lambda r: r['messages'] > 1)} |")


if __name__ == "__main__":
    main()
