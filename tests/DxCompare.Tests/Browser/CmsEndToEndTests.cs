using DxCompare.Build;
using DxCompare.Content;
using DxCompare.Search;
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
public sealed class CmsEndToEndTests(CmsSession cms) : IClassFixture<CmsSession>
{
    private string Content => cms.Content;
    private string Output => cms.Output;
    private BuildOptions Options => cms.Options;

    [Fact]
    public async Task Editor_adds_a_municipality_through_the_cms_and_the_next_build_shows_it()
    {
        var (page, errors) = await cms.OpenAsync("#/collections/plans/new");
        await page.GetByLabel("計画名").WaitForAsync();

        // Decap's English fallbacks are replaced by Japanese (theme/admin/cms-plugin.js).
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^(Add|Expand|Collapse)\\b") })).ToHaveCountAsync(0);
        await Expect(page.GetByText("未変更", new() { Exact = true })).ToBeVisibleAsync();
        await CmsSession.ExpandObjectAsync(page, "municipality");
        await CmsSession.ExpandObjectAsync(page, "period");
        await CmsSession.ExpandObjectAsync(page, "labels");
        await page.GetByLabel("全国地方公共団体コード").FillAsync("131032");
        await page.GetByLabel("自治体名").FillAsync("港区");
        await page.GetByLabel("都道府県").FillAsync("東京都");
        await page.GetByLabel("URLスラッグ").FillAsync("minato");
        await page.GetByLabel("計画名").FillAsync("港区DX推進計画");
        await page.GetByRole(AriaRole.Button, new() { Name = "基本理念・目指す姿などを追加", Exact = true }).ClickAsync();
        await page.GetByLabel("呼び方", new() { Exact = true }).FillAsync("基本理念");
        await page.GetByLabel("内容", new() { Exact = true }).FillAsync("誰もがデジタルの恩恵を受けられる港区");
        await page.GetByLabel("開始年度(西暦)").FillAsync("2026");
        await page.GetByLabel("終了年度(西暦)").FillAsync("2028");
        await page.GetByLabel("策定・公表").FillAsync("2026-03");
        await page.GetByLabel("柱の呼び方").FillAsync("目標");
        await page.GetByLabel("取組の呼び方").FillAsync("取組");

        // The form takes the plan's own words for its levels as they are typed; without a 施策 level it has no 施策 list.
        await page.GetByRole(AriaRole.Button, new() { Name = "目標を追加", Exact = true }).ClickAsync();
        await page.GetByLabel("番号", new() { Exact = true }).Last.FillAsync("1");
        await page.GetByLabel("名称").Last.FillAsync("便利な区役所");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "目標1 便利な区役所", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^施策") })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "取組を追加", Exact = true }).ClickAsync();
        await page.GetByLabel("番号", new() { Exact = true }).Last.FillAsync("1");
        await page.GetByLabel("名称").Last.FillAsync("電子申請の拡大");

        await page.Locator("[id^=\"topics-field-\"]").Last.ClickAsync();
        await page.Keyboard.TypeAsync("オンライン");
        await page.GetByText("オンライン手続", new() { Exact = true }).Last.ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^指標・事業計画を追加$") }).ClickAsync();
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

        var saved = cms.PlanFile("minato");
        await CmsSession.PublishAsync(page, saved);
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
