using System.CommandLine;
using DxCompare.Content;

namespace DxCompare.Cli;

public static class CommonOptions
{
    /// <summary>decap-server's port (`PORT=8090 npx decap-server`); /admin/'s config and CSP point there.</summary>
    public static Option<int> DecapPort() =>
        new("--decap-port") { Description = "Port of the local decap-server (its PORT variable) that /admin/ saves through", DefaultValueFactory = _ => Cms.CmsOptions.DefaultLocalBackendPort };

    public static Option<string> Content() =>
        new("--content") { Description = "The content folder (topics.yml, metrics.yml, plans/, pages/)", DefaultValueFactory = _ => "content" };

    /// <summary>Every command that writes a folder names it --output; --out stays as an alias for older scripts.</summary>
    public static Option<string> OutputFolder(string description, string? defaultFolder = null)
    {
        var option = new Option<string>("--output", "--out") { Description = description };
        if (defaultFolder is null) option.Required = true;
        else option.DefaultValueFactory = _ => defaultFolder;
        return option;
    }
}

/// <summary>The options that describe a new municipality's plan, shared by `new plan` and `sheet template`.</summary>
public sealed class ScaffoldOptions
{
    private static readonly int ThisYear = DateTime.Today.Month >= 4 ? DateTime.Today.Year : DateTime.Today.Year - 1;

    public Option<string> Code { get; } = new("--code") { Description = "全国地方公共団体コード (6 digits, e.g. 131032)", Required = true };
    public Option<string> Name { get; } = new("--name") { Description = "Municipality name, e.g. 港区", Required = true };
    public Option<string> Slug { get; } = new("--slug") { Description = "URL slug, e.g. minato", Required = true };
    public Option<string> Levels { get; } = new("--levels") { Description = "The plan's level names, e.g. 目標,施策,取組 or 視点,取組", DefaultValueFactory = _ => "目標,施策,取組" };
    public Option<string?> Prefecture { get; } = new("--prefecture") { Description = "Prefecture (default: from the code's first two digits)" };
    public Option<int> Start { get; } = new("--start") { Description = "First fiscal year (西暦)", DefaultValueFactory = _ => ThisYear + 1 };
    public Option<int> End { get; } = new("--end") { Description = "Last fiscal year (西暦)", DefaultValueFactory = _ => ThisYear + 3 };

    public IEnumerable<Option> All => [Code, Name, Slug, Levels, Prefecture, Start, End];

    public ScaffoldRequest Request(ParseResult parse) => new(parse.GetValue(Code)!, parse.GetValue(Name)!, parse.GetValue(Slug)!,
        [.. parse.GetValue(Levels)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        parse.GetValue(Start), parse.GetValue(End), parse.GetValue(Prefecture));
}
