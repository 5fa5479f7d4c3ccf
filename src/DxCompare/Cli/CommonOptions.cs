using System.CommandLine;

namespace DxCompare.Cli;

public static class CommonOptions
{
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
