using CsCheck;
using DxCompare.Build;
using DxCompare.Content;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Fuzz;

/// <summary>
/// Issue 15's property, checked on random mutations of the real content files: `validate` ends without an exception
/// and with located messages, and whenever it passes, `build` succeeds and writes only inside its output folder.
/// A normal test run tries a few mutations; set DXCOMPARE_FUZZ_SECONDS to fuzz longer, and DXCOMPARE_FUZZ_SEED to
/// replay the seed a failure printed.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public class ContentFuzzTests
{
    private static readonly string[] Files = ["plans/koto.yml", "plans/taito.yml", "topics.yml", "metrics.yml", "pages/about.md"];

    /// <summary>What editors, spreadsheets, PDFs and attackers put into YAML.</summary>
    private static readonly string[] Tokens =
    [
        "", "~", "null", "\"\"", "\"\\x01\"", "\"a\\u0000b\"", "\"\\uD800\"", "\"\\uFFFE\"", "\"\\e[31m\"", "１２３", "２０２９", "-1", "0", "2147483648",
        "79228162514264337593543950335", "0.0000001", "1e10", "1_000", "0x1F", ".inf", "令和99年度", "[", "]", "{", "}", "- ", "*a", "&a", "&a x", "!!binary AAAA",
        "!!str", "<<: *a", "---", "...", "\t", "..", "admin", "search", "\"koto\\n\"", "true", "|", ">", "#", "% ", "@", "※", "'", "\"", ":", ": :",
        "x: y", "- - -", new string('長', 300), "131083", "１３１０８３", "online-procedures", "<script>alert(1)</script>", "](javascript:alert(1))",
        "\u2028", "\u202E", "🙂", "ﾃﾞｼﾞﾀﾙ", "   ", "? x", "*", "&",
    ];

    private sealed record Mutation(int File, int Kind, int Line, int Token, int Column)
    {
        public override string ToString() => $"{Files[File]} line {Line} {Kinds[Kind]} '{Tokens[Token]}' (column {Column})";
    }

    private static readonly string[] Kinds = ["value ←", "line ←", "delete", "duplicate", "insert", "indent", "dedent", "new page"];

    private static readonly Gen<Mutation[]> Mutations =
        Gen.Select(Gen.Int[0, Files.Length - 1], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 2000], Gen.Int[0, Tokens.Length - 1], Gen.Int[0, 60],
            (file, kind, line, token, column) => new Mutation(file, kind, line, token, column)).Array[1, 3];

    [Fact]
    public void Validate_never_throws_and_what_it_passes_builds()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("DXCOMPARE_FUZZ_SECONDS"), out var s) ? s : -1;
        Mutations.Sample(Check, seed: Environment.GetEnvironmentVariable("DXCOMPARE_FUZZ_SEED"),
            iter: seconds > 0 ? -1 : 12, time: seconds, threads: 1, print: m => string.Join("; ", m.Select(x => x.ToString())));
    }

    private static void Check(Mutation[] mutations)
    {
        using var content = new TempContent(copyRealContent: true);
        foreach (var mutation in mutations) Apply(content, mutation);

        var loaded = ContentLoader.Load(content.Directory);
        Assert.All(loaded.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0, d.ToString()));
        if (!loaded.Succeeded) return;

        var output = Path.Combine(content.Sandbox, "output");
        var report = SiteBuilder.BuildAsync(new BuildOptions(content.Directory, Path.Combine(Repository.Root, "theme"), output, BuildOptions.DefaultBaseUrl) { Workers = 1 })
            .GetAwaiter().GetResult();
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Equal(["content", "output"], Directory.EnumerateFileSystemEntries(content.Sandbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void Apply(TempContent content, Mutation mutation)
    {
        var token = Tokens[mutation.Token];
        if (Kinds[mutation.Kind] == "new page")
        {
            // A name the file system can hold (at most 255 bytes): the test is about the content, not about mkdir.
            var name = token.Trim().Length == 0 || token.IndexOfAny(['/', '\0']) >= 0 ? "x" : token[..Math.Min(token.Length, 60)];
            File.WriteAllText(Path.Combine(content.Directory, "pages", name + ".md"), $"---\ntitle: {token}\ndescription: 説明\n---\n{token}\n");
            return;
        }
        var lines = content.Read(Files[mutation.File]).Split('\n').ToList();
        var at = mutation.Line % lines.Count;
        var line = lines[at];
        switch (Kinds[mutation.Kind])
        {
            case "value ←":
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                lines[at] = colon < 0 ? line + token : line[..(colon + 2)] + token;
                break;
            case "line ←": lines[at] = token; break;
            case "delete": lines.RemoveAt(at); break;
            case "duplicate": lines.Insert(at, line); break;
            case "insert": lines[at] = line.Insert(Math.Min(mutation.Column, line.Length), token); break;
            case "indent": lines[at] = "  " + line; break;
            case "dedent": lines[at] = line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line; break;
        }
        content.Write(Files[mutation.File], string.Join('\n', lines));
    }
}
