using DxCompare.Model;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Search;

/// <summary>A judged query: initiatives that answer it (grade 2) and that are about it (grade 1), as slug/number; none for a query that should find nothing.</summary>
public sealed record JudgedQuery(string Query, IReadOnlyList<string> Relevant, string? Note, IReadOnlyList<string> Partial, string? Kind)
{
    public JudgedQuery(string query, IReadOnlyList<string> relevant, string? note) : this(query, relevant, note, [], null) { }

    public bool ShouldFindNothing => Relevant.Count == 0 && Partial.Count == 0;
    public int Grade(string key) => Relevant.Contains(key) ? 2 : Partial.Contains(key) ? 1 : 0;
}

public sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string> Top10, int Total, double Recall, double Ndcg, double ReciprocalRank);

/// <summary>
/// Quality on a judged set. For queries with judgements: recall@5 (found among the first 5 of min(5, judged)),
/// nDCG@10 (gain 2 relevant, 1 partial), P@5, MRR (first result graded 1 or 2) and the zero-result rate;
/// for queries that should find nothing: how many hits they return.
/// </summary>
public sealed record QualityReport(AnalyzerOptions Variant, double RecallAt5, double NdcgAt10, double PrecisionAt5, double Mrr, double ZeroResultRate,
    int NothingQueries, int NothingMaxHits, IReadOnlyList<QueryOutcome> PerQuery)
{
    public string Row(string name) =>
        $"| {name} | {RecallAt5:0.000} | {NdcgAt10:0.000} | {PrecisionAt5:0.000} | {Mrr:0.000} | {ZeroResultRate:0.000} | {(NothingQueries == 0 ? "—" : $"{NothingMaxHits}")} |";

    public const string Header = "| variant | recall@5 | nDCG@10 | P@5 | MRR | zero-result rate | most hits of a should-find-nothing query |\n| --- | --- | --- | --- | --- | --- | --- |";
}

public static class Evaluation
{
    public static IReadOnlyList<JudgedQuery> LoadJudgedQueries(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var queries = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["queries"];
        static IReadOnlyList<string> List(YamlMappingNode q, string key) =>
            q.Children.TryGetValue(key, out var node) ? [.. ((YamlSequenceNode)node).Children.Select(r => ((YamlScalarNode)r).Value!)] : [];
        static string? Text(YamlMappingNode q, string key) => q.Children.TryGetValue(key, out var node) ? ((YamlScalarNode)node).Value : null;
        return [.. queries.Children.Cast<YamlMappingNode>().Select(q => new JudgedQuery(
            Text(q, "query")!, List(q, "relevant"), Text(q, "note"), List(q, "partial"), Text(q, "kind")))];
    }

    public static QualityReport Measure(ContentSet content, AnalyzerOptions variant, IReadOnlyList<JudgedQuery> judged)
    {
        using var index = new SearchIndex(content, variant);
        return Measure(judged, query => { var r = index.Search(query, limit: 10); return (r.Hits.Select(h => h.Document.Key).ToList(), r.Total); }, variant);
    }

    /// <summary>Measures any engine: <paramref name="search"/> returns a query's top 10 keys and its total.</summary>
    public static QualityReport Measure(IReadOnlyList<JudgedQuery> judged, Func<string, (IReadOnlyList<string> Top10, int Total)> search, AnalyzerOptions variant)
    {
        var perQuery = new List<QueryOutcome>();
        double recall = 0, ndcg = 0, precision = 0, mrr = 0;
        int judgedCount = 0, zero = 0, nothing = 0, nothingMax = 0;
        foreach (var query in judged)
        {
            var (ranked, total) = search(query.Query);
            if (query.ShouldFindNothing)
            {
                nothing++;
                nothingMax = Math.Max(nothingMax, total);
                perQuery.Add(new(query, ranked, total, 0, 0, 0));
                continue;
            }
            judgedCount++;
            if (total == 0) zero++;
            var graded = query.Relevant.Count + query.Partial.Count;
            var found = ranked.Take(5).Count(k => query.Grade(k) > 0);
            var r = found / (double)Math.Min(5, graded);
            var firstRank = ranked.Select((k, i) => (k, i)).FirstOrDefault(x => query.Grade(x.k) > 0, (k: "", i: -1)).i;
            var rr = firstRank < 0 ? 0 : 1.0 / (firstRank + 1);
            var n = Ndcg(ranked, query, 10);
            recall += r;
            precision += found / 5.0;
            mrr += rr;
            ndcg += n;
            perQuery.Add(new(query, ranked, total, r, n, rr));
        }
        var count = Math.Max(1, judgedCount);
        return new QualityReport(variant, recall / count, ndcg / count, precision / count, mrr / count, zero / (double)count, nothing, nothingMax, perQuery);
    }

    private static double Ndcg(IReadOnlyList<string> ranked, JudgedQuery query, int k)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++) dcg += query.Grade(ranked[i]) / Math.Log2(i + 2);
        var gains = query.Relevant.Select(_ => 2).Concat(query.Partial.Select(_ => 1)).Take(k).ToList();
        for (var i = 0; i < gains.Count; i++) ideal += gains[i] / Math.Log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
