namespace DxCompare.Build;

/// <summary>
/// Watch mode's counterpart of <see cref="StagedOutput"/>: the files of a rebuild are written into a staging folder
/// beside the served one and moved over it only when all of them were written. Each served file that is replaced
/// is first set aside, so a move that fails half-way puts every file back: the served site is either the old one
/// or the new one, never a mix.
/// </summary>
public sealed class StagedUpdate : IDisposable
{
    private readonly string _backup;

    public StagedUpdate(string servedDirectory)
    {
        Target = Path.GetFullPath(servedDirectory);
        var parent = Path.GetDirectoryName(Target)!;
        var id = Guid.NewGuid().ToString("N");
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.update-{id}");
        _backup = Path.Combine(parent, $".{Path.GetFileName(Target)}.replaced-{id}");
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }

    public string Staging { get; }

    /// <summary>Moves every staged file over the served folder; on failure restores the files it had replaced and rethrows.</summary>
    public void Commit()
    {
        var moved = new List<(string Served, string? SetAside)>();
        try
        {
            foreach (var staged in Directory.EnumerateFiles(Staging, "*", SearchOption.AllDirectories).ToList())
            {
                var relative = Path.GetRelativePath(Staging, staged);
                var served = Path.Combine(Target, relative);
                string? setAside = null;
                if (File.Exists(served))
                {
                    setAside = Path.Combine(_backup, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(setAside)!);
                    File.Move(served, setAside);
                }
                moved.Add((served, setAside));
                Directory.CreateDirectory(Path.GetDirectoryName(served)!);
                File.Move(staged, served);
            }
        }
        catch
        {
            foreach (var (served, setAside) in Enumerable.Reverse(moved))
            {
                if (setAside is not null) File.Move(setAside, served, overwrite: true);
                else if (File.Exists(served)) File.Delete(served);
            }
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Staging, _backup })
        {
            // A folder that cannot be deleted now is harmless: it lies outside the served folder.
            try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
