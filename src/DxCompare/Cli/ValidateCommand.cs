using System.CommandLine;
using DxCompare.Content;

namespace DxCompare.Cli;

public static class ValidateCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("content-dir") { Description = "The content folder", DefaultValueFactory = _ => "content" };
        var language = new Option<string>("--lang") { Description = "Language of the messages: en, or ja (editors' Japanese, as in the CMS)", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ja");
        var command = new Command("validate", "Check every content file and report each problem as file:line:column: message") { directory, language };
        command.SetAction(parse =>
        {
            var result = ContentLoader.Load(parse.GetValue(directory)!);
            return Report(result, Console.Out, Console.Error, parse.GetValue(language)!);
        });
        return command;
    }

    /// <summary>Prints the diagnostics (or a one-line summary when clean) and returns the exit code.</summary>
    public static int Report(LoadResult result, TextWriter output, TextWriter errors, string language = "en")
    {
        foreach (var diagnostic in result.Diagnostics) errors.WriteLine(diagnostic.ToString(language));
        if (result.Diagnostics.Count > 0)
        {
            errors.WriteLine(language == "ja"
                ? $"{result.Diagnostics.Count}件の問題があります。ファイルは変更していません。"
                : $"{result.Diagnostics.Count} problem{(result.Diagnostics.Count == 1 ? "" : "s")} found; nothing was changed.");
            return 1;
        }
        var content = result.Content!;
        output.WriteLine($"content is valid: {content.Plans.Count} plans, {content.Initiatives.Count} initiatives, {content.Indicators.Count} indicators, {content.Topics.Count} topics, {content.Metrics.Count} metrics, {content.Pages.Count} pages.");
        return 0;
    }
}
