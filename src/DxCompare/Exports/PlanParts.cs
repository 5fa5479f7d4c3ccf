using System.Buffers;
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
/// Writes a download as a header, each plan's part and a footer, noting where each part lies. A part is made by the
/// caller, or copied from the previous file when the plan is unchanged there (<see cref="Part"/>). The text
/// writer's flushes at each part's edges stop at a counter of the bytes written: the file's own buffer is written out
/// only when full, so parts cost no extra writes and no buffer grows with the file.
/// </summary>
internal sealed class PartedFile : IDisposable
{
    private readonly FileStream _file;
    private readonly CountingStream _counted;
    private readonly Dictionary<Plan, FilePart> _parts = new(ReferenceEqualityComparer.Instance);
    private readonly Previous? _previous;

    /// <summary>The previous file of the same name, its parts, and the plans whose parts must be made again.</summary>
    public sealed record Previous(string Path, PlanParts Parts, IReadOnlySet<string> ChangedSlugs);

    public PartedFile(string path, System.Text.Encoding encoding, Previous? previous)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = OutputFiles.Create(path, bufferSize: 1 << 16);
        _counted = new CountingStream(_file);
        Text = new StreamWriter(_counted, encoding, bufferSize: 1 << 14, leaveOpen: true) { NewLine = "\n" };
        // A previous file that is not the one its parts describe (removed, or written by another build) is not copied from.
        _previous = previous is not null && File.Exists(previous.Path) && new FileInfo(previous.Path).Length == previous.Parts.FileLength ? previous : null;
    }

    /// <summary>Text written here lands after whatever was written before.</summary>
    public StreamWriter Text { get; }

    /// <summary>The file after the text written so far, for writers that write bytes.</summary>
    public Stream Bytes
    {
        get
        {
            Text.Flush();
            return _counted;
        }
    }

    private long Position
    {
        get
        {
            Text.Flush();
            return _counted.Written;
        }
    }

    /// <summary>
    /// <paramref name="plan"/>'s part: copied from the previous file when the plan is the same object there and not
    /// changed, else made by <paramref name="write"/> (which leaves nothing buffered outside <see cref="Text"/>).
    /// </summary>
    public void Part(Plan plan, Action write)
    {
        if (TryCopy(plan)) return;
        var start = Position;
        write();
        _parts[plan] = new FilePart(start, Position - start);
    }

    private bool TryCopy(Plan plan)
    {
        if (_previous is null || _previous.ChangedSlugs.Contains(plan.Municipality.Slug) || !_previous.Parts.Parts.TryGetValue(plan, out var part)) return false;
        var start = Position;
        var bytes = ArrayPool<byte>.Shared.Rent(checked((int)part.Length));
        try
        {
            using var source = File.OpenHandle(_previous.Path);
            var span = bytes.AsSpan(0, (int)part.Length);
            if (RandomAccess.Read(source, span, part.Offset) != span.Length) throw new IOException($"{_previous.Path} ended before the part it held for {plan.Municipality.Slug}");
            _counted.Write(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
        _parts[plan] = new FilePart(start, part.Length);
        return true;
    }

    /// <summary>Writes what is left and returns where each plan's part lies.</summary>
    public PlanParts Complete()
    {
        var length = Position;
        _file.Flush();
        return new PlanParts(_parts, length);
    }

    public void Dispose()
    {
        Text.Dispose();
        _file.Dispose();
    }

    /// <summary>Passes writes on and counts them; a flush stops here (the file writes its buffer when full, and when completed).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void WriteByte(byte value)
        {
            inner.WriteByte(value);
            Written++;
        }

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
