using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DxCompare.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DxCompare.Server;

/// <summary>
/// Live reload for `serve --watch`: pages get a small script that listens on a server-sent event
/// stream; after a rebuild the browser reloads, and while the content is invalid it shows the
/// validator's messages in an overlay (the last good site stays served underneath).
/// </summary>
public sealed class LiveReload(string themeDirectory)
{
    public const string ScriptPath = "/__dxcompare/live.js";
    public const string EventsPath = "/__dxcompare/events";

    private readonly List<Channel<string>> _clients = [];

    private string ScriptFile => Path.GetFullPath(Path.Combine(themeDirectory, "serve", "live-reload.js"));
    private string _state = Frame("ok", "[]");

    private static string Frame(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    public void Reload()
    {
        _state = Frame("ok", "[]");
        Broadcast(Frame("reload", "{}"));
    }

    public void ShowErrors(IEnumerable<Diagnostic> diagnostics)
    {
        _state = Frame("errors", JsonSerializer.Serialize([.. diagnostics.Select(d => d.ToString("ja"))], LiveReloadJson.Default.StringArray));
        Broadcast(_state);
    }

    private void Broadcast(string frame)
    {
        lock (_clients) foreach (var client in _clients) client.Writer.TryWrite(frame);
    }

    /// <summary>Middleware, not endpoints: a matched endpoint would stop the static file middleware serving the site.</summary>
    public void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path == ScriptPath)
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                await context.Response.SendFileAsync(ScriptFile);
                return;
            }
            if (path != EventsPath)
            {
                await next();
                return;
            }
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            var channel = Channel.CreateUnbounded<string>();
            lock (_clients) _clients.Add(channel);
            // The stream never ends by itself: it ends when the tab closes or the server stops (Ctrl+C must not wait for open tabs).
            using var open = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
            try
            {
                await context.Response.WriteAsync(_state, open.Token);
                await context.Response.Body.FlushAsync(open.Token);
                await foreach (var frame in channel.Reader.ReadAllAsync(open.Token))
                {
                    await context.Response.WriteAsync(frame, open.Token);
                    await context.Response.Body.FlushAsync(open.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                lock (_clients) _clients.Remove(channel);
            }
        });
    }

    /// <summary>Adds the live script to an HTML page as it is served (the files on disk stay as built).</summary>
    public static string Inject(string html) =>
        html.Replace("</head>", $"<script src=\"{ScriptPath}\" data-events=\"{EventsPath}\" defer></script>\n</head>", StringComparison.Ordinal);
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class LiveReloadJson : JsonSerializerContext;
