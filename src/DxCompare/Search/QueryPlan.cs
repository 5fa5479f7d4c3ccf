namespace DxCompare.Search;

/// <summary>Bigrams (or a Latin word) of one run, <see cref="MinMatch"/> of which a document must hold (any field).</summary>
public sealed record QueryPart(IReadOnlyList<string> Words, int MinMatch);

/// <summary>
/// One way to find a concept of the query: a run of the query, its katakana reading, or a synonym
/// (every part of a synonym must be found: オンライン会議 needs オンライン and 会議).
/// </summary>
public sealed record QueryUnit(IReadOnlyList<QueryPart> Parts, int Concept);

/// <summary>
/// What a query asks for, prepared identically by the CLI and the browser client (theme/assets/search-analysis.js):
/// <list type="number">
/// <item>NFKC, cut to <see cref="SearchSettings.MaxQueryLength"/>, lower case;</item>
/// <item>a municipality named in it (台東区, 江東) becomes the filter and leaves the words;</item>
/// <item>question phrases (はありますか, を知りたい) and figure words (目標, 何%) are dropped; the latter mark a question about a figure;</item>
/// <item>the rest is cut into runs of one script, each analysed on its own. Each kanji run, katakana
/// run and Latin word is a concept; a hiragana run is one when it has three or more characters (すまほ)
/// or the query has nothing else. A concept is found in a document when: a kanji run, any of its bigrams;
/// a katakana run, most of them (a typo still matches, ワーク alone does not match テレワーク); a
/// hiragana run, all of them or most of its katakana reading (おんらいん → オンライン); or a synonym of the
/// words it overlaps, whole;</item>
/// <item>a hit finds at least one concept, and its BM25 score is multiplied by the share of concepts it finds.</item>
/// </list>
/// </summary>
public sealed record QueryPlan(string Text, IReadOnlyList<(string Term, float Boost)> Terms, IReadOnlyList<QueryUnit> Units, int Concepts, string? Municipality, bool AsksForFigure)
{
    public static QueryPlan Prepare(string query, JapaneseAnalyzer analyzer, IReadOnlyList<(string Slug, string Name)> municipalities)
    {
        var text = JapaneseAnalyzer.Normalize(query.Length > SearchSettings.MaxQueryLength ? query[..SearchSettings.MaxQueryLength] : query).ToLowerInvariant();
        var (withoutNames, municipality) = TakeMunicipality(text, municipalities, analyzer);
        var asksForFigure = SearchSettings.FigureWords.Any(w => withoutNames.Contains(w, StringComparison.Ordinal));
        var stripped = Strip(withoutNames, [.. SearchSettings.QuestionPhrases, .. SearchSettings.FigureWords]);
        if (analyzer.Terms(stripped).Count == 0) stripped = withoutNames;

        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        bool Admit(IReadOnlyList<string> runTerms, float boost)
        {
            if (runTerms.Count == 0 || terms.Count + runTerms.Count(t => !terms.ContainsKey(t)) > SearchSettings.MaxQueryTerms) return false;
            foreach (var term in runTerms) terms.TryAdd(term, boost);
            return true;
        }
        QueryPart? Part(string run, char script, float boost)
        {
            // A synonym is searched by its words, not its single kanji (高齢者 adds 高齢 and 齢者, not 者): beside
            // its bigrams they add little score and, frequent as they are, much of the bytes a query fetches at scale.
            var analysed = analyzer.Terms(run);
            var runTerms = analysed.Any(IsWord) ? [.. analysed.Where(IsWord)] : analysed;
            if (!Admit(runTerms, boost)) return null;
            var words = runTerms.Where(IsWord).Distinct().ToList();
            return words.Count == 0 ? null : new QueryPart(words, MinMatch(script, words.Count));
        }

        // The query's runs, with their spans, then their concepts.
        var runs = new List<(string Run, char Script, int Start)>();
        var offset = 0;
        foreach (var (run, script) in Runs(stripped))
        {
            runs.Add((run, script, offset));
            offset += run.Length;
        }
        var units = new List<QueryUnit>();
        var conceptOf = new int?[runs.Count];
        var concepts = 0;
        var hiragana = new List<int>();
        for (var r = 0; r < runs.Count; r++)
        {
            var (run, script, _) = runs[r];
            if (script == 'H')
            {
                hiragana.Add(r);
                continue;
            }
            if (script == 'O')
            {
                var tokens = analyzer.Terms(run);
                if (!Admit(tokens, 1f)) continue;
                foreach (var token in tokens.Where(IsWord).Distinct())
                {
                    conceptOf[r] ??= concepts;
                    units.Add(new QueryUnit([new QueryPart([token], 1)], concepts++));
                }
                continue;
            }
            if (Part(run, script, 1f) is { } part)
            {
                conceptOf[r] = concepts;
                units.Add(new QueryUnit([part], concepts++));
            }
        }
        var alone = concepts == 0;
        var katakana = stripped.ToCharArray();
        foreach (var r in hiragana)
        {
            var (run, _, start) = runs[r];
            var reading = ToKatakana(run);
            if (run.Length >= 3 || alone) reading.CopyTo(0, katakana, start, run.Length);
            var own = Part(run, 'H', 1f);
            var asKatakana = run.Length >= 3 || alone ? Part(reading, 'K', 1f) : null;
            if (own is null && asKatakana is null) continue;
            if (!alone && run.Length < 3) continue;
            conceptOf[r] = concepts;
            if (own is not null) units.Add(new QueryUnit([own], concepts));
            if (asKatakana is not null) units.Add(new QueryUnit([asKatakana], concepts));
            concepts++;
        }

        if (analyzer.Options.Synonyms)
        {
            foreach (var (word, start, end) in Synonyms.ExpansionsOf(stripped, new string(katakana)))
            {
                var parts = Runs(word).Select(r => Part(r.Run, r.Script, Synonyms.ExpansionBoost)).OfType<QueryPart>().ToList();
                if (parts.Count == 0) continue;
                var overlapping = Enumerable.Range(0, runs.Count)
                    .Where(r => conceptOf[r] is not null && runs[r].Start < end && start < runs[r].Start + runs[r].Run.Length).ToList();
                // A synonym of a part of a kanji compound stands for that part only: the rest of the compound
                // must be found too (水道料金 → 手数料 needs 水道 as well).
                foreach (var r in overlapping.Where(r => runs[r].Script == 'C'))
                {
                    var (run, _, runStart) = runs[r];
                    foreach (var rest in new[] { run[..Math.Max(0, start - runStart)], run[Math.Min(run.Length, end - runStart)..] })
                        if (rest.Length > 0 && Part(rest, 'C', 1f) is { } restPart) parts.Add(restPart);
                }
                var ofRuns = overlapping.Select(r => conceptOf[r]!.Value).Distinct().ToList();
                if (ofRuns.Count == 0) ofRuns.Add(concepts++);
                foreach (var concept in ofRuns) units.Add(new QueryUnit(parts, concept));
            }
        }
        return new QueryPlan(stripped, [.. terms.Select(t => (t.Key, t.Value))], units, concepts, municipality, asksForFigure);
    }

    /// <summary>A term that stands for a word: two or more characters (bigrams, Latin words, numbers).</summary>
    public static bool IsWord(string term) => term.Length > 1;

    /// <summary>How many bigrams of a run a document must hold: all of a hiragana run, most of a katakana word (2 of 2, 3 of 4, 5 of 7), one of a kanji run.</summary>
    public static int MinMatch(char script, int words) => script switch
    {
        'H' => words,
        'K' => words <= 2 ? words : (2 * words + 2) / 3,
        _ => 1,
    };

    /// <summary>Hiragana, katakana (with ー), kanji (with 々) or anything else, by UTF-16 code unit.</summary>
    public static char ScriptOf(char c) => c switch
    {
        >= '\u3041' and <= '\u309F' => 'H',
        >= '\u30A0' and <= '\u30FF' => 'K',
        '\u3005' or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') => 'C',
        _ => 'O',
    };

    /// <summary>Maximal runs of one script; ー after hiragana belongs to the hiragana run (ぺーぱー).</summary>
    public static IEnumerable<(string Run, char Script)> Runs(string text)
    {
        var start = 0;
        var script = ' ';
        for (var i = 0; i <= text.Length; i++)
        {
            var s = i < text.Length ? ScriptOf(text[i]) : '\0';
            if (s == 'K' && text[i] == 'ー' && script == 'H') s = 'H';
            if (i > 0 && s == script) continue;
            if (i > start) yield return (text[start..i], script);
            start = i;
            script = s;
        }
    }

    /// <summary>Hiragana to katakana (U+3041–U+3096 and ゝゞ move by 0x60).</summary>
    public static string ToKatakana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is (>= '\u3041' and <= '\u3096') or '\u309D' or '\u309E') chars[i] = (char)(chars[i] + 0x60);
        return new string(chars);
    }

    /// <summary>Removes each phrase (longest first) wherever it occurs.</summary>
    public static string Strip(string text, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal))
            text = text.Replace(phrase, " ", StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// The municipality named in the query (its name or the name without 区/市/町/村), when exactly one is
    /// named and the query says something besides; the names leave the query either way, unless nothing would be left.
    /// </summary>
    public static (string Text, string? Slug) TakeMunicipality(string text, IReadOnlyList<(string Slug, string Name)> municipalities, JapaneseAnalyzer analyzer)
    {
        var named = new List<(string Slug, string Form)>();
        foreach (var (slug, name) in municipalities)
        {
            var full = JapaneseAnalyzer.Normalize(name).ToLowerInvariant();
            var forms = new List<string> { full };
            if (full.Length >= 3 && "区市町村".Contains(full[^1])) forms.Add(full[..^1]);
            foreach (var form in forms.Where(f => text.Contains(f, StringComparison.Ordinal))) named.Add((slug, form));
        }
        if (named.Count == 0) return (text, null);
        var rest = Strip(text, named.Select(n => n.Form));
        if (analyzer.Terms(Strip(rest, SearchSettings.QuestionPhrases)).Count == 0) return (text, null);
        var slugs = named.Select(n => n.Slug).Distinct().ToList();
        return (rest, slugs.Count == 1 ? slugs[0] : null);
    }
}
