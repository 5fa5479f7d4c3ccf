using DxCompare.Model;
using DxCompare.Output;

namespace DxCompare.Exports;

/// <summary>Where one plan's part of a download lies: its rows of a CSV, its object in plans.json.</summary>
public readonly record struct FilePart(long Offset, long Length);

/// <summary>
/// Where each plan's part lies in a download that lists every plan in content order, and how long the file is. Watch
/// mode copies an unchanged plan's part from the served file instead of making it again: at 1,788 municipalities the
/// open-data files took a core for a second after every edit. Plans are told apart by reference, as the content
/// cache hands back the same object for a file that did not change.
/// </summary>
public sealed record PlanParts(IReadOnlyDictionary<Plan, FilePart> Parts, long FileLength);

/// <summary>
/// Writes a download as a header, each plan's part and a footer, into memory that is written out a megabyte at a time,
/// noting where each part lies. A part is made by the caller, or copied from the previous file when
/// <see cref="TryCopy"/> finds the plan there unchanged.
/// </summary>
internal sealed class PartedFile : IDisposable
{
    private const int SpillBytes = 1 << 20;

    private readonly FileStream _file;
    private readonly MemoryStream _buffer = new();
    private readonly Dictionary<Plan, FilePart> _parts = new(ReferenceEqualityComparer.Instance);
    private readonly Previous? _previous;
    private long _spilled;
    private long _partStart;

    /// <summary>The previous file of the same name, its parts, and the plans whose parts must be made again.</summary>
    public sealed record Previous(string Path, PlanParts Parts, IReadOnlySet<string> ChangedSlugs);

    public PartedFile(string path, System.Text.Encoding encoding, Previous? previous)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = OutputFiles.Create(path);
        Text = new StreamWriter(_buffer, encoding, leaveOpen: true) { NewLine = "\n" };
        // A previous file that is not the one its parts describe (removed, or written by another build) is not copied from.
        _previous = previous is not null && File.Exists(previous.Path) && new FileInfo(previous.Path).Length == previous.Parts.FileLength ? previous : null;
    }

    /// <summary>Text written here lands after whatever was written before; flushed at each part's edges.</summary>
    public StreamWriter Text { get; }

    /// <summary>The bytes written so far (text flushed first), for writers that write to a stream.</summary>
    public Stream Bytes
    {
        get
        {
            Text.Flush();
            return _buffer;
        }
    }

    private long Position
    {
        get
        {
            Text.Flush();
            return _spilled + _buffer.Length;
        }
    }

    public void BeginPart() => _partStart = Position;

    public void EndPart(Plan plan)
    {
        _parts[plan] = new FilePart(_partStart, Position - _partStart);
        Spill();
    }

    /// <summary>Copies <paramref name="plan"/>'s part from the previous file when the plan is the same object and not changed; false otherwise.</summary>
    public bool TryCopy(Plan plan)
    {
        if (_previous is null || _previous.ChangedSlugs.Contains(plan.Municipality.Slug) || !_previous.Parts.Parts.TryGetValue(plan, out var part)) return false;
        var start = Position;
        using (var source = File.OpenHandle(_previous.Path))
        {
            var length = checked((int)part.Length);
            var at = (int)_buffer.Length;
            _buffer.SetLength(at + length);
            _buffer.Position = at + length;
            RandomAccess.Read(source, _buffer.GetBuffer().AsSpan(at, length), part.Offset);
        }
        _parts[plan] = new FilePart(start, part.Length);
        Spill();
        return true;
    }

    private void Spill()
    {
        if (_buffer.Length < SpillBytes) return;
        _file.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        _spilled += _buffer.Length;
        _buffer.SetLength(0);
    }

    /// <summary>Writes what is left and returns where each plan's part lies.</summary>
    public PlanParts Complete()
    {
        var length = Position;
        _file.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        _buffer.SetLength(0);
        return new PlanParts(_parts, length);
    }

    public void Dispose()
    {
        Text.Dispose();
        _buffer.Dispose();
        _file.Dispose();
    }
}
