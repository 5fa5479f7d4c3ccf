using System.Text.Json;
using System.Text.Json.Nodes;
using DxCompare.Content;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

/// <summary>
/// The shared test vectors of the plan rules: `validate` (C#) writes what it reports for each case of
/// tests/vectors/validation-cases.json into tests/vectors/validation.json; tests/cms-js/validate.test.js checks
/// that the CMS's validator (theme/admin/validate.js) reports the same Japanese messages on the same lines.
/// </summary>
public class ValidationVectorTests
{
    private static readonly string Vectors = Path.Combine(Repository.Root, "tests", "vectors");

    private static string Generate()
    {
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(Vectors, "validation-cases.json")))!.AsArray();
        var results = new JsonArray();
        foreach (var item in cases)
        {
            using var content = new TempContent();
            content.Write("plans/minato.yml", item!["yaml"]!.GetValue<string>());
            var diagnostics = ContentLoader.Load(content.Directory).Diagnostics;
            Assert.All(diagnostics, d => Assert.True(d.Rule is not null, $"{item["name"]}: a diagnostic outside the catalog: {d}"));
            var expected = new JsonArray([.. diagnostics
                .OrderBy(d => d.Line).ThenBy(d => d.Rule, StringComparer.Ordinal)
                .Select(d => (JsonNode)new JsonObject { ["line"] = d.Line, ["rule"] = d.Rule, ["message"] = d.Japanese })]);
            results.Add(new JsonObject { ["name"] = item["name"]!.GetValue<string>(), ["expected"] = expected });
        }
        return results.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Fact]
    public void Committed_vectors_match_what_validate_reports()
    {
        var fresh = Generate();
        var path = Path.Combine(Vectors, "validation.json");
        var model = Path.Combine(Vectors, "validation-model.json");
        var freshModel = DxCompare.Cms.AdminSite.ValidationModelJson(ContentLoader.Load(Repository.ContentDirectory).Content!);
        if (Environment.GetEnvironmentVariable("UPDATE_VALIDATION_VECTORS") == "1")
        {
            File.WriteAllText(path, fresh);
            File.WriteAllText(model, freshModel);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == fresh, "tests/vectors/validation.json is stale: run the tests once with UPDATE_VALIDATION_VECTORS=1");
        Assert.True(File.Exists(model) && File.ReadAllText(model) == freshModel, "tests/vectors/validation-model.json is stale: run the tests once with UPDATE_VALIDATION_VECTORS=1");
    }

    [Fact]
    public void Every_case_is_reported_unless_marked_valid_and_every_rule_has_a_case()
    {
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(Vectors, "validation-cases.json")))!.AsArray();
        var results = JsonNode.Parse(Generate())!.AsArray();
        foreach (var (item, result) in cases.Zip(results))
        {
            var expected = result!["expected"]!.AsArray();
            if (item!["valid"]?.GetValue<bool>() == true) Assert.True(expected.Count == 0, $"{result["name"]}: {expected.ToJsonString()}");
            else Assert.True(expected.Count > 0, $"{result["name"]}: validate reported nothing");
        }
        // Every rule of the catalog that one plan file can break (a draft linked from a page needs the pages too).
        var covered = results.SelectMany(r => r!["expected"]!.AsArray()).Select(e => e!["rule"]!.GetValue<string>()).ToHashSet();
        var missing = ValidationMessages.Templates.Keys.Where(rule => rule != "draft-linked" && !covered.Contains(rule)).ToList();
        Assert.True(missing.Count == 0, "rules without a case in tests/vectors/validation-cases.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_browser_validator_agrees_with_validate_on_every_vector()
    {
        var output = BrowserSearch.Node("--test", "tests/cms-js/validate.test.js");
        Assert.Contains("# fail 0", output);
    }
}
