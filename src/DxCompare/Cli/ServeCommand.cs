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
        var command = new Command("serve", "Build the site, then serve it on http://127.0.0.1:PORT/") { content, output, theme, port };
        command.SetAction(async (parse, cancel) =>
        {
            var portNumber = parse.GetValue(port);
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, parse.GetValue(output)!, $"http://127.0.0.1:{portNumber}");
            var report = await BuildCommand.RunAsync(options, cancel);
            if (!report.Succeeded && !Directory.Exists(options.OutputDirectory)) return 1;
            var app = CreateServer(Path.GetFullPath(options.OutputDirectory), portNumber);
            Console.WriteLine($"serving {options.OutputDirectory} at http://127.0.0.1:{portNumber}/ (Ctrl+C to stop)");
            await app.RunAsync(cancel);
            return 0;
        });
        return command;
    }

    /// <summary>A static file server on loopback that behaves like the host: index.html for folders, 404.html for misses.</summary>
    public static WebApplication CreateServer(string root, int port)
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
