namespace DxCompare.Output;

/// <summary>
/// A build writes into a staging folder beside the output and swaps it in only when everything
/// succeeded, so readers never see half a site and a failed build leaves the previous site untouched.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private bool _committed;

    public StagedOutput(string outputDirectory)
    {
        Target = Path.GetFullPath(outputDirectory);
        var parent = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }

    public string Staging { get; }

    public string PathOf(string relative)
    {
        var path = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Replaces the output with the staged site: two renames, then the old site is deleted.</summary>
    public void Commit()
    {
        var previous = Directory.Exists(Target) ? Target + $".previous-{Guid.NewGuid():N}" : null;
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
        if (previous is not null) Directory.Delete(previous, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
