using System.CommandLine;
using DxCompare.Build;
using DxCompare.Server;

namespace DxCompare.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var decapPort = CommonOptions.DecapPort();
        var output = BuildCommand.OutputOption();
        var theme = BuildCommand.ThemeOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var watch = new Option<bool>("--watch") { Description = "Rebuild what a change in content/ or theme/assets touches, and reload open browsers" };
        var command = new Command("serve", "Build the site, then serve it on http://127.0.0.1:PORT/") { content, output, theme, port, watch, decapPort };
        command.SetAction(async (parse, cancel) =>
        {
            var portNumber = parse.GetValue(port);
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, parse.GetValue(output)!, $"http://127.0.0.1:{portNumber}")
            {
                IncludeDrafts = true,
                Cms = new Cms.CmsOptions { LocalBackendPort = parse.GetValue(decapPort) },
            };
            return parse.GetValue(watch) ? await WatchAsync(options, portNumber, cancel) : await ServeOnceAsync(options, portNumber, cancel);
        });
        return command;
    }

    private static async Task<int> ServeOnceAsync(BuildOptions options, int port, CancellationToken cancel)
    {
        var report = await BuildCommand.RunAsync(options, cancel);
        if (!report.Succeeded && !Directory.Exists(options.OutputDirectory)) return 1;
        var app = SiteServer.Create(Path.GetFullPath(options.OutputDirectory), port, localBackendPort: options.Cms.LocalBackendPort);
        return await SiteServer.RunAsync(app, port, $"serving {options.OutputDirectory} at http://127.0.0.1:{port}/ (Ctrl+C to stop)", cancel);
    }

    /// <summary>Content files (YAML and Markdown) and any theme asset; not the temporary files editors and tools write beside them.</summary>
    private static Func<string, bool> IsSourceFile(BuildOptions options)
    {
        var assets = Path.GetFullPath(Path.Combine(options.ThemeDirectory, "assets"));
        return path => path.StartsWith(assets, StringComparison.Ordinal)
            || path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal);
    }

    private static async Task<int> WatchAsync(BuildOptions options, int port, CancellationToken cancel)
    {
        using var builder = new IncrementalBuilder(options);
        var first = await builder.StartAsync(cancel);
        foreach (var diagnostic in first.Diagnostics) Console.Error.WriteLine(diagnostic);
        Console.WriteLine(first.Succeeded ? first.Summary() : "the content has problems; fix them and save to build");
        var live = new LiveReload(options.ThemeDirectory);
        if (!first.Succeeded) live.ShowErrors(first.Diagnostics);
        var app = SiteServer.Create(builder.Output, port, live, options.Cms.LocalBackendPort);
        using var watcher = new ContentWatcher([options.ContentDirectory, Path.Combine(options.ThemeDirectory, "assets")], async changed =>
        {
            var result = await builder.RebuildAsync(changed, cancel);
            foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} {string.Join(", ", changed.Select(Path.GetFileName))}: {result.Summary()}");
            if (result.Succeeded) live.Reload();
            else live.ShowErrors(result.Diagnostics);
            // Not awaited: the next change must not wait for it (it supersedes it instead).
            _ = result.Settling?.ContinueWith(settled => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {settled.Result.Summary()}"), TaskContinuationOptions.OnlyOnRanToCompletion);
        }, IsSourceFile(options));
        return await SiteServer.RunAsync(app, port,
            $"serving {options.OutputDirectory} at http://127.0.0.1:{port}/ and watching {options.ContentDirectory}/ and {options.ThemeDirectory}/assets/ (Ctrl+C to stop)", cancel);
    }
}
