namespace DxCompare.Content;

/// <summary>
/// Content is read only from inside the content folder: a symbolic link that leads out of it (to /etc/passwd,
/// a home folder, a device) is refused before anything is read, so no message can show what such a file holds.
/// Links that stay inside the folder are followed.
/// </summary>
public static class ContentPaths
{
    private const int MaxLinkHops = 40;

    public static bool Inside(string root, string path, string display, DiagnosticBag diagnostics)
    {
        var realRoot = RealPath(Path.GetFullPath(root), 0);
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
    private static string? RealPath(string fullPath, int hops)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null) return fullPath;
        var realParent = RealPath(parent, hops);
        if (realParent is null) return null;
        var candidate = Path.Combine(realParent, Path.GetFileName(fullPath));
        var info = new FileInfo(candidate);
        if (info.LinkTarget is not { } target) return info.Exists || Directory.Exists(candidate) ? candidate : hops == 0 ? candidate : null;
        return hops >= MaxLinkHops ? null : RealPath(Path.GetFullPath(target, realParent), hops + 1);
    }
}
