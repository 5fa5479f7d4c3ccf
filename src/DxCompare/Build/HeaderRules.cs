using DxCompare.Model;

namespace DxCompare.Build;

/// <summary>
/// The response headers of every path, in one place: `serve` applies <see cref="HeaderRules.ForPath"/> to each response and
/// the build writes the same set as Netlify's _headers file (<see cref="HeaderRules.For"/>), so the local preview runs under
/// the production policy. netlify.toml sets none of them.
/// Netlify applies every rule that matches and two Content-Security-Policy headers would both be enforced, so the
/// CSP rules never overlap: /admin/ (which needs 'unsafe-eval' for Decap's config validation) gets its own rule
/// and every other top-level entry of the site one each. Headers that are the same everywhere go in one /* rule.
/// </summary>
public sealed record HeaderRule(string Path, IReadOnlyDictionary<string, string> Headers)
{
    public bool Matches(string requestPath) =>
        Path.EndsWith('*') ? requestPath.StartsWith(Path[..^1], StringComparison.Ordinal) : requestPath == Path;
}

public static class HeaderRules
{
    public const string FileName = "_headers";

    public const string SiteCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The site policy as a meta element, for the 404 page: a host serves it for any missing path, including paths
    /// no header rule names. frame-ancestors is ignored (and warned about) in a meta element, so it is left out here.
    /// </summary>
    public static string MetaCsp => SiteCsp.Replace("; frame-ancestors 'none'", "", StringComparison.Ordinal);

    /// <summary>The admin's policy; connect-src names decap-server's port (<see cref="Cms.CmsOptions.LocalBackendPort"/>).</summary>
    public static string AdminCsp(int localBackendPort = Cms.CmsOptions.DefaultLocalBackendPort) =>
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; " +
        $"font-src 'self' data:; connect-src 'self' http://localhost:{localBackendPort} http://127.0.0.1:{localBackendPort} https://api.github.com; frame-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Content types of the downloads, with their charset; `serve` uses the same table.</summary>
    public static readonly IReadOnlyDictionary<string, string> DownloadTypes = new Dictionary<string, string>
    {
        [".csv"] = "text/csv; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private const string AdminFolder = "/admin/";

    /// <summary>Headers every response gets, whatever its path.</summary>
    public static readonly IReadOnlyDictionary<string, string> Everywhere = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Frame-Options"] = "DENY",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains; preload",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    private static readonly IReadOnlyDictionary<string, string> Site = new Dictionary<string, string> { ["Content-Security-Policy"] = SiteCsp };

    private static Dictionary<string, string> Admin(int localBackendPort) => new()
    {
        ["Content-Security-Policy"] = AdminCsp(localBackendPort),
        ["Cache-Control"] = "no-cache",
    };

    /// <summary>Headers of some folders and files on top of the CSP of their part of the site.</summary>
    private static readonly IReadOnlyList<HeaderRule> Extra =
    [
        // Fingerprinted theme assets (site.<hash>.css) never change under the same name.
        new("/assets/*", new Dictionary<string, string> { ["Cache-Control"] = "public, max-age=31536000, immutable" }),
        new("/data/*", new Dictionary<string, string> { ["Cache-Control"] = "public, max-age=3600", ["Access-Control-Allow-Origin"] = "*" }),
        // Decap ignores a config served with another type.
        new("/admin/config.yml", new Dictionary<string, string> { ["Content-Type"] = "text/yaml; charset=utf-8" }),
    ];

    private static bool IsAdmin(string path) => path.StartsWith(AdminFolder, StringComparison.Ordinal);

    /// <summary>Every header a response for <paramref name="path"/> (normalized, found or not) carries in production.</summary>
    public static IReadOnlyDictionary<string, string> ForPath(string path, int localBackendPort = Cms.CmsOptions.DefaultLocalBackendPort)
    {
        var headers = new Dictionary<string, string>(Everywhere, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in IsAdmin(path) ? Admin(localBackendPort) : Site) headers[name] = value;
        foreach (var rule in Extra.Where(r => r.Matches(path)))
            foreach (var (name, value) in rule.Headers) headers[name] = value;
        if (path.StartsWith(SiteUrls.Download(""), StringComparison.Ordinal) && DownloadTypes.TryGetValue(System.IO.Path.GetExtension(path), out var type))
            headers["Content-Type"] = type;
        return headers;
    }

    /// <summary>The _headers rules of a built site: one CSP rule per top-level entry, so that new folders (a new municipality) are covered.</summary>
    public static IReadOnlyList<HeaderRule> For(string outputRoot, int localBackendPort = Cms.CmsOptions.DefaultLocalBackendPort)
    {
        var paths = new List<string> { "/" };
        paths.AddRange(Directory.EnumerateFiles(outputRoot).Select(System.IO.Path.GetFileName).Where(f => f != FileName).Order(StringComparer.Ordinal).Select(f => "/" + f));
        paths.AddRange(Directory.EnumerateDirectories(outputRoot).Select(System.IO.Path.GetFileName).Where(d => "/" + d + "/" != AdminFolder).Order(StringComparer.Ordinal).Select(d => $"/{d}/*"));
        var rules = new List<HeaderRule> { new("/*", Everywhere) };
        rules.AddRange(paths.Select(path => new HeaderRule(path, With(Site, path))));
        rules.Add(new(AdminFolder + "*", With(Admin(localBackendPort), AdminFolder + "*")));
        rules.AddRange(Extra.Where(extra => rules.All(r => r.Path != extra.Path)));
        // Downloads: a Content-Type with the charset, so that a browser or Excel never guesses the encoding. Netlify
        // matches paths, not extensions, so each file gets a rule that adds only that header (no second CSP).
        var data = System.IO.Path.Combine(outputRoot, SiteUrls.DataFolder);
        if (Directory.Exists(data))
        {
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (DownloadTypes.TryGetValue(System.IO.Path.GetExtension(file), out var type))
                    rules.Add(new("/" + System.IO.Path.GetRelativePath(outputRoot, file).Replace('\\', '/'), new Dictionary<string, string> { ["Content-Type"] = type }));
            }
        }
        return rules;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> headers, string path)
    {
        var merged = new Dictionary<string, string>(headers);
        foreach (var (name, value) in Extra.Where(r => r.Path == path).SelectMany(r => r.Headers)) merged[name] = value;
        return merged;
    }

    public static string Render(IEnumerable<HeaderRule> rules) =>
        "# Generated by `dxcompare build` from src/DxCompare/Build/HeaderRules.cs; `serve` applies the same headers.\n" +
        string.Concat(rules.Select(r => r.Path + "\n" + string.Concat(r.Headers.Select(h => $"  {h.Key}: {h.Value}\n"))));

    public static IReadOnlyList<HeaderRule> Parse(string text)
    {
        var rules = new List<HeaderRule>();
        Dictionary<string, string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                rules.Add(new HeaderRule(line.Trim(), current));
            }
            else if (current is not null && line.IndexOf(':') is var colon and > 0)
            {
                current[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return rules;
    }
}
