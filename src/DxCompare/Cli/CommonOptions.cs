using System.CommandLine;

namespace DxCompare.Cli;

public static class CommonOptions
{
    public static Option<string> Content() =>
        new("--content") { Description = "The content folder (topics.yml, metrics.yml, plans/, pages/)", DefaultValueFactory = _ => "content" };
}
