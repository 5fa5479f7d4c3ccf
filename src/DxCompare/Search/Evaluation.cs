using DxCompare.Model;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Search;

public sealed record JudgedQuery(string Query, IReadOnlyList<string> Relevant, string? Note);

public sealed record QualityReport(AnalyzerOptions Variant, double RecallAt5, double NdcgAt10, double PrecisionAt5, IReadOnlyList<(JudgedQuery Query, double Recall)> PerQuery);

/// <summary>Recall@5 and nDCG@10 of an analyzer variant on the judged queries (relevant ids as slug/number).</summary>
public static class Evaluation
{
    public static IReadOnlyList<JudgedQuery> LoadJudgedQueries(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var queries = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["queries"];
        return [.. queries.Children.Cast<YamlMappingNode>().Select(q => new JudgedQuery(
            ((YamlScalarNode)q.Children["query"]).Value!,
            [.. ((YamlSequenceNode)q.Children["relevant"]).Children.Select(r => ((YamlScalarNode)r).Value!)],
            q.Children.TryGetValue("note", out var note) ? ((YamlScalarNode)note).Value : null))];
    }

    public static QualityReport Measure(ContentSet content, AnalyzerOptions variant, IReadOnlyList<JudgedQuery> judged)
    {
        using var index = new SearchIndex(content, variant);
        var perQuery = new List<(JudgedQuery, double)>();
        double recall = 0, ndcg = 0, precision = 0;
        foreach (var query in judged)
        {
            var ranked = index.Search(query.Query, limit: 10).Hits.Select(h => h.Document.Key).ToList();
            var relevant = query.Relevant.ToHashSet(StringComparer.Ordinal);
            var found = ranked.Take(5).Count(relevant.Contains);
            var r = found / (double)Math.Min(5, relevant.Count);
            perQuery.Add((query, r));
            recall += r;
            precision += found / 5.0;
            ndcg += Ndcg(ranked, relevant, 10);
        }
        var n = Math.Max(1, judged.Count);
        return new QualityReport(variant, recall / n, ndcg / n, precision / n, perQuery);
    }

    private static double Ndcg(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++) if (relevant.Contains(ranked[i])) dcg += 1 / Math.Log2(i + 2);
        for (var i = 0; i < Math.Min(k, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
