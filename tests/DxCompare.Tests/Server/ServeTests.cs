using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DxCompare.Build;
using DxCompare.Server;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Server;

/// <summary>Issue 15: serve routes normalized paths, sends the production headers on every response, and starts and stops cleanly.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class ServeTests(BuiltSite site)
{
    [Theory]
    [InlineData("//koto/", "/koto/", "site")]
    [InlineData("//", "/", "site")]
    [InlineData("/koto//initiatives//1/", "/koto/initiatives/1/", "site")]
    [InlineData("//admin/", "/admin/", "admin")]
    public async Task Repeated_slashes_serve_the_page_with_its_own_headers(string requested, string canonical, string part)
    {
        var csp = part == "admin" ? HeaderRules.AdminCsp() : HeaderRules.SiteCsp;
        await using var server = await Server.StartAsync(site.Output);
        var response = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1:" + server.Port + requested)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await server.Http.GetStringAsync(canonical), await response.Content.ReadAsStringAsync());
        Assert.Equal(csp, Header(response, "Content-Security-Policy"));
        AssertProductionHeaders(response, canonical);
    }

    [Theory]
    [InlineData("/no-such-folder/page/")]
    [InlineData("/koto/initiatives/999/")]
    [InlineData("/_headers")]
    public async Task A_404_carries_the_production_headers_and_the_404_page(string path)
    {
        await using var server = await Server.StartAsync(site.Output);
        var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HeaderRules.SiteCsp, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync());
        AssertProductionHeaders(response, path);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/koto/")]
    [InlineData("DELETE", "/admin/")]
    [InlineData("OPTIONS", "/no-such-page/")]
    public async Task Other_methods_get_405_with_the_allowed_ones(string method, string path)
    {
        await using var server = await Server.StartAsync(site.Output);
        var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
        AssertProductionHeaders(response, path);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/koto/initiatives/1/")]
    [InlineData("/assets/site.css")]
    [InlineData("/data/plans.json")]
    [InlineData("/data/initiatives.csv")]
    [InlineData("/admin/")]
    [InlineData("/admin/config.yml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/search/index/meta.json")]
    public void Serve_and_the_generated_netlify_headers_agree(string path)
    {
        // What Netlify sends: every rule of _headers that matches, merged (the rules never set a header twice).
        var netlify = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in HeaderRules.Parse(File.ReadAllText(Path.Combine(site.Output, HeaderRules.FileName))).Where(r => r.Matches(path)))
            foreach (var (name, value) in rule.Headers) Assert.True(netlify.TryAdd(name, value), $"{name} is set twice for {path}");
        Assert.Equal(HeaderRules.ForPath(path).OrderBy(h => h.Key), netlify.OrderBy(h => h.Key));
    }

    [Fact]
    public void Netlify_toml_sets_no_headers_of_its_own()
    {
        Assert.DoesNotContain("[[headers]]", File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml")));
    }

    [Fact]
    public async Task A_port_in_use_is_a_message_not_a_stack_trace()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SiteServer.RunAsync(SiteServer.Create(site.Output, port), port, "serving", CancellationToken.None, output, error);
        Assert.Equal(1, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"port {port} is already in use (another `serve`?). Stop the other server, or pass another port: --port {port + 1}.\n", error.ToString());
    }

    [Fact]
    public async Task Ctrl_C_stops_a_fresh_watch_server_with_broken_content_within_a_second_while_a_tab_listens()
    {
        using var content = new TempContent(copyRealContent: true);
        content.Edit("plans/koto.yml", "end: 2029", "end: 20x9");
        var port = Ports.Free();
        using var serve = CliProcess.Start(["serve", "--watch", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--content", content.Directory,
            "--output", Path.Combine(content.Sandbox, "never-built"), "--theme", Path.Combine(Repository.Root, "theme")]);
        await serve.WaitForLineAsync("serving ", TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(LiveReload.ScriptPath, await page.Content.ReadAsStringAsync());
        using var events = new StreamReader(await http.GetStreamAsync(LiveReload.EventsPath));
        Assert.Equal("event: errors", await events.ReadLineAsync());
        // The overlay speaks to editors: the located problem, in Japanese.
        var problem = System.Text.RegularExpressions.Regex.Unescape(await events.ReadLineAsync() ?? "");
        Assert.Contains("plans/koto.yml:18:8: 「終了年度", problem);
        Assert.Contains("(end)には西暦の年度(例: 2026)を書きます(「20x9」が書かれています)", problem);

        var clock = Stopwatch.StartNew();
        serve.Interrupt();
        Assert.True(serve.Process.WaitForExit(TimeSpan.FromSeconds(3)), $"serve did not stop:\n{serve.Output}\n{serve.Errors}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"serve took {clock.Elapsed.TotalSeconds:0.0} s to stop");
        Assert.Equal(0, serve.Process.ExitCode);
        Assert.DoesNotContain("Exception", serve.Errors);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    /// <summary>Every header production sends for the path (Content-Type is the server's to choose for a 404 or 405).</summary>
    private static void AssertProductionHeaders(HttpResponseMessage response, string path)
    {
        foreach (var (name, value) in HeaderRules.ForPath(path).Where(h => h.Key != "Content-Type"))
            Assert.Equal((name, value), (name, Header(response, name)));
    }

    private sealed class Server : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

        private Server(Microsoft.AspNetCore.Builder.WebApplication app, int port)
        {
            _app = app;
            Port = port;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }

        public int Port { get; }
        public HttpClient Http { get; }

        public static async Task<Server> StartAsync(string root)
        {
            var port = Ports.Free();
            var app = SiteServer.Create(root, port);
            await app.StartAsync();
            return new Server(app, port);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.DisposeAsync();
        }
    }
}
