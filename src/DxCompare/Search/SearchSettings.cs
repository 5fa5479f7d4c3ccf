using DxCompare.Model;

namespace DxCompare.Search;

/// <summary>
/// Settings the CLI and the browser client share. The client reads them from the index manifest
/// (StaticSearchExport), so each is written once, here.
/// </summary>
public static class SearchSettings
{
    public const int MaxQueryLength = 200;
    public const int MaxQueryTerms = 64;

    /// <summary>Characters of context before the first highlighted match, and the snippet's width.</summary>
    public const int SnippetBefore = 30;
    public const int SnippetWidth = 120;

    /// <summary>
    /// A hit counts only when its score reaches this share of the best hit's: below it lie initiatives
    /// that share a stray piece of the query (one kanji, a synonym of one word). Chosen on both judged
    /// sets (docs/search.md).
    /// </summary>
    public const double RelativeCutoff = 0.1;

    /// <summary>Results the page shows at once; "more" shows the next as many.</summary>
    public const int PageSize = 20;

    public const string MessageEmpty = "検索語を入力してください。";
    public const string MessageNoTerms = "検索できる語が含まれていません。文字や単語で検索してください。";
    public const string MessageNoHits = "該当する取組は見つかりませんでした。別の言葉や、より短い言葉で検索してください。";

    /// <summary>URL keys of the page's filters: municipality, topic, pillar, new only.</summary>
    public static readonly IReadOnlyList<string> FilterKeys = ["m", "t", "p", "n"];

    /// <summary>
    /// Phrases that make a question but say nothing about the topic; removed before analysis (longest
    /// first), so that their kana and kanji neither match nor count.
    /// </summary>
    public static readonly IReadOnlyList<string> QuestionPhrases =
    [
        "について知りたい", "を知りたい", "が知りたい", "知りたい", "を教えてください", "を教えて", "教えてください", "教えて",
        "はありますか", "がありますか", "ありますか", "はどこでやっていますか", "どこでやっていますか", "やっていますか",
        "をしている区は", "している区は", "をしている", "している", "はできますか", "でできますか", "できますか",
        "になりますか", "はなんですか", "は何ですか", "ですか", "でしょうか", "ますか", "したい", "はどこ", "どこで", "どこ",
        "について", "になる", "のは",
    ];

    /// <summary>Words asking for a figure: removed like question phrases, and the snippet then shows the indicators with their values.</summary>
    public static readonly IReadOnlyList<string> FigureWords =
        [ValueKind.Target.Label(), "目標", "何%", "何分", "何件", "何人", "何回", "いくつ", "どのくらい", "どれくらい", "数値", "kpi"];
}
