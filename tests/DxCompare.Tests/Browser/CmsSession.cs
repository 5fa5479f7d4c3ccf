using System.Diagnostics;
using DxCompare.Build;
using DxCompare.Cms;
using DxCompare.Server;
using DxCompare.Tests.Support;
using Microsoft.Playwright;

namespace DxCompare.Tests.Browser;

/// <summary>
/// The CMS as an editor runs it, on a throw-away copy of the repository's content: the built site with /admin/,
/// decap-server in fs mode on a free port (the admin's config and CSP name that port), and Debian's chromium.
/// decap-server's root is the temporary folder, so no test can write into the working tree's content/.
/// </summary>
public sealed class CmsSession : IAsyncLifetime
{
    private Process? _decapServer;
    private Microsoft.AspNetCore.Builder.WebApplication? _server;
    private IPlaywright? _playwright;

    public string Repo { get; } = Path.Combine(Path.GetTempPath(), "dxcompare-cms-" + Guid.NewGuid().ToString("N")[..8]);
    public string Content => Path.Combine(Repo, "content");
    public string Output => Path.Combine(Repo, "output");
    public int DecapServerPort { get; } = Ports.Free();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public LiveReload Live { get; } = new(Path.Combine(Repository.Root, "theme"));

    public BuildOptions Options => new(Content, Path.Combine(Repository.Root, "theme"), Output, BuildOptions.DefaultBaseUrl)
    {
        DecapDist = Path.Combine(Repository.Root, "node_modules", "decap-cms", "dist"),
        Cms = new CmsOptions { LocalBackendPort = DecapServerPort },
    };

    public async Task InitializeAsync()
    {
        var decapServer = Path.Combine(Repository.Root, "node_modules", "decap-server", "dist", "index.js");
        Assert.True(File.Exists(decapServer), "decap-server is not installed: run `npm ci` (bash .ci/run does)");
        Assert.False(Path.GetFullPath(Repo).StartsWith(Repository.Root, StringComparison.Ordinal), "the CMS tests must not run inside the working tree");
        TempContent.CopyTree(Repository.ContentDirectory, Content);
        Assert.True((await SiteBuilder.BuildAsync(Options)).Succeeded);

        var start = new ProcessStartInfo("node", decapServer) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PORT"] = DecapServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_REPO_DIRECTORY"] = Repo;
        _decapServer = Process.Start(start)!;
        _decapServer.BeginOutputReadLine();
        _decapServer.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var info = await http.PostAsync($"http://localhost:{DecapServerPort}/api/v1", new StringContent("{\"action\":\"info\"}", System.Text.Encoding.UTF8, "application/json"));
                if (info.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
            }
            await Task.Delay(200);
        }

        var port = Ports.Free();
        _server = SiteServer.Create(Output, port, Live, DecapServerPort);
        await _server.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_decapServer is { HasExited: false }) _decapServer.Kill(entireProcessTree: true);
        _decapServer?.Dispose();
        try { Directory.Delete(Repo, recursive: true); } catch (IOException) { }
    }

    public string PlanFile(string slug) => Path.Combine(Content, "plans", slug + ".yml");

    /// <summary>A new page, logged in to the local backend, with page errors collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string hash = "")
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(BaseUrl + "/admin/");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.GetByText("計画").First.WaitForAsync();
        if (hash.Length > 0) await page.GotoAsync(BaseUrl + "/admin/" + hash);
        return (page, errors);
    }

    /// <summary>
    /// Opens the collapsed list item whose summary reads <paramref name="summary"/>: a level of the plan (目標1 …,
    /// 取組2 …: its summary is a button named so) or an item of Decap's own list (its toggle button has no
    /// accessible name, so it is found next to the summary).
    /// </summary>
    public static async Task ExpandAsync(IPage page, string summary)
    {
        var level = page.GetByRole(AriaRole.Button, new() { Name = summary, Exact = true }).Locator("visible=true");
        if (await level.CountAsync() > 0)
        {
            var toggle = level.First;
            if (await toggle.GetAttributeAsync("aria-expanded") != "true") await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            return;
        }
        var found = await page.EvaluateAsync<bool>("""
            (text) => {
              const label = [...document.querySelectorAll('[class*=NestedObjectLabel]')].find(e => e.textContent.trim() === text && e.offsetParent !== null);
              if (!label) return false;
              let node = label.parentElement;
              while (node && !node.querySelector('button')) node = node.parentElement;
              node.querySelector('button').click();
              return true;
            }
            """, summary);
        Assert.True(found, $"no collapsed item '{summary}' is visible");
    }

    /// <summary>Expands a collapsed object field (自治体, 計画期間) by its name in the model.</summary>
    public static async Task ExpandObjectAsync(IPage page, string field)
    {
        var button = page.Locator($"[id^=\"{field}-field-\"]").First.GetByRole(AriaRole.Button, new() { Name = "開く", Exact = true }).First;
        if (await button.IsVisibleAsync()) await button.ClickAsync();
    }

    /// <summary>The visible input of the fiscal-year grid for a cell such as 「令和6年度 基準値・現況」.</summary>
    public static ILocator Cell(IPage page, string label) => page.GetByLabel(label, new() { Exact = true }).Locator("visible=true").First;

    /// <summary>公開 → 公開する on an entry the rules must stop: nothing is written, and the Japanese message shows.</summary>
    /// <param name="notice">Decap's notice of the stopped save, checked at once: it closes itself after a few seconds.</param>
    public static async Task PublishIsBlockedAsync(IPage page, string file, string message, string? notice = null)
    {
        var before = File.ReadAllBytes(file);
        var stamp = File.GetLastWriteTimeUtc(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await page.GetByText("公開する", new() { Exact = true }).ClickAsync();
        if (notice is not null) await Assertions.Expect(page.GetByText(notice)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(message).First).ToBeVisibleAsync();
        await Task.Delay(1500);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    /// <summary>公開 → 公開する, then waits until decap-server has written the file.</summary>
    public static async Task PublishAsync(IPage page, string file)
    {
        var before = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : DateTime.MinValue;
        await page.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await page.GetByText("公開する", new() { Exact = true }).ClickAsync();
        for (var i = 0; i < 100 && (!File.Exists(file) || File.GetLastWriteTimeUtc(file) == before); i++) await Task.Delay(100);
        Assert.True(File.Exists(file) && File.GetLastWriteTimeUtc(file) != before, $"the CMS did not write {file}");
        // As an editor would: the next edit after Decap says the entry is saved (it reloads the entry after a save).
        await Assertions.Expect(page.GetByText("未変更", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 15000 });
    }
}
