namespace DxCompare.Search;

/// <summary>
/// A small list of everyday words and the words plans use, applied to queries only (the index stays
/// as published). The browser client reads the same list from the manifest.
/// </summary>
public static class Synonyms
{
    public const float ExpansionBoost = 0.6f;

    public static readonly IReadOnlyList<string[]> Groups =
    [
        ["スマホ", "スマートフォン"],
        ["申請", "手続"],
        ["ICT", "デジタル", "情報化"],
        ["テレワーク", "在宅勤務"],
        ["保活", "保育園", "保育所"],
        ["AI", "人工知能"],
        ["電子申請", "オンライン申請", "オンライン手続"],
        ["ペーパーレス", "電子化"],
        ["HP", "ホームページ"],
        ["マイナカード", "マイナンバーカード"],
        ["キャッシュレス", "電子決済"],
        ["防災", "災害"],
        ["子育て", "育児"],
        ["高齢者", "シニア"],
    ];

    /// <summary>The other spellings to add for a query: every group member when any member occurs in it.</summary>
    public static IReadOnlyList<string> ExpansionsOf(string normalizedQuery)
    {
        var lower = normalizedQuery.ToLowerInvariant();
        return [.. Groups
            .Where(group => group.Any(word => lower.Contains(word.ToLowerInvariant(), StringComparison.Ordinal)))
            .SelectMany(group => group.Where(word => !lower.Contains(word.ToLowerInvariant(), StringComparison.Ordinal)))
            .Distinct()];
    }
}
