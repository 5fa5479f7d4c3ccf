namespace DxCompare.Content;

/// <summary>One problem in the content, located the way compilers do so editors can jump to it.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Collects every problem of a run instead of stopping at the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(SourceLocation at, string message) => _items.Add(new Diagnostic(at.File, at.Line, at.Column, message));

    public void AddRange(DiagnosticBag other) => _items.AddRange(other._items);

    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
}

public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);
}
