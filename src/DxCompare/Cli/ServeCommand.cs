using System.CommandLine;
using DxCompare.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false });
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
