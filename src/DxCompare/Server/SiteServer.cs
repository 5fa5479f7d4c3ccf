using System.Net.Sockets;
using DxCompare.Build;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DxCompare.Server;

/// <summary>The development server: the built site on loopback with the production headers, plus live reload in watch mode.</summary>
public static class SiteServer
{
    /// <summary>How long a stop waits for open requests (a browser tab's live-reload stream is ended at once).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A static file server on loopback that behaves like the host: index.html for folders, 404.html for misses,
    /// GET and HEAD only, and the headers of <see cref="HeaderRules.ForPath"/> on every response, errors included.
    /// </summary>
    public static WebApplication Create(string root, int port, LiveReload? live = null, int localBackendPort = Cms.CmsOptions.DefaultLocalBackendPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();
        // A fresh checkout whose content does not build yet has no output: serve an empty site (and the overlay).
        Directory.CreateDirectory(root);
        var files = new PhysicalFileProvider(root);
        app.Use(async (context, next) =>
        {
            // Routed by the normalized path: //koto/ is /koto/ and gets /koto/'s headers, not none.
            var path = Normalize(context.Request.Path.Value);
            context.Request.Path = path;
            ApplyHeaders(context.Response, path, localBackendPort);
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return;
            }
            try
            {
                if (path == "/" + HeaderRules.FileName) await NotFound(context, files, live);
                else await next();
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                context.Response.Clear();
                ApplyHeaders(context.Response, path, localBackendPort);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"500: {e.GetType().Name} while serving {path}. See the terminal running `serve`.\n");
                await Console.Error.WriteLineAsync($"error serving {path}: {e}");
            }
        });
        if (live is not null)
        {
            live.Map(app);
            // Pages are served with the live-reload script added, and never cached while watching. Not /admin/:
            // a reload there would throw away the editor's unsaved work (the CMS shows its own checks).
            app.Use(async (context, next) =>
            {
                var path = context.Request.Path.Value ?? "/";
                if (path.StartsWith(Model.SiteUrls.Admin, StringComparison.Ordinal))
                {
                    await next();
                    return;
                }
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
        foreach (var (extension, type) in HeaderRules.DownloadTypes) contentTypes.Mappings[extension] = type;
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false, ContentTypeProvider = contentTypes });
        app.Run(context => NotFound(context, files, live));
        return app;
    }

    /// <summary>Starts the server and waits for Ctrl+C; a port in use is a message and exit code 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(WebApplication app, int port, string banner, CancellationToken cancel, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"port {port} is already in use (another `serve`?). Stop the other server, or pass another port: --port {port + 1}.");
            await app.DisposeAsync();
            return 1;
        }
        await output.WriteLineAsync(banner);
        await app.WaitForShutdownAsync(cancel);
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Repeated slashes collapsed (Kestrel has already resolved . and .. segments).</summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "/";
        var collapsed = System.Text.RegularExpressions.Regex.Replace(path, "/{2,}", "/");
        return collapsed.StartsWith('/') ? collapsed : "/" + collapsed;
    }

    private static void ApplyHeaders(HttpResponse response, string path, int localBackendPort)
    {
        foreach (var (name, value) in HeaderRules.ForPath(path, localBackendPort)) response.Headers[name] = value;
    }

    private static async Task NotFound(HttpContext context, PhysicalFileProvider files, LiveReload? live)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        var notFound = files.GetFileInfo("404.html");
        if (notFound.Exists && live is null) await context.Response.SendFileAsync(notFound);
        else if (notFound.Exists) await context.Response.WriteAsync(LiveReload.Inject(await File.ReadAllTextAsync(notFound.PhysicalPath!)));
        else if (live is not null)
            await context.Response.WriteAsync(LiveReload.Inject("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>DxCompare</title></head>" +
                "<body><p>サイトはまだビルドされていません。コンテンツのエラーを直して保存すると表示されます。</p></body></html>"));
    }
}
