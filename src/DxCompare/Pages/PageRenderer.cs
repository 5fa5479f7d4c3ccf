using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxCompare.Pages;

/// <summary>
/// A page to render: its URL path, the theme component with its parameters, and the content it is made from
/// (<see cref="Sources"/>), so watch mode re-renders only the pages a change touches.
/// </summary>
public sealed record PageRoute(string Path, Type Component, IReadOnlyDictionary<string, object?> Parameters, IReadOnlySet<PageSource> Sources)
{
    public static PageRoute Of<T>(string path, IEnumerable<PageSource> sources, params (string Name, object? Value)[] parameters) where T : IComponent =>
        new(path, typeof(T), parameters.ToDictionary(p => p.Name, p => p.Value), sources.ToHashSet());

    /// <summary>Where the page is written: /taito/ → taito/index.html, /404.html → 404.html.</summary>
    public string OutputFile => Path.EndsWith('/') ? Path.TrimStart('/') + "index.html" : Path.TrimStart('/');
}

/// <summary>
/// Renders Razor components to HTML with ASP.NET Core's HtmlRenderer. One renderer's dispatcher
/// runs one render at a time, so each worker owns a renderer; renderers keep every root component, so a
/// renderer is replaced after a batch.
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private const int PagesPerRenderer = 200;
    private static readonly IServiceProvider Services = CreateServices();

    private HtmlRenderer _renderer = Create();
    private int _rendered;

    private static IServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        // Without this every Japanese character is written as a numeric entity (&#x53D6;).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton(JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        return services.BuildServiceProvider();
    }

    private static HtmlRenderer Create() => new(Services, Services.GetRequiredService<ILoggerFactory>());

    /// <summary>Writes the page's HTML (with its doctype) to <paramref name="writer"/>.</summary>
    public async Task RenderAsync(PageRoute route, TextWriter writer)
    {
        if (++_rendered > PagesPerRenderer)
        {
            await _renderer.DisposeAsync();
            _renderer = Create();
            _rendered = 1;
        }
        var parameters = ParameterView.FromDictionary(route.Parameters.ToDictionary(p => p.Key, p => p.Value));
        await writer.WriteAsync("<!DOCTYPE html>\n");
        await _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var page = await _renderer.RenderComponentAsync(route.Component, parameters);
            page.WriteHtmlTo(writer);
        });
    }

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
