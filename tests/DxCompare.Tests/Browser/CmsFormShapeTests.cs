using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

/// <summary>
/// The form is shaped like each plan, in Japanese (issue 13): only the levels the plan uses, named with its own
/// words as they are typed; a collapsed item that holds a problem says so in its summary; an item nobody opened
/// is still checked before anything is written; no English phrase of Decap is left on the editor's pages.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class CmsFormShapeTests(CmsSession cms) : IClassFixture<CmsSession>
{
    private static string Original(string slug) => File.ReadAllText(Path.Combine(Repository.ContentDirectory, "plans", slug + ".yml"));

    private async Task<IPage> OpenAsync(string slug)
    {
        File.WriteAllText(cms.PlanFile(slug), Original(slug));
        var (page, _) = await cms.OpenAsync($"#/collections/plans/entries/{slug}");
        await Expect(page.GetByLabel("計画名", new() { Exact = true })).Not.ToHaveValueAsync("", new() { Timeout = 30_000 });
        return page;
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Heading(IPage page, string name) => page.Locator(".dx-level-heading").Locator("visible=true").Filter(new() { HasTextRegex = new($"^{name}\\d+件$") });

    [Fact]
    public async Task Koto_has_its_viewpoints_and_initiatives_and_no_policy_list()
    {
        var page = await OpenAsync("koto");
        await Expect(Heading(page, "視点")).ToHaveCountAsync(1);
        await Expect(Button(page, "視点を追加")).ToBeVisibleAsync();
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await Expect(Heading(page, "取組")).ToHaveCountAsync(1);
        await Expect(Button(page, "取組を追加")).ToBeVisibleAsync();
        await Expect(Button(page, "取組2 効果的な情報発信・収集")).ToBeVisibleAsync();
        await Expect(page.Locator(".dx-level-heading").Filter(new() { HasText = "施策" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("施策") })).ToHaveCountAsync(0);

        // The words follow the draft's labels as they are typed.
        await CmsSession.ExpandObjectAsync(page, "labels");
        await page.GetByLabel("柱の呼び方").FillAsync("重点");
        await Expect(Button(page, "重点を追加")).ToBeVisibleAsync();
        await Expect(Button(page, "重点1 区民にやさしい")).ToBeVisibleAsync();
        await Expect(Heading(page, "重点")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Taito_has_its_goals_policies_and_initiatives()
    {
        var page = await OpenAsync("taito");
        await Expect(Button(page, "目標を追加")).ToBeVisibleAsync();
        await CmsSession.ExpandAsync(page, "目標1 便利で快適な行政サービスの提供");
        await Expect(Button(page, "施策を追加")).ToBeVisibleAsync();
        await CmsSession.ExpandAsync(page, "施策1 行政手続き等のオンライン化によるサービス向上");
        await Expect(Button(page, "取組を追加")).ToBeVisibleAsync();
        await Expect(Button(page, "取組1 行政手続きのオンライン化")).ToBeVisibleAsync();
        // Taito's pillars hold policies, so the list for a pillar's own initiatives is not shown.
        await Expect(Heading(page, "取組")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_problem_inside_a_collapsed_item_shows_in_its_summary()
    {
        var page = await OpenKotoWithShorterPeriodAsync();
        // Koto's indicators run to 令和11年度; nothing is opened, the viewpoints' summaries say what is wrong inside.
        var first = page.Locator(".dx-level-item").Filter(new() { Has = Button(page, "視点1 区民にやさしい") });
        const string message = "「オンラインで申請できる手続の割合」の 令和10年度(2028年度)は計画期間 令和7〜9年度（2025〜2027年度） の外です。";
        await Expect(first.Locator(".dx-level-problems")).ToContainTextAsync(message);
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), "保存できません: " + message);
        await page.CloseAsync();
    }

    private async Task<IPage> OpenKotoWithShorterPeriodAsync()
    {
        var page = await OpenAsync("koto");
        await CmsSession.ExpandObjectAsync(page, "period");
        await page.Locator("[id^=\"end-field-\"]").First.FillAsync("2027");
        return page;
    }

    [Fact]
    public async Task An_emptied_required_field_in_a_closed_item_stops_the_save_and_says_where()
    {
        var page = await OpenAsync("koto");
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await CmsSession.ExpandAsync(page, "取組2 効果的な情報発信・収集");
        var title = page.Locator("[id^=\"title-field-\"]").Locator("visible=true").Nth(2); // plan, viewpoint 1, initiative 2
        await Expect(title).ToHaveValueAsync("効果的な情報発信・収集");
        await title.FillAsync("");
        await Button(page, "取組2").ClickAsync(); // closed: its form is no longer mounted
        await Expect(Button(page, "取組2")).ToHaveAttributeAsync("aria-expanded", "false");
        const string message = "視点1 区民にやさしい › 取組2 › 名称は必須です。";
        var item = page.Locator(".dx-level-item").Filter(new() { Has = Button(page, "取組2") }).Last;
        await Expect(item.Locator(".dx-level-problems")).ToContainTextAsync(message);
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), message);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Moving_an_initiative_up_moves_its_lines_and_nothing_else()
    {
        var page = await OpenAsync("koto");
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await Button(page, "取組2 効果的な情報発信・収集を上へ移動").ClickAsync();
        await Expect(page.Locator(".dx-level-summary").Nth(1)).ToHaveTextAsync("取組2 効果的な情報発信・収集");
        await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
        var saved = File.ReadAllText(cms.PlanFile("koto"));
        Assert.NotEqual(Original("koto"), saved);
        Assert.Equal(Original("koto").Split('\n').Order(StringComparer.Ordinal), saved.Split('\n').Order(StringComparer.Ordinal));
        var loaded = DxCompare.Content.ContentLoader.Load(cms.Content);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal([2, 1, 3], loaded.Content!.Plans.Single(p => p.Municipality.Slug == "koto").Pillars[0].Initiatives.Take(3).Select(i => i.Number));
        File.WriteAllText(cms.PlanFile("koto"), Original("koto"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task No_english_phrase_of_decap_is_left_on_the_editors_pages()
    {
        var (page, _) = await cms.OpenAsync("#/collections/plans");
        await Expect(page.GetByText("江東区 江東区DX推進計画").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var found = new List<string>(await EnglishAsync(page));
        page = await OpenAsync("taito");
        await CmsSession.ExpandAsync(page, "目標1 便利で快適な行政サービスの提供");
        await CmsSession.ExpandAsync(page, "施策1 行政手続き等のオンライン化によるサービス向上");
        await CmsSession.ExpandAsync(page, "取組1 行政手続きのオンライン化");
        found.AddRange(await EnglishAsync(page));
        await page.GotoAsync(cms.BaseUrl + "/admin/#/collections/plans/new");
        await page.GetByLabel("計画名").WaitForAsync();
        found.AddRange(await EnglishAsync(page));
        Assert.Empty(found);
    }

    /// <summary>Decap's English phrases (its en locale, without placeholders) found in the page's text, labels, titles and placeholders.</summary>
    private static async Task<string[]> EnglishAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const flat = (o, out) => { for (const v of Object.values(o)) { if (v && typeof v === 'object') flat(v, out); else out.push(String(v)); } return out; };
          const phrases = [...new Set(flat(window.CMS.getLocale('en'), []).flatMap(p => p.split(/%\{\w+\}/)).map(p => p.trim()).filter(p => /[A-Za-z]{3,}/.test(p)))];
          const texts = document.body.innerText.split('\n').concat([...document.querySelectorAll('[aria-label],[title],[placeholder]')]
            .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')]).filter(Boolean));
          return phrases.filter(p => texts.some(t => t.includes(p))).map(p => location.hash + ': ' + p);
        }
        """);
}
