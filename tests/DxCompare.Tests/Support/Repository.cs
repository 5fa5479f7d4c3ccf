using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Tests.Support;

/// <summary>Paths into the repository and the real content, loaded once.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ContentDirectory => Path.Combine(Root, "content");

    private static readonly Lazy<ContentSet> RealContent = new(() =>
    {
        var result = ContentLoader.Load(ContentDirectory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Content!;
    });

    public static ContentSet Content => RealContent.Value;

    public static Plan Plan(string slug) => Content.Plans.Single(p => p.Municipality.Slug == slug);

    public static Initiative Initiative(string slug, int number) =>
        Content.Initiatives.Single(e => e.Municipality.Slug == slug && e.Initiative.Number == number).Initiative;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DxCompare.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("DxCompare.sln not found above the test folder");
    }
}

/// <summary>
/// A throw-away content folder for one test: content/ in a sandbox folder of its own, so that anything a test
/// writes beside it (an output folder, a file "outside" content/) is in the sandbox and deleted with it.
/// </summary>
public sealed class TempContent : IDisposable
{
    public TempContent(bool copyRealContent = false)
    {
        Sandbox = Path.Combine(Path.GetTempPath(), "dxcompare-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory = Path.Combine(Sandbox, "content");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "plans"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "pages"));
        if (copyRealContent) CopyTree(Repository.ContentDirectory, Directory);
        else
        {
            File.Copy(Path.Combine(Repository.ContentDirectory, "topics.yml"), Path.Combine(Directory, "topics.yml"));
            File.Copy(Path.Combine(Repository.ContentDirectory, "metrics.yml"), Path.Combine(Directory, "metrics.yml"));
            File.Copy(Path.Combine(Repository.ContentDirectory, "vocabulary.yml"), Path.Combine(Directory, "vocabulary.yml"));
        }
    }

    public string Directory { get; }

    public string Sandbox { get; }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Replaces the first occurrence of <paramref name="find"/>, which must be there.</summary>
    public void Edit(string relativePath, string find, string replace)
    {
        var text = Read(relativePath);
        Assert.Contains(find, text);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Write(relativePath, text[..at] + replace + text[(at + find.Length)..]);
    }

    public void Append(string relativePath, string text) => File.AppendAllText(Path.Combine(Directory, relativePath), text);

    public void Link(string relativePath, string target) => File.CreateSymbolicLink(Path.Combine(Directory, relativePath), target);

    /// <summary>A file in the sandbox but outside content/.</summary>
    public string Outside(string name, string text)
    {
        var path = Path.Combine(Sandbox, "outside", name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Directory, relativePath);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public LoadResult Load() => ContentLoader.Load(Directory);

    /// <summary>Diagnostics with the temporary folder removed from their paths.</summary>
    public IReadOnlyList<string> Problems() =>
        [.. Load().Diagnostics.Select(d => d.ToString().Replace(ContentLoader.DisplayPath(Directory) + "/", ""))];

    public static void CopyTree(string from, string to)
    {
        foreach (var directory in System.IO.Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            System.IO.Directory.CreateDirectory(directory.Replace(from, to));
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Sandbox, recursive: true); } catch (IOException) { }
    }
}
