using DxCompare.Tests.Support;

namespace DxCompare.Tests.Cli;

/// <summary>Issue 15: the search command echoes a query safely, and takes one that starts with '-' after '--'.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public class SearchCliTests
{
    [Fact]
    public void A_query_starting_with_a_dash_is_taken_after_double_dash()
    {
        var (code, output, errors) = CliProcess.Run("search", "--content", "content", "--", "-テレワーク");
        Assert.Equal((0, ""), (code, errors));
        Assert.Matches(@"^-テレワーク: [1-9]\d*件\n 1\. 台東区 取組31 テレワーク", output);
    }

    [Fact]
    public void The_echo_shows_control_characters_and_cuts_a_long_query()
    {
        var query = "テレワーク\u001b[31m" + new string('あ', 10_000);
        var (code, output, _) = CliProcess.Run("search", "--content", "content", query);
        Assert.Equal(0, code);
        Assert.Matches(@"^テレワーク\\u001B\[31mああああああああああ… \(10,010 characters\): [1-9]\d*件$", output.Split('\n')[0]);
    }
}
