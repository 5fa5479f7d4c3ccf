using DxCompare.Content;
using DxCompare.Server;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Server;

[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class LiveReloadTests(BuiltSite site)
{
    [Fact]
    public async Task Watch_server_adds_the_live_script_and_streams_the_validators_messages()
    {
        var live = new LiveReload(Path.Combine(Repository.Root, "theme"));
        var port = Ports.Free();
        await using var app = SiteServer.Create(site.Output, port, live);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var page = await http.GetStringAsync("/koto/");
        Assert.Contains($"<script src=\"{LiveReload.ScriptPath}\" data-events=\"{LiveReload.EventsPath}\" defer></script>", page);
        Assert.Contains("EventSource", await http.GetStringAsync(LiveReload.ScriptPath));

        using var stream = new StreamReader(await http.GetStreamAsync(LiveReload.EventsPath));
        Assert.Equal("event: ok", await stream.ReadLineAsync());
        await stream.ReadLineAsync();
        await stream.ReadLineAsync();
        live.ShowErrors([new Diagnostic("content/plans/koto.yml", 3, 9, "'code' 131084 has a wrong check digit")]);
        Assert.Equal("event: errors", await stream.ReadLineAsync());
        Assert.Contains("content/plans/koto.yml:3:9: \\u0027code\\u0027 131084 has a wrong check digit", await stream.ReadLineAsync());
        Assert.Equal(404, (int)(await http.GetAsync("/no-such-page/")).StatusCode);
    }
}
