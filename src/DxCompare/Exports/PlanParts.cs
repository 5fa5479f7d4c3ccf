using System.Buffers;
using DxCompare.Model;
using DxCompare.Output;
using Microsoft.Win32.SafeHandles;

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
    private readonly SafeFileHandle? _source;

    /// <summary>
    /// Consecutive unchanged parts of the previous file not yet copied: they are copied as one range when anything else
    /// is written, so a file with one edited plan is two copies and one part made, not a read for each of 1,788 plans.
    /// </summary>
    private (long Offset, long Length) _run;

    /// <summary>The previous file of the same name, its parts, and the plans whose parts must be made again.</summary>
    public sealed record Previous(string Path, PlanParts Parts, IReadOnlySet<string> ChangedSlugs);

    public PartedFile(string path, System.Text.Encoding encoding, Previous? previous)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = OutputFiles.Create(path, bufferSize: 1 << 16);
        _counted = new CountingStream(_file, CopyRun);
        Text = new StreamWriter(_counted, encoding, bufferSize: 1 << 14, leaveOpen: true) { NewLine = "\n" };
        // A previous file that is not the one its parts describe (removed, or written by another build) is not copied from.
        _previous = previous is not null && File.Exists(previous.Path) && new FileInfo(previous.Path).Length == previous.Parts.FileLength ? previous : null;
        _source = _previous is null ? null : File.OpenHandle(_previous.Path);
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
            return _counted.Written + _run.Length;
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
        if (_source is null || _previous!.ChangedSlugs.Contains(plan.Municipality.Slug) || !_previous.Parts.Parts.TryGetValue(plan, out var part)) return false;
        var start = Position;
        if (_run.Length > 0 && _run.Offset + _run.Length == part.Offset) _run.Length += part.Length;
        else
        {
            CopyRun();
            _run = (part.Offset, part.Length);
        }
        _parts[plan] = new FilePart(start, part.Length);
        return true;
    }

    /// <summary>Copies the run of unchanged parts noted so far; called before anything else reaches the file.</summary>
    private void CopyRun()
    {
        if (_run.Length == 0) return;
        var (offset, length) = _run;
        _run = default;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, 1 << 20));
        try
        {
            for (long copied = 0; copied < length;)
            {
                var read = RandomAccess.Read(_source!, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - copied)), offset + copied);
                if (read == 0) throw new IOException($"{_previous!.Path} ended before the parts it held at bytes {offset}–{offset + length}");
                _counted.WriteCopied(buffer.AsSpan(0, read));
                copied += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes what is left and returns where each plan's part lies.</summary>
    public PlanParts Complete()
    {
        Text.Flush();
        CopyRun();
        _file.Flush();
        return new PlanParts(_parts, _counted.Written);
    }

    public void Dispose()
    {
        Text.Dispose();
        _file.Dispose();
        _source?.Dispose();
    }

    /// <summary>
    /// Passes writes on and counts them, after <paramref name="beforeWrite"/> (the copies still due); a flush stops here
    /// (the file writes its buffer when full, and when completed).
    /// </summary>
    private sealed class CountingStream(Stream inner, Action beforeWrite) : Stream
    {
        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty) return;
            beforeWrite();
            WriteCopied(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);

        /// <summary>Bytes of the copy itself.</summary>
        public void WriteCopied(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
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
