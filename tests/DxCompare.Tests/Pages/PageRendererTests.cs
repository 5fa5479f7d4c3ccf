using DxCompare.Build;
using DxCompare.Exports;
using DxCompare.Pages;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

public class PageRendererTests
{
    /// <summary>
    /// A build renders every page of a worker with one renderer and removes each page's components once written: no
    /// page may carry anything over from the pages before it.
    /// </summary>
    [Fact]
    public async Task A_renderer_that_wrote_every_other_page_writes_each_page_as_a_new_renderer_does()
    {
        var options = new BuildOptions(Repository.ContentDirectory, Path.Combine(Repository.Root, "theme"), "unused", BuildOptions.DefaultBaseUrl);
        using var generation = SiteGeneration.Create(options, Repository.Content, new PhaseTimer());
        var routes = generation.Routes(Downloads.None);
        Assert.True(routes.Count > 100, $"{routes.Count} routes");

        await using var shared = new PageRenderer();
        var first = new Dictionary<string, string>();
        foreach (var route in routes)
        {
            first[route.Path] = await Html(shared, route);
            await using var fresh = new PageRenderer();
            Assert.Equal(await Html(fresh, route), first[route.Path]);
        }
        // The same pages again, in reverse order, from the renderer that has written them all once.
        foreach (var route in routes.Reverse()) Assert.Equal(first[route.Path], await Html(shared, route));
        Assert.Contains("江東区", first["/koto/"], StringComparison.Ordinal);
    }

    private static async Task<string> Html(PageRenderer renderer, PageRoute route)
    {
        await using var writer = new StringWriter();
        await renderer.RenderAsync(route, writer);
        return writer.ToString();
    }
}
