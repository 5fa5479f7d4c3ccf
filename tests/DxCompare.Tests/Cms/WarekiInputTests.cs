using System.Text.Json;
using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Cms;

/// <summary>
/// 和暦 typed into a year field: the CMS (theme/admin/wareki.js parse) reads it as FiscalYear.TryParseWareki does.
/// tests/vectors/wareki-input.json holds the model's rules and C#'s answers; tests/cms-js/wareki-input.test.js checks the browser's.
/// </summary>
public class WarekiInputTests
{
    private static readonly string[] Inputs =
    [
        "令和8", "令和8年度", "令和８年度", "R8", "r8", "Ｒ８", "R 10", "令和元年", "令和元年度", "H31", "平成31年度", "平成30", "H1", "昭和64",
        "S50年", "大正15", "T2", "明治45", "M33", "令和", "R", "X8", "令和8年度末", "2026", "令和100",
    ];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Committed_vectors_match_the_csharp_reading_and_the_browser_agrees()
    {
        var vectors = new
        {
            rules = new { earliest = FiscalYear.Earliest, latest = FiscalYear.Latest, warekiInput = FiscalYear.WarekiInput, eraLetters = FiscalYear.EraLetters },
            cases = Inputs.Select(input => new { input, fy = FiscalYear.TryParseWareki(input, out var fy) ? fy : (int?)null }),
        };
        var fresh = JsonSerializer.Serialize(vectors, Json) + "\n";
        var path = Path.Combine(Repository.Root, "tests", "vectors", "wareki-input.json");
        if (Environment.GetEnvironmentVariable("UPDATE_VALIDATION_VECTORS") == "1") File.WriteAllText(path, fresh);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == fresh, "tests/vectors/wareki-input.json is stale: run the tests once with UPDATE_VALIDATION_VECTORS=1");
        Assert.Contains("# fail 0", BrowserSearch.Node("--test", "tests/cms-js/wareki-input.test.js"));
    }
}
