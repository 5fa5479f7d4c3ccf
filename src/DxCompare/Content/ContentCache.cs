using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>
/// Plans parsed and checked by earlier loads, kept by watch mode so that saving one plan re-reads one file
/// instead of all of them (at 1,788 plans, parsing is seconds). A plan is kept only when it had no problems,
/// and everything is dropped when topics.yml or metrics.yml change, since the rules check plans against them.
/// </summary>
public sealed class ContentCache
{
    private readonly Dictionary<string, (string Stamp, Plan Plan)> _plans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private string _taxonomyStamp = "";

    /// <summary>How many plan files the last load parsed (the rest came from the cache).</summary>
    public int LastParsed { get; private set; }

    internal void StartLoad(string taxonomyStamp)
    {
        if (taxonomyStamp != _taxonomyStamp) _plans.Clear();
        _taxonomyStamp = taxonomyStamp;
        _seen.Clear();
        LastParsed = 0;
    }

    internal Plan? Reuse(string path, string stamp)
    {
        _seen.Add(path);
        if (_plans.TryGetValue(path, out var kept) && kept.Stamp == stamp) return kept.Plan;
        _plans.Remove(path);
        LastParsed++;
        return null;
    }

    internal void Keep(string path, string stamp, Plan plan) => _plans[path] = (stamp, plan);

    internal void FinishLoad()
    {
        foreach (var gone in _plans.Keys.Where(path => !_seen.Contains(path)).ToList()) _plans.Remove(gone);
    }
}
