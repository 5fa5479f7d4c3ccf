using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxCompare.Pages;

/// <summary>
/// A page to render: its URL path, the theme component with its parameters, and the content it is made from
/// (<see cref="Sources"/>), so watch mode re-renders only the pages a change touches.
/// </summary>
/// <remarks>
/// Parameters and sources are small arrays, not a dictionary and a set: a site of 1,788 municipalities has 71,560 routes,
/// which watch mode makes again after every edit.
/// </remarks>
public sealed record PageRoute(string Path, [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type Component, IReadOnlyList<(string Name, object? Value)> Parameters, IReadOnlyList<PageSource> Sources)
{
    public static PageRoute Of<T>(string path, PageSource[] sources, params (string Name, object? Value)[] parameters) where T : IComponent =>
        new(path, typeof(T), parameters, sources);

    /// <summary>Where the page is written: /taito/ → taito/index.html, /404.html → 404.html.</summary>
    public string OutputFile => Path.EndsWith('/') ? Path.TrimStart('/') + "index.html" : Path.TrimStart('/');
}

/// <summary>
/// Renders Razor components to HTML with ASP.NET Core's static HTML renderer. One renderer's dispatcher runs one
/// render at a time, so each worker owns a renderer. Each page's components are removed once its HTML is written:
/// a renderer otherwise keeps every root component, and replacing it every 200 pages grew a new set of render-tree
/// buffers each time (340 MB of frame arrays at N = 500).
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    /// <summary>How every page escapes text and attribute values; without it every Japanese character is written as a numeric entity (&#x53D6;).</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly IServiceProvider Services = CreateServices();

    private readonly OnePageRenderer _renderer = new(Services, Services.GetRequiredService<ILoggerFactory>());

    private static IServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Encoder);
        services.AddSingleton(JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IComponentActivator, ParameterlessActivator>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Creates the theme's components with their parameterless constructors (none takes services). Blazor's default
    /// activator goes through ActivatorUtilities, whose first use in the ahead-of-time compiled generator maps every
    /// compiled method back to its metadata (1.5 % of the real content's build).
    /// </summary>
    private sealed class ParameterlessActivator : IComponentActivator
    {
        public IComponent CreateInstance([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type componentType) =>
            (IComponent)Activator.CreateInstance(componentType)!;
    }

    /// <summary>Writes the page's HTML (with its doctype) to <paramref name="writer"/>.</summary>
    public async Task RenderAsync(PageRoute route, TextWriter writer)
    {
        var parameters = ParameterView.FromDictionary(route.Parameters.ToDictionary(p => p.Name, p => p.Value));
        await writer.WriteAsync("<!DOCTYPE html>\n");
        await _renderer.Dispatcher.InvokeAsync(() => _renderer.RenderAsync(route.Component, parameters, writer));
    }

    // BL0006 warns that Renderer's members are Blazor's own; the ones used here (protected since .NET 8) are what
    // HtmlRenderer itself calls, and the page tests would show a change in them.
#pragma warning disable BL0006
    public ValueTask DisposeAsync() => _renderer.DisposeAsync();

    /// <summary>The static HTML renderer, with the root component removed after each page.</summary>
    private sealed class OnePageRenderer(IServiceProvider services, ILoggerFactory loggers) : StaticHtmlRenderer(services, loggers)
    {
        public async Task RenderAsync([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type component, ParameterView parameters, TextWriter writer)
        {
            var id = AssignRootComponentId(InstantiateComponent(component));
            await RenderRootComponentAsync(id, parameters);
            WriteComponentHtml(id, writer);
            // Not in a finally: after a failed render the build stops and disposes the renderer, and removing the
            // component then could throw over the component's own error.
            RemoveRootComponent(id);
        }
    }
#pragma warning restore BL0006
}
