using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public class SearchPageTests(BrowserFixture browser)
{
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + path);
        return page;
    }

    private static async Task<IReadOnlyList<string>> ResultTitlesAsync(IPage page) =>
        [.. (await page.Locator("#search-results li a").AllInnerTextsAsync()).Select(t => t.Replace("\n", " ").Trim())];

    [Fact]
    public async Task Typing_telework_finds_both_wards_then_filters_and_follows_a_result()
    {
        var page = await OpenAsync("/search/");
        await page.Locator("#search-q").PressSequentiallyAsync("テレワーク");
        await Expect(page.Locator("#search-status")).ToContainTextAsync("「テレワーク」: ");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();

        var titles = await ResultTitlesAsync(page);
        Assert.Equal("台東区 取組31 テレワーク、フリーアドレスの推進", titles[0]);
        Assert.Contains("江東区 取組7 効率的な職場環境の整備", titles.Take(3));
        Assert.Equal("テレワーク", await page.Locator("#search-results li").First.Locator("mark").First.InnerTextAsync());
        Assert.Contains("q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF", await page.EvaluateAsync<string>("location.search"));
        Assert.StartsWith("江東区（", await page.Locator("#search-m option[value=koto]").InnerTextAsync());

        await page.SelectOptionAsync("#search-m", "koto");
        await Expect(page.Locator("#search-results li a", new() { HasText = "台東区" })).ToHaveCountAsync(0);
        titles = await ResultTitlesAsync(page);
        Assert.All(titles, t => Assert.StartsWith("江東区", t));
        Assert.Contains("m=koto", await page.EvaluateAsync<string>("location.search"));

        await page.Locator("#search-results li a").First.FocusAsync();
        var opened = page.WaitForURLAsync("**/koto/initiatives/7/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Keyboard.PressAsync("Enter");
        await opened;
        Assert.Contains("効率的な職場環境の整備", await page.Locator("h1").InnerTextAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_shared_search_url_restores_query_and_facets()
    {
        var page = await OpenAsync("/search/?q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF&m=koto");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal("テレワーク", await page.InputValueAsync("#search-q"));
        Assert.Equal("koto", await page.InputValueAsync("#search-m"));
        Assert.All(await ResultTitlesAsync(page), t => Assert.StartsWith("江東区", t));
        await page.CloseAsync();
    }

    [Fact]
    public async Task New_only_and_pillar_filters_narrow_the_results_and_every_filter_shows_counts()
    {
        var page = await OpenAsync("/search/?q=%E3%82%AA%E3%83%B3%E3%83%A9%E3%82%A4%E3%83%B3&n=1");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.True(await page.IsCheckedAsync("#search-n"));
        Assert.All(await ResultTitlesAsync(page), t => Assert.Contains(" 新規 ", t));
        Assert.Matches(@"^台東区（[1-9][0-9]*件）$", await page.Locator("#search-m option[value=taito]").InnerTextAsync());
        Assert.Matches(@"（[0-9]+件）$", await page.Locator("#search-t option[value=online-procedures]").InnerTextAsync());

        await page.Locator("#search-n").UncheckAsync();
        await page.SelectOptionAsync("#search-p", "koto-1");
        await Expect(page.Locator("#search-results li a", new() { HasText = "台東区" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#search-results li a").First).ToContainTextAsync("江東区");
        Assert.All(await ResultTitlesAsync(page), t => Assert.StartsWith("江東区", t));
        Assert.Contains("p=koto-1", await page.EvaluateAsync<string>("location.search"));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("*", "検索できる語が含まれていません")]
    [InlineData("\"", "検索できる語が含まれていません")]
    [InlineData("AND", "該当する取組は見つかりませんでした")]
    [InlineData("ぬぬぬぬ", "該当する取組は見つかりませんでした")]
    public async Task Bad_input_gets_a_message_not_an_error(string query, string message)
    {
        var page = await OpenAsync("/search/");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.FillAsync("#search-q", query);
        await Expect(page.Locator("#search-status")).Not.ToBeEmptyAsync();
        Assert.Contains(message, await page.InnerTextAsync("#search-status"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Nothing_found_offers_topics_and_a_very_long_query_returns_promptly()
    {
        var page = await OpenAsync("/search/");
        await page.FillAsync("#search-q", "ぬぬぬぬ");
        await Expect(page.Locator("#search-suggestions")).ToBeVisibleAsync();
        Assert.True(await page.IsVisibleAsync("#search-suggestions a[href='/topics/online-procedures/']"));

        await page.Locator("#search-q").EvaluateAsync("q => q.removeAttribute('maxlength')");
        await page.FillAsync("#search-q", new string('テ', 10_000));
        await Expect(page.Locator("#search-status")).ToContainTextAsync("「テテテ", new() { Timeout = 5000 });
        await page.CloseAsync();
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync("#search-status"), @"」: ([0-9]+)件").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task More_shows_the_next_twenty_until_every_result_is_listed_and_moves_focus_to_the_first_new_one()
    {
        var page = await OpenAsync("/search/?q=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB"); // デジタル
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        var total = await TotalAsync(page);
        Assert.True(total > 2 * DxCompare.Search.SearchSettings.PageSize, $"デジタル finds {total}: the test needs more than two pages");
        await Expect(page.Locator("#search-results li")).ToHaveCountAsync(20);
        await Expect(page.Locator("#search-status")).ToContainTextAsync($"「デジタル」: {total}件（20件を表示）");
        await Expect(page.Locator("#search-more")).ToBeVisibleAsync();

        await page.ClickAsync("#search-more");
        await Expect(page.Locator("#search-results li")).ToHaveCountAsync(40);
        await Expect(page.Locator("#search-status")).ToContainTextAsync($"{total}件（40件を表示）");
        Assert.Equal(await page.Locator("#search-results li").Nth(20).Locator("a").GetAttributeAsync("href"),
            await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));

        for (var shown = 40; shown < total; shown = Math.Min(total, shown + 20))
        {
            await page.ClickAsync("#search-more");
            await Expect(page.Locator("#search-results li")).ToHaveCountAsync(Math.Min(total, shown + 20));
        }
        await Expect(page.Locator("#search-more")).ToBeHiddenAsync();
        await Expect(page.Locator("#search-status")).Not.ToContainTextAsync("件を表示");
        var hrefs = await page.Locator("#search-results li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(total, hrefs.Distinct().Count());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Filter_options_that_would_show_nothing_are_disabled_and_the_title_names_the_query()
    {
        var page = await OpenAsync("/search/");
        var siteTitle = await page.TitleAsync();
        await page.FillAsync("#search-q", "テレワーク");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("「テレワーク」の検索結果 | " + siteTitle);

        // Every topic option says how many results it would give; those with none cannot be chosen.
        var options = await page.Locator("#search-t option:not([value=''])").EvaluateAllAsync<OptionState[]>(
            "os => os.map(o => ({ text: o.textContent, disabled: o.disabled }))");
        Assert.Contains(options, o => o.Disabled);
        Assert.Contains(options, o => !o.Disabled);
        Assert.All(options, o => Assert.Equal(o.Text.EndsWith("（0件）", StringComparison.Ordinal), o.Disabled));
        Assert.False(await page.IsDisabledAsync("#search-t option[value=telework-workstyle]"));
        // No テレワーク initiative is 新規, so "new only" would show nothing.
        Assert.True(await page.IsDisabledAsync("#search-n"));

        await page.FillAsync("#search-q", "");
        await Expect(page).ToHaveTitleAsync(siteTitle);
        Assert.False(await page.IsDisabledAsync("#search-n"));
        await page.CloseAsync();
    }

    public sealed class OptionState
    {
        public string Text { get; set; } = "";
        public bool Disabled { get; set; }
    }

    [Fact]
    public async Task Without_javascript_the_page_says_how_to_find_initiatives_instead_of_showing_dead_controls()
    {
        var context = await browser.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/search/?q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF");
        Assert.Contains("JavaScriptが必要です", await page.InnerTextAsync("main"));
        Assert.True(await page.IsVisibleAsync("main a[href='/topics/']"));
        Assert.False(await page.IsVisibleAsync("#search-q"));
        Assert.False(await page.IsVisibleAsync("#search-m"));
        Assert.False(await page.IsVisibleAsync("#search-more"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Header_search_box_leads_to_results_without_a_mouse()
    {
        var page = await OpenAsync("/koto/");
        await page.FocusAsync("#site-search");
        await page.Keyboard.TypeAsync("生成AI");
        // Listening before the key is pressed, and only until the document is parsed (the results are awaited below).
        var opened = page.WaitForURLAsync("**/search/?q=*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Keyboard.PressAsync("Enter");
        await opened;
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal("台東区 取組26 生成AIの活用促進", (await ResultTitlesAsync(page))[0]);
        await page.CloseAsync();
    }
}
