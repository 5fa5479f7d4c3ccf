using System.Text.RegularExpressions;
using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Model;

/// <summary>Labels and limits the model declares are written nowhere else: the theme, the CMS plugin and the generator read them.</summary>
public class SingleSourceTests
{
    private static readonly Type[] LabelledEnums = [typeof(ValueKind), typeof(Direction), typeof(ActivityType)];

    /// <summary>Generator, theme and CMS plugin sources outside the model (which declares the labels).</summary>
    private static IEnumerable<(string Path, string Text)> SourcesOutsideModel()
    {
        var model = Path.Combine(Repository.Root, "src", "DxCompare", "Model") + Path.DirectorySeparatorChar;
        string[] roots = [Path.Combine(Repository.Root, "src"), Path.Combine(Repository.Root, "theme")];
        return roots.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal))
            .Where(path => !path.StartsWith(model, StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(Repository.Root, path), File.ReadAllText(path)));
    }

    public static TheoryData<string> EnumLabels() => [.. LabelledEnums.SelectMany(type => Enum.GetNames(type).Select(name => DxCompare.Model.EnumLabels.Of(type, name)))];

    [Theory]
    [MemberData(nameof(EnumLabels))]
    public void Enum_label_is_written_only_on_the_model(string label)
    {
        // A label as a whole string or element text: "目標値", '目標値', >目標値<.
        var literal = new Regex($"[\"'>]{Regex.Escape(label)}[\"'<]");
        var copies = SourcesOutsideModel().Where(file => literal.IsMatch(file.Text)).Select(file => file.Path).ToList();
        Assert.True(copies.Count == 0, $"'{label}' is written outside the model in: {string.Join(", ", copies)}. Use the model's label (EnumLabels / DXCOMPARE_MODEL) instead.");
    }

    [Fact]
    public void Fiscal_year_bounds_are_written_only_on_the_model()
    {
        var bounds = new Regex($@"\b({FiscalYear.Earliest}|{FiscalYear.Latest})\b");
        var copies = SourcesOutsideModel().Where(file => bounds.IsMatch(file.Text)).Select(file => file.Path).ToList();
        Assert.True(copies.Count == 0, $"fiscal-year bounds written outside FiscalYear in: {string.Join(", ", copies)}");
    }

    [Fact]
    public void Every_labelled_enum_value_has_a_japanese_label()
    {
        foreach (var type in LabelledEnums)
            foreach (var name in Enum.GetNames(type))
                Assert.NotEqual(name, DxCompare.Model.EnumLabels.Of(type, name));
    }

    [Fact]
    public void Theme_builds_every_url_from_site_urls()
    {
        // A path written into a template: href="/compare/", action="/search/", PageMeta.Of("/data/", …).
        var literal = new Regex(@"(href|action|src)=""/|PageMeta\.Of\(""/|\$""/\{");
        var copies = SourcesOutsideModel().Where(file => file.Path.EndsWith(".razor", StringComparison.Ordinal) && literal.IsMatch(file.Text)).Select(file => file.Path).ToList();
        Assert.True(copies.Count == 0, $"URL paths written in templates: {string.Join(", ", copies)}. Use SiteUrls.");
    }
}
