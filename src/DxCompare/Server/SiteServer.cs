using DxCompare.Build;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DxCompare.Server;

/// <summary>The development server: the built site on loopback with the production headers, plus live reload in watch mode.</summary>
public static class SiteServer
{
    /// <summary>A static file server on loopback that behaves like the host: index.html for folders, 404.html for misses.</summary>
    public static WebApplication Create(string root, int port, LiveReload? live = null)
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
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            // A miss outside every rule's path still gets the site's policy.
            context.Response.Headers["Content-Security-Policy"] = HeaderRules.SiteCsp;
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
