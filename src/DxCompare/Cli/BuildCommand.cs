using System.CommandLine;
using DxCompare.Build;
using Spectre.Console;

namespace DxCompare.Cli;

public static class BuildCommand
{
    public static Option<string> OutputOption() => CommonOptions.OutputFolder("Folder the site is written to", "output");
    public static Option<string> ThemeOption() => new("--theme") { Description = "Theme folder (Razor components are compiled in; assets are read from here)", DefaultValueFactory = _ => "theme" };
    public static Option<string> BaseUrlOption() => new("--base-url") { Description = "Public origin for canonical and OpenGraph URLs", DefaultValueFactory = _ => BuildOptions.DefaultBaseUrl };

    public static Command Create()
    {
        var content = CommonOptions.Content();
        var decapPort = CommonOptions.DecapPort();
        var output = OutputOption();
        var theme = ThemeOption();
        var baseUrl = BaseUrlOption();
        var command = new Command("build", "Generate the static site from content/ and theme/") { content, output, theme, baseUrl, decapPort };
        command.SetAction(async (parse, cancel) =>
        {
            var contentDirectory = parse.GetValue(content)!;
            var options = new BuildOptions(contentDirectory, parse.GetValue(theme)!, parse.GetValue(output)!, parse.GetValue(baseUrl)!)
            {
                Cms = new Cms.CmsOptions { LocalBackendPort = parse.GetValue(decapPort) },
            };
            var report = await RunAsync(options, cancel);
            return report.Succeeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>Builds with a progress bar on an interactive terminal; plain output in CI or when redirected.</summary>
    public static async Task<BuildReport> RunAsync(BuildOptions options, CancellationToken cancel = default)
    {
        BuildReport report;
        var interactive = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false";
        if (interactive)
        {
            report = await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context => await SiteBuilder.BuildAsync(options, new SpectreProgress(context), cancel));
        }
        else
        {
            report = await SiteBuilder.BuildAsync(options, null, cancel);
        }
        if (!report.Succeeded)
        {
            foreach (var diagnostic in report.Diagnostics) Console.Error.WriteLine(diagnostic);
            Console.Error.WriteLine($"build failed: {report.Diagnostics.Count} problem(s); the previous site in '{options.OutputDirectory}' was left untouched.");
        }
        else
        {
            Console.WriteLine($"{report.Summary()} → {options.OutputDirectory}");
            Console.WriteLine($"  phases: {report.Phases}");
            if (!report.AdminReady)
                Console.Error.WriteLine($"warning: Decap CMS is not installed ({options.DecapDist} not found), so /admin/ only explains how to enable it. Run `npm ci` and build again.");
        }
        return report;
    }

    private sealed class SpectreProgress(ProgressContext context) : IBuildProgress
    {
        private ProgressTask? _task;

        public void Start(string stepName, int total) => _task = context.AddTask(stepName, maxValue: total);

        public void Advance(int count = 1) => _task?.Increment(count);
    }
}
