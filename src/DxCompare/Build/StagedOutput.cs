namespace DxCompare.Build;

/// <summary>
/// A build writes into a staging folder beside the output and swaps it in only when everything
/// succeeded, so readers never see half a site and a failed build leaves the previous site untouched.
/// The replaced site is set aside and deleted while the next build works: deleting tens of thousands
/// of files took longer than rendering them (N = 500: 12–15 s), and it is disk work the CPU-bound
/// first phases of a build can overlap.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _parent;
    private readonly Task _cleanup;
    private bool _committed;

    public StagedOutput(string outputDirectory)
    {
        Target = Path.GetFullPath(outputDirectory);
        _parent = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(_parent);
        var earlier = Directory.GetDirectories(_parent, $".{Path.GetFileName(Target)}.previous-*");
        _cleanup = Task.Run(() => { foreach (var folder in earlier) Directory.Delete(folder, recursive: true); });
        Staging = Path.Combine(_parent, $".{Path.GetFileName(Target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }

    public string Staging { get; }

    /// <summary>
    /// The full path of <paramref name="relative"/> in <paramref name="root"/>, checked to lie inside it. Names from
    /// content are validated before they become paths; this is the last line, so no name can write beside the site.
    /// </summary>
    public static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!Content.ContentPaths.IsWithin(Path.GetFullPath(root), full) || full == Path.GetFullPath(root))
            throw new InvalidOperationException($"refusing to write '{relative}': it is not inside the output folder {root}.");
        return full;
    }

    /// <summary>Replaces the output with the staged site: two renames. The old site is deleted by the next build.</summary>
    public void Commit()
    {
        var previous = Directory.Exists(Target) ? Path.Combine(_parent, $".{Path.GetFileName(Target)}.previous-{Guid.NewGuid():N}") : null;
        if (previous is not null) Directory.Move(Target, previous);
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            if (previous is not null) Directory.Move(previous, Target);
            throw;
        }
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        // A folder that cannot be deleted now is tried again by the next build.
        try { _cleanup.Wait(); } catch (AggregateException) { }
    }
}
