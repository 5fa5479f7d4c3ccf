using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

/// <summary>
/// The validator's rules stop 公開する in the real Decap UI with the Japanese message at the field, evaluated on
/// the draft as edited, and nothing is written (issue 13).
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class CmsValidationTests(CmsSession cms) : IClassFixture<CmsSession>
{
    private async Task<IPage> OpenKotoAsync()
    {
        File.Copy(Path.Combine(Repository.ContentDirectory, "plans", "koto.yml"), cms.PlanFile("koto"), overwrite: true);
        var (page, _) = await cms.OpenAsync("#/collections/plans/entries/koto");
        await Expect(page.GetByLabel("計画名", new() { Exact = true })).ToHaveValueAsync("江東区DX推進計画", new() { Timeout = 30_000 });
        return page;
    }

    private static async Task<ILocator> OnlineRateGridAsync(IPage page)
    {
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await CmsSession.ExpandAsync(page, "オンラインで申請できる手続の割合");
        return page.Locator(".dx-fy-errors").Locator("visible=true");
    }

    [Fact]
    public async Task A_percentage_over_100_is_stopped_at_its_grid()
    {
        var page = await OpenKotoAsync();
        var errors = await OnlineRateGridAsync(page);
        await CmsSession.Cell(page, "令和8年度 目標値").FillAsync("150");
        const string message = "150% は0〜100の範囲外です(「オンラインで申請できる手続の割合」)。値か単位を確かめてください。";
        await Expect(errors).ToContainTextAsync(message);
        // Checked at the grid as the save is stopped: Decap's own notice, and the reason in red at the grid.
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), message, notice: "入力に問題があります。");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Values_outside_an_edited_period_are_flagged_and_the_flag_goes_when_the_period_is_restored()
    {
        var page = await OpenKotoAsync();
        await CmsSession.ExpandObjectAsync(page, "period");
        var end = page.Locator("[id^=\"end-field-\"]").First;
        await end.FillAsync("2027");
        var errors = await OnlineRateGridAsync(page);
        await Expect(errors).ToContainTextAsync("令和10年度(2028年度)は計画期間 令和7〜9年度（2025〜2027年度） の外です。");
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), "令和11年度(2029年度)は計画期間 令和7〜9年度（2025〜2027年度） の外です。");
        await end.FillAsync("2029");
        await Expect(errors).ToHaveCountAsync(0);
        await page.CloseAsync();
    }

    /// <summary>
    /// serve --watch rewrites /admin/ when a topic, metric or word is added, and never reloads the editor's page:
    /// the rules take the lists the site has at the moment of saving.
    /// </summary>
    [Fact]
    public async Task The_rules_read_the_sites_current_lists_when_saving()
    {
        var page = await OpenKotoAsync();
        var rules = Path.Combine(cms.Output, "admin", DxCompare.Cms.AdminSite.ValidationFile);
        var current = File.ReadAllText(rules);
        try
        {
            var withoutPercent = System.Text.Json.Nodes.JsonNode.Parse(current)!;
            withoutPercent["vocabulary"]!["units"]!.AsObject().Remove("%");
            File.WriteAllText(rules, withoutPercent.ToJsonString());
            var title = page.GetByLabel("計画名", new() { Exact = true });
            await title.FillAsync("江東区DX推進計画(改定)");
            await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), "単位「%」は content/vocabulary.yml の一覧(units)にありません。");

            File.WriteAllText(rules, current);
            await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
            Assert.Contains("title: 江東区DX推進計画(改定)\n", File.ReadAllText(cms.PlanFile("koto")));
        }
        finally
        {
            File.WriteAllText(rules, current);
        }
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_check_digit_is_stopped_at_the_code_field()
    {
        var page = await OpenKotoAsync();
        await CmsSession.ExpandObjectAsync(page, "municipality");
        await page.GetByLabel("全国地方公共団体コード").FillAsync("131084");
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"),
            "全国地方公共団体コード 131084 の検査数字(6桁目)が違います。13108 で始まるコードの6桁目は 3 です(131083)。公式のコード一覧と照らし合わせてください。");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_duplicate_initiative_number_is_stopped_at_its_number_field()
    {
        var page = await OpenKotoAsync();
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await CmsSession.ExpandAsync(page, "取組2 効果的な情報発信・収集");
        var number = page.Locator("[id^=\"number-field-\"]").Locator("visible=true");
        await Expect(number.Nth(1)).ToHaveValueAsync("2"); // the pillar's number, then the expanded 取組2's
        await number.Nth(1).FillAsync("1");
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), "視点1の中で取組の番号 1 が重複しています。計画書のとおりに、視点1の中で重複しない番号を付けてください。");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_year_field_reads_wareki_shows_it_live_and_stops_what_is_not_a_year()
    {
        var page = await OpenKotoAsync();
        await CmsSession.ExpandObjectAsync(page, "period");
        var end = page.Locator("[id^=\"end-field-\"]").First;
        var reading = page.Locator("[id$=\"-wareki\"]").Locator("visible=true").Nth(1);
        await end.FillAsync("令和12");
        await Expect(reading).ToHaveTextAsync("→ 2030(令和12年度)");
        await end.FillAsync("令和");
        await CmsSession.PublishIsBlockedAsync(page, cms.PlanFile("koto"), "「令和」は年度として読めません。2026、令和8、R8 のように入力してください");
        await end.FillAsync("R12");
        await Expect(reading).ToHaveTextAsync("→ 2030(令和12年度)");
        await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
        var original = File.ReadAllText(Path.Combine(Repository.ContentDirectory, "plans", "koto.yml"));
        Assert.Equal(original.Replace("  end: 2029\n", "  end: 2030\n", StringComparison.Ordinal), File.ReadAllText(cms.PlanFile("koto")));
        await page.CloseAsync();
    }
}
