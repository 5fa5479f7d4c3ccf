using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DxCompare.Build;

namespace DxCompare.Tests.Support;

/// <summary>The real content built once into a temporary folder, shared by the page tests.</summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "dxcompare-site-" + Guid.NewGuid().ToString("N")[..8]);
        Output = Path.Combine(Root, "output");
        var options = new BuildOptions(Repository.ContentDirectory, Path.Combine(Repository.Root, "theme"), Output, BuildOptions.DefaultBaseUrl);
        Report = SiteBuilder.BuildAsync(options).GetAwaiter().GetResult();
        Assert.True(Report.Succeeded, string.Join("\n", Report.Diagnostics));
    }

    public string Root { get; }
    public string Output { get; }
    public BuildReport Report { get; }

    public string Html(string urlPath) => File.ReadAllText(FileFor(urlPath));

    public string FileFor(string urlPath) =>
        Path.Combine(Output, urlPath.EndsWith('/') ? urlPath.TrimStart('/') + "index.html" : urlPath.TrimStart('/'));

    public IDocument Page(string urlPath) => new HtmlParser().ParseDocument(Html(urlPath));

    /// <summary>The public pages (the CMS under /admin/ is not part of the site).</summary>
    public IEnumerable<string> HtmlFiles() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(Output, f).StartsWith("admin", StringComparison.Ordinal));

    /// <summary>Visible text with whitespace collapsed, as a reader would see it.</summary>
    public static string Text(IElement? element) => element is null ? "" :
        System.Text.RegularExpressions.Regex.Replace(string.Join(" ", element.Descendants<IText>().Select(t => t.Data)), @"\s+", " ").Trim();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "built site";
}
