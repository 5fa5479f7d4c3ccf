using DxCompare.Server;
using DxCompare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace DxCompare.Tests.Browser;

/// <summary>The built site served on loopback and Debian's chromium driven by Playwright (no downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly BuiltSite _site = new();
    private WebApplication? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The folder the served site was built into.</summary>
    public string Output => _site.Output;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        _server = SiteServer.Create(_site.Output, port);
        await _server.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        _site.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
