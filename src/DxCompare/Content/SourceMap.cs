using System.Runtime.CompilerServices;

namespace DxCompare.Content;

/// <summary>
/// Where each loaded object and field came from, so rules that run on the model can still point at
/// file:line:column. Keyed by reference: records compare by value and two equal items are two places.
/// </summary>
public sealed class SourceMap
{
    private readonly ConditionalWeakTable<object, Entry> _entries = new();
    private readonly bool _records = true;

    /// <summary>
    /// A map that records nothing, for a first load of content that is probably valid: an entry per model object
    /// (a dependent handle, a dictionary and a set) made garbage collection most of the load at 1,788 plans, and
    /// only messages read positions. Rules that ask it whether a field was written get "no", which can only add
    /// problems, so content that passes with it passes with positions too.
    /// </summary>
    public static SourceMap Off() => new(records: false);

    public SourceMap() { }

    private SourceMap(bool records) => _records = records;

    private sealed class Entry(SourceLocation start)
    {
        public SourceLocation Start { get; } = start;
        public Dictionary<string, SourceLocation> Fields { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>False for <see cref="Off"/>: the binder then does not collect positions at all.</summary>
    internal bool Records => _records;

    internal void Record(object model, SourceLocation start, IReadOnlyDictionary<string, SourceLocation> fields, IEnumerable<string>? rejected = null)
    {
        if (!_records) return;
        var entry = new Entry(start);
        foreach (var (name, at) in fields) entry.Fields[name] = at;
        entry.Rejected.UnionWith(rejected ?? []);
        _entries.AddOrUpdate(model, entry);
    }

    /// <summary>Whether the field was written but its value was rejected (with a message): rules that need it stay silent.</summary>
    public bool Rejected(object model, string field) => _entries.TryGetValue(model, out var entry) && entry.Rejected.Contains(field);

    /// <summary>Whether the field was written in the file (even if its value was rejected).</summary>
    public bool Has(object model, string field) => _entries.TryGetValue(model, out var entry) && entry.Fields.ContainsKey(field);

    /// <summary>The location of a field's value, or of the object when the field is absent.</summary>
    public SourceLocation Of(object model, string? field = null)
    {
        if (!_entries.TryGetValue(model, out var entry)) return new SourceLocation("(unknown)", 1, 1);
        return field is not null && entry.Fields.TryGetValue(field, out var at) ? at : entry.Start;
    }
}
