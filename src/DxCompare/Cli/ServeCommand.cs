using System.CommandLine;
using DxCompare.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using DxCompare.Output;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DxCompare.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var output = BuildCommand.OutputOption();
        var theme = BuildCommand.ThemeOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var watch = new Option<bool>("--watch") { Description = "Rebuild what a change in content/ or theme/assets touches, and reload open browsers" };
        var command = new Command("serve", "Build the site, then serve it on http://127.0.0.1:PORT/") { content, output, theme, port, watch };
        command.SetAction(async (parse, cancel) =>
        {
            var portNumber = parse.GetValue(port);
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, parse.GetValue(output)!, $"http://127.0.0.1:{portNumber}");
            return parse.GetValue(watch) ? await WatchAsync(options, portNumber, cancel) : await ServeOnceAsync(options, portNumber, cancel);
        });
        return command;
    }

    private static async Task<int> ServeOnceAsync(BuildOptions options, int port, CancellationToken cancel)
    {
        var report = await BuildCommand.RunAsync(options, cancel);
        if (!report.Succeeded && !Directory.Exists(options.OutputDirectory)) return 1;
        var app = CreateServer(Path.GetFullPath(options.OutputDirectory), port);
        Console.WriteLine($"serving {options.OutputDirectory} at http://127.0.0.1:{port}/ (Ctrl+C to stop)");
        await app.RunAsync(cancel);
        return 0;
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
        var live = new LiveReload();
        if (!first.Succeeded) live.ShowErrors(first.Diagnostics);
        var app = CreateServer(builder.Output, port, live);
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
        Console.WriteLine($"serving {options.OutputDirectory} at http://127.0.0.1:{port}/ and watching {options.ContentDirectory}/ and {options.ThemeDirectory}/assets/ (Ctrl+C to stop)");
        await app.RunAsync(cancel);
        return 0;
    }

    /// <summary>A static file server on loopback that behaves like the host: index.html for folders, 404.html for misses.</summary>
    public static WebApplication CreateServer(string root, int port, LiveReload? live = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        var headersFile = Path.Combine(root, HeaderRules.FileName);
        app.Use(async (context, next) =>
        {
            // The same headers as production: netlify.toml's site-wide ones and the generated _headers.
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            var rules = File.Exists(headersFile) ? HeaderRules.Parse(File.ReadAllText(headersFile)) : [];
            var path = context.Request.Path.Value ?? "/";
            foreach (var rule in rules.Where(r => r.Matches(path)))
                foreach (var (name, value) in rule.Headers) context.Response.Headers[name] = value;
            if (path == "/" + HeaderRules.FileName)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        if (live is not null)
        {
            live.Map(app);
            // Pages are served with the live-reload script added, and never cached while watching.
            app.Use(async (context, next) =>
            {
                var path = context.Request.Path.Value ?? "/";
                var file = files.GetFileInfo(path.EndsWith('/') ? path + "index.html" : path);
                if (file.Exists && file.PhysicalPath!.EndsWith(".html", StringComparison.Ordinal))
                {
                    context.Response.ContentType = "text/html; charset=utf-8";
                    context.Response.Headers.CacheControl = "no-store";
                    await context.Response.WriteAsync(LiveReload.Inject(await File.ReadAllTextAsync(file.PhysicalPath)));
                    return;
                }
                await next();
            });
        }
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".yml"] = "text/yaml; charset=utf-8";
        contentTypes.Mappings[".wasm"] = "application/wasm";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false, ContentTypeProvider = contentTypes });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });
        return app;
    }
}
