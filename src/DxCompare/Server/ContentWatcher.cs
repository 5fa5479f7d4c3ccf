namespace DxCompare.Server;

/// <summary>
/// Watches folders and reports the changed files in one batch once they have been quiet for a moment
/// (editors and decap-server write a file in several steps). Batches are handled one at a time.
/// </summary>
public sealed class ContentWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _busy = new(1, 1);
    private readonly Timer _timer;
    private readonly Func<IReadOnlyCollection<string>, Task> _onChange;

    private readonly Func<string, bool> _accept;

    public ContentWatcher(IEnumerable<string> folders, Func<IReadOnlyCollection<string>, Task> onChange, Func<string, bool>? accept = null)
    {
        _accept = accept ?? (_ => true);
        _onChange = onChange;
        _timer = new Timer(_ => _ = FlushAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(folder))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Add(e.FullPath);
            watcher.Created += (_, e) => Add(e.FullPath);
            watcher.Deleted += (_, e) => Add(e.FullPath);
            watcher.Renamed += (_, e) => { Add(e.OldFullPath); Add(e.FullPath); };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Add(string path)
    {
        var name = Path.GetFileName(path);
        // Editors' swap and backup files, and our own temporary files, are not content.
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.Contains(".tmp", StringComparison.Ordinal)) return;
        if (!_accept(path)) return;
        lock (_pending) _pending.Add(path);
        _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private async Task FlushAsync()
    {
        await _busy.WaitAsync();
        try
        {
            string[] batch;
            lock (_pending)
            {
                batch = [.. _pending];
                _pending.Clear();
            }
            if (batch.Length > 0) await _onChange(batch);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"rebuild failed: {e.Message}");
        }
        finally
        {
            _busy.Release();
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
        _busy.Dispose();
    }
}
