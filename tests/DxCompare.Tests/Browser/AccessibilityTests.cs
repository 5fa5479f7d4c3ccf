using Deque.AxeCore.Playwright;

using DxCompare.Tests.Support;

namespace DxCompare.Tests.Browser;

/// <summary>axe-core on every page type (WCAG 2.1 AA rules) in Debian's chromium, plus keyboard use.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    /// <summary>One page of each type.</summary>
    public static readonly string[] Paths =
    [
        "/", "/taito/", "/koto/", "/taito/initiatives/1/", "/koto/initiatives/7/", "/topics/", "/topics/online-procedures/",
        "/indicators/", "/indicators/online-procedure-rate/", "/indicators/generative-ai-usage/", "/compare/", "/about/", "/data/", "/404.html", "/search/?q=テレワーク",
    ];

    public static TheoryData<string> PageTypes() => [.. Paths];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Page_has_no_axe_violations(string path)
    {
        var page = await browser.Browser.NewPageAsync();
        try
        {
            await page.GotoAsync(browser.BaseUrl + path);
            if (path.StartsWith("/search/", StringComparison.Ordinal))
                await Microsoft.Playwright.Assertions.Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
            var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
            {
                RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            Assert.True(result.Violations.Length == 0,
                string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Keyboard_user_can_skip_to_content_and_pick_municipalities_kept_in_the_url()
    {
        var page = await browser.Browser.NewPageAsync();
        try
        {
            await page.GotoAsync(browser.BaseUrl + "/topics/telework-workstyle/");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("本文へ移動", await page.EvaluateAsync<string>("document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");

            await page.FocusAsync("input[name=m][value=koto]");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await page.IsCheckedAsync("input[name=m][value=taito]"));
            Assert.False(await page.IsCheckedAsync("input[name=m][value=koto]"));
            Assert.EndsWith("/topics/telework-workstyle/?m=taito", await page.EvaluateAsync<string>("location.href"));
            Assert.False(await page.IsVisibleAsync("section[data-municipality=koto]"));
            Assert.True(await page.IsVisibleAsync("section[data-municipality=taito]"));

            await page.GotoAsync(browser.BaseUrl + "/topics/telework-workstyle/?m=koto");
            Assert.False(await page.IsVisibleAsync("section[data-municipality=taito]"));
            Assert.StartsWith("江東区", (await page.InnerTextAsync("section[data-municipality=koto] h2")).Trim());
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
