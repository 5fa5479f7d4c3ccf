namespace DxCompare.Content;

/// <summary>
/// Content is read only from inside the content folder: a symbolic link that leads out of it (to /etc/passwd,
/// a home folder, a device) is refused before anything is read, so no message can show what such a file holds.
/// Links that stay inside the folder are followed. One instance serves one load: the folders a path goes through are
/// resolved once for all the files in them (1,788 plans in one folder were 12 link lookups each, a tenth of an edit's
/// reload in watch mode), and a folder made a link between two loads is seen by the next.
/// </summary>
public sealed class ContentPaths(string root)
{
    private const int MaxLinkHops = 40;

    /// <summary>The content folder as given (full path).</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Folders already resolved in this load, by full path (null: a dangling link or a loop).</summary>
    private readonly Dictionary<string, string?> _realFolders = new(StringComparer.Ordinal);

    public bool Inside(string path, string display, DiagnosticBag diagnostics)
    {
        var realRoot = RealFolder(Root, 0);
        var real = RealPath(Path.GetFullPath(path), 0);
        if (real is not null && realRoot is not null && IsWithin(realRoot, real)) return true;
        diagnostics.Add(SourceLocation.StartOf(display), real is null ? "broken-link" : "link-outside", new { path = display });
        return false;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both full paths).</summary>
    public static bool IsWithin(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>The path with every symbolic link resolved (like realpath(3)); null for a dangling link or a loop.</summary>
    private string? RealPath(string fullPath, int hops)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null) return fullPath;
        var realParent = RealFolder(parent, hops);
        if (realParent is null) return null;
        var candidate = Path.Combine(realParent, Path.GetFileName(fullPath));
        var info = new FileInfo(candidate);
        if (info.LinkTarget is not { } target) return info.Exists || Directory.Exists(candidate) ? candidate : hops == 0 ? candidate : null;
        return hops >= MaxLinkHops ? null : RealPath(Path.GetFullPath(target, realParent), hops + 1);
    }

    /// <summary>A folder on the way to a path, resolved once per load; folders reached through a link are not kept (their hop count matters).</summary>
    private string? RealFolder(string folder, int hops)
    {
        if (hops > 0) return RealPath(folder, hops);
        if (!_realFolders.TryGetValue(folder, out var real)) _realFolders[folder] = real = RealPath(folder, 0);
        return real;
    }
}
