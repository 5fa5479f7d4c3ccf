using System.Diagnostics.CodeAnalysis;
using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>One problem in the content, located the way compilers do so editors can jump to it.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>The rule (a key of <see cref="ValidationMessages.Templates"/>) when the message comes from the catalog.</summary>
    public string? Rule { get; init; }

    /// <summary>The message for editors; the English one where the catalog has no Japanese yet.</summary>
    public string Japanese { get; init; } = Message;

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";

    public string ToString(string language) => $"{File}:{Line}:{Column}: {(language == "ja" ? Japanese : Message)}";
}

/// <summary>Collects every problem of a run instead of stopping at the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(SourceLocation at, string message) => _items.Add(new Diagnostic(at.File, at.Line, at.Column, message));

    /// <summary>
    /// A message from <see cref="ValidationMessages"/>, in English and Japanese. <paramref name="args"/> names the
    /// template's arguments: an anonymous object (<c>new { name, fy }</c>) or a dictionary.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = AotSafety.OwnTypesKept)]
    public void Add(SourceLocation at, string rule, object args)
    {
        var template = ValidationMessages.Of(rule);
        var named = args as IReadOnlyDictionary<string, object?>
            ?? args.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(args), StringComparer.Ordinal);
        _items.Add(new Diagnostic(at.File, at.Line, at.Column, ValidationMessages.Format(template.En, named))
        {
            Rule = rule,
            Japanese = ValidationMessages.Format(template.Ja, named),
        });
    }

    public void AddRange(DiagnosticBag other) => _items.AddRange(other._items);

    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
}

public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);
}
