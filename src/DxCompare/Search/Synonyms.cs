namespace DxCompare.Search;

/// <summary>
/// Synonym groups applied to queries only (the index stays as published): Sudachi's synonym dictionary
/// filtered to the words of the content (synonyms-sudachi.txt, written by scripts/search-synonyms.mjs)
/// and a short reviewed list of public-administration terms it lacks (synonyms-admin.txt). The browser
/// client gets the same groups from the manifest.
/// </summary>
public static class Synonyms
{
    public const float ExpansionBoost = 0.6f;

    /// <summary>
    /// A group: words that occur in the content (the expansions), words that only trigger them, and words
    /// that occur in the content but do not trigger the group (Sudachi's expandControl 1): they are added
    /// when another word of the group is in the query.
    /// </summary>
    public sealed record Group(IReadOnlyList<string> Targets, IReadOnlyList<string> Triggers, IReadOnlyList<string> Quiet)
    {
        public IEnumerable<string> Expansions => Targets.Concat(Quiet);
    }

    public static readonly IReadOnlyList<Group> Groups = [.. Load("synonyms-admin.txt"), .. Load("synonyms-sudachi.txt")];

    private static IEnumerable<Group> Load(string resource)
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        var groups = new List<Group>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            static string[] Words(string part) => [.. part.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => JapaneseAnalyzer.Normalize(w).ToLowerInvariant())];
            groups.Add(new Group(Words(parts[0]), parts.Length > 1 ? Words(parts[1]) : [], parts.Length > 2 ? Words(parts[2]) : []));
        }
        return groups;
    }

    /// <summary>
    /// The words to add for a query (normalized, lower case; <paramref name="texts"/> are the query and
    /// its katakana reading, of the same length): the targets of every group one of whose words occurs in
    /// it (Latin words as whole words, others anywhere), minus words already in it, each with the span
    /// of the first word that triggered it.
    /// </summary>
    public static IReadOnlyList<(string Word, int Start, int End)> ExpansionsOf(params string[] texts)
    {
        var result = new List<(string Word, int Start, int End)>();
        foreach (var group in Groups)
        {
            var at = -1;
            var length = 0;
            foreach (var word in group.Targets.Concat(group.Triggers))
            {
                foreach (var text in texts)
                {
                    at = IndexOf(text, word);
                    if (at >= 0) break;
                }
                if (at < 0) continue;
                length = word.Length;
                break;
            }
            if (at < 0) continue;
            foreach (var word in group.Expansions)
                if (!texts[0].Contains(word, StringComparison.Ordinal) && result.All(r => r.Word != word)) result.Add((word, at, at + length));
        }
        return result;
    }

    /// <summary>Where a word occurs: Latin words and katakana words only whole (ワーク is not in テレワーク), others anywhere.</summary>
    private static int IndexOf(string text, string word)
    {
        Func<char, bool>? partOfWord = IsLatin(word) ? IsAlnum : word.All(c => QueryPlan.ScriptOf(c) == 'K') ? c => QueryPlan.ScriptOf(c) == 'K' : null;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if (partOfWord is null || ((at == 0 || !partOfWord(text[at - 1])) && (end == text.Length || !partOfWord(text[end])))) return at;
        }
        return -1;
    }

    private static bool IsLatin(string word) => word.All(c => c is >= ' ' and <= '~');
    private static bool IsAlnum(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
