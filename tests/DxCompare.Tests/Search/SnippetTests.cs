using DxCompare.Search;

namespace DxCompare.Tests.Search;

/// <summary>The snippet a result shows: a window around the first match, with every match marked.</summary>
public class SnippetTests
{
    private static string Marked(Snippet snippet) => snippet.Render(text => text, text => $"[{text}]");

    [Fact]
    public void Marks_every_occurrence_of_a_term() =>
        Assert.Equal("[テレワーク]の推進と[テレワーク]環境", Marked(Snippet.Whole("テレワークの推進とテレワーク環境", ["テレワーク"])));

    [Fact]
    public void Adjacent_matches_read_as_one_marked_run() =>
        Assert.Equal("庁内の[テレワーク]を推進", Marked(Snippet.Whole("庁内のテレワークを推進", ["テレ", "レワ", "ワー", "ーク"])));

    [Fact]
    public void Single_characters_are_marked_only_when_nothing_longer_matched()
    {
        Assert.Equal("[窓口]の改革", Marked(Snippet.Whole("窓口の改革", ["窓口", "の"])));
        Assert.Equal("[窓]の改革", Marked(Snippet.Whole("窓の改革", ["窓"])));
    }

    [Fact]
    public void A_long_text_is_cut_around_the_first_match_with_ellipses()
    {
        var text = new string('あ', 200) + "生成AI" + new string('い', 200);
        var snippet = Marked(Snippet.Of(text, ["生成", "ai"]));
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("[生成AI]", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= Snippet.Width + 2 + 4);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_start_of_the_text() =>
        Assert.Equal("窓口の改革", Marked(Snippet.Of("窓口の改革", ["防災"])));

    [Fact]
    public void Full_width_text_is_normalized_before_matching() =>
        Assert.Equal("[DX]推進", Marked(Snippet.Whole("ＤＸ推進", ["dx"])));
}
