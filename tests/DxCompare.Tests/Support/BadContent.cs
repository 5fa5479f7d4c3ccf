using System.Text;

namespace DxCompare.Tests.Support;

/// <summary>
/// One-defect copies of the real content, one or more per class of issue 15 (confinement, limits, validate ⇔ build,
/// bypasses, one error one message), each with the exact messages `validate` must print for it. Used by the
/// message tests and by the test that no build of any of them writes outside its output folder.
/// </summary>
public sealed record BadContent(string Class, string Name, Action<TempContent> Apply, params string[] Expected)
{
    /// <summary>The contents of the file outside content/ that the symlink fixtures point at; no message may show it.</summary>
    public const string Secret = "root:x:0:0:dxcompare-secret:/root:/bin/bash";

    public override string ToString() => $"{Class}: {Name}";

    public static readonly IReadOnlyList<BadContent> All =
    [
        new("confinement", "page named ...md", c => c.Write("pages/...md", Page()),
            "pages/...md:1:1: the page file name '...md' cannot become a URL. Name page files with lowercase ASCII letters, digits and single hyphens, e.g. pages/about.md."),
        new("confinement", "page named like a plan", c => c.Write("pages/koto.md", Page()),
            "pages/koto.md:1:1: the page name 'koto' is also the slug of the plan plans/koto.yml: both would be /koto/. Rename the page file."),
        new("confinement", "page named like a site folder", c => c.Write("pages/admin.md", Page()),
            "pages/admin.md:1:1: the page name 'admin' is taken by the site's own /admin/ (CMS). Rename the file, e.g. pages/admin-info.md."),
        new("confinement", "page named like a site file", c => c.Write("pages/404.html.md", Page()),
            "pages/404.html.md:1:1: the page file name '404.html.md' cannot become a URL. Name page files with lowercase ASCII letters, digits and single hyphens, e.g. pages/about.md."),
        new("confinement", "plan slug of a site folder", c => RenamePlan(c, "koto", "search"),
            "plans/search.yml:6:9: 'slug' 'search' is taken by the site's own /search/ (search page and index). Choose another slug, e.g. 'search-city', and rename the file to match."),
        new("confinement", "slug with a final newline", c => c.Edit("plans/koto.yml", "slug: koto", "slug: \"koto\\n\""),
            "plans/koto.yml:6:9: 'slug' (URLスラッグ) must be lowercase ASCII letters, digits and hyphens (e.g. taito), found 'koto\\u000A'."),
        new("confinement", "plan linked to a file outside content/", c => c.Link("plans/evil.yml", c.Outside("passwd", Secret)),
            "plans/evil.yml:1:1: 'plans/evil.yml' is a symbolic link that leads outside the content folder, so it was not read. Content must live inside the content folder: copy the file in instead of linking it."),
        new("confinement", "topics.yml linked outside content/", c => { File.Delete(Path.Combine(c.Directory, "topics.yml")); c.Link("topics.yml", c.Outside("topics", Secret)); },
            "topics.yml:1:1: 'topics.yml' is a symbolic link that leads outside the content folder, so it was not read. Content must live inside the content folder: copy the file in instead of linking it."),

        new("limits", "alias bomb", c => c.Write("plans/koto.yml", AliasBomb()),
            "plans/koto.yml:5:15: the file expands to more than 500,000 values: each alias (*name) repeats everything its anchor (&name) holds, and aliases of aliases multiply. Write the values out instead of repeating them through aliases."),
        new("limits", "100,000 levels of nesting", c => c.Write("plans/koto.yml", "title: 深い\ndeep: " + new string('[', 100_000) + new string(']', 100_000) + "\n"),
            "plans/koto.yml:2:46: the content is nested more than 40 levels deep here. A plan needs about 8 levels: check the indentation, or close the brackets [ ] { } that were opened."),
        new("limits", "file over 4 MB", c => c.Write("plans/koto.yml", "# " + new string('x', 4_999_997) + "\n"),
            "plans/koto.yml:1:1: the file is 5,000,000 bytes; a content file may have at most 4,194,304 bytes. Split it, or remove what does not belong to the plan."),
        new("limits", "list over 10,000 items", c => c.Edit("plans/koto.yml", "    initiatives:\n      - number: 1\n", "    initiatives:\n" + string.Concat(Enumerable.Range(100, 10_001).Select(n => $"      - {{number: {n}, title: 取組}}\n")) + "      - number: 1\n"),
            "plans/koto.yml:74:7: 'initiatives' (取組(施策の階層がない計画)) has 10,007 items; a list may have at most 10,000. Split the content, or check that the list was not repeated by mistake."),

        new("validate=build", "control character in a title", c => c.Edit("plans/koto.yml", "title: 江東区DX推進計画", "title: \"江東区\\x01DX推進計画\""),
            "plans/koto.yml:8:8: 'title' (計画名) contains the invisible control character U+0001 after '江東区'. Delete it (it often comes from copying out of a PDF); retype the text around it if unsure."),
        new("validate=build", "control character in a page", c => c.Write("pages/x.md", Page(body: "本文\u0000です\n")),
            "pages/x.md:5:3: the page text contains the invisible control character U+0000 after '本文'. Delete it (it often comes from copying out of a PDF); retype the text around it if unsure."),
        new("validate=build", "noncharacter in a year (found by the fuzz test)", c => c.Edit("plans/koto.yml", "start: 2025", "start: \"\\uFFFE\""),
            "plans/koto.yml:17:10: 'start' (開始年度(西暦)) contains the invisible character U+FFFE at the start. Delete it (it often comes from copying out of a PDF); retype the text around it if unsure."),
        new("validate=build", "unclosed [ at the end of a file (found by the fuzz test)", c => c.Write("plans/koto.yml", "title: 江東区\nx: [\ny: 1"),
            "plans/koto.yml:2:4: this is not valid YAML after this point: the file ends inside an open list '[' or mapping '{'. Close it with ']' or '}', or quote text that starts with [ or {."),
        new("validate=build", "a ':' alone on the last line (found by the fuzz test)", c => c.Write("metrics.yml", c.Read("metrics.yml") + ":"),
            "metrics.yml:43:2: this is not valid YAML here: a ':' stands without a key in front of it. Write 'key: value', delete the stray ':', or quote text that contains ': '."),
        new("validate=build", "decimal.MaxValue", c => c.Edit("plans/koto.yml", "value: 12.1", "value: 79228162514264337593543950335"),
            "plans/koto.yml:52:20: 'value' (数値) is 79228162514264337593543950335, more than the largest number a plan may hold (1,000,000,000,000,000). Check the value; write large amounts in a larger unit (千円, 億円)."),
        new("validate=build", "duplicate topic (found by the fuzz test)", c => c.Edit("topics.yml", "topics:\n", "topics:\n  - id: online-procedures\n    label: 重複\n"),
            "topics.yml:6:9: duplicate topic 'online-procedures' (already used at topics.yml:4). Each topic must be unique."),
        new("validate=build", "no plan at all", c => { foreach (var plan in Directory.GetFiles(Path.Combine(c.Directory, "plans"))) File.Delete(plan); },
            "plans:1:1: there is no plan yet: the site needs at least one file plans/{slug}.yml. Create one with `dotnet run --project src/DxCompare -- new plan --code 131032 --name 港区 --slug minato`."),
        new("confinement", "pages/ linked to a folder outside content/", c => { Directory.Delete(Path.Combine(c.Directory, "pages"), true); c.Link("pages", Path.GetDirectoryName(c.Outside("pages/x.md", Secret))!); },
            "pages:1:1: 'pages' is a symbolic link that leads outside the content folder, so it was not read. Content must live inside the content folder: copy the file in instead of linking it."),
        new("validate=build", "plans/ is a file", c => { Directory.Delete(Path.Combine(c.Directory, "plans"), true); c.Write("plans", "x: 1\n"); },
            "plans:1:1: plans is a file, but it must be a folder of *.yml files. Move the file away and create the folder plans/."),

        new("bypass", "full-width code", c => c.Edit("plans/koto.yml", "code: \"131083\"", "code: \"１３１０８３\""),
            "plans/koto.yml:3:9: 'code' (全国地方公共団体コード) must be written in half-width characters, found '１３１０８３'. Write '131083'."),
        new("bypass", "topic id with a final newline", c => c.Edit("topics.yml", "id: online-procedures", "id: \"online-procedures\\n\""),
            "topics.yml:4:9: 'id' (ID) must be lowercase ASCII letters, digits and single hyphens (e.g. online-procedures), found 'online-procedures\\u000A'."),

        new("one message", "unreadable end year", c => c.Edit("plans/koto.yml", "end: 2029", "end: 20x9"),
            "plans/koto.yml:18:8: 'end' (終了年度(西暦)) must be a Gregorian fiscal year such as 2026, found '20x9'."),
        new("one message", "unreadable activity year (found by the fuzz test)", c => c.Edit("plans/koto.yml", "        activities:\n          - fy: 2025\n", "        activities:\n          - fy: 2025'\n"),
            "plans/koto.yml:80:17: 'fy' (年度(西暦)) must be a Gregorian fiscal year such as 2026, found '2025''."),
        new("one message", "full-width year", c => c.Edit("plans/koto.yml", "end: 2029", "end: ２０２９"),
            "plans/koto.yml:18:8: 'end' (終了年度(西暦)) must be written in half-width digits, found '２０２９'. Write 2029."),
        new("one message", "missing topics.yml", c => File.Delete(Path.Combine(c.Directory, "topics.yml")),
            "topics.yml:1:1: topics.yml is missing. Every content folder needs topics.yml; copy it from the repository's content/ folder."),
        new("one message", "metrics.yml is a folder", c => { File.Delete(Path.Combine(c.Directory, "metrics.yml")); Directory.CreateDirectory(Path.Combine(c.Directory, "metrics.yml")); },
            "metrics.yml:1:1: metrics.yml is a folder, but it must be a file. Move the folder away and restore metrics.yml from the repository's content/ folder."),
        new("one message", "UTF-16 plan", c => c.Write("plans/koto.yml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(c.Read("plans/koto.yml"))).ToArray()),
            "plans/koto.yml:1:1: the file is UTF-16LE, not UTF-8. Save it as UTF-8 in your editor, or convert it with `iconv -f UTF-16LE -t UTF-8`."),
        new("one message", "second YAML document", c => c.Write("plans/koto.yml", "title: 一つ目\n---\ntitle: 二つ目\n"),
            "plans/koto.yml:2:1: a second YAML document starts here ('---'). A content file holds one document: remove this '---' and merge what follows into the fields above, or move it to a file of its own."),
    ];

    public static IEnumerable<object[]> Cases() => All.Select(c => new object[] { c.ToString() });

    public static BadContent Named(string name) => All.Single(c => c.ToString() == name);

    private static string Page(string title = "テスト", string body = "本文\n") => $"---\ntitle: {title}\ndescription: 説明\n---\n{body}";

    private static void RenamePlan(TempContent content, string from, string to)
    {
        content.Edit($"plans/{from}.yml", $"slug: {from}", $"slug: {to}");
        File.Move(Path.Combine(content.Directory, "plans", from + ".yml"), Path.Combine(content.Directory, "plans", to + ".yml"));
    }

    /// <summary>Under 1 KB: an initiative with 30 indicators of 30 values each, 30 times per pillar, 30 pillars: 24 million values.</summary>
    private static string AliasBomb()
    {
        static string Repeat(string alias) => "[" + string.Join(", ", Enumerable.Repeat("*" + alias, 30)) + "]";
        return "x-value: &v {fy: 2026, type: target, value: 1}\n" +
               $"x-indicator: &i {{name: n, kind: 指標, unit: 人, values: {Repeat("v")}}}\n" +
               $"x-initiative: &n {{number: 1, title: t, indicators: {Repeat("i")}}}\n" +
               $"x-pillar: &p {{number: 1, title: t, initiatives: {Repeat("n")}}}\n" +
               $"pillars: {Repeat("p")}\n";
    }
}
