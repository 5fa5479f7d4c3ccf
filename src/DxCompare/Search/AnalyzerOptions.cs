namespace DxCompare.Search;

/// <summary>
/// One configuration of the Japanese analysis and ranking. Several are evaluated on the judged queries
/// (docs/search.md); <see cref="Shipped"/> is the one the site and the CLI use.
/// </summary>
public sealed record AnalyzerOptions(string Name, bool OutputUnigrams, bool BridgeScripts, bool Synonyms, bool WeightedFields, bool Phrases = false)
{
    /// <summary>Elasticsearch's `cjk` analyzer: bigrams only, bridging kanji and kana.</summary>
    public static readonly AnalyzerOptions CjkDefault = new("cjk-bigrams", OutputUnigrams: false, BridgeScripts: true, Synonyms: false, WeightedFields: false);
    public static readonly AnalyzerOptions WithUnigrams = CjkDefault with { Name = "bigrams+unigrams", OutputUnigrams = true };
    public static readonly AnalyzerOptions NoBridging = WithUnigrams with { Name = "no-kanji-kana-bridging", BridgeScripts = false };
    public static readonly AnalyzerOptions WithSynonyms = NoBridging with { Name = "+synonyms", Synonyms = true };
    public static readonly AnalyzerOptions WithFieldWeights = WithSynonyms with { Name = "+field-weights", WeightedFields = true };

    /// <summary>The phrase field: the initiative's text again at weight 4 (<see cref="SearchDocument.Phrase"/>).</summary>
    public static readonly AnalyzerOptions WithPhrases = WithFieldWeights with { Name = "+phrases", Phrases = true };

    public static readonly IReadOnlyList<AnalyzerOptions> Variants = [CjkDefault, WithUnigrams, NoBridging, WithSynonyms, WithFieldWeights, WithPhrases];

    public static AnalyzerOptions Shipped => WithPhrases;
}
