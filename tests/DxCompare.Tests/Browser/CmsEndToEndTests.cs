using System.Diagnostics;
using DxCompare.Build;
using DxCompare.Content;
using DxCompare.Search;
using DxCompare.Server;
using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

/// <summary>
/// An editor adds 港区 through Decap CMS at /admin/ with decap-server in fs mode on a copy of the
/// repository; the saved YAML validates and the next build shows the plan, its topic column and
/// its initiative in search.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class CmsEndToEndTests : IAsyncLifetime
{
    private const int DecapServerPort = 8081; // the port Decap's local_backend looks for
    private readonly string _repo = Path.Combine(Path.GetTempPath(), "dxcompare-cms-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _decapServer;
    private Microsoft.AspNetCore.Builder.WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    private string Content => Path.Combine(_repo, "content");
    private string Output => Path.Combine(_repo, "output");

    private BuildOptions Options => new(Content, Path.Combine(Repository.Root, "theme"), Output, BuildOptions.DefaultBaseUrl)
    {
        DecapDist = Path.Combine(Repository.Root, "node_modules", "decap-cms", "dist"),
    };

    public async Task InitializeAsync()
    {
        var decapServer = Path.Combine(Repository.Root, "node_modules", "decap-server", "dist", "index.js");
        Assert.True(File.Exists(decapServer), "decap-server is not installed: run `npm ci` (bash .ci/run does)");
        TempContent.CopyTree(Repository.ContentDirectory, Content);
        Assert.True((await SiteBuilder.BuildAsync(Options)).Succeeded);

        var start = new ProcessStartInfo("node", decapServer) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PORT"] = DecapServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_REPO_DIRECTORY"] = _repo;
        _decapServer = Process.Start(start)!;
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var info = await http.PostAsync($"http://localhost:{DecapServerPort}/api/v1", new StringContent("{\"action\":\"info\"}", System.Text.Encoding.UTF8, "application/json"));
                if (info.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
            }
            await Task.Delay(200);
        }

        var port = Ports.Free();
        _server = SiteServer.Create(Output, port);
        await _server.StartAsync();
        _baseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_decapServer is { HasExited: false }) _decapServer.Kill(entireProcessTree: true);
        try { Directory.Delete(_repo, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Editor_adds_a_municipality_through_the_cms_and_the_next_build_shows_it()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(_baseUrl + "/admin/");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Expect(page.GetByText("計画").First).ToBeVisibleAsync();
        await page.GotoAsync(_baseUrl + "/admin/#/collections/plans/new");
        await page.GetByLabel("計画名").WaitForAsync();

        async Task Expand(string field)
        {
            var button = page.Locator($"[id^=\"{field}-field-\"]").First.GetByRole(AriaRole.Button, new() { Name = "Expand", Exact = true }).First;
            if (await button.IsVisibleAsync()) await button.ClickAsync();
        }
        await Expand("municipality");
        await Expand("period");
        await Expand("labels");
        await page.GetByLabel("全国地方公共団体コード").FillAsync("131032");
        await page.GetByLabel("自治体名").FillAsync("港区");
        await page.GetByLabel("都道府県").FillAsync("東京都");
        await page.GetByLabel("URLスラッグ").FillAsync("minato");
        await page.GetByLabel("計画名").FillAsync("港区DX推進計画");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add 基本理念・目指す姿など") }).ClickAsync();
        await page.GetByLabel("呼び方", new() { Exact = true }).FillAsync("基本理念");
        await page.GetByLabel("内容", new() { Exact = true }).FillAsync("誰もがデジタルの恩恵を受けられる港区");
        await page.GetByLabel("開始年度(西暦)").FillAsync("2026");
        await page.GetByLabel("終了年度(西暦)").FillAsync("2028");
        await page.GetByLabel("策定・公表").FillAsync("2026-03");
        await page.GetByLabel("柱の呼び方").FillAsync("目標");
        await page.GetByLabel("取組の呼び方").FillAsync("取組");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add 柱") }).ClickAsync();
        await page.GetByLabel("番号", new() { Exact = true }).Last.FillAsync("1");
        await page.GetByLabel("名称").Last.FillAsync("便利な区役所");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add 取組\\(施策") }).ClickAsync();
        await page.GetByLabel("番号", new() { Exact = true }).Last.FillAsync("1");
        await page.GetByLabel("名称").Last.FillAsync("電子申請の拡大");

        await page.Locator("[id^=\"topics-field-\"]").Last.ClickAsync();
        await page.Keyboard.TypeAsync("オンライン");
        await page.GetByText("オンライン手続", new() { Exact = true }).Last.ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add 指標・事業計画") }).ClickAsync();
        await page.GetByLabel("指標名").Last.FillAsync("電子申請できる手続の割合");
        await page.Locator("[id^=\"kind-field-\"]").Last.ClickAsync();
        await page.GetByText("事業計画", new() { Exact = true }).Last.ClickAsync();
        // Units, like status words and qualifiers, come from content/vocabulary.yml.
        await page.Locator("[id^=\"unit-field-\"]").Last.ClickAsync();
        await page.Keyboard.TypeAsync("%");
        await page.GetByText("%", new() { Exact = true }).Last.ClickAsync();
        // The fiscal-year grid from theme/admin/cms-plugin.js, bounded to the plan period.
        await page.GetByLabel("令和8年度 目標値").FillAsync("130");
        await Expect(page.Locator(".dx-fy-errors")).ToContainTextAsync("130% は0〜100の範囲外です");
        await page.GetByLabel("令和8年度 目標値").FillAsync("30");
        await page.GetByLabel("令和9年度 目標値").FillAsync("推進");
        await Expect(page.Locator(".dx-fy-errors")).ToHaveCountAsync(0);
        // The preview renders the plan as the site does.
        await Expect(page.Locator("iframe").First.ContentFrame.Locator("h2")).ToContainTextAsync("目標1 便利な区役所");

        await page.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await page.GetByText("公開する", new() { Exact = true }).ClickAsync();
        var saved = Path.Combine(Content, "plans", "minato.yml");
        for (var i = 0; i < 50 && !File.Exists(saved); i++) await Task.Delay(200);
        Assert.True(File.Exists(saved), "the CMS did not write content/plans/minato.yml");
        Assert.Empty(errors);

        // What the editor's save produced: the plan as entered, without empty fields Decap would leave.
        var yaml = await File.ReadAllTextAsync(saved);
        Assert.Contains("code: \"131032\"", yaml);
        Assert.DoesNotContain("\"\"", yaml);
        var loaded = ContentLoader.Load(Content);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var minato = loaded.Content!.Plans.Single(p => p.Municipality.Slug == "minato");
        var initiative = minato.Pillars.Single().Initiatives.Single();
        Assert.Equal("電子申請の拡大", initiative.Title);
        Assert.Equal(["online-procedures"], initiative.Topics);
        var values = initiative.Indicators.Single().Values;
        Assert.Equal([(2026, (decimal?)30m, (string?)null), (2027, null, "推進")], values.Select(v => (v.Fy, v.Value, v.Status)));
        // Nothing else was touched: the other municipalities' files are byte for byte as before.
        foreach (var other in new[] { "taito.yml", "koto.yml" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.ContentDirectory, "plans", other)), File.ReadAllBytes(Path.Combine(Content, "plans", other)));

        // The next build: the plan's page, its column on the topic comparison, its initiative in search.
        Assert.True((await SiteBuilder.BuildAsync(Options)).Succeeded);
        Assert.Contains("港区DX推進計画", await File.ReadAllTextAsync(Path.Combine(Output, "minato", "index.html")));
        Assert.Contains("<h2 id=\"m-minato\"><a href=\"/minato/\">港区</a>", await File.ReadAllTextAsync(Path.Combine(Output, "topics", "online-procedures", "index.html")));
        using var search = new SearchIndex(loaded.Content);
        Assert.Equal("/minato/initiatives/1/", search.Search("電子申請", new SearchFilters(Municipality: "minato")).Hits[0].Document.Entry.Url);
    }
}
